"""Timers: pomodoro (also interval/HIIT training as work/rest cycles), countdown and stopwatch,
with a log of finished sessions."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Screen,
    TextComponent,
    TimerComponent,
)
from generator.planner.patterns.base import (
    Context,
    Match,
    Pattern,
    Variant,
    best_variant,
    expect,
    path,
    step,
)
from generator.planner.patterns.calc_reading import month_day
from generator.planner.patterns.timer_log import timer_log, timer_spec

__all__ = ["PATTERN"]

KEYWORDS = {
    "timer": 8,
    "pomodoro": 10,
    "stopwatch": 10,
    "countdown": 5,
    "interval": 4,
    "hiit": 8,
    "tabata": 8,
    "focus": 2,
    "stop watch": 10,
    "time spent": 5,
    "计时": 8,
    "番茄": 10,
    "倒计时": 6,
    "秒表": 10,
    "专注": 4,
    "间歇训练": 8,
    "定时": 6,
}
_TO_MINUTES = {"min": 1.0, "h": 60.0, "s": 1 / 60}


def _minutes(ctx: Context) -> list[float]:
    return [round(q.value * _TO_MINUTES[q.unit], 3) for q in ctx.quantities if q.unit in _TO_MINUTES and q.value > 0]


def _pomodoro(ctx: Context, interval: bool) -> AppSpec:
    t = ctx.t
    found = _minutes(ctx)
    work = found[0] if found else (0.75 if interval else 25)
    rest = found[1] if len(found) > 1 else (0.25 if interval else 5)
    work, rest = min(max(work, 0.05), 180), min(max(rest, 0.05), 60)
    timer = TimerComponent(
        id="timer",
        mode="pomodoro",
        work_minutes=work,
        break_minutes=rest,
        long_break_minutes=min(rest * 3, 120),
        cycles_before_long_break=8 if interval else 4,
    )
    if interval:
        how = t(
            f"Work {work * 60:g} s, rest {rest * 60:g} s, repeat: each finished work phase counts as a round. "
            "Change the work and rest lengths above the clock; **Skip** moves to the next phase.",
            f"运动 {work * 60:g} 秒、休息 {rest * 60:g} 秒，循环进行：每完成一次运动阶段记一轮。"
            "可在计时器上方修改运动和休息时长；**跳过** 进入下一阶段。",
        )
        title, icon, theme = t("Interval Workout Timer", "间歇训练计时器"), "🏋️", "red"
        value = t(
            "Work and rest in rounds with a big clock and a count of finished rounds.",
            "按轮交替运动和休息，大字计时并统计完成轮数。",
        )
    else:
        how = t(
            f"Focus for {work:g} minutes, then take a {rest:g}-minute break; every fourth break is a long one. "
            "Each finished focus phase adds a 🍅 to today's count.",
            f"专注 {work:g} 分钟，再休息 {rest:g} 分钟；每第四次休息是长休息。每完成一个专注阶段，今天的计数加一个 "
            f"🍅。",
        )
        title, icon, theme = t("Pomodoro Timer", "番茄钟"), "🍅", "red"
        value = t(
            "Focus in pomodoros, take breaks on time and count the sessions you finish.",
            "用番茄工作法专注，按时休息，统计完成的番茄数。",
        )
    entity, metrics, log, saved = timer_log(ctx, work, "What I worked on", "做了什么")
    screens = [
        Screen(
            name="timer", title=t("Timer", "计时"), icon=icon, components=[timer, TextComponent(id="how", body=how)]
        ),
        log,
    ]
    paths = [
        path(
            "set_length",
            t("I set a 30-minute work phase and the clock shows 30:00.", "我把专注时长设为 30 分钟，时钟显示 30:00。"),
            [step("set", "timer__work", 30.0)],
            [expect("timer.remaining", 1800), expect("timer.phase", "work")],
        ),
        path(
            "start_and_skip",
            t("I start, skip to the break and one cycle is counted.", "开始后跳到休息，完成数加一。"),
            [step("click", "timer__start"), step("click", "timer__skip")],
            [expect("timer.state", "running"), expect("timer.phase", "break"), expect("timer.cycles", 1)],
        ),
        saved,
    ]
    return timer_spec(ctx, title, value, icon, theme, [entity], metrics, screens, paths)


def _countdown(ctx: Context) -> AppSpec:
    t = ctx.t
    found = _minutes(ctx)
    minutes = min(max(found[0] if found else 10, 0.05), 600)
    timer = TimerComponent(id="timer", mode="countdown", minutes=minutes)
    how = t(
        "Set the minutes, press **Start**; the app tells you when time is up. Pause and reset any time.",
        "设定分钟数并点 **开始**；时间到了会提醒你。可以随时暂停和重置。",
    )
    entity, metrics, log, saved = timer_log(ctx, minutes, "What it was for", "用途")
    screens = [
        Screen(
            name="timer",
            title=t("Countdown", "倒计时"),
            icon="⏳",
            components=[timer, TextComponent(id="how", body=how)],
        ),
        log,
    ]
    paths = [
        path(
            "set_minutes",
            t("I set 3 minutes and the clock shows 3:00.", "我设定 3 分钟，时钟显示 3:00。"),
            [step("set", "timer__minutes", 3.0)],
            [expect("timer.remaining", 180), expect("timer.state", "idle")],
        ),
        path(
            "start_pause",
            t("I start the countdown and pause it.", "我开始倒计时，然后暂停。"),
            [step("click", "timer__start"), step("click", "timer__pause")],
            [expect("timer.state", "paused")],
        ),
        saved,
    ]
    return timer_spec(
        ctx,
        t("Countdown Timer", "倒计时器"),
        t("A clear countdown that tells you when time is up.", "清晰的倒计时，时间到了就提醒你。"),
        "⏳",
        "orange",
        [entity],
        metrics,
        screens,
        paths,
    )


def _stopwatch(ctx: Context) -> AppSpec:
    t = ctx.t
    timer = TimerComponent(id="timer", mode="stopwatch")
    how = t(
        "**Start** to time an activity, **Lap** to mark splits, then log how long it took.",
        "点 **开始** 为活动计时，**计圈** 记录分段，结束后记下用了多久。",
    )
    entity, metrics, log, saved = timer_log(ctx, 30, "Activity", "活动")
    screens = [
        Screen(
            name="timer", title=t("Stopwatch", "秒表"), icon="⏱️", components=[timer, TextComponent(id="how", body=how)]
        ),
        log,
    ]
    paths = [
        path(
            "laps",
            t("I start the stopwatch and record a lap.", "我开始计时并记录一圈。"),
            [step("click", "timer__start"), step("click", "timer__lap")],
            [expect("timer.state", "running"), expect("timer.laps", 1)],
        ),
        path(
            "reset",
            t("Reset brings the stopwatch back to zero.", "重置让秒表归零。"),
            [step("click", "timer__start"), step("click", "timer__reset")],
            [expect("timer.state", "idle"), expect("timer.elapsed", 0)],
        ),
        saved,
    ]
    return timer_spec(
        ctx,
        t("Activity Stopwatch", "活动秒表"),
        t("Time activities with laps and keep a log of the time spent.", "为活动计时、记录分圈，并保存花费的时间。"),
        "⏱️",
        "teal",
        [entity],
        metrics,
        screens,
        paths,
    )


VARIANTS = (
    Variant(
        "pomodoro",
        {"pomodoro": 10, "focus": 4, "study timer": 6, "break": 3, "productivity": 4, "番茄": 10, "专注": 6, "休息": 3},
        lambda ctx: _pomodoro(ctx, False),
    ),
    Variant(
        "interval",
        {
            "interval": 8,
            "hiit": 10,
            "tabata": 10,
            "rounds": 5,
            "workout timer": 8,
            "rest": 3,
            "间歇": 10,
            "组间": 8,
            "训练计时": 8,
        },
        lambda ctx: _pomodoro(ctx, True),
    ),
    Variant("countdown", {"countdown": 8, "count down": 8, "kitchen timer": 8, "倒计时": 8, "定时": 6}, _countdown),
    Variant(
        "stopwatch",
        {
            "stopwatch": 10,
            "stop watch": 10,
            "lap": 6,
            "time spent": 6,
            "elapsed": 6,
            "count time": 6,
            "秒表": 10,
            "计圈": 8,
        },
        _stopwatch,
    ),
)


def build(ctx: Context) -> AppSpec:
    variant, found = best_variant(ctx, VARIANTS)
    return variant.build(ctx) if found.score else _countdown(ctx)


def score(ctx: Context) -> Match:
    """A countdown to a calendar date ("countdown to June 7") is a date calculator, not a minutes timer."""
    found = ctx.match(KEYWORDS)
    if month_day(ctx.idea) and not _minutes(ctx):
        return Match(found.score * 0.3, found.words)
    return found


PATTERN = Pattern(
    name="timer",
    label_en="timer",
    label_zh="计时器",
    score=score,
    build=build,
    hint_en="timer",
    hint_zh="计时",
)
