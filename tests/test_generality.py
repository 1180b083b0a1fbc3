"""The generalised data model, pinned at its boundaries: figures in any unit, validation limits,
dates of every precision, intervals, comparison on meaning, derived figures and independent sources.

Each test's name states the rule it pins; a flipped comparison, a moved threshold or a dropped
qualifier should make one of them fail.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from pydantic import ValidationError

from briefing import dates
from briefing.analysis import REFERENCE_TOLERANCE, analyse, timeline
from briefing.date_parse import DateFormError, parse
from briefing.figures import arithmetic, figure, plain_number, quantity
from briefing.i18n import localizer
from briefing.intervals import ABOUT_SPAN, NEARLY_SPAN, Interval, of_figure, reading
from briefing.model import MAX_DECIMALS, MAX_DIGITS
from briefing.document import check_line, comparison_summary, outlier_line, precision_line
from briefing.text import render
from tests.conftest import build, point, position, source, text

# American English: these tests pin CLDR wording ("metric tons", "$79.41"); test_i18n pins each territory's own
EN, RU = localizer("en_US"), localizer("ru")
NBSP = "\u00a0"
NNBSP = "\u202f"
F = Fraction
D = Decimal

SHIP = {"en": {"one": "ship", "other": "ships"},
        "ru": {"one": "судно", "few": "судна", "many": "судов", "other": "судна"}}
PERSON = {"en": {"one": "person", "other": "people"},
          "ru": {"one": "человек", "few": "человека", "many": "человек", "other": "человека"}}
NOUNS = {"ship": SHIP}


def n(text_: str) -> str:
    """Write expected strings with '_' where the code puts a no-break space."""
    return text_.replace("_", NBSP)


def stat(stat_id, value, unit, qualifier="exact", measure=None, sources=("a",), **extra):
    return {"id": stat_id, "label": text(stat_id), "value": value, "unit": unit, "qualifier": qualifier,
            "as_of": dt.date(2025, 1, 1), "measure": measure, "sources": list(sources), **extra}


def derived(derived_id, kind, *operands, **extra):
    data = {"id": derived_id, "label": text(derived_id), "kind": kind, **extra}
    if operands:
        data["operands"] = list(operands)
    return data


def errors(**overrides) -> list[tuple[str, str]]:
    """(type, message) of every error a briefing with these overrides raises; [] when it is valid."""
    try:
        build(**overrides)
    except ValidationError as error:
        return [(e["type"], e["msg"]) for e in error.errors()]
    return []


def kinds(**overrides) -> list[str]:
    return [kind for kind, _ in errors(**overrides)]


# --- 1. figures in any unit, both languages --------------------------------------------------

@pytest.mark.parametrize("value, unit, extra, en, ru", [
    # CLDR units: mass in the long form, power in the short form
    (D("3.5"), "mass-tonne", {}, "3.5_metric_tons", "3,5_тонны"),
    (1, "mass-tonne", {}, "1_metric_ton", "1_тонна"),
    (2, "mass-tonne", {}, "2_metric_tons", "2_тонны"),
    (376, "power-gigawatt", {}, "376_GW", "376_ГВт"),
    (376, "gigawatt", {}, "376_GW", "376_ГВт"),  # a format-1 name means the CLDR unit
    # per compounds
    (206000, "volume-barrel", {"per": "duration-day"}, "206,000_barrels_per_day", "206_000_баррелей_в_день"),
    (20, "power-megawatt", {"per": "duration-hour"}, "20_MW_per_hour", "20_МВт_в_час"),
    # ISO 4217 currencies: written decimals kept, the locale's pattern
    (D("79.41"), "USD", {}, "$79.41", "79,41_$"),
    (18, "USD", {}, "$18", "18_$"),
    (D("79.41"), "EUR", {}, "€79.41", "79,41_€"),
    (D("1.65"), "USD", {"scale": "billion"}, "1.65_billion_US dollars", "1,65_миллиарда_долларов США"),
    (5, "USD", {"scale": "million"}, "5_million_US dollars", "5_миллионов_долларов США"),
    (1, "USD", {"scale": "million"}, "1_million_US dollars", "1_миллион_долларов США"),
    # percent keeps the decimals it was written with
    (D("8.6"), "percent", {}, "8.6%", "8,6_%"),
    (D("8.60"), "percent", {}, "8.60%", "8,60_%"),
    (10, "percent", {}, "10%", "10_%"),
    # percentage points, a shipped counted noun
    (1, "percentage-point", {}, "1_percentage point", "1_процентный пункт"),
    (2, "percentage-point", {}, "2_percentage points", "2_процентных пункта"),
    (D("0.5"), "percentage-point", {}, "0.5_percentage points", "0,5_процентного пункта"),
    # scale words, in the case the number asks for
    (D("1.65"), "volume-barrel", {"scale": "million", "per": "duration-day"},
     "1.65_million_barrels_per_day", "1,65_миллиона_баррелей_в_день"),
    (1, "volume-barrel", {"scale": "million"}, "1_million_barrels", "1_миллион_баррелей"),
    (2, "mass-tonne", {"scale": "thousand"}, "2_thousand_metric_tons", "2_тысячи_тонн"),
    # a 30-digit integer, printed exactly
    (123456789012345678901234567890, "reactor", {},
     "123,456,789,012,345,678,901,234,567,890_reactors",
     "123_456_789_012_345_678_901_234_567_890_реакторов"),
    # negative values and -0
    (-5, "mass-tonne", {}, "−5_metric_tons", "−5_тонн"),  # a true minus sign
    (-18, "percent", {}, "−18%", "−18_%"),
    (D("-0"), "reactor", {}, "0_reactors", "0_реакторов"),
    (D("-0.0"), "percent", {}, "0.0%", "0,0_%"),
    # ranges and margins
    (3000, "mass-tonne", {"high": 3500}, "3,000–3,500_metric_tons", "3_000–3_500_тонн"),
    (10, "mass-tonne", {"margin": D("0.5")}, "10_metric_tons ± 0.5_metric_tons", "10_тонн ± 0,5_тонны"),
    (5, "percent", {"margin": 1}, "5% ± 1%", "5_% ± 1_%"),
])
def test_a_figure_in_any_unit_is_worded_by_cldr_in_both_languages(value, unit, extra, en, ru):
    assert quantity(EN, value, unit, "exact", NOUNS, **extra) == n(en)
    assert quantity(RU, value, unit, "exact", NOUNS, **extra) == n(ru)


def test_percent_never_rounds_its_written_decimals_away():
    assert quantity(EN, D("8.6"), "percent") == "8.6%"
    assert quantity(EN, D("8.6"), "percent") != "9%"


@pytest.mark.parametrize("value, en, ru", [
    (1, "1_ship", "1_судно"),
    (2, "2_ships", "2_судна"),
    (5, "5_ships", "5_судов"),
    (11, "11_ships", "11_судов"),
    (21, "21_ships", "21_судно"),
    (22, "22_ships", "22_судна"),
    (25, "25_ships", "25_судов"),
    (D("1.5"), "1.5_ships", "1,5_судна"),
    (0, "0_ships", "0_судов"),
])
def test_a_declared_counted_noun_takes_the_cldr_plural_form_of_its_number(value, en, ru):
    assert quantity(EN, value, "ship", nouns=NOUNS) == n(en)
    assert quantity(RU, value, "ship", nouns=NOUNS) == n(ru)


@pytest.mark.parametrize("value, unit, qualifier, en, ru", [
    (21, "reactor", "more-than", "more_than_21_reactors", "более_21_реактора"),  # one -> genitive singular
    (63, "reactor", "about", "about_63_reactors", "около_63_реакторов"),  # few -> genitive plural
    (63, "reactor", "nearly", "nearly_63_reactors", "почти_63_реактора"),  # почти governs no case
    (1, "reactor", "up-to", "up_to_1_reactor", "до_1_реактора"),
    (5, "reactor", "at-least", "at_least_5_reactors", "не_менее_5_реакторов"),
    (22, "reactor", "less-than", "fewer_than_22_reactors", "менее_22_реакторов"),
    (10, "reactor", "at-most", "at_most_10_reactors", "не_более_10_реакторов"),
    (10, "reactor", "no-more-than", "no_more_than_10_reactors", "не_более_10_реакторов"),
    (21, "ship", "more-than", "more_than_21_ships", "более_21_судна"),
    (2, "ship", "about", "about_2_ships", "около_2_судов"),
    (D("1.5"), "mass-tonne", "about", "about_1.5_metric_tons", "около_1,5_тонны"),
    (10, "mass-tonne", "up-to", "up_to_10_metric_tons", "до_10_тонн"),
    (10, "mass-tonne", "at-most", "at_most_10_metric_tons", "не_более_10_тонн"),
    (10, "mass-tonne", "no-more-than", "no_more_than_10_metric_tons", "не_более_10_тонн"),
    (10, "mass-tonne", "less-than", "less_than_10_metric_tons", "менее_10_тонн"),
    (10, "percent", "less-than", "less_than_10%", "менее_10_%"),
    (10, "percentage-point", "less-than", "less_than_10_percentage points", "менее_10_процентных пунктов"),
    (10, "percent", "nearly", "nearly_10%", "почти_10_%"),
    (376, "power-gigawatt", "more-than", "more_than_376_GW", "более_376_ГВт"),
    (21, "mass-tonne", "exact", "21_metric_tons", "21_тонна"),
])
def test_every_qualifier_is_worded_and_russian_takes_the_genitive_after_it(value, unit, qualifier, en, ru):
    assert quantity(EN, value, unit, qualifier, NOUNS) == n(en)
    assert quantity(RU, value, unit, qualifier, NOUNS) == n(ru)


@pytest.mark.parametrize("value, unit, qualifier, extra, en, ru", [
    (21, "volume-barrel", "more-than", {"scale": "million"}, "more_than_21_million_barrels",
     "более_21_миллиона_баррелей"),
    (2, "mass-tonne", "about", {"scale": "thousand"}, "about_2_thousand_metric_tons", "около_2_тысяч_тонн"),
    (D("1.65"), "volume-barrel", "about", {"scale": "million", "per": "duration-day"},
     "about_1.65_million_barrels_per_day", "около_1,65_миллиона_баррелей_в_день"),
    (3000, "ship", "about", {"high": 3500}, "about_3,000–3,500_ships", "около_3_000–3_500_судов"),
])
def test_scale_words_and_ranges_take_the_genitive_after_a_qualifier_too(value, unit, qualifier, extra, en, ru):
    assert quantity(EN, value, unit, qualifier, NOUNS, **extra) == n(en)
    assert quantity(RU, value, unit, qualifier, NOUNS, **extra) == n(ru)


def test_a_statistic_in_a_brief_is_worded_with_its_scale_range_margin_and_declared_noun():
    brief = build(counted={"ship": SHIP}, statistics=[
        stat("bbl", D("1.65"), "volume-barrel", "about", scale="million", per="duration-day"),
        stat("ships", [3000, 3500], "ship"),
        stat("mass", 10, "mass-tonne", margin=D("0.5")),
        stat("many", 21, "ship", "more-than"),
        stat("zero", D("-0"), "mass-tonne"),
    ])
    bbl, ships, mass, many, zero = brief.statistics
    assert figure(EN, bbl) == n("about_1.65_million_barrels_per_day")
    assert figure(RU, bbl) == n("около_1,65_миллиона_баррелей_в_день")
    assert figure(EN, ships, brief.counted) == n("3,000–3,500_ships")
    assert figure(RU, ships, brief.counted) == n("3_000–3_500_судов")
    assert figure(EN, mass) == n("10_metric_tons ± 0.5_metric_tons")
    assert figure(RU, many, brief.counted) == n("более_21_судна")
    # -0 is stored and shown as 0
    assert str(zero.value) == "0" and figure(EN, zero) == n("0_metric_tons")


# --- 2. validation ----------------------------------------------------------------------------

def test_an_unknown_unit_is_refused_naming_the_nearest_known_units():
    [(kind, message)] = errors(statistics=[stat("s", 1, "mass-tonnes")])
    assert kind == "unknown_unit"
    assert "unknown unit “mass-tonnes” (nearest known: mass-tonne, mass-stone, mass-ton)" in message


def test_a_declared_counted_noun_is_a_known_unit():
    assert errors(counted={"ship": SHIP}, statistics=[stat("s", 1, "ship")]) == []
    assert kinds(statistics=[stat("s", 1, "ship")]) == ["unknown_unit"]


def test_per_must_be_a_cldr_unit():
    assert errors(statistics=[stat("s", 1, "volume-barrel", per="duration-day")]) == []
    [(kind, message)] = errors(statistics=[stat("s", 1, "volume-barrel", per="duration-days")])
    assert kind == "bad_per" and "nearest known: duration-day" in message
    assert kinds(statistics=[stat("s", 1, "volume-barrel", per="reactor")]) == ["bad_per"]
    assert kinds(statistics=[stat("s", 1, "volume-barrel", per="USD")]) == ["bad_per"]


def test_per_suggests_only_cldr_units():
    [(_, message)] = errors(statistics=[stat("s", 1, "volume-barrel", per="USD")])
    assert "nearest known: USD" not in message
    [(_, message)] = errors(statistics=[stat("s", 1, "volume-barrel", per="reactor")])
    assert "nearest known: reactor" not in message


def test_a_counted_noun_gives_every_cldr_plural_category_of_each_language():
    missing = copy.deepcopy(SHIP)
    del missing["ru"]["many"]
    [(kind, message)] = errors(counted={"ship": missing})
    assert kind == "counted_missing"
    assert message == ("the counted noun “ship” lacks its ru form for the CLDR plural category “many” "
                       "(needed: one, few, many, other)")
    blank = copy.deepcopy(SHIP)
    blank["en"]["one"] = " "
    assert errors(counted={"ship": blank}) == [("counted_missing", "the counted noun “ship” lacks its en form "
                                                "for the CLDR plural category “one” (needed: one, other)")]


def test_a_counted_noun_gives_no_category_its_language_lacks():
    extra = copy.deepcopy(SHIP)
    extra["en"]["few"] = "ships"
    assert errors(counted={"ship": extra}) == [
        ("counted_extra", "“few” is not a CLDR plural category of en (needed: one, other)")]
    extra = copy.deepcopy(SHIP)
    extra["ru"]["zero"] = "судов"
    assert kinds(counted={"ship": extra}) == ["counted_extra"]


@pytest.mark.parametrize("noun", ["mass-tonne", "power-gigawatt", "percent"])
def test_a_counted_noun_cannot_be_a_cldr_unit_or_percent(noun):
    assert kinds(counted={noun: SHIP}) == ["counted_clash"]


def test_a_counted_noun_cannot_be_a_currency_code():
    """Ids are lower case, so an ISO 4217 code cannot even be declared: refused by the id's pattern."""
    assert errors(counted={"USD": SHIP}) == [
        ("string_pattern_mismatch", "String should match pattern '^[a-z0-9][a-z0-9._-]*$'")]


def test_a_range_runs_from_low_to_high_and_equal_ends_are_refused():
    assert errors(statistics=[stat("s", [5, 6], "mass-tonne")]) == []
    assert errors(statistics=[stat("s", [5, 5], "mass-tonne")]) == [
        ("range_order", "a range's first value must be below its second, got 5 and 5")]
    assert kinds(statistics=[stat("s", [6, 5], "mass-tonne")]) == ["range_order"]
    assert kinds(statistics=[stat("s", [5, 6, 7], "mass-tonne")]) == ["range_length"]


@pytest.mark.parametrize("qualifier, ok", [("exact", True), ("about", True), ("more-than", False),
                                           ("at-least", False), ("nearly", False), ("less-than", False),
                                           ("up-to", False), ("at-most", False), ("no-more-than", False)])
def test_a_range_takes_only_exact_or_about(qualifier, ok):
    assert kinds(statistics=[stat("s", [5, 6], "mass-tonne", qualifier)]) == ([] if ok else ["range_qualifier"])


@pytest.mark.parametrize("qualifier, ok", [("exact", True), ("about", False), ("more-than", False),
                                           ("nearly", False), ("up-to", False)])
def test_a_margin_goes_only_with_an_exact_single_value(qualifier, ok):
    assert kinds(statistics=[stat("s", 5, "mass-tonne", qualifier, margin=1)]) == ([] if ok else ["margin_qualifier"])


def test_a_margin_refuses_a_range_and_a_negative_but_accepts_zero():
    assert kinds(statistics=[stat("s", [5, 6], "mass-tonne", margin=1)]) == ["margin_qualifier"]
    assert kinds(statistics=[stat("s", 5, "mass-tonne", margin=-1)]) == ["negative_margin"]
    assert errors(statistics=[stat("s", 5, "mass-tonne", margin=0)]) == []


@pytest.mark.parametrize("unit", ["percent", "percentage-point"])
def test_a_percentage_takes_no_scale_word(unit):
    assert kinds(statistics=[stat("s", 5, unit, scale="million")]) == ["percent_scale"]
    assert errors(statistics=[stat("s", 5, "mass-tonne", scale="million")]) == []


@pytest.mark.parametrize("value, ok", [
    (10 ** MAX_DIGITS - 1, True),  # exactly 100 digits
    (-(10 ** MAX_DIGITS - 1), True),
    (10 ** MAX_DIGITS, False),  # 101 digits
    (-(10 ** MAX_DIGITS), False),
    (D("9" * 100 + ".5"), True),
    (D("1" + "0" * 100 + ".5"), False),
    (D("1E+99"), True),
    (D("1E+100"), False),
    (10 ** (MAX_DIGITS + 1), False),
    pytest.param(10 ** 5000, False, id="5001-digits"),  # more digits than Python prints: refused all the same
])
def test_a_figure_has_at_most_100_integer_digits(value, ok):
    assert MAX_DIGITS == 100
    assert kinds(statistics=[stat("s", value, "mass-tonne")]) == ([] if ok else ["too_many_digits"])


@pytest.mark.parametrize("value, ok", [
    (D("0." + "0" * 29 + "1"), True),  # exactly 30 decimals
    (D("0." + "0" * 30 + "1"), False),  # 31
    (D("1E-30"), True),
    (D("1E-31"), False),
])
def test_a_figure_has_at_most_30_decimals(value, ok):
    assert MAX_DECIMALS == 30
    assert kinds(statistics=[stat("s", value, "mass-tonne")]) == ([] if ok else ["too_many_decimals"])


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), D("NaN"), D("-Infinity")])
def test_a_figure_is_a_finite_number(value):
    assert errors(statistics=[stat("s", value, "mass-tonne")]) == [("finite_number", "must be a finite number")]


@pytest.mark.parametrize("value", [True, "5"])
def test_a_figure_is_a_number_not_a_bool_or_text(value):
    assert kinds(statistics=[stat("s", value, "mass-tonne")]) == ["not_a_number"]


@pytest.mark.parametrize("language, ok", [("en", True), ("ru", True), ("en-GB", True), ("en_GB", True),
                                          ("kk", True), ("sr-Latn-RS", True),
                                          ("xx", False), ("tlh", False), ("en_XX", False), ("zz-GB", False)])
def test_a_source_language_is_a_bcp47_tag_cldr_knows(language, ok):
    expected = [] if ok else [("unknown_language", f"“{language}” is not a language CLDR knows: use a BCP 47 tag "
                                                   "such as en, ru or kk")]
    assert errors(sources=[source("a", language=language)]) == expected


def relaying(source_id, *relays):
    return {**source(source_id), "relays": list(relays)}


def test_relays_name_known_sources():
    assert errors(sources=[relaying("a", "zz")]) == [("unknown_source", "unknown source “zz” (known: a)")]


def test_a_source_cannot_relay_itself():
    assert errors(sources=[relaying("a", "a")]) == [("relay_self", "the source “a” cannot relay itself")]


def test_relays_cannot_loop():
    assert errors(sources=[relaying("a", "b"), relaying("b", "a")]) == [
        ("relay_loop", "sources relay each other in a loop: a → b → a")]
    assert errors(sources=[relaying("a", "b"), relaying("b", "c"), relaying("c", "a")]) == [
        ("relay_loop", "sources relay each other in a loop: a → b → c → a")]


def test_relay_chains_and_diamonds_are_no_loop():
    assert errors(sources=[relaying("a", "b"), relaying("b", "c"), relaying("c")]) == []
    assert errors(sources=[relaying("a", "b", "c"), relaying("b", "c"), relaying("c")]) == []


OPERANDS = [stat("x", 10, "mass-tonne"), stat("y", 0, "mass-tonne"), stat("z", 5, "mass-tonne"),
            stat("p", 5, "percent"), stat("w", 5, "power-gigawatt")]


def test_a_sum_takes_two_or_more_operands():
    assert errors(statistics=OPERANDS, derived=[derived("d", "sum", "x", "z")]) == []
    assert errors(statistics=OPERANDS, derived=[derived("d", "sum", "x", "z", "z")]) == []


@pytest.mark.parametrize("kind, operands, problem, message", [
    ("sum", ["x"], "derived_sum", "a “sum” figure is computed from two figures or more"),
    ("share", ["x", "z", "z"], "derived_arity", "a “share” figure is computed from exactly 2 figures"),
    ("difference", ["x"], "derived_arity", "a “difference” figure is computed from exactly 2 figures"),
])
def test_a_derived_figure_with_the_wrong_number_of_operands_is_refused(kind, operands, problem, message):
    assert errors(statistics=OPERANDS, derived=[derived("d", kind, *operands)]) == [(problem, message)]


def test_a_derived_figure_gives_operands_or_numerator_and_denominator_not_both():
    assert kinds(statistics=OPERANDS, derived=[derived("d", "share", "x", "z", numerator="x")]) == ["derived_both"]


@pytest.mark.parametrize("kind, operands", [("share", ["x", "y"]), ("average", ["x", "y"]), ("ratio", ["x", "y"]),
                                            ("percent-change", ["y", "x"])])
def test_a_zero_denominator_is_refused_naming_the_figure(kind, operands):
    assert errors(statistics=OPERANDS, derived=[derived("per-y", kind, *operands)]) == [
        ("derived_zero", "“y” is zero, so “per-y” would divide by zero")]


def test_a_zero_end_value_of_a_percent_change_is_no_division_by_zero():
    assert errors(statistics=OPERANDS, derived=[derived("d", "percent-change", "x", "y")]) == []


@pytest.mark.parametrize("kind, operands, message", [
    ("share", ["x", "w"], "“x” (mass-tonne) and “w” (power-gigawatt) measure different things, "
                          "so “share” cannot combine them"),
    ("difference", ["x", "p"], "“x” (mass-tonne) and “p” (percent) measure different things, "
                               "so “difference” cannot combine them"),
    ("sum", ["x", "w"], "“x” (mass-tonne) and “w” (power-gigawatt) measure different things, "
                        "so “sum” cannot combine them"),
])
def test_a_share_or_difference_of_incomparable_units_is_refused(kind, operands, message):
    assert errors(statistics=OPERANDS, derived=[derived("d", kind, *operands)]) == [("derived_units", message)]


def test_an_average_may_divide_any_unit_by_any_other():
    assert errors(statistics=OPERANDS, derived=[derived("d", "average", "x", "w")]) == []


def test_a_derived_figure_names_statistics_that_exist():
    assert errors(statistics=OPERANDS, derived=[derived("d", "sum", "x", "nope")]) == [
        ("unknown_statistic", "unknown statistic “nope”")]


# --- 3. dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("written, precision, first, last, en, ru", [
    ("2025-11-21", "day", "2025-11-21", "2025-11-21", "November_21,_2025", f"21_ноября_2025{NNBSP}г."),
    ("2025-11", "month", "2025-11-01", "2025-11-30", "November_2025", f"ноябрь_2025{NNBSP}г."),
    ("2024-02", "month", "2024-02-01", "2024-02-29", "February_2024", f"февраль_2024{NNBSP}г."),
    ("2026-Q1", "quarter", "2026-01-01", "2026-03-31", "1st_quarter_2026", f"1-й_квартал_2026{NNBSP}г."),
    ("2026-33", "quarter", "2026-01-01", "2026-03-31", "1st_quarter_2026", f"1-й_квартал_2026{NNBSP}г."),
    ("2026-Q4", "quarter", "2026-10-01", "2026-12-31", "4th_quarter_2026", f"4-й_квартал_2026{NNBSP}г."),
    ("2026-36", "quarter", "2026-10-01", "2026-12-31", "4th_quarter_2026", f"4-й_квартал_2026{NNBSP}г."),
    ("2026-H1", "half", "2026-01-01", "2026-06-30", "first_half_of_2026", "первое_полугодие_2026\u202fг."),
    ("2026-40", "half", "2026-01-01", "2026-06-30", "first_half_of_2026", "первое_полугодие_2026\u202fг."),
    ("2026-H2", "half", "2026-07-01", "2026-12-31", "second_half_of_2026", "второе_полугодие_2026\u202fг."),
    ("2026-41", "half", "2026-07-01", "2026-12-31", "second_half_of_2026", "второе_полугодие_2026\u202fг."),
    ("2026-21", "season", "2026-03-01", "2026-05-31", "spring_2026", "весна_2026\u202fг."),
    ("2026-22", "season", "2026-06-01", "2026-08-31", "summer_2026", "лето_2026\u202fг."),
    ("2026-23", "season", "2026-09-01", "2026-11-30", "autumn_2026", "осень_2026\u202fг."),
    ("2026-24", "season", "2026-12-01", "2027-02-28", "winter_2026", "зима_2026\u202fг."),
    ("2025", "year", "2025-01-01", "2025-12-31", "2025", "2025\u202fг."),
    ("1990s", "decade", "1990-01-01", "1999-12-31", "the_1990s", "1990-е_годы"),
    ("199X", "decade", "1990-01-01", "1999-12-31", "the_1990s", "1990-е_годы"),
    ("early-2025-11", "month", "2025-11-01", "2025-11-10", "early_November_2025", "начало_ноября_2025_года"),
    ("mid-2025-11", "month", "2025-11-11", "2025-11-20", "mid-November_2025", "середина_ноября_2025_года"),
    ("late-2025-11", "month", "2025-11-21", "2025-11-30", "late_November_2025", "конец_ноября_2025_года"),
    ("early-2024-02", "month", "2024-02-01", "2024-02-09", "early_February_2024", "начало_февраля_2024_года"),
    ("mid-2024-02", "month", "2024-02-10", "2024-02-19", "mid-February_2024", "середина_февраля_2024_года"),
    ("late-2024-02", "month", "2024-02-20", "2024-02-29", "late_February_2024", "конец_февраля_2024_года"),
    ("early-2025", "year", "2025-01-01", "2025-05-01", "early_2025", "начало_2025_года"),
    ("mid-2025", "year", "2025-05-02", "2025-08-31", "mid-2025", "середина_2025_года"),
    ("late-2025", "year", "2025-09-01", "2025-12-31", "late_2025", "конец_2025_года"),
    ("early-1990s", "decade", "1990-01-01", "1993-05-01", "early_1990s", "начало_1990-х_годов"),
    ("mid-1990s", "decade", "1993-05-02", "1996-08-30", "mid-1990s", "середина_1990-х_годов"),
    ("late-1990s", "decade", "1996-08-31", "1999-12-31", "late_1990s", "конец_1990-х_годов"),
    ("2025~", "year", "2025-01-01", "2025-12-31", "about_2025", "2025\u202fг._(приблизительно)"),
    ("2025?", "year", "2025-01-01", "2025-12-31", "2025_(uncertain)", "2025\u202fг._(предположительно)"),
    ("2025%", "year", "2025-01-01", "2025-12-31", "about_2025_(uncertain)",
     "2025\u202fг._(приблизительно)_(предположительно)"),
    ("2025-11-21?", "day", "2025-11-21", "2025-11-21", "November_21,_2025_(uncertain)",
     f"21_ноября_2025{NNBSP}г._(предположительно)"),
])
def test_a_date_of_every_precision_covers_its_exact_days_and_reads_in_both_languages(
        written, precision, first, last, en, ru):
    value = parse(written)
    assert value.precision == precision
    assert (value.first().isoformat(), value.last().isoformat()) == (first, last)
    assert EN.moment(value) == n(en)
    assert RU.moment(value) == n(ru)


def test_approximate_and_uncertain_marks_are_read():
    assert (parse("2025~").approximate, parse("2025~").uncertain) == (True, False)
    assert (parse("2025?").approximate, parse("2025?").uncertain) == (False, True)
    assert (parse("2025%").approximate, parse("2025%").uncertain) == (True, True)
    assert (parse("2025").approximate, parse("2025").uncertain) == (False, False)


def test_an_approximate_month_keeps_its_case_in_russian():
    assert EN.moment(parse("2025-11~")) == n("about_November_2025")
    assert RU.moment(parse("2025-11~")) == n(f"ноябрь_2025{NNBSP}г._(приблизительно)")
    assert RU.moment(parse("2025-06~/2025-08")) == n(
        f"июнь_2025{NNBSP}г._(приблизительно)_— август_2025{NNBSP}г.")


@pytest.mark.parametrize("written, first, last, en, ru", [
    ("2026-01/2026-03", "2026-01-01", "2026-03-31", "January\u2009–\u2009March_2026", f"январь_–_март_2026{NNBSP}г."),
    ("2025/2026", "2025-01-01", "2026-12-31", "2025\u2009–\u20092026", "2025–2026"),
    ("2026-Q1/2026-Q2", "2026-01-01", "2026-06-30", "1st_quarter_2026_– 2nd_quarter_2026",
     f"1-й_квартал_2026{NNBSP}г._— 2-й_квартал_2026{NNBSP}г."),
    ("2025-11/2025-11", "2025-11-01", "2025-11-30", "November_2025", f"ноябрь_2025{NNBSP}г."),
])
def test_an_interval_runs_from_its_start_to_the_end_of_its_end(written, first, last, en, ru):
    value = parse(written)
    assert (value.first().isoformat(), value.last().isoformat()) == (first, last)
    assert dates.precision_of(value) == "interval"
    assert EN.moment(value) == n(en) and RU.moment(value) == n(ru)


def test_an_interval_may_end_on_the_day_it_starts():
    value = parse("2025-11-21/2025-11-21")
    assert (value.first(), value.last()) == (dt.date(2025, 11, 21), dt.date(2025, 11, 21))


def test_a_one_day_interval_reads_like_that_day():
    value = parse("2025-11-21/2025-11-21")
    assert (value.first(), value.last()) == (dt.date(2025, 11, 21), dt.date(2025, 11, 21))
    assert EN.moment(value) == EN.moment(dt.date(2025, 11, 21))


@pytest.mark.parametrize("written", ["2026-03/2026-01", "2025-11-21/2025-11-20", "2025-12/2025-11-30",
                                     "2026/2025"])
def test_an_interval_ending_before_it_starts_is_refused(written):
    assert_not_a_date_form(written)


def assert_not_a_date_form(written):
    """Refused as a form (not as an impossible month), and the author is told the forms accepted."""
    with pytest.raises(DateFormError) as caught:
        parse(written)
    assert caught.value.month is None
    bad = {"date": written, "text": text("x"), "sources": ["a"]}
    assert errors(background=[bad]) == [("bad_date", (
        "expected a date such as 2025-11-21, or in quotes a form such as 2025-06, 2026-Q1, 2026-H1, 2025, "
        f"early-2024, 1990s or 2026-01/2026-03; got {written}"))]


@pytest.mark.parametrize("written", ["0000", "0000-01", "2025-02-30", "early-2026-Q1", "early-2025-11-21",
                                     "2026-Q5", "2026-H3", "1990S", "2025-1", "000X", "0s", "00s", "9999-24"])
def test_an_impossible_or_unknown_date_form_is_refused(written):
    assert_not_a_date_form(written)


@pytest.mark.parametrize("written, en, ru", [
    ("2026-Q1~", "about_1st_quarter_2026", f"1-й_квартал_2026{NNBSP}г._(приблизительно)"),
    ("2026-H2?", "second_half_of_2026_(uncertain)", "второе_полугодие_2026\u202fг._(предположительно)"),
    ("2026-Q4%", "about_4th_quarter_2026_(uncertain)",
     f"4-й_квартал_2026{NNBSP}г._(приблизительно)_(предположительно)"),
])
def test_a_plain_quarter_or_half_takes_a_mark_like_any_plain_form(written, en, ru):
    """'2026-Q1~' is the tool's own quarter form with EDTF's mark, not EDTF: the EDTF parser (which refuses a
    mark on its season codes) is not asked, and the reader sees 'about' or 'uncertain'."""
    value = parse(written)
    assert EN.moment(value) == n(en) and RU.moment(value) == n(ru)


@pytest.mark.parametrize("written", ["2026-21~", "2026-24?", "2026-33%", "2026-36~", "2026-40?", "2026-41%"])
def test_an_edtf_season_quarter_or_half_code_with_a_mark_is_refused(written):
    """EDTF gives its codes 21-24, 33-36, 40-41 no '~', '?' or '%' (its parser refuses them), while the same
    codes bare are accepted."""
    assert_not_a_date_form(written)
    assert str(parse(written[:-1])) == written[:-1]


def test_year_one_is_the_first_year():
    assert parse("0001").first() == dt.date(1, 1, 1)


def test_month_13_is_refused_with_a_message_naming_it():
    with pytest.raises(DateFormError) as caught:
        parse("2025-13")
    assert caught.value.month == 13
    bad = {"date": "2025-13", "text": text("x"), "sources": ["a"]}
    assert errors(background=[bad]) == [("bad_month", "“2025-13” has no month 13")]


def test_year_0_is_refused_in_a_brief():
    assert kinds(background=[{"date": "0000", "text": text("x"), "sources": ["a"]}]) == ["bad_date"]


def test_month_0_is_refused_with_a_message_naming_it():
    assert errors(background=[{"date": "2025-00", "text": text("x"), "sources": ["a"]}]) == [
        ("bad_month", "“2025-00” has no month 0")]


def test_a_datetime_with_an_offset_prints_its_offset():
    plus3 = dt.datetime(2025, 11, 3, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    minus5 = dt.datetime(2025, 11, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert EN.moment(plus3) == f"November{NBSP}3,{NBSP}2025,{NBSP}2:30{NNBSP}PM{NBSP}GMT+03:00"
    assert RU.moment(plus3) == f"3{NBSP}ноября{NBSP}2025{NNBSP}г.,{NBSP}14:30{NBSP}GMT+03:00"
    assert EN.moment(minus5) == f"November{NBSP}2,{NBSP}2025,{NBSP}11:30{NNBSP}PM{NBSP}GMT-05:00"
    assert RU.moment(minus5).endswith("23:30\u00a0GMT-05:00")
    # a datetime without an offset shows none
    assert "GMT" not in EN.moment(dt.datetime(2025, 11, 3, 3, 0))


def test_span_orders_instants_by_utc_not_by_local_date():
    utc = dt.datetime(2025, 11, 3, 3, 0, tzinfo=dt.timezone.utc)
    new_york = dt.datetime(2025, 11, 2, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # 04:30Z on the 3rd
    assert dates.span(new_york)[0] == dt.datetime(2025, 11, 3, 4, 30, tzinfo=dt.timezone.utc)
    assert dates.span(utc) < dates.span(new_york)
    assert sorted([new_york, utc], key=dates.span) == [utc, new_york]


def test_span_of_a_date_covers_its_whole_day_and_overlaps_at_the_coarser_precision():
    start, end = dates.span(dt.date(2025, 11, 3))
    assert start == dt.datetime(2025, 11, 3, tzinfo=dt.timezone.utc)
    assert end == dt.datetime(2025, 11, 3, 23, 59, 59, 999999, tzinfo=dt.timezone.utc)
    assert dates.overlap(parse("2025"), dt.date(2025, 12, 31))
    assert not dates.overlap(parse("2025"), dt.date(2026, 1, 1))
    assert dates.overlap(parse("late-2025-11"), dt.date(2025, 11, 21))
    assert not dates.overlap(parse("late-2025-11"), dt.date(2025, 11, 20))


def test_timeline_sorts_mixed_precisions_chronologically_and_keeps_file_order_for_equal_dates():
    entries = [("2025", "year"), (dt.date(2025, 11, 21), "day"), ("2025-Q1", "q1"), ("2024-12", "dec"),
               ("1990s", "nineties"), ("early-2025", "early"), ("2025-01", "jan"), ("2025-01", "jan again"),
               (dt.date(2025, 1, 1), "new year"), ("late-2024", "late 2024"), ("2025-01/2025-03", "span")]
    brief = build(background=[{"date": d, "text": text(t), "sources": ["a"]} for d, t in entries])
    assert [e.text.get("en") for e in timeline(brief)] == [
        "nineties", "late 2024", "dec", "new year", "jan", "jan again", "q1", "span", "early", "year", "day"]


# --- 4. intervals -----------------------------------------------------------------------------

@pytest.mark.parametrize("qualifier, positive, negative", [
    ("exact", Interval(F(100), F(100)), Interval(F(-100), F(-100))),
    ("more-than", Interval(F(100), None, True, False), Interval(None, F(-100), False, True)),
    ("at-least", Interval(F(100), None, False, False), Interval(None, F(-100), False, False)),
    ("nearly", Interval(F(90), F(100), False, True), Interval(F(-100), F(-90), True, False)),
    ("about", Interval(F(90), F(110)), Interval(F(-110), F(-90))),
    ("less-than", Interval(F(0), F(100), False, True), Interval(F(-100), F(0), True, False)),
    ("up-to", Interval(F(0), F(100)), Interval(F(-100), F(0))),
    ("at-most", Interval(F(0), F(100)), Interval(F(-100), F(0))),
    ("no-more-than", Interval(F(0), F(100)), Interval(F(-100), F(0))),
])
def test_a_qualifier_allows_an_interval_read_by_magnitude(qualifier, positive, negative):
    assert of_figure(F(100), qualifier) == positive
    assert of_figure(F(-100), qualifier) == negative


def test_a_range_and_a_margin_are_intervals_and_about_widens_a_range_by_ten_percent():
    assert of_figure(F(3000), "exact", F(3500)) == Interval(F(3000), F(3500))
    assert of_figure(F(3000), "about", F(3500)) == Interval(F(2700), F(3850))
    assert of_figure(F(-10), "about", F(-5)) == Interval(F(-11), F(-9, 2))
    assert of_figure(F(10), "exact", None, F(1)) == Interval(F(9), F(11))


def test_nearly_and_about_spans_are_ten_percent():
    assert NEARLY_SPAN == F(1, 10) and ABOUT_SPAN == F(1, 10)


@pytest.mark.parametrize("interval, approximate, expected", [
    (Interval(F(100), F(100)), False, ("exact", F(100), None)),
    (Interval(F(100), None, True), False, ("more-than", F(100), None)),
    (Interval(F(100), None, False), False, ("at-least", F(100), None)),
    (Interval(F(0), None, False), False, ("at-least", F(0), None)),  # a floor at zero: never negative
    (Interval(F(1, 1000), None, False), False, ("at-least", F(1, 1000), None)),
    (Interval(None, F(100), False, True), False, ("unbounded", F(100), None)),  # reaches below zero
    (Interval(F(0), F(100), False, False), False, ("at-most", F(100), None)),
    (Interval(F(90), F(100), False, True), False, ("nearly", F(100), None)),  # exactly 10% below: nearly
    (Interval(F(89), F(100), False, True), False, ("range", F(89), F(100))),  # further: a range
    (Interval(F(90), F(100), False, False), False, ("range", F(90), F(100))),  # nearly is open at the value
    (Interval(F(90), F(1000, 9)), True, ("about", F(100), None)),  # both about-bounds exactly
    (Interval(F(90), F(1000, 9) + F(1, 1000)), True, ("range", F(90), F(1000, 9) + F(1, 1000))),
    (Interval(F(89), F(100)), True, ("range", F(89), F(100))),
    (Interval(F(90), F(1000, 9)), False, ("range", F(90), F(1000, 9))),  # about needs an 'about' operand
    (Interval(None, None), False, ("unbounded", F(100), None)),
])
def test_reading_gives_the_qualifier_a_result_earns_at_each_boundary(interval, approximate, expected):
    assert tuple(reading(F(100), interval, approximate)) == expected


def test_reading_a_negative_result_goes_by_magnitude():
    assert tuple(reading(F(-100), Interval(F(-100), F(-90), True, False))) == ("nearly", F(-100), None)
    assert tuple(reading(F(-100), Interval(None, F(-100), False, True))) == ("more-than", F(-100), None)
    assert tuple(reading(F(-100), Interval(F(-100), F(0)))) == ("at-most", F(-100), None)


def test_touching_intervals_overlap_unless_an_end_is_open():
    assert Interval(F(0), F(10)).overlaps(Interval(F(10), F(20)))
    assert not Interval(F(0), F(10), False, True).overlaps(Interval(F(10), F(20)))
    assert not Interval(F(0), F(10)).overlaps(Interval(F(10), F(20), True, False))
    assert not Interval(F(0), F(9)).overlaps(Interval(F(10), F(20)))


def test_gap_is_relative_to_the_larger_of_the_nearer_ends_whichever_is_asked():
    assert Interval.point(F(125)).gap(Interval.point(F(100))) == F(1, 5)
    assert Interval.point(F(100)).gap(Interval.point(F(125))) == F(1, 5)
    assert Interval.point(F(5)).gap(Interval.point(F(0))) == 1
    assert Interval(F(0), F(10)).gap(Interval(F(5), F(20))) == 0
    assert Interval(F(0), F(10), False, True).gap(Interval(F(10), F(20))) == 0  # touching ends count as apart: 0


def test_eight_percent_of_at_least_ten_percent_is_at_most_eighty_percent():
    brief = build(statistics=[stat("part", 8, "percent"), stat("whole", 10, "percent", "at-least")],
                  derived=[derived("share", "share", numerator="part", denominator="whole")])
    [result] = analyse(brief).derived
    assert result.nominal == 80 and tuple(result.reading) == ("at-most", F(80), None)
    assert arithmetic(EN, result) == n("8% ÷ at_least_10% = at_most_80%")
    assert arithmetic(RU, result) == n("8_% ÷ не_менее_10_% = не_более_80_%")


def checks_between(news, other, other_kind="news-report"):
    brief = build(sources=[source("a"), source("b", kind=other_kind)],
                  statistics=[stat("x", news, "mass-tonne", measure="m", sources=["a"]),
                              stat("y", other, "mass-tonne", measure="m", sources=["b"])])
    return analyse(brief)


def test_a_gap_of_exactly_25_percent_agrees_and_just_above_disagrees():
    assert REFERENCE_TOLERANCE == F(1, 4)
    at = next(c for c in checks_between(400, 300).checks if c.statistic.id == "x")
    assert at.distance == F(1, 4) and at.agrees
    above = next(c for c in checks_between(401, 300).checks if c.statistic.id == "x")
    assert above.distance == F(101, 401) and not above.agrees


def test_a_reference_figure_25_percent_away_raises_no_flag_and_26_percent_does():
    assert checks_between(400, 300, "reference-dataset").flags == ()
    flagged = checks_between(401, 300, "reference-dataset")
    assert [f.statistic.id for f in flagged.flags] == ["x"]


# --- 5. comparison on meaning -----------------------------------------------------------------

def compared(*points, sources=None, **extra):
    brief = build(sources=sources or [source("a"), source("b", language="ru"), source("c"), source("d")],
                  comparison=list(points), **extra)
    return analyse(brief)


def statuses(analysis):
    return {r.point.id: r.status for r in analysis.points}


def test_more_than_200000_people_agrees_with_206000():
    analysis = compared(
        point("people", position("a", {"value": 200000, "unit": "person", "qualifier": "more-than"}),
              position("b", {"value": 206000, "unit": "person"})),
        point("too-many", position("a", {"value": 210000, "unit": "person", "qualifier": "more-than"}),
              position("b", {"value": 206000, "unit": "person"})),
        point("floor", position("a", {"value": 206000, "unit": "person", "qualifier": "more-than"}),
              position("b", {"value": 206000, "unit": "person"})),
        point("at-least", position("a", {"value": 206000, "unit": "person", "qualifier": "at-least"}),
              position("b", {"value": 206000, "unit": "person"})),
        counted={"person": PERSON})
    assert statuses(analysis) == {"people": "agree", "too-many": "differ", "floor": "differ", "at-least": "agree"}


def test_figures_agree_across_scale_and_unit():
    analysis = compared(
        point("tonnes", position("a", {"value": D("0.206"), "unit": "mass-tonne", "scale": "million"}),
              position("b", {"value": 206000, "unit": "mass-tonne"})),
        point("power", position("a", {"value": 20, "unit": "power-gigawatt"}),
              position("b", {"value": 20000, "unit": "power-megawatt"})),
        point("power-off", position("a", {"value": 20, "unit": "power-gigawatt"}),
              position("b", {"value": 20001, "unit": "power-megawatt"})),
        point("unlike", position("a", {"value": 20, "unit": "power-gigawatt"}),
              position("b", {"value": 20, "unit": "mass-tonne"})))
    assert statuses(analysis) == {"tonnes": "agree", "power": "agree", "power-off": "differ", "unlike": "differ"}


def test_a_year_agrees_with_a_day_in_it_and_the_year_only_source_is_named():
    analysis = compared(point("year", position("a", {"date": "2023"}), position("b", dt.date(2023, 9, 29))),
                        point("other-year", position("a", {"date": "2022"}), position("b", dt.date(2023, 9, 29))))
    year, other = analysis.points
    assert year.status == "agree" and other.status == "differ"
    [note] = year.precision_notes
    assert (note.precision, note.sources) == ("year", ("a",))
    assert precision_line(EN, analysis, note) == "[1] gives the year only"
    assert precision_line(RU, analysis, note) == "[1] указывает лишь год"
    assert "[1] gives the year only" in render(analysis, EN, 200)


def test_dates_of_the_same_precision_carry_no_precision_note():
    analysis = compared(point("p", position("a", {"date": "2023"}), position("b", {"date": "2023"})))
    assert analysis.points[0].status == "agree" and analysis.points[0].precision_notes == ()


def test_names_agree_after_folding_case_space_and_yo_and_through_declared_aliases():
    analysis = compared(
        point("folded", position("a", "Ёлкин  Board"), position("b", "елкин board")),
        point("alias", position("a", "rosatom"), position("b", "State  atomic energy corporation")),
        point("unlike", position("a", "Rosatom"), position("b", "Rosenergoatom")),
        names=[{"name": "Rosatom", "aliases": ["State Atomic Energy Corporation"]}])
    assert statuses(analysis) == {"folded": "agree", "alias": "agree", "unlike": "differ"}


def test_one_source_of_three_that_differs_is_named_as_the_outlier():
    analysis = compared(point("three", position("a", 5), position("b", 5), position("c", 6)))
    [result] = analysis.points
    assert result.status == "differ" and result.outliers == ("c",)
    assert outlier_line(EN, analysis, result) == "Differs from the others: [3]"
    assert outlier_line(RU, analysis, result) == "Расходится с остальными: [3]"
    assert n("! Differs from the others:_[3]") in render(analysis, EN, 200)


def test_two_against_two_and_one_against_one_have_no_outlier():
    analysis = compared(point("two-two", position("a", 5), position("b", 5), position("c", 6), position("d", 6)),
                        point("one-one", position("a", 5), position("b", 6)))
    assert [(r.status, r.outliers) for r in analysis.points] == [("differ", ()), ("differ", ())]


def test_a_complement_verdict_gives_status_complement_and_is_counted():
    analysis = compared(point("comp", position("a"), position("b"), verdict="complement"),
                        point("agree", position("a"), position("b")))
    assert statuses(analysis) == {"comp": "complement", "agree": "agree"}
    assert analysis.counts["complement"] == 1
    assert comparison_summary(EN, analysis) == n("4_sources, 2_points: 1_agrees, 1_complements")
    assert comparison_summary(RU, analysis) == n("4_источника, 2_пункта: 1_совпадает, 1_дополняет")


def test_two_news_figures_of_one_measure_are_checked_against_each_other():
    analysis = checks_between(100, 125)
    checks = {(c.statistic.id, c.other.id): c for c in analysis.checks}
    assert set(checks) == {("x", "y"), ("y", "x")}
    assert all(not c.reference for c in checks.values()) and all(c.agrees for c in checks.values())
    line = check_line(EN, analysis, checks[("x", "y")])
    assert line == n("Also reported: 125_metric_tons, January_1,_2025 [2]_— consistent")
    assert analysis.flags == ()  # news figures check each other but flag nothing


def test_two_news_figures_more_than_25_percent_apart_differ_by_that_much():
    analysis = checks_between(100, 150)
    check = next(c for c in analysis.checks if c.statistic.id == "y")
    assert check_line(EN, analysis, check) == n("Also reported: 100_metric_tons, January_1,_2025 [1]_— differs by 33%")
    assert check_line(RU, analysis, check) == n(
        f"Также сообщают: 100_тонн, 1_января_2025{NNBSP}г. [1]_— расходится на 33_%")
    assert n("— differs by 33%") in render(analysis, EN, 200)
    assert analysis.flags == ()


# --- 6. derived figures -----------------------------------------------------------------------

DERIVED_STATS = [
    stat("gw", 376, "power-gigawatt", "more-than"), stat("units", 416, "reactor"),
    stat("usd", D("79.41"), "USD"), stat("bbl", 3, "volume-barrel"),
    stat("a1", D("8.6"), "percent"), stat("a2", D("5.1"), "percent"),
    stat("t1", 200, "mass-tonne"), stat("t2", 150, "mass-tonne"), stat("t3", D("0.5"), "mass-tonne", scale="thousand"),
    stat("g1", 10, "power-gigawatt"), stat("m1", 20000, "power-megawatt"),
    stat("c1", 1000, "volume-barrel", per="duration-day"), stat("c2", 1137, "volume-barrel", per="duration-day"),
    stat("e100", 100, "mass-tonne"), stat("m120", 120, "mass-tonne", "more-than"),
    stat("n100", 100, "reactor", "about"),
]
DERIVED = [
    derived("avg", "average", "gw", "units"), derived("usd-per-bbl", "average", "usd", "bbl"),
    derived("pp", "difference", "a1", "a2"), derived("diff", "difference", "t2", "t1"),
    derived("fall", "change", "t1", "t2"), derived("fall-pc", "percent-change", "t1", "t2"),
    derived("rise-pc", "percent-change", "t2", "t1"), derived("total", "sum", "t1", "t2", "t3"),
    derived("power", "sum", "g1", "m1"), derived("rise", "change", "c1", "c2"),
    derived("up", "change", "e100", "m120"), derived("share", "share", "e100", "m120"),
    derived("more", "difference", "m120", "e100"), derived("per-about", "average", "t1", "n100"),
    derived("ratio", "ratio", "t1", "t2"),
]


@pytest.fixture(scope="module")
def results():
    return {r.figure.id: r for r in analyse(build(statistics=DERIVED_STATS, derived=DERIVED)).derived}


@pytest.mark.parametrize("figure_id, unit, per, nominal, said", [
    ("avg", "power-gigawatt", None, F(47, 52), ("more-than", F(47, 52), None)),
    ("usd-per-bbl", "USD", "volume-barrel", F(2647, 100), ("exact", F(2647, 100), None)),
    ("pp", "percentage-point", None, F(7, 2), ("exact", F(7, 2), None)),
    ("diff", "mass-tonne", None, F(-50), ("exact", F(-50), None)),
    ("fall", "mass-tonne", None, F(-50), ("exact", F(-50), None)),
    ("fall-pc", "percent", None, F(-25), ("exact", F(-25), None)),
    ("rise-pc", "percent", None, F(100, 3), ("exact", F(100, 3), None)),
    ("total", "mass-tonne", None, F(850), ("exact", F(850), None)),
    ("power", "power-gigawatt", None, F(30), ("exact", F(30), None)),
    ("rise", "volume-barrel", "duration-day", F(137), ("exact", F(137), None)),
    ("up", "mass-tonne", None, F(20), ("more-than", F(20), None)),
    ("share", "percent", None, F(250, 3), ("less-than", F(250, 3), None)),
    ("more", "mass-tonne", None, F(20), ("more-than", F(20), None)),
    ("per-about", "mass-tonne", None, F(2), ("about", F(2), None)),
    ("ratio", "", None, F(4, 3), ("exact", F(4, 3), None)),
])
def test_a_derived_value_is_exact_and_its_unit_and_qualifier_flow_from_its_operands(
        results, figure_id, unit, per, nominal, said):
    result = results[figure_id]
    assert (result.unit, result.per, result.nominal, tuple(result.reading)) == (unit, per, nominal, said)
    assert isinstance(result.nominal, Fraction)


@pytest.mark.parametrize("figure_id, en, ru", [
    ("avg", "more_than_376_GW ÷ 416_reactors ≈ more_than_0.90_GW",
     "более_376_ГВт ÷ 416_реакторов ≈ более_0,90_ГВт"),
    ("usd-per-bbl", "$79.41 ÷ 3_barrels = $26.47 per barrel", "79,41_$ ÷ 3_барреля = 26,47_$/барр."),
    ("pp", "8.6% − 5.1% = 3.5_percentage points", "8,6_% − 5,1_% = 3,5_процентного пункта"),
    ("fall", "from 200_metric_tons to 150_metric_tons: −50_metric_tons", "было 200_тонн, стало 150_тонн: −50_тонн"),
    ("fall-pc", "from 200_metric_tons to 150_metric_tons: −25%", "было 200_тонн, стало 150_тонн: −25_%"),
    ("rise-pc", "from 150_metric_tons to 200_metric_tons: ≈_+33.3%", "было 150_тонн, стало 200_тонн: ≈_+33,3_%"),
    ("power", "10_GW + 20,000_MW = 30_GW", "10_ГВт + 20_000_МВт = 30_ГВт"),
    ("rise", "from 1,000_barrels_per_day to 1,137_barrels_per_day: +137_barrels_per_day",
     "было 1_000_баррелей_в_день, стало 1_137_баррелей_в_день: +137_баррелей_в_день"),
    ("up", "from 100_metric_tons to more_than_120_metric_tons: more_than_20_metric_tons",
     "было 100_тонн, стало более_120_тонн: более_20_тонн"),
    ("share", "100_metric_tons ÷ more_than_120_metric_tons ≈ less_than_83.4%",
     "100_тонн ÷ более_120_тонн ≈ менее_83,4_%"),
    ("per-about", "200_metric_tons ÷ about_100_reactors = about_2_metric_tons",
     "200_тонн ÷ около_100_реакторов = около_2_тонн"),
])
def test_a_derived_figure_shows_its_working_in_both_languages(results, figure_id, en, ru):
    assert arithmetic(EN, results[figure_id]) == n(en)
    assert arithmetic(RU, results[figure_id]) == n(ru)


def test_a_negative_change_is_shown_with_a_true_minus_sign(results):
    shown = arithmetic(EN, results["fall"])
    assert "−50" in shown and "-50" not in shown
    assert arithmetic(EN, results["fall-pc"]).endswith("−25%")


def test_a_sum_of_percentages_stays_in_percent_and_a_difference_is_in_points():
    brief = build(statistics=[stat("p", 5, "percent"), stat("q", 3, "percent")],
                  derived=[derived("total", "sum", "p", "q"), derived("gap", "difference", "p", "q")])
    total, gap = analyse(brief).derived
    assert (total.unit, total.nominal, gap.unit, gap.nominal) == ("percent", 8, "percentage-point", 2)
    assert arithmetic(EN, total) == "5% + 3% = 8%" and arithmetic(RU, total) == n("5_% + 3_% = 8_%")
    assert arithmetic(EN, gap) == n("5% − 3% = 2_percentage points")
    assert arithmetic(RU, gap) == n("5_% − 3_% = 2_процентных пункта")


# --- 7. independent sources -------------------------------------------------------------------

def independent_of(*sources):
    brief = build(sources=list(sources), comparison=[point("p", position("a"), position("b"))])
    return analyse(brief)


@pytest.mark.parametrize("sources, independent", [
    ([relaying("a"), relaying("b"), relaying("c")], 3),
    ([relaying("a"), relaying("b", "a"), relaying("c")], 2),
    ([relaying("a"), relaying("b", "a"), relaying("c", "b")], 1),
    ([relaying("a", "b"), relaying("b"), relaying("c", "a"), relaying("d")], 2),
])
def test_a_relay_is_counted_with_the_source_it_relays(sources, independent):
    assert independent_of(*sources).independent == independent


def test_a_reference_dataset_is_neither_compared_nor_joined_by_a_relay():
    analysis = independent_of(relaying("a"), relaying("b", "r"), {**source("r", kind="reference-dataset")})
    assert [s.id for s in analysis.compared] == ["a", "b"] and analysis.independent == 2


def test_the_summary_counts_independent_sources_in_both_languages():
    analysis = independent_of(relaying("a"), relaying("b", "a"), relaying("c"))
    assert comparison_summary(EN, analysis) == n("3_sources (2_independent), 1_point: 1_agrees")
    assert comparison_summary(RU, analysis) == n("3_источника (2_независимых), 1_пункт: 1_совпадает")
    alone = independent_of(relaying("a"), relaying("b", "a"), relaying("c", "b"))
    assert comparison_summary(RU, alone) == n("3_источника (1_независимый), 1_пункт: 1_совпадает")


def test_the_summary_leaves_independence_out_when_every_source_is_independent():
    analysis = independent_of(relaying("a"), relaying("b"), relaying("c"))
    assert comparison_summary(EN, analysis) == n("3_sources, 1_point: 1_agrees")


# --- found by a new author -----------------------------------------------------------------------

def test_a_range_keeps_the_decimals_each_end_was_written_with():
    brief = build(statistics=[stat("r", [D("3.8"), D("4.5")], "USD", scale="billion", per="duration-day")])
    assert figure(EN, brief.statistics[0]) == n(
        "3.8_billion_US dollars_per_day to 4.5_billion_US dollars_per_day")


def test_values_that_mean_the_same_are_listed_once_with_all_their_sources():
    analysis = compared(point("people", position("a", {"value": 45000, "unit": "ship"}),
                              position("b", {"value": 45, "unit": "ship", "scale": "thousand"}),
                              position("c", {"value": 25000, "unit": "ship"})), counted={"ship": SHIP})
    [result] = analysis.points
    assert [c.sources for c in result.conflicts] == [("a", "b"), ("c",)]


def test_an_unknown_unit_suggests_a_declared_noun_whatever_its_case():
    [(kind, message)] = errors(counted={"ship": SHIP}, statistics=[stat("s", 1, "SHIP")])
    assert kind == "unknown_unit" and "nearest known: ship" in message


def test_two_figures_of_one_measure_from_the_same_source_are_not_checked_against_each_other():
    brief = build(sources=[source("a"), source("b")],
                  statistics=[stat("x", 1, "mass-tonne", measure="m", sources=["a"]),
                              stat("y", 2, "mass-tonne", measure="m", sources=["a"]),
                              stat("z", 1, "mass-tonne", measure="m", sources=["b"])])
    checks = analyse(brief).checks
    assert {(c.statistic.id, c.other.id) for c in checks} == {("x", "z"), ("y", "z"), ("z", "x"), ("z", "y")}


@pytest.mark.parametrize("order", [("a", "b", "c"), ("c", "b", "a")])
def test_no_outlier_is_named_when_a_value_could_join_either_side(order):
    """10, 10 to 13 and 12.5: the range agrees with both ends, so who differs would depend on file order alone."""
    values = {"a": {"value": 10, "unit": "ship"}, "b": {"value": [10, 13], "unit": "ship"},
              "c": {"value": D("12.5"), "unit": "ship"}}
    analysis = compared(point("p", *(position(s, values[s]) for s in order)), counted={"ship": SHIP})
    [result] = analysis.points
    assert result.status == "differ" and result.outliers == ()


# --- found by a hostile reviewer -----------------------------------------------------------------

def test_a_divisor_whose_range_or_margin_holds_zero_is_refused():
    for divisor in ({"value": [-2, 3]}, {"value": 5, "margin": 6}):
        stats = [stat("top", 10, "mass-tonne"), {**stat("bottom", 1, "mass-tonne"), **divisor}]
        kinds = [kind for kind, _ in errors(statistics=stats, derived=[derived("r", "ratio", "top", "bottom")])]
        assert kinds == ["derived_zero"], divisor
    for divisor in ({"value": 5, "qualifier": "less-than"}, {"value": 5, "margin": 5}):  # zero only at an end
        stats = [stat("top", 10, "mass-tonne"), {**stat("bottom", 1, "mass-tonne"), **divisor}]
        assert errors(statistics=stats, derived=[derived("r", "ratio", "top", "bottom")]) == [], divisor


def test_a_percent_change_from_a_negative_base_rises_when_the_value_rises():
    brief = build(statistics=[stat("a", -5, "mass-tonne"), stat("b", 0, "mass-tonne")],
                  derived=[derived("pc", "percent-change", "a", "b")])
    [result] = analyse(brief).derived
    assert result.nominal == 100


def test_a_ratio_of_one_dimension_is_a_plain_number():
    brief = build(statistics=[stat("a", 8, "percent"), stat("b", 10, "percent", "at-least")],
                  derived=[derived("r", "ratio", "a", "b")])
    [result] = analyse(brief).derived
    assert result.unit == "" and arithmetic(EN, result) == n("8% ÷ at_least_10% = at_most_0.80")


def test_an_interval_across_zero_earns_no_one_sided_qualifier():
    brief = build(statistics=[stat("a", 10, "mass-tonne", "more-than"), stat("b", -20, "mass-tonne", "nearly")],
                  derived=[derived("s", "sum", "a", "b")])
    [result] = analyse(brief).derived
    assert result.reading.qualifier == "unbounded"  # (−10, ∞): neither "fewer than −10" nor "more than −10" by magnitude
    brief = build(statistics=[stat("a", 10, "mass-tonne", "more-than"), stat("b", 10, "mass-tonne", "up-to")],
                  derived=[derived("d", "difference", "a", "b")])
    [result] = analyse(brief).derived
    assert tuple(result.reading) == ("more-than", 0, None)  # (0, ∞)


def test_a_small_result_keeps_two_significant_digits():
    brief = build(statistics=[stat("a", 5, "mass-tonne", scale="trillion"), stat("b", 7, "ship", scale="billion")],
                  counted={"ship": SHIP}, derived=[derived("r", "average", "a", "b")])
    [result] = analyse(brief).derived
    assert arithmetic(EN, result, {"ship": SHIP}).endswith(n("≈ 714.29_metric_tons"))  # out of its trillions
    brief = build(statistics=[stat("a", 5, "mass-tonne"), stat("b", 7000, "mass-tonne", scale="thousand")],
                  derived=[derived("s", "share", "a", "b")])
    [result] = analyse(brief).derived
    assert arithmetic(EN, result).endswith("≈ 0.000071%")


def test_a_range_result_is_said_to_be_approximate():
    brief = build(statistics=[stat("a", [10, 11], "mass-tonne"), stat("b", 5, "mass-tonne")],
                  derived=[derived("s", "sum", "a", "b")])
    [result] = analyse(brief).derived
    assert not result.exact and "≈" in arithmetic(EN, result)


@pytest.mark.parametrize("unit", ["XXX", "XTS", "speed-light-speed"])
def test_units_without_a_name_of_their_own_are_refused(unit):
    assert [kind for kind, _ in errors(statistics=[stat("s", 1, unit)])] in (["unknown_unit"], ["unnamed_unit"])


def test_a_currency_symbol_of_letters_stands_apart_from_its_number():
    assert quantity(EN, 3, "XAU") == n("XAU_3")


def test_a_reference_dataset_takes_no_position_in_the_comparison():
    sources = [source("a"), source("ref", kind="reference-dataset")]
    kinds = [kind for kind, _ in errors(sources=sources, comparison=[point("p", position("a"), position("ref"))])]
    assert kinds == ["reference_position"]


def test_a_name_listed_under_two_names_is_refused():
    names = [{"name": "IAEA", "aliases": ["МАГАТЭ"]}, {"name": "МАГАТЭ", "aliases": ["IAEA agency"]}]
    assert [kind for kind, _ in errors(names=names)] == ["name_twice"]


def test_dates_are_written_in_ascii_digits():
    assert_not_a_date_form("２０２５")


# --- derived figures refused, each at its place (killing mutmut's survivors in briefing.analysis) ---------

PER_DAY = {**stat("v", 5, "volume-barrel"), "per": "duration-day"}


@pytest.mark.parametrize("kind, top, bottom", [("average", "v", "x"), ("average", "x", "v"), ("ratio", "v", "x"),
                                               ("ratio", "x", "v")])
def test_an_average_or_ratio_of_a_figure_with_a_per_unit_is_refused_at_its_place(kind, top, bottom):
    """'Per' on either side of an average or a ratio is refused, naming both figures, at derived[N]."""
    with pytest.raises(ValidationError) as raised:
        build(statistics=[stat("x", 10, "mass-tonne"), stat("t", 5, "mass-tonne"), PER_DAY],
              derived=[derived("fine", "sum", "x", "t"), derived("d", kind, numerator=top, denominator=bottom)])
    [error] = raised.value.errors()
    assert error["type"] == "derived_per" and error["loc"] == ("derived", 1)
    assert error["msg"] == (f"“{kind}” divides a figure by a plain unit or count: neither “{top}” nor “{bottom}” may "
                            "have a per unit, and the second must be one CLDR can put after per")


def test_incomparable_units_and_a_zero_divisor_are_refused_at_their_place():
    """The place of a derived figure's problem is its index in the file's [[derived]] list."""
    for bad, kind in [(derived("d", "sum", "x", "w"), "derived_units"), (derived("d", "share", "x", "y"), "derived_zero")]:
        with pytest.raises(ValidationError) as raised:
            build(statistics=OPERANDS, derived=[derived("fine", "sum", "x", "z"), bad])
        [error] = raised.value.errors()
        assert (error["type"], error["loc"]) == (kind, ("derived", 1))


@pytest.mark.parametrize("divisor, refused", [([-2, 0], False), ([-2, 1], True), ([0, 2], False), ([-1, 3], True)])
def test_a_divisor_range_is_refused_only_when_zero_lies_inside_it(divisor, refused):
    """−2 to 0 or 0 to 2 touch zero only at an end, so a ratio can be computed; −2 to 1 holds zero inside."""
    stats = [stat("top", 10, "mass-tonne"), {**stat("bottom", 1, "mass-tonne"), "value": divisor}]
    assert kinds(statistics=stats, derived=[derived("r", "ratio", "top", "bottom")]) == (
        ["derived_zero"] if refused else [])


@pytest.mark.parametrize("value, unit, extra, en, ru", [
    (0, "mass-tonne", {"high": 5}, "0–5_metric_tons", "0–5_тонн"),  # from zero: still a plain range
    (D("0.5"), "mass-tonne", {"high": 2}, "0.5–2_metric_tons", "0,5–2_тонны"),
    (1, "volume-barrel", {"high": 2, "scale": "million", "per": "duration-day"},
     "1–2_million_barrels_per_day", "1–2_миллиона_баррелей_в_день"),
    (5, "volume-barrel", {"margin": 1, "scale": "million", "per": "duration-day"},
     "5_million_barrels_per_day ± 1_million_barrels_per_day", "5_миллионов_баррелей_в_день ± 1_миллион_баррелей_в_день"),
    (-5, "ship", {"high": 3}, "−5_ships to 3_ships", "от −5_судов до_3_судов"),  # each end with its noun
    (5, "ship", {"margin": 1}, "5_ships ± 1_ship", "5_судов ± 1_судно"),
    (D("-7.50"), "USD", {"high": D("17.5"), "digits": 2}, "−$7.50 to $17.50", "от −7,50_$ до_17,50_$"),
    (2, "ship", {"high": 5, "qualifier": "about"}, "about_2–5_ships", "около_2–5_судов"),
    (2, "ship", {"high": 3, "qualifier": "about"}, "about_2–3_ships", "около_2–3_судов"),  # genitive after «около»
    (-5, "percent", {"high": 3}, "−5% to 3%", "от −5_% до_3_%"),
    (5, "percent", {"high": 10}, "5%–10%", "5_%–10_%"),  # each end a percentage
])
def test_ranges_and_margins_keep_scale_per_and_nouns_at_both_ends(value, unit, extra, en, ru):
    """A range or a margin is worded with the figure's scale word, 'per' unit and counted noun; a range from a
    negative number or in a currency gives each end its unit, in Russian «от … до …» in the genitive."""
    extra = dict(extra)
    qualifier = extra.pop("qualifier", "exact")
    assert quantity(EN, value, unit, qualifier, NOUNS, **extra) == n(en)
    assert quantity(RU, value, unit, qualifier, NOUNS, **extra) == n(ru)


def test_a_plain_number_keeps_its_decimals_and_a_true_minus():
    assert plain_number(EN, -3) == "−3" and plain_number(RU, D("-2.50")) == "−2,50"


def test_derived_figures_word_the_briefs_counted_nouns_in_their_working_and_sibling_note():
    """A sum of ships reads '3 ships + 2 ships = 5 ships'; ships a day, beside a sibling, name ships too."""
    brief = build(counted={"ship": SHIP}, statistics=[
        stat("a", 3, "ship"), stat("b", 2, "ship"), stat("big", 20, "ship"), stat("day", 1, "duration-day")],
        derived=[derived("fleet", "sum", "a", "b"),
                 derived("small-rate", "average", numerator="a", denominator="day"),
                 derived("big-rate", "average", numerator="big", denominator="day")])
    analysis = analyse(brief)
    fleet = analysis.derived[0]
    assert arithmetic(EN, fleet, analysis.nouns) == n("3_ships + 2_ships = 5_ships")
    assert arithmetic(RU, fleet, analysis.nouns) == n("3_судна + 2_судна = 5_судов")
    [flag] = analysis.flags
    from briefing.figures import sibling_text

    assert n(sibling_text(EN, flag.siblings[0], analysis.nouns)).endswith(
        n("small-rate: 3_ships_per_day. big-rate: 20_ships_per_day."))


@pytest.mark.parametrize("second, shown", [(D("1.5"), ": +0.5_metric_tons"), (1, ": 0_metric_tons"),
                                           (D("0.5"), ": −0.5_metric_tons")])
def test_a_change_shows_a_plus_only_when_it_rises(second, shown):
    """From 1 t to 1.5 t is '+0.5 t'; no change is '0 t', without a sign; a fall carries its minus."""
    brief = build(statistics=[stat("a", 1, "mass-tonne"), stat("b", second, "mass-tonne")],
                  derived=[derived("d", "change", "a", "b")])
    [result] = analyse(brief).derived
    assert arithmetic(EN, result).endswith(n(shown)), arithmetic(EN, result)


def test_an_average_over_a_unit_no_language_can_put_after_per_is_refused():
    """'Per food calorie' has no CLDR wording in every language: an average over it is refused."""
    stats = [stat("x", 10, "mass-tonne"), stat("c", 5, "energy-foodcalorie")]
    assert kinds(statistics=stats, derived=[derived("d", "average", numerator="x", denominator="c")]) == [
        "derived_per"]
    assert kinds(statistics=stats, derived=[derived("d", "average", numerator="c", denominator="x")]) == []


@pytest.mark.parametrize("value, unit, extra, ru", [
    (5, "mass-stone", {}, "5_стоунов"),  # CLDR has no short Russian form: the long one is used
    (1, "energy-foodcalorie", {}, "1_килокалория"),  # nor a long one: the short one
    (5, "energy-foodcalorie", {}, "5_килокалорий"),
    (2, "AFN", {"scale": "million"}, "2_миллиона_афгани"),  # no plural names: the currency's name
    (1, "temperature-kelvin", {}, "1_K"),  # only an 'other' form: used for 'one' too
    (D("1.65"), "VED", {"scale": "billion"}, "1,65_миллиарда_VED"),  # no name at all in Russian: its code
])
def test_units_and_currencies_cldr_words_only_in_part_still_read_in_russian(value, unit, extra, ru):
    """Where CLDR's Russian data lacks the form asked for, the nearest it has is used, never a key error."""
    assert quantity(RU, value, unit, "exact", None, **extra) == n(ru)


def _territories() -> list[str]:
    """Every English and Russian CLDR locale a reader's --lang or LANG may name for the formats."""
    from babel import localedata
    from briefing.i18n import canonical

    found = set()
    for name in localedata.locale_identifiers():
        if name.split("_")[0] in ("en", "ru") and "_" in name:
            try:
                found.add(canonical(name))
            except ValueError:  # a territory the interface does not take
                continue
    return sorted(found)


def test_a_figure_reads_whole_in_every_english_and_russian_territory():
    """Whatever territory the formats come from, a currency figure shows its number once and no other digit,
    its spaces no-break (en_US_POSIX's pattern is '¤ 0.00', India's '¤#,##,##0.00'), and a scale word is a
    word (English in the Deseret and Shavian scripts has none of its own in CLDR: it takes English's)."""
    territories = _territories()
    assert {"en_US_POSIX", "en_IN", "en_Dsrt_US", "en_Shaw_GB", "ru_KZ"} <= set(territories)
    for tag in territories:
        loc = localizer(tag)
        number, money = loc.number(D("1234.5")), quantity(loc, D("1234.5"), "USD")
        assert money.count(number) == 1 and not re.search(r"\d", money.replace(number, "")), (tag, money)
        assert " " not in money, (tag, money)
        million = {"en": "million", "ru": "миллиона"}[loc.locale]
        assert quantity(loc, D("1.65"), "volume-barrel", scale="million").startswith(
            loc.number(D("1.65")) + NBSP + million + NBSP), tag
    assert quantity(localizer("en_US_POSIX"), D("64.77"), "USD") == n("$_64.77")
    assert quantity(localizer("en_Dsrt_US"), D("1.65"), "USD", scale="billion") == n("1.65_billion_USD")


# --- dates at their edges (killing mutmut's survivors in briefing.dates) ---------------------------------

def test_a_day_is_shown_short_in_a_table_and_an_interval_as_it_is_written():
    """A date known to the day reads 'Nov 21, 2025' in a table cell; an interval of days is not one day."""
    from briefing.document import short_moment

    assert short_moment(EN, parse("2025-11-21")) == n("Nov_21,_2025")
    assert parse("2025-11-21").as_date() == dt.date(2025, 11, 21)
    assert parse("2025-11-21/2025-11-23").as_date() is None and parse("2025-11").as_date() is None
    assert short_moment(EN, parse("2025-11-21/2025-11-23")) != short_moment(EN, parse("2025-11-21"))


def test_the_last_decade_ends_on_the_last_day_of_9999():
    assert (parse("9990s").first(), parse("9990s").last()) == (dt.date(9990, 1, 1), dt.date(9999, 12, 31))


def test_a_moment_meets_itself_and_the_day_it_falls_in():
    """Two sources giving the same instant agree; an instant agrees with its day and not with the next."""
    moment = dt.datetime(2025, 11, 21, 15, 30, tzinfo=dt.timezone.utc)
    assert dates.overlap(moment, moment) and dates.overlap(moment, dt.date(2025, 11, 21))
    assert not dates.overlap(moment, dt.date(2025, 11, 22))
    midnight = dt.datetime(2025, 11, 22, tzinfo=dt.timezone.utc)
    assert dates.overlap(midnight, dt.date(2025, 11, 22)) and not dates.overlap(midnight, dt.date(2025, 11, 21))


def test_a_date_time_without_an_offset_is_utc_whatever_the_machines_zone(monkeypatch):
    """'2025-11-21 15:30' with no offset is 15:30 UTC on a machine in Almaty too."""
    import time

    monkeypatch.setenv("TZ", "Asia/Almaty")
    time.tzset()
    try:
        instant = dt.datetime(2025, 11, 21, 15, 30, tzinfo=dt.timezone.utc)
        assert dates.span(dt.datetime(2025, 11, 21, 15, 30)) == (instant, instant)
        assert dates.span(dt.datetime(2025, 11, 21, 20, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))) == (
            instant, instant)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("written, approximate, uncertain", [
    ("1990s~", True, False), ("199X?", False, True), ("199X%", True, True), ("2025-11-21~", True, False),
    ("2025-11-21?", False, True), ("9998-24", False, False)])
def test_a_date_keeps_how_sure_its_source_is_and_reads_back_as_written(written, approximate, uncertain):
    """'~' approximate, '?' uncertain, '%' both, on decades and days too; the date is written back (JSON export)
    exactly as it was given."""
    date = parse(written)
    assert (date.approximate, date.uncertain, str(date)) == (approximate, uncertain, written)


@pytest.mark.parametrize("value, extra, en, ru", [
    (F(1), {"digits": 2}, "1.00_metric_tons", "1,00_тонны"),  # as a source's 1.00 reads
    (F(1, 2), {"high": F(1), "digits": 2}, "0.50–1.00_metric_tons", "0,50–1,00_тонны"),
    (F(1), {"scale": "million", "digits": 2}, "1.00_million_metric_tons", "1,00_миллиона_тонн"),
    (F(1), {}, "1_metric_ton", "1_тонна"),
])
def test_a_computed_figure_takes_the_plural_of_the_number_as_shown(value, extra, en, ru):
    """A result of exactly 1 shown as '1.00' takes the plural CLDR gives '1.00' (other), not the one of 1."""
    assert quantity(EN, value, "mass-tonne", "exact", None, **extra) == n(en)
    assert quantity(RU, value, "mass-tonne", "exact", None, **extra) == n(ru)
    # each end of a range worded whole (a negative low end) too
    assert quantity(EN, F(-1), "ship", "exact", NOUNS, high=F(2), digits=2) == n("−1.00_ships to 2.00_ships")


# --- which units each language names (killing mutmut's survivors in briefing.units) ------------------

@pytest.fixture
def units_worked_out_anew():
    """The CLDR unit tables are worked out once per process; these tests work them out again."""
    from briefing import units

    for table in (units.named_units, units.cldr_units, units.per_units):
        table.cache_clear()
    yield units
    for table in (units.named_units, units.cldr_units, units.per_units):
        table.cache_clear()


def test_a_unit_only_english_names_is_refused_naming_the_language_that_lacks_it(units_worked_out_anew):
    """Russian CLDR data only repeats the English words for the speed of light ('{0} light'): no name in ru."""
    assert errors(statistics=[stat("s", 1, "speed-light-speed")]) == [
        ("unnamed_unit", "the unit “speed-light-speed” has no name in ru in CLDR, so it cannot be shown")]
    assert units_worked_out_anew.unnamed_in("power-gigawatt") == "" and units_worked_out_anew.unnamed_in("nope") == ""


def test_the_units_a_brief_may_use_are_those_both_languages_name(units_worked_out_anew):
    units = units_worked_out_anew
    only_english = units.named_units("en") - units.named_units("ru")
    assert only_english == {"pressure-gasoline-energy-density", "speed-light-speed"}
    assert units.cldr_units() == units.named_units("ru") and len(units.cldr_units()) == 186
    assert units.cldr_units() - units.per_units() == {"energy-foodcalorie"}
    assert "temperature-celsius" in units.named_units("ru")  # a symbol ('°C') counts as a name


@pytest.mark.parametrize("unit, currency", [("USD", True), ("KZT", True), ("usd", False), ("USDT", False),
                                            ("US", False), ("ДОЛ", False)])
def test_a_currency_code_is_three_ascii_capitals(unit, currency):
    from briefing import units

    assert units.is_currency(unit) is currency


def test_a_cldr_units_category_is_its_first_word():
    from briefing import units

    assert units.cldr_category("speed-kilometer-per-hour") == "speed"
    assert units.cldr_category("power-gigawatt") == "power"


def test_a_language_in_latin_letters_names_units_in_its_own_words(units_worked_out_anew):
    """Only a pattern that repeats the English one word for word is no name: German's '{0} Tonnen' is German,
    though written in Latin letters like English."""
    german = units_worked_out_anew.named_units("de")
    assert {"mass-tonne", "volume-barrel", "duration-day"} <= german


# the wording of 'per' (units.per_wording), as CLDR data may give it: a unit's own 'per' pattern, or the
# compound '{0} per {1}' with the unit's singular, at one length or the other
_COMPOUND = {"long": {"compound": "{0} per {1}"}, "short": {"compound": "{0}/{1}"}}


@pytest.mark.parametrize("patterns, preferred, expected", [
    ({"short": {"per": "{0}/d"}, "long": {"per": "{0} per day"}}, "short", ("{0}/d", "")),
    ({"short": {"per": "{0}/d"}, "long": {"per": "{0} per day"}}, "long", ("{0} per day", "")),
    ({"short": {"one": "{0} bbl"}, "long": {"one": "{0} barrel"}}, "short", ("{0}/{1}", "bbl")),
    ({"short": {"one": "{0} bbl"}, "long": {"one": "{0} barrel"}}, "long", ("{0} per {1}", "barrel")),
    # what the preferred length lacks, the other gives
    ({"long": {"one": "{0} barrel", "other": "{0} barrels"}}, "short", ("{0} per {1}", "barrel")),
    ({"long": {"per": "{0} per day"}}, "short", ("{0} per day", "")),
    ({"short": {"other": "{0} bbl"}}, "long", ("{0}/{1}", "bbl")),
    ({}, "short", None),
])
def test_per_is_worded_at_the_preferred_length_then_at_the_other(patterns, preferred, expected):
    from briefing import units

    assert units.per_wording(patterns, _COMPOUND, preferred) == expected


def test_per_is_worded_short_first_unless_told_otherwise():
    from briefing import units

    assert units.per_wording({"long": {"one": "{0} barrel"}, "short": {"one": "{0} bbl"}}, _COMPOUND) == (
        "{0}/{1}", "bbl")
    assert units.per_wording({"long": {"one": "{0} barrel"}}, _COMPOUND) == ("{0} per {1}", "barrel")


def test_a_cldr_unit_or_currency_never_makes_the_tool_read_its_shipped_nouns(monkeypatch):
    """A CLDR id (it has a hyphen), a currency (three capitals) or a format-1 unit name is told from its form:
    briefing/data/counted.toml is read only for a unit that could be a counted noun (units.counted_forms),
    percentage-point among them."""
    from briefing import units

    read = []
    monkeypatch.setattr(units, "shipped_counted", lambda: read.append(True) or {"percentage-point": {}})
    assert [units.kind(unit) for unit in ("power-gigawatt", "USD", "gigawatt", "megawatt")] == [
        "cldr", "currency", "cldr", "cldr"]
    assert read == []
    assert units.counted_forms("percentage-point", None) == {} and read == [True]
