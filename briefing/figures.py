"""Figures in words: a statistic's value with its unit and qualifier, and derived arithmetic.

Shared by the printed brief and the dashboard.  A qualifier is part of the
figure ("more than 376 GW" is never shown as "376 GW"), and Russian counted
nouns change case after a qualifier ("более 21 реактора"), so each
qualifier-and-unit pair is one plural message in the catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analysis import REFERENCE_TOLERANCE, DerivedResult, ReferenceCheck, SiblingBreach
from briefing.i18n import N_, Localizer, Nn_
from briefing.sanitize import one_line

if TYPE_CHECKING:  # the views read validated briefings, cached ones included, without pydantic
    from briefing.model import Statistic

_BABEL_UNITS = {"gigawatt": "power-gigawatt", "megawatt": "power-megawatt"}

#: (qualifier, unit) -> (singular, plural) for counted units.
_COUNTED = {
    ("exact", "reactor"): Nn_("%(count)s reactor", "%(count)s reactors"),
    ("more-than", "reactor"): Nn_("more than %(count)s reactor", "more than %(count)s reactors"),
    ("at-least", "reactor"): Nn_("at least %(count)s reactor", "at least %(count)s reactors"),
    ("nearly", "reactor"): Nn_("nearly %(count)s reactor", "nearly %(count)s reactors"),
    ("about", "reactor"): Nn_("about %(count)s reactor", "about %(count)s reactors"),
    ("less-than", "reactor"): Nn_("fewer than %(count)s reactor", "fewer than %(count)s reactors"),
    ("exact", "country"): Nn_("%(count)s country", "%(count)s countries"),
    ("more-than", "country"): Nn_("more than %(count)s country", "more than %(count)s countries"),
    ("at-least", "country"): Nn_("at least %(count)s country", "at least %(count)s countries"),
    ("nearly", "country"): Nn_("nearly %(count)s country", "nearly %(count)s countries"),
    ("about", "country"): Nn_("about %(count)s country", "about %(count)s countries"),
    ("less-than", "country"): Nn_("fewer than %(count)s country", "fewer than %(count)s countries"),
}

#: Qualifiers for measured values, whose unit symbol does not change case.
_QUALIFIED = {
    "exact": "%(value)s",
    "more-than": N_("more than %(value)s"),
    "at-least": N_("at least %(value)s"),
    "nearly": N_("nearly %(value)s"),
    "about": N_("about %(value)s"),
    "less-than": N_("less than %(value)s"),
}


def measured(loc: Localizer, value: float, unit: str, digits: int | None = None) -> str:
    """A bare measured value: '376 GW', '10%', '0.90 GW'."""
    if unit == "percent":
        return loc.percent(value / 100, digits or 0)
    return loc.unit(value, _BABEL_UNITS[unit], digits)


def figure(loc: Localizer, stat: Statistic) -> str:
    """The statistic as its source gives it, qualifier included."""
    if stat.unit in ("reactor", "country") and float(stat.value).is_integer():
        singular, plural = _COUNTED[(stat.qualifier, stat.unit)]
        return loc.n_(singular, plural, int(stat.value))
    bare = measured(loc, stat.value, stat.unit) if stat.unit not in ("reactor", "country") else loc.number(stat.value)
    return _qualified(loc, stat.qualifier, bare)


def _qualified(loc: Localizer, qualifier: str, bare: str) -> str:
    """'more than 376 GW' from '376 GW'; an exact figure as it is."""
    return loc._(_QUALIFIED[qualifier], value=bare) if qualifier != "exact" else bare


def derived_value(loc: Localizer, result: DerivedResult) -> str:
    """'0.90 GW' for an average, '15.1%' for a share, with the qualifier its operands allow."""
    if result.unit == "percent":
        bare = loc.percent(result.value, 1)
    elif result.unit in ("reactor", "country"):
        bare = loc.number(result.value, 2)
    else:
        bare = measured(loc, result.value, result.unit, 2)
    return _qualified(loc, result.qualifier, bare)


def arithmetic(loc: Localizer, result: DerivedResult) -> str:
    """The working shown: 'more than 376 GW ÷ 416 reactors ≈ 0.90 GW'."""
    return loc._("%(numerator)s ÷ %(denominator)s ≈ %(result)s",
                 numerator=figure(loc, result.numerator),
                 denominator=figure(loc, result.denominator),
                 result=derived_value(loc, result))


def sibling_text(loc: Localizer, breach: SiblingBreach) -> str:
    """Why the sibling rule fired, with both averages."""
    return loc._("an average below half of a comparable one. %(average_label)s: %(average)s; "
                 "%(sibling_label)s: %(sibling)s.",
                 average_label=one_line(loc.text(breach.average.figure.label)),
                 average=derived_value(loc, breach.average),
                 sibling_label=one_line(loc.text(breach.sibling.figure.label)),
                 sibling=derived_value(loc, breach.sibling))


def reference_rule_text(loc: Localizer) -> str:
    return loc._("more than %(tolerance)s away from reference figures of the same measure.",
                 tolerance=loc.percent(REFERENCE_TOLERANCE))


def check_text(loc: Localizer, check: ReferenceCheck) -> str:
    """'consistent' or 'inconsistent', with the gap in percent."""
    if check.agrees:
        return loc._("consistent")
    return loc._("differs by %(gap)s", gap=loc.percent(check.distance))
