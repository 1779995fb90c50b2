"""The general calculator (expressions with parentheses, powers, roots, percentages) and small tools:
greetings, emoji, comparisons, colour palettes, character codes and bit masks."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, choice, error_path, fn, msg, out, text

__all__ = ["GENERAL", "MISC"]


def _expression(t: Tr) -> CalcParts:
    bad = msg(
        t,
        "That is not a calculation I can read: use numbers, + - * / ^ %, parentheses and sqrt, sin, cos, tan, log, ln.",
        "无法识别这个算式：请使用数字、+ - * / ^ %、括号以及 sqrt、sin、cos、tan、log、ln。",
    )
    zero = msg(t, "Division by zero is not possible.", "不能除以 0。")
    body = f"""clean = expression.lower().replace(" ", "").replace("×", "*").replace("÷", "/").replace("**", "^")
tokens = re.findall(r"\\d+\\.?\\d*|\\.\\d+|[a-z]+|[-+*/^%()]", clean)
if not clean or "".join(tokens) != clean:
    raise ValueError({bad})
functions = {{
    "sqrt": math.sqrt,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "log": math.log10,
    "ln": math.log,
    "abs": abs,
}}
constants = {{"pi": math.pi, "e": math.e}}
state = [0]

def peek():
    return tokens[state[0]] if state[0] < len(tokens) else ""

def take():
    token = peek()
    state[0] += 1
    return token

def group():
    value = expr()
    if take() != ")":
        raise ValueError({bad})
    return value

def atom():
    token = take()
    if token == "(":
        return group()
    if token in ("-", "+"):
        value = power()
        return -value if token == "-" else value
    if token in functions:
        if take() != "(":
            raise ValueError({bad})
        return functions[token](group())
    if token in constants:
        return constants[token]
    try:
        return float(token)
    except ValueError:
        raise ValueError({bad}) from None

def power():
    value = atom()
    if peek() == "%":
        take()
        value = value / 100
    if peek() == "^":
        take()
        return value ** power()
    return value

def term():
    value = power()
    while peek() in ("*", "/"):
        if take() == "*":
            value *= power()
            continue
        divisor = power()
        if divisor == 0:
            raise ValueError({zero})
        value /= divisor
    return value

def expr():
    value = term()
    while peek() in ("+", "-"):
        value = value + term() if take() == "+" else value - term()
    return value

result = expr()
if state[0] != len(tokens):
    raise ValueError({bad})
return round(result, 8)"""
    calc = fn(
        "result",
        t("The value of an arithmetic expression.", "算式的结果。"),
        "expression:str",
        "float",
        body,
        [
            ({"expression": "2 + 3 * 4"}, 14.0),
            ({"expression": "(1 + 2) ^ 3"}, 27.0),
            ({"expression": "sqrt(16) + 10%"}, 4.1),
            ({"expression": "-2^2"}, -4.0),
        ],
    )
    return CalcParts(
        t("Calculator", "计算器"),
        t(
            "Type any calculation — parentheses, powers, roots and percentages included — and keep a history.",
            "输入任意算式（支持括号、乘方、开方和百分比），并保留计算历史。",
        ),
        "🧮",
        "indigo",
        [text("expression", t("Calculation", "算式"), "(2 + 3) * 4")],
        [out("result", t("Result", "结果"), "", 8)],
        [calc],
        [
            calc_path(
                "precedence",
                t("2 + 3 * 4 gives 14.", "2 + 3 * 4 等于 14。"),
                {"expression": "2 + 3 * 4"},
                {"result": 14.0},
            ),
            calc_path(
                "functions",
                t("sqrt(16) + 10% gives 4.1.", "sqrt(16) + 10% 等于 4.1。"),
                {"expression": "sqrt(16) + 10%"},
                {"result": 4.1},
            ),
            error_path(
                "divide_by_zero",
                t("Dividing by zero shows a clear message.", "除以 0 时给出清楚的提示。"),
                {"expression": "1 / 0"},
            ),
        ],
        t(
            "Use `+ - * /`, `^` for powers, `%` for percent, parentheses, `sqrt()`, `sin()`, `cos()`, `tan()`, "
            "`log()`, `ln()`, "
            "`pi` and `e`. **Save result** keeps each calculation in the history.",
            "可以使用 `+ - * /`、`^` 乘方、`%` 百分比、括号、`sqrt()`、`sin()`、`cos()`、`tan()`、`log()`、`ln()`、"
            "`pi` 和 `e`。"
            "点 **保存结果** 把每次计算记入历史。",
        ),
    )


_HELLO = (
    ("English", "英语", "Hello"),
    ("Chinese", "中文", "你好"),
    ("Spanish", "西班牙语", "Hola"),
    ("French", "法语", "Bonjour"),
    ("German", "德语", "Hallo"),
    ("Japanese", "日语", "こんにちは"),
    ("Korean", "韩语", "안녕하세요"),
    ("Italian", "意大利语", "Ciao"),
    ("Portuguese", "葡萄牙语", "Olá"),
    ("Hindi", "印地语", "नमस्ते"),
    ("Arabic", "阿拉伯语", "مرحبا"),
    ("Russian", "俄语", "Привет"),
)


def _greeting(t: Tr) -> CalcParts:
    names = [t(en, zh) for en, zh, _ in _HELLO]
    table = ", ".join(f'"{n}": "{hello}"' for n, (_, _, hello) in zip(names, _HELLO, strict=True))
    empty = msg(t, "Type a name first.", "请先输入名字。")
    body = (
        f"if not name.strip():\n    raise ValueError({empty})\nwords = {{{table}}}\n"
        "return f\"{words.get(language, 'Hello')}, {name.strip()}!\""
    )
    greet = fn(
        "greeting",
        t("A greeting in the chosen language.", "用所选语言问候。"),
        "name:str, language:str",
        "str",
        body,
        [({"name": "Ana", "language": names[3]}, "Bonjour, Ana!"), ({"name": "Li", "language": names[1]}, "你好, Li!")],
    )
    return CalcParts(
        t("Hello in Any Language", "多语言问候"),
        t("Greet someone in their own language.", "用对方的母语打个招呼。"),
        "👋",
        "orange",
        [text("name", t("Name", "名字"), "Ana"), choice("language", t("Language", "语言"), names, names[3])],
        [out("greeting", t("Greeting", "问候语"))],
        [greet],
        [
            calc_path(
                "bonjour",
                t("Ana in French gets “Bonjour, Ana!”.", "给 Ana 用法语问候：Bonjour, Ana!"),
                {"name": "Ana", "language": names[3]},
                {"greeting": "Bonjour, Ana!"},
            ),
            error_path("no_name", t("An empty name is refused.", "名字为空会提示。"), {"name": " "}),
        ],
    )


_EMOJI = {
    "love": "❤️",
    "heart": "❤️",
    "happy": "😊",
    "sad": "😢",
    "laugh": "😂",
    "pizza": "🍕",
    "cat": "🐱",
    "dog": "🐶",
    "sun": "☀️",
    "rain": "🌧️",
    "coffee": "☕",
    "beer": "🍺",
    "music": "🎵",
    "fire": "🔥",
    "star": "⭐",
    "money": "💰",
    "car": "🚗",
    "house": "🏠",
    "book": "📚",
    "party": "🎉",
    "cake": "🎂",
    "apple": "🍎",
    "phone": "📱",
    "sleep": "😴",
    "爱": "❤️",
    "开心": "😊",
    "难过": "😢",
    "猫": "🐱",
    "狗": "🐶",
    "太阳": "☀️",
    "咖啡": "☕",
    "音乐": "🎵",
    "书": "📚",
}


def _emoji(t: Tr) -> CalcParts:
    table = ", ".join(f'"{k if k.isascii() else t(k, k)}": "{v}"' for k, v in _EMOJI.items())
    empty = msg(t, "Type a sentence first.", "请先输入一句话。")
    body = (
        f"if not sentence.strip():\n    raise ValueError({empty})\ntable = {{{table}}}\n"
        'out = re.sub(r"[A-Za-z\']+", lambda m: table.get(m.group(0).lower(), m.group(0)), sentence)\n'
        "for word, emoji in table.items():\n    if not word.isascii():\n        out = out.replace(word, emoji)\n"
        "return out"
    )
    tr = fn(
        "emoji",
        t("The sentence with known words swapped for emoji.", "把认识的词换成表情符号。"),
        "sentence:str",
        "str",
        body,
        [({"sentence": "I love pizza"}, "I ❤️ 🍕"), ({"sentence": t("我爱猫", "我爱猫")}, "我❤️🐱")],
    )
    return CalcParts(
        t("Emoji Translator", "表情翻译器"),
        t("Turn sentences into emoji.", "把句子翻译成表情符号。"),
        "😀",
        "pink",
        [text("sentence", t("Sentence", "句子"), t("I love my cat and coffee", "我爱猫和咖啡"))],
        [out("emoji", t("In emoji", "表情版"))],
        [tr],
        [
            calc_path(
                "translate",
                t("“I love pizza” becomes “I ❤️ 🍕”.", "“I love pizza” 变成 “I ❤️ 🍕”。"),
                {"sentence": "I love pizza"},
                {"emoji": "I ❤️ 🍕"},
            ),
            error_path("empty", t("An empty sentence is refused.", "空句子会提示。"), {"sentence": " "}),
        ],
    )


GENERAL = Calc(
    "expression",
    {
        "calculator": 6,
        "calculate": 3,
        "arithmetic": 8,
        "scientific": 8,
        "math": 3,
        "计算器": 6,
        "计算": 3,
        "算术": 8,
        "四则运算": 10,
        "科学计算": 10,
    },
    _expression,
)
MISC: tuple[Calc, ...] = (
    Calc("greeting", {"greeting": 10, "native language": 8, "hello": 5, "问候": 10, "打招呼": 10}, _greeting),
    Calc("emoji", {"emoji": 10, "表情": 8}, _emoji),
)
