"""Classes in the studio: the join page (code + nickname, an HttpOnly member cookie), the proxy's gate
for class-only apps (a clear page for outsiders, visitor ids noted for members), the retention sweep's
timing, and the teacher's page (make a class, share an app, see each student's score, export CSV).

Routes are served by a plain Starlette app (see test_studio_auth.py for why not ``st.App``)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable, Iterator

import httpx2
import pytest
from starlette.applications import Starlette
from streamlit.testing.v1 import AppTest

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Gallery, UserView
from generator.planner import plan
from generator.render import render
from studio import services
from studio.auth import COOKIE as SESSION_COOKIE
from studio.serving.class_gate import MEMBER_COOKIE, ClassGate, Sweeper, member_tokens
from studio.serving.proxy import proxy_routes
from studio.serving.runner import AppRunner
from studio.serving.targets import Targets
from studio.web.join import join_routes

Call = Callable[..., httpx2.Response]
WORDS = "apple, banana, cherry, dragon, eagle, forest, garden, harbor, island, jungle"


@pytest.fixture(scope="module")
def quiz_bundle(tmp_path_factory: pytest.TempPathFactory) -> AppBundle:
    return render(plan(f"a spelling quiz with these words: {WORDS}").spec, tmp_path_factory.mktemp("q") / "b")


@pytest.fixture
def teacher(gallery: Gallery) -> tuple[UserView, str]:
    user = gallery.accounts.register("teacher", "a long password")
    return user, gallery.accounts.login("teacher", "a long password")


@pytest.fixture
def class_app(gallery: Gallery, teacher: tuple[UserView, str], quiz_bundle: AppBundle, passed: VerifyReport
              ) -> tuple[str, str]:  # fmt: skip
    """(class code, slug of a quiz shared with that class alone)."""
    made = gallery.classes.create(teacher[0], "3B")
    slug = gallery.apps.publish(teacher[0], quiz_bundle, passed).slug
    gallery.classes.share(teacher[0], made.code, slug)
    return made.code, slug


@pytest.fixture
def call(gallery: Gallery) -> Iterator[Call]:
    gate = ClassGate(services.gallery)
    runner = AppRunner(Targets(services.gallery))
    routes, proxy = proxy_routes(runner, gate=gate)
    app = Starlette(routes=[*join_routes(services.gallery, gate.sweeper), *routes])

    def _call(path: str, method: str = "GET", cookies: dict[str, str] | None = None, **kwargs: object
              ) -> httpx2.Response:  # fmt: skip
        async def once() -> httpx2.Response:
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(transport=transport, base_url="http://studio.test", cookies=cookies) as c:
                return await c.request(method, path, **kwargs)  # type: ignore[arg-type]

        return asyncio.run(once())

    yield _call
    asyncio.run(proxy.aclose())
    runner.stop_all()


def _set_cookie(response: httpx2.Response) -> str:
    (header,) = [v for k, v in response.headers.multi_items() if k.lower() == "set-cookie"]
    return header


def test_a_student_joins_with_a_code_and_a_nickname(call: Call, gallery: Gallery, class_app: tuple[str, str]) -> None:
    code, slug = class_app
    form = call(f"/join?code={code}", headers={"accept-language": "zh-CN"})
    assert form.status_code == 200 and "加入班级" in form.text and f'value="{code}"' in form.text
    wrong = call("/join", "POST", data={"code": "nope", "nickname": "Mia", "lang": "en"})
    assert wrong.status_code == 400 and "no class with this code" in wrong.text
    assert "set-cookie" not in wrong.headers
    joined = call("/join", "POST", data={"code": code.lower(), "nickname": "<b>Mia</b>", "next": f"/apps/{slug}/"})
    assert joined.status_code == 303 and joined.headers["location"] == f"/apps/{slug}/"
    cookie = _set_cookie(joined)
    assert cookie.startswith(f"{MEMBER_COOKIE}=") and "HttpOnly" in cookie and "Path=/" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    assert gallery.classes.member(token).nickname == "<b>Mia</b>"  # type: ignore[union-attr]
    listing = call("/join/apps", cookies={MEMBER_COOKIE: token})
    assert f'href="/apps/{slug}/"' in listing.text and "&lt;b&gt;Mia&lt;/b&gt;" in listing.text
    taken = call("/join", "POST", data={"code": code, "nickname": "<B>mia</B>"})
    assert taken.status_code == 400 and "choose another nickname" in taken.text
    elsewhere = call("/join", "POST", data={"code": code, "nickname": "Leo"}, headers={"sec-fetch-site": "cross-site"})
    assert elsewhere.status_code == 403 and len(gallery.classes.members(gallery.accounts.get("teacher"), code)) == 1
    second = call("/join", "POST", data={"code": code, "nickname": "Leo"}, cookies={MEMBER_COOKIE: token})
    assert member_tokens({MEMBER_COOKIE: _set_cookie(second).split(";")[0].split("=", 1)[1]})[1] == token
    assert second.headers["location"] == "/join/apps"


def test_outsiders_get_a_page_saying_the_app_is_for_a_class(
    call: Call, gallery: Gallery, class_app: tuple[str, str], teacher: tuple[UserView, str],
    bundles: Callable[..., AppBundle], passed: VerifyReport,
) -> None:  # fmt: skip
    code, slug = class_app
    refused = call(f"/apps/{slug}/", headers={"accept-language": "en"})
    assert refused.status_code == 403
    assert "This app is for a class" in refused.text and "“3B”" in refused.text and "/join?next=" in refused.text
    zh = call(f"/apps/{slug}/", headers={"accept-language": "zh"})
    assert "这个应用只对一个班级开放" in zh.text
    other = gallery.classes.create(teacher[0], "4A")
    outsider, _ = gallery.classes.join(other.code, "Leo")
    assert call(f"/apps/{slug}/", cookies={MEMBER_COOKIE: outsider}).status_code == 403
    member, _ = gallery.classes.join(code, "Mia")
    for cookies in ({MEMBER_COOKIE: f"{outsider}.{member}"}, {SESSION_COOKIE: teacher[1]}):
        assert call(f"/apps/{slug}/", cookies=cookies).status_code != 403  # on to the runner
    public = gallery.apps.publish(teacher[0], bundles(title="Water"), passed)
    assert call(f"/apps/{public.slug}/").status_code != 403
    target = Targets(services.gallery)(slug)
    assert (target.data_key, target.fingerprint) == (slug, gallery.classes.served_version(slug).digest)


def test_a_members_visitor_id_is_noted_when_the_app_opens(gallery: Gallery, class_app: tuple[str, str]) -> None:
    code, slug = class_app
    gate = ClassGate(services.gallery)
    member, _ = gallery.classes.join(code, "Mia")
    assert gate.admit_socket(slug, "a" * 32, {MEMBER_COOKIE: member})
    assert gate.admit_socket(f"{slug}--v1", "b" * 32, {MEMBER_COOKIE: member})
    assert not gate.admit_socket(slug, "c" * 32, {})
    assert gallery.classes.visitors(gallery.accounts.get("teacher"), slug) == {"a" * 32: "Mia", "b" * 32: "Mia"}
    assert gate.admit_socket("draft-abc", "d" * 32, {})


def test_the_sweep_runs_at_most_once_an_hour_with_the_clock_it_is_given(
    gallery: Gallery, teacher: tuple[UserView, str]
) -> None:
    made = gallery.classes.create(teacher[0], "3B", retention_days=7)
    token, _ = gallery.classes.join(made.code, "Mia", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    ticks = [0.0]
    now = [dt.datetime(2026, 1, 5, tzinfo=dt.UTC)]
    sweeper = Sweeper(lambda when: gallery.classes.sweep(now=when), clock=lambda: now[0], monotonic=lambda: ticks[0])
    assert sweeper.maybe() and gallery.classes.member(token) is not None
    now[0] = dt.datetime(2026, 1, 9, tzinfo=dt.UTC)
    ticks[0] = 1800.0
    assert not sweeper.maybe() and gallery.classes.member(token) is not None
    ticks[0] = 3600.0
    assert sweeper.maybe() and gallery.classes.member(token) is None


def test_the_teacher_makes_a_class_and_sees_each_students_score(
    studio: Callable[..., AppTest], gallery: Gallery, teacher: tuple[UserView, str], quiz_bundle: AppBundle,
    passed: VerifyReport,
) -> None:  # fmt: skip
    at = studio("web/classes.py", token=teacher[1])
    at.text_input(key="cls_new_name").input("Class 3B")
    at.button(key="cls_create").click().run()
    assert not at.exception, at.exception
    (made,) = gallery.classes.mine(teacher[0])
    assert made.name == "Class 3B" and any(made.code in c.value for c in at.code)
    slug = gallery.apps.publish(teacher[0], quiz_bundle, passed).slug
    at.run()
    at.button(key=f"cls_share_go_{made.code}").click().run()
    assert gallery.classes.class_of(slug) is not None
    data = gallery.classes.data_root / slug
    data.mkdir(parents=True, exist_ok=True)
    import sqlite3

    with sqlite3.connect(data / "app.sqlite3") as db:
        db.execute("CREATE TABLE _kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for n, (name, score) in enumerate({"Mia": 9, "Leo": 7, "小明": 10}.items()):
            token, _ = gallery.classes.join(made.code, name)
            gallery.classes.note_visit(slug, f"{n:032x}", [token])
            db.execute("INSERT INTO _kv VALUES (?, ?)", (f"quiz:quiz:best@{n:032x}", json.dumps(score)))
    at.run()
    assert not at.exception, at.exception
    scores = at.table[0].value
    assert sorted(scores.iloc[:, 1]) == ["10 / 10", "7 / 10", "9 / 10"]
    assert sorted(scores.iloc[:, 0]) == ["Leo", "Mia", "小明"]
    assert at.get("download_button")
    at.checkbox(key=f"cls_delete_sure_{made.code}").check().run()
    at.button(key=f"cls_delete_{made.code}").click().run()
    assert gallery.classes.members(teacher[0], made.code) == []
