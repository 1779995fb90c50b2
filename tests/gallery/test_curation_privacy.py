"""The privacy findings speak the user's words: the field's label and the form's title, in en, zh-Hans and zh-Hant,
never the spec's internal names; login codes, passwords and PINs count as personal data too."""

from __future__ import annotations

import pytest
from sample_specs import water_tracker

from flashapps.spec import AppSpec, DataField
from gallery import scan_spec
from gallery.privacy import PrivacyFinding, describe_findings


def _form(*fields: DataField, label: str = "Sign-up", inputs: tuple[str, ...] = ()) -> AppSpec:
    data = water_tracker().model_dump(mode="json")
    data["entities"][0]["fields"] += [f.model_dump(mode="json") for f in fields]
    data["entities"][0]["label"] = label
    data["brief"]["inputs"] = [*data["brief"]["inputs"], *inputs]
    return AppSpec.model_validate(data)


@pytest.mark.parametrize(
    ("name", "label", "category"),
    [
        ("code", "Secret login code", "secret"),
        ("pw", "Password", "secret"),
        ("pin", "PIN", "secret"),
        ("verify", "Verification code", "secret"),
        ("mima", "登录密码", "secret"),
        ("yzm", "验证码", "secret"),
        ("mima_t", "登入密碼", "secret"),
        ("sid", "Student ID", "id_number"),
        ("nid", "National ID number", "id_number"),
        ("ssn", "Social security number", "id_number"),
        ("pp", "Passport", "id_number"),
        ("xuehao", "学号", "id_number"),
        ("sfz", "身分證字號", "id_number"),
        ("huzhao", "護照號碼", "id_number"),
        ("addr", "Home address", "address"),
        ("dizhi", "通訊地址", "address"),
        ("tel", "Mobile", "phone"),
        ("dianhua", "聯絡電話", "phone"),
        ("mail", "Email", "email"),
        ("youxiang", "電子郵件", "email"),
        ("bday", "Date of birth", "birth_date"),
        ("shengri", "生日", "birth_date"),
        ("meds", "Medications", "health"),
        ("tizhong", "體重", "health"),
        ("jiankang", "健康状况", "health"),
    ],
)
def test_personal_fields_are_found_in_english_simplified_and_traditional(name: str, label: str, category: str) -> None:
    findings = [
        f for f in scan_spec(_form(DataField(name=name, label=label, required=False))) if f.category == category
    ]
    assert findings, label
    assert any(f.label == label for f in findings)


def test_a_finding_names_the_field_by_its_label_and_the_form_by_its_title() -> None:
    spec = _form(DataField(name="login_code", label="Secret login code", required=False), label="Class sign-up")
    [finding] = [f for f in scan_spec(spec) if f.category == "secret"]
    assert finding.describe("en") == "passwords, PINs or login codes: the field “Secret login code” in “Class sign-up”"
    assert finding.describe("zh") == "密码、PIN 或登录码：“Class sign-up”中的字段“Secret login code”"
    assert finding.describe("zh-Hans") == finding.describe("zh")
    assert finding.describe("zh-Hant") == "密碼、PIN 或登入碼：「Class sign-up」中的欄位「Secret login code」"
    for language in ("en", "zh", "zh-Hant"):
        assert "login_code" not in finding.describe(language) and "drink" not in finding.describe(language)


def test_no_internal_name_is_ever_shown() -> None:
    spec = _form(
        DataField(name="phone", label="手机号", required=False),
        DataField(name="day_log_phone", label="Parent's phone", required=False),
        label="Daily log",
        inputs=("your student ID", "家长电话"),
    )
    findings = scan_spec(spec)
    assert {"phone", "id_number"} <= {f.category for f in findings}
    for language in ("en", "zh", "zh-Hant"):
        text = describe_findings(findings, language)
        assert "brief.inputs" not in text and "drink." not in text and "day_log_phone" not in text
        assert "entity " not in text and "component " not in text
    lines = describe_findings(findings, "en").splitlines()
    assert "- phone numbers: the field “手机号” in “Daily log”" in lines
    assert any("what the app asks for: “your student ID”" in line for line in lines)
    assert any("“家长电话”" in line for line in describe_findings(findings, "zh").splitlines())


def test_values_written_in_the_app_are_quoted_not_located() -> None:
    data = water_tracker().model_dump(mode="json")
    data["brief"]["audience"] = "ask tom@example.com"
    [finding] = scan_spec(AppSpec.model_validate(data))
    assert finding.describe("en") == "email addresses: written in the app: “tom@example.com”"
    assert "brief" not in finding.describe("zh-Hant")


def test_findings_stored_before_labels_still_read() -> None:
    old = PrivacyFinding.model_validate({"category": "phone", "where": "drink.phone", "text": "Phone"})
    assert old.describe("en") == "phone numbers: the field “Phone”" and "drink" not in old.describe("zh")
