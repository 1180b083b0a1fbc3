"""Figures in words: a value with its unit, scale word and qualifier, and derived arithmetic.

Shared by every face.  A qualifier is part of the figure ("more than 376 GW"
is never shown as "376 GW"), a number keeps the decimals it was written
with, and units are worded by CLDR through Babel: unit patterns by plural
category, currencies by ISO 4217 code, scale words from CLDR's compact
decimal formats.  Counted nouns take the forms the brief declares.  Russian
nouns change case after a qualifier that governs the genitive ("более 21
реактора"): the plural category is shifted to the genitive form, which
Russian's "few" and "many" forms are.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import decimal
import functools
import re

from babel import Locale
from babel.numbers import format_currency

from briefing import units
from briefing.analysis import REFERENCE_TOLERANCE, DerivedResult, FigureCheck, SiblingBreach
from briefing.i18n import N_, Localizer, written_digits
from briefing.sanitize import one_line
from briefing.typography import NBSP, tie_lead

if TYPE_CHECKING:  # the faces read validated briefings, cached ones included, without pydantic
    from briefing.model import Statistic

#: How each qualifier reads around a figure.
QUALIFIED = {
    "exact": "%(value)s",
    "more-than": N_("more than %(value)s"),
    "at-least": N_("at least %(value)s"),
    "nearly": N_("nearly %(value)s"),
    "about": N_("about %(value)s"),
    "less-than": N_("less than %(value)s"),
    "up-to": N_("up to %(value)s"),
    "at-most": N_("at most %(value)s"),
    "no-more-than": N_("no more than %(value)s"),
    "unbounded": N_("%(value)s (no bound can be given)"),
}
MINUS = "\u2212"
#: Counted things are fewer, not less.
FEWER = N_("fewer than %(value)s")
RANGE = N_("%(low)s–%(high)s")
#: A range whose ends need their unit each, or whose low end is negative.
RANGE_WORDS = N_("%(low)s to %(high)s")
#: A derived value whose operands' qualifiers allow only a range: the nominal result, then the range.
WITHIN = N_("%(value)s (the qualifiers allow %(range)s)")
MARGIN = N_("%(value)s ± %(margin)s")
#: Qualifiers after which a language puts the counted noun in the genitive, and the plural
#: category whose form is that genitive (Russian: "более 21 реактора", "около 63 реакторов").
GENITIVE_AFTER = {"ru": frozenset({"more-than", "at-least", "about", "less-than", "up-to", "at-most",
                                   "no-more-than", "range"})}  # "range": «от … до …»
GENITIVE_CATEGORY = {"one": "few", "few": "many"}


def figure(loc: Localizer, stat, nouns=None) -> str:
    """The figure as its source gives it: value or range, scale, unit, per, margin and qualifier."""
    low, high = stat.value if isinstance(stat.value, list) else (stat.value, None)  # as written, digits kept
    return quantity(loc, low, stat.unit, stat.qualifier, nouns, per=stat.per, scale=stat.scale, high=high,
                    margin=stat.margin)


def quantity(loc: Localizer, value, unit: str, qualifier: str = "exact", nouns=None, *, per: str | None = None,
             scale: str | None = None, high=None, margin=None, digits: int | None = None) -> str:
    """A value (to `high` for a range) in a unit, worded in the Localizer's language.

    `value` is an int, a Decimal (its written decimals kept) or a Fraction
    (shown with `digits` decimals).  Raises nothing for any value a validated
    brief may hold, in any English or Russian CLDR locale.
    """
    kind = units.kind(unit, nouns)
    genitive = qualifier in GENITIVE_AFTER.get(loc.locale, ())
    if high is not None and (kind == "currency" or value < 0):  # each end whole: "−$7.50 to $17.50"
        ends_genitive = genitive or "range" in GENITIVE_AFTER.get(loc.locale, ())  # «от 1 реактора до 3 реакторов»
        low_text, high_text = (_with_unit(loc, kind, unit, per, scale, nouns, _bare(loc, kind, end, digits), end,
                                          ends_genitive, digits) for end in (value, high))
        core = loc._(RANGE_WORDS, low=low_text, high=high_text)
    elif high is not None:
        core = _with_unit(loc, kind, unit, per, scale, nouns, loc._(RANGE, low=_bare(loc, kind, value, digits),
                                                                    high=_bare(loc, kind, high, digits)),
                          high, genitive, digits)
    else:
        core = _with_unit(loc, kind, unit, per, scale, nouns, _bare(loc, kind, value, digits), value, genitive,
                          digits)
    if margin is not None:
        core = loc._(MARGIN, value=core, margin=_with_unit(loc, kind, unit, per, scale, nouns,
                                                            _bare(loc, kind, margin, None), margin, False, None))
    if qualifier == "exact":
        return core
    template = FEWER if qualifier == "less-than" and kind == "counted" and unit != units.PERCENTAGE_POINT \
        else QUALIFIED[qualifier]
    return tie_lead(loc._(template)) % {"value": core}  # "nearly" stays with "20 GW"


def plain_number(loc: Localizer, value) -> str:
    """A number with no unit, as written, a negative one with a true minus sign."""
    return _bare(loc, "number", value, None)


def _bare(loc: Localizer, kind: str, value, digits: int | None) -> str:
    """The number alone, a negative one with a true minus sign; for percent with its sign, as CLDR puts it."""
    if kind == units.PERCENT:
        text = loc.percent(Fraction(value) / 100, digits if digits is not None else written_digits(value))
    else:
        text = loc.number(value, digits)
    return text.replace("-", MINUS, 1) if value < 0 else text


def _category(loc: Localizer, value, genitive: bool, scaled: bool) -> str:
    """The plural category a noun takes after this number (and scale word, and qualifier)."""
    if scaled:  # "1,65 миллиона баррелей": after a scale word, the genitive plural where there is one
        category = "many" if "many" in units.plural_categories(loc.locale) else "other"
    else:
        category = loc.plural(value)
    return GENITIVE_CATEGORY.get(category, category) if genitive else category


def _scaled(loc: Localizer, number: str, value, scale: str, genitive: bool) -> str:
    """'1.65 million', '1,65 миллиона': the number as written and CLDR's long compact word for its scale."""
    category = _category(loc, value, genitive, False)
    # CLDR gives every plural category of English and Russian every scale word; English in the Deseret and
    # Shavian scripts has no words of its own (only "0K", "0M"): it takes the language's
    patterns = _compact_words(loc.formats) or _compact_words(loc.locale)
    word = patterns[category][str(10 ** units.SCALES[scale])].pattern.lstrip("0").strip()
    return f"{number}{NBSP}{word}"


@functools.lru_cache(maxsize=16)
def _compact_words(locale: str):
    """CLDR's long compact decimal patterns of a locale by plural category ('0 million'), or None."""
    formats = Locale.parse(locale).compact_decimal_formats
    return formats["long"] if "long" in formats else None


def _with_unit(loc: Localizer, kind: str, unit: str, per, scale, nouns, number: str, value, genitive: bool,
               digits) -> str:
    """The number text with its scale word and unit, as CLDR or the brief's counted nouns word it."""
    if kind in (units.PERCENT, "number"):
        return number
    value = _as_shown(value, digits)
    if scale:
        number = _scaled(loc, number, value, scale, genitive)
    category = _category(loc, value, genitive, bool(scale))
    if kind == "currency":
        text = _currency(loc, unit, number, category, bool(scale))
    elif kind == "cldr":
        text = _cldr(loc, units.canonical(unit), number, category)
    else:
        # validation asks every counted noun for every plural category of every language (counted_missing)
        text = f"{number}{NBSP}{one_line(units.counted_forms(unit, nouns)[loc.locale][category])}"
    return _per(loc, text, per) if per else text


def _as_shown(value, digits: int | None):
    """The value with the decimals it is shown with, for its plural category: a computed 1 shown as "1.00"
    takes the plural of 1.00 ("1.00 metric tons", "1,00 тонны"), as a source's 1.00 does."""
    if digits is None:
        return value
    whole = decimal.Decimal(round(Fraction(value) * 10 ** digits)).as_tuple()
    return decimal.Decimal((whole.sign, whole.digits, -digits))


def _length(unit: str) -> str:
    return "short" if units.cldr_category(unit) in units.SHORT_CATEGORIES else "long"


def _cldr(loc: Localizer, unit: str, number: str, category: str) -> str:
    """The number in the unit's CLDR pattern for its plural category (validation made sure 'other' exists)."""
    patterns = loc.babel._data["unit_patterns"][unit]
    forms = patterns.get(_length(unit)) or patterns.get("long") or patterns["short"]
    pattern = forms.get(category) or forms["other"]
    return pattern.replace("{0}", number).replace(" ", NBSP)


def _per(loc: Localizer, text: str, per: str) -> str:
    """'206,000 barrels per day': CLDR's wording of 'per' the unit (units.per_wording), its own spaces tied."""
    data = loc.babel._data
    template, name = units.per_wording(data["unit_patterns"][per], data["compound_unit_patterns"]["per"],
                                       _length(per))  # validation admits only units.per_units()
    if not name and template.startswith("{0}"):  # the unit's own "{0} per day": kept on one line
        template = template.replace(" ", NBSP)
    return template.replace("{0}", text).replace("{1}", name)


def _currency(loc: Localizer, code: str, number: str, category: str, scaled: bool) -> str:
    """'$79.41' / '79,41 $' in the locale's currency pattern around the number as written (a range too);
    with a scale word, the currency's plural name: '1.65 billion US dollars' / '1,65 миллиарда долларов США'."""
    if scaled:
        # its plural name ('many' in Russian, 'other' in English: _category), else its name, else its code
        names = loc.babel._data["currency_names_plural"].get(code) or {}
        name = names.get(category) or loc.babel.currencies.get(code, code)
        return f"{number}{NBSP}{name}"
    before, _, after = _currency_zero(loc.formats, code).partition("0")
    sign = MINUS if number.startswith(MINUS) else ""
    return sign + before + number.removeprefix(sign) + after


@functools.lru_cache(maxsize=256)
def _currency_zero(locale: str, code: str) -> str:
    """'$0' / '0 $': the locale's currency pattern around a bare 0, for a number as written to replace.

    Its spaces are no-break ones already: CLDR's English and Russian currency patterns hold no plain space.
    """
    babel_locale = Locale.parse(locale)
    pattern = babel_locale.currency_formats["standard"].pattern.partition(";")[0]
    # its number part, '#,##0.00', '#,##,##0.00' (India) or '0.00' (POSIX), as one 0
    zero = format_currency(0, code, locale=babel_locale, currency_digits=False,
                           format=re.sub(r"[#,.0]+", "0", pattern))
    # CLDR's currency spacing: a symbol made of letters ("XAU", "RUB") is kept apart from the number
    return re.sub(r"(?<=[^\W\d_])0|0(?=[^\W\d_])", lambda m: (NBSP + "0") if m.start() else ("0" + NBSP), zero, 1)


def derived_value(loc: Localizer, result: DerivedResult, nouns=None) -> str:
    """'more than 0.90 GW' for an average, '15.1%' for a share, with the qualifier its operands allow;
    where only a range holds, the value from the figures as written and the range it may lie in."""
    said = result.shown

    def shown(value, qualifier="exact", high=None) -> str:
        return quantity(loc, value, result.unit, qualifier, nouns, per=result.per, scale=result.scale,
                        high=high, digits=result.digits)

    if said.qualifier == "range":  # the value the figures give as written, rounded as shown
        nominal = Fraction(round(result.nominal * 10 ** result.digits), 10 ** result.digits)
        return loc._(WITHIN, value=shown(nominal), range=shown(said.value, high=said.high))
    return shown(said.value, said.qualifier)


#: How each kind of derived figure shows its working.
WORKINGS = {
    "average": N_("%(a)s ÷ %(b)s %(sign)s %(result)s"),
    "ratio": N_("%(a)s ÷ %(b)s %(sign)s %(result)s"),
    "share": N_("%(a)s ÷ %(b)s %(sign)s %(result)s"),
    "difference": N_("%(a)s − %(b)s %(sign)s %(result)s"),
    "change": N_("from %(a)s to %(b)s: %(result)s"),
    "percent-change": N_("from %(a)s to %(b)s: %(result)s"),
}


def arithmetic(loc: Localizer, result: DerivedResult, nouns=None) -> str:
    """The working shown: 'more than 376 GW ÷ 416 reactors ≈ more than 0.90 GW'."""
    sign = "=" if result.exact else "≈"
    shown = derived_value(loc, result, nouns)
    if result.figure.kind in ("change", "percent-change"):
        shown = _signed(shown, result)
    if result.figure.kind == "sum":
        terms = " + ".join(figure(loc, op, nouns) for op in result.operands)
        return loc._("%(terms)s %(sign)s %(result)s", terms=terms, sign=sign, result=shown)
    if result.figure.kind in ("change", "percent-change") and not result.exact:
        shown = "≈" + NBSP + shown
    a, b = (figure(loc, op, nouns) for op in result.operands)
    return loc._(WORKINGS[result.figure.kind], a=a, b=b, sign=sign, result=shown)


def _signed(text: str, result: DerivedResult) -> str:
    """A change shows its sign: '+137,000 barrels' or '−18.0%' (negative numbers carry their minus already)."""
    if result.nominal < 0:
        return text
    return "+" + text if result.nominal > 0 and result.shown.qualifier in ("exact", "range") else text


def sibling_text(loc: Localizer, breach: SiblingBreach, nouns=None) -> str:
    """Why the sibling rule fired, with both averages."""
    # each label opens a sentence of its own: a label is written as a heading, with its capital
    return loc._("an average below half of a comparable one. %(average_label)s: %(average)s. "
                 "%(sibling_label)s: %(sibling)s.",
                 average_label=one_line(loc.text(breach.average.figure.label)),
                 average=derived_value(loc, breach.average, nouns),
                 sibling_label=one_line(loc.text(breach.sibling.figure.label)),
                 sibling=derived_value(loc, breach.sibling, nouns))


def reference_rule_text(loc: Localizer) -> str:
    return loc._("more than %(tolerance)s away from reference figures of the same measure.",
                 tolerance=loc.percent(REFERENCE_TOLERANCE))


def check_text(loc: Localizer, check: FigureCheck) -> str:
    """'consistent' or 'differs by 68%'."""
    if check.agrees:
        return loc._("consistent")
    return loc._("differs by %(gap)s", gap=loc.percent(check.distance))

