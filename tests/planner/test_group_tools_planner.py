"""Group and event tools read from the sentence: a tournament's teams, count, form, name and date; a gift draw's
names and the couples kept apart; the people or households sharing costs, their headcounts and currency; a seating
chart's rows × seats and rules. Personal expense logs, random pickers, quiz scoreboards and cinema seat bookings keep
their own apps."""

from __future__ import annotations

import pytest

from flashapps.spec import (
    BracketComponent,
    CostSplitComponent,
    GiftDrawComponent,
    HousePointsComponent,
    PairRateComponent,
    SeatingComponent,
)
from generator.planner import plan
from generator.planner.patterns.bracket import knockout_slots


def _first(idea: str) -> object:
    return plan(idea).spec.screens[0].components[0]


@pytest.mark.parametrize(
    ("idea", "teams", "mode"),
    [
        (
            "bracket for the badminton cup: Ada, Ben, Cal, Dee, Eli, Fay",
            ["Ada", "Ben", "Cal", "Dee", "Eli", "Fay"],
            "knockout",
        ),
        ("single-elimination tournament for twelve players, show who advances and the champion", 12, "knockout"),
        ("足球淘汰赛对阵表，7支队伍", 7, "knockout"),
        ("乒乓球循環賽：阿明、阿華、志強、美玲，要有積分榜", ["阿明", "阿華", "志強", "美玲"], "roundrobin"),
        ("a round-robin league for 6 teams with a standings table", 6, "roundrobin"),
    ],
)
def test_tournament_reads_teams_and_form(idea: str, teams: list[str] | int, mode: str) -> None:
    found = plan(idea)
    assert found.pattern == "bracket"
    bracket = found.spec.screens[0].components[0]
    assert isinstance(bracket, BracketComponent) and bracket.mode == mode
    assert (bracket.teams if isinstance(teams, list) else len(bracket.teams)) == teams


def test_tournament_name_date_and_byes() -> None:
    bracket = _first("a knockout bracket for our Spring Chess Championship on May 3 with 10 teams")
    assert isinstance(bracket, BracketComponent)
    assert bracket.event == "Spring Chess Championship" and bracket.date == "May 3"
    assert knockout_slots(bracket.teams).count(None) == 6  # 16 places, 10 teams
    assert knockout_slots(["A", "B", "C"]) == ["A", None, "B", "C"]


@pytest.mark.parametrize(
    ("idea", "names", "apart"),
    [
        (
            "Secret Santa for Mia, Leo, Zoe, Max and Ivy; Mia & Leo are a couple",
            ["Mia", "Leo", "Zoe", "Max", "Ivy"],
            [["Mia", "Leo"]],
        ),
        (
            "交换礼物抽签：小红、小明、小刚、小丽，小红和小明是夫妻",
            ["小红", "小明", "小刚", "小丽"],
            [["小红", "小明"]],
        ),
        ("office gift exchange draw for 9 people with a $20 budget", 9, []),
    ],
)
def test_gift_draw_reads_names_and_couples(idea: str, names: list[str] | int, apart: list[list[str]]) -> None:
    found = plan(idea)
    assert found.pattern == "giftdraw"
    draw = found.spec.screens[0].components[0]
    assert isinstance(draw, GiftDrawComponent)
    assert (draw.names if isinstance(names, list) else len(draw.names)) == names and draw.apart == apart


def test_gift_budget_is_kept() -> None:
    draw = _first("office gift exchange draw for 9 people with a $20 budget")
    assert isinstance(draw, GiftDrawComponent) and draw.budget == "$20"


@pytest.mark.parametrize(
    ("idea", "people", "currency"),
    [
        (
            "split the costs of our camping trip among Sam, Kai and Jo, who owes whom",
            {"Sam": 1, "Kai": 1, "Jo": 1},
            "$",
        ),
        (
            "reunion cost sharing by household: the Parks (5 people), the Chens (2 people) in euros",
            {"Parks": 5, "Chens": 2},
            "€",
        ),
        ("春节聚会按家庭分摊费用：张家3口、李家4口、王家2口，算出谁该给谁", {"张家": 3, "李家": 4, "王家": 2}, "¥"),
        ("我們6個人去旅行分攤費用，記錄誰付了多少，算出誰欠誰", 6, "NT$"),
    ],
)
def test_cost_split_reads_people_shares_and_currency(idea: str, people: dict | int, currency: str) -> None:
    found = plan(idea)
    assert found.pattern == "costsplit"
    split = found.spec.screens[0].components[0]
    assert isinstance(split, CostSplitComponent) and split.currency == currency
    shares = {p.name: p.share for p in split.people}
    assert (shares if isinstance(people, dict) else len(shares)) == people


@pytest.mark.parametrize(
    ("idea", "rows", "cols", "rules"),
    [
        ("seating chart for 30 pupils, 5 rows of 6 desks, boys and girls alternating", 5, 6, ["mixed"]),
        ("make a seating plan, 4 x 9, poor eyesight in front then by height", 4, 9, ["eyesight", "height"]),
        ("帮我排座位：7排8列，个子矮的坐前面", 7, 8, ["height"]),
        ("班級座位表，六排，每排七個座位，隨機排", 6, 7, ["random"]),
    ],
)
def test_seating_reads_grid_and_rules(idea: str, rows: int, cols: int, rules: list[str]) -> None:
    found = plan(idea)
    assert found.pattern == "seating"
    chart = found.spec.screens[0].components[0]
    assert isinstance(chart, SeatingComponent) and (chart.rows, chart.cols, chart.rules) == (rows, cols, rules)


@pytest.mark.parametrize(
    ("idea", "raters", "items", "scale"),
    [
        ("my partner and I both rate baby names and keep the ones we both like", ["Me", "Partner"], [], 5),
        (
            "Tom and Lisa both rate holiday places 1-10: Lisbon, Kyoto, Oslo",
            ["Tom", "Lisa"],
            ["Lisbon", "Kyoto", "Oslo"],
            10,
        ),
        (
            "我和老公各自给宝宝名字打分：子涵、一诺、沐辰，看看两人都喜欢哪些",
            ["我", "老公"],
            ["子涵", "一诺", "沐辰"],
            5,
        ),
        ("兩個人給旅遊目的地打分，列出兩人都喜歡的地方", ["我", "另一半"], [], 5),
    ],
)
def test_two_raters_read_from_the_sentence(idea: str, raters: list[str], items: list[str], scale: int) -> None:
    found = plan(idea)
    assert found.pattern == "pairrate"
    rate = found.spec.screens[0].components[0]
    assert isinstance(rate, PairRateComponent) and (rate.raters, rate.items, rate.scale) == (raters, items, scale)


@pytest.mark.parametrize(
    ("idea", "teams", "steps"),
    [
        (
            "house points for Red, Blue, Green and Yellow houses, big bar chart",
            {"Red": "#dc2626", "Blue": "#2563eb", "Green": "#16a34a", "Yellow": "#eab308"},
            [1, 5],
        ),
        (
            "points for our camp teams Eagles, Bears, Foxes, +1 and +10 buttons, bars in their colours",
            {"Eagles": "#dc2626", "Bears": "#2563eb", "Foxes": "#16a34a"},
            [1, 10],
        ),
        (
            "班级小组积分：红色组、蓝色组、黄色组，加分扣分",
            {"红色组": "#dc2626", "蓝色组": "#2563eb", "黄色组": "#eab308"},
            [1, 5],
        ),
        ("track house points for 3 houses", {"Red": "#dc2626", "Blue": "#2563eb", "Green": "#16a34a"}, [1, 5]),
    ],
)
def test_house_points_read_teams_colours_and_steps(idea: str, teams: dict[str, str], steps: list[int]) -> None:
    found = plan(idea)
    assert found.pattern == "housepoints"
    houses = found.spec.screens[0].components[0]
    assert isinstance(houses, HousePointsComponent)
    assert {team.name: team.colour for team in houses.teams} == teams and houses.steps == steps


@pytest.mark.parametrize(
    ("idea", "pattern"),
    [
        ("a personal expense tracker for my daily spending", "budget"),
        ("个人记账：记录每天的支出", "budget"),
        ("a random name picker for my class", "picker"),
        ("隨機抽籤決定誰先發言", "picker"),
        ("a quiz night scoreboard for 4 teams", "scoreboard"),
        ("a seat booking app for our small cinema with 10 rows", "booking"),
        ("电影院选座订票，8排10座", "booking"),
        ("split the bill with a 15% tip among 4 people", "calculator"),
        ("an app to rate restaurants I visit", "collection"),
        ("a poll for the class to vote on the trip destination", "poll"),
        ("record my chess tournament games and results", "game"),
        ("班级红蓝两队知识竞赛计分", "scoreboard"),
    ],
)
def test_other_apps_keep_their_kind(idea: str, pattern: str) -> None:
    assert plan(idea).pattern == pattern
