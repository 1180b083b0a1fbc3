"""What a briefing means beyond what it says: comparison, provenance, derived figures, flags.

Pure functions of a Briefing, computed once and shared by every face so that
they can never disagree.  Nothing here formats text: results keep raw values
(exact fractions, intervals, dates) so each face renders them in its own
language.  Figures are compared as the intervals their qualifiers allow,
after converting units (briefing.units, briefing.intervals); dates at the
coarser precision of the two (briefing.dates); names after folding case and
spacing and applying the brief's declared aliases.  No source's number is
ever changed: results sit beside the figures they come from.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TYPE_CHECKING

from briefing import dates, units
from briefing.intervals import Interval, Reading, add, divide, multiply, of_figure, reading, subtract
from briefing.tuples import Record

if TYPE_CHECKING:  # the faces read validated briefings, cached ones included, without pydantic
    from briefing.model import Briefing, ComparisonPoint, DerivedFigure, Source, Statistic

Status = Literal["agree", "differ", "complement", "single", "none"]
STATUSES: tuple[Status, ...] = ("agree", "differ", "complement", "single", "none")

#: A figure further than this from another figure of the same measure (relative) is called different.
REFERENCE_TOLERANCE = Fraction(1, 4)
#: An average below this fraction of a comparable average is flagged as implausible.
SIBLING_MIN_RATIO = Fraction(1, 2)
#: Decimals shown for each kind of derived figure whose exact value has more.
RESULT_DIGITS = {"share": 1, "percent-change": 1}
DEFAULT_RESULT_DIGITS = 2
#: Decimals a small result may need to keep two significant digits (0.00071 trillion), at the most.
MAX_SHOWN_DIGITS = 30


class ValueClaim(Record):
    """One structured value on a point and the sources that give it."""

    value: object
    sources: tuple[str, ...]


class PrecisionNote(Record):
    """Sources whose date agrees with the others' only at a coarser precision ('gives the year only')."""

    precision: str
    sources: tuple[str, ...]


class PointResult(Record):
    point: ComparisonPoint
    status: Status
    #: Filled when the structured values differ: every value and who gives it.
    conflicts: tuple[ValueClaim, ...] = ()
    #: With three or more sources giving values: those who differ from a clear majority.
    outliers: tuple[str, ...] = ()
    #: Dates that agree only at the coarser precision of the two.
    precision_notes: tuple[PrecisionNote, ...] = ()


class Coverage(Record):
    source: Source
    covered: int
    total: int
    only_here: tuple[ComparisonPoint, ...]


class DerivedResult(Record):
    """A derived figure computed exactly from its operands, and how its result is best said."""

    figure: DerivedFigure
    operands: tuple[Statistic, ...]
    unit: str  # the unit the result is in: an operand's, "percent" or "percentage-point"
    per: str | None
    scale: str | None
    nominal: Fraction  # the arithmetic on the values as written, in `unit`
    interval: Interval  # every value the operands' qualifiers allow, in `unit`
    reading: Reading  # qualifier and exact bound(s) of the result, in `unit`
    shown: Reading  # the same with its bounds rounded outward to `digits`, as faces show it
    digits: int  # decimals to show
    exact: bool  # whether the shown number is the result itself, not a rounding of it

    def in_base(self) -> Fraction:
        """The nominal result in its dimension's base unit (scale word and unit factor applied)."""
        scale = 10 ** units.SCALES.get(self.scale, 0)
        return self.nominal * units.dimension(self.unit, self.per).factor * scale

    @property
    def numerator(self) -> Statistic:
        return self.operands[0]

    @property
    def denominator(self) -> Statistic:
        return self.operands[-1]


class FigureCheck(Record):
    """A reported figure set beside another figure of the same measure, from another source."""

    statistic: Statistic
    other: Statistic
    distance: Fraction  # relative gap between the two intervals, 0 when they overlap
    reference: bool  # whether the other figure comes from reference datasets only

    @property
    def agrees(self) -> bool:
        return self.distance <= REFERENCE_TOLERANCE


class SiblingBreach(Record):
    """An average implausibly small beside a comparable one (e.g. GW per reactor)."""

    average: DerivedResult
    sibling: DerivedResult


class Flag(Record):
    """A figure the analysis calls inconsistent and unverified, with every rule that fired."""

    statistic: Statistic
    #: Reference figures of the same measure that disagree with it (the reference rule).
    references: tuple[FigureCheck, ...] = ()
    #: Averages built on it that are implausible beside their siblings (the sibling rule).
    siblings: tuple[SiblingBreach, ...] = ()


class Analysis(Record):
    brief: Briefing
    numbers: dict[str, int]  # source id -> its number in the source list, from 1
    points: tuple[PointResult, ...]
    coverage: tuple[Coverage, ...]
    derived: tuple[DerivedResult, ...]
    checks: tuple[FigureCheck, ...]
    flags: tuple[Flag, ...]
    counts: dict[Status, int]
    #: Statistics reported by the brief's sources, in file order; the rest come from reference datasets only.
    reported: tuple[Statistic, ...]
    #: Sources that are compared (all but reference datasets), in file order.
    compared: tuple[Source, ...]
    #: How many of the compared sources are independent of each other (relays counted with what they relay).
    independent: int

    def flags_for(self, statistic_id: str) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.statistic.id == statistic_id)

    def checks_for(self, statistic_id: str) -> tuple[FigureCheck, ...]:
        return tuple(c for c in self.checks if c.statistic.id == statistic_id)

    @property
    def nouns(self):
        """The brief's counted nouns, {id: {language: {category: form}}}."""
        return self.brief.counted


class DerivationError(Exception):
    """A derived figure that cannot be computed: `kind` names the problem in briefing.model.PROBLEMS.
    Yielded (not raised) by derivation_problems, for validation to report."""

    def __init__(self, index: int, kind: str, **context: object):
        super().__init__(kind)
        self.index, self.kind, self.context = index, kind, context


def analyse(brief: Briefing) -> Analysis:
    """Compute everything every face shows, once."""
    aliases = _aliases(brief)
    points = tuple(compare_point(p, aliases) for p in brief.comparison)
    derived = tuple(derive(brief))
    reference_sources = {s.id for s in brief.sources if s.kind == "reference-dataset"}
    reported = tuple(s for s in brief.statistics if not set(s.sources) <= reference_sources)
    checks = tuple(figure_checks(brief, reported, reference_sources))
    flags = tuple(_flags(reported, derived, checks))
    counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
    for result in points:
        counts[result.status] += 1
    compared = tuple(s for s in brief.sources if s.id not in reference_sources)
    return Analysis(
        brief=brief,
        numbers={s.id: n for n, s in enumerate(brief.sources, start=1)},
        points=points,
        coverage=tuple(coverage(brief, points)),
        derived=derived,
        checks=checks,
        flags=flags,
        counts=counts,
        reported=reported,
        compared=compared,
        independent=independent_sources(compared),
    )


def independent_sources(sources) -> int:
    """How many groups of sources remain when each relay is counted with the sources it relays."""
    parent = {s.id: s.id for s in sources}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for source in sources:
        for relayed in source.relays:
            if relayed in parent:
                parent[root(source.id)] = root(relayed)
    return len({root(s.id) for s in sources})


# --- comparison ---------------------------------------------------------------

def fold(name: str) -> str:
    """A name as comparison sees it: case folded, ё read as е, spacing collapsed."""
    return " ".join(name.casefold().replace("ё", "е").split())


def _aliases(brief: Briefing) -> dict[str, str]:
    """Folded spelling -> folded canonical name, from the brief's [[names]]."""
    table: dict[str, str] = {}
    for entry in brief.names:
        for alias in entry.aliases:
            table[fold(alias)] = fold(entry.name)
    return table


class _Claim(Record):
    kind: str  # "date", "name", "number" or "quantity:<dimension>"
    key: object  # a span of instants, a folded name or an Interval
    precision: str = ""  # a date's ('year', 'month', ...): read for dates only


def _claim(value: object, aliases: dict[str, str]) -> _Claim:
    if isinstance(value, (dt.date, dates.FuzzyDate)):
        return _Claim("date", dates.span(value), dates.precision_of(value))
    if hasattr(value, "date") and isinstance(getattr(value, "date"), dates.FuzzyDate):  # {date = "2023"}
        return _Claim("date", dates.span(value.date), dates.precision_of(value.date))
    if isinstance(value, str):
        folded = fold(value)
        return _Claim("name", aliases.get(folded, folded))
    if isinstance(value, (int, Decimal, float)):
        return _Claim("number", Interval.point(Fraction(value)))
    dimension, _, interval = figure_interval(value)
    return _Claim("quantity:" + dimension.key, interval)


def _compatible(a: _Claim, b: _Claim) -> bool:
    """Whether two claims can both be true: equal names, overlapping intervals or date spans."""
    if a.kind != b.kind:
        return False
    if a.kind == "name":
        return a.key == b.key
    if a.kind == "date":
        return dates.spans_meet(a.key, b.key)
    return a.key.overlaps(b.key)


def compare_point(point: ComparisonPoint, aliases: dict[str, str] | None = None) -> PointResult:
    """Agree, differ, complement, one source only, or none; structured values are compared on meaning.

    Values fall into groups whose members can all be true together; more
    than one group is a difference.  With three or more sources giving
    values, the sources outside a group larger than every other are named
    as the ones that differ.
    """
    if not point.positions:
        return PointResult(point, "none")
    if len(point.positions) == 1:
        return PointResult(point, "single")
    aliases = aliases or {}
    groups: list[list[tuple[_Claim, object, str]]] = []
    for position in point.positions:
        if position.value is None:
            continue
        claim = _claim(position.value, aliases)
        for group in groups:
            if all(_compatible(claim, other) for other, _, _ in group):
                group.append((claim, position.value, position.source))
                break
        else:
            groups.append([(claim, position.value, position.source)])
    if len(groups) > 1:
        return PointResult(point, "differ", _claims(groups), _outliers(groups))
    notes = _precision_notes(groups[0]) if groups else ()
    status: Status = point.verdict if point.verdict in ("differ", "complement") else "agree"
    return PointResult(point, status, precision_notes=notes)


def _claims(groups) -> tuple[ValueClaim, ...]:
    """Each value once, with every source that gives it: values that mean the same (45,000 and
    45 thousand, the same interval or span, one name and its alias) are listed once, as first written."""
    claims: list[tuple[_Claim, ValueClaim]] = []
    for group in groups:
        for meaning, value, source in group:
            for n, (known, claim) in enumerate(claims):
                if (known.kind, known.key) == (meaning.kind, meaning.key):
                    claims[n] = (known, ValueClaim(claim.value, claim.sources + (source,)))
                    break
            else:
                claims.append((meaning, ValueClaim(value, (source,))))
    return tuple(claim for _, claim in claims)


def _outliers(groups) -> tuple[str, ...]:
    """The sources outside a group larger than every other, when no value could have joined another
    group too (overlap is not transitive, so only then is the answer the same in any file order)."""
    sizes = sorted((len(g) for g in groups), reverse=True)
    if sum(sizes) < 3 or sizes[0] == sizes[1]:
        return ()
    for claim, _, _ in (member for group in groups for member in group):
        joinable = sum(all(_compatible(claim, other) for other, _, _ in group) for group in groups)
        if joinable > 1:
            return ()
    largest = max(groups, key=len)
    return tuple(source for group in groups if group is not largest for _, _, source in group)


def _precision_notes(group) -> tuple[PrecisionNote, ...]:
    """For dates that agree: the sources whose date spans more time than the most precise one given."""
    dated = [(claim.key[1] - claim.key[0], claim.precision, source) for claim, _, source in group
             if claim.kind == "date"]
    if not dated:
        return ()
    finest = min(length for length, _, _ in dated)
    notes: dict[str, list[str]] = {}
    for length, precision, source in dated:
        if length > finest:
            notes.setdefault(precision, []).append(source)
    return tuple(PrecisionNote(p, tuple(s)) for p, s in notes.items())


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


# --- figures --------------------------------------------------------------------

def written(figure) -> tuple[Fraction, Fraction | None]:
    """A figure's value and, for a range, its upper end, as exact fractions in its own unit and scale."""
    if isinstance(figure.value, list):
        return Fraction(figure.value[0]), Fraction(figure.value[1])
    return Fraction(figure.value), None


def figure_interval(figure) -> tuple[units.Dimension, Fraction, Interval]:
    """A figure's dimension, nominal value and interval, both in the dimension's base unit.

    The nominal value of a range is its midpoint; a scale word multiplies
    by its power of ten; the unit's factor converts to the base.
    """
    dimension = units.dimension(figure.unit, figure.per)
    nominal, interval = own(figure)
    factor = _unit_factor(figure)
    return dimension, nominal * factor, interval.scaled(factor)


def own(figure) -> tuple[Fraction, Interval]:
    """A figure's nominal value and interval in its own unit and scale (no conversion)."""
    value, high = written(figure)
    margin = figure.margin
    interval = of_figure(value, figure.qualifier, high, None if margin is None else Fraction(margin))
    return (value if high is None else (value + high) / 2), interval


def _unit_factor(figure) -> Fraction:
    """How many base units one of the figure's (scaled) unit is."""
    return units.dimension(figure.unit, figure.per).factor * 10 ** units.SCALES.get(figure.scale, 0)


def operand_ids(figure) -> list[str]:
    """The statistics a derived figure is computed from, in order (its operands, or numerator and denominator)."""
    return list(figure.operands) or [i for i in (figure.numerator, figure.denominator) if i]


def derive(brief: Briefing):
    """Each derived figure declared in the file, computed exactly (validation refused those that cannot be)."""
    stats = {s.id: s for s in brief.statistics}
    for figure in brief.derived:
        operands = tuple(stats[i] for i in operand_ids(figure))
        yield _derive_one(figure, operands, brief.counted)


def derivation_problems(brief: Briefing, computable=lambda figure: True):
    """A DerivationError for each derived figure that cannot be computed, found without computing it:
    operands that measure different things where they must not, or a zero it would divide by.  Only the
    figures `computable` accepts are looked at (validation passes those whose operands exist with known units)."""
    stats = {s.id: s for s in brief.statistics}
    for index, figure in enumerate(brief.derived):
        if not computable(figure):
            continue
        problem = _operand_problem(index, figure, tuple(stats[i] for i in operand_ids(figure)), brief.counted)
        if problem:
            yield problem


def _operand_problem(index: int, figure: DerivedFigure, operands: tuple, counted) -> DerivationError | None:
    kind, first = figure.kind, operands[0]
    if kind in ("average", "ratio"):  # a unit per one of a plain unit or count: no "per" on either side
        top, bottom = operands
        if top.per or bottom.per or (
                units.kind(bottom.unit, counted) == "cldr" and units.canonical(bottom.unit) not in units.per_units()):
            return DerivationError(index, "derived_per", a=top.id, b=bottom.id, operation=kind)
    else:
        key = units.dimension(first.unit, first.per).key
        for op in operands[1:]:
            if units.dimension(op.unit, op.per).key != key:
                return DerivationError(index, "derived_units", a=first.id, unit_a=first.unit, b=op.id,
                                       unit_b=op.unit, operation=kind)
    divisor = {"average": operands[-1], "ratio": operands[-1], "share": operands[-1],
               "percent-change": first}.get(kind)
    if divisor is not None:
        nominal, allowed = own(divisor)
        crosses = (allowed.lo is None or allowed.lo < 0) and (allowed.hi is None or allowed.hi > 0)
        if nominal == 0 or crosses:  # zero, or a range or margin with zero inside it
            return DerivationError(index, "derived_zero", id=divisor.id, figure=figure.id)
    return None


def _derive_one(figure: DerivedFigure, operands: tuple, counted) -> DerivedResult:
    """One derived figure; its operands passed derivation_problems when the brief was validated."""
    kind, first = figure.kind, operands[0]
    measured = [figure_interval(op) for op in operands]
    approximate = any(op.qualifier == "about" for op in operands)

    if kind in ("average", "ratio"):  # in the numerator's unit (and scale), per one of the denominator
        top, bottom = operands
        (top_nominal, top_interval), (bottom_nominal, bottom_interval) = own(top), own(bottom)
        bottom_scale = 10 ** units.SCALES.get(bottom.scale, 0)
        if measured[0][0].key == measured[1][0].key:  # tonnes per tonne, % of %: a plain number
            return _result(figure, operands, units.NUMBER, None, None, measured[0][1] / measured[1][1],
                           divide(measured[0][2], measured[1][2]), approximate)
        per = units.canonical(bottom.unit) if units.kind(bottom.unit, counted) == "cldr" else None
        scale = top.scale
        nominal = top_nominal / (bottom_nominal * bottom_scale)
        quotient = divide(top_interval, bottom_interval.scaled(Fraction(bottom_scale)))
        if scale and abs(nominal) < 1:  # 714 t a ship, not 0.00000000071 trillion t
            factor = Fraction(10 ** units.SCALES[scale])
            scale, nominal, quotient = None, nominal * factor, quotient.scaled(factor)
        return _result(figure, operands, top.unit, per, scale, nominal, quotient, approximate)
    if kind in ("share", "percent-change"):
        (_, top_nominal, top_interval), (_, bottom_nominal, bottom_interval) = measured
        if kind == "percent-change":  # from the first to the second: (second − first) ÷ |first|
            top_nominal, top_interval = bottom_nominal - top_nominal, subtract(bottom_interval, top_interval)
            bottom_nominal, bottom_interval = measured[0][1], measured[0][2]
            if bottom_nominal < 0:  # a rise from −5 to 0 is +100 %, not −100 %
                bottom_nominal, bottom_interval = -bottom_nominal, bottom_interval.negated()
        quotient = divide(top_interval, bottom_interval)
        return _result(figure, operands, units.PERCENT, None, None, top_nominal / bottom_nominal * 100,
                       multiply(quotient, Interval.point(Fraction(100))), approximate)
    factor = _unit_factor(first)
    if kind == "sum":
        nominal, interval = measured[0][1], measured[0][2]
        for _, op_nominal, op_interval in measured[1:]:
            nominal, interval = nominal + op_nominal, add(interval, op_interval)
    else:  # difference: first − second; change: from the first to the second
        (_, a_nominal, a_interval), (_, b_nominal, b_interval) = measured
        if kind == "change":
            (a_nominal, a_interval), (b_nominal, b_interval) = (b_nominal, b_interval), (a_nominal, a_interval)
        nominal, interval = a_nominal - b_nominal, subtract(a_interval, b_interval)
    # a difference of two percentages is in percentage points; a sum of them is still a percentage
    unit = units.PERCENTAGE_POINT if first.unit == units.PERCENT and kind != "sum" else first.unit
    return _result(figure, operands, unit, first.per, first.scale, nominal / factor, interval.scaled(1 / factor),
                   approximate)


#: Which way a shown bound is rounded so that what is said stays true: a floor down, a ceiling up.
_ROUND_DOWN = {"more-than", "at-least"}
_ROUND_UP = {"less-than", "at-most", "up-to", "no-more-than"}


def _rounded(value: Fraction, digits: int, direction: int) -> Fraction:
    """`value` to `digits` decimals: down (-1), up (+1) or to the nearest, ties to even (0)."""
    scaled = value * 10 ** digits
    whole = (math.floor(scaled) if direction < 0 else math.ceil(scaled) if direction > 0 else round(scaled))
    return Fraction(whole, 10 ** digits)


def _result(figure, operands, unit, per, scale, nominal, interval, approximate) -> DerivedResult:
    """The result as it is best said, its shown bounds rounded outward so that they stay true
    ("less than 5.319…%" is shown as "less than 5.4%", never "less than 5.3%")."""
    said = reading(nominal, interval, approximate)
    digits = _digits(figure.kind, operands, said)
    if said.qualifier == "range":
        shown = Reading("range", _rounded(said.value, digits, -1), _rounded(said.high, digits, 1))
    else:
        direction = -1 if said.qualifier in _ROUND_DOWN else 1 if said.qualifier in _ROUND_UP else 0
        shown = Reading(said.qualifier, _rounded(said.value, digits, direction))
    # a range is shown with the value its operands give as written, which is no more than a midpoint
    exact = shown == said and said.qualifier not in ("unbounded", "range")
    return DerivedResult(figure, operands, unit, per, scale, nominal, interval, said, shown, digits, exact)


def _digits(kind: str, operands, said: Reading) -> int:
    """Decimals to show: none for whole results; exact results of sums and differences keep their
    operands' decimals; otherwise as many as the kind of figure shows, more where a small result
    would otherwise lose its last significant digits."""
    values = [v for v in (said.value, said.high) if v is not None]
    if all(v.denominator == 1 for v in values):
        return 0
    if kind in ("sum", "difference", "change"):
        written_digits = max(_decimals(op) for op in operands)
        if all((v * 10 ** written_digits).denominator == 1 for v in values):
            return written_digits
    digits = RESULT_DIGITS.get(kind, DEFAULT_RESULT_DIGITS)
    smallest = min(abs(v) for v in values if v)  # one at least: a whole result returned above
    while smallest * 10 ** digits < 10 and digits < MAX_SHOWN_DIGITS:  # two significant digits at least
        digits += 1
    return digits


def _decimals(figure) -> int:
    values = figure.value if isinstance(figure.value, list) else [figure.value]
    return max((max(0, -v.as_tuple().exponent) if isinstance(v, Decimal) else 0) for v in values)


# --- checks and flags -------------------------------------------------------------

def figure_checks(brief: Briefing, reported, reference_sources: set[str]):
    """Each reported figure against every figure of the same measure and dimension from another source."""
    by_measure: dict[str, list] = {}
    for stat in brief.statistics:
        if stat.measure is not None:
            by_measure.setdefault(stat.measure, []).append((stat, figure_interval(stat)))
    for stat in reported:
        if stat.measure is None:
            continue
        entries = by_measure[stat.measure]
        dimension, _, interval = next(m for s, m in entries if s is stat)
        for other, (other_dimension, _, other_interval) in entries:
            if other is stat or other_dimension.key != dimension.key or set(other.sources) & set(stat.sources):
                continue  # a source is not checked against itself
            yield FigureCheck(stat, other, interval.gap(other_interval), set(other.sources) <= reference_sources)


def _flags(reported, derived: tuple[DerivedResult, ...], checks: tuple[FigureCheck, ...]):
    breaches = list(_sibling_breaches(derived))
    for stat in reported:
        disagreeing = tuple(c for c in checks if c.statistic is stat and c.reference and not c.agrees)
        mine = tuple(b for b in breaches if b.average.numerator.id == stat.id)
        if disagreeing or mine:
            yield Flag(stat, disagreeing, mine)


def _sibling_breaches(derived: tuple[DerivedResult, ...]):
    """Averages of the same kind (capacity per reactor) less than half of a comparable one."""
    averages = [d for d in derived if d.figure.kind in ("average", "ratio")]

    def shape(result: DerivedResult) -> tuple[str, str]:  # (an average's denominator has no per: derived_per)
        return units.dimension(result.unit, result.per).key, units.dimension(result.denominator.unit).key

    for average in averages:
        for sibling in averages:
            if sibling is average or shape(sibling) != shape(average):
                continue
            if average.in_base() < SIBLING_MIN_RATIO * sibling.in_base():
                yield SiblingBreach(average, sibling)


def timeline(brief: Briefing):
    """Background entries in time order whatever their precision; equal dates keep file order."""
    return sorted(brief.background, key=lambda e: dates.span(e.date))
