"""Privacy check before publishing: personal data a spec would collect or ships with.

Field names, labels, help texts, the brief's inputs, metric and component titles are
matched against words for names, phone numbers, email, ID numbers, addresses, birth
dates, students, health data and secrets (passwords, PINs, login codes), in English,
simplified and traditional Chinese; every string in the spec is also scanned for values
that look like an email address, a phone or an ID number. A finding names the field by
its label and the form by its title (``describe``), never by the spec's internal names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict

from flashapps.spec import AppSpec

__all__ = ["CATEGORY_LABELS", "PrivacyFinding", "describe_findings", "scan_spec"]

Category = Literal["name", "phone", "email", "id_number", "address", "birth_date", "student", "health", "secret"]
Place = Literal["", "field", "input", "metric", "entity", "component", "value"]

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "name": ("person names", "姓名"),
    "phone": ("phone numbers", "电话号码"),
    "email": ("email addresses", "邮箱地址"),
    "id_number": ("ID numbers", "证件号码"),
    "address": ("home addresses", "住址"),
    "birth_date": ("birth dates", "出生日期"),
    "student": ("student data", "学生信息"),
    "health": ("health data", "健康数据"),
    "secret": ("passwords, PINs or login codes", "密码、PIN 或登录码"),
}
_HANT: dict[str, str] = {
    "name": "姓名", "phone": "電話號碼", "email": "電子郵件地址", "id_number": "證件號碼", "address": "住址",
    "birth_date": "出生日期", "student": "學生資料", "health": "健康資料", "secret": "密碼、PIN 或登入碼",
}  # fmt: skip
_PLACES: dict[str, tuple[str, str, str]] = {
    "field": ("the field “{label}”", "字段“{label}”", "欄位「{label}」"),
    "field_in": ("the field “{label}” in “{place}”", "“{place}”中的字段“{label}”", "「{place}」中的欄位「{label}」"),
    "input": ("what the app asks for: “{label}”", "应用要填写的内容：“{label}”", "應用要填寫的內容：「{label}」"),
    "metric": ("the figure “{label}”", "统计项“{label}”", "統計項「{label}」"),
    "entity": ("the records “{label}”", "记录“{label}”", "記錄「{label}」"),
    "component": ("the part “{label}”", "页面部分“{label}”", "頁面部分「{label}」"),
    "value": ("written in the app: “{label}”", "写在应用里的内容：“{label}”", "寫在應用裡的內容：「{label}」"),
}  # fmt: skip

_EN: dict[str, str] = {
    "email": r"e ?mail(?: address)?",
    "phone": r"phone|telephone|mobile|cell ?phone|tel|whats ?app|wechat|contact number|phone number",
    "id_number": r"id (?:number|no|card)|national id|passport|ssn|social security|driver(?:s| s)? licen[cs]e|"
    r"identity (?:card|number)|student (?:id|number|no)|employee (?:id|number)|tax (?:id|number)|nric|hkid",
    "secret": r"pass ?words?|pass ?codes?|pass ?phrases?|pins?(?: code| number)?|log ?in codes?|sign ?in codes?|"
    r"secret(?: \w+)? codes?|secrets?|verification codes?|security (?:codes?|questions?)|access codes?|one time codes?|"
    r"otp|cvv|pwd",
    "address": r"address|street|post ?code|zip ?code|postal code",
    "name": r"full name|first name|last name|given name|family name|surname|your name|(?:student|child|kid|"
    r"patient|parent|contact|person|member|guest|customer|employee)(?:s| s)? name",
    "birth_date": r"birthday|birth ?date|date of birth|dob",
    "student": r"students?|pupils?|learners?|classmates?",
    "health": r"weight|blood pressure|heart rate|pulse|blood sugar|glucose|bmi|symptoms?|diagnos\w*|"
    r"medications?|medicines?|pills?|illness\w*|disease\w*|allerg\w*|menstrua\w*|pregnan\w*|mental health|"
    r"body temp\w*|height|medical\w*|health (?:records?|conditions?|issues?|problems?)|disabilit\w*",
}
_ZH: dict[str, str] = {  # simplified and traditional
    "email": r"邮箱|电子邮件|邮件地址|电邮|郵箱|電子郵件|郵件地址|電郵",
    "phone": r"电话|手机|联系方式|微信号|電話|手機|聯絡方式|聯繫方式|微信號",
    "id_number": r"身份证|证件号|护照|学号|社保号|工号|身分證|身份證|證件號|護照|學號|社保號|社會安全號|工號",
    "address": r"地址|住址|邮编|门牌|郵編|郵遞區號|門牌",
    "name": r"姓名|名字|姓氏",
    "birth_date": r"生日|出生日期|出生年月",
    "student": r"学生|同学|学员|學生|同學|學員",
    "health": r"体重|血压|心率|血糖|病|症状|药|过敏|诊断|体温|月经|怀孕|身高|健康|"
    r"體重|血壓|血糖|症狀|藥|過敏|診斷|體溫|月經|懷孕",
    "secret": r"密码|口令|验证码|登录码|登入码|暗号|密碼|驗證碼|登錄碼|登入碼|暗號|PIN ?码|PIN ?碼",
}
_WORDS = {key: re.compile(rf"\b(?:{_EN[key]})\b|{_ZH[key]}", re.IGNORECASE) for key in _EN}
_PERSON = re.compile(
    r"\b(?:students?|persons?|people|members?|contacts?|patients?|child(?:ren)?|kids?|friends?|guests?|"
    r"employees?|customers?|clients?|users?|pupils?)\b|学生|成员|联系人|病人|孩子|员工|客户|朋友|同学",
    re.IGNORECASE,
)
_VALUES: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "phone": re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|\+\d[\d -]{7,}\d"),
    "id_number": re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"),
}
_COLLECTING = {"form", "table", "picker", "checklist", "counter", "filter", "csv", "booking", "seats"}


class PrivacyFinding(BaseModel):
    """One place where the app would collect (or ships) personal data."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: Category
    where: str
    """The spec's internal path (for the dedupe and for tools); never shown to people."""
    text: str
    label: str = ""
    """What the field, input or part is called in the app (its label or title)."""
    place: str = ""
    """The title of the form (or the records) the field belongs to, when it has one."""
    kind: Place = ""

    def describe(self, language: str = "en") -> str:
        """One line in ``language`` (en, zh or zh-Hans, zh-Hant): what kind of data, and where, by label."""
        hant = language == "zh-Hant"
        column = 2 if hant else 1 if language.startswith("zh") else 0
        en, zh = CATEGORY_LABELS[self.category]
        what = (en, zh, _HANT[self.category])[column]
        label = self.label or self.text
        kind: str = self.kind or "field"
        if kind == "field" and self.place and self.place != label:
            kind = "field_in"
        where = _PLACES[kind][column].format(label=label, place=self.place)
        return f"{what}：{where}" if column else f"{what}: {where}"


def _words(text: str) -> str:
    """Identifier or label as lower-case words: ``firstName`` / ``first_name`` → ``first name``."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return re.sub(r"[_\-'’]+", " ", text).lower()


def _match(text: str) -> list[str]:
    words = _words(text)
    found = [category for category, pattern in _WORDS.items() if pattern.search(words)]
    if "email" in found and "address" in found and not _WORDS["address"].search(_WORDS["email"].sub(" ", words)):
        found.remove("address")
    return found


def _titles(spec: AppSpec) -> dict[str, str]:
    """The title people see for each entity's records: its form's title, else the entity's label."""
    titles = {entity.name: entity.label for entity in spec.entities}
    for component in spec.components():
        entity = getattr(component, "entity", None)
        if isinstance(entity, str) and component.title and (component.kind == "form" or entity not in titles):
            titles[entity] = component.title
    return titles


def _labelled(spec: AppSpec) -> Iterator[tuple[str, str, bool, str, str, Place]]:
    """(where, text, about a person, label, place, kind) for every name and label that says what is collected."""
    for i, text in enumerate(spec.brief.inputs):
        yield f"brief.inputs[{i}]", text, False, text, "", "input"
    for metric in spec.brief.metrics:
        yield f"metric {metric.name}", metric.label, False, metric.label, "", "metric"
    titles = _titles(spec)
    for entity in spec.entities:
        person = bool(_PERSON.search(_words(f"{entity.name} {entity.label}")))
        place = titles.get(entity.name, entity.label)
        yield f"entity {entity.name}", entity.label, False, place, "", "entity"
        for field in entity.fields:
            where, label = f"{entity.name}.{field.name}", field.label or field.name
            yield where, field.name, person, label, place, "field"
            yield where, field.label, person, label, place, "field"
            if field.help:
                yield where, field.help, False, label, place, "field"
    for component in spec.components():
        if component.kind in _COLLECTING and component.title:
            yield f"component {component.id}", component.title, False, component.title, "", "component"


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def scan_spec(spec: AppSpec) -> list[PrivacyFinding]:
    """Personal data ``spec`` would collect or contains, one finding per category and place."""
    found: dict[tuple[str, str], PrivacyFinding] = {}
    for where, text, person, label, place, kind in _labelled(spec):
        categories = _match(text)
        if person and _words(text).strip() in ("name", "names"):
            categories.append("name")
        for category in categories:
            finding = PrivacyFinding(
                category=cast(Category, category), where=where, text=text, label=label, place=place, kind=kind
            )
            found.setdefault((category, where), finding)
    for where, text in _strings(spec.model_dump(mode="json"), ""):
        for category, pattern in _VALUES.items():
            match = pattern.search(text)
            if match:
                finding = PrivacyFinding(
                    category=cast(Category, category), where=where, text=match.group(0), label=match.group(0),
                    kind="value",
                )  # fmt: skip
                found.setdefault((category, where), finding)
    return list(found.values())


def describe_findings(findings: list[PrivacyFinding], language: str = "en") -> str:
    """The findings as lines for a message."""
    return "\n".join(f"- {finding.describe(language)}" for finding in findings)
