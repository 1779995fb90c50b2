"""Small tools: comparisons, colour palettes, character codes and bit masks."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, choice, error_path, fn, msg, num, out, text

__all__ = ["FUN"]


def _compare(t: Tr) -> CalcParts:
    mixed = msg(t, "Compare two numbers or two words, not one of each.", "请比较两个数字或两个词，不要混用。")
    body = (
        "def value(x):\n    try:\n        return float(x)\n    except ValueError:\n        return x.strip()\n\n"
        f"left, right = value(a), value(b)\nif isinstance(left, float) != isinstance(right, float):\n    raise "
        f"ValueError({mixed})\n"
        'checks = {"==": left == right, "!=": left != right, "<": left < right, "<=": left <= right, ">": left > '
        'right, ">=": left >= right}\n'
        "return checks[op]"
    )
    check = fn(
        "holds",
        t("Whether “a op b” is true.", "“a op b” 是否成立。"),
        "a:str, op:str, b:str",
        "bool",
        body,
        [({"a": "3", "op": "<", "b": "10"}, True), ({"a": "apple", "op": ">", "b": "banana"}, False)],
    )
    return CalcParts(
        t("True or False?", "真还是假？"),
        t("Check whether a comparison is true, for numbers or words.", "判断一个比较是否成立（数字或文字）。"),
        "⚖️",
        "blue",
        [
            text("a", "a", "3"),
            choice("op", t("Operator", "运算符"), ["==", "!=", "<", "<=", ">", ">="], "<"),
            text("b", "b", "10"),
        ],
        [out("holds", t("Result", "结果"))],
        [check],
        [
            calc_path(
                "three_less_than_ten",
                t("3 < 10 is true.", "3 < 10 成立。"),
                {"a": "3", "op": "<", "b": "10"},
                {"holds": True},
            ),
            error_path(
                "mixed",
                t("Comparing a number with a word is refused.", "数字和文字比较会被拒绝。"),
                {"a": "3", "b": "ten"},
            ),
        ],
    )


def _palette(t: Tr) -> CalcParts:
    bad = msg(t, "Write a colour as six hex digits, e.g. #3366cc", "请用六位十六进制写颜色，例如 #3366cc")
    head = (
        f'code = base.strip().lstrip("#")\nif len(code) != 6 or any(c not in string.hexdigits for c in code):\n    '
        f"raise ValueError({bad})\n"
        "r, g, b = (int(code[i : i + 2], 16) for i in (0, 2, 4))\n"
    )
    mix = (
        'def mix(target, share):\n    return "#" + "".join(f"{round(c + (target - c) * share):02x}" for c in (r, g, '
        "b))\n\n"
        'return ", ".join([mix(255, 0.6), mix(255, 0.3), mix(0, 0), mix(0, 0.3), mix(0, 0.6)])'
    )
    shades = fn(
        "palette",
        t("Five shades from light to dark around the colour.", "围绕该颜色从浅到深的五种色调。"),
        "base:str",
        "str",
        head + mix,
        [({"base": "#3366cc"}, "#adc2eb, #7094db, #3366cc, #24478f, #142952")],
    )
    opposite = fn(
        "complement",
        t("The opposite colour on the colour wheel.", "色环上的互补色。"),
        "base:str",
        "str",
        head + 'return f"#{255 - r:02x}{255 - g:02x}{255 - b:02x}"',
        [({"base": "#3366cc"}, "#cc9933")],
    )
    return CalcParts(
        t("Colour Palette Generator", "配色生成器"),
        t("Build a harmonious palette and its complement from one colour.", "从一种颜色生成协调的配色和互补色。"),
        "🎨",
        "purple",
        [text("base", t("Base colour (hex)", "基础颜色（十六进制）"), "#3366cc")],
        [out("palette", t("Palette", "配色")), out("complement", t("Complement", "互补色"))],
        [shades, opposite],
        [
            calc_path(
                "blue",
                t("#3366cc gives five shades and the complement #cc9933.", "#3366cc 生成五种色调，互补色 #cc9933。"),
                {"base": "#3366cc"},
                {"complement": "#cc9933", "palette": "#adc2eb, #7094db, #3366cc, #24478f, #142952"},
            ),
            error_path(
                "not_hex", t("A colour that is not hex is refused.", "不是十六进制的颜色会被拒绝。"), {"base": "blue"}
            ),
        ],
    )


def _codes(t: Tr) -> CalcParts:
    empty = msg(t, "Type some characters first.", "请先输入一些字符。")
    body = f'if not keys:\n    raise ValueError({empty})\nreturn ", ".join(f"{{c}} = {{ord(c)}}" for c in keys[:40])'
    codes = fn(
        "codes",
        t("The character code of each key typed.", "每个字符的编码。"),
        "keys:str",
        "str",
        body,
        [({"keys": "Hi"}, "H = 72, i = 105")],
    )
    return CalcParts(
        t("Key Code Viewer", "按键编码查看器"),
        t("See the character code behind every key you type.", "查看输入的每个字符背后的编码。"),
        "⌨️",
        "slate",
        [text("keys", t("Keys", "字符"), "Hi!")],
        [out("codes", t("Codes", "编码"))],
        [codes],
        [
            calc_path(
                "hi",
                t("“Hi” is H = 72, i = 105.", "“Hi” 的编码是 H = 72、i = 105。"),
                {"keys": "Hi"},
                {"codes": "H = 72, i = 105"},
            ),
            error_path("empty", t("Nothing typed gives a hint.", "什么都没输入时给出提示。"), {"keys": ""}),
        ],
    )


def _bits(t: Tr) -> CalcParts:
    neg = msg(t, "Use whole numbers of 0 or above.", "请使用不小于 0 的整数。")
    guard = f"if a < 0 or mask < 0:\n    raise ValueError({neg})\n"
    both = fn(
        "both",
        t("a AND mask.", "a 与 mask。"),
        "a:int, mask:int",
        "int",
        guard + "return a & mask",
        [({"a": 12, "mask": 10}, 8)],
    )
    either = fn(
        "either",
        t("a OR mask.", "a 或 mask。"),
        "a:int, mask:int",
        "int",
        guard + "return a | mask",
        [({"a": 12, "mask": 10}, 14)],
    )
    flip = fn(
        "differ",
        t("a XOR mask.", "a 异或 mask。"),
        "a:int, mask:int",
        "int",
        guard + "return a ^ mask",
        [({"a": 12, "mask": 10}, 6)],
    )
    return CalcParts(
        t("Bit Mask Explorer", "位掩码实验室"),
        t("See what AND, OR and XOR do to the bits of two numbers.", "看看与、或、异或如何改变两个数的二进制位。"),
        "🧩",
        "indigo",
        [num("a", "a", 12, "", 1), num("mask", "mask", 10, "", 1)],
        [out("both", "a & mask", "", 0), out("either", "a | mask", "", 0), out("differ", "a ^ mask", "", 0)],
        [both, either, flip],
        [
            calc_path(
                "masks",
                t("12 & 10 = 8, 12 | 10 = 14, 12 ^ 10 = 6.", "12 & 10 = 8，12 | 10 = 14，12 ^ 10 = 6。"),
                {"a": 12, "mask": 10},
                {"both": 8, "either": 14, "differ": 6},
            ),
            error_path("negative", t("Negative numbers are refused.", "负数会被拒绝。"), {"a": -1}),
        ],
    )


FUN: tuple[Calc, ...] = (
    Calc("compare", {"true or false": 10, "comparison": 8, "conditional": 6, "真假": 8, "比较大小": 10}, _compare),
    Calc(
        "palette",
        {
            "palette": 10,
            "color cycle": 8,
            "color value": 8,
            "colour value": 8,
            "colour": 4,
            "color": 4,
            "hex": 5,
            "配色": 10,
            "调色": 10,
            "颜色": 4,
        },
        _palette,
    ),
    Calc("codes", {"key code": 10, "keyboard event": 10, "keycode": 10, "ascii": 8, "unicode": 8, "编码": 6}, _codes),
    Calc("bits", {"bit mask": 10, "bitmask": 10, "bitwise": 10, "位运算": 10, "掩码": 10}, _bits),
)
