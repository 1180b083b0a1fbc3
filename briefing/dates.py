"""Dates at the precision a source gave: a day, a month, a quarter, a half, a season, a year, a decade,
the early, middle or late part of one of them, or an interval of two.

Kept apart from the validation models (and from the EDTF parser, which only
validation needs) so that briefings read back from the cache need nothing but
this module.  Every value knows the span of days it covers, so dates of any
precision sort together and compare at the coarser precision of the two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass



def _days_in(year: int, month: int) -> int:
    """How many days the month has (the day before the first of the next month)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


@dataclass(frozen=True)
class FuzzyDate:
    """A date known only to some precision, as a source gave it (ISO 8601-2 / EDTF).

    `year` is the year (for a decade, its first year: 1990 for the 1990s);
    `number` is the month (1–12) for a month or a day, the quarter (1–4),
    half (1–2) or season (1 spring … 4 winter) for those precisions, else 0;
    `day` is the day of the month for a day.
    `part` narrows it to its early, mid or late third; `approximate` and
    `uncertain` are EDTF's `~` and `?`.  `until` makes it an interval whose
    end is another FuzzyDate.  `text` is the canonical form it was read from,
    e.g. "2026-Q1", "early-1990s", "2026-01/2026-03".
    """

    text: str
    precision: str
    year: int
    number: int = 0
    day: int = 0
    part: str = ""
    approximate: bool = False
    uncertain: bool = False
    until: FuzzyDate | None = None

    def as_date(self) -> dt.date | None:
        """The day itself, when the date is known to the day and is not an interval."""
        if self.precision == "day" and self.until is None and not self.part:
            return dt.date(self.year, self.number, self.day)
        return None

    def _period(self) -> tuple[dt.date, dt.date]:
        """First and last day of the whole period, before `part` narrows it."""
        year, n = self.year, self.number
        if self.precision == "day":
            day = dt.date(year, n, self.day)
            return day, day
        if self.precision == "month":
            return dt.date(year, n, 1), dt.date(year, n, _days_in(year, n))
        if self.precision in ("quarter", "half"):
            months = 3 if self.precision == "quarter" else 6
            first = (n - 1) * months + 1
            last = first + months - 1
            return dt.date(year, first, 1), dt.date(year, last, _days_in(year, last))
        if self.precision == "season":  # northern-hemisphere meteorological seasons, as EDTF's 21–24
            first = (3, 6, 9, 12)[n - 1]
            end_year, last = (year + 1, 2) if n == 4 else (year, first + 2)
            return dt.date(year, first, 1), dt.date(end_year, last, _days_in(end_year, last))
        if self.precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31)  # a decade: at most 9990s, read from 999X

    def _thirds(self) -> tuple[dt.date, dt.date]:
        """The period narrowed to its early, middle or late third (whole days), or whole."""
        start, end = self._period()
        days = (end - start).days + 1
        one, two = days // 3, 2 * days // 3
        if self.part == "early":
            return start, start + dt.timedelta(days=one - 1)
        if self.part == "mid":
            return start + dt.timedelta(days=one), start + dt.timedelta(days=two - 1)
        if self.part == "late":
            return start + dt.timedelta(days=two), end
        return start, end

    def first(self) -> dt.date:
        """The earliest day the date may mean."""
        return self._thirds()[0]

    def last(self) -> dt.date:
        """The latest day the date may mean (the end of `until` for an interval)."""
        return self.until.last() if self.until is not None else self._thirds()[1]

    def __str__(self) -> str:
        return self.text


def _utc(value: dt.datetime) -> dt.datetime:
    """An aware datetime in UTC; a datetime with no offset is taken as UTC, so that it still sorts."""
    return value.astimezone(dt.timezone.utc) if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def span(value: dt.date | dt.datetime | FuzzyDate) -> tuple[dt.datetime, dt.datetime]:
    """The first and last instant (UTC) a date, date-time or fuzzy date may mean.

    Also a sort key: earlier starts first, and of two that start together
    the shorter (more precise) first; a stable sort keeps file order for ties.

    A date covers its whole day; a date-time with an offset is the instant it
    names; one without an offset is taken as UTC.
    """
    if isinstance(value, dt.datetime):
        moment = _utc(value)
        return moment, moment
    if isinstance(value, dt.date):
        first = last = value
    else:
        first, last = value.first(), value.last()
    start = dt.datetime.combine(first, dt.time(), dt.timezone.utc)
    end = dt.datetime.combine(last, dt.time(23, 59, 59, 999999), dt.timezone.utc)
    return start, end


def spans_meet(a: tuple[dt.datetime, dt.datetime], b: tuple[dt.datetime, dt.datetime]) -> bool:
    """Whether two spans of instants share a moment."""
    return a[0] <= b[1] and b[0] <= a[1]


def overlap(a, b) -> bool:
    """Whether two dates of any precision can mean the same moment: compared at the coarser precision."""
    return spans_meet(span(a), span(b))


def precision_of(value: dt.date | FuzzyDate) -> str:
    """'day' for a date, else the FuzzyDate's own precision ('interval' for one): the precision of a value
    on a comparison point, which is never a date-time."""
    if isinstance(value, dt.date):
        return "day"
    return "interval" if value.until is not None else value.precision
