"""What a sentence says about the game it wants: the game it names (by the catalogue's words), what it asks
for that cannot be built, and the parameters it sets (players, level, speed, lives, rounds, time, range, size,
goal, items, sound). Pure reading: the game pattern composes the spec from it, follow-up edits reuse it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from generator.planner.extract import chinese_number, find_list
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.game_catalogue import Cannot, Game, Near, Words, catalogue

__all__ = [
    "Hit",
    "Wish",
    "about_game",
    "cannot_hits",
    "content_words",
    "emoji_in",
    "find",
    "game_subject",
    "given_name",
    "keeps_records",
    "key",
    "name_hits",
    "number",
    "read_wishes",
    "specificity",
    "theme_items",
    "unknown_name",
]

_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_NUM = r"(\d+|" + "|".join(sorted(_EN_NUMBERS, key=len, reverse=True)) + r"|[零一二两三四五六七八九十百千]+)"
_EMOJI = re.compile(
    r"(?:[\U0001F1E6-\U0001F1FF]{2}|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u2934\u2935\u3030\u303D]"
    r"\uFE0F?(?:\u200D[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?)*)"
)


def key(word: str) -> str:
    """A catalogue word as Context matches it: English words whole (or plural), Chinese anywhere."""
    return f"{word}$" if word.isascii() else word


def find(ctx: Context, word: str) -> tuple[int, int, str] | None:
    """Where ``word`` is in the idea: start, end and the idea's own spelling; None when it is not."""
    shown = ctx.where(key(word))
    if shown is None:
        return None
    start = ctx.position(key(word))
    end = start + len(shown)
    original = ctx.idea[start:end]
    return start, end, original if to_simplified(original).lower() == ctx.text[start:end] else shown


def _short(ctx: Context) -> bool:
    """An idea of a few words only (“Chess”, “做个五子棋”): the name itself is the request."""
    return len(re.findall(r"[a-z0-9]+", ctx.head)) <= 3 and len(re.findall(r"[\u4e00-\u9fff]", ctx.head)) <= 6


def keeps_records(ctx: Context) -> bool:
    """Whether the idea keeps records about a game (“track my poker winnings”) rather than asks to play one."""
    return ctx.has(*(key(w) for w in catalogue().not_play.forms()))


def about_game(ctx: Context) -> bool:
    """Whether the idea speaks of a game (or is only a name): short names like “chess” count then, and so do words
    only games use (“gets faster”, “against the computer”, “two players”)."""
    cat = catalogue()
    words = [*cat.game_words.forms(), *(w for o in _PLAY_OPTIONS for w in cat.options[o].forms())]
    return _short(ctx) or ctx.has(*(key(w) for w in words))


@dataclass(frozen=True)
class Hit:
    """A name found in the idea: the game to build for it and where the name stands."""

    game: str
    word: str
    start: int
    end: int
    shown: str
    near: Near | None = None
    cannot: Cannot | None = None


def name_hits(ctx: Context) -> list[Hit]:
    """Every name of a game (one of ours, one that is not here, or a licensed one) in the idea, the most specific
    first; a name inside a longer one (“chess” in “chinese chess”) is left out."""
    cat = catalogue()
    talk = about_game(ctx)
    if keeps_records(ctx) and not talk:
        return []
    found: list[Hit] = []
    for game in cat.games:
        for word in (*game.names.forms(), *(game.context_names.forms() if talk else ())):
            if where := find(ctx, word):
                found.append(Hit(game.name, word, *where))
    for near in cat.near:
        for word in near.names.forms():
            if where := find(ctx, word):
                found.append(Hit(near.nearest, word, *where, near=near))
    for cannot in cat.cannot:
        if not cannot.nearest_by_word or not talk:
            continue
        by_word = {to_simplified(k).lower(): v for k, v in cannot.nearest_by_word.items()}
        for word in cannot.words.forms():
            if where := find(ctx, word):
                found.append(Hit(by_word.get(word, cannot.nearest), word, *where, cannot=cannot))
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in found:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (-specificity(h.word), h.start))


def specificity(word: str) -> int:
    """How specific a name is: its length without the word “game” (“simon says” over “memory game”)."""
    return len(_GAME_WORD.sub("", word).strip())


def cannot_hits(ctx: Context) -> list[tuple[Cannot, str]]:
    """What the idea asks for that no game here can do, with the idea's word for it (once each)."""
    found: list[tuple[Cannot, str]] = []
    for cannot in catalogue().cannot:
        hits = [h for w in cannot.words.forms() if (h := find(ctx, w))]
        if hits:
            found.append((cannot, min(hits)[2]))
    return found


def number(word: str) -> int | None:
    """A number written in digits, English words or Chinese numerals."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in _EN_NUMBERS:
        return _EN_NUMBERS[word]
    value = chinese_number(word)
    return int(value) if value is not None and value >= 1 else None


@cache
def _unit_pattern(words: tuple[str, ...], before: bool) -> re.Pattern[str]:
    ascii_ = "|".join(re.escape(w) for w in sorted((w for w in words if w.isascii()), key=len, reverse=True))
    other = "|".join(re.escape(w) for w in sorted((w for w in words if not w.isascii()), key=len, reverse=True))
    parts = []
    if ascii_:
        parts.append(rf"(?<![\w-]){_NUM}[\s-]*(?:extra\s+|more\s+)?(?:{ascii_})(?![a-z])")
    if other:
        parts.append(rf"{_NUM}\s*(?:{other})")
    if before and ascii_:
        parts.append(rf"(?:{ascii_})\s*[:：]?\s*{_NUM}(?![\d])")
    return re.compile("|".join(parts))


def _count(ctx: Context, words: Words, before: bool = False) -> int | None:
    """The number said with one of ``words`` (“three lives”, “3条命”, “lives: 3”)."""
    keys = words.forms()
    if not keys:
        return None
    match = _unit_pattern(keys, before).search(ctx.text)
    if match is None:
        return None
    return number(next(g for g in match.groups() if g))


_TARGET = re.compile(
    rf"first to (?:reach |get )?{_NUM}|{_NUM}\s*points?\s*(?:to\s*)?wins?"
    rf"|reach(?:es|ing)?\s*(?:the\s*)?{_NUM}(?!\s*(?:s|sec|seconds|minutes?)\b)"
    rf"|get to {_NUM}|(?:goal|target)\s*(?:of|is|:)?\s*{_NUM}|win at {_NUM}"
    rf"|{_NUM}\s*(?:waves?|pipes?|lines?|hits?|apples?|foods?|m|meters?|metres?|chips?|points?|rounds?)\s+to\s+win"
    rf"|先(?:到|得|拿到|达到)\s*{_NUM}|{_NUM}\s*分(?:获胜|胜|赢|就赢)|达到\s*{_NUM}|目标\s*(?:是)?\s*{_NUM}|合成\s*{_NUM}"
)
_WITH = re.compile(
    r"\b(?:with|using|uses|use)\s+(?:my |the |these |our |some )?(?:own )?(?:words?|pictures?|emoji|items?)?\s*", re.I
)
_PLAY_OPTIONS = ("players_1", "players_2", "fast", "hard")
"""Options that speak of playing: with them, a sentence that names “snake” or “chess” is about the game."""
_GAME_WORD = re.compile(r"(?<![a-z])games?(?![a-z])|小?游戏")
_SIZE = re.compile(r"(\d+)\s*(?:x|×|\*|by|乘)\s*(\d+)")
_RANGE = re.compile(r"(\d+)\s*(?:-|–|to|and|到|至|~|～)\s*(\d+)")
_SECONDS = re.compile(r"(\d+)\s*-?\s*(second|sec|minute|min)s?(?![a-z])")


@dataclass
class Wish:
    """What the idea asks of the game's parameters, before they meet one game's limits."""

    players: int | None = None
    difficulty: str | None = None
    kids: bool = False
    speed: str | None = None
    sound: bool | None = None
    lives: int | None = None
    rounds: int | None = None
    duration_s: int | None = None
    range: tuple[int, int] | None = None
    size: int | None = None
    bigger: bool | None = None
    target: int | None = None
    ships: int | None = None
    items: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    palette: list[str] = field(default_factory=list)
    """The colours of a palette the idea names by one word (“rainbow bricks”), as #hex."""


def _option(ctx: Context, name: str) -> bool:
    return ctx.has(*(key(w) for w in catalogue().options[name].forms()))


def _duration(ctx: Context) -> int | None:
    for quantity in ctx.quantities:
        if quantity.unit in ("s", "min") and quantity.value > 0:
            return round(quantity.value * (60 if quantity.unit == "min" else 1))
    match = _SECONDS.search(ctx.text)
    if match:
        return int(match.group(1)) * (60 if match.group(2).startswith("min") else 1)
    return None


def _size(ctx: Context, game: Game | None) -> int | None:
    match = _SIZE.search(ctx.text)
    if match:
        return int(match.group(1))
    if game is not None and game.size_words.forms():
        return _count(ctx, game.size_words)
    return None


def _target(ctx: Context) -> int | None:
    match = _TARGET.search(ctx.text)
    if match is None:
        return None
    return number(next(g for g in match.groups() if g))


def emoji_in(text: str) -> list[str]:
    """The emoji written in ``text``, in order, each once."""
    return list(dict.fromkeys(m.group(0) for m in _EMOJI.finditer(text)))


def _colours(ctx: Context) -> list[str]:
    """The colours the idea names, in the order it names them (by their catalogue name)."""
    found = []
    for colour in catalogue().colours:
        spots = [h[0] for w in colour.words.forms() if (h := find(ctx, w))]
        if spots:
            found.append((min(spots), colour.name))
    return [name for _, name in sorted(found)]


def theme_items(ctx: Context, game: Game) -> list[str]:
    """The items of the theme the idea names (“with fruit”, “动物”), in the form the game takes: emoji, or words
    in the app's language (English words of the game's length for a word game such as Wordle)."""
    spots = [(min(h[0] for w in t.words.forms() if (h := find(ctx, w))), i, t) for i, t in enumerate(catalogue().themes)
             if ctx.has(*(key(w) for w in t.words.forms()))]  # fmt: skip
    for _, _, theme in sorted(spots, key=lambda s: s[:2]):
        if game.items in ("emoji", "pictures", "pair"):
            return theme.emoji[: 2 if game.items == "pair" else 40]
        if game.items == "words":
            if game.word_length:
                return [w for w in theme.vocab.en if len(w) == game.word_length]
            return theme.vocab(ctx.language)[:40]
    return []


def _listed(ctx: Context, game: Game) -> list[str]:
    """The items the idea lists (“with my words: necessary, separate, rhythm”) when every one of them fits the game:
    words for word games and those that show words (memory, picture), emoji for the others."""
    items = ctx.items or [ctx.script(i) for i in find_list(_WITH.sub(": ", ctx.idea))]
    themes = {k for t in catalogue().themes for k in t.words.forms()}
    if len(items) < 2 or game.items in ("none", "colours") or any(to_simplified(i).lower() in themes for i in items):
        return []
    if game.items in ("emoji", "pair"):
        return items[:40] if all(emoji_in(i) == [i] for i in items) else []
    longest = 3 if game.items in ("words", "groups") else 2
    for item in items:
        cjk = len(re.findall(r"[\u3400-\u9fff]", item))
        if re.search(r"\d", item) or len(item.split()) > longest or len(item) > 40 or cjk > 6:
            return []
        if game.word_length and (len(item) != game.word_length or not item.isalpha()):
            return []
    return items[:40]


def read_wishes(ctx: Context, game: Game | None = None) -> Wish:
    """Everything the idea says about a game's parameters (``game`` adds its own words for its size)."""
    cat = catalogue()
    wish = Wish()
    if _option(ctx, "players_2"):
        wish.players = 2
    elif _option(ctx, "players_1"):
        wish.players = 1
    for level in ("hard", "easy", "normal"):
        if _option(ctx, level):
            wish.difficulty = level
            break
    wish.kids = _option(ctx, "kids")
    if _option(ctx, "fast"):
        wish.speed = "fast"
    elif _option(ctx, "slow"):
        wish.speed = "slow"
    if _option(ctx, "sound_off"):
        wish.sound = False
    elif _option(ctx, "sound_on"):
        wish.sound = True
    wish.lives = _count(ctx, cat.units["lives"], before=True)
    if wish.lives is None and "misses" in cat.units:  # “miss three and it is over”, “漏接三个就结束”
        misses = cat.units["misses"].forms()
        found = re.search(rf"(?:{'|'.join(re.escape(w) for w in misses)})\s*{_NUM}", ctx.text)
        wish.lives = number(next(g for g in found.groups() if g)) if found else None
    wish.rounds = _count(ctx, cat.units["rounds"])
    wish.ships = _count(ctx, cat.units["ships"], before=True) if "ships" in cat.units else None
    wish.duration_s = _duration(ctx)
    span = _RANGE.search(ctx.text)
    if span and int(span.group(1)) < int(span.group(2)):
        wish.range = (int(span.group(1)), int(span.group(2)))
    wish.size = _size(ctx, game)
    if _option(ctx, "bigger"):
        wish.bigger = True
    elif _option(ctx, "smaller"):
        wish.bigger = False
    wish.target = _target(ctx)
    wish.colours = _colours(ctx)
    wish.palette = next((list(p.colors) for p in cat.palettes if ctx.has(*(key(w) for w in p.words.forms()))), [])
    if game is not None:
        wish.items = _listed(ctx, game) or emoji_in(ctx.idea)
    return wish


_QUOTED = re.compile(r"[\"“”「『《]([^\"“”「」『』《》]{2,40})[\"“”」』》]")
_CALLED = re.compile(
    r"(?<![a-z])(?:called|named|titled|name it|call it)\s+[\"“'‘]?"
    r"([a-z0-9][\w'’&.:!-]*(?:\s+[a-z0-9][\w'’&.:!-]*){0,3})",
    re.I,
)
_CALLED_ZH = re.compile(
    r"(?:名叫|叫做|叫作|名为|名字叫|取名|叫)\s*[“「『《\"]?([\u4e00-\u9fffa-zA-Z0-9·-]{2,12}?)[”」』》\"]?(?:的|小?[游遊][戏戲]|[，,。]|$)"
)
_PLAY = re.compile(
    r"(?<![a-z])(?:play|playing)\s+(?:a\s+(?:round|game)\s+of\s+)?([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})"
)
_GAME_OF = re.compile(r"(?<![a-z])games?\s+of\s+([a-z][\w'’&-]*(?:\s+[a-z][\w'’&-]*){0,2})")
_NAME_STOP = frozenset(
    "where which that who with for to in on about and or but so if when while where by from like as against"  # noqa: SIM905
    " is are was be it its the a an".split()
)  # fmt: skip
_MODIFIED = re.compile(
    r"\s*(?:nights?|scores?|scoring|scorekeeper|scoreboard|collection|library|tracker|tracking|log|logs|list|lists"
    r"|store|shop|stats|statistics|results?|records?|schedule|planner|plans?|time|timer|days?|master|rules|reviews?"
    r"|counter|keeper|sessions?|inventory|catalog|catalogue|wishlist|backlog|budget|spending|club|tournament"
    r"|league|bracket|picker|chooser|randomizer|ideas|recommendations?|design|development|dev|engine|studio"
    r"|controller|console|pieces?|box|boxes|shelf|sales?|prices?)(?![a-z])"
)
_ZH_MODIFIED = re.compile(
    r"化|机|币|厅|圈|本|店|时间|时长|记录|记分|计分|比分|分数|清单|收藏|库|商店|评测|攻略|账号|充值|之夜|夜|计划|日程|开发|设计"
    r"|的(?:应用|app|工具|程序|小程序|网站|页面|表|记录|清单)"
)
_EN_BOUNDARY = re.compile(r"(?<![a-z])(?:to|for|which|where|who|so|about|tracks?|tracking|logs?)(?![a-z])|[,;:.!?]")
_APPOSITION = re.compile(r"[,:;]\s*(?:(?:it'?s|this is|as)\s+)?(?:a|an|the)?\s*(?:[a-z-]+\s+){0,2}$")
_PLAY_ZH = re.compile(
    r"^(?:我们|咱们|我|来|想|要|一起|陪我|和我|跟我)*玩(?:一局|一盘|一把|一会儿?)?([\u4e00-\u9fff]{2,8}?)(?:吧|呀|啊|的|[，,。！!]|$)"
)
_APP_HEAD = re.compile(
    r"(?<![a-z])(?:app|apps|application|tool|tracker|website|site|page|dashboard|planner|log|journal|list|calculator"
    r"|timer|counter|manager|organizer|organiser)(?![a-z])"
)


_GAME_VERB = re.compile(
    r"^\s*(?i:battling|battle of|racing|fighting|dueling|duelling|dodging|shooting|jumping|flying|chasing|catching"
    r"|stacking|smashing|slicing|escaping)\s+(?:the\s+)?[A-Z][\w'’-]*"
)
"""A sentence that opens on a game's verb and a name (“Battling Bots driven by Boolean algebra”)."""


def _trim_name(words: list[str]) -> str:
    """A name cut at the first word that starts the rest of the sentence (“Boole-Bot where bots …” → Boole-Bot)."""
    kept: list[str] = []
    for word in words:
        if word.lower().strip("'’") in _NAME_STOP:
            break
        kept.append(word)
    return " ".join(kept).strip(" .:!-'’")


def given_name(ctx: Context) -> str | None:
    """The name the idea gives the game it asks for: “a puzzle game called Boole-Bot”, “play Zorblax”, a name in
    quotes beside the word game, “叫「数字迷宫」的游戏”, “a game of Ludo”; None when it gives none."""
    idea = ctx.idea
    for pattern in (_CALLED, _PLAY):
        for match in pattern.finditer(idea):
            name = _trim_name(match.group(1).split())
            if name and name.lower() not in _NAME_STOP:
                return name
    simple = to_simplified(idea)  # 名為 reads as 名为, and the name is cut from the idea itself
    simple = simple if len(simple) == len(idea) else idea
    said = _CALLED_ZH.search(simple) or _PLAY_ZH.search(simple)
    if said:
        return idea[said.start(1) : said.end(1)]
    for quoted in _QUOTED.finditer(idea):
        around = to_simplified(idea[max(0, quoted.start() - 12) : quoted.end() + 12]).lower()
        if _GAME_WORD.search(around) or "play" in around or "玩" in around:
            return quoted.group(1).strip()
    of = _GAME_OF.search(ctx.head)
    if of:
        name = _trim_name(of.group(1).split())
        generic = set(catalogue().naming.filler)
        if name and not set(name.split()) <= generic:
            at = idea.lower().find(name)
            return idea[at : at + len(name)] if at >= 0 else name
    return None


def game_subject(ctx: Context) -> bool:
    """Whether what the sentence asks for is a game, read from its structure: the word game (游戏, 遊戲) heads what
    it asks for (“a this-or-that game where…”, “一个XX小游戏”, “a game called…”, “a game of Ludo”), or it asks to
    play a named game (“let's play Zorblax”); not when game only describes the thing asked for (“a game night
    planner”, “track my chess games”, “游戏时间记录”) or stands in a clause after it (“a score keeper for card
    games”)."""
    if keeps_records(ctx):
        return False
    head = ctx.head.split(" | ")[0]
    if any(_PLAY.search(part) for part in _sentences_of(ctx.idea)[:1]) or _PLAY_ZH.search(head):
        return True
    if _GAME_VERB.match(ctx.idea) and not _APP_HEAD.search(head) and not _MODIFIED.search(head):
        return True
    for match in re.finditer(r"(?<![a-z])games?(?![a-z])", head):
        before = head[: match.start()]
        if _EN_BOUNDARY.search(before) and not _APPOSITION.search(before):
            opening = _EN_BOUNDARY.split(before)[0]
            if _APP_HEAD.search(opening) or len(opening.split()) > 1:
                continue
        if _APP_HEAD.search(before) or _MODIFIED.match(head[match.end() :]):
            continue
        return True
    for match in re.finditer(r"小?游戏", head):
        if _ZH_MODIFIED.match(head[match.end() :]):
            continue
        if (
            re.search(r"(?:应用|app|工具|程序|网站|记录本?|清单)", head[: match.start()])
            and "叫" not in head[: match.start()]
        ):
            continue
        return True
    return False


def _sentences_of(text: str) -> list[str]:
    return [s for s in re.split(r"[.!?。！？\n]", text) if s.strip()]


@cache
def _generic() -> frozenset[str]:
    """Words that say “a game” of some kind without naming one (fun, kids, board, fruit, online…)."""
    cat = catalogue()
    generic = set(cat.naming.filler)
    for words in (cat.game_words, *cat.options.values(), *(f.words for f in cat.families.values())):
        generic |= {w for k in words.forms() for w in k.split()}
    for theme in cat.themes:
        generic |= {w for k in theme.words.forms() for w in k.split()}
    for cannot in cat.cannot:
        generic |= {w for k in cannot.words.forms() for w in k.split()}
    for colour in cat.colours:
        generic |= {w for k in colour.words.forms() for w in k.split()}
    return frozenset(generic)


def content_words(ctx: Context) -> list[str]:
    """The English words of the idea's first sentence that say more than “a game” (“guess”, “flag”, “country” in
    “a game where you guess the flag of a country”)."""
    generic = _generic() | _NAME_STOP
    words = re.findall(r"[a-z][a-z'-]+", ctx.head.split(" | ")[0])
    return [w for w in words if len(w) > 2 and w not in generic and w.rstrip("s") not in generic]


_TITLED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:or|and|of|the|vs\.?|&)\s+)?){1,5})[Gg]ames?(?![a-z])")


def unknown_name(ctx: Context) -> str | None:
    """The name of a game the idea asks for when it is none the catalogue knows (“a bingo game” → “bingo”,
    “接水果小游戏” → “接水果”, “a puzzle game called Boole-Bot” → “Boole-Bot”, “This or That Game”), or None
    when it only says “a game” (with words like fun, kids, board)."""
    cat = catalogue()
    given = given_name(ctx)
    if given:
        return given
    generic = _generic()
    titled = _TITLED.search(ctx.idea)
    if titled:
        words = titled.group(1).split()
        while words and words[0].lower() in generic and (len(words) == 1 or words[1][0].isupper()):
            words = words[1:]  # “A Memory Game”: a word that only starts the title; “This or That”: a name
        if words and any(w.lower() not in generic for w in words):
            return " ".join(words)
    match = re.search(r"((?:[a-z0-9][a-z0-9'’&.-]*\s+){1,5})games?(?![a-z])", ctx.head)
    if match:
        tokens = match.group(1).split()
        while tokens and tokens[-1] in cat.naming.between:
            tokens = tokens[:-1]
        run: list[str] = []
        while tokens and tokens[-1] not in generic:
            run.insert(0, tokens.pop())
        if run:
            shown = " ".join(run[-4:])
            at = ctx.idea.lower().find(shown)
            return ctx.idea[at : at + len(shown)] if at >= 0 else shown
    match = re.search(r"([\u4e00-\u9fffa-z0-9]{1,10}?)小?游戏", ctx.head)
    if match:
        cut = "|".join(re.escape(w) for w in sorted(cat.naming.zh_cut, key=len, reverse=True))
        pieces = [p for p in re.split(cut, match.group(1)) if p.strip()]
        name = pieces[-1].strip() if pieces else ""
        zh_generic = set(cat.naming.zh_generic) | {k for f in cat.families.values() for k in f.words.forms()}
        if len(name) >= 2 and name not in zh_generic and not any(name in k for k in zh_generic if len(k) > 1):
            return ctx.script(name)
    return None
