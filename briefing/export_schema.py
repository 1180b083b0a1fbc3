"""The JSON Schema (draft 2020-12) of the JSON export (briefing.render_json), built here and shipped as
briefing/data/export.schema.json, which `briefing schema --export` prints.

    python -m briefing.export_schema     rewrite the shipped file after changing the schema

tests/test_json_export.py holds the shipped file equal to what this module builds and validates every
export against it.  Every object lists all its keys, in the order the export writes them; none may be missing
or added.
"""

from __future__ import annotations

import json

from briefing.render_json import FORMAT_VERSION, SCHEMA_ID


def obj(props: dict, desc: str | None = None) -> dict:
    """An object with exactly these keys, every one required."""
    described = {"description": desc} if desc else {}
    return {"type": "object", **described, "properties": props, "required": list(props),
            "additionalProperties": False}


def ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def null_or(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def arr(items: dict) -> dict:
    return {"type": "array", "items": items}


ID = ref("id")
STR = {"type": "string"}
INT0 = {"type": "integer", "minimum": 0}
INT1 = {"type": "integer", "minimum": 1}
BOOL = {"type": "boolean"}
DEC = ref("decimal")

defs = {
  "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$", "maxLength": 80},
  "decimal": {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
              "description": "A number exactly as written, in plain decimal notation ('8.60' keeps its zero)."},
  "text": {"type": "object", "description": "The same text in each language exported, by language code.",
           "propertyNames": {"enum": ["en", "ru"]}, "additionalProperties": {"type": "string"}, "minProperties": 1},
  "citation": obj({"source": ID, "number": INT1}, "A source: its id and its number in the source list."),
  "citations": arr(ref("citation")),
  "statement": obj({"text": ref("text"), "citations": ref("citations")}),
  "date": obj({
      "value": {"type": "string", "minLength": 1, "description": "ISO 8601 for a day or a date-time (with its UTC offset when the source gave one); EDTF (ISO 8601-2) for a vaguer date, e.g. '2025-06', '2026-33' (first quarter), '199X', '2026-01/2026-03', '2025~' (an interval between quarters or halves, '2026-33/2026-41', is ISO 8601-2 but beyond the levels of EDTF); the early, middle or late part of a period, which EDTF cannot say, as 'early-2024', 'mid-2025-11', 'late-1990s'."},
      "precision": {"enum": ["time", "day", "month", "quarter", "half", "season", "year", "decade", "interval"]},
      "part": {"enum": ["early", "mid", "late", None]},
      "first": {"type": "string", "format": "date", "description": "The first day the date may mean."},
      "last": {"type": "string", "format": "date", "description": "The last day the date may mean."},
      "text": ref("text")}, "A date at the precision the source gave, and its text."),
  "exact": obj({
      "decimal": {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"},
      "decimal_is_exact": {"type": "boolean", "description": "false when the decimal expansion never ends and is cut at 30 decimals, rounded half to even."},
      "fraction": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "integer", "minimum": 1}],
                   "items": False, "minItems": 2, "description": "[numerator, denominator] in lowest terms; the integers may exceed 2^53."}},
      "An exact value: as a decimal and as a fraction."),
}
figure_props = {
  "value": DEC, "high": null_or(DEC), "unit": STR, "per": null_or(STR),
  "scale": {"enum": ["thousand", "million", "billion", "trillion", None]},
  "qualifier": {"enum": ["exact", "more-than", "at-least", "nearly", "about", "less-than", "up-to", "at-most", "no-more-than"]},
  "margin": null_or(DEC), "text": ref("text")}
defs["figure"] = obj(figure_props, "A figure as its source gives it: value (or range to high), unit, per, scale word, qualifier, margin; and its text.")
date_props = defs["date"]["properties"]
defs["value"] = {"description": "A structured value on a comparison point, by kind.", "oneOf": [
    obj({"kind": {"const": "date"}, **date_props}),
    obj({"kind": {"const": "number"}, "value": DEC, "text": ref("text")}),
    obj({"kind": {"const": "name"}, "value": STR, "text": ref("text")}),
    obj({"kind": {"const": "figure"}, **figure_props}),
]}
defs["bound"] = {"anyOf": [{"type": "null"}, obj({**defs["exact"]["properties"], "open": BOOL})],
                 "description": "An end of an interval, open or closed; null where unbounded."}
QUALS = ["exact", "more-than", "at-least", "nearly", "about", "less-than", "up-to", "at-most", "no-more-than", "range", "unbounded"]
defs["reading"] = obj({"qualifier": {"enum": QUALS}, "value": null_or(ref("exact")), "high": null_or(ref("exact"))})
defs["source"] = obj({
    "number": INT1, "id": ID, "outlet": ref("text"),
    "kind": {"enum": ["news-report", "wire", "broadcast", "official-statement", "press-release", "transcript", "social-media", "aggregator", "market-data", "reference-dataset"]},
    "kind_text": ref("text"), "compared": BOOL,
    "language": obj({"value": STR, "text": ref("text")}),
    "published": ref("date"), "url": {"type": "string", "pattern": "^https?://\\S+$"},
    "headline": null_or(ref("text")), "relays": ref("citations"), "reliability": ref("text")})
STATUS = {"enum": ["agree", "differ", "complement", "single", "none"]}
defs["point"] = obj({
    "number": INT1, "id": ID, "question": ref("text"), "status": STATUS, "status_text": ref("text"),
    "verdict": {"enum": ["agree", "differ", "complement", None]},
    "positions": arr(obj({"source": ref("citation"), "says": ref("text"), "value": null_or(ref("value"))})),
    "conflicts": arr(obj({"value": ref("value"), "sources": ref("citations")})),
    "outliers": null_or(obj({"sources": ref("citations"), "text": ref("text")})),
    "precision_notes": arr(obj({"precision": STR, "sources": ref("citations"), "text": ref("text")})),
    "note": null_or(ref("text"))})
defs["statistic"] = obj({
    "id": ID, "label": ref("text"), "figure": ref("figure"), "as_of": ref("date"), "quoted": null_or(ref("text")),
    "measure": null_or(ID), "citations": ref("citations"),
    "reported": {"type": "boolean", "description": "false for a figure from reference datasets only"},
    "flagged": BOOL})
defs["derived"] = obj({
    "id": ID, "label": ref("text"),
    "kind": {"enum": ["average", "ratio", "share", "difference", "change", "percent-change", "sum"]},
    "operands": arr(ID), "unit": STR, "per": null_or(STR),
    "scale": {"enum": ["thousand", "million", "billion", "trillion", None]},
    "value": {**ref("exact"), "description": "The arithmetic on the operands as written, exactly, in unit (and scale)."},
    "interval": obj({"low": ref("bound"), "high": ref("bound")}, "Every value the operands' qualifiers allow."),
    "reading": {**ref("reading"), "description": "The qualifier the result earns, with its exact bound(s)."},
    "shown": obj({**defs["reading"]["properties"], "digits": INT0,
                  "exact": {"type": "boolean", "description": "whether the shown number is the result itself, not a rounding of it"},
                  "text": ref("text")}, "The reading as the brief shows it, its bounds rounded outward to digits decimals."),
    "working": ref("text")})
defs["check"] = obj({
    "statistic": ID, "other": ID, "reference": {"type": "boolean", "description": "whether the other figure comes from reference datasets only"},
    "distance": {**ref("exact"), "description": "Relative gap between the two figures' intervals; 0 when they overlap."},
    "tolerance": ref("exact"), "verdict": {"enum": ["consistent", "differs"]}, "text": ref("text"), "line": ref("text")})
defs["flag"] = obj({
    "statistic": ID, "citations": ref("citations"),
    "rules": {"type": "array", "minItems": 1, "items": obj({
        "rule": {"enum": ["reference", "sibling"]},
        "threshold": ref("exact"), "references": arr(ID), "average": null_or(ID), "sibling": null_or(ID),
        "text": ref("text")})},
    "text": ref("text")})

top = {
  "$schema": {"const": SCHEMA_ID},
  "format_version": {"const": FORMAT_VERSION},
  "id": ID,
  "languages": {"type": "array", "items": {"enum": ["en", "ru"]}, "minItems": 1, "uniqueItems": True},
  "title": ref("text"), "summary": ref("text"), "date": ref("date"), "cutoff": ref("date"),
  "decision": obj({"what": ref("statement"), "who": ref("statement"),
                   "when": obj({"date": ref("date"), "citations": ref("citations")}),
                   "where": ref("statement"), "why": arr(ref("statement")),
                   "confidence": obj({"level": {"enum": ["high", "moderate", "low"]}, "text": ref("text"), "reason": ref("text")})}),
  "background": arr(obj({"date": ref("date"), "text": ref("text"), "citations": ref("citations")})),
  "sources": {"type": "array", "minItems": 1, "items": ref("source")},
  "comparison": obj({"summary": ref("text"), "compared_sources": ref("citations"), "independent_sources": INT0,
                     "counts": obj({k: INT0 for k in ["agree", "differ", "complement", "single", "none"]}),
                     "points": arr(ref("point")),
                     "coverage": arr(obj({"source": ref("citation"), "covered": INT0, "total": INT0, "only_here": arr(ID), "text": ref("text")}))}),
  "statistics": obj({"title": ref("text"), "figures": arr(ref("statistic")), "derived": arr(ref("derived")),
                     "checks": arr(ref("check")), "flags": arr(ref("flag"))}),
  "watch": arr(ref("statement")),
}
schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
          "title": f"briefing export, JSON format {FORMAT_VERSION}",
          "description": "A brief as 'briefing export --format json' writes it: the analysed facts, each raw value beside its text in the languages exported.",
          **obj(top), "$defs": defs}
schema.pop("additionalProperties")
schema["additionalProperties"] = False
#: The schema, as a JSON value.
SCHEMA = schema


def text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(SCHEMA, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    from briefing.render_json import SCHEMA_PATH

    SCHEMA_PATH.write_text(text(), encoding="utf-8")
