"""Privacy check before publishing: personal data a spec would collect or ships with.

Field names, labels, help texts, the brief's inputs, metric and component titles are
matched against words for names, phone numbers, email, ID numbers, addresses, birth
dates, students and health data, in English and Chinese; every string in the spec is
also scanned for values that look like an email address, a phone or an ID number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict

from flashapps.spec import AppSpec

__all__ = ["CATEGORY_LABELS", "PrivacyFinding", "describe_findings", "scan_spec"]

Category = Literal["name", "phone", "email", "id_number", "address", "birth_date", "student", "health"]

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "name": ("person names", "姓名"),
    "phone": ("phone numbers", "电话号码"),
    "email": ("email addresses", "邮箱地址"),
    "id_number": ("ID numbers", "证件号码"),
    "address": ("home addresses", "住址"),
    "birth_date": ("birth dates", "出生日期"),
    "student": ("student data", "学生信息"),
    "health": ("health data", "健康数据"),
}

_EN: dict[str, str] = {
    "email": r"e ?mail(?: address)?",
    "phone": r"phone|telephone|mobile|cell ?phone|tel|whats ?app|wechat|contact number|phone number",
    "id_number": r"id (?:number|no|card)|national id|passport|ssn|social security|driver(?:s| s)? licen[cs]e|"
    r"identity (?:card|number)|student (?:id|number)",
    "address": r"address|street|post ?code|zip ?code|postal code",
    "name": r"full name|first name|last name|given name|family name|surname|your name|(?:student|child|kid|"
    r"patient|parent|contact|person|member|guest|customer|employee)(?:s| s)? name",
    "birth_date": r"birthday|birth ?date|date of birth|dob",
    "student": r"students?|pupils?|learners?|classmates?",
    "health": r"weight|blood pressure|heart rate|pulse|blood sugar|glucose|bmi|symptoms?|diagnos\w*|"
    r"medications?|medicines?|pills?|illness\w*|disease\w*|allerg\w*|menstrua\w*|pregnan\w*|mental health|"
    r"body temp\w*|height",
}
_ZH: dict[str, str] = {
    "email": r"邮箱|电子邮件|邮件地址|电邮",
    "phone": r"电话|手机|联系方式|微信号",
    "id_number": r"身份证|证件号|护照|学号|社保号",
    "address": r"地址|住址|邮编|门牌",
    "name": r"姓名|名字|姓氏",
    "birth_date": r"生日|出生日期|出生年月",
    "student": r"学生|同学|学员",
    "health": r"体重|血压|心率|血糖|病|症状|药|过敏|诊断|体温|月经|怀孕|身高",
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
    text: str

    def describe(self, language: str = "en") -> str:
        en, zh = CATEGORY_LABELS[self.category]
        return (
            f"{zh}：{self.where}（{self.text}）" if language.startswith("zh") else f"{en}: {self.where} ({self.text!r})"
        )


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


def _labelled(spec: AppSpec) -> Iterator[tuple[str, str, bool]]:
    """(where, text, about a person) for every name and label that says what is collected."""
    for i, text in enumerate(spec.brief.inputs):
        yield f"brief.inputs[{i}]", text, False
    for metric in spec.brief.metrics:
        yield f"metric {metric.name}", metric.label, False
    for entity in spec.entities:
        person = bool(_PERSON.search(_words(f"{entity.name} {entity.label}")))
        yield f"entity {entity.name}", entity.label, False
        for field in entity.fields:
            where = f"{entity.name}.{field.name}"
            yield where, field.name, person
            yield where, field.label, person
            if field.help:
                yield where, field.help, False
    for component in spec.components():
        if component.kind in _COLLECTING and component.title:
            yield f"component {component.id}", component.title, False


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
    for where, text, person in _labelled(spec):
        categories = _match(text)
        if person and _words(text).strip() in ("name", "names"):
            categories.append("name")
        for category in categories:
            finding = PrivacyFinding(category=cast(Category, category), where=where, text=text)
            found.setdefault((category, where), finding)
    for where, text in _strings(spec.model_dump(mode="json"), ""):
        for category, pattern in _VALUES.items():
            match = pattern.search(text)
            if match:
                finding = PrivacyFinding(category=cast(Category, category), where=where, text=match.group(0))
                found.setdefault((category, where), finding)
    return list(found.values())


def describe_findings(findings: list[PrivacyFinding], language: str = "en") -> str:
    """The findings as lines for a message."""
    return "\n".join(f"- {finding.describe(language)}" for finding in findings)
