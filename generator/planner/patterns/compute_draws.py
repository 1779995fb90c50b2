"""Draws made on demand from the app's secret seed: random numbers between a minimum and maximum the user sets
(how many, with or without repeats), and names made from the letters (or the surname) the user gives."""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

from generator.planner.patterns.base import Context, expect, path, step
from generator.planner.patterns.calc_core import CalcParts, choice, draw, error_path, flag, fn, msg, num, out, text
from generator.planner.patterns.calc_secret import EXAMPLE_DRAW
from generator.planner.patterns.compute_read import draw_count, number_range

__all__ = ["names_parts", "numbers_parts"]

_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "name_pool.json"


@cache
def _pool() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(_NAMES_FILE.read_text(encoding="utf-8"))
    return data


def numbers_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    low, high = number_range(ctx) or (1, 100)
    count = draw_count(ctx) or 1
    unique = not ctx.has("repeat allowed", "allow repeat", "with repeats", "可重复", "可以重复", "允许重复")
    too_many = msg(
        t,
        "Without repeats you cannot draw more numbers than the range holds.",
        "不重复时，个数不能超过范围内的数字个数。",
    )
    order = msg(t, "The minimum must be below the maximum.", "最小值必须小于最大值。")
    size = msg(t, "Draw between 1 and 1000 numbers at a time.", "每次生成 1 到 1000 个数字。")
    body = (
        f"if low >= high:\n    raise ValueError({order})\n"
        f"if not 1 <= count <= 1000:\n    raise ValueError({size})\n"
        f"if unique and count > high - low + 1:\n    raise ValueError({too_many})\n"
        "chance = random.Random(draw)\n"
        "every = range(low, high + 1)\n"
        "picked = chance.sample(every, count) if unique else [chance.randint(low, high) for _ in range(count)]\n"
        "return ', '.join(str(n) for n in sorted(picked))"
    )
    numbers = fn(
        "numbers",
        t(
            "Numbers drawn between the minimum and the maximum, smallest first.",
            "在最小值和最大值之间抽出的数字（从小到大）。",
        ),
        "low:int, high:int, count:int, unique:bool, draw:str",
        "str",
        body,
        [({"low": 5, "high": 9, "count": 5, "unique": True, "draw": EXAMPLE_DRAW}, "5, 6, 7, 8, 9")],
    )
    settings = {"low": 5, "high": 9, "count": 5}
    return CalcParts(
        t("Random Number Generator", "随机数生成器"),
        t(
            f"Draw {count} random number{'s' if count > 1 else ''} between a minimum and a maximum you set.",
            f"在你设定的最小值和最大值之间随机抽 {count} 个数。",
        ),
        "🎲",
        "indigo",
        [
            num("low", t("Minimum", "最小值"), low, "", 1),
            num("high", t("Maximum", "最大值"), high, "", 1),
            num("count", t("How many", "个数"), count, "", 1),
            flag("unique", t("No repeats", "不重复"), unique),
            draw("draw", t("Draw again", "再抽一次")),
        ],
        [out("numbers", t("Numbers", "抽到的数字"))],
        [numbers],
        [
            path(
                "whole_range",
                t(
                    "Five numbers from 5 to 9 without repeats are 5, 6, 7, 8 and 9.",
                    "5 到 9 之间不重复抽 5 个，就是 5、6、7、8、9。",
                ),
                [step("set", f"calc__{k}", v) for k, v in settings.items()] + [step("check", "calc__unique")],
                [expect("calc.numbers", "5, 6, 7, 8, 9")],
            ),
            path(
                "one_number",
                t("A draw between 7 and 8 is 7 or 8.", "7 到 8 之间抽一个，结果是 7 或 8。"),
                [step("set", "calc__low", 7), step("set", "calc__high", 8), step("set", "calc__count", 1)],
                [expect("calc.numbers", ["7", "8"], "in")],
            ),
            error_path(
                "too_many",
                t("Six different numbers cannot come from 1 to 5.", "1 到 5 之间抽不出 6 个不重复的数。"),
                {"low": 1, "high": 5, "count": 6, "unique": True},
            ),
        ],
        t(
            "Press **Draw again** for a new draw; with **No repeats** every number comes at most once.",
            "点 **再抽一次** 重新抽取；勾选 **不重复** 时每个数字最多出现一次。",
        ),
    )


def _letters(ctx: Context) -> str:
    found = re.search(r"(?:start(?:ing|s)? with|begin(?:ning|s)? with|letters?)\s+[\"'“]?([A-Za-z]{1,3})\b", ctx.idea)
    return found.group(1).capitalize() if found and found.group(1).lower() not in ("the", "a", "an") else "Ma"


def names_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    pool = _pool()
    if ctx.zh:
        return _zh_names(ctx, pool)
    genders = t.items(["Any", "Girl", "Boy"], ["不限", "女孩", "男孩"])
    girls, boys = pool["en_girls"], pool["en_boys"]
    endings = pool["en_endings"]
    none = msg(t, "Type one to three letters.", "请输入 1 到 3 个字母。")
    body = (
        f"girls = {girls!r}\nboys = {boys!r}\nendings = {endings!r}\n"
        "start = letters.strip().lower()\n"
        f"if not start.isalpha() or len(start) > 3:\n    raise ValueError({none})\n"
        f"pool = girls if gender == {genders[1]!r} else boys if gender == {genders[2]!r} else girls + boys\n"
        "chance = random.Random(draw)\n"
        "known = [n for n in pool if n.lower().startswith(start)]\n"
        "chance.shuffle(known)\n"
        "made = [(start + e).capitalize() for e in endings if (start + e).lower() not in {k.lower() for k in known}]\n"
        "chance.shuffle(made)\n"
        "return ', '.join((known + made)[:count])"
    )
    names = fn(
        "names",
        t(
            "Names that start with the letters: known names first, then new ones made from them.",
            "以这些字母开头的名字：先是常见名字，再是新组合的名字。",
        ),
        "letters:str, gender:str, count:int, draw:str",
        "str",
        body,
        [({"letters": "zo", "gender": genders[1], "count": 1, "draw": EXAMPLE_DRAW}, "Zoe")],
    )
    letters = _letters(ctx)
    return CalcParts(
        t("Name Generator", "起名生成器"),
        t("Type the first letters and get names that start with them.", "输入开头字母，生成以它们开头的名字。"),
        "✨",
        "pink",
        [
            text("letters", t("First letters", "开头字母"), letters),
            choice("gender", t("For a", "性别"), genders),
            num("count", t("How many names", "生成几个"), draw_count(ctx) or 8, "", 1),
            draw("draw", t("More names", "换一批")),
        ],
        [out("names", t("Names", "名字"))],
        [names],
        [
            path(
                "starts_with",
                t("Names for the letters Ma all start with Ma.", "输入 Ma，生成的名字都以 Ma 开头。"),
                [step("set", "calc__letters", "Ma"), step("set", "calc__count", 1)],
                [expect("calc.names", "Ma", "contains")],
            ),
            error_path("not_letters", t("Digits are refused with a hint.", "输入数字时给出提示。"), {"letters": "42"}),
        ],
        t(
            "Known names come first, then new ones made from your letters; press **More names** for another set.",
            "先列出常见名字，再给出用你的字母新组合的名字；点 **换一批** 再生成。",
        ),
    )


def _zh_names(ctx: Context, pool: dict[str, list[str]]) -> CalcParts:
    t = ctx.t
    genders = ["不限", "女孩", "男孩"]
    none = msg(t, "Type a surname.", "请输入姓氏（1 到 2 个字）。")
    body = (
        f"girls = {''.join(pool['zh_girls'])!r}\nboys = {''.join(pool['zh_boys'])!r}\n"
        "family = surname.strip()\n"
        "if not 1 <= len(family) <= 2 or not all('\\u4e00' <= c <= '\\u9fff' for c in family):\n"
        f"    raise ValueError({none})\n"
        "chars = girls if gender == '女孩' else boys if gender == '男孩' else girls + boys\n"
        "chance = random.Random(draw)\n"
        "made = []\n"
        "while len(made) < count:\n"
        "    name = family + ''.join(chance.choice(chars) for _ in range(length))\n"
        "    if name not in made:\n        made.append(name)\n"
        "return '、'.join(made)"
    )
    chance, chars = random.Random(EXAMPLE_DRAW), "".join(pool["zh_girls"])  # the app's own draw, repeated here
    made: list[str] = []
    while len(made) < 2:
        name = "王" + "".join(chance.choice(chars) for _ in range(2))
        made += [name] if name not in made else []
    case = {"surname": "王", "gender": genders[1], "length": 2, "count": 2, "draw": EXAMPLE_DRAW}
    names = fn(
        "names",
        "用姓氏和常用于名字的字组合出的名字。",
        "surname:str, gender:str, length:int, count:int, draw:str",
        "str",
        body,
        [(case, "、".join(made))],
    )
    return CalcParts(
        "起名生成器",
        "输入姓氏，按性别和字数随机组合好听的名字。",
        "✨",
        "pink",
        [
            text("surname", "姓氏", "李"),
            choice("gender", "性别", genders),
            num("length", "名字几个字（不含姓）", 2, "", 1),
            num("count", "生成几个", draw_count(ctx) or 8, "", 1),
            draw("draw", "换一批"),
        ],
        [out("names", "名字")],
        [names],
        [
            path(
                "surname_first",
                "姓王、一个字的名字，结果以“王”开头。",
                [step("set", "calc__surname", "王"), step("set", "calc__length", 1), step("set", "calc__count", 1)],
                [expect("calc.names", 2, "len_eq")],
            ),
            error_path("not_a_surname", "输入的不是汉字姓氏时给出提示。", {"surname": "abc"}),
        ],
        "名字用的字取自常见的好字；点 **换一批** 再生成。",
    )
