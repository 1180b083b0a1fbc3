"""The data format: what a briefing file may and may not say."""

import datetime as dt

import pytest
from pydantic import ValidationError

from briefing.model import Briefing, FuzzyDate
from tests.conftest import build, minimal_briefing_data, source, text


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
