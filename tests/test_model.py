"""The data format: what a briefing file may and may not say."""

import datetime as dt
import sys
from decimal import Decimal

import pytest
from pydantic import ValidationError

from briefing.model import Briefing, FuzzyDate
from tests.conftest import build, minimal_briefing_data, point, position, source, text


def errors_of(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as info:
        Briefing.model_validate(data)
    return info.value.errors()


def test_the_first_briefing_validates_with_every_section(first_briefing):
    assert first_briefing.id == "kz-iaea-far-east-2025"
    assert first_briefing.date == dt.date(2025, 11, 21)
    assert {s.id for s in first_briefing.sources} >= {"lada", "mfa"}
    assert first_briefing.background and first_briefing.comparison
    assert first_briefing.statistics and first_briefing.watch


def test_the_first_briefing_is_complete_in_both_languages(first_data):
    def walk(node):
        if isinstance(node, dict):
            if set(node) >= {"en", "ru"} and all(isinstance(v, str) for v in node.values()):
                yield node
            else:
                for value in node.values():
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    texts = list(walk(first_data))
    assert len(texts) > 100
    for pair in texts:
        assert pair["en"].strip() and pair["ru"].strip()
        # Russian text uses Russian quotes, never English ones.
        assert "“" not in pair["ru"] and "\"" not in pair["ru"], pair["ru"]


def test_the_first_briefing_holds_every_figure_of_the_english_report(first_briefing):
    figures = {(s.value, s.unit, s.qualifier) for s in first_briefing.statistics if s.sources == ["mfa"]}
    assert figures == {
        (416, "reactor", "exact"), (31, "country", "exact"), (376, "gigawatt", "more-than"),
        (10, "percent", "nearly"), (63, "reactor", "exact"), (20, "gigawatt", "nearly"),
        (15, "country", "exact"), (3, "country", "exact"),
    }


def test_unknown_keys_are_rejected():
    errors = errors_of(minimal_briefing_data(colour="red"))
    assert errors[0]["type"] == "extra_forbidden" and errors[0]["loc"] == ("colour",)


def test_a_missing_locale_is_rejected():
    data = minimal_briefing_data(title={"en": "Only English"})
    assert errors_of(data)[0]["type"] == "missing_locale"


def test_empty_text_is_rejected():
    assert errors_of(minimal_briefing_data(title=text("   ", "x")))[0]["type"] == "empty_text"


def test_numbers_are_not_accepted_as_strings():
    stat = {"id": "s", "label": text("S"), "value": "416", "unit": "reactor",
            "as_of": dt.date(2025, 1, 1), "sources": ["a"]}
    errors = errors_of(minimal_briefing_data(statistics=[stat]))
    assert errors[0]["loc"][:3] == ("statistics", 0, "value")


def test_non_finite_figures_are_rejected_and_negative_ones_kept():
    stat = {"id": "s", "label": text("S"), "value": -18, "unit": "reactor", "as_of": dt.date(2025, 1, 1),
            "sources": ["a"]}
    assert build(statistics=[stat]).statistics[0].value == -18
    for bad in (float("nan"), float("inf"), float("-inf")):
        stat = {"id": "s", "label": text("S"), "value": bad, "unit": "reactor",
                "as_of": dt.date(2025, 1, 1), "sources": ["a"]}
        assert errors_of(minimal_briefing_data(statistics=[stat]))


def test_every_named_source_must_exist():
    data = minimal_briefing_data()
    data["decision"]["why"][0]["sources"] = ["nowhere"]
    error = errors_of(data)[0]
    assert error["type"] == "unknown_source"
    assert error["loc"] == ("decision", "why", 0, "sources", 0)


def test_a_statement_without_sources_is_rejected():
    data = minimal_briefing_data()
    data["decision"]["what"]["sources"] = []
    assert errors_of(data)[0]["type"] == "too_short"


def test_duplicate_source_ids_are_rejected():
    error = errors_of(minimal_briefing_data(sources=[source("a"), source("a")]))[0]
    assert error["type"] == "duplicate_id" and error["ctx"]["id"] == "a"


def test_a_source_listed_twice_on_one_point_is_rejected():
    position = {"source": "a", "says": text("x")}
    point = {"id": "p", "question": text("Q?"), "positions": [position, position]}
    assert errors_of(minimal_briefing_data(comparison=[point]))[0]["type"] == "duplicate_position"


@pytest.mark.parametrize("raw, expected, precision", [
    (dt.date(2025, 11, 21), "2025-11-21", "day"),
    ("2025-06", "2025-06", "month"),
    ("2025", "2025", "year"),
    ("early-1990s", "early-1990s", "decade"),
    ("1990s", "1990s", "decade"),
])
def test_dates_keep_the_precision_the_source_gave(raw, expected, precision):
    data = minimal_briefing_data()
    data["decision"]["when"] = raw
    when = Briefing.model_validate(data).decision.when
    assert isinstance(when, FuzzyDate)
    assert (str(when), when.precision) == (expected, precision)


@pytest.mark.parametrize("raw", ["2025-13", "21 November", "1995s", dt.datetime(2025, 1, 1, 10, 0), 2025])
def test_impossible_or_loose_dates_are_rejected(raw):
    data = minimal_briefing_data()
    data["decision"]["when"] = raw
    assert errors_of(data)


def test_positions_may_leave_sources_out_meaning_not_mentioned():
    point = {"id": "p", "question": text("Q?"), "positions": []}
    assert build(comparison=[point]).comparison[0].positions == []


# --- each problem at its place, and what it names (killing mutmut's survivors in briefing.model) -----------

def statistic(stat_id: str, value, unit: str, sources=("a",), **extra) -> dict:
    return {"id": stat_id, "label": text(stat_id), "value": value, "unit": unit, "as_of": dt.date(2025, 1, 1),
            "sources": list(sources), **extra}


def derived(derived_id: str, kind: str, *operands: str, **extra) -> dict:
    return {"id": derived_id, "label": text(derived_id), "kind": kind, **({"operands": list(operands)} if operands
                                                                         else {}), **extra}


def statement(*sources: str) -> dict:
    return {"text": text("Said."), "sources": list(sources)}


def decision(**changes) -> dict:
    return {**minimal_briefing_data()["decision"], **changes}


def placed(**overrides) -> list[tuple[tuple, str, str]]:
    """(field path, kind, message) of every error of a briefing with these overrides; [] when it is valid."""
    try:
        Briefing.model_validate(minimal_briefing_data(**overrides))
    except ValidationError as error:
        return [(error["loc"], error["type"], error["msg"]) for error in error.errors()]
    return []


TONNES = [statistic("x", 10, "mass-tonne"), statistic("z", 5, "mass-tonne")]
UNKNOWN_ZZ = "unknown source “zz” (known: a)"


@pytest.mark.parametrize("overrides, loc, message", [
    ({"decision": decision(what=statement("a", "zz"))}, ("decision", "what", "sources", 1), UNKNOWN_ZZ),
    ({"decision": decision(who=statement("zz"))}, ("decision", "who", "sources", 0), UNKNOWN_ZZ),
    ({"decision": decision(where=statement("zz"))}, ("decision", "where", "sources", 0), UNKNOWN_ZZ),
    ({"decision": decision(when_sources=["a", "zz"])}, ("decision", "when_sources", 1), UNKNOWN_ZZ),
    ({"decision": decision(why=[statement("a"), statement("zz")])}, ("decision", "why", 1, "sources", 0), UNKNOWN_ZZ),
    ({"background": [{"date": "2024", **statement("zz")}]}, ("background", 0, "sources", 0), UNKNOWN_ZZ),
    ({"sources": [{**source("a"), "relays": ["zz"]}]}, ("sources", 0, "relays", 0), UNKNOWN_ZZ),
    ({"statistics": [statistic("s", 1, "mass-tonne", sources=["a", "zz"])]}, ("statistics", 0, "sources", 1),
     UNKNOWN_ZZ),
    ({"watch": [statement("a"), statement("zz")]}, ("watch", 1, "sources", 0), UNKNOWN_ZZ),
    ({"comparison": [point("p"), point("p")]}, ("comparison", 1, "id"), "the id “p” is used twice"),
    ({"statistics": TONNES, "derived": [derived("d", "sum", "x", "z"), derived("d", "sum", "z", "x")]},
     ("derived", 1, "id"), "the id “d” is used twice"),
    ({"statistics": TONNES, "derived": [derived("d", "sum", "x", "nope")]}, ("derived", 0, "operands", 1),
     "unknown statistic “nope”"),
    ({"statistics": TONNES, "derived": [derived("d", "ratio", numerator="x", denominator="nope")]},
     ("derived", 0, "denominator"), "unknown statistic “nope”"),
    ({"comparison": [point("p", position("a", {"value": 1, "unit": "qqqqqqqqq"}))]},
     ("comparison", 0, "positions", 0, "value", "unit"),
     "unknown unit “qqqqqqqqq” (nearest known: —); use a CLDR unit such as mass-tonne, an ISO 4217 currency such "
     "as USD, percent, or a counted noun declared under [counted]"),
    ({"statistics": [statistic("s", 1, "speed-light-speed")]}, ("statistics", 0, "unit"),
     "the unit “speed-light-speed” has no name in ru in CLDR, so it cannot be shown"),
    ({"statistics": [statistic("s", 1, "volume-barrel", per="qqqqqqqq")]}, ("statistics", 0, "per"),
     "“qqqqqqqq” cannot follow per (nearest known: —); use a CLDR unit such as duration-day"),
    ({"statistics": [statistic("s", 5, "percent", per="duration-day")]}, ("statistics", 0, "per"),
     "a percentage takes no scale word and no per unit"),
])
def test_each_problem_is_reported_at_the_field_that_holds_it_naming_what_is_wrong(overrides, loc, message):
    """The place a user is sent to: the reference itself (its list index included), not the table holding it."""
    [(where, _, said)] = placed(**overrides)
    assert (where, said) == (loc, message)


@pytest.mark.parametrize("value, shown", [(True, "true"), (False, "false")])
def test_a_boolean_figure_is_named_as_the_file_writes_it(value, shown):
    [(_, kind, message)] = placed(statistics=[statistic("s", value, "mass-tonne")])
    assert (kind, message) == ("not_a_number", f"expected a number, got {shown}")


@pytest.mark.parametrize("written, shown", [
    ("x" * 50, "x" * 40),
    (2025, "2025"),
    (10 ** 45, "1" + "0" * 39),
    (Decimal("2025.5"), "2025.5"),
    (Decimal("1." + "0" * 45), "1." + "0" * 38),
    (dt.datetime(2025, 1, 1, 10, 0), "2025-01-01T10:00:00"),
    (dt.time(10, 0), "10:00:00"),
])
def test_a_date_that_is_no_date_is_shown_as_written_cut_to_40_characters(written, shown):
    [(_, kind, message)] = placed(decision=decision(when=written))
    assert kind == "bad_date" and message.endswith(f"; got {shown}")


def test_a_relay_loop_is_found_among_later_sources_and_not_only_through_the_first():
    """Sources already reached from an earlier one are skipped, not the end of the search; and a loop that
    does not pass through the source the search started from is a loop too."""
    relaying = lambda source_id, *relays: {**source(source_id), "relays": list(relays)}  # noqa: E731
    assert placed(sources=[relaying("a", "b"), relaying("b"), relaying("c", "d"), relaying("d", "c")]) == [
        (("sources", 2, "relays"), "relay_loop", "sources relay each other in a loop: c → d → c")]
    assert placed(sources=[relaying("a", "b"), relaying("b", "c"), relaying("c", "b")]) == [
        (("sources", 1, "relays"), "relay_loop", "sources relay each other in a loop: b → c → b")]


SHIP = {"en": {"one": "ship", "other": "ships"},
        "ru": {"one": "судно", "few": "судна", "many": "судов", "other": "судна"}}


def test_every_counted_noun_is_checked_after_one_that_clashes_with_a_unit():
    assert [kind for _, kind, _ in placed(counted={"percent": SHIP, "ship": {"en": SHIP["en"]}})] == [
        "counted_clash", *["counted_missing"] * 4]


def test_a_counted_noun_without_a_language_lacks_each_of_its_forms():
    assert placed(counted={"ship": {"en": SHIP["en"]}}) == [
        (("counted", "ship", "ru"), "counted_missing", f"the counted noun “ship” lacks its ru form for the CLDR "
                                                       f"plural category “{category}” (needed: one, few, many, other)")
        for category in ("one", "few", "many", "other")]


@pytest.mark.parametrize("first, kind, unfit", [
    (statistic("x", 10, "mass-tonnes"), "difference", "unknown_unit"),
    (statistic("x", 10, "speed-light-speed"), "difference", "unnamed_unit"),
    (statistic("x", 10, "volume-barrel", per="duration-days"), "average", "bad_per"),
])
def test_a_derived_figure_is_not_computed_from_a_statistic_whose_unit_is_refused(first, kind, unfit):
    """The unit's own error is the one a user needs; a derived figure computed from it would add a second."""
    found = placed(statistics=[first, TONNES[1]], derived=[derived("d", kind, "x", "z")])
    assert [(loc[0], found_kind) for loc, found_kind, _ in found] == [("statistics", unfit)]


def test_a_derived_figure_is_still_computed_from_a_statistic_with_another_problem():
    """Only a refused unit makes a statistic unfit to compute from: a derived figure over one with an unknown
    source, or beside a comparison value with an unknown unit, is still checked."""
    zero = statistic("y", 0, "mass-tonne", sources=["zz"])
    odd = point("p", position("a", {"value": 1, "unit": "qqqqqqqqq"}))
    assert [kind for _, kind, _ in placed(statistics=[TONNES[0], zero], comparison=[odd],
                                          derived=[derived("d", "share", "x", "y")])] == [
        "unknown_unit", "unknown_source", "derived_zero"]


def test_a_text_falls_back_to_english_in_a_language_the_file_lacks():
    title = build(title={"en": "English", "ru": "Русский", "kk": "Қазақша"}).title
    assert (title.get("kk"), title.get("ru"), title.get("de")) == ("Қазақша", "Русский", "English")


def relay_ladder(rungs: int) -> list[dict]:
    """Sources s0 … sN where each s relays two sources, a and b, that both relay the next s: 2**N paths."""
    def relaying(source_id, *relays):
        return {**source(source_id), "relays": list(relays)}

    sources = [relaying(f"s{n}", f"a{n + 1}", f"b{n + 1}") for n in range(rungs)] + [relaying(f"s{rungs}")]
    sources += [relaying(f"{side}{n}", f"s{n}") for n in range(1, rungs + 1) for side in "ab"]
    return sources


def builtin_calls(data: dict) -> int:
    """The work of validating a briefing, counted (not timed) as the calls of built-in functions it makes."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "c_call"

    sys.setprofile(count)
    try:
        Briefing.model_validate(data)
    finally:
        sys.setprofile(None)
    return calls


def test_the_relay_loop_search_walks_each_source_once():
    """Sources relaying each other as a ladder of diamonds have 2**rungs paths from the top: twice the rungs is
    about twice the work (each source walked once), not its square, so such a file cannot hang the loader."""
    short, tall = (builtin_calls(minimal_briefing_data(sources=[source("a"), *relay_ladder(rungs)]))
                   for rungs in (6, 12))
    assert tall < 3 * short, (short, tall)
