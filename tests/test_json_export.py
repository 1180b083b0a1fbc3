"""The JSON export, validated by a maintained JSON Schema validator and held against the Analysis and the Document."""

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from edtf import parse_edtf
from jsonschema import Draft202012Validator

from briefing import document, export_schema, figures, render_json
from briefing.analysis import analyse
from briefing.date_parse import parse
from briefing.i18n import localizer
from briefing.sanitize import output
from briefing.store import load_library, search_folders
from tests.conftest import BUNDLED_IDS, REPO, walk

HOSTILE_FILE = Path(__file__).parent / "corpus" / "accepted" / "hostile-text.toml"
LANGUAGE_CHOICES = {"en": ("en",), "ru": ("ru",), "all": ("en", "ru")}
BRIEFS = [*BUNDLED_IDS, "corpus-hostile"]


@pytest.fixture(scope="module")
def analyses():
    library = load_library([*search_folders([]), HOSTILE_FILE])
    assert not library.errors
    return {bid: analyse(brief) for bid, brief in library.briefings.items()}


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(render_json.schema_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def run(*args: str, encoding: str = "utf-8"):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, env=environ, cwd=REPO,
                          timeout=60)


def fraction(value: dict) -> Fraction:
    numerator, denominator = value["fraction"]
    return Fraction(numerator, denominator)


# --- the schema --------------------------------------------------------------------------------------------------

def test_the_shipped_schema_is_the_one_the_code_builds_and_is_valid_draft_2020_12():
    assert render_json.schema_text() == export_schema.text()
    schema = json.loads(render_json.schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == render_json.SCHEMA_ID
    Draft202012Validator.check_schema(schema)


def test_schema_export_prints_it_and_schema_alone_still_prints_the_briefing_file_schema():
    exported = run("schema", "--export")
    assert exported.returncode == 0 and exported.stderr == b""
    assert exported.stdout.decode("utf-8") == render_json.schema_text()
    assert json.loads(run("schema").stdout)["title"] == "Briefing"


def test_the_validator_checks_formats_and_refuses_what_the_schema_forbids(analyses, validator):
    data = render_json.export(analyses[BUNDLED_IDS[0]], ("en",))
    assert not list(validator.iter_errors(data))
    bad_date = json.loads(json.dumps(data))
    bad_date["date"]["first"] = "2025-02-30"
    assert list(validator.iter_errors(bad_date))
    extra = json.loads(json.dumps(data))
    extra["decision"]["extra"] = 1
    assert list(validator.iter_errors(extra))
    bad_number = json.loads(json.dumps(data))
    bad_number["statistics"]["figures"][0]["figure"]["value"] = "1e3"
    assert list(validator.iter_errors(bad_number))


# --- every export -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGE_CHOICES)
@pytest.mark.parametrize("brief_id", BRIEFS)
def test_every_export_is_valid_and_speaks_only_the_languages_asked_for(analyses, validator, brief_id, lang):
    locales = LANGUAGE_CHOICES[lang]
    text = render_json.render(analyses[brief_id], locales)
    data = json.loads(text)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]
    assert data["$schema"] == render_json.SCHEMA_ID and data["format_version"] == render_json.FORMAT_VERSION
    assert list(data)[:2] == ["$schema", "format_version"] and data["languages"] == list(locales)
    texts = [node for node in walk(data) if isinstance(node, dict) and node and set(node) <= {"en", "ru"}]
    assert texts and all(list(node) == list(locales) for node in texts)
    assert output(text) == text  # nothing left for the last guard on stdout to take out
    assert render_json.render(analyses[brief_id], locales) == text  # the same input, the same bytes


@pytest.mark.parametrize("brief_id", BRIEFS)
def test_the_facts_are_the_analysis(analyses, brief_id):
    analysis = analyses[brief_id]
    data = render_json.export(analysis, ("en", "ru"))
    brief = analysis.brief

    # every citation names a source and its number in the list
    for node in walk(data):
        if isinstance(node, dict) and set(node) == {"source", "number"}:
            assert analysis.numbers[node["source"]] == node["number"]
    assert [(s["id"], s["number"]) for s in data["sources"]] == list(analysis.numbers.items())
    assert [c["source"] for c in data["decision"]["what"]["citations"]] == sorted(
        set(brief.decision.what.sources), key=analysis.numbers.__getitem__)
    for stat, exported in zip(brief.statistics, data["statistics"]["figures"]):
        assert exported["id"] == stat.id
        assert {c["source"] for c in exported["citations"]} == set(stat.sources)
        assert exported["reported"] == (stat in analysis.reported)
        assert exported["flagged"] == bool(analysis.flags_for(stat.id))

    # comparison
    comparison = data["comparison"]
    assert comparison["counts"] == dict(analysis.counts)
    assert comparison["independent_sources"] == analysis.independent
    assert [c["source"] for c in comparison["compared_sources"]] == [s.id for s in analysis.compared]
    for result, point in zip(analysis.points, comparison["points"], strict=True):
        assert (point["id"], point["status"]) == (result.point.id, result.status)
        assert [p["source"]["source"] for p in point["positions"]] == [p.source for p in result.point.positions]
        assert [{c["source"] for c in claim["sources"]} for claim in point["conflicts"]] == [
            set(claim.sources) for claim in result.conflicts]
        assert ({c["source"] for c in point["outliers"]["sources"]} if point["outliers"] else set()) == set(
            result.outliers)
        assert [(n["precision"], {c["source"] for c in n["sources"]}) for n in point["precision_notes"]] == [
            (n.precision, set(n.sources)) for n in result.precision_notes]
    assert [(c["source"]["source"], c["covered"], c["total"], c["only_here"]) for c in comparison["coverage"]] == [
        (c.source.id, c.covered, c.total, [p.id for p in c.only_here]) for c in analysis.coverage]

    # every derived figure, exactly
    statistics = data["statistics"]
    for result, derived in zip(analysis.derived, statistics["derived"], strict=True):
        assert derived["id"] == result.figure.id and derived["kind"] == result.figure.kind
        assert derived["operands"] == [op.id for op in result.operands]
        assert (derived["unit"], derived["per"], derived["scale"]) == (result.unit, result.per, result.scale)
        assert fraction(derived["value"]) == result.nominal
        if derived["value"]["decimal_is_exact"]:
            assert Fraction(derived["value"]["decimal"]) == result.nominal
        else:
            assert abs(Fraction(derived["value"]["decimal"]) - result.nominal) <= Fraction(1, 10 ** 30)
        for end, bound, is_open in (("low", result.interval.lo, result.interval.lo_open),
                                    ("high", result.interval.hi, result.interval.hi_open)):
            exported = derived["interval"][end]
            assert (exported is None) == (bound is None)
            if bound is not None:
                assert fraction(exported) == bound and exported["open"] == is_open
        for key, reading in (("reading", result.reading), ("shown", result.shown)):
            assert derived[key]["qualifier"] == reading.qualifier
            for part, value in (("value", reading.value), ("high", reading.high)):
                assert (None if derived[key][part] is None else fraction(derived[key][part])) == value
        assert (derived["shown"]["digits"], derived["shown"]["exact"]) == (result.digits, result.exact)

    # every check and every flag
    assert [(c["statistic"], c["other"], c["reference"], fraction(c["distance"]),
             c["verdict"] == "consistent") for c in statistics["checks"]] == [
        (c.statistic.id, c.other.id, c.reference, c.distance, c.agrees) for c in analysis.checks]
    assert len(statistics["flags"]) == len(analysis.flags)
    for flag, exported in zip(analysis.flags, statistics["flags"]):
        assert exported["statistic"] == flag.statistic.id
        rules = exported["rules"]
        expected = (["reference"] if flag.references else []) + ["sibling"] * len(flag.siblings)
        assert [r["rule"] for r in rules] == expected
        if flag.references:
            assert rules[0]["references"] == [c.other.id for c in flag.references]
        assert [(r["average"], r["sibling"]) for r in rules if r["rule"] == "sibling"] == [
            (b.average.figure.id, b.sibling.figure.id) for b in flag.siblings]


def test_the_first_briefing_flags_nearly_20_gw_by_both_rules(analyses):
    data = render_json.export(analyses["kz-iaea-far-east-2025"], ("en",))
    flags = data["statistics"]["flags"]
    assert flags and {rule["rule"] for flag in flags for rule in flag["rules"]} == {"reference", "sibling"}
    figure = next(f for f in data["statistics"]["figures"] if f["id"] == flags[0]["statistic"])["figure"]
    assert figure["qualifier"] == "nearly" and figure["value"] == "20"


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("brief_id", BRIEFS)
def test_the_texts_are_the_documents_own(analyses, brief_id, locale):
    """The same words as every other face: the export's texts equal the Document's."""
    analysis = analyses[brief_id]
    loc = localizer(locale)
    data = render_json.export(analysis, (locale,))
    doc = document.build(analysis, loc)
    blocks = {type(block): block for section in doc.sections for block in section.blocks}
    assert data["title"][locale] == doc.title and data["summary"][locale] == doc.meta
    if document.Figures in blocks:
        shown = {f.id: f for f in blocks[document.Figures].figures}
        for stat in data["statistics"]["figures"]:
            if stat["reported"]:
                assert stat["figure"]["text"][locale] == shown[stat["id"]].value
                assert stat["as_of"]["text"][locale] == shown[stat["id"]].as_of
    if document.DerivedFigures in blocks:
        assert [d["working"][locale] for d in data["statistics"]["derived"]] == [
            d.working for d in blocks[document.DerivedFigures].figures]
    if document.Flags in blocks:
        assert [f["text"][locale] for f in data["statistics"]["flags"]] == [
            document.flat(f.headline) for f in blocks[document.Flags].flags]
    points = [b for section in doc.sections for b in section.blocks if isinstance(b, document.Point)]
    assert [p["question"][locale] for p in data["comparison"]["points"]] == [p.question for p in points]
    assert [p["status_text"][locale] for p in data["comparison"]["points"]] == [
        loc._(document.STATUS_LABELS[p.status]) for p in points]
    entries = blocks[document.Sources].entries
    assert [(s["outlet"][locale], s["kind_text"][locale], s["language"]["text"][locale],
             s["published"]["text"][locale]) for s in data["sources"]] == [
        (e.outlet, e.kind, e.language, e.published) for e in entries]
    for check, exported in zip(analysis.checks, data["statistics"]["checks"]):
        assert exported["text"][locale] == figures.check_text(loc, check)


# --- raw values ---------------------------------------------------------------------------------------------------

def test_numbers_as_written_and_exact_values():
    assert render_json.decimal_text(Decimal("8.60")) == "8.60"
    assert render_json.decimal_text(Decimal("1E+3")) == "1000"
    assert render_json.decimal_text(Decimal("-0.0")) == "0.0"
    assert render_json.decimal_text(416) == "416"
    assert render_json.exact(Fraction(47, 8)) == {"decimal": "5.875", "decimal_is_exact": True, "fraction": [47, 8]}
    assert render_json.exact(Fraction(-3)) == {"decimal": "-3", "decimal_is_exact": True, "fraction": [-3, 1]}
    third = render_json.exact(Fraction(-1, 3))
    assert third == {"decimal": "-0." + "3" * 30, "decimal_is_exact": False, "fraction": [-1, 3]}
    assert render_json.exact(Fraction(2, 3))["decimal"] == "0." + "6" * 29 + "7"


@pytest.mark.parametrize("written, expected", [
    ("2025-11-21", "2025-11-21"), ("2025-06", "2025-06"), ("2026-Q1", "2026-33"), ("2026-H2", "2026-41"),
    ("2026-21", "2026-21"), ("2026-24", "2026-24"), ("2025", "2025"), ("1990s", "199X"), ("0990s", "099X"),
    ("2025-06~", "2025-06~"), ("2025?", "2025?"), ("2025%", "2025%"), ("2026-01/2026-03", "2026-01/2026-03"),
    ("2026-Q1/2026-H2", "2026-33/2026-41"), ("early-2024", "early-2024"), ("mid-2025-11", "mid-2025-11"),
    ("late-1990s", "late-1990s"), ("early-2024/late-2025", "early-2024/late-2025"),
])
def test_dates_in_edtf_where_edtf_can_say_them(written, expected):
    value = parse(written)
    assert render_json.edtf(value) == expected
    # the maintained EDTF parser reads it; the Library of Congress's EDTF has no parts of periods, and no
    # intervals between quarters or halves (ISO 8601-2 has)
    if not any(part in expected for part in ("early", "mid", "late")) and written != "2026-Q1/2026-H2":
        parse_edtf(expected)
    again = parse(expected)  # and it means the same days
    assert (again.first(), again.last()) == (value.first(), value.last())


def test_date_times_keep_their_offset(analyses):
    data = render_json.export(analyses["corpus-hostile"], ("en",))
    moments = [s["published"] for s in data["sources"] if s["published"]["precision"] == "time"]
    assert moments and all(dt.datetime.fromisoformat(m["value"]).date().isoformat() == m["first"] for m in moments)


# --- the command --------------------------------------------------------------------------------------------------

def test_export_json_to_stdout_is_the_render(analyses):
    result = run("export", BUNDLED_IDS[1], "--format", "json", "--lang", "all")
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode("utf-8") == render_json.render(analyses[BUNDLED_IDS[1]], ("en", "ru"))


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "ascii"])
def test_export_json_stays_json_in_any_output_encoding(analyses, encoding):
    result = run("export", BUNDLED_IDS[0], "--format", "json", "--lang", "ru", encoding=encoding)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.isascii()
    assert json.loads(result.stdout) == render_json.export(analyses[BUNDLED_IDS[0]], ("ru",))


def test_export_json_to_a_file_is_utf8_and_never_overwritten_without_force(analyses, tmp_path):
    target = tmp_path / "brief.json"
    assert run("export", BUNDLED_IDS[0], "--format", "json", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == render_json.render(analyses[BUNDLED_IDS[0]], ("en",))
    refused = run("export", BUNDLED_IDS[0], "--format", "json", "--lang", "ru", "-o", str(target))
    assert refused.returncode == 2 and json.loads(target.read_text(encoding="utf-8"))["languages"] == ["en"]
    forced = run("export", BUNDLED_IDS[0], "--format", "json", "--lang", "ru", "-o", str(target), "--force")
    assert forced.returncode == 0 and json.loads(target.read_text(encoding="utf-8"))["languages"] == ["ru"]
