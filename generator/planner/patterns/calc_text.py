"""Number-system tools: binary and Roman numerals (counting and changing text is patterns/texttools.py)."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out, text

__all__ = ["TEXT_TOOLS"]


def _binary(t: Tr) -> CalcParts:
    bad = msg(t, "Only the digits 0 and 1 are allowed (up to 32 of them).", "只能输入 0 和 1（最多 32 位）。")
    neg = msg(t, "Enter a whole number of 0 or above.", "请输入不小于 0 的整数。")
    to_dec = fn(
        "decimal",
        t("The decimal value of a binary number.", "二进制数的十进制值。"),
        "binary:str",
        "int",
        f'digits = binary.strip()\nif not digits or len(digits) > 32 or any(c not in "01" for c in digits):\n'
        f"    raise ValueError({bad})\ntotal = 0\nfor digit in digits:\n    total = total * 2 + int(digit)\nreturn "
        f"total",
        [({"binary": "1011"}, 11), ({"binary": "11111111"}, 255)],
    )
    to_bin = fn(
        "binary_of",
        t("The binary digits of a whole number.", "整数的二进制写法。"),
        "number:int",
        "str",
        f'if number < 0:\n    raise ValueError({neg})\nreturn format(number, "b")',
        [({"number": 11}, "1011"), ({"number": 0}, "0")],
    )
    return CalcParts(
        t("Binary ↔ Decimal", "二进制 ↔ 十进制"),
        t(
            "Type binary digits to see the decimal value, or a number to see it in binary.",
            "输入二进制数看十进制值，或输入整数看二进制。",
        ),
        "🔢",
        "indigo",
        [
            text("binary", t("Binary digits", "二进制数"), "1011"),
            num("number", t("Decimal number", "十进制数"), 11, "", 1),
        ],
        [out("decimal", t("Decimal", "十进制"), "", 0), out("binary_of", t("Binary", "二进制"))],
        [to_dec, to_bin],
        [
            calc_path(
                "convert", t("1011 in binary is 11.", "二进制 1011 等于 11。"), {"binary": "11111111"}, {"decimal": 255}
            ),
            error_path(
                "not_binary",
                t("A digit other than 0 or 1 is refused with a message.", "输入 0 和 1 以外的数字会提示错误。"),
                {"binary": "1021"},
            ),
        ],
        t(
            "Each binary digit doubles the value of the one to its right: 1011 = 8 + 0 + 2 + 1 = 11.",
            "每一位二进制数的权重是右边一位的两倍：1011 = 8 + 0 + 2 + 1 = 11。",
        ),
    )


_PAIRS = (
    '((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), '
    '(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))'
)


def _roman(t: Tr) -> CalcParts:
    bad = msg(
        t,
        "That is not a valid Roman numeral (use I, V, X, L, C, D and M).",
        "这不是有效的罗马数字（只用 I、V、X、L、C、D、M）。",
    )
    span = msg(t, "Roman numerals go from 1 to 3999.", "罗马数字的范围是 1 到 3999。")
    write = (
        f"out = ''\nleft = value\nfor amount, letters in {_PAIRS}:\n"
        "    count, left = divmod(left, amount)\n    out += letters * count\n"
    )
    parse = (
        f'letters = {{"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}}\ncode = roman.strip().upper()\n'
        f"if not code or any(c not in letters for c in code):\n    raise ValueError({bad})\nvalue = 0\n"
        "for i, c in enumerate(code):\n    if i + 1 < len(code) and letters[code[i + 1]] > letters[c]:\n"
        "        value -= letters[c]\n    else:\n        value += letters[c]\n"
        f"{write}if value < 1 or out != code:\n    raise ValueError({bad})\nreturn value"
    )
    to_dec = fn(
        "value",
        t("The number a Roman numeral stands for.", "罗马数字代表的数。"),
        "roman:str",
        "int",
        parse,
        [({"roman": "XIV"}, 14), ({"roman": "MCMXCIV"}, 1994)],
    )
    to_rom = fn(
        "roman_of",
        t("A number from 1 to 3999 in Roman numerals.", "1–3999 的数写成罗马数字。"),
        "number:int",
        "str",
        f"if not 0 < number < 4000:\n    raise ValueError({span})\nvalue = number\n{write}return out",
        [({"number": 2024}, "MMXXIV"), ({"number": 3999}, "MMMCMXCIX")],
    )
    return CalcParts(
        t("Roman Numeral Converter", "罗马数字转换器"),
        t("Convert Roman numerals to numbers and back.", "罗马数字和阿拉伯数字互相转换。"),
        "🏛️",
        "amber",
        [text("roman", t("Roman numeral", "罗马数字"), "XIV"), num("number", t("Number", "数字"), 2024, "", 1)],
        [out("value", t("Value", "数值"), "", 0), out("roman_of", t("In Roman numerals", "罗马数字"))],
        [to_dec, to_rom],
        [
            calc_path(
                "read_roman",
                t("MCMXCIV is 1994.", "MCMXCIV 是 1994。"),
                {"roman": "MCMXCIV", "number": 2024},
                {"value": 1994, "roman_of": "MMXXIV"},
            ),
            error_path(
                "not_roman",
                t("Letters that are not Roman numerals are refused.", "非罗马数字的字母会被拒绝。"),
                {"roman": "ABC"},
            ),
        ],
        "| I | V | X | L | C | D | M |\n|---|---|---|---|---|---|---|\n| 1 | 5 | 10 | 50 | 100 | 500 | 1000 |",
    )


TEXT_TOOLS: tuple[Calc, ...] = (
    Calc("binary", {"binary": 10, "bin2dec": 10, "base 2": 8, "二进制": 10}, _binary),
    Calc("roman", {"roman": 10, "罗马数字": 10}, _roman),
)
