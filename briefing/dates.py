"""Dates at the precision a source gave: the day, the month, the year or the decade.

Kept apart from the validation models so that briefings read back from the
cache need nothing but this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to the day, the month, the year or only the decade.

    Sources say "in the early 1990s" or "as of June 2025"; storing that as a
    full date would invent precision the source never gave.
    """

    year: int
    month: int = 0
    day: int = 0
    decade: bool = False
    part: str = ""  # "early", "mid" or "late" part of a decade

    @property
    def precision(self) -> str:
        if self.decade:
            return "decade"
        return "day" if self.day else "month" if self.month else "year"

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None

    def __str__(self) -> str:
        if self.decade:
            return f"{self.part}-{self.year}s" if self.part else f"{self.year}s"
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"
