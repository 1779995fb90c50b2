"""Follow-up readers for numbers and rules: a goal or limit, a timer's minutes, a counter's step, how many a
picker draws and whether it repeats, a number range, a quiz's pass mark and order, a list's daily reset and a
calculator's defaults and ranges."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    CalcInput,
    CalculatorComponent,
    ChecklistComponent,
    CounterComponent,
    PickerComponent,
    QuizComponent,
    TimerComponent,
)
from generator.edit_base import Clause, Refused, number, replace_paths, steps_fit
from generator.edit_paths import told_again

__all__ = ["calculator", "counter", "goal", "picker", "quiz_rules", "timer"]

_NUM = (
    r"(\d+(?:[.,]\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)\b"
    r"|[零一二两兩三四五六七八九十百千万萬]+)"
)
_UNIT_SCALE = {"l": 1000, "litre": 1000, "liter": 1000, "litres": 1000, "liters": 1000, "升": 1000, "公升": 1000,
               "kg": 1000, "km": 1000, "h": 60, "hour": 60, "hours": 60, "小时": 60, "小時": 60}  # fmt: skip
_SMALL = {"ml": ("l", "litre", "liter", "litres", "liters", "升", "公升"), "毫升": ("l", "升", "公升"),
          "g": ("kg",), "m": ("km",), "min": ("h", "hour", "hours", "小时", "小時"),
          "分钟": ("h", "hour", "hours", "小时", "小時")}  # fmt: skip


def _value(c: Clause, pattern: str) -> float | None:
    found = c.has(pattern)
    return number(next(g for g in found.groups() if g)) if found else None


def goal(spec: AppSpec, c: Clause) -> list[str]:
    """“make the goal 3 litres”, “daily limit 2000 calories”, “目标改成3升”, a counter's goal."""
    match = c.has(r"(goal|target|limit|at most|no more than|under|目标|目標|上限|不超过|不超過)\D{0,14}?" + _NUM
                  + r"\s*([a-zA-Z]+|升|公升|毫升|小时|小時|步|分钟|分鐘|页|頁|次|杯)?")  # fmt: skip
    if not match or (value := number(match.group(2))) is None:
        return []
    limit = bool(re.search(r"limit|at most|no more|under|上限|不超", match.group(1), re.I))
    if not spec.brief.metrics:
        counters = [x for x in spec.components() if isinstance(x, CounterComponent)]
        if not counters:
            if limit:
                return []
            raise Refused(c.t("this app has no total to set a goal for", "这个应用没有可以设目标的总数"))
        counters[0].goal = max(1, int(value))
        return [
            c.t(
                f"goal of “{counters[0].label}” set to {counters[0].goal}",
                f"“{counters[0].label}”的目标改为 {counters[0].goal}",
            )
        ]
    unit = (match.group(3) or "").lower()
    metric = next((m for m in spec.brief.metrics if m.goal is not None), spec.brief.metrics[0])
    if unit in _SMALL.get(metric.unit.lower(), ()):
        value *= _UNIT_SCALE[unit]
    metric.goal = value
    if limit:
        metric.goal_kind = "stay_under"
    shown = f"{value:g} {metric.unit}".strip()
    word = c.t("limit", "上限") if metric.goal_kind == "stay_under" else c.t("goal", "目标")
    return [c.t(f"{word} of “{metric.label}” set to {shown}", f"“{metric.label}”的{word}改为 {shown}")]


def timer(spec: AppSpec, c: Clause) -> list[str]:
    """“make the timer 10 minutes”, “breaks of 10 minutes”, “work 50 minutes”, “专注时间改成30分钟”."""
    timers = [x for x in spec.components() if isinstance(x, TimerComponent)]
    minutes = _value(c, _NUM + r"\s*(?:-\s*)?(?:min|minutes?|mins|分钟|分鐘)")
    seconds = _value(c, _NUM + r"\s*(?:-\s*)?(?:s|sec|seconds?|秒)\b")
    rounds = _value(
        c, _NUM + r"\s*(?:cycles?|rounds?|sessions?|pomodoros?)|每\s*" + _NUM + r"\s*(?:个|個)?(?:番茄|轮|輪)"
    )
    if not timers or (minutes is None and seconds is None and rounds is None):
        return []
    t, said = timers[0], []
    if rounds is not None and t.mode == "pomodoro":
        if not 1 <= rounds <= 12:
            raise Refused(c.t("a long break can come after 1 to 12 work phases", "长休息可以在 1 到 12 个专注阶段之后"))
        t.cycles_before_long_break = int(rounds)
        said.append(c.t(f"a long break every {t.cycles_before_long_break} work phases",
                        f"每 {t.cycles_before_long_break} 个专注阶段一次长休息"))  # fmt: skip
    if minutes is None and seconds is None:
        return said
    value = minutes if minutes is not None else (seconds or 0) / 60
    part, field, top = "timer", "minutes", 600.0
    if t.mode == "pomodoro":
        if c.has(r"long break|长休息|長休息"):
            part, field, top = c.t("long break", "长休息"), "long_break_minutes", 120
        elif c.has(r"break|rest|休息"):
            part, field, top = c.t("break", "休息"), "break_minutes", 60
        else:
            part, field, top = c.t("work time", "专注时间"), "work_minutes", 180
    elif t.mode == "stopwatch":
        raise Refused(c.t("a stopwatch counts up and has no length", "秒表是往上计时的，没有时长"))
    if not 0 < value <= top:
        raise Refused(c.t(f"the {part} can be up to {top:g} minutes", f"{part}最长 {top:g} 分钟"))
    setattr(t, field, value)
    return [c.t(f"{part} set to {value:g} minutes", f"{part}改为 {value:g} 分钟"), *said]


def counter(spec: AppSpec, c: Clause) -> list[str]:
    """“count by 5”, “steps of 10”, “allow negative numbers”, “每次加5”."""
    counters = [x for x in spec.components() if isinstance(x, CounterComponent)]
    if not counters:
        return []
    x = counters[0]
    step = _value(c, r"(?:count(?:ing)? by|steps? of|step|by|increments? of|每次加|每次|步长|步長)\s*" + _NUM)
    if step is not None:
        if not 1 <= step <= 1000:
            raise Refused(c.t("the step can be 1 to 1000", "步长可以是 1 到 1000"))
        x.step = int(step)
        said = c.t(f"“{x.label}” counts by {x.step}", f"“{x.label}”每次加 {x.step}")
    elif c.has(r"negative|below zero|负数|負數|小于零|小於零"):
        x.allow_negative = not c.has(r"\bno\b|not|don'?t|never|不")
        said = c.t("negative counts " + ("allowed" if x.allow_negative else "not allowed"),
                   "允许负数" if x.allow_negative else "不允许负数")  # fmt: skip
    else:
        return []
    replace_paths(spec, x.id, told_again(spec, x, c.app))
    return [said]


def picker(spec: AppSpec, c: Clause) -> list[str]:
    """“pick 2 at a time”, “allow repeats”, “numbers from 1 to 50”, “每次抽3个”."""
    pickers = [x for x in spec.components() if isinstance(x, PickerComponent)]
    if not pickers:
        return []
    p = pickers[0]
    span = c.has(r"(\d+)\s*(?:-|–|to|and|,|到|至|~)\s*(\d+)")
    count = _value(
        c, r"(?:pick|draw|choose|select|抽|选|選)\s*" + _NUM + r"\s*(?:at a time|each time|per pick|个|個|人|名|次)?"
    )
    count = count or _value(c, r"(?:每次|each time|at a time)\D{0,6}" + _NUM)
    into = _value(
        c, r"(?:into|in|make|分成|分为|分為|分)\s*" + _NUM + r"\s*(?:个|個)?\s*(?:teams?|groups?|houses?|组|組|队|隊)"
    )
    size = _value(c, r"(?:groups?|teams?)\s+of\s+" + _NUM + r"|每\s*(?:组|組|队|隊)\s*" + _NUM)
    if into is not None or size is not None:
        wanted = int(into or size or 0)
        if not 1 <= wanted <= min(50, len(p.items)):
            raise Refused(
                c.t(f"groups can be 1 to {min(50, len(p.items))}", f"分组数可以是 1 到 {min(50, len(p.items))}")
            )
        p.groups, p.group_size = (wanted, 0) if into is not None else (0, wanted)
        said = c.t(f"split into {wanted} groups" if into is not None else f"groups of {wanted}",
                   f"分成 {wanted} 组" if into is not None else f"每组 {wanted} 人")  # fmt: skip
    elif span and c.has(r"range|number|from|between|范围|範圍|数字|數字|之间|之間"):
        low, high = sorted((int(span.group(1)), int(span.group(2))))
        if high - low > 199:
            raise Refused(c.t("a range can hold at most 200 numbers", "范围最多 200 个数"))
        p.items = [str(n) for n in range(low, high + 1)]
        p.count = min(p.count, len(p.items))
        said = c.t(f"numbers now {low} to {high}", f"数字范围改为 {low} 到 {high}")
    elif count is not None:
        if not 1 <= count <= min(20, len(p.items)):
            raise Refused(
                c.t(
                    f"it can draw 1 to {min(20, len(p.items))} at a time", f"每次可以抽 1 到 {min(20, len(p.items))} 个"
                )
            )
        p.count = int(count)
        said = c.t(f"draws {p.count} at a time", f"每次抽 {p.count} 个")
    elif c.has(r"repeat|again|重复|重複"):
        p.no_repeat = bool(c.has(r"\bno\b|not|never|without|don'?t|不"))
        said = c.t("no repeats until all are picked" if p.no_repeat else "repeats allowed",
                   "抽完之前不重复" if p.no_repeat else "允许重复")  # fmt: skip
    else:
        return []
    replace_paths(spec, p.id, told_again(spec, p, c.app))
    return [said]


def quiz_rules(spec: AppSpec, c: Clause) -> list[str]:
    """“pass mark 80%”, “shuffle the questions”, “每天重置清单”."""
    quizzes = [x for x in spec.components() if isinstance(x, QuizComponent)]
    lists = [x for x in spec.components() if isinstance(x, ChecklistComponent)]
    mark = _value(c, r"(?:pass(?:ing)?(?: mark| score| at)?|及格线?|及格線|通过线|通過線)\D{0,8}?(\d+(?:\.\d+)?)\s*%?")
    if quizzes and mark is not None:
        share = mark / 100 if mark > 1 else mark
        if not 0 < share <= 1:
            raise Refused(c.t("the pass mark is a share from 1% to 100%", "及格线是 1% 到 100% 之间"))
        quizzes[0].pass_mark = round(share, 3)
        replace_paths(spec, quizzes[0].id, told_again(spec, quizzes[0], c.app))
        return [c.t(f"pass mark set to {share:.0%}", f"及格线改为 {share:.0%}")]
    if quizzes and c.has(r"shuffle|random order|mix up|打乱|打亂|随机顺序|隨機順序"):
        quizzes[0].shuffle = not c.has(r"\bno\b|not|don'?t|不")
        return [
            c.t(
                "questions shuffled" if quizzes[0].shuffle else "questions in order",
                "题目顺序打乱" if quizzes[0].shuffle else "题目按顺序",
            )
        ]
    if lists and c.has(r"every day|each day|daily|每天|每日"):
        lists[0].daily = not c.has(r"\bno\b|not|don'?t|不")
        return [
            c.t(
                "the list starts fresh every day" if lists[0].daily else "ticks are kept",
                "清单每天重置" if lists[0].daily else "勾选一直保留",
            )
        ]
    return []


_RANGE_PAIRS = (("low", "high"), ("min", "max"), ("minimum", "maximum"), ("lowest", "highest"), ("start", "end"))


def _range_pair(calc: CalculatorComponent) -> tuple[CalcInput, CalcInput] | None:
    """The two number inputs of a calculator that hold a range's ends (a draw between a minimum and a maximum)."""
    numbers = {i.name: i for i in calc.inputs if i.type in ("int", "number")}
    return next(((numbers[a], numbers[b]) for a, b in _RANGE_PAIRS if a in numbers and b in numbers), None)


def calculator(spec: AppSpec, c: Clause) -> list[str]:
    """“default tip 20”, “set the default percent to 18”, “people between 1 and 20”."""
    calcs = [x for x in spec.components() if isinstance(x, CalculatorComponent)]
    if not calcs:
        return []
    inputs = [i for i in calcs[0].inputs if i.label.lower() in c.low or i.name.replace("_", " ") in c.low]
    pair = _range_pair(calcs[0])
    span = c.has(r"(-?\d+(?:\.\d+)?)\s*(?:-|–|to|and|,|到|至|~)\s*(-?\d+(?:\.\d+)?)")
    if pair and span and not inputs and c.has(r"between|range|from|范围|範圍|之间|之間|从|從"):
        low, high = sorted((float(span.group(1)), float(span.group(2))))
        for field, value in zip(pair, (low, high), strict=True):
            field.default = int(value) if field.type == "int" else value
        return [c.t(f"the range is now {low:g}–{high:g}", f"范围改为 {low:g}–{high:g}")]
    if not inputs:
        if c.has(r"\b(?:field|input|box)\b|字段|输入|輸入") and c.has(r"add|加|添"):
            raise Refused(c.t("a new input would need a new formula; describe the calculation as a new app",
                              "新的输入项需要新的公式；请把这个计算描述成一个新应用"))  # fmt: skip
        return []
    field = inputs[0]
    default = _value(c, r"(?:default|start(?:s| at)?|默认|默認|预设|預設)\D{0,20}?" + _NUM)
    if span and c.has(r"between|range|from|范围|範圍|之间|之間"):
        low, high = sorted((float(span.group(1)), float(span.group(2))))
        steps_fit(spec, calcs[0].key(field.name), low, high, c, field.label)
        if isinstance(field.default, int | float) and not low <= field.default <= high:
            field.default = low
        field.min, field.max = low, high
        return [
            c.t(
                f"“{field.label}” now takes {field.min:g}–{field.max:g}",
                f"“{field.label}”的范围改为 {field.min:g}–{field.max:g}",
            )
        ]
    if default is not None and field.type in ("number", "int"):
        if (field.min is not None and default < field.min) or (field.max is not None and default > field.max):
            raise Refused(
                c.t(f"{default:g} is outside the range of “{field.label}”", f"{default:g} 超出了“{field.label}”的范围")
            )
        field.default = int(default) if field.type == "int" else default
        return [c.t(f"“{field.label}” starts at {default:g}", f"“{field.label}”默认为 {default:g}")]
    return []
