"""Built-in flashcard decks: English vocabulary, Japanese kanji, world capitals, Spanish basics, chemical
elements (symbol and name); and the word
lists of spelling tests (English words with meanings, Chinese words with pinyin)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DECKS", "HANZI", "SPELLING", "Deck", "meaning_of"]


@dataclass(frozen=True)
class Deck:
    """Cards as (front, back in English, back in Chinese, hint); fronts stay as written in every language."""

    name: str
    title: tuple[str, str]
    keywords: dict[str, float]
    icon: str
    cards: tuple[tuple[str, str, str, str], ...]


VOCAB = Deck(
    "vocabulary",
    ("English Vocabulary", "英语单词"),
    {
        "vocab": 10,
        "word": 3,
        "english": 5,
        "spelling": 4,
        "gre": 4,
        "toefl": 6,
        "ielts": 6,
        "单词": 10,
        "单字": 10,
        "词汇": 10,
        "英语": 6,
        "英文": 6,
        "背单词": 12,
        "四级": 6,
        "六级": 6,
        "雅思": 6,
        "托福": 6,
    },
    "📖",
    (
        ("abundant", "existing in large amounts", "丰富的；大量的", "adj. · abundant resources"),
        ("benefit", "an advantage or good effect", "好处；益处", "n. · the benefits of exercise"),
        ("curious", "eager to know or learn something", "好奇的", "adj. · a curious child"),
        ("determine", "to decide or find out exactly", "决定；查明", "v. · determine the cause"),
        ("efficient", "working well without wasting time", "高效的", "adj. · an efficient method"),
        ("flexible", "able to bend or change easily", "灵活的；可弯曲的", "adj. · flexible hours"),
        ("generous", "happy to give more than expected", "慷慨的；大方的", "adj. · a generous gift"),
        ("habit", "something you do regularly", "习惯", "n. · a good habit"),
        ("improve", "to make or become better", "改进；提高", "v. · improve your English"),
        ("journey", "a trip from one place to another", "旅程", "n. · a long journey"),
        ("knowledge", "what you know and understand", "知识", "n. · general knowledge"),
        ("modest", "not talking much about your abilities", "谦虚的", "adj. · a modest person"),
        ("necessary", "needed in order to do something", "必要的", "adj. · necessary tools"),
        ("opportunity", "a chance to do something", "机会", "n. · a great opportunity"),
        ("patient", "able to wait calmly", "耐心的", "adj. · be patient"),
        ("recommend", "to suggest as good or suitable", "推荐；建议", "v. · recommend a book"),
    ),
)

KANJI = Deck(
    "kanji",
    ("Kanji (JLPT N5)", "日语汉字（N5）"),
    {"kanji": 12, "japanese": 8, "jlpt": 10, "hiragana": 6, "日语": 10, "日文": 8, "假名": 6},
    "🈶",
    (
        ("日", "sun, day — にち / ひ (nichi / hi)", "太阳、日子 — にち / ひ", "日本 (にほん) Japan"),
        ("月", "moon, month — げつ / つき (getsu / tsuki)", "月亮、月份 — げつ / つき", "月曜日 Monday"),
        ("火", "fire — か / ひ (ka / hi)", "火 — か / ひ", "火曜日 Tuesday"),
        ("水", "water — すい / みず (sui / mizu)", "水 — すい / みず", "水曜日 Wednesday"),
        ("木", "tree, wood — もく / き (moku / ki)", "树、木 — もく / き", "木曜日 Thursday"),
        ("金", "gold, money — きん / かね (kin / kane)", "金、钱 — きん / かね", "金曜日 Friday"),
        ("土", "earth, soil — ど / つち (do / tsuchi)", "土 — ど / つち", "土曜日 Saturday"),
        ("山", "mountain — さん / やま (san / yama)", "山 — さん / やま", "富士山 Mt. Fuji"),
        ("川", "river — せん / かわ (sen / kawa)", "河 — せん / かわ", "小川 stream"),
        ("人", "person — じん / ひと (jin / hito)", "人 — じん / ひと", "日本人 Japanese person"),
        ("口", "mouth — こう / くち (kō / kuchi)", "口 — こう / くち", "入口 entrance"),
        ("大", "big — だい / おおきい (dai / ōkii)", "大 — だい / おおきい", "大学 university"),
        ("小", "small — しょう / ちいさい (shō / chiisai)", "小 — しょう / ちいさい", "小学校 primary school"),
        ("学", "study — がく / まなぶ (gaku / manabu)", "学习 — がく / まなぶ", "学生 student"),
        ("生", "life, birth — せい / いきる (sei / ikiru)", "生命、出生 — せい / いきる", "先生 teacher"),
    ),
)

CAPITALS = Deck(
    "capitals",
    ("World Capitals", "世界首都"),
    {"capital": 10, "country": 4, "geography": 6, "首都": 12, "国家": 4},
    "🌍",
    (
        ("France", "Paris", "法国 — 巴黎", "Europe"),
        ("Japan", "Tokyo", "日本 — 东京", "Asia"),
        ("Canada", "Ottawa", "加拿大 — 渥太华", "North America"),
        ("Australia", "Canberra", "澳大利亚 — 堪培拉", "Oceania"),
        ("Brazil", "Brasília", "巴西 — 巴西利亚", "South America"),
        ("Egypt", "Cairo", "埃及 — 开罗", "Africa"),
        ("Germany", "Berlin", "德国 — 柏林", "Europe"),
        ("India", "New Delhi", "印度 — 新德里", "Asia"),
        ("Kenya", "Nairobi", "肯尼亚 — 内罗毕", "Africa"),
        ("Mexico", "Mexico City", "墨西哥 — 墨西哥城", "North America"),
        ("South Korea", "Seoul", "韩国 — 首尔", "Asia"),
        ("Italy", "Rome", "意大利 — 罗马", "Europe"),
        ("Argentina", "Buenos Aires", "阿根廷 — 布宜诺斯艾利斯", "South America"),
        ("Thailand", "Bangkok", "泰国 — 曼谷", "Asia"),
        ("Spain", "Madrid", "西班牙 — 马德里", "Europe"),
    ),
)

SPANISH = Deck(
    "spanish",
    ("Spanish Basics", "西班牙语入门"),
    {"spanish": 12, "español": 12, "西班牙语": 12},
    "🇪🇸",
    (
        ("hola", "hello", "你好", "¡Hola, María!"),
        ("gracias", "thank you", "谢谢", "Muchas gracias."),
        ("por favor", "please", "请", "Un café, por favor."),
        ("adiós", "goodbye", "再见", "¡Adiós, amigos!"),
        ("agua", "water", "水", "Quiero agua."),
        ("casa", "house", "房子；家", "Mi casa es tu casa."),
        ("perro", "dog", "狗", "El perro es grande."),
        ("gato", "cat", "猫", "El gato duerme."),
        ("libro", "book", "书", "Leo un libro."),
        ("amigo", "friend", "朋友", "Es mi amigo."),
        ("comer", "to eat", "吃", "Vamos a comer."),
        ("feliz", "happy", "快乐的", "¡Feliz cumpleaños!"),
    ),
)

SPELLING = Deck(
    "spelling",
    ("Spelling Words", "英语拼写"),
    {"spelling": 12, "spell": 10, "dictation": 8, "拼写": 12, "默写": 8, "听写": 6},
    "✏️",
    (
        ("necessary", "needed; that must be done", "必要的", "adj."),
        ("separate", "apart; not joined together", "分开的；单独的", "adj. / v."),
        ("rhythm", "a regular, repeated pattern of sounds or beats", "节奏；韵律", "n."),
        ("definitely", "certainly; without any doubt", "一定地；肯定地", "adv."),
        ("calendar", "a chart of the days, weeks and months of a year", "日历", "n."),
        ("believe", "to think that something is true", "相信", "v."),
        ("receive", "to get something that is given or sent to you", "收到；接到", "v."),
        ("friend", "a person you know well and like", "朋友", "n."),
        ("because", "for the reason that", "因为", "conj."),
        ("beautiful", "very pleasant to look at", "美丽的", "adj."),
        ("different", "not the same as another", "不同的", "adj."),
        ("February", "the second month of the year", "二月", "n."),
        ("library", "a place where you can read and borrow books", "图书馆", "n."),
        ("tomorrow", "the day after today", "明天", "n. / adv."),
        ("environment", "the air, water and land around us", "环境", "n."),
        ("government", "the group of people who run a country", "政府", "n."),
        ("embarrass", "to make someone feel shy or ashamed", "使尴尬", "v."),
        ("accommodate", "to give someone a place to stay", "容纳；为……提供住处", "v."),
        ("occasion", "a special event or time", "场合；时刻", "n."),
        ("weird", "very strange or unusual", "奇怪的", "adj."),
    ),
)

HANZI = Deck(
    "hanzi",
    ("Chinese Dictation", "生字听写"),
    {"生字": 12, "词语": 8, "汉字": 8, "语文": 8, "听写": 8, "chinese characters": 10, "hanzi": 10},
    "🖌️",
    # (word, meaning in English, an example sentence, pinyin)
    (
        ("春天", "spring", "春天来了，花开了。", "chūn tiān"),
        ("花朵", "flower", "五颜六色的花朵", "huā duǒ"),
        ("太阳", "sun", "太阳升起来了。", "tài yáng"),
        ("月亮", "moon", "弯弯的月亮", "yuè liang"),
        ("朋友", "friend", "我们是好朋友。", "péng you"),
        ("学校", "school", "我爱我的学校。", "xué xiào"),
        ("老师", "teacher", "老师早上好！", "lǎo shī"),
        ("快乐", "happy", "祝你生日快乐！", "kuài lè"),
        ("美丽", "beautiful", "美丽的家乡", "měi lì"),
        ("森林", "forest", "森林里有很多树。", "sēn lín"),
        ("河流", "river", "一条长长的河流", "hé liú"),
        ("雪花", "snowflake", "雪花飘飘", "xuě huā"),
    ),
)

ELEMENTS = Deck(
    "elements",
    ("Chemical Elements", "化学元素"),
    {"periodic table": 12, "element": 6, "chemical symbol": 10, "元素": 10, "周期表": 12, "元素符号": 12},
    "⚗️",
    tuple(
        (symbol, en, zh, f"No. {number}")
        for number, symbol, en, zh in (
            (1, "H", "Hydrogen", "氢"), (2, "He", "Helium", "氦"), (3, "Li", "Lithium", "锂"),
            (4, "Be", "Beryllium", "铍"), (5, "B", "Boron", "硼"), (6, "C", "Carbon", "碳"),
            (7, "N", "Nitrogen", "氮"), (8, "O", "Oxygen", "氧"), (9, "F", "Fluorine", "氟"),
            (10, "Ne", "Neon", "氖"), (11, "Na", "Sodium", "钠"), (12, "Mg", "Magnesium", "镁"),
            (13, "Al", "Aluminium", "铝"), (14, "Si", "Silicon", "硅"), (15, "P", "Phosphorus", "磷"),
            (16, "S", "Sulfur", "硫"), (17, "Cl", "Chlorine", "氯"), (18, "Ar", "Argon", "氩"),
            (19, "K", "Potassium", "钾"), (20, "Ca", "Calcium", "钙"), (26, "Fe", "Iron", "铁"),
            (29, "Cu", "Copper", "铜"), (30, "Zn", "Zinc", "锌"), (47, "Ag", "Silver", "银"), (79, "Au", "Gold", "金"),
        )
    ),
)  # fmt: skip

DECKS: tuple[Deck, ...] = (VOCAB, KANJI, CAPITALS, SPANISH, ELEMENTS)


def meaning_of(word: str) -> tuple[str, str] | None:
    """A word's meaning in English and Chinese, when a built-in deck knows it (“rhythm” → …)."""
    key = word.strip().casefold()
    for deck in (SPELLING, VOCAB, SPANISH):
        for front, back_en, back_zh, _ in deck.cards:
            if front.casefold() == key:
                return back_en, back_zh
    return None
