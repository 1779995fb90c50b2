"""Water Tracker: Drink enough water every day.

How to change it:
- Say what to change: type a follow-up sentence in the Flash Apps studio, or run
      flashapps edit <this folder> "make the main colour green"
- Or change the files yourself:
    spec.json      the records and their fields, the options and goals, and the settings
                   of each component, found by its id (such as "add")
    app.py         the screens, and the components on each, in order
    logic.py       the formulas; tests/test_logic.py checks their examples
    components.py  how each kind of component looks and works
    storage.py     where the records are kept (data/app.sqlite3)
    tests/         the tests: what a user must be able to do

Run it: streamlit run app.py    Tests: pytest tests
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


def log_screen() -> None:
    ui.form(app, "add")
    ui.metric(app, "today")
    ui.metric(app, "streak")


def history_screen() -> None:
    # the filter narrows the records the components below it show
    ui.filter_records(app, "flt")
    ui.chart(app, "daily")
    ui.chart(app, "bykind")
    ui.table(app, "list")
    ui.csv_file(app, "csv")


def tools_screen() -> None:
    ui.converter(app, "conv")
    ui.calculator(app, "calc", {"daily_need": logic.daily_need})
    ui.text(app, "tip")


ui.header(app)
ui.screens(
    app,
    {"💧 Log": log_screen, "📈 History": history_screen, "Tools": tools_screen},
)
