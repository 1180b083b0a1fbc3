"""What a briefing means beyond what it says: comparison, provenance, derived figures, flags.

Pure functions of a Briefing, computed once and shared by the printed brief
and the dashboard so the two can never disagree.  Nothing here formats text:
results keep raw values so each view renders them in its own language.
Results are NamedTuples: immutable, and far cheaper to define than frozen
dataclasses, a cost every start of the command pays.
"""

from __future__ import annotations

import math
from typing import Literal, NamedTuple, TYPE_CHECKING

if TYPE_CHECKING:  # the views read validated briefings, cached ones included, without pydantic
    from briefing.model import Briefing, ComparisonPoint, DerivedFigure, Source, Statistic


Status = Literal["agree", "differ", "single", "none"]

#: A news figure further than this from a reference value (relative) is flagged.
REFERENCE_TOLERANCE = 0.25
#: An average below this fraction of a sibling average is flagged as implausible.
SIBLING_MIN_RATIO = 0.5
#: How far below its value "nearly X" may lie, and how far "about X" may stray.
NEARLY_SPAN = 0.1
ABOUT_SPAN = 0.1

_UNIT_SCALE = {"gigawatt": ("power", 1000.0), "megawatt": ("power", 1.0),
               "reactor": ("reactor", 1.0), "country": ("country", 1.0), "percent": ("percent", 1.0)}


class ValueClaim(NamedTuple):
    """One structured value on a point and the sources that give it."""

    value: object
    sources: tuple[str, ...]


class PointResult(NamedTuple):
    point: ComparisonPoint
    status: Status
    #: Filled when the structured values differ: every value and who gives it.
    conflicts: tuple[ValueClaim, ...] = ()


class Coverage(NamedTuple):
    source: Source
    covered: int
    total: int
    only_here: tuple[ComparisonPoint, ...]


class DerivedResult(NamedTuple):
    figure: DerivedFigure
    numerator: Statistic
    denominator: Statistic
    value: float  # an average in the numerator's unit, or a share as a fraction
    unit: str  # the unit of `value`: the numerator's for an average, "percent" for a share
    qualifier: str  # what the operands' qualifiers allow of the result: "more than 376 ÷ 416" is more than 0.90


class ReferenceCheck(NamedTuple):
    """A news figure set beside one reference figure of the same measure."""

    statistic: Statistic
    reference: Statistic
    distance: float  # relative gap between the two ranges, 0 when they overlap

    @property
    def agrees(self) -> bool:
        return self.distance <= REFERENCE_TOLERANCE


class SiblingBreach(NamedTuple):
    """An average implausibly small beside a comparable one (e.g. GW per reactor)."""

    average: DerivedResult
    sibling: DerivedResult


class Flag(NamedTuple):
    """A figure the analysis calls inconsistent and unverified, with every rule that fired."""

    statistic: Statistic
    #: Reference figures of the same measure that disagree with it (the reference rule).
    references: tuple[ReferenceCheck, ...] = ()
    #: Averages built on it that are implausible beside their siblings (the sibling rule).
    siblings: tuple[SiblingBreach, ...] = ()


class Analysis(NamedTuple):
    brief: Briefing
    numbers: dict[str, int]  # source id -> its number in the source list, from 1
    points: tuple[PointResult, ...]
    coverage: tuple[Coverage, ...]
    derived: tuple[DerivedResult, ...]
    checks: tuple[ReferenceCheck, ...]
    flags: tuple[Flag, ...]
    counts: dict[Status, int]

    def flags_for(self, statistic_id: str) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.statistic.id == statistic_id)

    def checks_for(self, statistic_id: str) -> tuple[ReferenceCheck, ...]:
        return tuple(c for c in self.checks if c.statistic.id == statistic_id)


def analyse(brief: Briefing) -> Analysis:
    """Compute everything both views show, once."""
    points = tuple(compare_point(p) for p in brief.comparison)
    derived = tuple(derive(brief))
    checks = tuple(reference_checks(brief))
    flags = tuple(_flags(brief, derived, checks))
    counts: dict[Status, int] = {"agree": 0, "differ": 0, "single": 0, "none": 0}
    for result in points:
        counts[result.status] += 1
    return Analysis(
        brief=brief,
        numbers={s.id: n for n, s in enumerate(brief.sources, start=1)},
        points=points,
        coverage=tuple(coverage(brief, points)),
        derived=derived,
        checks=checks,
        flags=flags,
        counts=counts,
    )


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9)
    return type(a) is type(b) and a == b


def compare_point(point: ComparisonPoint) -> PointResult:
    """Agree, differ, one source only, or none; structured values are compared here."""
    if not point.positions:
        return PointResult(point, "none")
    if len(point.positions) == 1:
        return PointResult(point, "single")
    claims: list[ValueClaim] = []
    for position in point.positions:
        if position.value is None:
            continue
        for n, claim in enumerate(claims):
            if _same(claim.value, position.value):
                claims[n] = ValueClaim(claim.value, claim.sources + (position.source,))
                break
        else:
            claims.append(ValueClaim(position.value, (position.source,)))
    if len(claims) > 1:
        return PointResult(point, "differ", tuple(claims))
    return PointResult(point, "differ" if point.verdict == "differ" else "agree")


def coverage(brief: Briefing, points: tuple[PointResult, ...]):
    """For each source: how many points it speaks to, and which only it reports (one pass over the points)."""
    covered: dict[str, int] = {s.id: 0 for s in brief.sources}
    only: dict[str, list[ComparisonPoint]] = {s.id: [] for s in brief.sources}
    for result in points:
        for source_id in {p.source for p in result.point.positions}:
            covered[source_id] += 1
        if result.status == "single":
            only[result.point.positions[0].source].append(result.point)
    for source in brief.sources:
        yield Coverage(source, covered[source.id], len(points), tuple(only[source.id]))


def _base(stat: Statistic) -> tuple[str, float]:
    dimension, scale = _UNIT_SCALE[stat.unit]
    return dimension, stat.value * scale


def derive(brief: Briefing):
    """Averages and shares declared in the file, computed from its statistics."""
    stats = {s.id: s for s in brief.statistics}
    for figure in brief.derived:
        top, bottom = stats[figure.numerator], stats[figure.denominator]
        if bottom.value == 0:
            continue
        qualifier = ratio_qualifier(top.qualifier, bottom.qualifier)
        if figure.kind == "average":
            yield DerivedResult(figure, top, bottom, top.value / bottom.value, top.unit, qualifier)
        else:
            (_, a), (_, b) = _base(top), _base(bottom)
            yield DerivedResult(figure, top, bottom, a / b, "percent", qualifier)


#: Which way a qualifier bounds its figure: up (a floor) or down (a ceiling); "nearly" is a ceiling, as in claimed_range.
_BOUND = {"exact": 0, "more-than": 1, "at-least": 1, "less-than": -1, "nearly": -1}


def ratio_qualifier(numerator: str, denominator: str) -> str:
    """The qualifier a ratio inherits: a floor over an exact count is a floor, a ceiling below flips it.

    "nearly 20 ÷ 63" stays nearly; "about", bounds pulling both ways and a
    non-strict ceiling (there is no "at most") give "about".
    """
    if (numerator, denominator) == ("nearly", "exact"):
        return "nearly"
    if "about" in (numerator, denominator):
        return "about"
    directions = {d for d in (_BOUND[numerator], -_BOUND[denominator]) if d}
    if not directions:
        return "exact"
    if len(directions) > 1:
        return "about"
    strict = bool({"more-than", "less-than", "nearly"} & {numerator, denominator})
    if directions == {1}:
        return "more-than" if strict else "at-least"
    return "less-than" if strict else "about"


def claimed_range(stat: Statistic) -> tuple[float, float]:
    """The values a figure with its qualifier allows, in base units: "more than 376" is not 376."""
    _, value = _base(stat)
    return {
        "exact": (value, value),
        "more-than": (value, math.inf),
        "at-least": (value, math.inf),
        "less-than": (0.0, value),
        "nearly": (value * (1 - NEARLY_SPAN), value),
        "about": (value * (1 - ABOUT_SPAN), value * (1 + ABOUT_SPAN)),
    }[stat.qualifier]


def range_distance(a: Statistic, b: Statistic) -> float:
    """Relative gap between two figures' ranges; 0 when they overlap."""
    (lo_a, hi_a), (lo_b, hi_b) = claimed_range(a), claimed_range(b)
    if hi_a < lo_b:
        return (lo_b - hi_a) / lo_b
    if hi_b < lo_a:
        return (lo_a - hi_b) / lo_a
    return 0.0


def reference_checks(brief: Briefing):
    """Each reported figure against every reference-dataset figure of the same measure."""
    kinds = {s.id: s.kind for s in brief.sources}

    def is_reference(stat: Statistic) -> bool:
        return all(kinds[s] == "reference-dataset" for s in stat.sources)

    for stat in brief.statistics:
        if stat.measure is None or is_reference(stat):
            continue
        for ref in brief.statistics:
            if (ref.measure == stat.measure and is_reference(ref)
                    and _UNIT_SCALE[ref.unit][0] == _UNIT_SCALE[stat.unit][0]):
                yield ReferenceCheck(stat, ref, range_distance(stat, ref))


def _flags(brief: Briefing, derived: tuple[DerivedResult, ...], checks: tuple[ReferenceCheck, ...]):
    breaches = list(_sibling_breaches(derived))
    for stat in brief.statistics:
        disagreeing = tuple(c for c in checks if c.statistic.id == stat.id and not c.agrees)
        mine = tuple(b for b in breaches if b.average.numerator.id == stat.id)
        if disagreeing or mine:
            yield Flag(stat, disagreeing, mine)


def _sibling_breaches(derived: tuple[DerivedResult, ...]):
    """Averages of the same kind (capacity per reactor) less than half of a sibling."""
    averages = [d for d in derived if d.figure.kind == "average"]
    for average in averages:
        for sibling in averages:
            comparable = (sibling is not average
                          and _UNIT_SCALE[sibling.unit][0] == _UNIT_SCALE[average.unit][0]
                          and _UNIT_SCALE[sibling.denominator.unit][0] == _UNIT_SCALE[average.denominator.unit][0])
            if not comparable:
                continue
            scale = _UNIT_SCALE[sibling.unit][1] / _UNIT_SCALE[average.unit][1]
            if average.value < SIBLING_MIN_RATIO * sibling.value * scale:
                yield SiblingBreach(average, sibling)


def timeline(brief: Briefing):
    """Background entries oldest first; equal dates keep file order."""
    return sorted(brief.background, key=lambda e: (e.date.year, e.date.month, e.date.day))
