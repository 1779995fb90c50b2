"""What the text and file tools say, in English and Chinese (the planner writes them into the spec)."""

from __future__ import annotations

__all__ = ["CASE_WORDS", "COUNT_WORDS", "FILE_WORDS", "OP_WORDS", "TEXT_WORDS"]

TEXT_WORDS: dict[str, tuple[str, str]] = {
    "text": ("Your text", "你的文字"),
    "hint": ("Type or paste your text here", "在这里输入或粘贴文字"),
    "ops": ("What to do with it (in this order)", "要做的处理（按顺序）"),
    "case": ("Change the case to", "转换成"),
    "find": ("Find", "查找"),
    "with": ("Replace with", "替换为"),
    "sep": ("Separator", "分隔符"),
    "result": ("Result (copy it with the button at its top right)", "结果（点右上角的按钮复制）"),
    "download": ("Download the result", "下载结果"),
    "top": ("Most frequent words", "最常见的词"),
    "word": ("Word", "词"),
    "count": ("Times", "次数"),
    "limit": ("used of the limit", "已用 / 上限"),
    "over": ("Over the limit by", "超出上限"),
    "minutes_unit": ("min", "分钟"),
}
OP_WORDS: dict[str, tuple[str, str]] = {
    "trim": ("Trim spaces at the start and end of lines", "删除行首行尾的空格"),
    "squeeze": ("Turn repeated spaces into one", "连续空格合并成一个"),
    "drop_blank": ("Remove blank lines", "删除空行"),
    "dedupe": ("Remove duplicate lines", "删除重复的行"),
    "sort": ("Sort lines A → Z", "按字母顺序排列各行"),
    "sort_desc": ("Sort lines Z → A", "按字母倒序排列各行"),
    "reverse": ("Reverse the order of lines", "倒转各行的顺序"),
    "replace": ("Find and replace", "查找并替换"),
    "split": ("Split into lines at the separator", "按分隔符拆成多行"),
    "join": ("Join lines with the separator", "用分隔符把各行合成一行"),
    "emails": ("Extract e-mail addresses", "提取邮箱地址"),
    "numbers": ("Extract numbers", "提取数字"),
    "links": ("Extract links", "提取链接"),
    "number_lines": ("Number the lines", "给每行编号"),
}
CASE_WORDS: dict[str, tuple[str, str]] = {
    "upper": ("UPPER CASE", "全部大写"),
    "lower": ("lower case", "全部小写"),
    "title": ("Title Case", "每个单词首字母大写"),
    "sentence": ("Sentence case", "句首字母大写"),
    "swap": ("sWAP cASE", "大小写互换"),
}
COUNT_WORDS: dict[str, tuple[str, str]] = {
    "chars": ("Characters", "字符数"),
    "chars_no_spaces": ("Characters without spaces", "字符数（不含空格）"),
    "words": ("Words", "字数"),
    "sentences": ("Sentences", "句子"),
    "paragraphs": ("Paragraphs", "段落"),
    "lines": ("Lines", "行数"),
    "minutes": ("Reading time", "阅读时间"),
    "cjk": ("Chinese characters", "汉字"),
    "latin": ("Words in Latin letters", "英文单词"),
    "punct": ("Punctuation marks", "标点符号"),
}
FILE_WORDS: dict[str, tuple[str, str]] = {
    "upload": ("Upload a CSV file", "上传 CSV 文件"),
    "upload_many": (
        "Upload one or more CSV files (their rows are put together)",
        "上传一个或多个 CSV 文件（行会合并在一起）",
    ),
    "paste": ("…or paste CSV text (the first line names the columns)", "……或粘贴 CSV 文字（第一行是列名）"),
    "mismatch": (
        "Columns differ between files: rows are matched by column name.",
        "各文件的列不同：按列名对齐合并，缺少的留空。",
    ),
    "unreadable": ("This is not readable as CSV:", "无法按 CSV 读取："),
    "empty": ("Upload a CSV file or paste its text to begin.", "上传 CSV 文件或粘贴内容后开始。"),
    "trim": ("Trim spaces around every cell", "去掉每个单元格前后的空格"),
    "dedupe": ("Remove duplicate rows", "删除重复的行"),
    "blanks": ("Empty cells", "空单元格"),
    "keep": ("Keep them", "保留"),
    "drop_empty": ("Drop rows that are completely empty", "删除完全空白的行"),
    "drop": ("Drop rows with any empty cell", "删除含空单元格的行"),
    "fill": ("Fill empty cells with", "用这个值填充空单元格"),
    "rename": ("Rename columns (old=new, separated by commas)", "重命名列（旧名=新名，用逗号分隔）"),
    "columns": ("Columns to keep", "保留的列"),
    "where": ("Filter: column", "筛选：列"),
    "has": ("…contains (or >, <, = a number)", "……包含（或 >、<、= 某个数）"),
    "sort": ("Sort by", "排序依据"),
    "desc": ("Largest first", "从大到小"),
    "chart": ("Chart a column", "图表显示一列"),
    "none": ("—", "—"),
    "rows_read": ("Rows read", "读取的行"),
    "rows_kept": ("Rows kept", "保留的行"),
    "rows_removed": ("Rows removed", "删除的行"),
    "download": ("Download the cleaned CSV", "下载清理后的 CSV"),
}
