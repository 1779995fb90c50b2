"""The studio and the job queue: a maker whose job waits sees their place in the queue (en/zh) and may cancel it;
anyone else may not; maintainers see the jobs that failed for good, others are refused."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import UserView
from studio import services
from workshop.actions import Workshop
from workshop.makers import Maker

Users = dict[str, tuple[UserView, str]]
CREATE, FAILED = "web/create.py", "web/failed_jobs.py"
STUDIO = str(Path(__file__).resolve().parents[2] / "studio" / "app.py")


@pytest.fixture(autouse=True)
def no_engine_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's sandbox banner is not what these tests are about (it asks the Docker engine)."""
    monkeypatch.setattr(services, "banner", lambda runner=None: None)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every check waits until the event is set: the studio's two job threads stay busy."""
    release = threading.Event()

    def check(folder: Path) -> VerifyReport:
        release.wait(timeout=120)
        return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])

    monkeypatch.setattr(services, "workshop", lambda: Workshop(Settings(), verify=check))
    yield release
    release.set()


def _until(done: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline
        time.sleep(0.1)


def _session(token: str, language: str) -> AppTest:
    at = AppTest.from_file(STUDIO, default_timeout=60)
    at.session_state["token"], at.session_state["lang"] = token, language
    at.run()
    return at


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_waiting_job_shows_its_place_and_its_maker_may_cancel_it(
    held: threading.Event, users: Users, language: str
) -> None:
    busy = [services.start_create(idea, owner=who) for idea, who in (("a water log", "ann"), ("每日单词卡", "bo"))]
    held_in_check = lambda job: any(e.stage == "render" for e in services.jobs().store.get(job.id).events)  # noqa: E731
    _until(lambda: all(held_in_check(job) for job in busy))  # both threads wait in their check, nothing else runs
    at = _session(users["maker"][1], language)
    at.text_area(key="idea").set_value("一個記錄每週跑步距離的應用" if language == "zh" else "a reading log").run()
    at.button(key="create").click().run()
    assert not at.exception, at.exception
    job_id = str(at.query_params["job"][0] if isinstance(at.query_params["job"], list) else at.query_params["job"])
    assert services.position(job_id) == 1, [services.jobs().store.get(j.id).error for j in busy]
    shown = " ".join(info.value for info in at.info)
    assert ("排第 1 位" in shown) if language == "zh" else ("number 1 in the queue" in shown)
    assert not services.cancel(job_id, Maker(username="someone-else"))  # only the maker who asked
    assert not services.cancel(job_id, Maker(secret="a-browser-that-did-not-ask"))
    at.button(key="queue_cancel").click().run()
    assert services.jobs().store.get(job_id).status == "cancelled" and services.position(job_id) is None
    held.set()
    _until(lambda: all(services.jobs().store.get(job.id).status == "done" for job in busy))
    assert services.jobs().store.get(job_id).status == "cancelled"  # it never ran


def test_maintainers_see_failed_jobs_and_others_are_refused(users: Users) -> None:
    job = services.start_edit("nosuchproject", "make it blue", Maker(username="maker"))
    _until(lambda: services.jobs().store.get(job.id).status == "failed")
    boss = _session(users["boss"][1], "zh")
    boss.switch_page(FAILED).run()
    assert not boss.exception, boss.exception
    [table] = boss.dataframe
    assert list(table.value.columns) == ["时间", "内容", "请求内容", "提示", "制作者", "重试次数"]
    [row] = table.value.to_dict("records")
    assert (row["内容"], row["请求内容"], row["制作者"], row["重试次数"]) == ("修改", "make it blue", "maker", 0)
    assert "nosuchproject" in row["提示"] and "没有项目" in row["提示"]
    maker = _session(users["maker"][1], "en")
    maker.switch_page(FAILED).run()
    assert not maker.dataframe and "Only maintainers" in " ".join(e.value for e in maker.error)
    with pytest.raises(Exception, match="maintainers"):
        services.failed_jobs(users["maker"][0])
