"""Photosynthesis Quiz: Test your knowledge of photosynthesis: instant score and an explanation for every answer.

How to change it:
- Say what to change: type a follow-up sentence in the Flash Apps studio, or run
      flashapps edit <this folder> "make the main colour green"
- Or change the files yourself:
    spec.json      the records and their fields, the options and goals, and the settings
                   of each component, found by its id (such as "intro")
    app.py         the screens, and the components on each, in order
    components.py  how each kind of component looks and works
    storage.py     where the records are kept (data/app.sqlite3)
    tests/         the tests: what a user must be able to do

Run it: streamlit run app.py    Tests: pytest tests
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


def quiz_screen() -> None:
    ui.text(app, "intro")
    ui.quiz(app, "quiz")


ui.header(app)
ui.screens(app, {"🌱 Quiz": quiz_screen})
ui.your_data(app)  # a visitor's own records: export or delete them
