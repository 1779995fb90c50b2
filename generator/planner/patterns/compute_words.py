"""Amounts written out: in Chinese capital numerals for receipts and cheques (壹万零贰拾元零伍分; zh-Hant
writes 貳/參/陸 with 萬/億 and 圓), and in English words for a cheque (One hundred twenty-three and 45/100 dollars)."""

from __future__ import annotations

from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import CalcParts, calc_path, choice, error_path, fn, msg, out, text

__all__ = ["capital_parts", "english_parts"]

_PARSE = (
    "clean = amount.strip()\n"
    "for mark in (',', '，', ' ', '$', '¥', '￥', '€', '£', 'NT', 'RMB'):\n"
    "    clean = clean.replace(mark, '')\n"
    "if not re.fullmatch(r'\\d{1,15}(\\.\\d{0,2})?', clean):\n"
    "    raise ValueError({bad})\n"
    "whole, _, cents = clean.partition('.')\n"
    "whole, cents = int(whole), int((cents + '00')[:2])\n"
)


def _capital_body(ctx: Context) -> str:
    hant = ctx.language == "zh-Hant"
    digits = "零壹貳參肆伍陸柒捌玖" if hant else "零壹贰叁肆伍陆柒捌玖"
    big = "['', '萬', '億', '萬億']" if hant else "['', '万', '亿', '万亿']"
    yuan = "圓" if hant else "元"
    bad = msg(
        ctx.t,
        "Type an amount such as 1234.56 (at most 15 digits, 2 decimals).",
        "请输入金额，例如 1234.56（最多 15 位整数、2 位小数）。",
    )
    return _PARSE.replace("{bad}", bad) + (
        f"digits = '{digits}'\n"
        "small = ['', '拾', '佰', '仟']\n"
        f"big = {big}\n"
        "sections = []\n"
        "rest = whole\n"
        "while rest:\n"
        "    sections.append(rest % 10000)\n"
        "    rest //= 10000\n"
        "words = ''\n"
        "pending = False\n"
        "for index in range(len(sections) - 1, -1, -1):\n"
        "    part = sections[index]\n"
        "    if part == 0:\n"
        "        pending = bool(words)\n"
        "        continue\n"
        "    if words and (pending or part < 1000):\n"
        "        words += '零'\n"
        "    pending = False\n"
        "    gap = False\n"
        "    for place in range(3, -1, -1):\n"
        "        digit = part // 10**place % 10\n"
        "        if digit == 0:\n"
        "            gap = gap or (words != '' and place < 3)\n"
        "            continue\n"
        "        if gap and not words.endswith('零'):\n"
        "            words += '零'\n"
        "        gap = False\n"
        "        words += digits[digit] + small[place]\n"
        "    words += big[index]\n"
        "jiao, fen = divmod(cents, 10)\n"
        "if not words:\n"
        f"    if cents == 0:\n        return '零{yuan}整'\n"
        "    tail = (digits[jiao] + '角' if jiao else '') + (digits[fen] + '分' if fen else '')\n"
        "    return tail if fen else tail + '整'\n"
        f"words += '{yuan}'\n"
        "if cents == 0:\n    return words + '整'\n"
        "if jiao == 0:\n    return words + '零' + digits[fen] + '分'\n"
        "return words + digits[jiao] + '角' + (digits[fen] + '分' if fen else '整')"
    )


def _capital_cases(ctx: Context) -> list[tuple[str, str]]:
    cases = [
        ("10020.05", "壹万零贰拾元零伍分"),
        ("1,000,000", "壹佰万元整"),
        ("123.45", "壹佰贰拾叁元肆角伍分"),
        ("100000001", "壹亿零壹元整"),
        ("1005.5", "壹仟零伍元伍角整"),
        ("0.08", "捌分"),
    ]
    if ctx.language != "zh-Hant":
        return cases
    swap = str.maketrans({"贰": "貳", "叁": "參", "陆": "陸", "万": "萬", "亿": "億", "元": "圓"})
    return [(given, shown.translate(swap)) for given, shown in cases]


def capital_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    cases = _capital_cases(ctx)
    capital = fn(
        "capital",
        t(
            "The amount in Chinese capital numerals, as written on receipts and cheques.",
            "金额的中文大写，用于收据、支票和报销单。",
        ),
        "amount:str",
        "str",
        _capital_body(ctx),
        [({"amount": given}, shown) for given, shown in cases],
    )
    return CalcParts(
        t("Amount in Chinese Capitals", "金额大写转换"),
        t(
            "Type an amount and copy it in Chinese capital numerals for a receipt or cheque.",
            "输入金额，立即得到中文大写，复制到收据、支票或报销单上。",
        ),
        "🧾",
        "red",
        [text("amount", t("Amount", "金额（小写）"), "10020.05")],
        [out("capital", t("In capital numerals", "大写金额"))],
        [capital],
        [
            calc_path(
                f"case_{n}",
                t(f"{given} is written {shown}.", f"{given} 写成 {shown}。"),
                {"amount": given},
                {"capital": shown},
            )
            for n, (given, shown) in enumerate(cases[:3], start=1)
        ]
        + [
            error_path(
                "not_an_amount", t("Letters are refused with a hint.", "输入的不是金额时给出提示。"), {"amount": "abc"}
            )
        ],
        t(
            "Zeros inside the number are read once (壹万零贰拾), 整 closes an amount without fen, and up to 15 digits "
            "are taken (万, 亿, 万亿).",
            "中间的零只读一个（壹万零贰拾），没有“分”时以“整”结尾；最多 15 位整数（万、亿、万亿）。",
        ),
    )


_CURRENCIES_EN = ["dollars", "euros", "pounds", "yuan", "(no currency)"]
_CURRENCIES_ZH = ["dollars（美元）", "euros（欧元）", "pounds（英镑）", "yuan（人民币）", "（不加币种）"]
_WORDS_HELPER = (
    "ones = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',\n"
    "        'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']\n"
    "tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']\n"
    "scales = ['', ' thousand', ' million', ' billion', ' trillion']\n\n"
    "def hundreds(n):\n"
    "    head = ones[n // 100] + ' hundred' if n >= 100 else ''\n"
    "    n %= 100\n"
    "    tail = ones[n] if n < 20 else tens[n // 10] + ('-' + ones[n % 10] if n % 10 else '')\n"
    "    return ' '.join(p for p in (head, tail) if p)\n\n"
    "def spoken(n):\n"
    "    if n == 0:\n        return 'zero'\n"
    "    parts, scale = [], 0\n"
    "    while n:\n"
    "        n, chunk = divmod(n, 1000)\n"
    "        if chunk:\n            parts.insert(0, hundreds(chunk) + scales[scale])\n"
    "        scale += 1\n"
    "    return ' '.join(parts)\n\n"
)


def _currency_of(ctx: Context) -> int:
    named = (("euro", "€", "欧元"), ("pound", "£", "英镑"), ("yuan", "rmb", "人民币", "¥", "元"))
    found = next((index + 1 for index, words in enumerate(named) if ctx.has(*words)), 0)
    money = ("cheque", "check", "amount", "money", "dollar", "price", "invoice", "金额", "支票", "钱", "发票")
    return found if found or ctx.has(*money) else len(_CURRENCIES_EN) - 1  # a plain number takes no currency


def english_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    results = [out("cheque", t("On the cheque", "支票写法")), out("words", t("In words", "英文读法"))]
    plain = _currency_of(ctx) == len(_CURRENCIES_EN) - 1  # a number, not a sum of money: its words come first
    currencies = t.items(_CURRENCIES_EN, _CURRENCIES_ZH)
    bad = msg(
        t,
        "Type an amount such as 1234.56 (at most 15 digits, 2 decimals).",
        "请输入金额，例如 1234.56（最多 15 位整数、2 位小数）。",
    )
    unit = f"unit = currency.split('（')[0].split('(')[0].strip()\nif currency == {currencies[-1]!r}:\n    unit = ''\n"
    cheque = fn(
        "cheque",
        t(
            "The amount as written on a cheque: words, the cents over 100, then the currency.",
            "支票上的英文写法：整数部分用单词，分写成 xx/100。",
        ),
        "amount:str, currency:str",
        "str",
        _PARSE.replace("{bad}", bad) + _WORDS_HELPER + unit + "head = spoken(whole)\n"
        "head = head[0].upper() + head[1:]\n"
        "return f'{head} and {cents:02d}/100' + (f' {unit}' if unit else '')",
        [
            ({"amount": "123.45", "currency": currencies[0]}, "One hundred twenty-three and 45/100 dollars"),
            ({"amount": "1,000,000", "currency": currencies[0]}, "One million and 00/100 dollars"),
        ],
    )
    words = fn(
        "words",
        t("The whole amount in English words, cents included.", "完整的英文读法（含小数部分）。"),
        "amount:str, currency:str",
        "str",
        _PARSE.replace("{bad}", bad) + _WORDS_HELPER + unit + "said = spoken(whole) + (f' {unit}' if unit else '')\n"
        "if cents:\n"
        "    said += ' and ' + spoken(cents) + (' cents' if unit else ' hundredths')\n"
        "return said",
        [
            ({"amount": "2019.07", "currency": currencies[0]}, "two thousand nineteen dollars and seven cents"),
            ({"amount": "40", "currency": currencies[-1]}, "forty"),
        ],
    )
    return CalcParts(
        t("Amount in Words", "金额英文大写"),
        t(
            "Type an amount and get it written out in English words, ready for a cheque.",
            "输入金额，得到支票上用的英文单词写法。",
        ),
        "✍️",
        "blue",
        [
            text("amount", t("Number", "数字") if plain else t("Amount", "金额"), "123.45"),
            choice("currency", t("Currency", "币种"), currencies, currencies[_currency_of(ctx)]),
        ],
        results[::-1] if plain else results,
        [cheque, words],
        [
            calc_path(
                "cheque_line",
                t(
                    "123.45 dollars is One hundred twenty-three and 45/100 dollars.",
                    "123.45 美元写成 One hundred twenty-three and 45/100 dollars。",
                ),
                {"amount": "123.45", "currency": currencies[0]},
                {"cheque": "One hundred twenty-three and 45/100 dollars"},
            ),
            calc_path(
                "big_amount",
                t("1,000,000 is One million and 00/100 dollars.", "1,000,000 写成 One million and 00/100 dollars。"),
                {"amount": "1,000,000", "currency": currencies[0]},
                {"cheque": "One million and 00/100 dollars"},
            ),
            error_path(
                "not_an_amount", t("Letters are refused with a hint.", "输入的不是金额时给出提示。"), {"amount": "ten"}
            ),
        ],
        t(
            "Commas and currency signs may be typed; cents are written as a fraction of 100, as banks expect.",
            "可以带逗号和货币符号；分按银行习惯写成 xx/100。",
        ),
    )
