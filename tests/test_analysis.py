"""Comparison, provenance and self-checking figures, on briefings written here."""

import datetime as dt
import re

import pytest

from fractions import Fraction

from briefing.analysis import analyse, figure_interval
from briefing.intervals import Interval, divide, of_figure, reading
from briefing.figures import arithmetic, figure
from briefing.i18n import localizer
from briefing.text import comparison_summary, coverage_line, render
from tests.conftest import build, point, position, source, text

EN, RU = localizer("en"), localizer("ru")
NBSP = "\u00a0"


def stat(stat_id, value, unit, measure, sources, qualifier="exact", as_of=dt.date(2025, 1, 1)):
    return {"id": stat_id, "label": text(stat_id), "value": value, "unit": unit, "qualifier": qualifier,
            "as_of": as_of, "measure": measure, "sources": sources}


THREE = [source("a"), source("b", language="ru"), source("c", kind="official-statement")]


def spaced(text: str) -> str:
    """No-break spaces as plain ones, where a test is about words rather than line breaks."""
    return text.replace(NBSP, " ")


def three_source_brief():
    return build(sources=THREE, comparison=[
        point("all-agree", position("a"), position("b"), position("c")),
        point("dates-conflict", position("a", value=dt.date(2025, 11, 21)), position("b", value=dt.date(2025, 11, 21)),
              position("c", value=dt.date(2025, 11, 22))),
        point("numbers-conflict", position("a", value=416), position("c", value=415)),
        point("names-agree", position("a", value="Board of Governors"), position("b", value="board of  governors")),
        point("stance", position("a"), position("b"), verdict="differ"),
        point("only-c", position("c")),
        point("nobody"),
    ])


def test_point_status_across_three_sources():
    statuses = {r.point.id: r.status for r in analyse(three_source_brief()).points}
    assert statuses == {"all-agree": "agree", "dates-conflict": "differ", "numbers-conflict": "differ",
                        "names-agree": "agree", "stance": "differ", "only-c": "single", "nobody": "none"}


def test_conflicting_values_name_every_value_and_who_gives_it():
    results = {r.point.id: r for r in analyse(three_source_brief()).points}
    dates = results["dates-conflict"].conflicts
    assert [(c.value, c.sources) for c in dates] == [(dt.date(2025, 11, 21), ("a", "b")),
                                                       (dt.date(2025, 11, 22), ("c",))]
    output = render(analyse(three_source_brief()), EN, 100)
    assert f"! Value 21{NBSP}November{NBSP}2025 given by{NBSP}[1][2]" in output
    assert f"! Value 22{NBSP}November{NBSP}2025 given by{NBSP}[3]" in output


def test_coverage_per_source_and_what_only_it_reports():
    coverage = {c.source.id: c for c in analyse(three_source_brief()).coverage}
    assert (coverage["a"].covered, coverage["a"].total) == (5, 7)
    assert [p.id for p in coverage["c"].only_here] == ["only-c"]
    assert coverage["b"].only_here == ()


def test_summary_line_in_both_languages_with_plurals():
    analysis = analyse(three_source_brief())
    assert spaced(comparison_summary(EN, analysis)) == (
        "3 sources, 7 points: 2 agree, 3 differ, 1 from one source only, 1 from no source")
    assert spaced(comparison_summary(RU, analysis)) == (
        "3 источника, 7 пунктов: 2 совпадают, 3 расходятся, 1 только из одного источника, 1 не упоминается ни в одном источнике")


def test_summary_of_the_first_briefing(first_briefing):
    assert spaced(comparison_summary(EN, analyse(first_briefing))) == (
        "2 sources (1 independent), 13 points: 5 agree, 2 differ, 6 from one source only")


def test_a_source_not_listed_does_not_mention_the_point():
    output = render(analyse(three_source_brief()), EN, 100)
    block = output.split("6. Question only-c?")[1].split("\n\n")[0]
    assert "[1] Outlet A: does not mention it" in block and "[3] Outlet C: says so" in block


def figures_brief(*stats, derived=(), sources=None):
    return build(sources=sources or [source("a"), source("news"), source("ref", kind="reference-dataset")],
                 statistics=list(stats), derived=list(derived))


def test_qualifiers_stay_honest():
    brief = figures_brief(stat("cap", 376, "gigawatt", "cap", ["news"], "more-than"),
                          stat("share", 10, "percent", "share", ["news"], "nearly"),
                          stat("units", 21, "reactor", "units", ["news"], "more-than"))
    cap, share, units = brief.statistics
    assert figure(EN, cap) == f"more{NBSP}than{NBSP}376{NBSP}GW" and figure(RU, cap) == f"более{NBSP}376{NBSP}ГВт"
    assert figure(EN, share) == f"nearly{NBSP}10%" and figure(RU, share) == f"почти{NBSP}10{NBSP}%"
    assert figure(RU, units) == f"более{NBSP}21{NBSP}реактора"
    assert figure_interval(cap)[2] == Interval(Fraction(376 * 10**9), None, True, False)


def test_derived_figures_show_their_arithmetic(first_briefing):
    results = {d.figure.id: d for d in analyse(first_briefing).derived}
    per_operating = results["capacity-per-operating-reactor"]
    per_building = results["capacity-per-reactor-under-construction"]
    assert round(float(per_operating.nominal), 2) == 0.90 and round(float(per_building.nominal), 2) == 0.32
    assert arithmetic(EN, per_operating) == f"more{NBSP}than{NBSP}376{NBSP}GW ÷ 416{NBSP}reactors ≈ more{NBSP}than{NBSP}0.90{NBSP}GW"
    assert arithmetic(RU, per_building) == f"почти{NBSP}20{NBSP}ГВт ÷ 63{NBSP}реактора ≈ почти{NBSP}0,32{NBSP}ГВт"
    assert arithmetic(RU, results["construction-share-of-capacity"]).endswith(f"≈ менее{NBSP}5,4{NBSP}%")  # 5.319…%, open: rounded up
    assert round(float(results["construction-share-of-units"].nominal), 1) == 15.1
    assert round(float(results["construction-share-of-capacity"].nominal), 1) == 5.3


@pytest.mark.parametrize("numerator, denominator, expected", [
    ("exact", "exact", "exact"),
    ("more-than", "exact", "more-than"),  # more than 376 GW over 416 reactors: more than 0.90 GW each
    ("at-least", "exact", "at-least"),
    ("less-than", "exact", "less-than"),
    ("up-to", "exact", "at-most"),
    ("nearly", "exact", "nearly"),
    ("about", "exact", "about"),
    ("exact", "more-than", "less-than"),  # a larger count below makes the average smaller
    ("exact", "less-than", "more-than"),
    ("exact", "nearly", "range"),  # 100 ÷ [9, 10) lies in (10, 11.1]: bounded both ways
    ("exact", "at-least", "at-most"),  # 8% ÷ at least 10% is at most 80%
    ("exact", "at-most", "at-least"),
    ("nearly", "more-than", "less-than"),  # nearly 20 GW of more than 376 GW: less than 5.4%
    ("more-than", "less-than", "more-than"),
    ("more-than", "more-than", "more-than"),  # (0, ∞): only that the ratio is positive
    ("nearly", "nearly", "range"),
    ("exact", "about", "about"),
])
def test_a_derived_figure_keeps_what_its_qualifiers_allow(numerator, denominator, expected):
    top, bottom = of_figure(Fraction(100), numerator), of_figure(Fraction(10), denominator)
    approximate = "about" in (numerator, denominator)
    assert reading(Fraction(10), divide(top, bottom), approximate).qualifier == expected


def test_coverage_counts_take_the_russian_genitive_after_iz():
    brief = build(sources=[source("a"), source("b")],
                  comparison=[{"id": f"p{i}", "question": text(f"Q{i}"),
                               "positions": [{"source": "a", "says": text("yes")}]} for i in range(21)])
    cover = analyse(brief).coverage[0]
    assert coverage_line(RU, analyse(brief), cover) == f"[1] ru:Outlet A: 21 из 21{NBSP}пункта"
    assert coverage_line(EN, analyse(brief), cover) == f"[1] Outlet A: 21 of 21{NBSP}points"


def test_the_under_construction_capacity_is_flagged_by_both_rules(first_briefing):
    flags = analyse(first_briefing).flags
    assert [f.statistic.id for f in flags] == ["capacity-construction"]
    flag = flags[0]
    assert flag.siblings and {c.other.sources[0] for c in flag.references} == {"pris", "iea"}


@pytest.mark.parametrize("locale, words", [
    ("en", ["! Installed capacity of reactors under construction: nearly\u00a020\u00a0GW\u00a0[2]\u00a0— inconsistent, unverified",
            "Reference value: 65,040\u00a0MW, June\u00a02025\u00a0[3]", "Reference value: nearly\u00a070\u00a0GW, February\u00a02025\u00a0[4]",
            "below half of a comparable one", "it has not been corrected"]),
    ("ru", ["! Установленная мощность строящихся реакторов: почти\u00a020\u00a0ГВт\u00a0[2]\u00a0— не согласуется с другими данными, подтверждения нет",
            "65\u00a0040\u00a0МВт, июнь\u00a02025\u202fг.\u00a0[3]", "почти\u00a070\u00a0ГВт, февраль\u00a02025\u202fг.\u00a0[4]"]),
])
def test_the_brief_shows_the_flag_with_reference_values(first_briefing, locale, words):
    flagged = render(analyse(first_briefing), localizer(locale), 300).split("\n\n")
    block = re.sub(r"[ \n]+", " ", next(b for b in flagged if b.startswith(("Flagged", "Сомнительные"))))
    for word in words:
        assert word in block, word


def test_a_reference_dataset_that_agrees_raises_no_flag():
    brief = figures_brief(stat("n", 63, "reactor", "units", ["news"]), stat("r", 62, "reactor", "units", ["ref"]))
    analysis = analyse(brief)
    assert analysis.flags == () and analysis.checks[0].agrees


def test_a_reference_dataset_that_disagrees_flags_the_news_figure_not_the_reference():
    brief = figures_brief(stat("n", 20, "gigawatt", "cap", ["news"], "nearly"),
                          stat("r", 65_040, "megawatt", "cap", ["ref"]))
    analysis = analyse(brief)
    assert [f.statistic.id for f in analysis.flags] == ["n"]
    assert analysis.flags[0].references[0].distance == pytest.approx(1 - 20_000 / 65_040)
    # The source's number is never changed.
    assert analysis.brief.statistics[0].value == 20


def test_more_than_is_consistent_with_a_slightly_larger_reference():
    brief = figures_brief(stat("n", 376, "gigawatt", "cap", ["news"], "more-than"),
                          stat("r", 376_261, "megawatt", "cap", ["ref"]))
    assert analyse(brief).checks[0].distance == 0
    assert analyse(brief).checks[0].agrees


def test_sibling_rule_flags_an_average_under_half_of_its_sibling():
    stats = [stat("cap-op", 400, "gigawatt", None, ["news"]), stat("n-op", 400, "reactor", None, ["news"]),
             stat("cap-new", 10, "gigawatt", None, ["news"]), stat("n-new", 40, "reactor", None, ["news"])]
    derived = [{"id": "avg-op", "label": text("Avg op"), "numerator": "cap-op", "denominator": "n-op",
                "kind": "average"},
               {"id": "avg-new", "label": text("Avg new"), "numerator": "cap-new", "denominator": "n-new",
                "kind": "average"}]
    flags = analyse(figures_brief(*stats, derived=derived)).flags
    assert [f.statistic.id for f in flags] == ["cap-new"]
    assert flags[0].siblings[0].sibling.figure.id == "avg-op"
    # At more than half the sibling's size, nothing fires.
    stats[2]["value"] = 25
    assert analyse(figures_brief(*stats, derived=derived)).flags == ()


def test_every_fact_names_sources_that_resolve(first_briefing):
    analysis = analyse(first_briefing)
    known = set(analysis.numbers)
    decision = first_briefing.decision
    statements = [decision.what, decision.who, decision.where, *decision.why, *first_briefing.background,
                  *first_briefing.statistics, *first_briefing.watch]
    for item in statements:
        assert item.sources and set(item.sources) <= known
