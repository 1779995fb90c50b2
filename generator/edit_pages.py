"""Follow-up readers for the pages (tabs) of an app: one added (history, stats, help, or a page of records of
its own) or removed."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    ChartComponent,
    Component,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    MetricComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.edit_base import ADD, REMOVE, Clause, Refused, clean_words, prune_paths

__all__ = ["add_page", "remove_page", "remove_part"]

_PAGE = r"\b(?:page|tab|screen|section)s?\b|页面|頁面|标签页|標籤頁|分页|分頁|页|頁"
_HISTORY = r"histor|records?|\blog\b|entries|list|past|历史|歷史|记录|記錄|列表|清单|清單"
_STATS = (
    r"stat|chart|graph|summary|dashboard|progress|report|overview|统计|統計|图表|圖表|概览|概覽|进度|進度|报告|報告"
)
_HELP = r"about|help|instruction|tips?\b|guide|info|how to|说明|說明|帮助|幫助|关于|關於|提示|指南|介绍|介紹"


def _ids(spec: AppSpec) -> set[str]:
    return {x.id for x in spec.components()}


def _free(base: str, taken: set[str]) -> str:
    return next(f"{base}{n or ''}" for n in range(100) if f"{base}{n or ''}" not in taken)


_NAMED = (
    r"(?:page|tab|screen|section)s?\s*(?:[:：]|\b(?:for|called|named|with|about|to|of)\b)\s*(.+)$",
    r"(?:页面|頁面|标签页|標籤頁|分页|分頁|页|頁)\s*(?:[:：]|叫做?|名为|名為|命名为|命名為|是)\s*[“\"「]?(.+?)[”\"」]?$",
)
"""A page the sentence names after the word page (“a page: settings”, “一个页面叫设置”)."""
_COUNTED = r"^(?:再|一个|一個|个|個|新的?|多)+"


def _topic(c: Clause) -> str:
    match = (
        c.has(_NAMED[0])
        or c.has(_NAMED[1])
        or c.has(rf"(?:an?|one|new)\s+(.+?)\s+(?:{_PAGE})")
        or c.has(
            r"(?:一个|一個|个|個|加|添加|增加|新增)\s*[“\"「]?(.+?)[”\"」]?\s*(?:的)?(?:页面|頁面|标签页|標籤頁|分页|分頁|页|頁)"
        )
    )
    return clean_words(re.sub(_COUNTED, "", match.group(1).strip())) if match else ""


_CANNOT = (
    r"log ?in|sign ?(?:in|up)|account|password|authenticat|payment|\bpay\b|checkout|\bmap\b|camera|photo|upload|"
    r"\bchat\b|messag|notif|e-?mail|\bsms\b|登录|登錄|注册|註冊|账号|帳號|密码|密碼|支付|付款|地图|地圖|相机|相機|照片|"
    r"上传|上傳|聊天|通知|邮件|郵件|短信|簡訊"
)


def _titled(topic: str) -> str:
    return (topic[:1].upper() + topic[1:] if topic.isascii() else topic)[:80]


def _content(spec: AppSpec, c: Clause, topic: str) -> tuple[list[Component], str, str]:
    """The components, title and name of a new page on ``topic``."""
    ids, app = _ids(spec), c.app
    forms = {x.entity for x in spec.components() if isinstance(x, FormComponent)}
    entity = next((e for e in spec.entities if e.name in forms), spec.entities[0] if spec.entities else None)
    if entity is not None and re.search(_HISTORY, topic, re.I):
        date = next((f.name for f in entity.fields if f.type == "date"), None)
        parts: list[Component] = []
        if date:
            parts.append(FilterComponent(id=_free("flt", ids), entity=entity.name, date_field=date))
        parts.append(TableComponent(id=_free("log", ids), entity=entity.name))
        return parts, _titled(topic) or app("History", "历史"), "history"
    if entity is not None and re.search(_STATS, topic, re.I):
        parts = [MetricComponent(id=_free(f"m_{m.name}"[:28], ids), metric=m.name) for m in spec.brief.metrics[:6]]
        date = next((f.name for f in entity.fields if f.type == "date"), None)
        number = next((f.name for f in entity.fields if f.numeric), None)
        if date:
            parts.append(ChartComponent(id=_free("chart_day", ids), entity=entity.name, chart="bar", x=date, y=number,
                                        agg="sum" if number else "count"))  # fmt: skip
        if parts:
            return parts, _titled(topic) or app("Stats", "统计"), "stats"
    if re.search(_HELP, topic, re.I) or not topic:
        lines = [spec.brief.value, *(f"- {line}" for line in spec.brief.feedback)]
        body = "\n\n".join(line for line in lines if line) or spec.brief.title
        return (
            [TextComponent(id=_free("about", ids), body=body[:4000])],
            _titled(topic) or app("About", "说明"),
            "about",
        )
    if len(spec.entities) >= 8:
        raise Refused(c.t("this app already keeps eight kinds of records", "这个应用已经有八种记录了"))
    label = topic[:1].upper() + topic[1:] if topic.isascii() else topic
    stem = re.sub(r"[^a-z0-9]+", "_", topic.lower()).strip("_")[:24] if topic.isascii() else ""
    name = _free(
        stem if stem[:1].isalpha() else "item", {e.name for e in spec.entities} | {s.name for s in spec.screens}
    )
    spec.entities.append(
        Entity(name=name, label=label[:80], fields=[
            DataField(name="name", label=app("Name", "名称")),
            DataField(name="day", label=app("Date", "日期"), type="date", required=False),
            DataField(name="note", label=app("Note", "备注"), type="long_text", required=False),
        ])
    )  # fmt: skip
    parts = [FormComponent(id=_free(f"add_{name}"[:28], ids), entity=name),
             TableComponent(id=_free(f"list_{name}"[:28], ids), entity=name)]  # fmt: skip
    return parts, label, name


def add_page(spec: AppSpec, c: Clause) -> list[str]:
    """“add a history page”, “add a tab for recipes”, “加一个统计页面”."""
    if not (c.has(ADD) and c.has(_PAGE)) or c.has(REMOVE):
        return []
    if len(spec.screens) >= 6:
        raise Refused(c.t("an app has at most six pages", "一个应用最多六个页面"))
    topic = _topic(c)
    if re.search(_CANNOT, c.text, re.I):
        raise Refused(c.t("sign-in, payments, maps, photos and messages cannot be built into these apps",
                          "这类应用不能做登录、支付、地图、照片和消息功能"))  # fmt: skip
    parts, title, name = _content(spec, c, topic)
    name = re.sub(r"[^a-z0-9_]", "", name)[:28] or "page"
    name = _free(name if name[0].isalpha() else "page", {s.name for s in spec.screens})
    spec.screens.append(Screen(name=name, title=title[:80], components=parts))
    return [c.t(f"added the page “{title}”", f"添加了页面“{title}”")]


def remove_page(spec: AppSpec, c: Clause) -> list[str]:
    """“remove the history tab”, “delete the Stats page”, “删掉统计页”."""
    if not c.has(REMOVE):
        return []
    named = [s for s in spec.screens if s.title.lower() in c.low or re.search(rf"\b{s.name}\b", c.low)]
    if not named or (
        not c.has(_PAGE) and not any(s.title.lower() == clean_words(re.sub(REMOVE, "", c.low)) for s in named)
    ):
        if c.has(_PAGE) and not c.has(r"field|column|字段|栏|欄"):
            raise Refused(c.t("no page has that name", "没有这个名字的页面"))
        return []
    screen = named[0]
    if len(spec.screens) == 1:
        raise Refused(c.t(f"“{screen.title}” is the only page", f"“{screen.title}”是唯一的页面"))
    spec.screens[:] = [s for s in spec.screens if s is not screen]
    prune_paths(spec, c.t)
    return [c.t(f"removed the page “{screen.title}”", f"移除了页面“{screen.title}”")]


_PARTS = {  # a part of a page: the words for it, and how to name it
    "chart": (r"\b(?:charts?|graphs?|plots?)\b|图表|圖表|统计图|統計圖", ("chart", "图表")),
    "table": (r"\btables?\b|表格", ("table", "表格")),
    "filter": (r"\b(?:filters?|search)\b|筛选|篩選|搜索|搜尋", ("filter", "筛选")),
    "csv": (r"\b(?:export|import|csv|download)\b|导出|導出|匯出|导入|導入|匯入", ("export", "导出")),
}
_GROUPS = {"week": r"week|周|週", "month": r"month|月", "day": r"daily|\bday|天|日", "category": r"categor|类别|類別"}


def remove_part(spec: AppSpec, c: Clause) -> list[str]:
    """“remove the weekly chart”, “hide the export”, “去掉图表”: the part goes from its page (and its checks)."""
    if not c.has(REMOVE):
        return []
    for kind, (pattern, (en, zh)) in _PARTS.items():
        if not c.has(pattern):
            continue
        found = [x for x in spec.components() if x.kind == kind]
        if kind == "chart":
            wanted = [g for g, words in _GROUPS.items() if c.has(words)]
            styles = [s for s in ("pie", "line", "bar") if c.has(rf"\b{s}\b")]
            found = [x for x in found if (not wanted or x.group_by in wanted) and (not styles or x.chart in styles)]  # type: ignore[union-attr]
        if not found:
            raise Refused(c.t(f"there is no such {en} to remove", f"没有这样的{zh}可以去掉"))
        for screen in spec.screens:
            screen.components[:] = [x for x in screen.components if x not in found]
        spec.screens[:] = [s for s in spec.screens if s.components]
        if not spec.screens:
            raise Refused(c.t(f"the {en} is all the app shows", f"应用里只有这个{zh}"))
        prune_paths(spec, c.t)
        n = len(found)
        return [c.t(f"removed {n} {en}{'s' if n > 1 else ''}", f"去掉了 {n} 个{zh}")]
    return []
