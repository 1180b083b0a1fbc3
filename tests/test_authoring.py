"""Writing a briefing with the tool's help: `check` (every error at its line and column, warnings, JSON), the
position finder under it, and `briefing new`."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import authoring, lint
from briefing.checking import check_file
from briefing.i18n import localizer
from briefing.positions import Places
from tests.conftest import REPO

CORPUS = REPO / "tests" / "corpus"
BASE = (CORPUS / "base.toml").read_text(encoding="utf-8")
GOLDEN = REPO / "tests" / "golden"
EN = localizer("en")


def run(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
                          env={**environ, "PYTHONPATH": str(REPO)}, timeout=60)


def edited(tmp_path: Path, *edits: tuple[str, str], name: str = "brief.toml") -> Path:
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines(path: Path, locale: str = "en") -> list[str]:
    return [d.describe(localizer(locale)).removeprefix(f"{path}:") for d in check_file(path).diagnostics]


# --- five mistakes, one run ---------------------------------------------------------------------------------

FIVE = (
    ("date = 2025-11-21\n", 'date = "2025-11-21"\n'),  # a full date in quotes: outside every list
    ('level = "high"', 'level = "hgh"'),  # not one of the choices
    ('url = "https://www.gov.kz/"', 'url = "www.gov.kz"'),  # not an address: the source is set aside
    ('unit = "gigawatt"', 'unit = "gigawat"'),  # found by the cross-field rules despite the three above
    ('text.ru = "Первая АЭС."\nsources = ["mfa"]', 'text.ru = "Первая АЭС."\nsources = ["mfaa"]'),  # the same
)


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_a_file_with_five_mistakes_gets_five_lines_with_their_places_in_one_run(tmp_path, golden, locale):
    edited(tmp_path, *FIVE, name="five.toml")
    result = run("check", "--lang", locale, "five.toml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    *found, summary = result.stderr.splitlines()
    golden(f"five-mistakes.{locale}.txt", "\n".join(found) + "\n")
    assert [line.split(":")[1:3] for line in found] == [["6", "8"], ["34", "9"], ["62", "7"], ["103", "8"],
                                                         ["129", "12"]]


def test_the_places_point_at_what_is_wrong(tmp_path):
    path = edited(tmp_path, *FIVE)
    text = path.read_text(encoding="utf-8").splitlines()
    for diagnostic in check_file(path).diagnostics:
        at = text[diagnostic.line - 1][diagnostic.column - 1:]
        assert at.startswith(('"2025-11-21"', '"hgh"', '"www.gov.kz"', '"gigawat"', '"mfaa"')), at


def test_json_gives_the_same_problems_for_editors_and_ci(tmp_path):
    path = edited(tmp_path, *FIVE)
    result = run("check", "--format", "json", str(path))
    assert result.returncode == 2 and result.stderr == ""
    found = json.loads(result.stdout)
    assert [list(item) for item in found] == [["file", "line", "column", "severity", "code", "message", "path"]] * 5
    assert found[0] == {"file": str(path), "line": 6, "column": 8, "severity": "error", "code": "quoted-date",
                        "message": "full dates go unquoted: date = 2025-11-21", "path": "date"}
    assert [item["code"] for item in found] == ["quoted-date", "literal-error", "string-pattern-mismatch",
                                                "unknown-unit", "unknown-source"]
    assert [item["path"] for item in found] == ["date", "decision.confidence.level", "sources[1].url",
                                                "statistics[1].unit", "watch[0].sources[0]"]


def test_json_of_a_good_file_is_an_empty_list_and_a_syntax_error_has_its_place(tmp_path):
    good = edited(tmp_path, name="good.toml")
    assert json.loads(run("check", "--format", "json", str(good)).stdout) == []
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    [item] = json.loads(run("check", "--format", "json", str(bad)).stdout)
    assert (item["line"], item["column"], item["code"], item["path"]) == (2, 9, "syntax", "")


def test_a_reference_to_a_source_set_aside_is_not_called_unknown(tmp_path):
    """The mfa source has a bad address: the many statements citing mfa are not reported as well."""
    path = edited(tmp_path, ('url = "https://www.gov.kz/"', 'url = "gov.kz"'))
    assert [line.split(": ")[2] for line in lines(path)] == ["sources[1].url"]


def test_a_mistake_in_a_list_of_references_outside_every_list_item_leaves_the_cross_field_rules_for_next_time(
        tmp_path):
    path = edited(tmp_path, ('sources = ["lada", "mfa"]', 'sources = 5'), ('unit = "gigawatt"', 'unit = "gigawat"'))
    assert [line.split(": ")[2] for line in lines(path)] == ["decision.what.sources"]


def test_a_wrong_text_outside_every_list_item_gets_a_stand_in_and_the_rest_is_checked(tmp_path):
    path = edited(tmp_path, ('text.en = "The Board of Governors."', 'text.en = 5'),
                  ('unit = "gigawatt"', 'unit = "gigawat"'))
    assert [line.split(": ")[2] for line in lines(path)] == ["decision.who.text.en", "statistics[1].unit"]


def test_every_unknown_unit_is_reported_at_once(tmp_path):
    """Three bad units took three rounds."""
    path = edited(tmp_path, ('unit = "reactor"', 'unit = "reactr"'), ('unit = "gigawatt"', 'unit = "gw"'),
                  ('unit = "reactor"', 'unit = "reactr"'))
    assert [line.split(": ")[2] for line in lines(path)] == ["statistics[0].unit", "statistics[1].unit",
                                                             "statistics[2].unit"]


@pytest.mark.parametrize("edit, expected", [
    (('id = "corpus-base"', 'id = "Corpus Base"'),
     "id: “Corpus Base” is not an id of the form [a-z0-9][a-z0-9._-]* (lower-case letters, digits, “.”, “_”, "
     "“-”), such as kz-iaea-2025"),
    (("value = 416", 'value = "416"'), "statistics[0].value: numbers go unquoted: value = 416"),
    (("cutoff = 2025-11-24T15:21:12", 'cutoff = "2025-11-24T15:21:12"'),
     "cutoff: full dates go unquoted: cutoff = 2025-11-24T15:21:12"),
    (('sources = ["lada", "mfa"]', 'sources = "lada, mfa"'),
     'decision.what.sources: expected a list: sources = ["lada", "mfa"]'),
    (('qualifier = "more-than"', 'qualifer = "more-than"'),
     "statistics[1].qualifer: unknown key; did you mean “qualifier”?"),
    (('kind = "news-report"', 'kind = "news"'),
     "sources[0].kind: expected one of “news-report”, “wire”, “broadcast”, “official-statement”, “press-release”, "
     "“transcript”, “social-media”, “aggregator”, “market-data”, “reference-dataset”, got “news”"),
])
def test_each_error_says_what_was_expected(tmp_path, edit, expected):
    path = edited(tmp_path, edit)
    [line] = lines(path)
    assert line.split(": ", 2)[2] == expected


# --- the position finder ------------------------------------------------------------------------------------

def test_positions_of_tables_arrays_of_tables_dotted_keys_and_inline_tables():
    text = ('a = 1\nb.c = "x"  # note\n[t]\nd = { e = 2, f = [3, {g = 4}] }\n[[arr]]\nk = 1\n[[arr]]\n'
            'k = """two\nlines"""\n[arr.sub]\nm = \'lit\'\n"quoted key" = 5\n[[arr.items]]\nn = 1979-05-27 07:32:00\n')
    places = Places(text)
    assert places.find(("a",), value=True) == (1, 5)
    assert places.find(("b", "c")) == (2, 1) and places.find(("b", "c"), value=True) == (2, 7)
    assert places.find(("t", "d", "f", 1, "g"), value=True) == (4, 27)
    assert places.find(("arr", 1, "k"), value=True) == (8, 5)
    assert places.find(("arr", 1, "sub")) == (10, 1)
    assert places.find(("arr", 1, "sub", "m")) == (11, 1)
    assert places.find(("arr", 1, "sub", "quoted key")) == (12, 1)
    assert places.find(("arr", 1, "items", 0, "n"), value=True) == (14, 5)
    assert places.find(("arr", 0)) == (5, 1)


def test_a_path_the_text_lacks_is_placed_at_its_nearest_table():
    places = Places("x = 1\n[decision]\nwhen = 2025-01-01\n")
    assert places.find(("decision", "what", "text")) == (2, 1)
    assert places.find(("nowhere",)) == (1, 1)


def test_every_value_of_the_bundled_briefings_has_a_place():
    import tomllib

    for path in (REPO / "data" / "briefings").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        places = Places(text)
        stack = [((), tomllib.loads(text))]
        while stack:
            where, value = stack.pop()
            if where:
                assert where in places.values or where in places.keys, where
            if isinstance(value, dict):
                stack += [((*where, k), v) for k, v in value.items()]
            elif isinstance(value, list):
                stack += [((*where, n), v) for n, v in enumerate(value)]


def test_the_position_finder_stops_quietly_on_text_that_is_not_toml():
    places = Places('a = 1\nb = }\nc = 2\n')
    assert places.find(("a",), value=True) == (1, 5) and places.find(("c",)) == (1, 1)


# --- warnings, each at its boundary --------------------------------------------------------------------------

def codes(tmp_path, *edits, **kwargs) -> list[str]:
    report = check_file(edited(tmp_path, *edits), **kwargs)
    assert report.brief is not None, [d.describe(EN) for d in report.diagnostics]
    return [d.code for d in report.diagnostics]


def test_the_base_file_has_no_warning(tmp_path):
    assert codes(tmp_path) == []


@pytest.mark.parametrize("cutoff, warned", [("2025-11-21", False), ("2025-11-20", True),
                                            ("2025-11-21T00:00:00", False), ("2025-11-20T23:59:59", True)])
def test_a_cutoff_before_the_event(tmp_path, cutoff, warned):
    found = codes(tmp_path, ("cutoff = 2025-11-24T15:21:12", f"cutoff = {cutoff}"),
                  ("published = 2025-11-22", "published = 2025-11-20"),
                  ("published = 2025-11-24T15:21:12", "published = 2025-11-20"))
    assert ("cutoff-before-event" in found) is warned


@pytest.mark.parametrize("published, warned", [("2025-11-24T15:21:12", False), ("2025-11-24T15:21:13", True),
                                               ("2025-11-24", False), ("2025-11-25", True), ('"2025-11"', False),
                                               ('"2025-12"', True)])
def test_a_source_published_after_the_cutoff(tmp_path, published, warned):
    found = codes(tmp_path, ("published = 2025-11-24T15:21:12", f"published = {published}"))
    assert found == (["published-after-cutoff"] if warned else [])


@pytest.mark.parametrize("when, warned", [("2025-12-22", False), ("2025-12-23", True), ('"2025-12"', False),
                                          ('"2026-01"', True), ("2026-11-21", True), ("2024-11-21", False)])
def test_a_decision_long_after_the_event(tmp_path, when, warned):
    """The event is on 2025-11-21: its decision may be dated up to 31 days after, counted from its first day."""
    found = codes(tmp_path, ("when = 2025-11-21", f"when = {when}"))
    assert ("decision-long-after-date" in found) is warned
    assert lint.MAX_DECISION_LAG_DAYS == 31


def test_one_measure_in_units_of_different_kinds(tmp_path):
    assert codes(tmp_path, ('unit = "reactor"\nas_of = "2025-01"', 'unit = "percent"\nas_of = "2025-01"')) == [
        "mixed-units"]
    assert codes(tmp_path, ('unit = "reactor"\nas_of = "2025-01"', 'unit = "reactor"\nas_of = "2025-01"')) == []


POINT = ('[[statistics]]\nid = "reactors"', '''[[comparison]]
id = "reactors"
question.en = "How many reactors?"
question.ru = "Сколько реакторов?"

[[comparison.positions]]
source = "mfa"
says.en = "Many."
says.ru = "Много."
value = {{ value = {value}, unit = "{unit}"{scale} }}

[[statistics]]
id = "reactors"''')


@pytest.mark.parametrize("value, unit, scale, expected", [
    ("416", "reactor", "", []), ("0.416", "reactor", ', scale = "thousand"', []),
    ("417", "reactor", "", ["figure-mismatch"]), ("416", "percent", "", ["mixed-units"])])
def test_a_figure_the_comparison_and_the_statistics_give_differently(tmp_path, value, unit, scale, expected):
    edit = (POINT[0], POINT[1].format(value=value, unit=unit, scale=scale))
    assert codes(tmp_path, edit) == expected


def test_an_id_used_by_another_briefing_on_the_path(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "same.toml").write_text(BASE, encoding="utf-8")
    path = edited(tmp_path)
    assert [d.code for d in check_file(path, {"corpus-base": other / "same.toml"}).diagnostics] == [
        "id-used-elsewhere"]
    assert check_file(path, {"corpus-base": path}).diagnostics == []  # the file itself, found on the path
    result = run("check", str(path), env={"BRIEFING_PATH": str(other)})
    assert result.returncode == 0 and "[id-used-elsewhere]" in result.stderr
    assert run("check", "--strict", str(path), env={"BRIEFING_PATH": str(other)}).returncode == 2


def test_a_source_never_cited(tmp_path):
    assert codes(tmp_path, ('sources = ["pris"]', 'sources = ["mfa"]')) == ["source-never-cited"]


@pytest.mark.parametrize("text, warned", [("Two words", False), ("Three words here", True),
                                          ("416 reactors 31", False), ("A, b, c", True)])
def test_text_identical_in_both_languages(tmp_path, text, warned):
    found = codes(tmp_path, ('text.en = "The first nuclear power plant."\ntext.ru = "Первая АЭС."',
                             f'text.en = "{text}"\ntext.ru = "{text}"'))
    assert found == (["untranslated"] if warned else [])
    assert lint.MIN_WORDS == 3


def test_an_outlet_is_a_name_and_may_be_the_same_in_both_languages(tmp_path):
    assert codes(tmp_path, ('outlet.en = "Foreign Ministry"\noutlet.ru = "МИД"',
                            'outlet.en = "The Foreign Ministry Bulletin"\noutlet.ru = "The Foreign Ministry Bulletin"')) == []


def test_a_zero_denominator_is_an_error_at_its_place_not_a_silent_loss(tmp_path):
    path = edited(tmp_path, ("value = 416", "value = 0"))
    [line] = lines(path)
    assert line == ("118:1: error: derived[0]: “reactors” is zero, so “per-reactor” would divide by zero")


def test_every_warning_is_in_both_languages_and_strict_makes_it_an_error(tmp_path):
    path = edited(tmp_path, ('sources = ["pris"]', 'sources = ["mfa"]'))
    english, russian = run("check", str(path)), run("check", "--lang", "ru", str(path))
    assert english.returncode == russian.returncode == 0
    assert english.stderr.splitlines()[0] == (
        f"{path}:67:6: warning: sources[2].id: source “pris” is never cited: no statement, position, figure, "
        "watch item or relay names it [source-never-cited]")
    assert russian.stderr.splitlines()[0].startswith(f"{path}:67:6: предупреждение: sources[2].id: на источник «pris» нигде нет ссылки")
    strict = run("check", "--strict", str(path))
    assert strict.returncode == 2 and f"{path}:67:6: error: sources[2].id:" in strict.stderr


# --- briefing new ---------------------------------------------------------------------------------------------

def test_new_writes_a_starter_that_passes_check_and_fails_strict_until_its_placeholders_are_replaced(tmp_path):
    result = run("new", "my-first", cwd=tmp_path)
    assert result.returncode == 0 and "briefing check my-first.toml" in result.stderr
    path = tmp_path / "my-first.toml"
    checked = run("check", str(path))
    assert checked.returncode == 0 and checked.stdout == f"ok: {path} (my-first)\n"
    warnings = checked.stderr.splitlines()[:-1]
    assert warnings and all(line.endswith("[placeholder]") for line in warnings)
    assert run("check", "--strict", str(path)).returncode == 2
    filled = path.read_text(encoding="utf-8").replace("TODO", "Done").replace("https://example.org/Done",
                                                                              "https://example.org/report")
    path.write_text(filled, encoding="utf-8")
    assert run("check", "--strict", str(path)).returncode == 0


def test_the_starter_is_in_both_languages_with_comments_in_the_chosen_one(tmp_path):
    english = authoring.starter("x", localizer("en"), dt.date(2026, 1, 2))
    russian = authoring.starter("x", localizer("ru"), dt.date(2026, 1, 2))
    assert 'title.en = "TODO: the headline of the briefing"' in english
    assert 'title.ru = "TODO: заголовок справки"' in english and 'title.ru = "TODO: заголовок справки"' in russian
    assert "# The day of the event" in english and "# The day of the event" not in russian
    assert "date = 2026-01-02" in english


def test_new_never_overwrites(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("my work\n", encoding="utf-8")
    result = run("new", "mine", "--output", str(path))
    assert result.returncode == 2 and result.stderr == f"briefing: {path} already exists; it is left as it is\n"
    assert path.read_text(encoding="utf-8") == "my work\n"
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "elsewhere.toml")  # a dangling link is an existing name, not a way through
    assert run("new", "mine", "-o", str(link)).returncode == 2 and not (tmp_path / "elsewhere.toml").exists()


@pytest.mark.parametrize("bad", ["My-Brief", "-x", "a b", "x" * 81])
def test_new_refuses_an_id_the_model_would_refuse(tmp_path, bad):
    result = run("new", "--", bad, cwd=tmp_path)
    assert result.returncode == 2 and list(tmp_path.iterdir()) == []
    assert result.stderr.startswith("briefing: ") and len(result.stderr.splitlines()) == 1


def test_new_accepts_the_longest_id(tmp_path):
    assert run("new", "x" * 80, cwd=tmp_path).returncode == 0


# --- show FILE ------------------------------------------------------------------------------------------------

def test_show_watch_needs_a_file_and_a_broken_file_prints_its_errors_without_the_dashboard(tmp_path):
    result = run("show", "--watch")
    assert result.returncode == 2 and result.stderr == (
        "briefing: --watch needs a briefing file: briefing show FILE --watch\n")
    path = edited(tmp_path, *FIVE)
    result = run("show", str(path), "--watch")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    *errors, last = result.stderr.splitlines()
    assert len(errors) == 5 and errors[0].startswith(f"{path}:6:8: error: date:")
    assert last == (f"briefing: {path} cannot be shown until its errors are mended: mend them, then run "
                    f"“briefing show {path} --watch” again")
    *errors, last = run("show", str(path)).stderr.splitlines()
    assert len(errors) == 5 and last == f"briefing: {path} cannot be shown until its errors are mended"
