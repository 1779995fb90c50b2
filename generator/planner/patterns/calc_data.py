"""Data and text tools: lorem ipsum, CSV ↔ JSON, regex tester and Markdown tables."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out, text

__all__ = ["DATA_TOOLS"]


def _lorem(t: Tr) -> CalcParts:
    bad = msg(t, "Choose between 1 and 2000 words.", "请选择 1 到 2000 个词。")
    vocab = (
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et "
        "dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi"
    )
    body = (
        f"if not 1 <= words <= 2000:\n    raise ValueError({bad})\nvocab = {vocab.split()!r}\n"
        'out = " ".join(vocab[i % len(vocab)] for i in range(words))\nreturn out[0].upper() + out[1:] + "."'
    )
    lorem = fn(
        "lorem",
        t("Placeholder text of that many words.", "指定词数的占位文本。"),
        "words:int",
        "str",
        body,
        [({"words": 5}, "Lorem ipsum dolor sit amet."), ({"words": 2}, "Lorem ipsum.")],
    )
    return CalcParts(
        t("Lorem Ipsum Generator", "占位文本生成器"),
        t("Generate placeholder text of any length for your designs.", "为设计稿生成任意长度的占位文本。"),
        "📄",
        "slate",
        [num("words", t("Words", "词数"), 50, "", 1)],
        [out("lorem", t("Placeholder text", "占位文本"))],
        [lorem],
        [
            calc_path(
                "five_words",
                t("Five words start with “Lorem ipsum”.", "五个词以 Lorem ipsum 开头。"),
                {"words": 5},
                {"lorem": "Lorem ipsum dolor sit amet."},
            ),
            error_path("zero_words", t("Zero words is refused.", "0 个词会被拒绝。"), {"words": 0}),
        ],
    )


def _csv_json(t: Tr, reverse: bool) -> CalcParts:
    short = msg(t, "Enter a header line and at least one row.", "请输入表头行和至少一行数据。")
    uneven = t(
        "Line {number} has {len(cells)} values but the header has {len(header)}.",
        "第 {number} 行有 {len(cells)} 个值，表头有 {len(header)} 个。",
    )
    to_json = (
        "lines = [line for line in data.strip().splitlines() if line.strip()]\n"
        f'if len(lines) < 2:\n    raise ValueError({short})\nheader = [h.strip() for h in lines[0].split(",")]\n'
        f"records = []\n"
        'for number, line in enumerate(lines[1:], start=2):\n    cells = [c.strip() for c in line.split(",")]\n'
        f'    if len(cells) != len(header):\n        raise ValueError(f"{uneven}")\n    '
        f"records.append(dict(zip(header, cells, strict=True)))\n"
        "return json.dumps(records, ensure_ascii=False)"
    )
    bad = msg(
        t,
        'Enter a JSON list of objects, e.g. [{"name": "Ana", "age": 9}]',
        '请输入 JSON 对象列表，例如 [{"name": "Ana", "age": 9}]',
    )
    to_csv = (
        f"try:\n    records = json.loads(data)\nexcept ValueError:\n    raise ValueError({bad}) from None\n"
        "if isinstance(records, dict):\n    records = [records]\n"
        f"if not isinstance(records, list) or not records or not all(isinstance(r, dict) for r in records):\n    "
        f"raise ValueError({bad})\n"
        'header = list(dict.fromkeys(k for r in records for k in r))\nlines = [",".join(header)]\n'
        'lines += [",".join(str(r.get(k, "")) for k in header) for r in records]\nreturn "\\n".join(lines)'
    )
    csv_in, json_in = "name,age\nAna,9\nBo,11", '[{"name": "Ana", "age": 9}, {"name": "Bo", "age": 11}]'
    if reverse:
        f = fn(
            "csv",
            t("JSON records as CSV text.", "把 JSON 记录转成 CSV 文本。"),
            "data:str",
            "str",
            to_csv,
            [({"data": json_in}, csv_in)],
        )
        return CalcParts(
            t("JSON to CSV", "JSON 转 CSV"),
            t(
                "Paste JSON records and get CSV you can open in a spreadsheet.",
                "粘贴 JSON 记录，得到可用表格打开的 CSV。",
            ),
            "🔄",
            "teal",
            [text("data", "JSON", json_in)],
            [out("csv", "CSV")],
            [f],
            [
                calc_path(
                    "convert",
                    t("Two JSON records become a CSV with a header.", "两条 JSON 记录变成带表头的 CSV。"),
                    {"data": json_in},
                    {"csv": csv_in},
                ),
                error_path(
                    "not_json", t("Text that is not JSON is refused.", "不是 JSON 的文本会被拒绝。"), {"data": "hello"}
                ),
            ],
        )
    f = fn(
        "json_text",
        t("CSV rows as JSON records.", "把 CSV 行转成 JSON 记录。"),
        "data:str",
        "str",
        to_json,
        [({"data": "name,age\nAna,9"}, '[{"name": "Ana", "age": "9"}]')],
    )
    return CalcParts(
        t("CSV to JSON", "CSV 转 JSON"),
        t("Paste CSV with a header line and get JSON records.", "粘贴带表头的 CSV，得到 JSON 记录。"),
        "🔄",
        "teal",
        [text("data", "CSV", "name,age\nAna,9")],
        [out("json_text", "JSON")],
        [f],
        [
            calc_path(
                "convert",
                t("A CSV row becomes a JSON record.", "一行 CSV 变成一条 JSON 记录。"),
                {"data": "name,age\nAna,9"},
                {"json_text": '[{"name": "Ana", "age": "9"}]'},
            ),
            error_path(
                "uneven", t("A row with a missing value is refused.", "缺少值的行会被拒绝。"), {"data": "name,age\nAna"}
            ),
        ],
    )


def _regex(t: Tr) -> CalcParts:
    bad = msg(t, "The regular expression has an error: ", "正则表达式有误：")
    head = (
        "try:\n    found = re.findall(pattern, text)\nexcept re.error as exc:\n"
        f"    raise ValueError({bad} + str(exc)) from None\n"
    )
    matches = fn(
        "matches",
        t("Every match of the pattern in the text.", "文本中所有匹配项。"),
        "pattern:str, text:str",
        "list",
        head + 'return [m if isinstance(m, str) else " | ".join(m) for m in found]',
        [({"pattern": r"\d{4}", "text": "1999 and 2024"}, ["1999", "2024"])],
    )
    count = fn(
        "count",
        t("How many matches there are.", "匹配项的个数。"),
        "pattern:str, text:str",
        "int",
        head + "return len(found)",
        [({"pattern": "a", "text": "banana"}, 3)],
    )
    return CalcParts(
        t("Regex Tester", "正则表达式测试器"),
        t("Try a regular expression on some text and see what it matches.", "在文本上试验正则表达式，看看匹配到什么。"),
        "🧪",
        "purple",
        [
            text("pattern", t("Pattern", "表达式"), r"[\w.]+@[\w.]+\.\w+"),
            text("text", t("Text", "文本"), "Write to ana@example.com or bo@test.org"),
        ],
        [out("count", t("Matches", "匹配数"), "", 0), out("matches", t("Found", "匹配结果"))],
        [matches, count],
        [
            calc_path(
                "years",
                t("\\d{4} finds 1999 and 2024.", "\\d{4} 找到 1999 和 2024。"),
                {"pattern": r"\d{4}", "text": "1999 and 2024"},
                {"count": 2, "matches": ["1999", "2024"]},
            ),
            error_path(
                "broken",
                t("A broken pattern is refused with the reason.", "写错的表达式会给出原因。"),
                {"pattern": "(abc"},
            ),
        ],
        t(
            "Examples: `\\d+` numbers · `[A-Z]\\w+` capitalised words · `[\\w.]+@[\\w.]+` e-mail addresses.",
            "示例：`\\d+` 数字 · `[A-Z]\\w+` 大写开头的词 · `[\\w.]+@[\\w.]+` 邮箱地址。",
        ),
    )


def _markdown(t: Tr) -> CalcParts:
    empty = msg(t, "Enter at least one line of comma separated cells.", "请至少输入一行用逗号分隔的单元格。")
    body = (
        'rows = [[c.strip() for c in line.split(",")] for line in data.strip().splitlines() if line.strip()]\n'
        f'if not rows:\n    raise ValueError({empty})\nwidth = max(len(r) for r in rows)\nrows = [r + [""] * (width '
        f"- len(r)) for r in rows]\n"
        'out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]\n'
        'out += ["| " + " | ".join(r) + " |" for r in rows[1:]]\nreturn "\\n".join(out)'
    )
    table = fn(
        "table",
        t("The rows as a Markdown table.", "把这些行转成 Markdown 表格。"),
        "data:str",
        "str",
        body,
        [({"data": "a,b\n1,2"}, "| a | b |\n|---|---|\n| 1 | 2 |")],
    )
    return CalcParts(
        t("Markdown Table Generator", "Markdown 表格生成器"),
        t(
            "Type rows of comma separated cells and copy a Markdown table.",
            "输入逗号分隔的行，复制生成的 Markdown 表格。",
        ),
        "📋",
        "slate",
        [text("data", t("Rows (first line = header)", "行（第一行是表头）"), "Name,Score\nAna,9")],
        [out("table", t("Markdown", "Markdown"))],
        [table],
        [
            calc_path(
                "table",
                t("Two lines become a header and one row.", "两行变成表头和一行数据。"),
                {"data": "a,b\n1,2"},
                {"table": "| a | b |\n|---|---|\n| 1 | 2 |"},
            ),
            error_path("empty", t("Empty input is refused.", "空输入会被拒绝。"), {"data": " "}),
        ],
    )


DATA_TOOLS: tuple[Calc, ...] = (
    Calc("lorem", {"lorem": 10, "ipsum": 10, "placeholder text": 10, "占位文本": 10, "假文": 8}, _lorem),
    Calc("csv_json", {"csv to json": 12, "csv2json": 12, "csv转json": 12}, lambda t: _csv_json(t, False)),
    Calc("json_csv", {"json to csv": 12, "json2csv": 12, "json转csv": 12}, lambda t: _csv_json(t, True)),
    Calc("regex", {"regex": 10, "regular expression": 10, "regexp": 10, "validat": 3, "正则": 10}, _regex),
    Calc("markdown", {"markdown table": 12, "markdown-formatted": 8, "表格生成": 8}, _markdown),
)
