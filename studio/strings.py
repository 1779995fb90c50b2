"""Every string the studio shows, in English and Chinese."""

from __future__ import annotations

__all__ = ["EXAMPLES", "STRINGS", "text"]

STRINGS: dict[str, dict[str, str]] = {
    "tagline": {
        "en": "One sentence in, a small working app out — tested before you see it.",
        "zh": "一句话，生成一个能用的小应用——先测试，再交给你。",
    },
    "idea_label": {"en": "Your idea", "zh": "你的想法"},
    "idea_placeholder": {
        "en": "an app to track my daily water intake",
        "zh": "帮我做一个记录每天喝水量的应用",
    },
    "examples": {"en": "Try one:", "zh": "试试这些："},
    "create": {"en": "Create app", "zh": "生成应用"},
    "working": {"en": "Building your app…", "zh": "正在生成你的应用……"},
    "done": {"en": "Your app is ready", "zh": "应用已生成"},
    "why": {"en": "How it was planned", "zh": "规划说明"},
    "card_value": {"en": "What it is for", "zh": "用途"},
    "card_metrics": {"en": "Core metrics", "zh": "核心指标"},
    "card_data": {"en": "What it records", "zh": "记录的数据"},
    "card_feedback": {"en": "What it shows you", "zh": "给你的反馈"},
    "card_screens": {"en": "Screens", "zh": "页面"},
    "card_paths": {"en": "Key paths (tested)", "zh": "关键路径（已写成测试）"},
    "files": {"en": "Files", "zh": "文件"},
    "download": {"en": "Download the app (zip)", "zh": "下载应用（zip）"},
    "preview_hint": {
        "en": "Run it on your computer: unzip, then `pip install -r requirements.txt && streamlit run app.py`,"
        " or here: `flashapps preview {path}`",
        "zh": "在电脑上运行：解压后执行 `pip install -r requirements.txt && streamlit run app.py`，"
        "或在本机：`flashapps preview {path}`",
    },
    "language": {"en": "Language", "zh": "界面语言"},
    "none_yet": {"en": "—", "zh": "—"},
    "verified": {"en": "Verified in the sandbox: {summary}", "zh": "已在沙箱中验证：{summary}"},
    "not_verified": {
        "en": "Verification failed ({summary}); the app is shown as generated, fix it with a follow-up change.",
        "zh": "验证未通过（{summary}）；可以用一句修改来修正。",
    },
    "follow_up": {"en": "Change it with a sentence", "zh": "用一句话修改"},
    "follow_up_placeholder": {
        "en": "make the goal 3 litres and add a weekly chart",
        "zh": "目标改成3升，加一个按周的图表",
    },
    "apply": {"en": "Apply change", "zh": "应用修改"},
    "versions": {"en": "Versions", "zh": "版本"},
    "undo_to": {"en": "Go back to version {n}", "zh": "回到版本 {n}"},
    "job_failed": {"en": "It did not work: {message}", "zh": "没有成功：{message}"},
    "stages_title": {"en": "Steps", "zh": "步骤"},
    "new_app": {"en": "Start a new app", "zh": "新建应用"},
    "unexpected": {
        "en": "Something went wrong on our side ({error}). Please try again; if it keeps happening, report it.",
        "zh": "我们这边出了点问题（{error}）。请再试一次；如果一直出现，请反馈给我们。",
    },
}

EXAMPLES = {
    "en": [
        "an app to track my daily water intake",
        "a pomodoro timer with a daily count",
        "a quiz on photosynthesis for my class",
        "a random student picker",
        "a snake game with fruit",
    ],
    "zh": [
        "帮我做一个背单词的小游戏",
        "幫我設計一個日常監督飲食攝入的應用",
        "记账本，按类别统计每月花费",
        "BMI 计算器",
        "随机点名器",
    ],
}


def text(key: str, lang: str, **values: object) -> str:
    entry = STRINGS[key]
    return entry.get(lang, entry["en"]).format(**values)
