"""Comparison, provenance and self-checking figures, on briefings written here."""

import datetime as dt
import re

import pytest
from pydantic import ValidationError

from decimal import Decimal
from fractions import Fraction

from briefing.analysis import analyse, figure_interval
from briefing.intervals import Interval, divide, of_figure, reading
from briefing.figures import arithmetic, figure
from briefing.i18n import localizer
from briefing.document import comparison_summary, coverage_line
from briefing.text import render
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


# --- the rules at their boundaries (issue #15: each planted fault must fail one of these) ----------------

def _averages(new_capacity):
    """Two averages of GW per reactor: 400 GW over 400 reactors (1 GW each), and `new_capacity` GW over 40."""
    stats = [stat("cap-op", 400, "gigawatt", None, ["news"]), stat("n-op", 400, "reactor", None, ["news"]),
             stat("cap-new", new_capacity, "gigawatt", None, ["news"]), stat("n-new", 40, "reactor", None, ["news"])]
    derived = [{"id": "avg-op", "label": text("Avg op"), "numerator": "cap-op", "denominator": "n-op",
                "kind": "average"},
               {"id": "avg-new", "label": text("Avg new"), "numerator": "cap-new", "denominator": "n-new",
                "kind": "average"}]
    return figures_brief(*stats, derived=derived)


@pytest.mark.parametrize("new_capacity, flagged", [(20, False), (Fraction(1999, 100), True), (19, True), (17, True)])
def test_sibling_rule_fires_below_half_and_not_at_half(new_capacity, flagged):
    """The sibling rule: an average strictly below half of a comparable one is flagged. Exactly half
    (0.5 GW beside 1 GW) is not; 0.4998 and 0.425 are (a rule at 0.4 would let them pass), and the reader
    is told 'below half'."""
    if isinstance(new_capacity, Fraction):
        new_capacity = Decimal(new_capacity.numerator) / Decimal(new_capacity.denominator)
    analysis = analyse(_averages(new_capacity))
    assert [f.statistic.id for f in analysis.flags] == (["cap-new"] if flagged else [])
    assert ("below half of a comparable one" in spaced(render(analysis, EN, 200))) is flagged


def test_dividing_by_a_range_divides_by_its_high_end_for_the_low_result():
    """An average over a range of 4 to 5 reactors: 100 t ÷ 5 is its low end, 100 t ÷ 4 its high end."""
    assert divide(Interval.point(Fraction(100)), Interval(Fraction(4), Fraction(5))) == Interval(Fraction(20),
                                                                                                Fraction(25))
    brief = figures_brief(stat("cargo", 100, "mass-tonne", None, ["news"]),
                          {**stat("ships", 4, "reactor", None, ["news"]), "value": [4, 5]},
                          derived=[{"id": "avg", "label": text("Avg"), "numerator": "cargo", "denominator": "ships",
                                    "kind": "average"}])
    [result] = analyse(brief).derived
    assert (result.reading.qualifier, result.reading.value, result.reading.high) == ("range", 20, 25)


@pytest.mark.parametrize("other, status", [(110, "agree"), (111, "differ"), (90, "agree"), (89, "differ")])
def test_about_allows_ten_percent_either_way_and_no_more(other, status):
    """'About 100' is read as 90 to 110: a source giving 110 or 90 agrees with it, 111 or 89 does not."""
    brief = build(sources=[source("a"), source("b")], comparison=[point(
        "p", position("a", {"value": 100, "unit": "mass-tonne", "qualifier": "about"}),
        position("b", {"value": other, "unit": "mass-tonne"}))])
    analysis = analyse(brief)
    assert analysis.points[0].status == status
    assert ("differ" in render(analysis, EN, 200).split("1. Question p?")[1].split("\n")[1]) is (status == "differ")


def test_a_figure_is_a_reference_only_when_all_its_sources_are_reference_datasets():
    """A figure from a reference dataset and a news source is a reported figure, listed with the others and
    checked as 'Also reported', never as a reference; from reference datasets alone it is a reference, and
    a news figure 3× away from it is flagged."""
    news = stat("n", 20, "gigawatt", "cap", ["news"])
    mixed = figures_brief(news, stat("r", 60, "gigawatt", "cap", ["ref", "a"]))
    analysis = analyse(mixed)
    assert [s.id for s in analysis.reported] == ["n", "r"] and analysis.flags == ()
    output = spaced(render(analysis, EN, 200))
    assert "Reference:" not in output and "Also reported: 60 GW" in output
    assert "r: 60 GW" in output  # listed among the reported figures
    reference = analyse(figures_brief(news, stat("r", 60, "gigawatt", "cap", ["ref"])))
    assert [s.id for s in reference.reported] == ["n"] and [f.statistic.id for f in reference.flags] == ["n"]
    assert "Reference: 60 GW" in spaced(render(reference, EN, 200))


@pytest.mark.parametrize("value, en, ru", [(Decimal("2.5"), "2.5 reactors", "2,5 реактора"),
                                           (Decimal("8.60"), "8.60 reactors", "8,60 реактора"),
                                           (Decimal("2.0"), "2.0 reactors", "2,0 реактора")])
def test_a_figure_keeps_the_decimals_it_was_written_with(value, en, ru):
    """A number is shown as its source wrote it: 2.5 reactors is never '2', 8.60 never '8.6'."""
    brief = figures_brief(stat("units", value, "reactor", None, ["news"]))
    [statistic] = brief.statistics
    assert spaced(figure(EN, statistic)) == en and spaced(figure(RU, statistic)) == ru
    assert en in spaced(render(analyse(brief), EN, 200))


# --- derived figures as the reader sees them (killing mutmut's survivors in briefing.analysis) ---------

def _derived(kind, *operands, **extra):
    data = {"id": "d", "label": text("D"), "kind": kind, **extra}
    if operands:
        data["operands"] = list(operands)
    return data


def _worked(stats, derived, locale=EN):
    [result] = analyse(figures_brief(*stats, derived=[derived])).derived
    return result, spaced(arithmetic(locale, result))


def test_a_range_result_is_shown_rounded_outward_at_both_ends():
    """100 t over 3 to 7 reactors is 14.285… to 33.333… t each: shown 14.28–33.34, never a narrower range."""
    result, shown = _worked([stat("cargo", 100, "mass-tonne", None, ["news"]),
                             {**stat("n", 3, "reactor", None, ["news"]), "value": [3, 7]}],
                            _derived("average", numerator="cargo", denominator="n"))
    assert (result.shown.qualifier, result.shown.value, result.shown.high) == (
        "range", Fraction(1428, 100), Fraction(3334, 100))
    assert shown.endswith("(the qualifiers allow 14.28–33.34 tonnes)") and not result.exact


@pytest.mark.parametrize("kind, a, b, shown", [
    ("sum", "0.125", "1", "= 1.125 tonnes"),  # exact: the operands' three decimals, not two
    ("difference", "1.125", "1", "= 0.125 tonnes"),
    ("change", "1", "1.125", ": +0.125 tonnes"),
])
def test_an_exact_sum_or_difference_keeps_its_operands_decimals(kind, a, b, shown):
    """Sums, differences and changes of exact figures are shown with the decimals their operands were written
    with (1.125, not a rounded 1.13)."""
    _, worked = _worked([stat("a", Decimal(a), "mass-tonne", None, ["news"]),
                         stat("b", Decimal(b), "mass-tonne", None, ["news"])], _derived(kind, "a", "b"))
    assert worked.endswith(shown), worked


def test_a_sum_keeps_the_scale_and_per_of_its_operands():
    """1.5 million barrels a day and 0.5 million barrels a day make 2 million barrels a day."""
    stats = [{**stat(i, Decimal(v), "volume-barrel", None, ["news"]), "scale": "million", "per": "duration-day"}
             for i, v in (("a", "1.5"), ("b", "0.5"))]
    result, worked = _worked(stats, _derived("sum", "a", "b"))
    assert (result.scale, result.per) == ("million", "day") or (result.scale == "million" and result.per)
    assert worked.endswith("= 2 million barrels per day"), worked


@pytest.mark.parametrize("top, shown", [(1, "= 1 million tonnes"), (Decimal("1.5"), "= 1.50 million tonnes"),
                                        (Decimal("0.5"), "= 500,000 tonnes")])
def test_an_average_keeps_its_scale_word_from_one_up_and_spells_out_less(top, shown):
    """A scaled average of 1 million t or more stays in millions; below one million it is written out."""
    _, worked = _worked([{**stat("cargo", top, "mass-tonne", None, ["news"]), "scale": "million"},
                         stat("n", 1, "reactor", None, ["news"])],
                        _derived("average", numerator="cargo", denominator="n"))
    assert worked.endswith(shown), worked


def test_an_average_per_a_cldr_unit_says_per_what():
    """Tonnes over days is tonnes per day; the result names the denominator's unit."""
    result, worked = _worked([stat("cargo", 700, "mass-tonne", None, ["news"]),
                              stat("days", 7, "duration-day", None, ["news"])],
                             _derived("average", numerator="cargo", denominator="days"))
    assert result.per == "duration-day" or result.per == "day"
    assert worked.endswith("= 100 tonnes per day"), worked


@pytest.mark.parametrize("first, second, shown", [(Decimal("0.5"), 1, "+100%"), (-5, -4, "+20%"),
                                                  (4, 5, "+25%"), (5, 4, "−20%")])
def test_a_percent_change_is_measured_from_the_first_figure_by_its_size(first, second, shown):
    """From 0.5 to 1 is +100 %; from −5 to −4 a rise of 20 % (divided by |−5|); from 5 to 4 −20 %."""
    _, worked = _worked([stat("a", first, "mass-tonne", None, ["news"]), stat("b", second, "mass-tonne", None, ["news"])],
                        _derived("percent-change", "a", "b"))
    assert worked.endswith(shown), worked


def test_an_approximate_operand_makes_an_approximate_result():
    """About 100 t over 4 reactors is about 25 t each, in every kind of derived figure; about 100 t and 100 t
    make about 200 t, not 190–210 t."""
    stats = [stat("a", 100, "mass-tonne", None, ["news"], "about"), stat("n", 4, "reactor", None, ["news"]),
             stat("b", 100, "mass-tonne", None, ["news"])]
    for derived, shown in [(_derived("average", numerator="a", denominator="n"), "= about 25 tonnes"),
                           (_derived("share", "a", "b"), "= about 100%"),
                           (_derived("ratio", "a", "b"), "= about 1"),
                           (_derived("sum", "a", "b"), "= about 200 tonnes")]:
        _, worked = _worked(stats, derived)
        assert worked.endswith(shown), (derived["kind"], worked)


@pytest.mark.parametrize("part, shown", [(1, "0.10%"), (2, "0.20%"), (Decimal("0.0001"), "0.000010%")])
def test_a_small_share_keeps_two_significant_digits(part, shown):
    """A share shows one decimal, more where it would lose its two significant digits: 1 in 1,000 is 0.10 %."""
    _, worked = _worked([stat("part", part, "mass-tonne", None, ["news"]), stat("all", 1000, "mass-tonne", None, ["news"])],
                        _derived("share", "part", "all"))
    assert worked.endswith(shown), worked


def test_a_vanishingly_small_share_is_shown_with_at_most_30_decimals():
    """A result too small for 30 decimals is shown with 30, not more."""
    result, _ = _worked([stat("part", 1, "mass-tonne", None, ["news"]),
                         stat("all", 10 ** 40, "mass-tonne", None, ["news"])], _derived("share", "part", "all"))
    assert result.digits == 30


@pytest.mark.parametrize("thousands, flagged", [(20_000, False), (19_990, True)])
def test_the_sibling_rule_compares_averages_in_base_units_with_their_scale_words(thousands, flagged):
    """1 GW per reactor beside `thousands` thousand kW over 40 reactors: 500 thousand kW (0.5 GW) is exactly
    half, not flagged; 499.75 thousand kW is below half."""
    stats = [stat("cap-op", 400, "gigawatt", None, ["news"]), stat("n-op", 400, "reactor", None, ["news"]),
             {**stat("cap-new", thousands, "power-kilowatt", None, ["news"]), "scale": "thousand"},
             stat("n-new", 40, "reactor", None, ["news"])]
    derived = [{"id": "avg-op", "label": text("Avg op"), "numerator": "cap-op", "denominator": "n-op",
                "kind": "average"},
               {"id": "avg-new", "label": text("Avg new"), "numerator": "cap-new", "denominator": "n-new",
                "kind": "average"}]
    analysis = analyse(figures_brief(*stats, derived=derived))
    assert analysis.derived[1].scale == "thousand"
    assert [f.statistic.id for f in analysis.flags] == (["cap-new"] if flagged else [])


def test_a_sum_is_in_the_first_operands_unit_and_scale():
    """1 million t + 500,000 t is said in millions, as the first figure is."""
    _, worked = _worked([{**stat("a", 1, "mass-tonne", None, ["news"]), "scale": "million"},
                         stat("b", 500_000, "mass-tonne", None, ["news"])], _derived("sum", "a", "b"))
    assert worked.endswith("= 1.50 million tonnes"), worked


def test_an_approximate_average_below_one_of_its_scale_is_written_out():
    """About 0.5 million t for one reactor is about 500,000 t."""
    _, worked = _worked([{**stat("a", Decimal("0.5"), "mass-tonne", None, ["news"], "about"), "scale": "million"},
                         stat("n", 1, "reactor", None, ["news"])],
                        _derived("average", numerator="a", denominator="n"))
    assert worked.endswith("= about 500,000 tonnes"), worked


def test_a_percent_change_from_a_base_below_one_unit_is_not_turned_round():
    """From 0.5 mg to 1 mg is +100 % (a base below one of the base unit is still positive)."""
    _, worked = _worked([stat("a", Decimal("0.5"), "mass-milligram", None, ["news"]),
                         stat("b", 1, "mass-milligram", None, ["news"])], _derived("percent-change", "a", "b"))
    assert worked.endswith(": +100%"), worked


def test_a_sum_with_a_range_shows_the_decimals_of_the_range_ends():
    """1.125–2.5 t + 1 t: the range 2.125–3.500 t keeps the three decimals a range end was written with."""
    _, worked = _worked([{**stat("a", Decimal("1.125"), "mass-tonne", None, ["news"]),
                          "value": [Decimal("1.125"), Decimal("2.5")]}, stat("b", 1, "mass-tonne", None, ["news"])],
                        _derived("sum", "a", "b"))
    assert worked.endswith("≈ 2.812 tonnes (the qualifiers allow 2.125–3.500 tonnes)"), worked  # midpoint


def test_the_sources_outside_a_clear_majority_are_named_whatever_the_sizes_of_the_smaller_groups():
    """Three sources give 10 t, one 20 t and one 30 t: the two lone values are the ones that differ."""
    sources = [source(s) for s in "abcde"]
    values = {"a": 10, "b": 10, "c": 10, "d": 20, "e": 30}
    brief = build(sources=sources, comparison=[
        point("p", *(position(s, {"value": v, "unit": "mass-tonne"}) for s, v in values.items()))])
    [result] = analyse(brief).points
    assert result.status == "differ" and result.outliers == ("d", "e")


def test_a_position_without_a_value_does_not_end_the_comparison_of_values():
    """A source that speaks to a point without giving a value is skipped; the values after it are compared."""
    brief = build(sources=[source(s) for s in "abc"], comparison=[
        point("p", position("a"), position("b", {"value": 10, "unit": "mass-tonne"}),
              position("c", {"value": 20, "unit": "mass-tonne"}))])
    assert analyse(brief).points[0].status == "differ"


def test_a_result_no_bound_can_be_given_for_is_never_called_exact():
    """More than 5 t − more than 3 t could be anything: '≈ 2 t (no bound can be given)', never '= 2 t'."""
    result, worked = _worked([stat("a", 5, "mass-tonne", None, ["news"], "more-than"),
                              stat("b", 3, "mass-tonne", None, ["news"], "more-than")], _derived("difference", "a", "b"))
    assert not result.exact and worked.endswith("≈ 2 tonnes (no bound can be given)"), worked


def _two_averages(first, second, kind="average"):
    """Two derived figures of `kind`, each (numerator, denominator) as (value, unit) pairs."""
    stats, derived = [], []
    for n, (top, bottom) in enumerate((first, second)):
        stats += [stat(f"top{n}", top[0], top[1], None, ["news"]), stat(f"bottom{n}", bottom[0], bottom[1], None, ["news"])]
        derived.append({"id": f"avg{n}", "label": text(f"Avg {n}"), "numerator": f"top{n}", "denominator": f"bottom{n}",
                        "kind": kind})
    return analyse(figures_brief(*stats, derived=derived))


def test_the_sibling_rule_compares_only_averages_of_the_same_thing_per_the_same_thing():
    """1 GW per reactor is not compared with 0.001 t per reactor (another quantity), nor with 0.1 GW a day
    (another denominator); beside 0.25 GW per reactor it is, as a ratio too."""
    one_gw = ((400, "gigawatt"), (400, "reactor"))
    assert _two_averages(one_gw, ((1, "mass-tonne"), (1000, "reactor"))).flags == ()
    assert _two_averages(one_gw, ((1, "gigawatt"), (10, "duration-day"))).flags == ()
    for kind in ("average", "ratio"):
        flags = _two_averages(one_gw, ((10, "gigawatt"), (40, "reactor")), kind).flags
        assert [f.statistic.id for f in flags] == ["top1"], kind


def test_a_figure_is_checked_only_against_figures_of_the_same_dimension():
    """A measure given in gigawatts by one source and in tonnes by a reference is not checked across."""
    analysis = analyse(figures_brief(stat("n", 20, "gigawatt", "m", ["news"]), stat("r", 1000, "mass-tonne", "m", ["ref"])))
    assert analysis.checks == () and analysis.flags == ()


@pytest.mark.parametrize("noun, cldr", [("mass", "mass-kilogram"), ("length", "length-meter"),
                                        ("duration", "duration-second")])
def test_a_counted_noun_named_like_a_cldr_category_is_a_dimension_of_its_own(noun, cldr):
    """5 of a counted noun called "mass" are 5 of those things, not 5 kg: a reference's 5 kg is not checked
    against them, and a source's 5 kg does not agree with them."""
    from tests.test_generality import SHIP

    brief = build(sources=[source("a"), source("news"), source("ref", kind="reference-dataset")], counted={noun: SHIP},
                  statistics=[stat("n", 5, noun, "m", ["news"]), stat("r", 5, cldr, "m", ["ref"])],
                  comparison=[point("p", position("a", {"value": 5, "unit": noun}),
                                    position("news", {"value": 5, "unit": cldr}))])
    analysis = analyse(brief)
    assert analysis.checks == () and analysis.flags == ()
    assert analysis.points[0].status == "differ"


@pytest.mark.parametrize("qualifier, shown", [("more-than", "≈ more than 66.66 tonnes"),
                                              ("less-than", "≈ less than 66.67 tonnes"),
                                              ("exact", "≈ 66.67 tonnes")])
def test_a_floor_is_rounded_down_a_ceiling_up_and_an_exact_result_to_the_nearest(qualifier, shown):
    """200 t ÷ 3 reactors is 66.666… t: 'more than 66.66', 'less than 66.67', or about 66.67, so that what is
    said stays true."""
    _, worked = _worked([stat("a", 200, "mass-tonne", None, ["news"], qualifier), stat("n", 3, "reactor", None, ["news"])],
                        _derived("average", numerator="a", denominator="n"))
    assert worked.endswith(shown), worked


def test_values_in_different_dimensions_never_agree_and_per_units_are_converted():
    """1 t and 1,000 W are not the same value, whatever their base units; 100 barrels a day and 700 barrels a
    week are."""
    def status(a, b):
        brief = build(sources=[source("a"), source("b")], comparison=[point("p", position("a", a), position("b", b))])
        return analyse(brief).points[0].status

    assert status({"value": 1, "unit": "mass-tonne"}, {"value": 1000, "unit": "power-watt"}) == "differ"
    assert status({"value": 100, "unit": "volume-barrel", "per": "duration-day"},
                  {"value": 700, "unit": "volume-barrel", "per": "duration-week"}) == "agree"
    assert status({"value": 100, "unit": "volume-barrel", "per": "duration-day"},
                  {"value": 100, "unit": "volume-barrel", "per": "duration-week"}) == "differ"


def test_only_the_flagged_figure_is_marked_flagged():
    """Of two reported figures, the one a reference disagrees with is marked; the other is not."""
    from briefing import document

    brief = figures_brief(stat("n", 20, "gigawatt", "cap", ["news"]), stat("r", 65, "gigawatt", "cap", ["ref"]),
                          stat("other", 5, "reactor", None, ["news"]))
    doc = document.build(analyse(brief), EN)
    figures = {f.id: (f.flagged, f.status) for section in doc.sections for block in section.blocks
               if isinstance(block, document.Figures) for f in block.figures}
    assert figures == {"n": (True, "flagged"), "other": (False, "unchecked")}


def test_the_sibling_rule_does_not_compare_averages_over_different_counted_things():
    """1 GW per reactor and 0.1 GW per ship are not siblings: no flag, though one is a tenth of the other."""
    from tests.test_generality import SHIP

    stats = [stat("t0", 400, "gigawatt", None, ["news"]), stat("b0", 400, "reactor", None, ["news"]),
             stat("t1", 10, "gigawatt", None, ["news"]), stat("b1", 100, "ship", None, ["news"])]
    derived = [{"id": f"avg{n}", "label": text(f"Avg {n}"), "numerator": f"t{n}", "denominator": f"b{n}",
                "kind": "average"} for n in (0, 1)]
    brief = build(sources=[source("a"), source("news")], statistics=stats, derived=derived, counted={"ship": SHIP})
    assert analyse(brief).flags == ()


def test_a_rate_and_an_amount_are_different_things_even_when_their_numbers_meet():
    """86,400 barrels a day is one barrel a second, but it is not '1 barrel': the two differ."""
    brief = build(sources=[source("a"), source("b")], comparison=[point(
        "p", position("a", {"value": 86_400, "unit": "volume-barrel", "per": "duration-day"}),
        position("b", {"value": 1, "unit": "volume-barrel"}))])
    assert analyse(brief).points[0].status == "differ"


def test_a_figure_written_with_an_exponent_has_the_decimals_it_shows():
    """1.5e1 t is written 15 t, with no decimals: about 15 t − 15 t is shown as 15 t − 15 t is, its range
    with the two decimals of a difference that is not whole, not with one."""
    def worked(value):
        return _worked([stat("a", value, "mass-tonne", None, ["news"], "about"),
                        stat("b", 15, "mass-tonne", None, ["news"])], _derived("difference", "a", "b"))[1]

    assert worked(Decimal("1.5E+1")) == worked(15)
    assert worked(15).endswith("(the qualifiers allow −1.50 tonnes to 1.50 tonnes)"), worked(15)


@pytest.mark.parametrize("per_week, flagged", [(7, []), (Decimal("6.99"), ["top1"])])
def test_the_sibling_rule_converts_per_units_before_comparing(per_week, flagged):
    """2 t a day beside 7 t a week (1 t a day) is exactly half: not flagged; 6.99 t a week is below half.
    Compared without their per units, 2 t would be the one below half of 7 t."""
    analysis = _two_averages(((14, "mass-tonne"), (7, "duration-day")), ((per_week, "mass-tonne"), (1, "duration-week")))
    assert [f.statistic.id for f in analysis.flags] == flagged


def test_an_average_per_a_counted_noun_is_never_a_sibling_of_one_per_a_cldr_unit():
    """2 GW per 'duration' (a counted noun the brief declares) and 1 GW a day are not siblings, though the
    noun is named like the day's dimension: no flag, though a day's gigawatt is far below half of 2 GW."""
    from tests.test_generality import SHIP

    stats = [stat("t0", 10, "gigawatt", None, ["news"]), stat("b0", 5, "duration", None, ["news"]),
             stat("t1", 1, "gigawatt", None, ["news"]), stat("b1", 1, "duration-day", None, ["news"])]
    derived = [{"id": f"avg{n}", "label": text(f"Avg {n}"), "numerator": f"t{n}", "denominator": f"b{n}",
                "kind": "average"} for n in (0, 1)]
    brief = build(sources=[source("a"), source("news")], statistics=stats, derived=derived,
                  counted={"duration": SHIP})
    analysis = analyse(brief)
    assert [d.per for d in analysis.derived] == [None, "duration-day"]
    assert analysis.flags == ()


def test_a_name_given_twice_is_named_as_compared_with_single_spaces():
    """Names are compared folded (case, ё, spacing): the message names the spelling given twice so."""
    from tests.test_generality import errors

    names = [{"name": "State Corporation", "aliases": ["Goskorporatsiya"]},
             {"name": "Rosatom", "aliases": ["state  CORPORATION"]}]
    assert errors(names=names) == [("name_twice", "“state corporation” is listed under two names; give each "
                                                  "spelling once")]


def test_a_derived_figure_after_one_that_cannot_be_computed_is_still_checked():
    """A figure built on a statistic the brief lacks is skipped, not the end of the checks: the share after it,
    of a zero, is refused too, each at its place."""
    from tests.test_generality import OPERANDS, derived

    with pytest.raises(ValidationError) as raised:
        build(statistics=OPERANDS, derived=[derived("lost", "sum", "x", "missing"), derived("d", "share", "x", "y")])
    assert [(e["type"], e["loc"][:2]) for e in raised.value.errors()] == [
        ("unknown_statistic", ("derived", 0)), ("derived_zero", ("derived", 1))]


#: A counted noun no shipped list has, declared by the brief alone: only the brief's own forms can word it.
GADGET = {"en": {"one": "gadget", "other": "gadgets"},
          "ru": {"one": "штука", "few": "штуки", "many": "штук", "other": "штуки"}}


def test_a_briefs_own_counted_nouns_word_every_figure_the_statistics_and_comparison_show():
    """The brief's declared nouns reach every figure a reader sees: a figure, its flag's headline, the sibling
    rule and the reference value a flag cites, a derived figure's working, and a figure given as a
    comparison value."""
    stats = [stat("w-op", 400, "gadget", None, ["news"]), stat("c-op", 400, "country", None, ["news"]),
             stat("w-new", 10, "gadget", None, ["news"]), stat("c-new", 40, "country", None, ["news"]),
             stat("made", 500, "gadget", "made", ["news"]), stat("made-ref", 100, "gadget", "made", ["ref"])]
    derived = [{"id": "avg-op", "label": text("Avg op"), "numerator": "w-op", "denominator": "c-op",
                "kind": "average"},
               {"id": "avg-new", "label": text("Avg new"), "numerator": "w-new", "denominator": "c-new",
                "kind": "average"}]
    brief = build(sources=[source("a"), source("news"), source("ref", kind="reference-dataset")],
                  statistics=stats, derived=derived, counted={"gadget": GADGET},
                  comparison=[point("made", position("a", value={"value": 3, "unit": "gadget"}),
                                    position("news", value={"value": 4, "unit": "gadget"}))])
    output = spaced(render(analyse(brief), EN, 200))
    assert "! w-new: 10 gadgets [2] — inconsistent, unverified" in output
    assert "Rule: an average below half of a comparable one. Avg new: 0.25 gadgets. Avg op: 1 gadget." in output
    assert "Reference value: 100 gadgets, 1 January 2025 [3]" in output
    assert "Avg new: 10 gadgets ÷ 40 countries = 0.25 gadgets" in output
    assert "! Value 3 gadgets given by [1]" in output and "! Value 4 gadgets given by [2]" in output


def _five_source_brief():
    """Five compared sources after a reference dataset (listed first, so it is [1] and is not compared), and a
    point of each kind whose wording changes with a count of two or more."""
    sources = [source("ref", kind="reference-dataset"), *(source(s) for s in "abcde")]
    return build(sources=sources, comparison=[
        point("many", *(position(s, value=v) for s, v in zip("abcde", (10, 10, 10, 20, 30)))),
        point("when", position("a", value=dt.date(2025, 11, 21)), position("b", value={"date": "2025"}),
              position("c", value={"date": "2025"})),
        point("name", position("a", value="North"), position("b", value="South")),
        point("x1", position("a"), position("b"), verdict="complement"),
        point("x2", position("a"), position("c"), verdict="complement"),
        point("n1"), point("n2"),
        {"id": "e-only", "question": text("What e alone says"), "positions": [position("e")]},
    ])


def test_the_comparison_words_every_count_of_two_in_the_plural():
    """Two outliers differ, two sources give the year only, two points complement and two come from no source:
    each in its plural wording; a name given as a value is quoted."""
    analysis = analyse(_five_source_brief())
    output = spaced(render(analysis, EN, 200))
    assert "! Differ from the others: [5][6]" in output
    assert "[3][4] give the year only" in output
    assert '! Value “North” given by [2]' in output
    assert spaced(comparison_summary(EN, analysis)) == (
        "5 sources, 8 points: 1 agrees, 2 differ, 2 complement, 1 from one source only, 2 from no source")


def test_coverage_lists_every_compared_source_after_a_reference_dataset_and_ends_each_question():
    """A reference dataset is left out of the coverage list, not the sources after it; a point only one
    source reports is named as a sentence, its full stop added when its question has no end of its own."""
    output = spaced(render(analyse(_five_source_brief()), EN, 200))
    coverage = output.split("Coverage by source\n")[1].split("\n\n")[0]
    assert [line.split(":")[0] for line in coverage.splitlines() if line.startswith("•")] == [
        "• [2] Outlet A", "• [3] Outlet B", "• [4] Outlet C", "• [5] Outlet D", "• [6] Outlet E"]
    assert "  Only here: What e alone says.\n" in coverage + "\n"


def test_a_summary_without_points_is_its_head_alone():
    """No point compared: the summary line is the sources and '0 points', with no ':' and no empty list."""
    assert spaced(comparison_summary(EN, analyse(build()))) == "1 source, 0 points"
