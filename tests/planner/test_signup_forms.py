"""Sign-up and registration forms that check their fields before they are sent: the fields a sentence names,
each with the rules it states (lengths, ranges, digits, capitals, symbols, formats, a matching confirmation),
in English, simplified and traditional Chinese; regex testers and event sign-up sheets keep their own apps."""

from __future__ import annotations

import pytest

from flashapps.spec import CheckFormComponent
from generator.planner import plan


def _rules(idea: str) -> dict[str, set[str]]:
    made = plan(idea)
    assert made.pattern == "signup", (idea, made.pattern)
    form = next(x for x in made.spec.components() if isinstance(x, CheckFormComponent))
    return {f.name: {r.rule + (f"={r.value}" if r.value is not None else "") for r in f.rules} for f in form.fields}


@pytest.mark.parametrize(
    ("idea", "expected"),
    [
        ("a sign-up form that checks the username is 4-12 letters, the password has a digit and a capital, "
         "and the email looks valid",
         {"username": {"min_len=4", "max_len=12", "letters"}, "password": {"digit", "upper"}, "email": {"email"}}),
        ("registration form: email, password at least 10 characters with a symbol, confirm password",
         {"email": {"email"}, "password": {"min_len=10", "symbol"}, "confirm": {"match"}}),
        ("Create an account form where the phone number must be 10 digits and the password needs an uppercase letter",
         {"phone": {"min_len=10", "max_len=10", "digits", "phone"}, "password": {"upper"}}),
        ("a form that validates the user name (3 to 16 characters), age between 13 and 120, and website (optional)",
         {"username": {"min_len=3", "max_len=16"}, "age": {"min_value=13", "max_value=120"}, "website": {"url"}}),
        ("注册表单：手机号11位、密码至少8位", {"phone": {"min_len=11", "max_len=11", "digits"}, "password": {"min_len=8"}}),
        ("做一个注册页面，用户名4到12位，密码必须包含数字和大写字母，两次输入的密码要一致",
         {"username": {"min_len=4", "max_len=12"}, "password": {"digit", "upper"}, "confirm": {"match"}}),
        ("用户注册表单，邮箱格式要正确，密码至少8位并包含特殊符号", {"email": {"email"}, "password": {"min_len=8", "symbol"}}),
        ("註冊表單：帳號至少6個字元，密碼8到20位，要有數字和小寫字母，電子郵件要合法",
         {"username": {"min_len=6"}, "password": {"min_len=8", "max_len=20", "digit", "lower"}, "email": {"email"}}),
        ("會員註冊，手機號碼10位數，生日要是日期格式", {"phone": {"min_len=10", "digits"}, "birthday": {"date"}}),
        ("a login form that checks the password has at least 12 characters", {"password": {"min_len=12"}}),
    ],
)  # fmt: skip
def test_fields_and_their_rules(idea: str, expected: dict[str, set[str]]) -> None:
    rules = _rules(idea)
    assert set(rules) == set(expected), rules
    for name, wanted in expected.items():
        assert wanted <= rules[name], (name, rules[name])
    optional = {name for name, kept in rules.items() if "required" not in kept}
    assert optional == ({"website"} if "optional" in idea else set())


def test_labels_in_the_idea_script() -> None:
    made = plan("註冊表單：帳號至少6個字元，密碼8到20位")
    form = next(x for x in made.spec.components() if isinstance(x, CheckFormComponent))
    assert [f.label for f in form.fields] == ["用戶名", "密碼"] and form.fields[1].secret


@pytest.mark.parametrize(
    ("idea", "pattern"),
    [("正则表达式测试工具", "calculator"), ("a regex tester: type a pattern and some text and see the matches", None),
     ("a sign-up sheet for the school bake sale volunteers", None), ("活动报名表：姓名、电话、人数", None),
     ("a feedback form with name and comments", None)],
)  # fmt: skip
def test_other_apps_stay_theirs(idea: str, pattern: str | None) -> None:
    made = plan(idea)
    assert made.pattern != "signup"
    if pattern:
        assert made.pattern == pattern
