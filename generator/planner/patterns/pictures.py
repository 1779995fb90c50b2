"""Practice with a picture: telling the time on a drawn clock (reading it, setting its hands, the time some
minutes later) and money (counting the coins and notes drawn, making a price, change from a payment), at the
level, currency, amounts and number of questions the sentence names. A tracker of time spent or a budget of
money is no such practice and is left to its own pattern."""

from __future__ import annotations

import re
from functools import lru_cache

from flashapps.spec import AppSpec, Brief, Component, LeftOut, PicturesComponent, Screen, TextComponent
from flashapps.spec.pictures import CURRENCY_PIECES
from generator.planner.content import Content, read_content
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step

__all__ = ["PATTERN", "read_clock", "read_money"]


@lru_cache(maxsize=64)
def _content(idea: str) -> Content:
    return read_content(idea)


# -- what the sentence is about ------------------------------------------------------------------------------

_CLOCK_STRONG = ("tell the time", "telling the time", "tell time", "telling time", "read a clock", "read the clock",
                 "reading a clock", "reading the clock", "reading clocks", "read clocks", "analog clock",
                 "analogue clock", "clock face", "clock reading", "learn the clock", "learning the clock",
                 "认识钟表", "认识时钟", "认识钟面", "认钟", "认读时间", "认识时间", "钟面", "看钟", "看时钟",
                 "看钟表", "读钟", "几点几分", "认读钟表")  # fmt: skip
_CLOCK_WEAK = ("clock", "o'clock", "oclock", "half past", "quarter past", "quarter to", "elapsed time",
               "hour hand", "minute hand", "钟表", "时钟", "整点", "半点", "几点", "时针", "分针",
               "经过时间")  # fmt: skip
_MONEY_STRONG = ("counting money", "count money", "counting coins", "count coins", "coin counting",
                 "money counting", "counting change", "giving change", "give change", "make change",
                 "making change", "coins and notes", "coins and bills", "notes and coins", "bills and coins",
                 "money math", "money maths", "认识人民币", "认识钱币", "认识货币", "认识钱", "认识新台币",
                 "认识台币", "数钱", "找零", "凑钱", "count back",
                 "counting back", "硬币和纸币", "纸币和硬币", "元角分", "找钱")  # fmt: skip
_MONEY_WEAK = ("coin", "money", "change from", "banknote", "dollars and cents", "cents", "pennies", "nickel",
               "dime", "硬币", "纸币", "人民币", "台币", "钱", "零钱")  # fmt: skip
_COUNTING = ("count", "how much", "add up", "数", "多少钱", "加起来")
_MAKE_VERBS = ("make", "pay", "凑", "付")
_PIECES = ("coin", "banknote", "bills$", "penny", "pennies", "nickel", "dime", "pence", "硬币", "纸币", "钞")
_LEARNING = ("practice", "practise", "drill", "quiz", "test", "exercise", "worksheet", "learn", "learning", "teach",
             "game", "kid", "child", "children", "son", "daughter", "student", "pupil", "grader", "grade",
             "kindergarten", "preschool", "class", "lesson", "question", "练习", "测验", "测试", "小测", "题", "学",
             "教", "游戏", "孩子", "小朋友", "儿童", "学生", "年级", "幼儿园", "课", "认识", "训练", "考")  # fmt: skip
_NOT_PRACTICE = ("track", "log my", "logging", "spent", "spend", "spending", "budget", "expense", "timesheet",
                 "time sheet", "hours worked", "billable", "hourly rate", "world clock", "time zone", "timezone",
                 "alarm", "countdown", "count down", "stopwatch", "pomodoro", "reminder", "savings", "saving up",
                 "allowance", "piggy bank", "exchange rate", "currency converter", "convert", "collection",
                 "collector", "inventory", "invoice", "salary", "记录", "记账", "花了", "花在", "花费", "预算",
                 "支出", "开销", "打卡", "工时", "时区", "世界时钟", "闹钟", "倒计时", "秒表", "番茄", "提醒", "存钱",
                 "零花钱", "攒钱", "汇率", "换算器", "收藏", "账单", "工资", "chore", "pocket money", "reward", "earn",
                 "家务", "零用钱", "奖励")  # fmt: skip
_STRONG_PRACTICE = ("practice", "practise", "drill", "quiz", "test", "exercise", "worksheet", "question", "练习",
                    "测验", "测试", "小测", "题", "训练")  # fmt: skip
"""Words that make a sentence practice even with a tracker's words in it (a game can keep score of money)."""
_NEVER = ("flip", "toss", "heads or tails", "抛硬币", "掷硬币", "扔硬币", "正反面", "猜正反")
"""A coin thrown for heads or tails is a random pick, never money practice."""
_KNOWLEDGE = ("history", "invent", "facts about", "trivia", "famous", "历史", "发明", "知识", "由来")
"""A quiz about clocks or money as a subject (their history) is a quiz, unless it names telling the time."""


def _topic(ctx: Context) -> tuple[str, float] | None:
    """("clock" or "money", how strongly) when the sentence asks for practice with a clock or with money."""
    found: list[tuple[str, float]] = []
    for topic, strong, weak in (("clock", _CLOCK_STRONG, _CLOCK_WEAK), ("money", _MONEY_STRONG, _MONEY_WEAK)):
        counted = topic == "money" and ctx.has(*_COUNTING, *_MAKE_VERBS) and ctx.has(*_PIECES)
        if ctx.has(*strong) or counted:
            found.append((topic, 55.0 if ctx.has(*_LEARNING) else 45.0))
        elif ctx.has(*weak) and ctx.has(*_LEARNING) and not ctx.has(*_KNOWLEDGE):
            found.append((topic, 35.0))
    if not found:
        return None
    if ctx.has(*_NEVER) or (ctx.has(*_NOT_PRACTICE) and not ctx.has(*_STRONG_PRACTICE)):
        return None  # a tracker of time spent, a budget, a world clock: no practice
    if len(found) == 2:  # both named: the one named first
        first = min(found, key=lambda f: _first(ctx, f[0]))
        return first
    return found[0]


def _first(ctx: Context, topic: str) -> int:
    words = (*_CLOCK_STRONG, *_CLOCK_WEAK) if topic == "clock" else (*_MONEY_STRONG, *_MONEY_WEAK)
    return min(ctx.position(w) for w in words)


def _count(ctx: Context) -> int:
    return max(1, min(_content(ctx.idea).counts.get("questions") or 10, 40))


_TYPED = ("type the", "typing", "typed", "type in", "write the", "write down", "enter the", "填", "写出", "写下",
          "输入", "键入", "打出")  # fmt: skip
_PICK = ("pick", "choose", "choice", "multiple choice", "select", "选择", "选出", "选项", "选一")


def _answer(ctx: Context) -> str:
    return "typed" if ctx.has(*_TYPED) else "choice"


# -- clocks --------------------------------------------------------------------------------------------------

_LEVEL_WORDS = (
    ("minute", ("any minute", "to the minute", "nearest minute", "exact minute", "every minute", "精确到分",
                "精确到1分", "精确到一分", "任意时间", "任意时刻", "每一分钟")),
    ("five", ("5 minute", "five minute", "5-minute", "five-minute", "nearest 5", "nearest five", "5 min",
              "5分钟", "五分钟", "5 分钟", "几点几分", "几时几分")),
    ("quarter", ("quarter", "一刻", "三刻", "15分", "15 分", "45分")),
    ("half", ("half past", "half hour", "half-hour", "半点", "半时", "几点半")),
    ("hour", ("o'clock", "oclock", "on the hour", "whole hour", "整点", "整时")),
)  # fmt: skip
_YOUNG = ("first grade", "first-grade", "first grader", "1st grade", "year 1", "grade 1", "kindergarten",
          "preschool", "reception", "一年级", "幼儿园", "大班", "学前")  # fmt: skip
_HOURS24 = ("24-hour", "24 hour", "24h", "24hr", "military time", "24小时", "24时", "二十四时", "24 小时")
_SET = ("set the hands", "setting the hands", "set the clock", "set a clock", "setting the clock", "move the hands",
        "draw the hands", "show the time on", "拨", "画出时针", "画指针", "画时针", "画出指针", "摆出",
        "调时钟")  # fmt: skip
_IN_MINUTES = re.compile(r"\bin \d{1,3} (?:minutes|hours)|\d{1,3}\s*分钟(?:以?后|之后)")
_ELAPSED = ("elapsed", "how long", "later", "minutes later", "hours later", "what time will it be", "in 40 minutes",
            "time will it be", "经过", "过了", "再过", "之后是几点", "以后是几点", "后是几点", "时间间隔")  # fmt: skip


_READ = ("read", "tell", "what time", "看", "认读", "读", "说出", "写出", "几点", "几时", "判读")


def read_clock(ctx: Context) -> PicturesComponent:
    """The clock practice the sentence asks for: its level, the kinds of question, 12 or 24 hours."""
    named = [level for level, words in _LEVEL_WORDS if ctx.has(*words)]
    # the hardest level named (the easier ones come with it); whole and half hours for the youngest
    level = named[0] if named else ("half" if ctx.has(*_YOUNG) else "quarter")
    elapsed = ctx.has(*_ELAPSED) or bool(_IN_MINUTES.search(ctx.text))
    setting = ctx.has(*_SET)
    modes: list[str] = ["read"] if ctx.has(*_READ) or not setting or elapsed else []
    if setting or not (elapsed or ctx.has(*_PICK, *_TYPED)):
        modes.append("set")
    if elapsed:
        modes.append("elapsed")
    return PicturesComponent(
        id="clock",
        topic="clock",
        modes=modes,
        answer=_answer(ctx),
        count=_count(ctx),
        level=level,
        hours24=ctx.has(*_HOURS24),
    )


# -- money ---------------------------------------------------------------------------------------------------

_CURRENCY_WORDS = (
    ("TWD", ("新台币", "台币", "nt$", "ntd", "taiwan dollar", "new taiwan")),
    ("EUR", ("euro", "€", "欧元", "cent coins", "eurocent")),
    ("GBP", ("pound", "£", "pence", "quid", "sterling", "英镑")),
    ("JPY", ("yen", "円", "日元", "日币")),
    ("CNY", ("人民币", "rmb", "yuan", "renminbi", "元角分", "角", "块钱", "毛钱")),
    ("USD", ("dollar", "$", "cent$", "penny", "pennies", "nickel", "dime", "美元", "美金")),
)
_MINOR = {"CNY": 100, "TWD": 1, "USD": 100, "EUR": 100, "GBP": 100, "JPY": 1}
_DEFAULT_HIGH = {"CNY": 2000, "TWD": 500, "USD": 500, "EUR": 500, "GBP": 500, "JPY": 1000}
_NAMES = {
    "CNY": ("Chinese Yuan", "人民币"), "TWD": ("New Taiwan Dollars", "新台币"), "USD": ("US Dollars", "美元"),
    "EUR": ("Euros", "欧元"), "GBP": ("Pounds", "英镑"), "JPY": ("Japanese Yen", "日元"),
}  # fmt: skip
_MONEY_NUMBER = (
    r"(?:nt\$|[$€£¥])?\s*(\d{1,5}(?:\.\d{1,2})?)\s*(cents?|pence|p\b|¢|角|分|元|块|dollars?|euros?|pounds?|yen|yuan)?"
)
_UP_TO = re.compile(
    r"(?:under|below|up to|within|less than|at most|no more than|max(?:imum)?|to)\s*" + _MONEY_NUMBER
    + r"|" + r"(\d{1,5}(?:\.\d{1,2})?)\s*(角|分|元|块|日元|美元|欧元|英镑)?\s*(?:以内|以下|之内|内)"
)  # fmt: skip
_BETWEEN = re.compile(
    r"(?:between|from)\s*" + _MONEY_NUMBER + r"\s*(?:and|to|-|–)\s*" + _MONEY_NUMBER
    + r"|(\d{1,5})\s*(?:元|块)?\s*(?:到|至|~|～|-|–)\s*(\d{1,5})\s*(?:元|块)"
)  # fmt: skip


def _currency(ctx: Context) -> str:
    text = ctx.text
    for currency, words in _CURRENCY_WORDS:
        if any((w in text) if w in ("nt$", "€", "£", "$", "円") else ctx.has(w) for w in words):
            return currency
    return {"zh-Hans": "CNY", "zh-Hant": "TWD"}.get(ctx.language, "USD")


def _minor(currency: str, number: str, unit: str | None) -> int:
    """A named amount in the currency's smallest unit: “5” dollars → 500, “50 cents” → 50, “5角” → 50."""
    value, minor = float(number), _MINOR[currency]
    if unit and minor == 100 and (unit.startswith(("cent", "pence", "p", "¢")) or unit in ("c", "分")):
        return round(value)
    if unit == "角" and minor == 100:
        return round(value * 10)
    return round(value * minor)


def _amounts(ctx: Context, currency: str) -> tuple[int, int]:
    """The amounts asked for (“under 10 yuan”, “up to $5”, “between $1 and $10”, “1到20元”)."""
    text = re.sub(r"\d+\s*(?:道|个|题|questions?|problems?|rounds?)", " ", ctx.text)
    found = _BETWEEN.search(text)
    if found and found[1]:
        low, high = _minor(currency, found[1], found[2]), _minor(currency, found[3], found[4])
    elif found:
        low, high = _minor(currency, found[5], None), _minor(currency, found[6], None)
    elif (up := _UP_TO.search(text)) is not None:
        low, high = 1, _minor(currency, up[1], up[2]) if up[1] else _minor(currency, up[3], up[4])
    else:
        return 1, _DEFAULT_HIGH[currency]
    return max(1, low), max(high, low + 1, 2)


_PIECE = re.compile(
    r"(?:nt\$|[$€£¥])?(\d{1,5}(?:\.\d{1,2})?)\s*(角|分|元|块|cents?|¢|c\b|p\b|pence|dollars?|pounds?|euros?|yen|円)?"
)


_US_COINS = ((1, ("penny", "pennies")), (5, ("nickel",)), (10, ("dime",)), (25, ("quarters$",)))


def _named_pieces(ctx: Context, currency: str) -> list[int]:
    """The coins and notes the sentence lists (“硬币1元5元10元50元”, “1c, 2c, 5c coins”), when it lists two or more."""
    text = _BETWEEN.sub(" ", _UP_TO.sub(" ", ctx.text))
    text = re.sub(r"\d+\s*(?:道|个|题|questions?|problems?|rounds?|year|岁|年级)", " ", text)
    valid = CURRENCY_PIECES[currency]
    named = []
    for found in _PIECE.finditer(text):
        if found[2] is None and not found[0].startswith(("$", "€", "£", "¥", "nt$")):
            continue
        value = _minor(currency, found[1], found[2])
        if value in valid:
            named.append(value)
    if currency == "USD":
        named += [value for value, words in _US_COINS if ctx.has(*words)]
    return sorted(set(named)) if len(set(named)) >= 2 else []


_COUNT = ("count", "total", "add up", "altogether", "数一数", "一共", "加起来", "数钱", "合计")
_HOW_MUCH = ("how much", "多少钱", "是多少")
_MAKE = ("which coins", "coins make", "coins to make", "coins that make", "make a price", "make the price",
         "make amounts", "make an amount", "making amounts", "make the amount",
         "pay exactly", "exact amount", "fewest", "pick coins", "choose coins", "select coins", "make a total",
         "凑", "拿出", "组成", "选纸币", "选硬币", "正好")  # fmt: skip
_CHANGE = ("change from", "count back", "giving change", "give change", "make change", "making change",
           "counting change", "how much change", "change back", "找零", "找回", "找钱", "找多少")  # fmt: skip
_FEWEST = ("fewest", "least number", "smallest number of", "fewest coins", "最少")


def read_money(ctx: Context) -> PicturesComponent:
    """The money practice the sentence asks for: its currency, amounts and kinds of question."""
    currency = _currency(ctx)
    low, high = _amounts(ctx, currency)
    pieces = _named_pieces(ctx, currency) or CURRENCY_PIECES[currency]
    low = max(low, pieces[0])
    high = max(high, low + 1)
    modes = [mode for mode, words in (("count", _COUNT), ("make", _MAKE), ("change", _CHANGE)) if ctx.has(*words)]
    if "change" in modes and not ctx.has(*_COUNT[1:]) and ctx.has("count back", "counting back"):
        modes.remove("count")  # counting back the change is giving change
    if ctx.has(*_HOW_MUCH) and not modes:
        modes.append("count")  # “how much change” asks for change, not for counting
    if ctx.has(*_FEWEST) and "make" not in modes:
        modes.append("make")
    if not modes:
        modes = ["count", "make"]
    style = "words" if ctx.zh and currency in ("CNY", "TWD", "JPY") else "symbol"
    return PicturesComponent(
        id="money",
        topic="money",
        modes=modes,
        answer=_answer(ctx),
        count=_count(ctx),
        currency=currency,
        style=style,
        pieces=list(pieces),
        low=low,
        high=high,
        fewest=ctx.has(*_FEWEST),
    )


# -- the app -------------------------------------------------------------------------------------------------


def score(ctx: Context) -> Match:
    found = _topic(ctx)
    if found is None:
        return Match()
    topic, strength = found
    words = (*_CLOCK_STRONG, *_CLOCK_WEAK) if topic == "clock" else (*_MONEY_STRONG, *_MONEY_WEAK)
    shown = [w for w in (ctx.where(word) for word in words) if w]
    return Match(strength, tuple(dict.fromkeys(shown))[:2] or (words[0],))


_LEVEL_TEXT = {
    "hour": ("o'clock times", "整点"), "half": ("o'clock and half past", "整点和半点"),
    "quarter": ("o'clock, half past, quarter past and quarter to", "整点、半点和一刻钟"),
    "five": ("times to the nearest 5 minutes", "精确到 5 分钟的时间"),
    "minute": ("times to the minute", "精确到分钟的时间"),
}  # fmt: skip
_MODE_TEXT = {
    "read": ("read the clock drawn", "看钟面说出时间"), "set": ("set the hands to a time", "按给出的时间拨时针和分针"),
    "elapsed": ("say the time some minutes later", "算出经过一段时间后是几点"),
    "count": ("count the coins and notes drawn", "数一数画出的硬币和纸币一共多少钱"),
    "make": ("make a price by tapping coins and notes", "点选硬币和纸币凑出价钱"),
    "change": ("work out the change from a payment", "算出付钱后应找回多少"),
}  # fmt: skip


def _note(ctx: Context, practice: PicturesComponent) -> str:
    t = ctx.t
    kinds = t.join([t(*_MODE_TEXT[m]) for m in practice.modes]).replace("“", "").replace("”", "")
    what_of = t("times", "时间") if practice.topic == "clock" else t("amounts", "钱数")
    how = t(
        f" Choose each answer from 4 {what_of}." if practice.answer == "choice" else " Type each answer.",
        f"从 4 个{what_of}里选出正确的。" if practice.answer == "choice" else "写出每道题的答案。",
    )
    if set(practice.modes) <= {"set", "make"}:
        how = ""  # the hands are set and the price made by hand: nothing to choose or type
    if practice.topic == "clock":
        clock = t(*_LEVEL_TEXT[practice.level]) + t(" on a 24-hour clock", "（24 时计时法）") * practice.hours24
        what = t(f"{kinds}; {clock} (the level can be changed).", f"{kinds}；{clock}（难度可以调整）。")
    else:
        money = _money_text(practice)
        what = t(f"{kinds}; amounts up to {money}.", f"{kinds}；金额不超过 {money}。")
        if practice.fewest:
            what += t(" A price counts only when made with the fewest pieces.", "凑钱时要用最少的张数才算对。")
    return t(
        f"{practice.count} questions a round, one at a time: {what}{how} Press **Check** to see if you are right, "
        "**Next** for the next question; the end of the round shows your score and the ones to practise again, "
        "and **New round** starts again.",
        f"每轮 {practice.count} 道题，一次一道：{what}{how}点 **检查** 看看对不对，点 **下一题** 继续；"
        "一轮做完会显示得分和要再练的题，点 **新一轮** 重新开始。",
    )


def _money_text(practice: PicturesComponent) -> str:
    """The largest amount asked, written as the app writes amounts."""
    amount, currency = practice.high, practice.currency
    minor = _MINOR[currency]
    if practice.style == "words" and currency == "CNY":
        yuan, rest = divmod(amount, 100)
        jiao, fen = divmod(rest, 10)
        return ((f"{yuan}元" if yuan else "") + (f"{jiao}角" if jiao else "") + (f"{fen}分" if fen else "")) or "0元"
    if practice.style == "words":
        return f"{amount}" + ("日元" if currency == "JPY" else "元")
    sign = {"CNY": "¥", "TWD": "NT$", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}[currency]
    whole, cents = divmod(amount, minor)
    return f"{sign}{whole:,}" + (f".{cents:02d}" if cents and minor == 100 else "")


def _paths(ctx: Context, practice: PicturesComponent) -> list:
    t, cid, n = ctx.t, practice.id, practice.count
    found = [
        path(
            "check_blank",
            t("Checking with no answer marks the first question wrong.", "不作答就检查，第一题记为答错。"),
            [step("click", f"{cid}__check")],
            [
                expect(f"{cid}.answered", 1),
                expect(f"{cid}.score", 0),
                expect(f"{cid}.last", "wrong"),
                expect(f"{cid}.total", n),
            ],
        ),  # fmt: skip
        path(
            "new_round",
            t("A new round starts with nothing answered.", "开始新一轮时，还没有作答。"),
            [step("click", f"{cid}__check"), step("click", f"{cid}__new")],
            [expect(f"{cid}.round", 2), expect(f"{cid}.answered", 0), expect(f"{cid}.asked", 1)],
        ),
    ]
    if n >= 2:
        found.append(
            path(
                "next_question",
                t("After checking, Next shows question 2.", "检查之后点下一题，出现第 2 题。"),
                [step("click", f"{cid}__check"), step("click", f"{cid}__next")],
                [expect(f"{cid}.asked", 2), expect(f"{cid}.answered", 1), expect(f"{cid}.last", "")],
            )
        )
    if 2 * n - 1 <= 20:
        steps = [s for _ in range(n - 1) for s in (step("click", f"{cid}__check"), step("click", f"{cid}__next"))]
        found.append(
            path(
                "whole_round",
                t(
                    "A round with no answers ends with a score of 0 and every question to practise again.",
                    "整轮都不作答，得 0 分，每道题都列在要再练的题里。",
                ),  # fmt: skip
                [*steps, step("click", f"{cid}__check")],
                [expect(f"{cid}.finished", True), expect(f"{cid}.score", 0), expect(f"{cid}.missed", n, "len_eq")],
            )
        )
    if practice.topic == "clock":
        easier = "hour" if practice.level != "hour" else "half"
        found.append(
            path(
                "change_level",
                t("Choosing another level starts a new round at that level.", "换一个难度，就按新难度开始新一轮。"),
                [step("set", f"{cid}__level", easier)],
                [expect(f"{cid}.level", easier), expect(f"{cid}.round", 2)],
            )
        )
    if "make" in practice.modes and n > practice.modes.index("make"):
        before = [step("click", f"{cid}__check"), step("click", f"{cid}__next")] * practice.modes.index("make")
        first = practice.used()[0]
        found.append(
            path(
                "tap_and_undo",
                t("Tapping a coin twice and taking one back leaves one coin.", "点两次硬币再撤销一次，只剩一枚。"),
                [*before, step("click", f"{cid}__add0"), step("click", f"{cid}__add0"), step("click", f"{cid}__undo")],
                [expect(f"{cid}.made", first)],
            )
        )
    return found


_SPOKEN = ("out loud", "aloud", "says the time", "say the time", "speaks", "speak the", "spoken", "voice",
           "read it to", "语音", "读出来", "读出声", "念出", "说出声", "播报", "发声")  # fmt: skip


def _spoken(ctx: Context) -> list[LeftOut]:
    """A spoken voice, when the sentence asks for one: an app made here shows text and pictures only."""
    if not ctx.has(*_SPOKEN):
        return []
    t = ctx.t
    return [
        LeftOut(
            part=t("A spoken voice", "语音播报"),
            reason=t(
                "An app made here cannot speak; every question and answer is shown as text and pictures.",
                "这里做的应用不能发出声音；题目和答案都以文字和图片显示。",
            ),
        )
    ]


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    found = _topic(ctx)
    clock = found is None or found[0] == "clock"
    practice = read_clock(ctx) if clock else read_money(ctx)
    if clock:
        title, icon = t("Telling the Time", "认识钟表"), "🕒"
        value = t("Read and set an analogue clock, a question at a time, with a score.",
                  "看钟面认读时间、拨出时间，一题一题练，还有得分。")  # fmt: skip
    else:
        name = _NAMES[practice.currency]
        title, icon = t(f"Money Practice: {name[0]}", f"认识{name[1]}"), "🪙"
        value = t("Count coins and notes, make prices and work out change, with a score.",
                  "数钱、凑钱、算找零，一题一题练，还有得分。")  # fmt: skip
    brief = Brief(
        title=title,
        value=value,
        audience=t("Children learning at home or at school", "在家或在学校学习的孩子"),
        language=ctx.language,
        icon=icon,
        category="learning",
        inputs=[t("answers", "答案")],
        feedback=[t("right or wrong at once, the score and the ones missed", "马上知道对错、得分和错题")],
        theme=ctx.theme("teal" if clock else "amber"),
        left_out=_spoken(ctx),
    )
    components: list[Component] = [TextComponent(id="intro", body=_note(ctx, practice)), practice]
    screen = Screen(name="practice", title=t("Practice", "练习"), icon=icon, components=components)
    return AppSpec(brief=brief, entities=[], screens=[screen], key_paths=_paths(ctx, practice))


PATTERN = Pattern(
    name="pictures",
    label_en="clock and money practice",
    label_zh="钟表和钱币练习",
    score=score,
    build=build,
    hint_en="clock and money practice",
    hint_zh="钟表和钱币练习",
)
