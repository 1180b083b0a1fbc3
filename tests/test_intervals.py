"""Interval arithmetic against brute force: every value the operands allow lands in the result, and the result
is no wider than those values reach, open or closed at each end as they are."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.intervals import Interval, Reading, add, divide, multiply, of_figure, reading, reciprocal, subtract

EPS = Fraction(1, 10**6)
BIG = Fraction(10**9)
#: Far enough from any bound drawn below that a result end beyond it means the result is unbounded there.
FAR = Fraction(10**5)
ENDS = [None, *(Fraction(n) for n in (-3, -2, -1, 0, 1, 2, 3)), Fraction(1, 2), Fraction(-1, 2)]
ARITHMETIC = settings(max_examples=500, derandomize=True, deadline=None)


@st.composite
def intervals(draw) -> Interval:
    lo, hi = draw(st.sampled_from(ENDS)), draw(st.sampled_from(ENDS))
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    lo_open = lo is not None and draw(st.booleans())
    hi_open = hi is not None and draw(st.booleans())
    if lo is not None and lo == hi:
        lo_open = hi_open = False  # a single value
    return Interval(lo, hi, lo_open, hi_open)


def contains(interval: Interval, x: Fraction) -> bool:
    if interval.lo is not None and (x < interval.lo or (x == interval.lo and interval.lo_open)):
        return False
    return not (interval.hi is not None and (x > interval.hi or (x == interval.hi and interval.hi_open)))


def samples(interval: Interval) -> set[Fraction]:
    """Values of the interval: its closed ends, values just inside each end, its middle and 0 if it holds 0."""
    lo = -BIG if interval.lo is None else interval.lo
    hi = BIG if interval.hi is None else interval.hi
    found = {(lo + hi) / 2, lo + EPS, hi - EPS} if lo < hi else {lo}
    found |= {end for end, open_ in ((interval.lo, interval.lo_open), (interval.hi, interval.hi_open))
              if end is not None and not open_}
    if contains(interval, Fraction(0)):
        found.add(Fraction(0))
    return {x for x in found if contains(interval, x)}


def assert_exactly_covers(result: Interval, values: set[Fraction]) -> None:
    """`values` (from samples) all lie in `result`, and reach each of its ends: exactly at a closed end,
    within a few EPS of an open one, beyond FAR at an unbounded one."""
    assert all(contains(result, v) for v in values), (result, sorted(values))
    low, high = min(values), max(values)
    if result.lo is None:
        assert low < -FAR, (result, low)
    else:
        assert (low == result.lo) if not result.lo_open else (0 < low - result.lo < 10 * EPS), (result, low)
    if result.hi is None:
        assert high > FAR, (result, high)
    else:
        assert (high == result.hi) if not result.hi_open else (0 < result.hi - high < 10 * EPS), (result, high)


@ARITHMETIC
@given(intervals(), intervals())
def test_a_sum_holds_every_sum_of_values_and_no_more(a, b):
    assert_exactly_covers(add(a, b), {x + y for x in samples(a) for y in samples(b)})


@ARITHMETIC
@given(intervals(), intervals())
def test_a_difference_holds_every_difference_of_values_and_no_more(a, b):
    assert_exactly_covers(subtract(a, b), {x - y for x in samples(a) for y in samples(b)})


@ARITHMETIC
@given(intervals(), intervals())
def test_a_product_holds_every_product_of_values_and_no_more(a, b):
    """Signs, infinities, 0 × ∞ (0, the limit) and which ends stay closed (a closed 0 closes its products)."""
    assert_exactly_covers(multiply(a, b), {x * y for x in samples(a) for y in samples(b)})


@ARITHMETIC
@given(intervals())
def test_a_reciprocal_holds_every_reciprocal_and_no_more(b):
    """1 / b for every value but 0; None only when b is 0 alone; unbounded both ways when 0 is inside b."""
    result = reciprocal(b)
    nonzero = {1 / y for y in samples(b) if y != 0}
    if b.lo == 0 and b.hi == 0:
        assert result is None and divide(Interval.point(Fraction(1)), b) is None
        return
    if (b.lo is None or b.lo < 0) and (b.hi is None or b.hi > 0):
        assert result == Interval(None, None)
        return
    assert_exactly_covers(result, nonzero)


def test_every_qualifier_reads_as_the_values_it_allows():
    """The intervals of 10 under each qualifier, and of −10 read by magnitude."""
    ten = Fraction(10)
    assert [of_figure(ten, q) for q in ("more-than", "at-least", "less-than", "up-to", "nearly", "about")] == [
        Interval(ten, None, True, False), Interval(ten, None, False, False), Interval(Fraction(0), ten, False, True),
        Interval(Fraction(0), ten, False, False), Interval(Fraction(9), ten, False, True),
        Interval(Fraction(9), Fraction(11))]
    assert of_figure(-ten, "more-than") == Interval(None, -ten, False, True)
    assert of_figure(ten, "exact", margin=Fraction(2)) == Interval(Fraction(8), Fraction(12))
    assert of_figure(ten, "about", high=Fraction(20)) == Interval(Fraction(9), Fraction(22))


F = Fraction


@pytest.mark.parametrize("nominal, interval, approximate, expected", [
    (F(1), Interval(F(-1), F(3)), False, Reading("range", F(-1), F(3))),  # across zero: a range, not "about 1"
    (F(0), Interval(F(-1), F(3)), False, Reading("range", F(-1), F(3))),
    (F(0), Interval(F(-1), None), False, Reading("unbounded", F(0))),
    (F(1), Interval(None, F(3)), False, Reading("unbounded", F(1))),
    (F(-2), Interval(F(-3), F(1)), False, Reading("range", F(-3), F(1))),  # a negative value, 0 < 1 inside
    (F(-5), Interval(F(-10), F(-2)), False, Reading("range", F(-10), F(-2))),  # read mirrored, ends in order
    (F(-5), Interval(None, F(-5), False, True), False, Reading("more-than", F(-5), None)),  # a fall of more than 5
    (F(100), Interval(F(90), F(110)), False, Reading("range", F(90), F(110))),  # 'about' only when an operand was
    (F(100), Interval(F(90), F(110)), True, Reading("about", F(100), None)),
    (F(-100), Interval(F(-110), F(-90)), True, Reading("about", F(-100), None)),
])
def test_a_result_is_read_as_the_qualifier_its_interval_allows(nominal, interval, approximate, expected):
    assert reading(nominal, interval, approximate) == expected
    if not approximate:
        assert reading(nominal, interval) == expected  # not approximate unless told


def test_scaling_keeps_which_ends_are_open():
    """'Less than 10' in thousands is less than 10,000, still open at the top."""
    assert of_figure(F(10), "less-than").scaled(F(1000)) == Interval(F(0), F(10_000), False, True)
    assert of_figure(F(10), "more-than").scaled(F(1000)) == Interval(F(10_000), None, True, False)
