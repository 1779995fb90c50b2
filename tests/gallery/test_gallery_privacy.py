"""The privacy check: personal data a spec would collect must be confirmed before publishing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.errors import UserError
from flashapps.report import VerifyReport
from flashapps.spec import AppSpec, DataField
from gallery import Gallery, UserView, scan_spec
from generator.render import render


def _with_fields(*fields: DataField, entity_label: str = "Drink") -> AppSpec:
    spec = water_tracker()
    data = spec.model_dump(mode="json")
    data["entities"][0]["fields"] += [f.model_dump(mode="json") for f in fields]
    data["entities"][0]["label"] = entity_label
    return AppSpec.model_validate(data)


def _categories(spec: AppSpec) -> set[str]:
    return {f.category for f in scan_spec(spec)}


def test_a_water_tracker_collects_nothing_personal() -> None:
    assert scan_spec(water_tracker()) == []


@pytest.mark.parametrize(
    ("field", "category"),
    [
        (DataField(name="xingming", label="学生姓名", required=False), "name"),
        (DataField(name="dianhua", label="手机号", required=False), "phone"),
        (DataField(name="contact", label="联系电话", required=False), "phone"),
        (DataField(name="mail", label="邮箱", required=False), "email"),
        (DataField(name="idcard", label="身份证号", required=False), "id_number"),
        (DataField(name="home", label="家庭住址", required=False), "address"),
        (DataField(name="birthday", label="生日", type="date", required=False), "birth_date"),
        (DataField(name="weight", label="体重", type="float", required=False), "health"),
        (DataField(name="bp", label="血压", required=False), "health"),
        (DataField(name="illness", label="病史", required=False), "health"),
        (DataField(name="email", label="Email address", required=False), "email"),
        (DataField(name="phone_number", label="Phone", required=False), "phone"),
        (DataField(name="home_address", label="Where you live", required=False), "address"),
        (DataField(name="passport_no", label="Passport", required=False), "id_number"),
        (DataField(name="full_name", label="Full name", required=False), "name"),
        (DataField(name="dob", label="Date of birth", type="date", required=False), "birth_date"),
        (DataField(name="blood_pressure", label="Blood pressure", required=False), "health"),
        (DataField(name="symptoms", label="Symptoms", required=False), "health"),
        (DataField(name="pupil", label="Student", required=False), "student"),
    ],
)
def test_fields_are_recognised_in_english_and_chinese(field: DataField, category: str) -> None:
    assert category in _categories(_with_fields(field))


def test_a_plain_name_field_counts_only_for_people() -> None:
    name = DataField(name="name", label="Name", required=False)
    assert "name" not in _categories(_with_fields(name, entity_label="Drink"))
    assert "name" in _categories(_with_fields(name, entity_label="Student"))


def test_values_that_look_personal_are_found() -> None:
    spec = water_tracker()
    data = spec.model_dump(mode="json")
    data["brief"]["audience"] = "ask tom@example.com or call 13812345678"
    found = {(f.category, f.where, f.text) for f in scan_spec(AppSpec.model_validate(data))}
    assert ("email", "brief.audience", "tom@example.com") in found
    assert ("phone", "brief.audience", "13812345678") in found


def test_publishing_needs_confirmation_and_keeps_the_findings(
    gallery: Gallery, maker: UserView, maintainer: UserView, passed: VerifyReport, tmp_path: Path
) -> None:
    spec = _with_fields(DataField(name="xingming", label="姓名", required=False),
                        DataField(name="weight", label="体重", type="float", required=False), entity_label="学生")  # fmt: skip
    bundle = render(spec, tmp_path / "private")
    with pytest.raises(UserError) as refused:
        gallery.apps.publish(maker, bundle, passed)
    assert "姓名" in refused.value.message("zh") and "健康数据" in refused.value.message("zh")
    assert "person names" in refused.value.message("en") and "health data" in refused.value.message("en")
    assert gallery.browse().total == 0 and list(gallery.files.files_dir.iterdir()) == []

    reviewing = type(gallery)(gallery.settings.model_copy(update={"review_first": True}), engine=gallery.engine)
    app = reviewing.apps.publish(maker, bundle, passed, confirm_privacy=True)
    stored = gallery.apps.get_version(app.slug, viewer=maker).privacy_findings
    assert {f.category for f in stored} == {"name", "health", "student"}
    [item] = gallery.curation.queue(maintainer)
    assert item.privacy_findings == stored
    assert gallery.curation.inspect(maintainer, app.slug).version.privacy_findings == stored
