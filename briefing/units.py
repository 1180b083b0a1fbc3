"""What a figure's unit is and how units relate: CLDR units, ISO 4217 currencies, counted nouns, percent.

A unit is named by the field's standards:

- a CLDR unit identifier, as Babel knows it: ``mass-tonne``, ``volume-barrel``,
  ``power-gigawatt`` (optionally ``per`` another: barrels ``per`` ``duration-day``);
- an ISO 4217 currency code: ``USD``, ``KZT``, ``RUB``;
- ``percent``, or ``percentage-point`` for a difference of percentages;
- a counted noun the briefing declares with its plural forms (``ship``,
  ``person``), or one the tool ships in briefing/data/counted.toml.

Figures of one dimension are converted to a common base with the exact
factors of CLDR's units.xml (unitConversion), so 65,040 MW and 20 GW, or
0.206 million t and 206,000 t, can be compared.  Currencies are never
converted into each other: no exchange rate is a fact of the brief.
Nothing here formats text.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from pathlib import Path
from typing import Mapping

from briefing.tuples import Record

#: Scale words a source may use, by the power of ten they stand for ("1.65 million").
SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
PERCENT = "percent"
#: The unit of a derived ratio of two figures of one dimension: a plain number.
NUMBER = ""
PERCENTAGE_POINT = "percentage-point"
#: ISO 4217 codes that name no currency: "no currency" and the code kept for testing.
NOT_CURRENCIES = frozenset({"XXX", "XTS"})
#: Short names that briefing format 1 used for CLDR units; they still mean the same.
LEGACY_UNITS = {"gigawatt": "power-gigawatt", "megawatt": "power-megawatt"}
#: CLDR categories whose short form ("376 GW") reads well in prose; others use the long form ("3.5 tonnes").
SHORT_CATEGORIES = frozenset({"power", "energy", "length", "area", "speed", "temperature", "digital",
                              "frequency", "pressure", "electric", "graphics", "light", "acceleration"})

_COUNTED_FILE = Path(__file__).parent / "data" / "counted.toml"

#: Exact factors to each dimension's base unit, from CLDR units.xml (unitConversion).  A CLDR
#: unit not listed is compared only with itself.
_FACTORS: dict[str, tuple[str, str]] = {
    # length, base metre
    "length-kilometer": ("length", "1000"), "length-meter": ("length", "1"),
    "length-centimeter": ("length", "1/100"), "length-millimeter": ("length", "1/1000"),
    "length-mile": ("length", "1609.344"), "length-yard": ("length", "0.9144"),
    "length-foot": ("length", "0.3048"), "length-inch": ("length", "0.0254"),
    "length-nautical-mile": ("length", "1852"),
    # mass, base kilogram
    "mass-tonne": ("mass", "1000"), "mass-kilogram": ("mass", "1"), "mass-gram": ("mass", "1/1000"),
    "mass-milligram": ("mass", "1/1000000"), "mass-ton": ("mass", "907.18474"),
    "mass-pound": ("mass", "0.45359237"), "mass-ounce": ("mass", "0.028349523125"),
    "mass-ounce-troy": ("mass", "0.0311034768"), "mass-stone": ("mass", "6.35029318"),
    # volume, base cubic metre
    "volume-cubic-kilometer": ("volume", "1000000000"), "volume-cubic-meter": ("volume", "1"),
    "volume-megaliter": ("volume", "1000"), "volume-hectoliter": ("volume", "1/10"),
    "volume-liter": ("volume", "1/1000"), "volume-milliliter": ("volume", "1/1000000"),
    "volume-barrel": ("volume", "0.158987294928"), "volume-gallon": ("volume", "0.003785411784"),
    "volume-gallon-imperial": ("volume", "0.00454609"), "volume-cubic-foot": ("volume", "0.028316846592"),
    # power, base watt
    "power-gigawatt": ("power", "1000000000"), "power-megawatt": ("power", "1000000"),
    "power-kilowatt": ("power", "1000"), "power-watt": ("power", "1"), "power-milliwatt": ("power", "1/1000"),
    # energy, base joule
    "energy-kilowatt-hour": ("energy", "3600000"), "energy-kilojoule": ("energy", "1000"),
    "energy-joule": ("energy", "1"), "energy-kilocalorie": ("energy", "4184"), "energy-calorie": ("energy", "4.184"),
    # duration, base second (a year and a month as CLDR defines them: 365.2425 days and a twelfth of that)
    "duration-second": ("duration", "1"), "duration-minute": ("duration", "60"),
    "duration-hour": ("duration", "3600"), "duration-day": ("duration", "86400"),
    "duration-week": ("duration", "604800"), "duration-month": ("duration", "2629746"),
    "duration-year": ("duration", "31556952"),
    # area, base square metre
    "area-square-kilometer": ("area", "1000000"), "area-hectare": ("area", "10000"),
    "area-square-meter": ("area", "1"), "area-square-mile": ("area", "2589988.110336"),
    "area-acre": ("area", "4046.8564224"), "area-square-foot": ("area", "0.09290304"),
    # speed, base metre per second
    "speed-kilometer-per-hour": ("speed", "5/18"), "speed-meter-per-second": ("speed", "1"),
    "speed-mile-per-hour": ("speed", "0.44704"), "speed-knot": ("speed", "463/900"),
}


class Dimension(Record):
    """What a unit measures and how many base units one of it is.

    Two figures can be compared, added or set as a share of each other only
    when their `key`s are equal; `factor` converts a value to that base.
    """

    key: str
    factor: Fraction


def _other_pattern(patterns) -> str:
    """A unit's CLDR pattern for the 'other' plural form, long if it has one, else short; '' if neither."""
    forms = patterns.get("long") or patterns.get("short") or {}
    return forms.get("other") or ""


def _formattable(patterns, english=None) -> bool:
    """Whether CLDR gives a unit a pattern for the 'other' plural form, in this language's own words.

    A language whose data only repeats the English word ("{0} light" in
    Russian, from CLDR's root) has no name for the unit; symbols such as
    "ppm" or "°C" are shared by every language and count as names.
    """
    pattern = _other_pattern(patterns)
    if "{0}" not in pattern:
        return False
    return english is None or not (pattern == _other_pattern(english) and re.search(r"[A-Za-z]{4}", pattern))


@functools.cache
def named_units(locale: str) -> frozenset[str]:
    """The CLDR unit ids `locale` names in its own words (a plural pattern at least for 'other')."""
    from babel import Locale

    patterns = Locale.parse(locale)._data["unit_patterns"]
    english = None if locale == "en" else Locale.parse("en")._data["unit_patterns"]
    return frozenset(unit for unit in patterns if _formattable(patterns[unit], english and english.get(unit)))


@functools.cache
def cldr_units() -> frozenset[str]:
    """Every CLDR unit id every content language names: the units a brief may use."""
    from briefing.i18n import CONTENT_LOCALES

    return frozenset.intersection(*(named_units(locale) for locale in CONTENT_LOCALES))


@functools.cache
def currencies() -> frozenset[str]:
    """ISO 4217 codes that CLDR names (through Babel)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@functools.cache
def shipped_counted() -> Mapping[str, Mapping[str, Mapping[str, str]]]:
    """The counted nouns the tool ships: {id: {language: {plural category: form}}}."""
    import tomllib  # only a brief that uses a shipped noun without declaring it pays for this

    with _COUNTED_FILE.open("rb") as handle:
        return tomllib.load(handle)


def per_wording(patterns, compound, preferred: str = "short") -> tuple[str, str] | None:
    """How CLDR words 'X per <unit>', from the unit's patterns and the locale's compound 'per' patterns.

    Returns (template, name): the unit's own 'per' pattern ("{0} per day",
    name ""), or the compound pattern ("{0} per {1}") with the unit's
    singular name; at the preferred length first, then the other; None
    when CLDR gives neither.
    """
    for length in (preferred, "long" if preferred == "short" else "short"):
        forms = patterns.get(length) or {}
        if forms.get("per"):
            return forms["per"], ""
        template = (compound.get(length) or {}).get("compound")
        singular = forms.get("one") or forms.get("other")
        if template and singular:
            return template, singular.replace("{0}", "").strip()
    return None


@functools.cache
def per_units() -> frozenset[str]:
    """The CLDR units every content language can word after 'per' (barrels per day, $ per barrel)."""
    from babel import Locale

    from briefing.i18n import CONTENT_LOCALES

    found = set(cldr_units())
    for locale in CONTENT_LOCALES:
        data = Locale.parse(locale)._data
        compound = data["compound_unit_patterns"]["per"]
        found = {unit for unit in found if per_wording(data["unit_patterns"][unit], compound) is not None}
    return frozenset(found)


def canonical(unit: str) -> str:
    """A format-1 short name as its CLDR id; any other unit as it is."""
    return LEGACY_UNITS.get(unit, unit)


def is_currency(unit: str) -> bool:
    """Three capital letters name an ISO 4217 currency."""
    return len(unit) == 3 and unit.isascii() and unit.isupper()


def kind(unit: str, counted: Mapping[str, object] | None = None) -> str:
    """'percent', 'number', 'counted', 'currency' or 'cldr': what a unit of a validated brief is.

    Told from the unit's form alone, without loading CLDR data, since
    validation (is_known) has already refused every unit that is none of them.
    `counted` is the brief's own declarations.
    """
    if unit == PERCENT:
        return PERCENT
    if unit == NUMBER:
        return "number"
    if counted_forms(unit, counted) is not None:
        return "counted"
    return "currency" if is_currency(unit) else "cldr"


def is_known(unit: str, counted: Mapping[str, object] | None = None) -> bool:
    """Whether a brief may use the unit: percent, a counted noun, an ISO 4217 code CLDR names, or a CLDR unit
    every content language can name."""
    return (unit == PERCENT or counted_forms(unit, counted) is not None
            or (is_currency(unit) and unit in currencies() and unit not in NOT_CURRENCIES)
            or canonical(unit) in cldr_units())


def unnamed_in(unit: str) -> str:
    """The first content language whose CLDR data lacks a unit that another content language names, or ''."""
    from briefing.i18n import CONTENT_LOCALES

    unit = canonical(unit)
    named = {locale: unit in named_units(locale) for locale in CONTENT_LOCALES}
    return next((locale for locale, known in named.items() if not known), "") if any(named.values()) else ""


def cldr_category(unit: str) -> str:
    """The CLDR category of a CLDR unit id: 'power' for 'power-gigawatt'."""
    return canonical(unit).split("-", 1)[0]


@functools.cache
def plural_categories(language: str) -> tuple[str, ...]:
    """The CLDR plural categories of a language, in CLDR's order: ('one', 'few', 'many', 'other') for ru."""
    from babel import Locale

    tags = Locale.parse(language).plural_form.tags | {"other"}
    return tuple(c for c in ("zero", "one", "two", "few", "many", "other") if c in tags)


def counted_forms(unit: str, declared: Mapping[str, Mapping[str, Mapping[str, str]]] | None):
    """The plural forms of a counted noun, {language: {category: form}}, or None if it is not one.

    The shipped file is read only for a unit that is neither declared nor
    of another kind's form (a CLDR id has a hyphen, a currency is three capitals).
    """
    if declared and unit in declared:
        return declared[unit]
    if unit != PERCENTAGE_POINT and ("-" in unit or is_currency(unit) or unit in LEGACY_UNITS):
        return None
    return shipped_counted().get(unit)


@functools.lru_cache(maxsize=1024)
def dimension(unit: str, per: str | None = None) -> Dimension:
    """The dimension a unit (per another) measures, for comparing figures across units.

    CLDR units of a known category convert exactly; any other unit (a
    currency, a counted noun, percent) is its own dimension, whose key
    ('unit:ship') never equals a category's ('mass'), whatever the noun is called.
    """
    unit = canonical(unit)
    key, factor = _FACTORS.get(unit, ("unit:" + unit, "1"))
    if per:
        per_key, per_factor = _FACTORS.get(per, ("unit:" + per, "1"))
        return Dimension(f"{key}/{per_key}", Fraction(factor) / Fraction(per_factor))
    return Dimension(key, Fraction(factor))


def nearest(unit: str, counted: Mapping[str, object] = (), cldr_only: bool = False) -> list[str]:
    """Up to three known unit names closest in spelling to an unknown one, whatever its case ('TEU' finds a
    declared 'teu'); with `cldr_only`, only the units that can follow `per`."""
    import difflib

    known = [*per_units()] if cldr_only else [*cldr_units(), *currencies(), *counted, *shipped_counted(),
                                                PERCENT, *LEGACY_UNITS]
    by_folded = {name.casefold(): name for name in known}
    return [by_folded[m] for m in difflib.get_close_matches(unit.casefold(), list(by_folded), n=3, cutoff=0.6)]
