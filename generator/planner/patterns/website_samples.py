"""Example rows for a website's sections when the sentence gives none: believable, short, and shown
on the page as examples to replace. Pairs are (English, simplified Chinese)."""

from __future__ import annotations

from generator.planner.patterns.base import Context

__all__ = ["sample_rows"]

Row = tuple[str, str, str, str]
"""label (en), value (en), label (zh), value (zh)."""

_ROWS: dict[str, tuple[Row, ...]] = {
    "offer": (
        ("First item", "$10", "第一项", "¥50"),
        ("Second item", "$15", "第二项", "¥80"),
        ("Third item", "$20", "第三项", "¥100"),
    ),
    "details": (("When", "Saturday, 10:00", "时间", "周六 10:00"), ("Where", "Main hall", "地点", "主礼堂")),
    "location": (
        ("Address", "12 Market Street", "地址", "人民路 12 号"),
        ("Phone", "+1 555 0100", "电话", "138 0000 0000"),
        ("Email", "hello@example.com", "邮箱", "hello@example.com"),
    ),
    "reviews": (
        ("Maya", "Friendly, quick and just what we needed.", "小林", "热情又靠谱，正是我们需要的。"),
        ("Tom", "We keep coming back. Highly recommended!", "阿杰", "来了好几次了，强烈推荐！"),
        ("Priya", "Lovely people and great value.", "王女士", "人很好，性价比也高。"),
    ),
    "schedule": (
        ("10:00", "Doors open and welcome", "10:00", "入场与欢迎"),
        ("11:00", "Main programme", "11:00", "主要环节"),
        ("13:00", "Lunch and stalls", "13:00", "午餐与摊位"),
        ("15:00", "Prizes and goodbye", "15:00", "颁奖与道别"),
    ),
    "team": (
        ("Alex Chen", "Founder", "陈晓", "创始人"),
        ("Sam Ortiz", "Team lead", "刘洋", "负责人"),
        ("Jo Park", "Friendly helper", "赵敏", "热心成员"),
    ),
    "faq": (
        ("Check-in / check-out", "From 14:00 / by 11:00", "入住 / 退房", "14:00 后 / 11:00 前"),
        ("Cancellations", "Free up to 48 hours before", "取消", "提前 48 小时免费取消"),
        ("Pets", "Please ask us first", "宠物", "请提前咨询"),
    ),
    "songs": (
        ("Opening Night", "3:45", "开场之夜", "3:45"),
        ("Long Way Home", "4:10", "回家的路", "4:10"),
        ("Neon Summer", "3:20", "霓虹夏天", "3:20"),
    ),
    "nearby": (
        ("Old town", "10 minutes on foot", "古镇", "步行 10 分钟"),
        ("Lake path", "5 minutes by bike", "湖边步道", "骑车 5 分钟"),
        ("Night market", "15 minutes by bus", "夜市", "公交 15 分钟"),
    ),
    "education": (
        ("BA, Example University", "2016–2020", "示例大学 本科", "2016–2020"),
        ("City High School", "2013–2016", "市第一中学", "2013–2016"),
    ),
    "work": (
        ("Project coordinator, Example Ltd", "2022–now", "项目协调，示例公司", "2022 至今"),
        ("Assistant, Studio North", "2020–2022", "助理，北方工作室", "2020–2022"),
    ),
    "skills": (
        ("Communication", "★★★★☆", "沟通", "★★★★☆"),
        ("Spreadsheets", "★★★★★", "表格处理", "★★★★★"),
        ("Languages", "English, Chinese", "语言", "中文、英文"),
    ),
}
_GIGS: tuple[Row, ...] = (
    ("Fri 12 Sep", "The Crown, Leeds", "9月12日 周五", "Livehouse 现场"),
    ("Sat 27 Sep", "Riverside Hall, York", "9月27日 周六", "河畔音乐厅"),
    ("Fri 10 Oct", "Open-air stage, Hull", "10月10日 周五", "露天舞台"),
)
_MEETINGS: tuple[Row, ...] = (
    ("Tue 7 Oct, 19:00", "Community hall", "10月7日 周二 19:00", "社区活动室"),
    ("Tue 14 Oct, 19:00", "Community hall", "10月14日 周二 19:00", "社区活动室"),
    ("Sat 25 Oct, 10:00", "Tournament day", "10月25日 周六 10:00", "比赛日"),
)


def sample_rows(ctx: Context, name: str, kind: str = "", facts: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Example (label, value) rows for the section ``name`` of a site of ``kind``."""
    rows = _GIGS if (name == "schedule" and kind == "band") else _ROWS.get(name, ())
    if name == "schedule" and kind in ("club", "fitness"):
        rows = _MEETINGS
    if not rows:
        rows = (
            ("First example", "", "示例一", ""),
            ("Second example", "", "示例二", ""),
            ("Third example", "", "示例三", ""),
        )
    shown = [(ctx.t(le, lz), ctx.t(ve, vz)) for le, ve, lz, vz in rows]
    if name == "location" and facts:
        place = facts.get("venue") or facts.get("town")
        if place:
            shown[0] = (shown[0][0], ctx.t(f"12 Market Street, {place}", f"{place}人民路 12 号"))
    return shown
