"""The JSON Schema of briefing files (`briefing schema`), held to draft 2020-12 by the maintained validator.

Every good file of the repository validates; every bad file of the corpus whose mistake JSON Schema can
express fails.  Files are read as an editor that validates TOML sees them: dates and times as strings,
numbers as numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from briefing import file_schema
from briefing.i18n import localizer
from tests.conftest import REPO

CORPUS = REPO / "tests" / "corpus"
GOOD = sorted([*(REPO / "data" / "briefings").glob("*.toml"), CORPUS / "base.toml",
               *(CORPUS / "accepted").glob("*.toml")])
#: Bad files whose mistake needs more than one field, the TOML text itself or knowledge no schema has.
BEYOND_SCHEMA = {
    "deep-dotted-key", "deep-nesting", "deep-nesting-recursive", "deep-table-header",  # nesting limits
    "duplicate-source-id", "duplicate-statistic-id", "unknown-position-source", "unknown-source",
    "unknown-statistic", "unknown-unit", "per-not-a-unit", "relay-of-itself", "zero-denominator",  # cross-field
    "relay-loop", "unknown-chart-figure", "reference-dataset-position", "name-listed-twice", "duplicate-position",
    "counted-noun-missing-form", "counted-noun-extra-category", "counted-noun-is-a-unit",  # (and CLDR's plurals)
    "range-reversed", "too-many-digits", "too-many-decimals", "infinite-figure", "nan-figure",  # arithmetic on the value
    "range-with-qualifier", "margin-with-qualifier", "percent-with-scale",  # between a figure's keys: left to check
    "impossible-month", "vague-date-not-a-decade", "unknown-language",  # dates and languages as CLDR/EDTF know them
    "too-many-values",  # a size limit
    "type-value-is-text",  # "416": a number in quotes is text, which a union member of `value` (a name) takes
}


def as_editors_see(value: object) -> object:
    """TOML values as JSON: dates and times as ISO strings, numbers as numbers."""
    if isinstance(value, dict):
        return {key: as_editors_see(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editors_see(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def read(path: Path) -> object:
    return as_editors_see(tomllib.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = file_schema.schema(localizer("en"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_declares_draft_2020_12_and_an_id():
    result = subprocess.run([sys.executable, "-m", "briefing", "schema"], capture_output=True, cwd=REPO,
                            env={k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))})
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == file_schema.SCHEMA_ID
    Draft202012Validator.check_schema(schema)


KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "default", "type", "properties", "required",
    "additionalProperties", "patternProperties", "propertyNames", "items", "minItems", "maxItems", "enum", "const",
    "anyOf", "oneOf", "allOf", "pattern", "minLength", "maxLength", "minimum", "maximum", "format",
}


def _keywords(node: object, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "$defs", "patternProperties"):
                for item in value.values():
                    _keywords(item, out)
            else:
                out.add(key)
                _keywords(value, out)
    elif isinstance(node, list):
        for item in node:
            _keywords(item, out)
    return out


def test_every_keyword_is_one_json_schema_knows():
    """pydantic's own constraint names (ge, le, ...) are no JSON Schema: an editor would ignore them."""
    assert _keywords(file_schema.schema(localizer("en")), set()) <= KEYWORDS


def test_a_margin_has_a_minimum_and_every_choice_is_an_enum():
    schema = file_schema.schema(localizer("en"))
    statistic = schema["$defs"]["Statistic"]["properties"]
    assert {"type": "number", "minimum": 0} in statistic["margin"]["anyOf"]
    assert statistic["qualifier"]["enum"][0] == "exact" and "about" in statistic["qualifier"]["enum"]
    assert schema["$defs"]["Confidence"]["properties"]["level"]["enum"] == ["high", "moderate", "low"]
    assert schema["properties"]["id"]["pattern"] == "^[a-z0-9][a-z0-9._-]*$"


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_every_good_file_validates(path, validator):
    assert [e.message for e in validator.iter_errors(read(path))] == []


BAD = sorted((CORPUS / "bad").glob("*.toml"))


def _parses(path: Path) -> bool:
    try:
        read(path)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return False
    return True


EXPRESSIBLE = [p for p in BAD if p.stem not in BEYOND_SCHEMA and _parses(p)]


def test_the_corpus_gives_the_schema_enough_to_refuse():
    assert len(EXPRESSIBLE) >= 15


@pytest.mark.parametrize("path", EXPRESSIBLE, ids=[p.stem for p in EXPRESSIBLE])
def test_every_bad_file_the_schema_can_express_fails(path, validator):
    assert list(validator.iter_errors(read(path)))


@pytest.mark.parametrize("edit", [
    ("margin", -1), ("qualifier", "roughly"), ("scale", "lakh"), ("id", "Reactors"), ("sources", []),
])
def test_a_wrong_figure_fails(edit, validator):
    data = read(CORPUS / "base.toml")
    key, value = edit
    data["statistics"][0][key] = value
    assert list(validator.iter_errors(data))


@pytest.mark.parametrize("cutoff, valid", [
    ("2025-11-24T15:21:12", True), ("2025-11-24 15:21:12", True), ("2025-11-24T15:21:12+05:00", True),
    ("2025-11-24", True), ("2025-11-24T15:21", False), ("24.11.2025", False)])
def test_date_times_are_read_as_toml_writes_them(cutoff, valid, validator):
    data = read(CORPUS / "base.toml")
    data["cutoff"] = cutoff
    assert validator.is_valid(data) is valid


def test_counted_nouns_refuse_a_name_that_is_not_an_id(validator):
    data = read(CORPUS / "base.toml")
    data["counted"] = {"Ship": {"en": {"one": "ship", "other": "ships"}}}
    assert not validator.is_valid(data)
    data["counted"] = {"ship": {"en": {"one": "ship", "other": "ships"}}}
    assert validator.is_valid(data)
