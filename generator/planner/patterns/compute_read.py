"""What a one-computation app IS, read from the sentence as a whole: an amount written out in Chinese
capital numerals or in English words, the days between two dates, the time (and money) since a date, random
numbers in a range, names made from given letters, or pay per item added up. Each kind needs the thing it
converts and the conversion together (“金额” with “大写”, “number” with “in words”, “two dates” with a span):
one word alone never makes the app."""

from __future__ import annotations

import re

from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_reading import count_of

__all__ = ["KINDS", "fixed_pay", "number_range", "priced_items", "quit_habit", "read_kind"]

KINDS = ("capital", "words", "rates", "age", "since", "between", "draw_numbers", "names")

_AMOUNT = (
    "amount", "number", "numeral", "money", "sum$", "figure", "digit", "cheque", "check", "receipt", "invoice",
    "dollar", "price", "金额", "数字", "数目", "钱", "支票", "收据", "发票", "报销", "人民币", "货币", "价格", "元",
)  # fmt: skip
_CAPITAL = ("大写", "chinese capital", "capital chinese", "chinese financial", "financial chinese", "daxie", "壹")
_ENGLISH = ("英文", "英语", "english")
_LETTERS = ("字母", "letter", "uppercase", "lowercase", "upper case")
_FORMAL = ("uppercase", "upper case", "upper-case", "capital", "financial", "formal", "banker")
_CHEQUE = ("cheque", "check writ", "writing check", "write a check", "write check", "on the check", "check amount")
_IN_WORDS = (
    "in words", "into words", "to words", "as words", "in english words", "spell out", "spells out", "spelled out",
    "spelt out", "write out", "writes out", "written out", "number to word", "numbers to word", "words for",
)  # fmt: skip
_BETWEEN = (
    "between two dates", "two dates", "date difference", "difference between dates", "days between",
    "weekdays between", "workdays between", "working days between", "business days between", "date diff",
    "两个日期", "日期差", "日期之间", "相差多少天", "相差几天", "相隔多少天", "相隔几天", "隔了多少天",
    "日期相减", "工作日天数", "几个工作日", "多少个工作日", "几个工作天", "多少个工作天",
)  # fmt: skip
_RECORDS = ("leave", "请假", "approval", "审批", "申请", "booking", "预约", "tracker", "log ")
_SINCE = (
    "days since", "time since", "how long since", "how long ago", "since i ", "since we ", "since my ",
    "since the day", "已经多少天", "多少天了", "多久了", "已经几天", "有多少天了", "在一起多少天", "已经戒",
)  # fmt: skip
_QUIT = ("quit", "stop smoking", "stopped smoking", "smoke-free", "smoke free", "戒烟", "戒酒", "戒糖", "戒")
_SAVED = (
    "money saved", "saved", "not smoked", "cigarettes avoided", "省了", "省下", "省钱", "少抽", "没抽", "节省",
    "多少天", "days", "天数",
)  # fmt: skip
_LOGGING = ("habit", "streak", "log each", "log every", "each time", "every time", "打卡", "每次", "记录每")
_UNTIL = ("countdown", "count down", "until", "days left", "倒计时", "倒数", "还有多少天", "还有几天", "距离")
_AGE = ("exact age", "age calc", "how old", "my age", "年龄", "几岁", "多大了", "周岁")
_MONTHS = ("month", "个月", "几月", "月数")
_RANDOM = (
    "random number", "random integer", "random digit", "random whole number", "number generator", "lottery number",
    "pick a number between", "pick numbers between", "随机数", "随机号码", "随机数字", "抽号码", "抽号", "摇号",
    "随机生成数字", "随机抽数字", "随机选数字", "number picker", "number draw", "draw numbers", "pick numbers",
    "lotto", "抽数字", "选号",
)  # fmt: skip
_NOT_RANDOM = ("guess", "猜", "dice", "骰子", "quiz", "drill", "practice", "测验", "练习", "bingo", "lottery ticket")
_NAMES = (
    "name generator", "generate names", "generates names", "generate a name", "names starting with",
    "names that start with", "names beginning with", "起名", "取名", "名字生成", "生成名字", "随机名字", "起个名",
)  # fmt: skip
_NOT_PEOPLE = (
    "team", "business", "company", "brand", "shop", "store", "product", "username", "wifi", "project", "队名",
    "店名", "公司", "品牌", "网名", "pick a student", "点名", "抽签", "抽人", "from my list", "从名单",
)  # fmt: skip
_RATE = (
    "rate", "per chore", "per task", "per job", "each chore", "each task", "pay per", "paid per", "price per",
    "单价", "每项", "按次", "报酬", "计酬", "酬劳", "每做一次", "一次给", "每次给",
)  # fmt: skip
_TOTAL = ("total", "sum$", "add up", "adds up", "合计", "总额", "总计", "一共", "加起来", "总共", "每月", "本月")
_CHORES = (
    "chore", "housework", "allowance", "pocket money", "task", "job", "errand", "家务", "家事", "零花钱", "零用钱",
    "家务活", "reward", "earn", "奖励", "赚",
)  # fmt: skip


def _money_words(ctx: Context) -> bool:
    return ctx.has(*_AMOUNT) or bool(re.search(r"\d", ctx.idea))


def read_kind(ctx: Context) -> str | None:
    """The computation the sentence is about, or None when it is not one of these kinds."""
    if ctx.has(*_CAPITAL) and _money_words(ctx):
        if ctx.has(*_ENGLISH):
            return "words" if ctx.has(*_AMOUNT) else None
        if not ctx.has(*_LETTERS):
            return "capital"
    if ctx.has("chinese") and ctx.has(*_FORMAL) and ctx.has(*_AMOUNT):  # “Chinese uppercase financial numbers”
        return "capital"
    if ctx.has(*_CHEQUE) and ctx.has("words$", "word$"):
        return "words"
    if ctx.has(*_IN_WORDS) and ctx.has(*_AMOUNT):
        return "words"
    if ctx.has("数字转英文", "金额转英文", "数字转换成英文", "金额转换成英文"):
        return "words"
    if (ctx.has(*_RATE) or len(priced_items(ctx.idea)) >= 2) and ctx.has(*_TOTAL) and ctx.has(*_CHORES):
        return "rates"
    if ctx.has(*_AGE) and ctx.has(*_MONTHS) and not ctx.has(*_UNTIL):
        return "age"
    since = ctx.has(*_SINCE) and not ctx.has(*_LOGGING)  # a log of each time keeps its tracker
    if not ctx.has(*_UNTIL) and (since or (ctx.has(*_QUIT) and ctx.has(*_SAVED))):
        return "since"
    if ctx.has(*_BETWEEN) and not ctx.has(*_RECORDS):
        return "between"
    if ctx.has(*_RANDOM) and not ctx.has(*_NOT_RANDOM):
        return "draw_numbers"
    if ctx.has(*_NAMES) and not ctx.has(*_NOT_PEOPLE):
        return "names"
    return None


_ZH_PRICE = re.compile(
    r"(?:^|[，,、：:；;（(\s])(?:每次|每)?([\u4e00-\u9fff]{1,6}?)(?:一次|每次)?\s*(\d+(?:\.\d+)?)\s*(元|块|圆|圓|塊|毛|角)"
)
_ZH_FIXED = re.compile(r"(?:每|一)(周|星期|月|个月)\D{0,4}?(?:固定|基本|保底)\D{0,2}?(\d+(?:\.\d+)?)\s*(?:元|块)")
_EN_FIXED = re.compile(
    r"(?:fixed|base|basic|flat)\s+(?:allowance\s+|pay\s+)?(?:of\s+)?\$\s?(\d+(?:\.\d+)?)\s*(?:a|per|each)\s+(week|month)"
)
_EN_PRICE = re.compile(r"([a-z][a-z -]{1,24}?)\s*(?:[:=(]\s*|for\s+|is\s+|pays?\s+|earns?\s+)?\$\s?(\d+(?:\.\d+)?)")
_EN_PRICE_AFTER = re.compile(
    r"\$\s?(\d+(?:\.\d+)?)\s+(?:for|per)\s+(?:each\s+|every\s+)?([a-z][a-z -]{1,24}?)(?=[,.;)]|$| and )"
)
_EN_SKIP = re.compile(
    r"^(?:and|or|e\.?g|like|such as|each|every|with|at|a|the|for|is|costs?|pays?|where|when|which|that|so)\b\s*"
)


_EN_NOT_ITEM = re.compile(r"\b(?:base|fixed|basic|flat|week|month|plus|per)\b")


def priced_items(idea: str) -> list[tuple[str, float]]:
    """Items the sentence gives a price or rate (“dishes $1”, “$2 for vacuuming”, “洗碗2元”), in order."""
    found: list[tuple[str, float]] = []
    text = to_simplified(idea)
    for match in _ZH_PRICE.finditer(text):
        if not re.search(r"固定|基本|保底|每周|每月|一共|合计", match.group(0)):
            name = re.sub(r"^(?:另外|还有|以及|并且|再|和)", "", match.group(1))
            found.append((name, float(match.group(2)) * (0.1 if match.group(3) in "毛角" else 1)))
    lower = idea.lower()
    for match in _EN_PRICE.finditer(lower):
        name = match.group(1).strip(" -")
        while _EN_SKIP.match(name):
            name = _EN_SKIP.sub("", name, count=1).strip()
        words = name.split()[-3:]  # the item is the last words before its price
        name = " ".join(words)
        if words and not re.search(r"\b(?:rate|pack|per|total|costs?|price)\b", name):
            found.append((name, float(match.group(2))))
    for match in _EN_PRICE_AFTER.finditer(lower):
        found.append(
            (re.sub(r"^(?:chores?|tasks?|jobs?)\s+(?:for|of)\s+", "", match.group(2).strip()), float(match.group(1)))
        )
    found = [(name, value) for name, value in found if not _EN_NOT_ITEM.search(name)]
    seen: dict[str, float] = {}
    for name, value in found:
        seen.setdefault(name, value)
    return list(seen.items())[:5]


_RANGE = (
    r"(?:between|from)\s+(-?\d+)\s+(?:and|to)\s+(-?\d+)",
    r"(-?\d+)\s*(?:-|–|~|to|到|至)\s*(-?\d+)",
    r"范围\D{0,4}(-?\d+)\D{1,3}(-?\d+)",
)


def fixed_pay(idea: str) -> tuple[float, str] | None:
    """A fixed sum paid each week or month besides the items (“每周固定10块”, “a base $5 a week”)."""
    if found := _ZH_FIXED.search(to_simplified(idea)):
        return float(found.group(2)), "week" if found.group(1) in ("周", "星期") else "month"
    if found := _EN_FIXED.search(idea.lower()):
        return float(found.group(1)), found.group(2)
    return None


def number_range(ctx: Context) -> tuple[int, int] | None:
    """The lowest and highest number the sentence allows (“between 1 and 50”, “1到100”)."""
    text = to_simplified(ctx.idea.lower())
    for pattern in _RANGE:
        match = re.search(pattern, text)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if low < high:
                return low, high
    low_m = re.search(r"(?:min(?:imum)?|最小值?|最低)\D{0,6}(-?\d+)", text)
    high_m = re.search(r"(?:max(?:imum)?|最大值?|最高)\D{0,6}(-?\d+)", text)
    if low_m and high_m and int(low_m.group(1)) < int(high_m.group(1)):
        return int(low_m.group(1)), int(high_m.group(1))
    return None


def draw_count(ctx: Context) -> int | None:
    """How many numbers or names one press makes (“5 numbers”, “一次抽5个”)."""
    found = count_of(ctx.idea, "numbers|names|at a time|at once|of them", "个数字|个号码|个名字|个号|个数|个")
    return found if found and 1 <= found <= 50 else None


def quit_habit(ctx: Context) -> str:
    """What was given up: "smoking" (cigarettes and packs) or "" for anything else."""
    return "smoking" if ctx.has("smok", "cigarette", "烟", "菸") else ""
