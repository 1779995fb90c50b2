"""Forms that check what is typed before it is sent (sign-up, registration, account forms): the fields the
sentence names (username, password, confirm password, email, phone, name, age, birthday, website), each with the
rules it states near it (a length or a range of lengths, digits / capitals / small letters / symbols, letters or
digits only, optional or required) and the format its kind implies (email, phone, URL, date, equal to the
password). A regex tester and a sign-up sheet for an event keep their own apps."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, Brief, CheckField, CheckFormComponent, FieldRule, Screen, TextComponent
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step

__all__ = ["PATTERN", "read_fields"]

# name, label (en, zh), words (simplified or English), rules it always has
_KINDS: tuple[tuple[str, tuple[str, str], tuple[str, ...], tuple[str, ...]], ...] = (
    ("confirm", ("Confirm password", "确认密码"),
     ("confirm password", "confirm the password", "repeat password", "password again", "re-enter", "确认密码",
      "重复密码", "再输入一次密码", "再次输入密码", "两次密码", "两次输入"), ("match",)),
    ("username", ("Username", "用户名"), ("username", "user name", "user id", "用户名", "账号", "帐号", "昵称",
                                           "登录名"), ()),
    ("password", ("Password", "密码"), ("password", "passcode", "密码"), ()),
    ("email", ("Email", "邮箱"), ("email", "e-mail", "邮箱", "电子邮件", "邮件地址", "信箱"), ("email",)),
    ("phone", ("Phone", "手机号"), ("phone", "mobile", "cell number", "手机号", "手机", "电话"), ("phone",)),
    ("full_name", ("Name", "姓名"), ("full name", "real name", "your name", "姓名", "真实姓名"), ()),
    ("age", ("Age", "年龄"), ("age", "年龄"), ("digits",)),
    ("birthday", ("Birthday", "生日"), ("birthday", "date of birth", "birth date", "生日", "出生日期"), ("date",)),
    ("website", ("Website", "网址"), ("website", "homepage", "url", "网址", "个人主页"), ("url",)),
)  # fmt: skip
_FORM = ("sign-up form", "signup form", "sign up form", "registration", "register", "sign-up", "signup", "sign up",
         "create an account", "account form", "login form", "注册", "开户", "账号申请", "登录表单", "表单")  # fmt: skip
_CHECK = ("validate", "validation", "valid", "check", "checks", "rule", "rules", "at least", "must", "requires",
          "校验", "验证", "检查", "规则", "至少", "必须", "格式", "位", "不少于", "不能少于", "包含",
          "合法")  # fmt: skip
_OTHER_APP = re.compile(
    r"regex|regular expression|正则|\bevent\b|\bworkshop\b|\bvolunteer|\bclass\b|活动|报名|讲座|课程"
)

_NUM = r"(\d{1,3})"
_RANGE = re.compile(rf"(?:between\s*)?{_NUM}\s*(?:-|–|—|~|to|and|至|到)\s*{_NUM}")
_AT_LEAST = re.compile(
    rf"(?:at least|min(?:imum)?|no (?:fewer|less) than|至少|最少|不少于|不能少于|不低于)\s*{_NUM}"
    rf"|{_NUM}\s*(?:\+|or more|位以上|个字符以上|以上)"
)
_AT_MOST = re.compile(
    rf"(?:at most|max(?:imum)?|no more than|up to|最多|不超过|不能超过|不多于)\s*{_NUM}"
    rf"|{_NUM}\s*(?:or fewer|or less|位以内|以内|以下)"
)
_EXACT = re.compile(rf"(?:exactly\s*{_NUM})|{_NUM}\s*(?:digits?|位)(?!以)")
_OPTIONAL = re.compile(r"optional|not required|选填|可选|可以不填|非必填")
_RULE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("digit", ("a digit", "a number", "one number", "one digit", "digits and", "numbers and", "数字")),
    ("upper", ("capital", "uppercase", "upper case", "upper-case", "大写")),
    ("lower", ("lowercase", "lower case", "small letter", "小写")),
    ("symbol", ("symbol", "special character", "punctuation", "特殊字符", "符号", "特殊符号")),
)  # fmt: skip
_ONLY = (("letters", ("letters only", "only letters", "只能是字母", "只能用字母", "纯字母", "英文字母")),
         ("digits", ("digits only", "only digits", "numbers only", "只能是数字", "纯数字")))  # fmt: skip


def _mentions(ctx: Context) -> list[tuple[int, str]]:
    """Where each field kind is first named, in sentence order (a confirm field hides the password it names)."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name, _, words, _ in _KINDS:
        spots = [(m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), ctx.text)]
        spots = [s for s in spots if not any(a <= s[0] < b for a, b in taken)]
        if spots:
            found.append((min(spots)[0], name))
            taken += spots
    return sorted(found)


def _rules(name: str, part: str, always: tuple[str, ...]) -> list[FieldRule]:
    """The rules the sentence states about one field (``part``: its words up to the next field)."""
    rules = [] if _OPTIONAL.search(part) else [FieldRule(rule="required")]
    low = high = None
    if m := _RANGE.search(part):
        low, high = sorted((int(m.group(1)), int(m.group(2))))
    if m := _AT_LEAST.search(part):
        low = int(m.group(1) or m.group(2))
    if m := _AT_MOST.search(part):
        high = int(m.group(1) or m.group(2))
    if (m := _EXACT.search(part)) and low is None and high is None:
        low = high = int(m.group(1) or m.group(2))
    if name == "age" and (low is not None or high is not None):
        rules += [FieldRule(rule="min_value", value=low)] if low is not None else []
        rules += [FieldRule(rule="max_value", value=high)] if high is not None else []
    else:
        rules += [FieldRule(rule="min_len", value=low)] if low is not None else []
        rules += [FieldRule(rule="max_len", value=high)] if high is not None else []
    for rule, words in (*_RULE_WORDS, *_ONLY):
        if any(w in part for w in words) and not (name in ("phone", "age") and rule == "digit"):
            rules.append(FieldRule(rule=rule))
    if name == "username" and re.search(r"\d\s*(?:-|–|to|至|到)\s*\d+\s*(?:letters|个字母)", part):
        rules = [r for r in rules if r.rule != "letters"] + [FieldRule(rule="letters")]
    for rule in always:
        if rule == "match":
            rules.append(FieldRule(rule="match", other="password"))
        elif rule not in {r.rule for r in rules}:
            rules.append(FieldRule(rule=rule))
    if name == "phone" and low is not None and "digits" not in {r.rule for r in rules}:
        rules.append(FieldRule(rule="digits"))
    return rules[:10]


def read_fields(ctx: Context) -> list[CheckField]:
    """The fields the sentence names with their rules; a username, email, password and its confirmation when
    it names none."""
    mentions = _mentions(ctx)
    if not mentions:
        mentions = [(n, name) for n, name in enumerate(("username", "email", "password", "confirm"))]
    names = [name for _, name in mentions]
    if "confirm" in names and "password" not in names:
        mentions.append((len(ctx.text), "password"))
    fields: list[CheckField] = []
    for at, (start, name) in enumerate(mentions):
        end = mentions[at + 1][0] if at + 1 < len(mentions) else len(ctx.text)
        kind = next(k for k in _KINDS if k[0] == name)
        rules = _rules(name, ctx.text[start:end], kind[3])
        if name == "password" and len(rules) == 1:
            rules.append(FieldRule(rule="min_len", value=8))  # a password with no rule named: 8 characters
        label = ctx.t(*kind[1])
        fields.append(CheckField(name=name, label=label, secret=name in ("password", "confirm"), rules=rules))
    confirm = next((f for f in fields if f.name == "confirm"), None)
    if confirm is not None:  # the confirmation right after the password
        fields.remove(confirm)
        fields.insert(next(n for n, f in enumerate(fields) if f.name == "password") + 1, confirm)
    return fields


def _score(ctx: Context) -> Match:
    if _OTHER_APP.search(ctx.text) and not ctx.has("password", "密码"):
        return Match()
    if re.search(r"regex|regular expression|正则", ctx.text):
        return Match()
    mentions = {name for _, name in _mentions(ctx)}
    form = ctx.has(*_FORM) or (ctx.has("form", "表格") and len(mentions) >= 2)
    checks = ctx.has(*_CHECK)
    secret = bool(mentions & {"password", "confirm"})
    if not (form or secret) or not checks or len(mentions) + form < 2:
        return Match()
    return Match(30 + 2 * len(mentions), ("password" if secret else "sign-up",))


def _good(field: CheckField, password: str) -> str:
    """A value that keeps every rule of ``field``."""
    kinds = {r.rule: r.value for r in field.rules}
    low, high = kinds.get("min_len") or 0, kinds.get("max_len") or 30
    if "match" in kinds:
        return password
    samples = {"email": "ann@example.com", "url": "example.com", "date": "2024-05-01"}
    for kind, sample in samples.items():
        if kind in kinds:
            return sample
    if "phone" in kinds or "digits" in kinds:
        size = max(low, min(high, 10)) if "min_value" not in kinds else 0
        if "min_value" in kinds or "max_value" in kinds:
            return str(int(kinds.get("min_value") or 0) + 1 if "max_value" not in kinds else kinds["max_value"])
        return ("1" + "3812345678901234")[:size]
    text = "Ab1!" if field.secret or any(k in kinds for k in ("digit", "upper", "symbol")) else "Ann"
    if "letters" in kinds:
        text = "Ann"
    if "symbol" not in kinds and not field.secret:
        text = text.replace("!", "")
    filler = "a" if "letters" in kinds or "symbol" in kinds or field.secret else "b"
    size = max(low, min(high, max(len(text), 6)))
    return (text + filler * size)[:size]


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    fields = read_fields(ctx)
    password = ""
    values: dict[str, str] = {}
    for f in fields:
        values[f.name] = _good(f, password)
        password = values[f.name] if f.name == "password" else password
    form = CheckFormComponent(id="signup", fields=fields, submit_label=t("Sign up", "注册"))
    secret = any(f.secret for f in fields)
    note = t(
        "Each field shows its rules with ✅ or ❌ as soon as it is typed; **Sign up** is refused with every rule "
        "not kept listed." + (" Passwords are checked here and never stored." if secret else ""),
        "每一栏填写后都会显示它的规则：✅ 满足，❌ 不满足；有规则没满足时点 **注册** 不会提交，并列出所有没满足的规则。"
        + ("密码只在这里检查，不会保存。" if secret else ""),
    )
    first = fields[0]
    paths = [
        path(
            "refused_empty",
            t(
                "Sending an empty form is refused and the rules not kept are listed.",
                "空表单提交会被拒绝，并列出没满足的规则。",
            ),
            [step("click", "signup__submit")],
            [expect("signup.saved", 0), expect("signup.valid", False), expect("signup.failed", None, "truthy")],
        ),
        path(
            "all_rules_kept",
            t("A form that keeps every rule is sent and kept.", "每条规则都满足的表单可以提交并保存。"),
            [*(step("set", f"signup__{f.name}", values[f.name]) for f in fields), step("click", "signup__submit")],
            [expect("signup.saved", 1)],
        ),
        path(
            "one_rule_broken",
            t(f"With “{first.label}” left empty the form is not valid.", f"“{first.label}”没填时表单不合格。"),
            [*(step("set", f"signup__{f.name}", values[f.name]) for f in fields[1:]), step("click", "signup__submit")],
            [expect("signup.saved", 0), expect("signup.valid", False)],
        ),
    ]
    brief = Brief(
        title=ctx.script(t("Sign-up Form", "注册表单")),
        value=ctx.script(t("A form that checks every field's rules before it is sent.", "提交前逐条检查规则的表单。")),
        audience=ctx.script(t("People signing up", "注册的用户")),
        language=ctx.language,
        icon="📝",
        category="other",
        inputs=[f.label for f in fields][:12],
        feedback=[
            ctx.script(t("each rule kept or not, and why a form was refused", "每条规则是否满足，以及没通过的原因"))
        ],
        theme=ctx.theme("blue"),
    )
    screen = Screen(name="signup", title=ctx.script(t("Sign up", "注册")), icon="📝",
                    components=[TextComponent(id="intro", body=ctx.script(note)), form])  # fmt: skip
    return AppSpec(brief=brief, entities=[], screens=[screen], key_paths=paths)


PATTERN = Pattern(
    name="signup",
    label_en="sign-up form with checks",
    label_zh="带校验的注册表单",
    score=_score,
    build=build,
    hint_en="sign-up form",
    hint_zh="注册表单",
)
