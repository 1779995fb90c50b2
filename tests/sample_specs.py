"""Hand-written specs that exercise many components at once."""

from flashapps.spec import (
    AppSpec,
    Brief,
    CalcInput,
    CalcOutput,
    CalculatorComponent,
    ChartComponent,
    ConverterComponent,
    CsvComponent,
    DataField,
    Entity,
    Example,
    Expect,
    FilterComponent,
    FormComponent,
    KeyPath,
    LogicFunction,
    Metric,
    MetricComponent,
    Param,
    Screen,
    Step,
    TableComponent,
    TextComponent,
    Unit,
)


def water_tracker() -> AppSpec:
    """A tracker with every data component, a converter and a calculator."""
    return AppSpec(
        brief=Brief(
            title="Water Tracker",
            value="Drink enough water every day.",
            language="en",
            icon="💧",
            category="tracker",
            metrics=[
                Metric(
                    name="today",
                    label="Today",
                    entity="drink",
                    field="amount",
                    agg="sum",
                    period="today",
                    goal=2000,
                    unit="ml",
                ),
                Metric(name="streak", label="Streak", entity="drink", agg="streak", unit="days"),
            ],
            inputs=["amount in ml"],
            feedback=["today's total against the goal"],
        ),
        entities=[
            Entity(
                name="drink",
                label="Drink",
                fields=[
                    DataField(name="amount", label="Amount", type="int", unit="ml", min=1, max=5000, default=250),
                    DataField(
                        name="kind", label="Drink", type="choice", options=["Water", "Tea", "Coffee"], default="Water"
                    ),
                    DataField(name="day", label="Day", type="date"),
                    DataField(name="note", label="Note", required=False),
                ],
            )
        ],
        screens=[
            Screen(
                name="log",
                title="Log",
                icon="💧",
                components=[
                    FormComponent(id="add", entity="drink", fields=["amount", "kind", "day", "note"]),
                    MetricComponent(id="today", metric="today"),
                    MetricComponent(id="streak", metric="streak"),
                ],
            ),
            Screen(
                name="history",
                title="History",
                icon="📈",
                components=[
                    FilterComponent(id="flt", entity="drink", category_field="kind", date_field="day", search=True),
                    ChartComponent(id="daily", entity="drink", chart="bar", group_by="day", x="day", y="amount"),
                    ChartComponent(id="bykind", entity="drink", chart="pie", group_by="category", x="kind", y="amount"),
                    TableComponent(id="list", entity="drink"),
                    CsvComponent(id="csv", entity="drink"),
                ],
            ),
            Screen(
                name="tools",
                title="Tools",
                components=[
                    ConverterComponent(
                        id="conv",
                        units=[
                            Unit(name="ml", label="Millilitres", factor=1),
                            Unit(name="oz", label="US fl oz", factor=29.5735),
                            Unit(name="cup", label="Cups", factor=240),
                        ],
                    ),
                    CalculatorComponent(
                        id="calc",
                        inputs=[CalcInput(name="weight", label="Weight", unit="kg", default=60)],
                        results=[CalcOutput(function="daily_need", label="Daily need", unit="ml", decimals=0)],
                    ),
                    TextComponent(id="tip", body="Drink a glass **before** each meal."),
                ],
            ),
        ],
        logic=[
            LogicFunction(
                name="daily_need",
                doc="Water a person needs per day.",
                params=[Param(name="weight")],
                returns="float",
                body='if weight <= 0:\n    raise ValueError("Weight must be above zero.")\nreturn weight * 35',
                examples=[Example(args={"weight": 60}, expected=2100), Example(args={"weight": 80.5}, expected=2817.5)],
            )
        ],
        key_paths=[
            KeyPath(
                name="log_a_glass",
                story="I log a 250 ml glass and see today's total grow.",
                steps=[Step(action="set", key="add__amount", value=300), Step(action="click", key="add__submit")],
                expect=[
                    Expect(output="today.value", value=300),
                    Expect(output="list.rows", value=1),
                    Expect(output="add.saved", value=1),
                ],
            ),
            KeyPath(
                name="convert",
                story="I convert 2 cups to ml.",
                steps=[
                    Step(action="set", key="conv__value", value=2),
                    Step(action="set", key="conv__from", value="cup"),
                    Step(action="set", key="conv__to", value="ml"),
                ],
                expect=[Expect(output="conv.result", op="approx", value=480)],
            ),
            KeyPath(
                name="need",
                story="I see my need",
                steps=[Step(action="set", key="calc__weight", value=70)],
                expect=[Expect(output="calc.daily_need", value=2450)],
            ),
        ],
    )
