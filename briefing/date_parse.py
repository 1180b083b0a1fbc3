"""Read a date as an author writes it: ISO 8601-2 / EDTF, or the plain forms a news desk uses.

Accepted, each optionally followed by EDTF's ``~`` (approximate), ``?``
(uncertain) or ``%`` (both), except EDTF's own season, quarter and half
codes (``2026-21``, ``2026-33``, ``2026-40``), which EDTF gives no mark:

- a day ``2025-11-21``, a month ``2025-11``, a year ``2025``;
- a quarter ``2026-Q1`` (EDTF ``2026-33``), a half ``2026-H1`` (``2026-40``),
  a season ``2026-21`` (spring) … ``2026-24`` (winter);
- a decade ``1990s`` (EDTF ``199X``);
- the early, middle or late part of a month, year or decade:
  ``early-2024``, ``mid-2025-11``, ``late-1990s``;
- an interval of two of these: ``2026-01/2026-03`` (the end not before the start).

EDTF's season, quarter and half codes are checked by the maintained `edtf`
parser (Library of Congress EDTF); the pattern alone holds the other forms
to what EDTF accepts, and the plain forms are mapped onto the same
FuzzyDate.  Only validation imports this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from briefing.dates import FuzzyDate

_UA = r"(?P<ua>[~?%])?"
_PLAIN = re.compile(
    r"^(?:(?P<part>early|mid|late)-)?(?:"
    r"(?P<decade>\d{3}0)s|(?P<decade_edtf>\d{3})X"
    r"|(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<group>2[1-4]|3[3-6]|4[01])"
    r"|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?"
    r")" + _UA + "$",
    re.ASCII,  # digits are 0-9 only: no full-width or other scripts' digits
)
_SEASON_GROUPS = {**{str(20 + n): ("season", n) for n in range(1, 5)},
                  **{str(32 + n): ("quarter", n) for n in range(1, 5)},
                  "40": ("half", 1), "41": ("half", 2)}


class DateFormError(ValueError):
    """The text is not a date in any accepted form; `month` is set (0 too) when only the month is impossible."""

    def __init__(self, text: object, month: int | None = None):
        super().__init__(text)
        self.month = month


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> FuzzyDate:
    """The FuzzyDate a string means, or DateFormError.

    Linear in the text's length; the text is at most a few dozen characters
    for any accepted form, so longer text is refused before any parsing.
    Results are cached: a library repeats the same few dates many times, and
    the EDTF parser costs milliseconds a call.
    """
    if not isinstance(text, str) or len(text) > 64:
        raise DateFormError(text)
    if "/" in text:
        start_text, _, end_text = text.partition("/")
        start, end = _single(start_text), _single(end_text)
        if end.last() < start.first():
            raise DateFormError(text)
        return FuzzyDate(text, start.precision, start.year, start.number, start.day, start.part,
                         start.approximate, start.uncertain, end)
    return _single(text)


def _single(text: str) -> FuzzyDate:
    match = _PLAIN.match(text)
    if not match:
        raise DateFormError(text)
    groups = match.groupdict()
    approximate, uncertain = groups["ua"] in ("~", "%"), groups["ua"] in ("?", "%")
    part = groups["part"] or ""
    if groups["decade"] or groups["decade_edtf"]:
        year = int(groups["decade"] or groups["decade_edtf"] + "0")
        if year == 0:  # the decade of year 0, which does not exist
            raise DateFormError(text)
        return FuzzyDate(text, "decade", year, part=part, approximate=approximate, uncertain=uncertain)
    year = int(groups["year"])
    if year == 0:  # there is no year 0 in the calendar a brief shows
        raise DateFormError(text)
    if groups["quarter"] or groups["half"]:
        precision, number = ("quarter", int(groups["quarter"])) if groups["quarter"] else ("half", int(groups["half"]))
    elif groups["group"]:
        precision, number = _SEASON_GROUPS[groups["group"]]
        if (precision, number, year) == ("season", 4, 9999):  # a winter that would end in year 10000
            raise DateFormError(text)
        _check_edtf(text)  # EDTF's own code: its parser says what may follow it (no '~', '?' or '%')
    elif groups["month"]:
        number = int(groups["month"])
        if not 1 <= number <= 12:
            raise DateFormError(text, month=number)
        precision = "month"
        if groups["day"]:
            _check_day(text, year, number, int(groups["day"]))
            if part:  # "early" of a single day says nothing
                raise DateFormError(text)
            return FuzzyDate(text, "day", year, number, int(groups["day"]),
                             approximate=approximate, uncertain=uncertain)
    else:
        precision, number = "year", 0
    if part and precision not in ("month", "year"):
        raise DateFormError(text)
    return FuzzyDate(text, precision, year, number, part=part, approximate=approximate, uncertain=uncertain)


def _check_day(text: str, year: int, month: int, day: int) -> None:
    try:
        dt.date(year, month, day)
    except ValueError:
        raise DateFormError(text) from None


def _check_edtf(text: str) -> None:
    """Hand an EDTF-form string to the maintained parser, so that what we accept is EDTF."""
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parse_edtf(text)
    except EDTFParseException:
        raise DateFormError(text) from None
