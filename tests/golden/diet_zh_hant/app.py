"""飲食營養日記: 選擇用餐類型和食物，實時看到營養成分，記錄每天的飲食。

如何修改：
- 說出要改什麼：在 Flash Apps 工作室裡輸入一句補充說明，或者執行
      flashapps edit <這個資料夾> "把主題顏色改成綠色"
- 或者自己改檔案：
    spec.json      記錄和欄位、選項和目標，以及每個元件的設定（按元件 id 查找，例如
                   "nutri"）
    app.py         各個頁面，以及每個頁面上依次顯示的元件
    logic.py       計算公式；tests/test_logic.py 檢查它們的範例
    components.py  每種元件的樣子和用法
    storage.py     記錄保存的位置（data/app.sqlite3）
    tests/         測試：使用者必須能完成的操作

執行：streamlit run app.py    測試：pytest tests
"""

import components as ui
import logic
from storage import Store, read_spec

spec = read_spec()
store = Store(
    spec["entities"],
    visitor=ui.visitor_id(),  # who is looking: their own records, when the app keeps them apart
    scope=spec["brief"].get("scope", "shared"),
    owner=ui.visitor_is_owner(),  # the app's maker sees every visitor's submissions
)
app = ui.App(spec, store)


def record_screen() -> None:
    ui.calculator(
        app,
        "nutri",
        {
            "kcal": logic.kcal,
            "protein": logic.protein,
            "carbs": logic.carbs,
            "fat": logic.fat,
        },
    )
    ui.text(app, "tip")
    ui.form(app, "add")
    ui.metric(app, "today_kcal")
    ui.metric(app, "meals_today")


def history_screen() -> None:
    # the filter narrows the records the components below it show
    ui.filter_records(app, "flt")
    ui.chart(app, "trend")
    ui.chart(app, "bycat")
    ui.table(app, "log")
    ui.csv_file(app, "csv")


ui.header(app)
ui.screens(app, {"🍽️ 記錄": record_screen, "📒 日記": history_screen})
ui.your_data(app)  # a visitor's own records: export or delete them
