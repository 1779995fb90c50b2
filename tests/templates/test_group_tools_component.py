"""Group and event tools in rendered bundles, driven as a user would: a tournament bracket gives byes to the top seeds
and advances winners to a champion, a round robin keeps standings; a gift-exchange draw never pairs a couple (over
many draws) and says plainly when no draw can keep the rules; shared costs settle every balance to 0 with the fewest
transfers; a seating chart puts the shortest students in row 1. The bundles' own key-path tests pass."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from app_under_test import open_app, shown
from support import ruff_problems, run_bundle_tests

from generator.planner import plan
from generator.render import render


def test_six_teams_get_two_byes_and_a_champion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "a tournament bracket for the office ping pong cup on June 14: Tigers, Lions, Bears, Wolves, Eagles, Sharks"
    _, at = open_app(idea, tmp_path, monkeypatch)
    assert shown(at, "bracket.byes") == 2 and shown(at, "bracket.matches") == 5
    assert shown(at, "bracket.first_round") == ["Tigers – bye", "Wolves – Eagles", "Lions – bye", "Bears – Sharks"]
    at.selectbox(key="bracket__r0m1").set_value("Eagles").run()
    at.selectbox(key="bracket__r0m3").set_value("Sharks").run()
    assert at.selectbox(key="bracket__r1m0").options == ["Tigers", "Eagles"]
    at.selectbox(key="bracket__r1m0").set_value("Eagles").run()
    at.selectbox(key="bracket__r1m1").set_value("Lions").run()
    assert shown(at, "bracket.champion") == ""
    at.selectbox(key="bracket__r2m0").set_value("Lions").run()
    assert shown(at, "bracket.champion") == "Lions"
    assert any("Lions" in str(s.value) for s in at.success)
    at.selectbox(key="bracket__r1m1").set_value("Sharks").run()  # the final's Lions no longer there
    assert shown(at, "bracket.champion") == ""
    at.button(key="bracket__reset").click().run()
    assert shown(at, "bracket.champion") == "" and at.selectbox(key="bracket__r0m1").value is None


def test_duplicates_and_too_few_teams_warn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("單淘汰賽程表：甲隊、乙隊、丙隊、丁隊、戊隊，記錄每場勝者", tmp_path, monkeypatch)
    assert shown(at, "bracket.byes") == 3 and shown(at, "bracket.teams")[0] == "甲隊"
    at.text_area(key="bracket__teams").set_value("甲隊\n乙隊\n甲隊\n丙隊").run()
    at.button(key="bracket__save").click().run()
    assert shown(at, "bracket.teams") == ["甲隊", "乙隊", "丙隊"] and "甲隊" in shown(at, "bracket.warning")
    assert shown(at, "bracket.byes") == 1
    at.text_area(key="bracket__teams").set_value("甲隊").run()
    at.button(key="bracket__save").click().run()
    assert shown(at, "bracket.warning") and at.warning


def test_round_robin_standings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("round robin for our chess club: Ann, Bo, Cy, Di, with a standings table", tmp_path, monkeypatch)
    assert shown(at, "bracket.matches") == 6
    at.selectbox(key="bracket__m0").set_value("Bo").run()  # Ann – Bo
    at.selectbox(key="bracket__m3").set_value("=").run()  # Bo – Cy drawn
    assert shown(at, "bracket.standings")[0] == "Bo" and shown(at, "bracket.champion") == ""
    for n, winner in ((1, "Cy"), (2, "Di"), (4, "Bo"), (5, "Cy")):
        at.selectbox(key=f"bracket__m{n}").set_value(winner).run()
    assert shown(at, "bracket.standings")[:2] == ["Bo", "Cy"] and shown(at, "bracket.champion") == "Bo"


def test_gift_draw_never_pairs_a_couple(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "Secret Santa for Anna, Ben, Carla, Dan, Eva. Anna and Ben are a couple, Carla and Dan are married"
    _, at = open_app(idea, tmp_path, monkeypatch)
    assert shown(at, "giftdraw.drawn") is False
    import components  # the bundle's own, as the app runs it

    groups = [["Anna", "Ben"], ["Carla", "Dan"]]
    blocked = components.giftdraw_blocked(groups)
    names = shown(at, "giftdraw.names")
    for seed in range(300):
        pairs = components.giftdraw_match(names, blocked, random.Random(seed))
        assert pairs is not None and sorted(pairs) == sorted(names) == sorted(pairs.values())
        for giver, receiver in pairs.items():
            assert giver != receiver and frozenset((giver, receiver)) not in blocked
    seen = {components.giftdraw_match(names, blocked, random.Random(s))["Eva"] for s in range(60)}
    assert seen == {"Anna", "Ben", "Carla", "Dan"}  # random, every allowed receiver drawn
    at.button(key="giftdraw__draw").click().run()
    pairs = shown(at, "giftdraw.pairs")
    assert shown(at, "giftdraw.drawn") is True and pairs["Anna"] not in ("Anna", "Ben")
    assert shown(at, "giftdraw.revealed") == ""
    at.selectbox(key="giftdraw__me").set_value("Carla").run()
    at.button(key="giftdraw__reveal").click().run()
    assert shown(at, "giftdraw.revealed") == pairs["Carla"]
    at.selectbox(key="giftdraw__me").set_value("Eva").run()  # another name: Carla's hidden again
    assert shown(at, "giftdraw.revealed") == ""


def test_gift_draw_says_when_it_cannot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("公司年会交换礼物抽签：小王、小李、小张，夫妻不能抽到对方", tmp_path, monkeypatch)
    assert shown(at, "giftdraw.names") == ["小王", "小李", "小张"]
    at.text_area(key="giftdraw__apart").set_value("小王、小李").run()
    at.button(key="giftdraw__save").click().run()
    at.button(key="giftdraw__draw").click().run()
    assert shown(at, "giftdraw.impossible") is True and shown(at, "giftdraw.drawn") is False
    assert any("无法" in str(e.value) for e in at.error)


def test_costs_settle_to_zero_by_household(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "family reunion cost sharing by household: the Smiths (4 people), the Lees (3 people), the Wongs (2 people)"
    _, at = open_app(idea, tmp_path, monkeypatch)
    for who, amount in (("Smiths", 300.0), ("Lees", 150.0), ("Smiths", 45.5), ("Wongs", 10.0)):
        at.selectbox(key="costsplit__who").set_value(who).run()
        at.number_input(key="costsplit__amount").set_value(amount).run()
        at.button(key="costsplit__add").click().run()
    assert shown(at, "costsplit.total") == pytest.approx(505.5)
    balances = shown(at, "costsplit.balances")
    assert balances == {"Smiths": pytest.approx(120.83), "Lees": pytest.approx(-18.5), "Wongs": pytest.approx(-102.33)}
    left = dict(balances)
    for line in shown(at, "costsplit.transfers"):
        giver, rest = line.split(" → ")
        receiver, amount = rest.rsplit(" ", 1)
        left[giver] += float(amount)
        left[receiver] -= float(amount)
    assert all(abs(v) < 0.005 for v in left.values()) and len(shown(at, "costsplit.transfers")) == 2
    assert any("Wongs pays Smiths" in str(m.value) and "102.33" in str(m.value) for m in at.markdown)


def test_fewest_transfers_settle_random_balances(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app(
        "AA制分账：阿明、小美、阿华、志强去旅行，记录每人付了多少，算出谁该给谁多少钱", tmp_path, monkeypatch
    )
    import components

    people = [{"name": n, "share": 1} for n in shown(at, "costsplit.balances")]
    rng = random.Random(7)
    for _ in range(200):
        paid = [{"who": rng.choice(people)["name"], "amount": rng.randint(1, 50000) / 100} for _ in range(6)]
        balances = components.costsplit_balances(people, paid)
        assert sum(balances.values()) == 0
        moves = components.costsplit_transfers(balances)
        assert len(moves) <= len([b for b in balances.values() if b]) - 1 or not moves
        for giver, receiver, cents in moves:
            balances[giver] += cents
            balances[receiver] -= cents
        assert set(balances.values()) == {0}


def test_five_by_eight_chart_puts_the_shortest_in_front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app(
        "make a seating chart for my class of 40 students in 5 rows of 8, shortest in front", tmp_path, monkeypatch
    )
    rng = random.Random(3)
    heights = rng.sample(range(120, 175), 40)
    lines = [f"S{n:02d} {h} 5.0 {'boy' if n % 2 else 'girl'}" for n, h in enumerate(heights)]
    at.text_area(key="seating__students").set_value("\n".join(lines)).run()
    at.button(key="seating__make").click().run()
    grid = shown(at, "seating.grid")
    assert len(grid) == 5 and all(len(row) == 8 for row in grid) and shown(at, "seating.seated") == 40
    by_height = sorted(range(40), key=lambda n: heights[n])
    assert set(grid[0]) == {f"S{n:02d}" for n in by_height[:8]}
    assert set(grid[4]) == {f"S{n:02d}" for n in by_height[32:]}
    at.selectbox(key="seating__a").set_value("0,0").run()
    at.selectbox(key="seating__b").set_value("4,7").run()
    first, last = grid[0][0], grid[4][7]
    at.button(key="seating__swap").click().run()
    assert shown(at, "seating.grid")[0][0] == last and shown(at, "seating.grid")[4][7] == first


def test_chart_mixes_boys_and_girls_and_poor_eyesight_in_front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("根据学生身高和视力自动排座位，2排3列，视力差的坐前面，男女搭配", tmp_path, monkeypatch)
    students = "张一 170 4.2 男\n王二 120 5.0 女\n李三 130 5.1 男\n赵四 140 5.0 女\n钱五 150 5.0 男\n孙六 160 5.0 女\n周七 125 5.0 男"
    at.text_area(key="seating__students").set_value(students).run()
    at.button(key="seating__make").click().run()
    grid = shown(at, "seating.grid")
    assert grid[0][0] == "张一"  # poor eyesight first, though the tallest
    boys = {"张一", "李三", "钱五", "周七"}
    assert [[n in boys for n in row] for row in grid] == [[True, False, True], [False, True, False]]
    assert shown(at, "seating.left") == 1 and at.warning


def test_two_raters_shortlist_what_both_like(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("Tom and Lisa both rate holiday places 1-10: Lisbon, Kyoto, Oslo, Cusco", tmp_path, monkeypatch)
    assert shown(at, "pairrate.items") == ["Lisbon", "Kyoto", "Oslo", "Cusco"]
    marks = {"Tom": (9, 8, 3, 10), "Lisa": (8, 10, 9, 6)}
    for rater, values in marks.items():
        at.radio(key="pairrate__who").set_value(rater).run()
        for n, value in enumerate(values):
            at.selectbox(key=f"pairrate__i{n}").set_value(value).run()
    assert shown(at, "pairrate.shortlist") == ["Kyoto", "Lisbon"]  # 18 before 17; Oslo and Cusco each have a low mark
    assert shown(at, "pairrate.rated") == {"Tom": 4, "Lisa": 4}
    at.radio(key="pairrate__who").set_value("Tom").run()
    assert at.selectbox(key="pairrate__i2").value == 3  # Tom's own marks, not Lisa's
    at.text_input(key="pairrate__item").set_value("Hanoi").run()
    at.button(key="pairrate__add").click().run()
    assert shown(at, "pairrate.items")[-1] == "Hanoi" and at.selectbox(key="pairrate__i4").value is None


def test_house_points_in_their_colours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "house points for Red, Blue, Green and Yellow houses with plus and minus buttons and a big bar chart"
    _, at = open_app(idea, tmp_path, monkeypatch)
    assert shown(at, "housepoints.scores") == {"Red": 0, "Blue": 0, "Green": 0, "Yellow": 0}
    at.button(key="housepoints__t1p1").click().run()  # Blue + 5
    at.button(key="housepoints__t1p0").click().run()  # Blue + 1
    at.button(key="housepoints__t3p0").click().run()  # Yellow + 1
    at.button(key="housepoints__t3m").click().run()  # Yellow - 1
    at.button(key="housepoints__t3m").click().run()  # never below 0
    assert shown(at, "housepoints.scores") == {"Red": 0, "Blue": 6, "Green": 0, "Yellow": 0}
    assert shown(at, "housepoints.leader") == "Blue"
    at.button(key="housepoints__undo").click().run()  # the step that did nothing
    at.button(key="housepoints__undo").click().run()  # Yellow's minus
    assert shown(at, "housepoints.scores")["Yellow"] == 1
    spec = " ".join(str(chart.proto) for chart in at.get("vega_lite_chart"))
    assert "#2563eb" in spec and "#eab308" in spec  # the bars in the houses' colours
    at.button(key="housepoints__reset").click().run()
    assert set(shown(at, "housepoints.scores").values()) == {0} and shown(at, "housepoints.leader") == ""


@pytest.mark.parametrize(
    "idea",
    [
        "knockout bracket for 6 teams with a champion",
        "聖誕交換禮物抽籤：小明、小華、阿強、美玲，小明和小華是夫妻",
        "split the bill for our trip: Kim, Lee, Park paid different amounts, who owes whom in euros",
        "教室座位表：依身高排座位，4排6列，可以列印，也可以手動交換座位",
        "两个人给旅游目的地打分，列出两人都喜欢的地方",
        "學校四個學院積分：紅隊、藍隊、綠隊、黃隊，加分減分，大的長條圖",
    ],
)
def test_bundle_tests_pass_and_are_ruff_clean(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
