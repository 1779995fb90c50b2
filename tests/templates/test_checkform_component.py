"""Sign-up forms that check their rules: each rule shown ✅/❌ as the field is typed, sending refused with every
failed rule listed in the user's language, records kept without passwords; the bundles' own tests pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_under_test import open_app, shown
from support import ruff_problems, run_bundle_tests

from flashapps.policy import check_bundle
from generator.planner import plan
from generator.render import render

EN = "a sign-up form that checks the username is 4-12 letters, the password has a digit and a capital, the email looks valid, and a confirm password"


def _type(at, values: dict[str, str]) -> None:
    for name, value in values.items():
        at.text_input(key=f"signup__{name}").set_value(value).run()


def test_rules_refuse_then_accept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, at = open_app(EN, tmp_path, monkeypatch)
    assert [w.key for w in at.text_input] == [
        "signup__username",
        "signup__password",
        "signup__confirm",
        "signup__email",
    ]
    _type(at, {"username": "ab1", "password": "secret", "confirm": "secreT", "email": "ann@"})
    failed = shown(at, "signup.failed")
    assert shown(at, "signup.valid") is False
    assert "Username: At least 4 characters" in failed and "Username: Letters only" in failed
    assert "Password: Has a digit" in failed and "Password: Has a capital letter" in failed
    assert "Confirm password: Same as Password" in failed and any(f.startswith("Email:") for f in failed)
    assert any("❌ At least 4 characters" in c.value for c in at.caption)  # shown while typing
    at.button(key="signup__submit").click().run()
    assert shown(at, "signup.saved") == 0 and at.error and "Username: Letters only" in at.error[0].value
    _type(at, {"username": "annlee", "password": "Secret7", "confirm": "Secret7", "email": "ann@example.com"})
    assert shown(at, "signup.valid") is True and any("✅ Has a digit" in c.value for c in at.caption)
    at.button(key="signup__submit").click().run()
    assert shown(at, "signup.saved") == 1
    last = shown(at, "signup.last")
    assert last["Username"] == "annlee" and last["Email"] == "ann@example.com"
    assert "Secret7" not in str(last) and "Secret7" not in "".join(p.read_text(errors="ignore")
                                                             for p in bundle.rglob("*") if p.is_file())  # fmt: skip


def test_chinese_rules_and_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("注册表单：手机号11位、密码至少8位", tmp_path, monkeypatch)
    _type(at, {"phone": "1381234", "password": "abc"})
    at.button(key="signup__submit").click().run()
    failed = shown(at, "signup.failed")
    assert "手机号：至少 11 个字符" in [f.replace(": ", "：") for f in failed] or "手机号: 至少 11 个字符" in failed
    assert "密码: 至少 8 个字符" in failed and shown(at, "signup.saved") == 0
    _type(at, {"phone": "13812345678", "password": "abcdefgh"})
    at.button(key="signup__submit").click().run()
    assert shown(at, "signup.saved") == 1 and "abcdefgh" not in str(shown(at, "signup.last"))


@pytest.mark.parametrize(
    "idea",
    [
        EN,
        "註冊表單：帳號至少6個字元，密碼8到20位，要有數字和小寫字母，電子郵件要合法",
        "會員註冊，手機號碼10位數，生日要是日期格式",
    ],
)
def test_bundle_tests_pass_and_are_ruff_clean(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    assert check_bundle(bundle) == []
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
