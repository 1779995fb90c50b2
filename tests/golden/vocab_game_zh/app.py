"""英语单词卡片: 用翻转卡片学习英语单词，区分已掌握和未掌握的内容，再做个小测验。

如何修改：
- 说出要改什么：在 Flash Apps 工作室里输入一句补充说明，或者运行
      flashapps edit <这个文件夹> "把主题颜色改成绿色"
- 或者自己改文件：
    spec.json      记录和字段、选项和目标，以及每个组件的设置（按组件 id 查找，例如
                   "how"）
    app.py         各个页面，以及每个页面上依次显示的组件
    components.py  每种组件的样子和用法
    storage.py     记录保存的位置（data/app.sqlite3）
    tests/         测试：用户必须能完成的操作

运行：streamlit run app.py    测试：pytest tests
"""

import components as ui
from storage import Store, read_spec

spec = read_spec()
store = Store(
    spec["entities"],
    visitor=ui.visitor_id(),  # who is looking: their own records, when the app keeps them apart
    scope=spec["brief"].get("scope", "shared"),
    owner=ui.visitor_is_owner(),  # the app's maker sees every visitor's submissions
)
app = ui.App(spec, store)


def study_screen() -> None:
    ui.not_included(app)
    ui.text(app, "how")
    ui.flashcards(app, "cards")


def test_screen() -> None:
    ui.quiz(app, "test")


ui.header(app)
ui.screens(app, {"📖 学习": study_screen, "✅ 测验": test_screen})
ui.your_data(app)  # a visitor's own records: export or delete them
