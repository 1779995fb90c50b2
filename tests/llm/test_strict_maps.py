"""A map in a stage's schema (a form's links: field → parent entity) under OpenAI's strict mode: the schema
writes it as a list of {key, value} pairs, and the spec takes that list back as the map."""

from __future__ import annotations

from flashapps.spec.records import FormComponent, TableComponent
from generator.providers.openai_schema import strict_schema
from generator.stages import ScreensOut


def test_links_are_pairs_in_the_strict_schema_and_a_map_in_the_spec() -> None:
    schema, strict = strict_schema(ScreensOut)
    links = schema["$defs"]["FormComponent"]["properties"]["links"]
    assert strict and links["type"] == "array"
    assert links["items"]["required"] == ["key", "value"] and links["items"]["additionalProperties"] is False
    pairs = [{"key": "customer", "value": "customer"}, {"key": "device", "value": "device"}]
    assert FormComponent(id="add", entity="ticket", links=pairs).links == {"customer": "customer", "device": "device"}
    assert TableComponent(id="log", entity="ticket", links={"customer": "customer"}).links == {"customer": "customer"}
