"""The JSON Schema (draft 2020-12) of briefing files, as `briefing schema` prints it for editors.

Built from the pydantic model (briefing.model.Briefing), then made to say
what editors that validate TOML against JSON Schema see: a TOML date or
date-time reaches them as a string, so date-times are matched by a pattern
that takes a local time (TOML's 2025-11-24T15:21:12) as well as one with an
offset; a table of named entries (counted nouns) refuses names outside its
pattern.  Descriptions are catalog messages, translated into the interface
language; model docstrings, written for developers, are dropped.

What only the whole file shows (a reference to an unknown source, an unknown
unit, a cut-off before the event) is beyond JSON Schema: `briefing check`
finds it.
"""

from __future__ import annotations

from briefing.i18n import Localizer

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The schema's identifier; the number is the newest briefing format the tool reads.
SCHEMA_ID = "urn:briefing:file:2"
#: A TOML date-time as a string: a date, T or a space, a time, an optional offset.
DATE_TIME = {"type": "string",
             "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?$"}


def schema(loc: Localizer) -> dict:
    """The schema, its descriptions in the Localizer's language."""
    from briefing.model import Briefing

    built = Briefing.model_json_schema()
    _translate_descriptions(built, loc)
    _fit(built)
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **built}


def _fit(node: object) -> None:
    """Date-times as TOML writes them; named entries refused outside their pattern (see the module)."""
    if isinstance(node, dict):
        if node.get("format") == "date-time" and node.get("type") == "string":
            del node["format"]
            node.update(DATE_TIME)
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _fit(value)
    elif isinstance(node, list):
        for value in node:
            _fit(value)


def _translate_descriptions(node: object, loc: Localizer) -> None:
    """Field descriptions are catalog messages; model docstrings are for developers and dropped."""
    if isinstance(node, dict):
        if "properties" in node:
            node.pop("description", None)
        message = node.get("description")
        if isinstance(message, str):
            node["description"] = loc._(message)
        for value in node.values():
            _translate_descriptions(value, loc)
    elif isinstance(node, list):
        for value in node:
            _translate_descriptions(value, loc)
