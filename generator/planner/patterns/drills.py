"""Practice drills: arithmetic made up in the app (the operations, number range, times tables, count and time
limit the sentence names), ordering exercises (the sentence's own items, or a well-known sequence) and
balancing chemical equations; each checked exactly, with a score."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path

from flashapps.spec import (
    AppSpec,
    Brief,
    Component,
    DrillComponent,
    OrderComponent,
    Question,
    QuizComponent,
    Screen,
    TextComponent,
)
from flashapps.spec.learning import UNIT_PAIRS
from generator.planner.content import Content, read_content
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.spelling import quiz_paths

__all__ = ["PATTERN", "equation_answers", "read_drill", "read_order"]

_DATA = Path(__file__).resolve().parents[1] / "data"

# -- reading ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _content(idea: str) -> Content:
    """What the idea lists and counts, read once for the several questions asked of it."""
    return read_content(idea)


_OPS = {
    "+": ("add", "addition", "plus", "sums", "加法", "加减", "加、减", "加和减"),
    "-": ("subtract", "subtraction", "minus", "take away", "减法", "减"),
    "×": ("multiplication", "multiply", "multiplied", "times table", "times-table", "乘法", "乘", "九九", "口诀"),
    "÷": ("divid", "division", "除法", "除"),
}
_ARITHMETIC = ("arithmetic", "mental math", "mental maths", "math facts", "maths facts", "number facts", "口算", "心算",
               "速算", "计算题", "算术", "四则运算")  # fmt: skip
_PRACTICE = ("practice", "practise", "drill", "quiz", "test", "exercise", "worksheet", "facts", "questions", "problems",
             "round", "random", "flash", "练习", "测验", "测试", "小测", "题", "随机", "背诵", "备诵", "训练",
             "考")  # fmt: skip
_STRONG_PRACTICE = ("practice", "practise", "drill", "quiz", "test", "exercise", "worksheet", "facts", "练习", "测验",
                    "测试", "小测", "训练", "背诵", "备诵", "题")  # fmt: skip
_MATH = ("math", "maths", "sums", "数学", "算")
_TABLES = re.compile(r"times[ -]?tables?|multiplication tables?|tables? of|乘法表|乘法口诀|九九")
_NUMBER = r"(\d{1,4})"
_RANGES = (
    re.compile(rf"(?:from|between)\s+{_NUMBER}\s*(?:to|and|-|–|~)\s*{_NUMBER}"),
    re.compile(rf"{_NUMBER}\s*(?:到|至|~|～|-|–)\s*{_NUMBER}\s*(?:之间|以内|的|范围)?"),
)
_UP_TO = re.compile(rf"(?:up to|within|under|below|to|max(?:imum)?|at most)\s+{_NUMBER}\b|{_NUMBER}\s*以(?:内|下)")
_SECONDS = re.compile(r"(\d{1,4})\s*(?:-|\s)?\s*(seconds?|secs?|s\b|秒|minutes?|mins?|分钟)")
_TIMED = ("timer", "timed", "countdown", "count down", "against the clock", "限时", "倒计时", "计时")
_NOT_WHOLE = ("decimal", "percent", "小数", "百分")
_FRACTIONS = ("fraction", "分数")
_EQUATION = ("equation", "方程", "solve for x", "solving for x")
_NOT_LINEAR = ("chemical", "chemistry", "balance", "balancing", "化学", "配平", "quadratic", "二次", "simultaneous",
               "方程组", "system of")  # fmt: skip
_LOGGING = ("log my", "track my", "tracker", "record my", "记录", "打卡", "日志", "统计")
_NOT_TABLES = re.compile(r"\d+\s*(?:道|个|题|questions?|problems?|sums|seconds?|secs?|minutes?|mins?|秒|分钟|rounds?)")


def _ops(ctx: Context) -> list[str]:
    found = [op for op, words in _OPS.items() if ctx.has(*words)]
    if ctx.has("四则", "加减乘除", "all four"):
        return ["+", "-", "×", "÷"]
    if ctx.has("加减") and "-" not in found:
        found.append("-")
    return sorted(found, key="+-×÷".index)


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d{1,4}", text)]


def _tables(text: str) -> tuple[list[int], int]:
    """The times tables named (“the 3, 4 and 7 times tables”, “tables 2–12”) and how far each goes."""
    if "九九" in text or "口诀" in text:
        return list(range(1, 10)), 9
    plain = _NOT_TABLES.sub(" ", text)
    for pattern in _RANGES:
        found = pattern.search(plain)
        if found and 1 <= int(found[1]) < int(found[2]) <= 20:
            tables = list(range(int(found[1]), int(found[2]) + 1))
            return tables, 12 if tables[-1] >= 11 else 10
    named = [n for n in _numbers(plain) if 1 <= n <= 20]
    tables = sorted(set(named))
    if not tables:
        return list(range(2, 11)), 10
    return tables, 12 if tables[-1] >= 11 else 10


def _range(ctx: Context, ops: list[str]) -> tuple[int, int]:
    text = _NOT_TABLES.sub(" ", ctx.text)
    for pattern in _RANGES:
        found = pattern.search(text)
        if found and int(found[1]) < int(found[2]):
            return int(found[1]), int(found[2])
    found = _UP_TO.search(text)
    if found:
        return 0, int(found[1] or found[2])
    if ctx.has("two-digit", "two digit", "两位数"):
        return 10, 99
    if ctx.has("single-digit", "single digit", "一位数"):
        return 0, 9 if set(ops) <= {"+", "-"} else 81
    return (0, 20) if set(ops) <= {"+", "-"} else (0, 100)


def _has_range(ctx: Context) -> bool:
    text = _NOT_TABLES.sub(" ", ctx.text)
    return any(p.search(text) for p in (*_RANGES, _UP_TO))


def _seconds(ctx: Context) -> int:
    for found in _SECONDS.finditer(ctx.text):
        value = int(found[1]) * (60 if found[2][0] in "m分" else 1)
        if 5 <= value <= 3600:
            return value
    return 60 if ctx.has(*_TIMED) else 0


_CONVERSION = ("unit conversion", "converting units", "convert units", "conversion", "converting", "单位换算", "换算",
               "单位")  # fmt: skip
_UNIT_NAMES = {
    "km": ("km", "kilometre", "kilometer", "千米", "公里"), "m": ("m$", "metre", "meter", "米", "公尺"),
    "cm": ("cm", "centimetre", "centimeter", "厘米", "公分"),
    "mm": ("mm", "millimetre", "millimeter", "毫米", "公厘", "公釐"),
    "kg": ("kg", "kilogram", "千克", "公斤"), "g": ("g$", "gram", "克"), "t": ("tonne", "ton$", "吨"),
    "l": ("l$", "litre", "liter", "升", "公升"), "ml": ("ml", "millilitre", "milliliter", "毫升"),
    "h": ("hour", "hr$", "小时"), "min": ("minute", "min$", "分钟"), "s": ("second", "sec$", "秒"),
    "day": ("day", "天"),
}  # fmt: skip


def _unit_pairs(ctx: Context) -> list[str]:
    """The unit pairs whose two units the sentence names (“km to m, kg to g”), else every pair."""
    text = ctx.text
    named = {unit for unit, words in _UNIT_NAMES.items() if ctx.has(*words)}
    if "毫米" in text or "厘米" in text or "千米" in text:  # 米 inside them names no metre of its own
        bare = re.sub(r"[千厘毫]米", "", text)
        if "米" not in bare:
            named.discard("m")
    if "毫升" in text and "升" not in text.replace("毫升", ""):
        named.discard("l")
    if "千克" in text and "克" not in text.replace("千克", ""):
        named.discard("g")
    pairs = [pair for pair in UNIT_PAIRS if set(pair.split("-")) <= named]
    return pairs or [pair for pair in UNIT_PAIRS if pair != "m-mm"]


def _topic(ctx: Context) -> str:
    if ctx.has(*_EQUATION) and not ctx.has(*_NOT_LINEAR):
        return "equations"
    if ctx.has(*_CONVERSION) and ctx.has(*_STRONG_PRACTICE):
        return "units"
    return "fractions" if ctx.has(*_FRACTIONS) else "arithmetic"


def read_drill(ctx: Context) -> DrillComponent | None:
    """The arithmetic drill the sentence asks for, or None when it asks for none."""
    tabled = bool(_TABLES.search(ctx.text))
    ops = _ops(ctx)
    topic = "arithmetic" if tabled else _topic(ctx)
    if not ops and not ctx.has(*_ARITHMETIC) and not tabled and topic == "arithmetic":
        return None
    if not ctx.has(*_PRACTICE) and not tabled:
        return None
    if not ctx.has(*_STRONG_PRACTICE) and not tabled and not ctx.has(*_ARITHMETIC, *_MATH):
        return None  # “random words plus a number” is no sum to practise
    if not tabled and ctx.has(*_NOT_WHOLE):
        return None
    if ctx.has(*_LOGGING) and not ctx.has("random", "随机", "题", "questions", "problems", "drill"):
        return None  # a log of practice done, not practice
    if topic not in ("arithmetic", "fractions") and ctx.has("game", "游戏"):
        return None  # a game about equations or units is the quiz's; one about sums or fractions is practice
    if topic == "units":
        count = _content(ctx.idea).counts.get("questions") or 10
        high = _range(ctx, ["×"])[1] if _has_range(ctx) else 20
        return DrillComponent(
            id="drill", topic="units", ops=["×"], units=_unit_pairs(ctx), low=0, high=max(high, 2),
            count=min(count, 40), seconds=_seconds(ctx),
        )  # fmt: skip
    if topic != "arithmetic":
        low, high = _range(ctx, ["×"]) if _has_range(ctx) else ((1, 10) if topic == "equations" else (0, 10))
        count = _content(ctx.idea).counts.get("questions") or 10
        return DrillComponent(
            id="drill",
            topic=topic,
            ops=ops or ["+", "-"],
            low=low,
            high=max(high, low + 1),
            count=min(count, 40),
            seconds=_seconds(ctx),
        )
    if tabled and not set(ops) & {"×", "÷"}:
        ops = [*ops, "×"]
    ops = ops or ["+", "-"]
    tables, up_to = _tables(ctx.text) if tabled else ([], 10)
    low, high = _range(ctx, ops)
    count = _content(ctx.idea).counts.get("questions") or (20 if tabled else 10)
    return DrillComponent(
        id="drill",
        ops=ops,
        low=low,
        high=max(high, low + 1),
        tables=tables,
        up_to=up_to,
        count=min(count, 40),
        seconds=_seconds(ctx),
    )


_ORDER = ("put in order", "in order", "in the right order", "in the correct order", "ordering", "order the", "sequence",
          "arrange", "sort the", "smallest to largest", "largest to smallest", "least to greatest",
          "greatest to least", "排序", "排列", "顺序", "排好", "从小到大", "从大到小", "先后")  # fmt: skip
_NOT_ORDER = ("priority", "priorities", "task", "to-do", "todo", "delivery", "orders$", "优先", "任务", "订单", "点餐")
_EXERCISE = ("put", "把", "arrange these", "order these", "order the", "排好", "排列", "排序", "student", "pupil",
             "kid", "class", "学生", "孩子", "小朋友", "sort the", "smallest to", "largest to", "least to",
             "greatest to", "从小到大", "从大到小")  # fmt: skip
"""What makes a listed order an exercise (“put these in order”, “排好顺序”), not a queue or a recipe's steps."""
_DESCENDING = ("largest to smallest", "biggest to smallest", "greatest to least", "descending", "从大到小", "降序")


@cache
def _sequences() -> list[dict]:
    data = json.loads((_DATA / "sequences.json").read_text(encoding="utf-8"))
    return list(data["sequences"])


def _known(ctx: Context) -> dict | None:
    """The well-known sequence the idea names (“planets”, “朝代”), else None."""
    best, best_score = None, 0.0
    for seq in _sequences():
        found = ctx.match(dict.fromkeys(seq["words"], 1.0)).score
        if found > best_score:
            best, best_score = seq, found
    return best


def _value(item: str) -> Fraction | None:
    """A listed item as a number (“3/4”, “0.5”, “-2”, “50%”), else None."""
    text = item.strip().replace("％", "%")
    try:
        if text.endswith("%"):
            return Fraction(text[:-1]) / 100
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


_NUMBER_ITEM = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?\s*[%％]?")


def _numbers_listed(idea: str) -> list[str]:
    """The numbers listed after a colon (“0.5, 2, 1/4, 75%”), when nothing else is listed there."""
    tail = re.split(r"[:：]", idea, maxsplit=1)
    if len(tail) < 2:
        return []
    found = [n.replace(" ", "") for n in _NUMBER_ITEM.findall(tail[1])]
    rest = _NUMBER_ITEM.sub(" ", tail[1])
    if len(found) < 2 or re.sub(r"[\s,，、;；.。]|\band\b|和|与", "", rest):
        return []
    return list(dict.fromkeys(found))


def read_order(ctx: Context) -> tuple[list[str], str, str] | None:
    """(items in the right order, title, prompt) for an ordering exercise, or None."""
    if not ctx.has(*_ORDER) or ctx.has(*_NOT_ORDER):
        return None
    t = ctx.t
    listed = _numbers_listed(ctx.idea) or [item for item in _content(ctx.idea).items if item.strip()]
    known = _known(ctx)
    if len(listed) >= 2 and len(set(listed)) == len(listed):
        values = [_value(item) for item in listed]
        if all(v is not None for v in values):
            down = ctx.has(*_DESCENDING)
            ordered = [item for _, item in sorted(zip(values, listed, strict=True), reverse=down)]
            prompt = (
                t("From the largest to the smallest.", "从大到小。")
                if down
                else t("From the smallest to the largest.", "从小到大。")
            )
            return [ctx.script(i) for i in ordered], t("Put the Numbers in Order", "数的大小排序"), prompt
        if known is not None:
            place = {to_simplified(w).lower(): n for lang in ("en", "zh-Hans") for n, w in enumerate(known[lang])}
            ranks = [place.get(to_simplified(item).lower()) for item in listed]
            if all(r is not None for r in ranks):
                ordered = [item for _, item in sorted(zip(ranks, listed, strict=True))]
                return [ctx.script(i) for i in ordered], known["title"][ctx.language], known["prompt"][ctx.language]
        prompt = t("In the order your teacher gave.", "按老师给出的顺序。")
        return [ctx.script(i) for i in listed][:20], t("Put Them in Order", "排序练习"), prompt
    if known is None:
        return None
    return list(known[ctx.language]), known["title"][ctx.language], known["prompt"][ctx.language]


# -- chemical equations --------------------------------------------------------------------------------------

_EQUATIONS = ("balance", "balancing", "配平")
_CHEMISTRY = ("chemical equation", "chemistry", "equation", "化学方程式", "方程式", "化学")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@cache
def _equations() -> list[dict]:
    data = json.loads((_DATA / "equations.json").read_text(encoding="utf-8"))
    return list(data["equations"])


def _formula(text: str) -> str:
    """H2O → H₂O: the digits after a symbol or bracket as subscripts."""
    return re.sub(r"(?<=[A-Za-z)])\d+", lambda m: m[0].translate(_SUB), text)


def equation_answers(coefficients: list[int]) -> list[str]:
    """The ways a pupil may type the coefficients: “2 1 2”, “2,1,2”, “2, 1, 2”, “2，1，2”, “2、1、2”."""
    shown = [str(c) for c in coefficients]
    return list(dict.fromkeys(sep.join(shown) for sep in (" ", ",", ", ", "，", "、", "/")))


def _equation_quiz(ctx: Context) -> QuizComponent:
    t = ctx.t
    questions = []
    for eq in _equations():
        blanks = " + ".join(f"__ {_formula(s)}" for s in eq["left"]) + " → "
        blanks += " + ".join(f"__ {_formula(s)}" for s in eq["right"])
        why = " + ".join(f"{c} {_formula(s)}" for c, s in zip(eq["coefficients"], eq["left"], strict=False))
        rest = eq["coefficients"][len(eq["left"]) :]
        why += " → " + " + ".join(f"{c} {_formula(s)}" for c, s in zip(rest, eq["right"], strict=True))
        questions.append(
            Question(
                prompt=blanks,
                choices=equation_answers(eq["coefficients"]),
                answer=0,
                explanation=why.replace(" 1 ", " ").removeprefix("1 "),
            )
        )
    wanted = _content(ctx.idea).counts.get("questions")
    questions = questions[: wanted or len(questions)]
    return QuizComponent(
        id="quiz", title=t("Balance the Equations", "化学方程式配平"), questions=questions, mode="typed", pass_mark=0.6
    )


# -- the pattern --------------------------------------------------------------------------------------------


def _found(ctx: Context, *words: str) -> Match:
    """A strong fit, named by the idea's own words that made it."""
    shown = [w for w in (ctx.where(word) for word in words) if w]
    return Match(30.0, tuple(dict.fromkeys(shown))[:2] or (words[0],))


def score(ctx: Context) -> Match:
    if ctx.has(*_EQUATIONS) and ctx.has(*_CHEMISTRY):
        return _found(ctx, *_EQUATIONS)
    if read_order(ctx) is not None and ctx.has(*_STRONG_PRACTICE, *_EXERCISE):
        return _found(ctx, *_ORDER)
    drill = read_drill(ctx)
    if drill is not None and drill.topic == "units":  # practising conversions, not a converter
        return _found(ctx, *_CONVERSION) + Match(10.0)
    if drill is not None:
        return _found(ctx, "times table", "乘法表", "口诀", *_ARITHMETIC, *(w for ws in _OPS.values() for w in ws))
    return Match()


_OP_WORDS = {"+": ("addition", "加法"), "-": ("subtraction", "减法"), "×": ("multiplication", "乘法"),
             "÷": ("division", "除法")}  # fmt: skip


def _drill_spec(ctx: Context, drill: DrillComponent) -> tuple[str, str, list[Component]]:
    t = ctx.t
    if drill.topic == "units":
        title = t("Unit Conversion Practice", "单位换算练习")
        pairs = [p.replace("-", " ↔ ").replace("l ", "L ").replace("ml", "mL").replace("day", "d") for p in drill.units]
        what = t(f"converting {', '.join(pairs)} (whole numbers)", f"{'、'.join(pairs)} 的换算（整数）")
    elif drill.topic == "fractions":
        title = t("Fractions Practice", "分数练习")
        ops = t.items([_OP_WORDS[o][0] for o in drill.ops], [_OP_WORDS[o][1] for o in drill.ops])
        what = t(f"{' and '.join(ops)} of fractions (answers as fractions like 5/6, in any equal form)",
                 f"分数的{'、'.join(ops)}（答案写成 5/6 这样的分数，约分与否都算对）")  # fmt: skip
    elif drill.topic == "equations":
        title = t("Solving Equations Practice", "一元一次方程练习")
        what = t(f"equations like 3x + 5 = 20 with a whole-number x from {drill.low} to {drill.high}; a wrong "
                 "answer shows the steps", f"形如 3x + 5 = 20 的方程，x 是 {drill.low} 到 {drill.high} 的整数；"
                 "答错会显示解题步骤")  # fmt: skip
    elif drill.tables:
        named = ", ".join(str(n) for n in drill.tables)
        title = t("Times Tables Practice", "乘法表练习")
        what = t(f"times tables of {named} (up to × {drill.up_to})", f"{named} 的乘法（乘到 {drill.up_to}）")
    else:
        title = t("Arithmetic Practice", "口算练习")
        ops = t.items([_OP_WORDS[o][0] for o in drill.ops], [_OP_WORDS[o][1] for o in drill.ops])
        what = t(f"{' and '.join(ops)} with numbers from {drill.low} to {drill.high}",
                 f"{drill.low} 到 {drill.high} 的{'、'.join(ops)}")  # fmt: skip
    extra = [o for o in drill.ops if o in "+-"] if drill.tables else []
    if extra:
        what += t(f", with {' and '.join(_OP_WORDS[o][0] for o in extra)} from {drill.low} to {drill.high}",
                  f"，另有 {drill.low} 到 {drill.high} 的{'、'.join(_OP_WORDS[o][1] for o in extra)}")  # fmt: skip
    timed = (
        t(
            f" You have {drill.seconds} seconds; the round is checked when time runs out.",
            f"限时 {drill.seconds} 秒，时间到就自动交卷。",
        )  # fmt: skip
        if drill.seconds
        else ""
    )
    note = (
        t(
            f"{drill.count} new questions every round: {what}. Type each answer and press **Check answers** to see "
            "your score and time; **Practise the missed ones** asks the wrong ones again, **New questions** starts "
            "a fresh round.",
            f"每轮 {drill.count} 道新题：{what}。写下答案后点 **提交答案** 查看得分和用时；"
            "**再练错题** 把做错的题再出一遍，"
            "**换一组新题** 开始新的一轮。",
        )
        + timed
    )
    return title, note, [TextComponent(id="intro", body=note), drill]


def _drill_paths(ctx: Context, drill: DrillComponent) -> list:
    t = ctx.t
    return [
        path(
            "check_blank",
            t(
                "Checking a round with nothing typed scores 0 and lists every question with its answer.",
                "什么都没写就提交，得 0 分，并列出每道题和正确答案。",
            ),  # fmt: skip
            [step("click", "drill__check")],
            [
                expect("drill.finished", True),
                expect("drill.score", 0),
                expect("drill.total", drill.count),
                expect("drill.missed", drill.count, "len_eq"),
            ],
        ),
        path(
            "practise_missed",
            t(
                "The missed questions come back in a new round, with the answers cleared.",
                "做错的题会在新的一轮里再出一遍，答案已清空。",
            ),  # fmt: skip
            [step("click", "drill__check"), step("click", "drill__again")],
            [expect("drill.round", 2), expect("drill.finished", False), expect("drill.total", drill.count)],
        ),
        path(
            "new_round",
            t("New questions start round 2 with nothing answered.", "换一组新题后进入第 2 轮，还没有作答。"),
            [step("set", "drill__a0", "1"), step("click", "drill__new")],
            [expect("drill.round", 2), expect("drill.answered", 0), expect("drill.total", drill.count)],
        ),
    ]


def _order_paths(ctx: Context, order: OrderComponent) -> list:
    t = ctx.t
    items = order.items
    wrong = [items[1], items[0], *items[2:]]
    own = [t("first", "第一"), t("second", "第二"), t("third", "第三")]
    return [
        path(
            "right_order",
            t(
                "Putting every item in its place and checking scores full marks.",
                "把每一项放到正确的位置再检查，得满分。",
            ),
            [*(step("set", f"order__p{n}", item) for n, item in enumerate(items)), step("click", "order__check")],
            [expect("order.solved", True), expect("order.score", len(items)), expect("order.order", items)],
        ),
        path(
            "two_swapped",
            t("With the first two swapped, places 1 and 2 are marked wrong.", "前两项对调时，第 1、2 位被标为错误。"),
            [*(step("set", f"order__p{n}", item) for n, item in enumerate(wrong)), step("click", "order__check")],
            [expect("order.solved", False), expect("order.wrong", [1, 2]), expect("order.score", len(items) - 2)],
        ),
        path(
            "own_items",
            t(
                "A teacher types three items in their right order; the exercise now asks those.",
                "老师按正确顺序输入三项，练习就改成排这三项。",
            ),  # fmt: skip
            [
                step("set", "order__items", "\n".join(own)),
                step("click", "order__save_items"),
                *(step("set", f"order__p{n}", item) for n, item in enumerate(own)),
                step("click", "order__check"),
            ],
            [expect("order.total", 3), expect("order.solved", True), expect("order.order", own)],
        ),
    ]


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    components: list[Component]
    if ctx.has(*_EQUATIONS) and ctx.has(*_CHEMISTRY):
        quiz = _equation_quiz(ctx)
        note = t(
            f"{len(quiz.questions)} equations to balance. Type the coefficients in order, 1 included, separated by "
            "spaces or commas (for __ H₂ + __ O₂ → __ H₂O type 2 1 2), then press **Check answers**; each wrong one "
            "shows the balanced equation.",
            f"共 {len(quiz.questions)} 个方程式。按顺序填写每个物质前的系数（1 也要写），用空格或逗号隔开"
            "（例如 __ H₂ + __ O₂ → __ H₂O 填 2 1 2），然后点 **提交答案**；答错会显示配平后的方程式。",
        )
        title, icon, components = quiz.title, "⚗️", [TextComponent(id="intro", body=note), quiz]
        paths, value = quiz_paths(ctx, quiz), t("Balance common chemical equations and check every coefficient.",
                                                "配平常见化学方程式，逐个检查系数。")  # fmt: skip
    elif (ordered := read_order(ctx)) is not None and (_content(ctx.idea).items or read_drill(ctx) is None):
        items, title, prompt = ordered
        order = OrderComponent(id="order", items=items, prompt=prompt, editable=True)
        note = t(
            "The items are mixed up. Choose what goes in each place (the item there swaps with it), then press "
            "**Check the order**; **Shuffle** mixes them again. **Change the items** takes your own list, typed in "
            "its right order.",
            "下面的顺序被打乱了。为每个位置选出正确的一项（原来在那里的会和它交换），"
            "然后点 **检查顺序**；**重新打乱** 可以再来一次。"
            "在 **修改排序内容** 里按正确顺序输入，就能换成自己的内容。",
        )
        icon, components = "🔢", [TextComponent(id="intro", body=note), order]
        paths, value = _order_paths(ctx, order), t(f"Put {len(items)} items in the right order and check.",
                                                   f"把 {len(items)} 项排成正确的顺序并检查。")  # fmt: skip
    else:
        drill = read_drill(ctx) or DrillComponent(id="drill", ops=["+", "-"])
        title, note, components = _drill_spec(ctx, drill)
        icon = "🧮"
        paths, value = (
            _drill_paths(ctx, drill),
            t(
                "New practice questions every round, checked at once, with the missed ones to practise again.",
                "每轮都有新题，马上判分，错题可以再练。",
            ),
        )
    brief = Brief(
        title=title,
        value=value,
        audience=t("Students and their teachers", "学生和老师"),
        language=ctx.language,
        icon=icon,
        category="learning",
        inputs=[t("typed answers", "填写的答案")],
        feedback=[t("score, the ones missed and the right answers", "得分、错题和正确答案")],
        theme=ctx.theme("purple"),
    )
    screen = Screen(name="practice", title=t("Practice", "练习"), icon=icon, components=components)
    return AppSpec(brief=brief, entities=[], screens=[screen], key_paths=paths)


PATTERN = Pattern(
    name="drill",
    label_en="practice drill",
    label_zh="练习",
    score=score,
    build=build,
    hint_en="practice drill",
    hint_zh="练习",
)
