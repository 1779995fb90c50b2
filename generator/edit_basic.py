"""Follow-up readers for the look and the names: the title, a renamed field or page, the colour, dark or light,
the font and a new chart."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, ChartComponent, Theme
from generator.edit_base import Clause, Refused, clean_words

__all__ = ["chart", "colour", "mode", "rename", "title"]

_COLOURS = [  # English name, Chinese name, accent, the words that ask for it
    ("green", "绿", "#16a34a", r"\bgreen\b|绿|綠"),
    ("blue", "蓝", "#2563eb", r"\bblue\b|蓝|藍"),
    ("pink", "粉", "#db2777", r"\bpink\b|粉"),
    ("red", "红", "#dc2626", r"\bred\b|红|紅"),
    ("purple", "紫", "#7c3aed", r"\bpurple\b|\bviolet\b|紫"),
    ("orange", "橙", "#ea580c", r"\borange\b|橙|橘"),
    ("teal", "青", "#0d9488", r"\bteal\b|青"),
    ("yellow", "黄", "#ca8a04", r"\byellow\b|\bgold\b|黄|黃|金"),
    ("brown", "棕", "#92400e", r"\bbrown\b|棕|咖啡色"),
    ("grey", "灰", "#475569", r"\bgr[ae]y\b|灰"),
    ("black", "黑", "#0f172a", r"\bblack\b|黑"),
]
_DARK = Theme(primary="#2563eb", background="#0f172a", surface="#1e293b", text="#f1f5f9")
_LIGHT = Theme()


def title(spec: AppSpec, c: Clause) -> list[str]:
    match = c.has(
        r"(?:call it|rename (?:it|the app)(?: to)?|name it|title it|the (?:title|name) (?:is|should be|to))\s+(.{1,60})"
    )
    match = match or c.has(
        r"(?:改名为|改名為|改名叫|名字改成|名字改为|名字改為|标题改成|標題改成|标题改为|標題改為|叫做|叫作|就叫)\s*(.{1,30})"
    )
    if not match:
        return []
    name = clean_words(match.group(1))
    if not name:
        return []
    spec.brief.title = name[:80]
    return [c.t(f"title set to “{spec.brief.title}”", f"标题改为“{spec.brief.title}”")]


def rename(spec: AppSpec, c: Clause) -> list[str]:
    """“rename the Note field to Comment”, “call the History tab Past”, “把备注改名为说明”."""
    match = c.has(r"(?:rename|change)\s+(?:the\s+)?(.+?)\s+(?:field|column|page|tab|screen)?\s*(?:to|into)\s+(.+)")
    match = match or c.has(r"call\s+the\s+(.+?)\s+(?:field|column|page|tab|screen)\s+(.+)")
    match = match or c.has(
        r"把\s*(.+?)\s*(?:字段|栏|欄|页面|頁面|页|頁|标签页|分頁)?\s*(?:改名为|改名為|改名叫|重命名为|改叫|改成|改为|改為)\s*(.+)"
    )
    if not match:
        return []
    old, new = clean_words(match.group(1)).lower(), clean_words(match.group(2))
    if not old or not new:
        return []
    for entity in spec.entities:
        for field in entity.fields:
            if old in (field.label.lower(), field.name.replace("_", " ")):
                before, field.label = field.label, new[:80]
                return [c.t(f"field “{before}” renamed to “{field.label}”", f"字段“{before}”改名为“{field.label}”")]
    for screen in spec.screens:
        if old in (screen.title.lower(), screen.name.replace("_", " ")):
            before, screen.title = screen.title, new[:80]
            return [c.t(f"page “{before}” renamed to “{screen.title}”", f"页面“{before}”改名为“{screen.title}”")]
    for metric in spec.brief.metrics:
        if old == metric.label.lower():
            before, metric.label = metric.label, new[:80]
            return [c.t(f"“{before}” renamed to “{metric.label}”", f"“{before}”改名为“{metric.label}”")]
    if old in ("it", "the app", "app", "应用", "應用", "名字", "标题", "標題"):
        return []
    if c.has(r"field|column|page|tab|screen|字段|栏|欄|页|頁"):
        raise Refused(c.t(f"there is no field or page called “{old}”", f"没有叫“{old}”的字段或页面"))
    return []


def colour(spec: AppSpec, c: Clause) -> list[str]:
    if not c.has(
        r"colou?r|theme|\b(?:make|turn|paint|change|switch|set|use)\b|颜色|顏色|主题|主題|换成|換成|改成|改为|改為|色"
    ):
        return []
    for en, zh, primary, pattern in _COLOURS:
        if c.has(pattern):
            spec.brief.theme = spec.brief.theme.model_copy(update={"primary": primary})
            return [c.t(f"colour set to {en}", f"颜色改为{zh}色")]
    return []


def mode(spec: AppSpec, c: Clause) -> list[str]:
    """Dark or light mode, and the font."""
    theme = spec.brief.theme
    if c.has(r"\bdark\b|night mode|深色|暗色|夜间|夜間|黑色背景|暗黑"):
        spec.brief.theme = _DARK.model_copy(update={"primary": theme.primary, "font": theme.font})
        return [c.t("dark mode on", "改为深色模式")]
    if c.has(r"\blight (?:mode|theme|background)|white background|浅色|淺色|亮色|白色背景"):
        spec.brief.theme = _LIGHT.model_copy(update={"primary": theme.primary, "font": theme.font})
        return [c.t("light mode on", "改为浅色模式")]
    fonts = {"serif": r"\bserif\b|衬线|襯線|宋体|宋體", "monospace": r"monospace|typewriter|等宽|等寬"}
    for font, pattern in fonts.items():
        if c.has(pattern) and not c.has(r"sans[ -]serif|无衬线|無襯線"):
            spec.brief.theme = theme.model_copy(update={"font": font})
            return [c.t(f"font set to {font}", f"字体改为{'衬线体' if font == 'serif' else '等宽字体'}")]
    if c.has(r"sans[ -]serif|无衬线|無襯線"):
        spec.brief.theme = theme.model_copy(update={"font": "sans serif"})
        return [c.t("font set to sans serif", "字体改为无衬线体")]
    return []


def chart(spec: AppSpec, c: Clause) -> list[str]:
    if not c.has(r"chart|graph|plot|图表|圖表|统计图|統計圖|图|圖") or c.has(r"remove|delete|删|刪|去掉"):
        return []
    low = c.low
    group = "week" if re.search(r"week|周|週", low) else "month" if re.search(r"month|月", low) else "day"
    kind = "pie" if re.search(r"pie|饼|餅", low) else "line" if re.search(r"line|折线|折線|trend", low) else "bar"
    for entity in spec.entities:
        date_field = next((f.name for f in entity.fields if f.type == "date"), None)
        if date_field is None:
            continue
        value = next((f.name for f in entity.fields if f.numeric), None)
        ids = {x.id for x in spec.components()}
        cid = next(f"chart_{group}{n or ''}" for n in range(100) if f"chart_{group}{n or ''}" not in ids)
        screen = next((s for s in reversed(spec.screens) if len(s.components) < 12), None)
        if screen is None:
            raise Refused(c.t("every page is full", "每个页面都满了"))
        screen.components.append(
            ChartComponent(id=cid, entity=entity.name, chart=kind, group_by=group, x=date_field, y=value,
                           agg="sum" if value else "count")
        )  # fmt: skip
        label = {"week": ("weekly", "按周"), "month": ("monthly", "按月"), "day": ("daily", "按天")}[group]
        return [c.t(f"added a {label[0]} {kind} chart", f"添加了{label[1]}图表")]
    raise Refused(c.t("this app keeps no dated records to chart", "这个应用没有按日期记录的数据，画不了图表"))
