"""Text and file tools: text counted and changed as it is typed, or a CSV file cleaned into a table.

The sentence names what the tool does (count words, change case, remove duplicate lines, extract
e-mails, clean a CSV file…); no single word decides: a text tool needs a text operation named
with its object ("count the words", "remove blank lines"), so "count my steps" stays a tracker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashapps.spec import AppSpec, Brief, KeyPath, LeftOut, Screen, TextComponent
from flashapps.spec.texttools import DataFileComponent, TextToolComponent
from generator.planner.hanzi import to_simplified
from generator.planner.lang import Tr
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.texttools_words import CASE_WORDS, COUNT_WORDS, FILE_WORDS, OP_WORDS, TEXT_WORDS

__all__ = ["PATTERN", "Reading", "read"]

_TEXT = r"(?:text|texts|essay|article|paragraph|document|passage|writing|string|content|copy|list)"
_ABILITIES: dict[str, tuple[str, ...]] = {
    "counts": (
        r"\b(?:word|character|char|letter|sentence|paragraph)s?[- ]?(?:count|counter|counting|tally|limit)",
        r"\bcount(?:s|ing)?\s+(?:the\s+|my\s+|all\s+|how\s+many\s+)?(?:words|characters|chars|letters|sentences)",
        r"^(?!.*(?:learn|memori[sz]|vocab|背|学|记住)).*"
        r"\bhow many (?:words|characters|letters) (?:are )?(?:in|does|my|this|a|the)\b",
        r"\breading time\b",
        r"\b(?:characters?|words|letters) (?:with(?:out)?|excluding|including|minus) (?:and without )?(?:the )?spaces",
        r"\b(?:text|tweet|essay|post|caption|title) length\b",
        r"\b(?:character|word|length) checker\b",
        r"字数|字符数|计字|数字数|阅读时间|阅读时长|段落数|句子数|统计.{0,6}(?:字|词|单词|句|段落)",
    ),
    "case": (
        r"\b(?:upper|lower|title|sentence|camel|snake)[- ]?case\b",
        r"\b(?:uppercase|lowercase|capitali[sz]e|capital letters)\b",
        r"\bcase (?:convert|chang|switch|tool)",
        r"大小写|转(?:成|为|换成)?(?:大写|小写)|首字母大写|字母大写|字母小写",
    ),
    "replace": (
        r"\b(?:find|search) (?:and|&) replace\b",
        r"\breplace (?:a |the |all |every )?(?:words?|text|phrase)",
        r"替换",
    ),
    "dedupe": (
        r"\b(?:duplicate|repeated|double) (?:lines|words)\b",
        rf"\b(?:duplicate|repeated|double) (?:entries|items|names)\b.{{0,40}}\b{_TEXT}\b",
        r"\bdedup\w* (?:lines|list|text)",
        r"\bunique lines\b",
        r"去重|重复的?(?:行|内容|词|项)",
    ),
    "blank": (r"\b(?:empty|blank) lines\b", r"空行"),
    "spaces": (
        r"\b(?:extra|double|multiple|trailing|leading|repeated) (?:spaces|whitespace|blanks)",
        r"\btrim\b",
        r"\bwhitespace\b",
        r"多余的?(?:空格|空白)|(?:删|去)\w{0,3}(?:空格|空白)|连续.{0,3}空格|首尾空格",
    ),
    "sort": (
        r"\bsort (?:the |my |a )?(?:lines|list|words|names|items)",
        r"\balphabeti[sz]",
        r"\balphabetical(?:ly)?\b",
        r"(?:按|依)?字母(?:顺序)?排序|(?:行|列表|名单)\w{0,4}排序|排序\w{0,4}(?:行|列表|名单)",
    ),
    "reverse": (r"\breverse (?:the )?(?:lines|order|list)", r"倒序|反转(?:顺序|行)"),
    "emails": (
        r"\be-?mail(?: address(?:es)?)?s?\b.{0,40}\b(?:from|in|out of)\b",
        r"(?:提取|抽取|找出|挑出).{0,12}(?:邮箱|邮件地址|电子邮件)",
    ),
    "numbers": (
        r"\b(?:extract|pull out|find|get|grab|collect) (?:all |every |the )*(?:numbers|digits|phone numbers)",
        r"(?:提取|抽取|找出|挑出).{0,12}(?:数字|号码|电话|手机号)",
    ),
    "links": (
        r"\b(?:extract|pull out|find|get|grab|collect) (?:all |every |the )*(?:links?|urls?)\b",
        r"(?:提取|抽取|找出|挑出).{0,12}(?:链接|网址)",
    ),
    "split": (
        r"\bsplit (?:a |the |my )?(?:text|list|string|line|comma|sentence)",
        r"\bcomma[- ]separated\b.{0,30}\b(?:lines|list)",
        r"拆分|拆成|分割成",
    ),
    "join": (
        r"\bjoin (?:the |all )?lines\b",
        r"\b(?:into|on) one line\b",
        r"\bmerge (?:the )?lines\b",
        r"合并成一行|合成一行|连成一行",
    ),
    "number_lines": (
        r"\bnumber (?:the |each |every )?lines?\b",
        r"\badd line numbers\b",
        r"(?:加|添加)行号|给每行编号",
    ),
    "frequency": (
        r"\bword frequenc",
        r"\b(?:most|least) (?:common|frequent|used|often used) words\b",
        r"\bfrequent words\b",
        r"\bwords? (?:i|you) use (?:the )?most\b",
        r"词频|高频词|常用词|出现(?:的)?次数最多|(?:每个|各个)(?:词|单词)出现",
    ),
}
_EXTRACTS = ("emails", "numbers", "links")
_TEXT_ANY = (
    r"\btext (?:tool|cleaner|formatter|converter|utility|editor)",
    rf"\bpaste (?:in |my |a |an |the |some )?{_TEXT}",
    rf"\bconvert (?:this |my |the |some )?{_TEXT}",
    r"文本工具|文字工具|文字处理|文本处理|粘贴|转换文字|文字转换|整理文字|文字整理",
)
_FILE = (
    r"(?<![a-z])csv(?![a-z])",
    r"\bspreadsheets?\b",
    r"(?<![a-z])excel(?![a-z])",
    r"(?<![a-z])xlsx?(?![a-z])",
    r"\bupload (?:a |my |the |an )?(?:file|table|sheet|data)",
    r"\bdata ?(?:clean|cleaning|cleaner)\b",
    r"\bclean (?:up )?(?:my |the |a )?(?:data|table|file|dataset)",
    r"表格|上传.{0,6}(?:文件|档案|数据|表)|数据清洗|清洗数据|清理数据|数据清理",
)
_MERGE = (
    r"\b(?:merge|combine|join|append|stack)\w* (?:\w+ ){0,3}(?:files|csvs|sheets|tables|spreadsheets)"
    r"|(?:多个|几个|好几个|多份|多张).{0,6}(?:文件|档案|表格|表|csv).{0,12}(?:合并|合成|拼接)|合并.{0,4}(?:文件|档案|表格)"
)
_FILE_STEPS: dict[str, tuple[str, ...]] = {
    "trim": (r"\b(?:spaces|whitespace|trim)", r"空格|多余的?空白|空白字符|首尾空白"),
    "dedupe": (r"\bduplicate", r"\bdedup", r"重复|去重"),
    "blanks": (
        r"\b(?:blank|empty|missing)\b",
        r"\bfill\b",
        r"空值|空的?行|缺失|空单元格|空白的?(?:行|列|格)|填充|空白",
    ),
    "columns": (
        r"\b(?:choose|select|pick|keep|remove|drop|delete|hide) (?:only |some |the |which |certain )*columns",
        r"(?:选择|保留|删除|隐藏|挑选)\w{0,4}(?:列|栏位|字段)",
    ),
    "rename": (r"\brenam", r"重命名|重新命名|改名|改列名|改栏位名"),
    "filter": (r"\bfilter", r"\bonly (?:the )?rows\b", r"筛选|过滤"),
    "sort": (r"\bsort", r"\border by\b", r"排序"),
    "chart": (r"\b(?:chart|graph|plot|visuali[sz])", r"图表|画图|柱状图|统计图|可视化"),
}
_COUNT_NAMES: dict[str, tuple[str, ...]] = {
    "chars": (r"\bcharacter|\bchars?\b|\bletters\b", r"字符"),
    "chars_no_spaces": (r"(?:without|no|excluding|minus) (?:the )?spaces", r"不含空格|不算空格|去掉空格"),
    "words": (r"\bwords?\b", r"字数|词数|单词"),
    "sentences": (r"\bsentences?\b", r"句子|句数"),
    "paragraphs": (r"\bparagraphs?\b", r"段落|段数"),
    "lines": (r"\blines\b", r"行数"),
    "minutes": (r"\breading time\b|\btime to read\b|\bminutes? to read\b", r"阅读时间|阅读时长|读完"),
    "cjk": (r"\bchinese characters?\b|\bhanzi\b|\bcjk\b", r"汉字|中文按字|中文字"),
    "latin": (r"\benglish words?\b", r"英文(?:按)?单词|英文单词|英文字数"),
    "punct": (r"\bpunctuation", r"标点"),
}
_CASE_NAMES: dict[str, tuple[str, ...]] = {
    "upper": (r"\bupper[- ]?case\b|\ball caps\b|\bcapital letters\b", r"全部?大写|转大写|转成大写"),
    "lower": (r"\blower[- ]?case\b", r"全部?小写|转小写|转成小写"),
    "title": (r"\btitle[- ]?case\b|\bcapitali[sz]e (?:each|every) word", r"首字母大写|标题格式"),
    "sentence": (r"\bsentence[- ]?case\b", r"句首大写|句首字母大写"),
    "swap": (r"\bswap[- ]?case\b|\binvert(?:ed)? case\b", r"大小写互换|大小写反转"),
}
_CONVERT = (
    r"^(?!.*(?:练习|测验|测试|游戏|practi[cs]e|quiz|game|flash ?cards?)).*"
    r"(?:转|标注|标在|生成|做成|提取|识别|\bconvert|\bturn\b.{0,30}\binto\b|\bmaker\b|\bgenerat|\bencode|\bextract|\bread)"
)
_LEARNING = r"\blearn|\bmemori[sz]|\bvocab|背单词|学单词|记单词|背诵"
_LOGGING = r"\btrack|\blog\b|\bdaily\b|\bevery day\b|\beach day\b|记录|每天|每日|打卡"
_TEXT_OBJECT = r"\b(?:texts?|essays?|articles?|paragraphs?|documents?|posts?|drafts?)\b|文章|文本|文字|作文|段落|稿"
_AMOUNT_WORDS = r"(?:人民币|金额|数字|支票|发票)\S{0,4}大写|大写金额"


@dataclass(frozen=True)
class _LeftOut:
    pattern: str
    part: tuple[str, str]
    reason: tuple[str, str]


_CANNOT = (
    _LeftOut(
        r"\bpinyin\b|\bzhuyin\b|\bbopomofo\b|拼音|注音",
        ("Pinyin or zhuyin for Chinese text", "汉字转拼音或注音"),
        (
            "Reading Chinese aloud needs a pronunciation dictionary of thousands of characters that this app does "
            "not carry; it counts and tidies the text instead.",
            "给汉字注音需要几千个字的读音词典，这个应用没有内置；它改为统计和整理文字。",
        ),
    ),
    _LeftOut(
        r"(?<![a-z])qr(?![a-z])|二维码|qr ?code",
        ("QR codes", "二维码"),
        (
            "The app's runtime has no QR code library, so it cannot draw one; it prepares and checks the text "
            "to encode instead.",
            "应用的运行环境里没有生成二维码的程序库，画不出二维码；它改为准备和检查要编码的文字。",
        ),
    ),
    _LeftOut(
        r"(?<![a-z])(?:excel|xlsx?)(?![a-z])|\.xls|工作簿",
        ("Excel files (.xlsx)", "Excel 文件（.xlsx）"),
        (
            "The app's runtime cannot read Excel workbooks; save the sheet as CSV (File → Save as → CSV) and "
            "upload that.",
            "应用的运行环境读不了 Excel 工作簿；请把表格另存为 CSV（文件 → 另存为 → CSV）再上传。",
        ),
    ),
    _LeftOut(
        r"\bocr\b|(?:text|words) (?:from|in|out of) (?:an? |the )?(?:image|photo|picture|scan)"
        r"|图片.{0,6}文字|识别文字|文字识别",
        ("Reading text from images (OCR)", "从图片识别文字（OCR）"),
        (
            "Recognising text in a picture needs an OCR engine that this app does not have; type or paste the "
            "text and the app works on it.",
            "识别图片里的文字需要 OCR 引擎，这个应用没有；请输入或粘贴文字，应用再处理它。",
        ),
    ),
    _LeftOut(
        r"\btraditional chinese\b.{0,30}\bsimplified\b|\bsimplified chinese\b.{0,30}\btraditional\b"
        r"|繁体.{0,6}简体|简体.{0,6}繁体|简繁|繁简",
        ("Simplified ↔ traditional Chinese conversion", "简体与繁体互相转换"),
        (
            "A correct conversion needs a full character and phrase table that this app does not carry; it "
            "counts and tidies the text instead.",
            "准确的简繁转换需要完整的字词对照表，这个应用没有内置；它改为统计和整理文字。",
        ),
    ),
    _LeftOut(
        r"(?<![a-z])pdf(?![a-z])|\.docx?\b|\bword document|文档文件",
        ("PDF and Word documents", "PDF 和 Word 文档"),
        (
            "The app cannot open PDF or Word files; copy their text and paste it here.",
            "应用打不开 PDF 或 Word 文件；请复制其中的文字粘贴进来。",
        ),
    ),
)


@dataclass(frozen=True)
class Reading:
    """What the sentence asks of a text or file tool."""

    abilities: tuple[str, ...]
    text_any: bool
    file: bool
    file_steps: tuple[str, ...]


_TRADITIONAL = str.maketrans("刪檔濾誦視併複註", "删档滤诵视并复注")
"""Traditional characters the shared table leaves as they are, in the words these patterns look for."""


def _plain(ctx: Context) -> str:
    """The idea as the patterns read it (simplified script, lower case)."""
    return ctx.text.translate(_TRADITIONAL)


def _found(text: str, patterns: tuple[str, ...]) -> bool:
    return any(re.search(p, text) for p in patterns)


def read(ctx: Context) -> Reading:
    text = _plain(ctx)
    abilities = [name for name, patterns in _ABILITIES.items() if _found(text, patterns)]
    kept = re.search(_LEARNING, text) or re.search(_LOGGING, text)
    if "counts" in abilities and kept and not _found(text, _TEXT_ANY) and not re.search(_TEXT_OBJECT, text):
        abilities.remove("counts")  # "how many words I learn a day", "my daily reading time": progress to track
    if "case" in abilities and re.search(_AMOUNT_WORDS, text):
        abilities.remove("case")  # an amount in capital numerals (壹仟贰佰) is a calculation, not a case change
    file = _found(text, _FILE)
    steps = tuple(name for name, patterns in _FILE_STEPS.items() if file and _found(text, patterns))
    return Reading(tuple(abilities), _found(text, _TEXT_ANY), file, steps)


def score(ctx: Context) -> Match:
    reading = read(ctx)
    hits = sum(1 for a in reading.abilities for p in _ABILITIES[a] if re.search(p, _plain(ctx)))
    value = 12.0 * len(reading.abilities) + 4.0 * (hits - len(reading.abilities))
    value += 5.0 if reading.text_any else 0.0
    if reading.file:
        value += 10.0 + 4.0 * len(reading.file_steps)
    if any(re.search(c.pattern, _plain(ctx)) for c in _CANNOT[:2] + _CANNOT[3:5]) and re.search(_CONVERT, _plain(ctx)):
        value += 8.0  # a text conversion this app cannot make exactly: the closest honest tool is a text tool
        if re.search(_CANNOT[1].pattern, ctx.head):
            value += 16.0  # a QR code is what the app is for: never a different app in silence
    if any(_found(ctx.head, _ABILITIES[a]) for a in reading.abilities):
        value += 10.0
    return Match(value, tuple(_said(ctx, reading)) if value else ())


def _said(ctx: Context, reading: Reading) -> list[str]:
    """The idea's own words that asked for the tool (a few), for the reason."""
    text = _plain(ctx)
    patterns = [p for a in reading.abilities for p in _ABILITIES[a]] + list(_FILE) + list(_TEXT_ANY)
    patterns += [c.pattern for c in _CANNOT]
    found = [m.group(0).strip(" :：,，") for p in patterns if (m := re.search(p, text))]
    back = str.maketrans("删档滤诵视", "刪檔濾誦視") if ctx.language == "zh-Hant" else {}
    said = [ctx.script(w).translate(back) for w in dict.fromkeys(found) if 0 < len(w) <= 40 and "|" not in w]
    return said[:3] or [ctx.t("text", "文字")]


# -- reading the details ---------------------------------------------------------------------------


def _named(text: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    return [name for name, patterns in table.items() if _found(text, patterns)]


def _number(text: str, patterns: tuple[str, ...]) -> int | None:
    for pattern in patterns:
        found = re.search(pattern, text)
        if found:
            return int(next(g for g in found.groups() if g))
    return None


def _limit(text: str) -> tuple[int, str]:
    """A word or character limit the sentence gives: (number, what it counts); (0, words) when none."""
    unit = r"(words?|characters?|chars?|letters?|字符|个字|字)"
    before = r"(?:limit|max(?:imum)?|at most|up to|no more than|under|限制|上限|不超过|最多|以内)"
    found = (
        re.search(rf"(\d[\d,]*)[- ]?{unit}[- ]?(?:limit|max|maximum|cap)", text)
        or re.search(rf"{before}(?: of)?\D{{0,20}}?(\d[\d,]*)\s*{unit}", text)
        or re.search(rf"(\d[\d,]*)\s*{unit}\s*(?:以内|之内|为限)", text)
    )
    if found:
        number, what = found.group(1), found.group(2)
    else:
        bare = re.search(rf"{before}(?: of| is| at|：|:)?\s*(\d[\d,]*)(?![\d,]*\s*(?:%|percent|minutes?|分钟))", text)
        if bare is None:
            return 0, "words"
        chars = re.search(r"\bcharacter|\bchars?\b|\btweet|字符", text)
        number, what = bare.group(1), "chars" if chars else "words"
    limit = min(int(number.replace(",", "")), 100000)
    return limit, "chars" if what.startswith(("char", "letter", "字符")) else "words"


def _top(text: str) -> int:
    found = _number(text, (r"\btop (\d{1,2})\b", r"\b(\d{1,2}) most (?:common|frequent|used)", r"前\s*(\d{1,2})"))
    return max(3, min(found, 50)) if found else 10


def _wpm(text: str, zh: bool) -> int:
    found = _number(text, (r"(\d{2,4}) (?:words|wpm)(?: per| a|/) ?min", r"(\d{2,4}) ?wpm", r"每分钟\s*(\d{2,4})"))
    return max(50, min(found, 1000)) if found else (300 if zh else 200)


def _separator(text: str) -> str:
    for pattern, sep in ((r"semicolon|分号", ";"), (r"\bspaces?\b(?! at)|空格分隔", " "), (r"顿号", "、")):
        if re.search(pattern, text):
            return sep
    return "，" if re.search(r"中文逗号", text) else ","


def _fill(text: str) -> str | None:
    """The value empty cells are filled with, as written (the idea's own case)."""
    found = re.search(
        r"\bfill\w* (?:in )?(?:the |all |any )?(?:blank|empty|missing)?\w*(?: cells| values| ones)?"
        r" with ['\"“]?([^\s,.;'\"”]+)",
        text,
        re.IGNORECASE,
    ) or re.search(
        r"(?:用|填充为|填成|填为|填上|补成|补为)\s*[“\"']?([^\s，。、”\"'；]+?)[”\"']?(?:填充|补|$|，|。|\s)", text
    )
    if found is None:
        found = re.search(r"(?:空值|空白|缺失值?|空单元格)\w{0,2}(?:填|补)\s*[“\"']?([^\s，。、”\"'；]+)", text)
    return found.group(1) if found else None


# -- the text tool ---------------------------------------------------------------------------------

_OP_ORDER = ("split", "trim", "squeeze", "drop_blank", "replace", "dedupe", "sort", "sort_desc", "reverse", "join")


def _ops(reading: Reading, text: str) -> list[str]:
    asked = set(reading.abilities)
    ops: list[str] = [e for e in _EXTRACTS if e in asked]
    wanted = {
        "split": "split" in asked,
        "trim": "spaces" in asked,
        "squeeze": "spaces" in asked,
        "drop_blank": "blank" in asked,
        "replace": "replace" in asked,
        "dedupe": "dedupe" in asked,
        "sort": "sort" in asked,
        "sort_desc": "sort" in asked
        and bool(re.search(r"\bz ?(?:→|->|to) ?a\b|descending|reverse alphabetical|倒序|降序", text)),
        "reverse": "reverse" in asked,
        "join": "join" in asked,
    }
    ops += [op for op in _OP_ORDER if wanted[op]]
    if "number_lines" in asked:
        ops.append("number_lines")
    return ops


def _cases(reading: Reading, text: str) -> list[str]:
    if "case" not in reading.abilities:
        return []
    named = _named(text, _CASE_NAMES)
    return named if len(named) >= 2 else [*dict.fromkeys(["upper", "lower", "title", "sentence", *named])]


def _counts(reading: Reading, text: str) -> list[str]:
    if "counts" not in reading.abilities:
        return []
    named = _named(text, _COUNT_NAMES)
    if {"cjk", "latin", "punct"} & set(named):
        named = [*dict.fromkeys(["words", *named])]
    elif len(set(named) - {"words", "chars"}) == 0:
        named = [*dict.fromkeys([*named, "chars", "chars_no_spaces", "words", "sentences", "paragraphs", "minutes"])]
    return [c for c in COUNT_WORDS if c in named][:10]


_SAMPLE = (
    "Hello world. How are you?\n\nHello again, world!",
    "你好，世界。今天天气很好！\n\n你好，朋友。",
)


def _text_paths(t: Tr, tool: TextToolComponent) -> list[KeyPath]:
    key = tool.key
    words = tool.words
    paths: list[KeyPath] = []
    first_ops = [step("set", key("ops"), [])] if tool.ops else []
    if tool.counts:
        sample = "Hello world. How are you?\n\n你好世界"
        values: dict[str, float] = {
            "chars": 31,
            "chars_no_spaces": 25,
            "words": 9,
            "sentences": 3,
            "paragraphs": 2,
            "lines": 2,
        }
        values |= {"cjk": 4, "latin": 5, "punct": 2, "minutes": round(9 / tool.wpm, 1)}
        paths.append(
            path(
                "counts",
                t(
                    "A pasted text is counted at once (a Chinese character is one word).",
                    "粘贴的文字立即被统计（一个汉字算一个字）。",
                ),
                [step("set", key("text"), sample)],
                [expect(f"tool.{name}", values[name]) for name in tool.counts],
            )
        )
    if tool.limit:
        many = tool.limit + 1
        over = many < 300
        text = ("字" if tool.limit_on == "words" else "a") * many if over else "Hello"
        paths.append(
            path(
                "over_limit" if over else "under_limit",
                t("Going past the limit is flagged.", "超过上限时会提示。")
                if over
                else t("A short text stays under the limit.", "短文字不超过上限。"),
                [step("set", key("text"), text)],
                [expect("tool.over", over)],
            )
        )
    cases = {
        "upper": "HELLO WORLD. BYE",
        "lower": "hello world. bye",
        "title": "Hello World. Bye",
        "sentence": "Hello world. Bye",
        "swap": "HELLO world. BYE",
    }
    for case in tool.cases[:3]:
        paths.append(
            path(
                f"case_{case}",
                t(f"“hello WORLD. bye” in {CASE_WORDS[case][0]}.", f"“hello WORLD. bye”转换为{CASE_WORDS[case][1]}。"),
                [*first_ops, step("set", key("case"), words[case]), step("set", key("text"), "hello WORLD. bye")],
                [expect("tool.result", cases[case])],
            )
        )
    samples: dict[str, tuple[str, str]] = {
        "trim": ("  apple  \n pear", "apple\npear"),
        "squeeze": ("a   b \n  c", "a b\nc"),
        "drop_blank": ("apple\n\n \npear", "apple\npear"),
        "dedupe": ("pear\napple\npear", "pear\napple"),
        "sort": ("pear\nApple\nfig", "Apple\nfig\npear"),
        "sort_desc": ("pear\nApple\nfig", "pear\nfig\nApple"),
        "reverse": ("1\n2\n3", "3\n2\n1"),
        "replace": ("cat and cat", "dog and dog"),
        "split": (f"a{tool.separator} b{tool.separator}c", "a\nb\nc"),
        "join": ("a\nb\n\nc", tool.separator.join("abc")),
        "emails": ("Write to ann@example.com or bob@test.org.", "ann@example.com\nbob@test.org"),
        "numbers": ("3 apples cost 1,250.50, not -2", "3\n1,250.50\n-2"),
        "links": ("See https://example.com/a and www.test.org.", "https://example.com/a\nwww.test.org"),
        "number_lines": ("a\nb", "1. a\n2. b"),
    }
    no_case = [step("set", key("case"), words[tool.cases[0]])] if tool.cases else []
    for op in tool.ops[: 9 - len(paths)]:
        before, after = samples[op]
        if tool.cases:
            after = _cased(after, tool.cases[0])
        extra = [step("set", key("find"), "cat"), step("set", key("with"), "dog")] if op == "replace" else []
        paths.append(
            path(
                f"op_{op}",
                t(f"{OP_WORDS[op][0]}: the result shows at once.", f"{OP_WORDS[op][1]}：结果立即显示。"),
                [step("set", key("ops"), [words[op]]), *no_case, *extra, step("set", key("text"), before)],
                [expect("tool.result", after)],
            )
        )
    if tool.top and len(paths) < 10:
        ranked = ["the", "cat", "and", "hat", "end"][: tool.top]
        paths.append(
            path(
                "top_words",
                t("The most frequent words come first.", "最常见的词排在最前。"),
                [step("set", key("text"), "The cat and the hat. The end")],
                [expect("tool.top", ranked), expect("tool.top_counts", [3, 1, 1, 1, 1][: tool.top])],
            )
        )
    return paths


def _cased(text: str, case: str) -> str:
    """The samples' results in a case (they are all lower case ASCII or digits)."""
    if case == "upper":
        return text.upper()
    if case in ("title", "sentence"):
        lines = text.split("\n")
        if case == "title":
            return "\n".join(re.sub(r"[a-z]+", lambda m: m[0].capitalize(), line) for line in lines)
        return text[:1].upper() + text[1:]
    return text.lower() if case == "lower" else text.swapcase()


def _text_tool(ctx: Context, reading: Reading) -> tuple[TextToolComponent, str, str]:
    t, text = ctx.t, _plain(ctx)
    ops, cases, counts = _ops(reading, text), _cases(reading, text), _counts(reading, text)
    top = _top(text) if "frequency" in reading.abilities else 0
    if not (ops or cases or counts or top):
        counts = ["chars", "chars_no_spaces", "words", "sentences", "paragraphs", "minutes"]
        ops = ["trim", "drop_blank", "dedupe", "sort"]
        cases = ["upper", "lower", "title", "sentence"]
    limit, limit_on = _limit(text) if counts else (0, "words")
    if limit and limit_on not in counts:
        counts = [c for c in COUNT_WORDS if c in {*counts, limit_on}]
    labels = {**TEXT_WORDS, **{k: OP_WORDS[k] for k in ops}, **{k: CASE_WORDS[k] for k in cases}}
    labels |= {k: COUNT_WORDS[k] for k in counts}
    if ctx.zh:
        labels["words"] = ("Words", "字数（汉字按字计）")
    tool = TextToolComponent(
        id="tool",
        ops=ops,
        cases=cases,
        counts=counts,
        top=top,
        limit=limit,
        limit_on=limit_on,
        wpm=_wpm(text, ctx.zh),
        separator=_separator(text),
        sample=_SAMPLE[1] if ctx.zh else _SAMPLE[0],
        words={k: t(*v) for k, v in labels.items()},
    )
    title = _text_title(reading, tool)
    return tool, t(*title[0]), t(*title[1])


def _text_title(reading: Reading, tool: TextToolComponent) -> tuple[tuple[str, str], tuple[str, str]]:
    kinds = [bool(tool.counts), bool(tool.cases), bool(tool.ops), bool(tool.top)]
    if sum(kinds) > 1:
        return ("Text Tools", "文本工具"), (
            "Paste a text: see it counted and changed at once, then copy it.",
            "粘贴文字，立即看到统计和处理结果，再一键复制。",
        )
    if tool.counts:
        return ("Word Counter", "字数统计"), (
            "Paste a text and see its words, characters and more at once.",
            "粘贴文字，立即看到字数、字符数等统计。",
        )
    if tool.cases:
        return ("Case Converter", "大小写转换"), (
            "Paste a text and change its case in one click.",
            "粘贴文字，一键转换大小写。",
        )
    if tool.top:
        return ("Word Frequency", "词频统计"), ("See which words a text uses most.", "看看一段文字里哪些词用得最多。")
    extracts = [op for op in tool.ops if op in _EXTRACTS]
    if len(extracts) > 1 and len(extracts) == len(tool.ops):
        return ("Text Extractor", "文字提取器"), (
            "Paste a text and get every match, one a line.",
            "粘贴文字，每个匹配项单独一行列出。",
        )
    if extracts and len(extracts) == len(tool.ops):
        name = {"emails": ("E-mail", "邮箱"), "numbers": ("Number", "数字"), "links": ("Link", "链接")}[extracts[0]]
        return (f"{name[0]} Extractor", f"{name[1]}提取器"), (
            "Paste a text and get every match, one a line.",
            "粘贴文字，每个匹配项单独一行列出。",
        )
    return ("Text Cleaner", "文本整理"), (
        "Paste a text and tidy it up in one go, then copy it.",
        "粘贴文字，一次整理好，再一键复制。",
    )


# -- the file tool ---------------------------------------------------------------------------------

_CSV = (
    "name,city,score\nAnn,Paris,90\nBob,Lyon,\nAnn,Paris,90\n,,\nCleo, Rome ,75\n",
    "姓名,城市,分数\n安娜,北京,90\n小波,上海,\n安娜,北京,90\n,,\n小宇, 广州 ,75\n",
)


def _file_tool(ctx: Context, reading: Reading) -> DataFileComponent:
    t, text = ctx.t, _plain(ctx)
    steps = list(reading.file_steps) or ["trim", "dedupe", "blanks", "filter", "sort", "chart"]
    fill = _fill(to_simplified(ctx.idea).translate(_TRADITIONAL))
    fill = ctx.script(fill) if fill is not None else None
    blanks = "keep"
    if "blanks" in steps:
        if fill is not None:
            blanks = "fill"
        elif re.search(
            r"\b(?:completely|entirely|fully|all)[- ](?:empty|blank)|\b(?:empty|blank) rows|空行|空白的?行", text
        ):
            blanks = "drop_empty"
        elif re.search(
            r"\b(?:drop|remove|delete|skip)\w* (?:any |all |the )?(?:rows? )?(?:with )?(?:blank|empty|missing)", text
        ) or re.search(r"(?:删除|去掉|删掉|去除)\w{0,4}(?:空值|缺失|空单元格)", text):
            blanks = "drop"
    sample = _CSV[1] if ctx.zh else _CSV[0]
    merge = bool(re.search(_MERGE, text))
    words = {k: t(*v) for k, v in FILE_WORDS.items() if k != "upload_many"}
    if merge:
        words["upload"] = t(*FILE_WORDS["upload_many"])
    return DataFileComponent(
        id="file",
        steps=steps,
        blanks=blanks,
        fill=(fill or "0")[:80],
        merge=merge,
        sample=ctx.script(sample),
        words=words,
    )


def _file_paths(t: Tr, tool: DataFileComponent) -> list[KeyPath]:
    """Each offered step, tried on the sample file: 5 rows, one repeated, one all empty, one with an empty cell."""
    key, words, steps = tool.key, tool.words, tool.steps
    dedupe = "dedupe" in steps
    drops = {"keep": 0, "drop_empty": 1, "drop": 2, "fill": 0}
    kept = 5 - dedupe - (drops[tool.blanks] if "blanks" in steps else 0)
    header = tool.sample.split("\n", 1)[0].split(",")
    first = tool.sample.split("\n")[1].split(",")
    top = dict(zip(header, first, strict=True))

    def tried(name: str, story: tuple[str, str], more: list[tuple[str, object]], expects: list) -> KeyPath:
        actions = [step("set", key("paste"), tool.sample)]
        actions += [
            step("check", key(part)) if value is True else step("set", key(part), value) for part, value in more
        ]
        return path(name, t(*story), actions, expects)

    paths = [
        tried(
            "clean",
            ("The pasted file is read and cleaned by the steps shown.", "粘贴的表格按所示步骤读取并清理。"),
            [],
            [expect("file.read", 5), expect("file.rows", kept), expect("file.removed", 5 - kept)],
        )
    ]
    if "blanks" in steps:
        story = ("Rows with an empty cell can be dropped.", "可以删除含空单元格的行。")
        paths.append(tried("drop_blank_rows", story, [("blanks", words["drop"])], [expect("file.rows", 3 - dedupe)]))
    if "filter" in steps:
        story = ("Filtering a number column keeps only the matching rows.", "按数字列筛选，只保留符合条件的行。")
        more: list[tuple[str, object]] = [("where", header[2]), ("has", ">80")]
        paths.append(tried("filter", story, more, [expect("file.rows", 2 - dedupe)]))
    if "sort" in steps:
        story = ("Sorting by a number column can put the largest first.", "按数字列排序，可以从大到小。")
        paths.append(tried("sort", story, [("sort", header[2]), ("desc", True)], [expect("file.first", top)]))
    if "columns" in steps:
        story = ("Only the chosen columns are kept.", "只保留选中的列。")
        paths.append(tried("choose_columns", story, [("columns", header[:2])], [expect("file.columns", header[:2])]))
    if "rename" in steps:
        new = t("Points", "得分")
        story = ("A column can be renamed.", "可以重命名列。")
        more = [("rename", f"{header[2]}={new}")]
        paths.append(tried("rename", story, more, [expect("file.columns", [*header[:2], new])]))
    return paths


# -- the app ---------------------------------------------------------------------------------------


def _left_out(ctx: Context) -> list[LeftOut]:
    t = ctx.t
    return [LeftOut(part=t(*c.part), reason=t(*c.reason)) for c in _CANNOT if re.search(c.pattern, _plain(ctx))]


def _howto(t: Tr, component: TextToolComponent | DataFileComponent) -> TextComponent:
    """How the tool behaves, so that nobody wonders what is counted or where the file goes."""
    if isinstance(component, DataFileComponent):
        body = t(
            "Upload a CSV file or paste its text. Each step above changes the table in order; your file itself "
            "is never changed. Download the cleaned table as CSV. Excel sheets: save them as CSV first.",
            "上传 CSV 文件或粘贴其内容。上面的每一步按顺序修改表格，你的原文件不会被改动。清理后的表格可以下载为 CSV。"
            "Excel 表格请先另存为 CSV 再上传。",
        )
    else:
        body = t(
            f"Everything updates as you type, and the text stays in this page. A Chinese character counts as one "
            f"word; reading time assumes {component.wpm} words a minute. Copy the result with the button at its "
            f"top right, or download it as a text file.",
            "输入时统计和结果立即更新，文字只留在这个页面里。一个汉字算一个字；"
            f"阅读时间按每分钟 {component.wpm} 字估算。"
            f"结果可以点右上角的按钮复制，或下载为文本文件。",
        )
    return TextComponent(id="howto", title=t("How it works", "使用说明"), body=body)


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    reading = read(ctx)
    component: TextToolComponent | DataFileComponent
    if reading.file and (reading.file_steps or not reading.abilities):
        component = _file_tool(ctx, reading)
        title, value = (
            t("CSV Merge & Clean", "CSV 表格合并与清理") if component.merge else t("CSV Cleaner", "CSV 表格清理"),
            t(
                "Upload or paste a CSV file, clean it step by step, chart a column and download the result.",
                "上传或粘贴 CSV 表格，逐步清理，图表显示一列，再下载结果。",
            ),
        )
        paths = _file_paths(t, component)
        icon, feedback = "🧹", t("the cleaned table, a chart and a CSV download", "清理后的表格、图表和 CSV 下载")
    else:
        component, title, value = _text_tool(ctx, reading)
        paths = _text_paths(t, component)
        icon, feedback = (
            "📝",
            t("counts and the changed text at once, to copy or download", "即时的统计和处理结果，可复制或下载"),
        )
    if not paths:
        paths = [
            path(
                "type",
                t("Typed text shows in the result.", "输入的文字显示在结果中。"),
                [step("set", component.key("text"), "hello")],
                [expect("tool.result", None, "truthy")],
            )
        ]
    screen = Screen(name="tool", title=t("Tool", "工具"), icon=icon, components=[component, _howto(t, component)])
    brief = Brief(
        title=title,
        value=value,
        audience=t("Anyone who works with text and tables", "经常处理文字和表格的人"),
        language=ctx.language,
        icon=icon,
        category="other",
        inputs=[t("a text", "一段文字")] if isinstance(component, TextToolComponent) else [t("a CSV file", "CSV 文件")],
        feedback=[feedback],
        theme=ctx.theme("teal"),
        left_out=_left_out(ctx)[:8],
    )
    return AppSpec(brief=brief, screens=[screen], key_paths=paths[:10])


PATTERN = Pattern(
    name="texttools",
    label_en="text & file tool",
    label_zh="文本和文件工具",
    score=score,
    build=build,
    hint_en="count the words of a text",
    hint_zh="统计一段文字的字数",
)
