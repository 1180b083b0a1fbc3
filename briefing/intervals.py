"""What a figure allows, as an interval, and exact arithmetic on intervals.

A source's "more than 376 GW" is not 376 GW: it is every value above 376.
Each figure becomes the interval of values its qualifier, range or margin
allows, in exact fractions, so that derived figures, checks and comparisons
keep the qualifier of every result right in both directions ("8 % ÷ at
least 10 %" is at most 80 %, not about 80 %).  Nothing here formats text.
"""

from __future__ import annotations

from fractions import Fraction

from briefing.tuples import Record

#: How far below its value "nearly X" may lie, and how far "about X" may stray, as a fraction of X.
NEARLY_SPAN = Fraction(1, 10)
ABOUT_SPAN = Fraction(1, 10)
#: Qualifiers that bound a figure from below (a floor) or from above (a ceiling), by magnitude.
FLOORS = {"more-than": True, "at-least": False}  # qualifier -> bound is open
CEILINGS = {"less-than": True, "up-to": False, "at-most": False, "no-more-than": False}
QUALIFIERS = ("exact", "more-than", "at-least", "nearly", "about", "less-than", "up-to", "at-most", "no-more-than")


class Interval(Record):
    """The values from `lo` to `hi`; None is unbounded; an open end excludes its bound."""

    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, value: Fraction) -> Interval:
        return cls(value, value)

    def negated(self) -> Interval:
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo,
                        self.hi_open, self.lo_open)

    def scaled(self, factor: Fraction) -> Interval:
        """Every value multiplied by a positive factor (a unit conversion)."""
        return Interval(None if self.lo is None else self.lo * factor,
                        None if self.hi is None else self.hi * factor, self.lo_open, self.hi_open)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both."""
        return not (_before(self, other) or _before(other, self))

    def gap(self, other: Interval) -> Fraction:
        """Relative distance between two intervals: 0 when they overlap.

        The gap between their nearer ends, divided by the larger magnitude of
        those two ends, so that it is the same whichever interval is asked
        (two ends that are both 0 would overlap).
        """
        if _before(self, other):
            near, far = other.lo, self.hi
        elif _before(other, self):
            near, far = other.hi, self.lo
        else:
            return Fraction(0)
        return abs(near - far) / max(abs(near), abs(far))


def _before(a: Interval, b: Interval) -> bool:
    """Whether every value of `a` lies below every value of `b`."""
    if a.hi is None or b.lo is None:
        return False
    return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))


def of_figure(value: Fraction, qualifier: str, high: Fraction | None = None,
              margin: Fraction | None = None) -> Interval:
    """The values a figure allows: `value` (to `high` for a range), its qualifier read by magnitude.

    "more than 18" of a fall written as -18 means a fall larger than 18; a
    ceiling ("up to", "nearly") never crosses zero.  A margin gives value ± margin.
    """
    if high is not None:  # a range: exact, or "about" widening both ends
        lo, hi = value, high
        if qualifier == "about":
            lo, hi = lo - abs(lo) * ABOUT_SPAN, hi + abs(hi) * ABOUT_SPAN
        return Interval(lo, hi)
    if margin is not None:
        return Interval(value - margin, value + margin)
    if value < 0:
        return of_figure(-value, qualifier).negated()
    if qualifier in FLOORS:
        return Interval(value, None, FLOORS[qualifier])
    if qualifier in CEILINGS:
        return Interval(Fraction(0), value, False, CEILINGS[qualifier])
    if qualifier == "nearly":
        return Interval(value * (1 - NEARLY_SPAN), value, False, True)
    if qualifier == "about":
        return Interval(value * (1 - ABOUT_SPAN), value * (1 + ABOUT_SPAN))
    return Interval.point(value)


def add(a: Interval, b: Interval) -> Interval:
    lo = None if a.lo is None or b.lo is None else a.lo + b.lo
    hi = None if a.hi is None or b.hi is None else a.hi + b.hi
    return Interval(lo, hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def subtract(a: Interval, b: Interval) -> Interval:
    return add(a, b.negated())


# An end as an extended real: (value, open), value None with a sign for ±infinity.
_INF = object()


def _ends(i: Interval) -> list[tuple[object, bool, int]]:
    """The two ends as (value or _INF, open, sign of infinity)."""
    return [(_INF if i.lo is None else i.lo, i.lo is None or i.lo_open, -1),
            (_INF if i.hi is None else i.hi, i.hi is None or i.hi_open, 1)]


def _product(x, x_sign: int, y, y_sign: int):
    """The product of two ends as (value or _INF, sign); 0 × ∞ is 0, the limit an interval end tends to."""
    if x is _INF or y is _INF:
        finite = y if x is _INF else x
        if finite is not _INF and finite == 0:
            return Fraction(0), 0
        sign = (x_sign if x is _INF else (1 if x > 0 else -1)) * (y_sign if y is _INF else (1 if y > 0 else -1))
        return _INF, sign
    return x * y, 0


def multiply(a: Interval, b: Interval) -> Interval:
    """The product of two intervals, open where the bound it comes from is open."""
    candidates = []
    for x, x_open, x_sign in _ends(a):
        for y, y_open, y_sign in _ends(b):
            value, sign = _product(x, x_sign, y, y_sign)
            closed_zero = value is not _INF and value == 0 and ((x is not _INF and x == 0 and not x_open)
                                                                 or (y is not _INF and y == 0 and not y_open))
            candidates.append((value, sign, (x_open or y_open) and not closed_zero))

    def key(c):
        value, sign, _ = c
        return (sign, Fraction(0)) if value is _INF else (0, value)

    low, high = min(candidates, key=key), max(candidates, key=key)
    lo = None if low[0] is _INF else low[0]
    hi = None if high[0] is _INF else high[0]
    # _INF equals no number, so only the finite candidates at a bound decide whether it is open
    lo_open = lo is not None and all(c[2] for c in candidates if c[0] == lo)
    hi_open = hi is not None and all(c[2] for c in candidates if c[0] == hi)
    return Interval(lo, hi, lo_open, hi_open)


def reciprocal(i: Interval) -> Interval | None:
    """1 / every value of the interval (its lower end no more than its upper), or None when the interval is
    zero alone."""
    if i.lo == 0 and i.hi == 0:
        return None
    if i.lo is not None and i.lo >= 0:  # all of it at or above 0, and not 0 alone
        lo = Fraction(0) if i.hi is None else 1 / i.hi
        hi = None if i.lo == 0 else 1 / i.lo
        return Interval(lo, hi, i.hi is None or i.hi_open, hi is not None and i.lo_open)
    if i.hi is not None and i.hi <= 0:  # the mirror of the case above
        return reciprocal(i.negated()).negated()
    return Interval(None, None)  # zero lies inside: the quotient is unbounded either way


def divide(a: Interval, b: Interval) -> Interval | None:
    """a ÷ b, or None when b is zero alone."""
    inverse = reciprocal(b)
    return None if inverse is None else multiply(a, inverse)


class Reading(Record):
    """How a computed value is best said: a qualifier and one bound, or a range of two."""

    qualifier: str  # one of QUALIFIERS, "range" (lo to hi) or "unbounded"
    value: Fraction
    high: Fraction | None = None


def reading(nominal: Fraction, interval: Interval, approximate: bool = False) -> Reading:
    """The qualifier a result earns from its interval, stated by the bound that holds.

    Qualifiers are read by magnitude (as briefing files write them: "more
    than −18" is a fall larger than 18), so they serve only an interval on
    one side of zero.  On that side: an exact result is exact; an interval
    open above is "more than" or "at least" its lower end; one from zero to
    the nominal value is "less than" or "at most" it; one ending open at the
    nominal value and starting no further than NEARLY_SPAN below it is
    "nearly"; within ABOUT_SPAN below (or the reciprocal of that above, so
    that "÷ about X" stays "about"), when `approximate` (an operand was
    "about"), "about"; any other finite interval is a range.  An interval
    that reaches across zero is a range when it is finite and unbounded
    otherwise.
    """
    lo, hi = interval.lo, interval.hi
    if lo is not None and lo == hi:
        return Reading("exact", lo)
    if nominal >= 0 and (lo is None or lo < 0):  # a negative value reaching above 0: so, once mirrored below
        return Reading("range", lo, hi) if lo is not None and hi is not None else Reading("unbounded", nominal)
    if nominal < 0:
        mirrored = reading(-nominal, interval.negated(), approximate)
        if mirrored.qualifier == "range":  # the mirrored range's high end is this range's low end
            return Reading("range", -mirrored.high, -mirrored.value)
        return Reading(mirrored.qualifier, -mirrored.value)  # every other reading has one value
    if hi is None:
        return Reading("more-than" if interval.lo_open else "at-least", lo)
    if lo == 0 and hi == nominal:
        return Reading("less-than" if interval.hi_open else "at-most", hi)
    if hi == nominal and interval.hi_open and lo >= nominal * (1 - NEARLY_SPAN):
        return Reading("nearly", nominal)
    if approximate and lo >= nominal * (1 - ABOUT_SPAN) and hi <= nominal / (1 - ABOUT_SPAN):
        return Reading("about", nominal)
    return Reading("range", lo, hi)
