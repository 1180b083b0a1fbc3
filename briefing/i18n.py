"""Language: locale resolution, gettext catalogs and Babel formatting.

One Localizer per locale, passed explicitly to whatever renders text; there is
no process-wide language, so the dashboard can switch in place and tests can
render both languages side by side.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Mapping
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations
from babel.units import format_unit

from briefing.typography import NBSP, tie, tie_dashes

#: Languages every piece of briefing text must be written in.
CONTENT_LOCALES = ("en", "ru")
#: Languages the interface speaks: English source strings plus a catalog each.
UI_LOCALES = ("en", "ru")
DEFAULT_LOCALE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
#: Babel rounds through the current decimal context, whose 28 digits cannot
#: hold a figure of 1e25 or more; any float fits in this one.
_WIDE_DECIMALS = decimal.Context(prec=400)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; translate it later with Localizer.n_."""
    return singular, plural


def _normalise(value: str) -> str:
    """'ru_RU.UTF-8@euro' -> 'ru_RU'; C, POSIX and empty -> ''."""
    value = value.split(".", 1)[0].split("@", 1)[0].strip()
    return "" if value in ("C", "POSIX") else value.replace("-", "_")


def _negotiate(candidate: str) -> str | None:
    if not candidate:
        return None
    language = candidate.split("_", 1)[0].lower()
    return language if language in UI_LOCALES else None


def resolve_locale(requested: str | None, environ: Mapping[str, str]) -> tuple[str, str | None]:
    """Pick the interface language: --lang > LANGUAGE > LC_ALL > LC_MESSAGES > LANG.

    Returns the locale and, when the wish could not be met, the unsupported
    name so the caller can say so on stderr.
    LANGUAGE is a colon-separated list and, as in GNU gettext, is ignored when
    the locale itself is C.
    """
    if requested:
        chosen = _negotiate(_normalise(requested))
        if chosen:
            return chosen, None
        return DEFAULT_LOCALE, requested
    base = ""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            base = environ[name]
            break
    wishes: list[str] = []
    if environ.get("LANGUAGE") and _normalise(base):
        wishes.extend(environ["LANGUAGE"].split(":"))
    wishes.append(base)
    for wish in wishes:
        chosen = _negotiate(_normalise(wish))
        if chosen:
            return chosen, None
    last = _normalise(base)
    if last and not _negotiate(last):
        return DEFAULT_LOCALE, last
    return DEFAULT_LOCALE, None


@functools.cache
def _translations(locale: str) -> NullTranslations:
    if locale == DEFAULT_LOCALE:
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), [locale], domain=DOMAIN)


@functools.cache
def localizer(locale: str) -> Localizer:
    """The one Localizer of `locale`: catalogs and CLDR data are loaded once per locale."""
    return Localizer(locale)


class Localizer:
    """Everything that turns raw values and UI strings into one language."""

    def __init__(self, locale: str):
        if locale not in UI_LOCALES:
            raise ValueError(f"no such interface language: {locale}")
        self.locale = locale
        self.babel = Locale.parse(locale)
        self._catalog = _translations(locale)

    # --- UI strings -------------------------------------------------------
    def _(self, message: str, **values: object) -> str:
        text = tie_dashes(self._catalog.gettext(message))
        return text % values if values else text

    def n_(self, singular: str, plural: str, count: int, **values: object) -> str:
        """A counted phrase; the count itself is formatted by CLDR, the form chosen by the integer."""
        # a no-break space keeps the count on the line of the noun it counts
        text = tie_dashes(self._catalog.ngettext(singular, plural, count).replace("%(count)s ", "%(count)s" + NBSP))
        return text % {"count": self.number(count), **values}

    def p_(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    # --- content ----------------------------------------------------------
    def text(self, value) -> str:
        """Pick this language out of a per-locale map from a briefing file, with its numbers tied to their words."""
        return tie(value.get(self.locale))

    # --- numbers ----------------------------------------------------------
    def number(self, value: float, digits: int | None = None) -> str:
        pattern = None if digits is None else ("#,##0." + "0" * digits if digits else "#,##0")
        with decimal.localcontext(_WIDE_DECIMALS):
            return format_decimal(value, format=pattern, locale=self.babel)

    def percent(self, fraction: float, digits: int = 0) -> str:
        """'10%' / '10 %', with `digits` decimals kept in the locale's own pattern."""
        pattern = self.babel.percent_formats[None].pattern
        if digits:
            pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
        with decimal.localcontext(_WIDE_DECIMALS):
            return format_percent(fraction, format=pattern, locale=self.babel)

    def unit(self, value: float, unit_id: str, digits: int | None = None) -> str:
        """'376 GW'; the space before the unit is made no-break so a line never ends on the number."""
        pattern = None if digits is None else ("#,##0." + "0" * digits if digits else "#,##0")
        with decimal.localcontext(_WIDE_DECIMALS):
            text = format_unit(value, unit_id, length="short", format=pattern, locale=self.babel)
        return text.replace(" ", NBSP)

    # --- dates ------------------------------------------------------------
    # A date is never split across lines: its spaces are no-break spaces.
    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.babel).replace(" ", NBSP)

    def short_date(self, value: dt.date) -> str:
        return format_date(value, format="medium", locale=self.babel).replace(" ", NBSP)

    def datetime(self, value: dt.datetime) -> str:
        return self._(
            "%(date)s, %(time)s",
            date=self.date(value.date()),
            time=format_time(value, format="short", locale=self.babel),
        )

    def moment(self, value) -> str:
        """A date, a date and time, or a FuzzyDate at whatever precision it has."""
        if isinstance(value, dt.datetime):
            return self.datetime(value)
        if isinstance(value, dt.date):
            return self.date(value)
        precision = value.precision
        if precision == "day":
            return self.date(value.as_date())
        if precision == "month":
            return format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=self.babel).replace(" ", NBSP)
        if precision == "year":
            return format_skeleton("y", dt.date(value.year, 1, 1), locale=self.babel)
        decade = str(value.year)
        template = {"early": N_("early %(decade)ss"), "mid": N_("mid-%(decade)ss"),
                    "late": N_("late %(decade)ss")}.get(value.part, N_("the %(decade)ss"))
        return self._(template, decade=decade).replace(" ", NBSP)

    def language_name(self, code: str) -> str:
        """'ru' -> 'Russian' in English, 'русский' in Russian."""
        try:
            return Locale.parse(code).get_display_name(self.babel) or code
        except (ValueError, LookupError):
            return code
