"""Language: locale resolution, gettext catalogs and Babel formatting.

One Localizer per locale, passed explicitly to whatever renders text; there is
no process-wide language, so the dashboard can switch in place and tests can
render both languages side by side.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import re
from fractions import Fraction
from collections.abc import Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton, format_time, get_timezone_gmt
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from briefing.typography import NBSP, tie, tie_template

#: Languages every piece of briefing text must be written in.
CONTENT_LOCALES = ("en", "ru")
#: Languages the interface speaks: English source strings plus a catalog each.
UI_LOCALES = ("en", "ru")
DEFAULT_LOCALE = "en"
#: The CLDR locale whose dates, times and numbers a language takes when the reader names no territory:
#: the English of the briefings and messages is British ("organisation", "21 November 2025").
DEFAULT_FORMATS = {"en": "en_GB", "ru": "ru_RU"}
#: Where the formats come from, most specific first (POSIX: LC_ALL overrides the others, LANG is the default).
FORMAT_VARIABLES = ("LC_ALL", "LC_TIME", "LC_NUMERIC", "LANG")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
#: Babel rounds through the current decimal context, whose 28 digits cannot
#: hold a figure of 1e25 or more; any float fits in this one.
_WIDE_DECIMALS = decimal.Context(prec=400)


class Quoted(str):
    """A value from a file that a message shows in the reader's own quotation marks (Localizer.quote)."""

    __slots__ = ()


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; translate it later with Localizer.n_."""
    return singular, plural


#: How the part of a period reads, by precision: "early 2024", "mid-November 2025", "late 1990s".
_PARTS = {
    "year": {"early": N_("early %(year)s"), "mid": N_("mid-%(year)s"), "late": N_("late %(year)s")},
    "month": {"early": N_("early %(month)s"), "mid": N_("mid-%(month)s"), "late": N_("late %(month)s")},
    "decade": {"early": N_("early %(decade)ss"), "mid": N_("mid-%(decade)ss"), "late": N_("late %(decade)ss")},
}
_INTERVAL_SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}
_HALVES = {1: N_("first half of %(year)s"), 2: N_("second half of %(year)s")}
_SEASONS = {1: N_("spring %(year)s"), 2: N_("summer %(year)s"), 3: N_("autumn %(year)s"), 4: N_("winter %(year)s")}


def as_decimal(value) -> decimal.Decimal | int:
    """An int as it is; a Decimal as it is, minus its sign when it is zero; a Fraction or float as a Decimal.

    A Fraction is divided out to the digits of the current decimal context: the Localizer calls this
    within _WIDE_DECIMALS, as Babel's formatting needs it too.
    """
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        value = decimal.Decimal(value.numerator) / decimal.Decimal(value.denominator)
    elif not isinstance(value, decimal.Decimal):
        value = decimal.Decimal(repr(value))
    return value.copy_abs() if value.is_zero() else value


def written_digits(value) -> int:
    """How many decimals a finite value was written with: 8.60 has two, 416 none; a computed Fraction gets 2.

    A brief's numbers are finite (validation refuses inf and nan); an infinite Decimal raises TypeError.
    """
    if isinstance(value, decimal.Decimal):
        return max(0, -value.as_tuple().exponent)
    if isinstance(value, Fraction):
        return 0 if value.denominator == 1 else 2
    if isinstance(value, float):
        return written_digits(decimal.Decimal(repr(value)))
    return 0


#: A POSIX locale name before its codeset ('.UTF-8') and its modifier ('@euro').
_LOCALE_NAME = re.compile(r"[^.@]*")


def _normalise(value: str) -> str:
    """'ru_RU.UTF-8@euro' -> 'ru_RU', 'en-US' -> 'en_US'; C, POSIX and empty -> ''."""
    value = _LOCALE_NAME.match(value)[0].strip()
    return "" if value in ("C", "POSIX") else value.replace("-", "_")


def _negotiate(candidate: str) -> str | None:
    if not candidate:
        return None
    language = candidate.split("_", 1)[0].lower()
    return language if language in UI_LOCALES else None


@functools.lru_cache(maxsize=64)
def _parse(wish: str) -> tuple[str | None, str | None, bool]:
    """What a locale name asks for: its interface language, its CLDR locale, and whether both can be met.

    'en-US', 'en_us' and 'en_US.UTF-8' -> ('en', 'en_US', True); 'en' -> ('en', None, True), the
    territory left to find elsewhere; 'en-XX' -> ('en', None, False), a territory CLDR does not know;
    'de_DE' -> (None, None, False).
    """
    name = _normalise(wish)
    language = _negotiate(name)
    if language is None:
        return None, None, False
    if "_" not in name:
        return language, None, True
    try:
        locale = Locale.parse(name)
    except (ValueError, UnknownLocaleError):
        return language, None, False
    if locale.language != language or not locale.territory:
        return language, None, False
    return language, str(locale), True


def _environment_language(environ: Mapping[str, str]) -> tuple[str, str | None]:
    """The interface language the environment asks for: LANGUAGE > LC_ALL > LC_MESSAGES > LANG.

    LANGUAGE is a colon-separated list and, as in GNU gettext, is ignored when
    the locale itself is C.  Returns the language and the name it could not meet.
    """
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
    return DEFAULT_LOCALE, _normalise(base) or None  # the locale's own name, when it names one we do not speak


def resolve_locale(requested: str | None, environ: Mapping[str, str],
                   configured: str | None = None) -> tuple[str, str | None]:
    """The reader's locale as a tag `localizer` takes ('en_GB', 'ru_KZ'), and the wish that could not be met.

    The language: `requested` (--lang) > `configured` (a config file's locale) >
    the environment (LANGUAGE > LC_ALL > LC_MESSAGES > LANG).  The formats:
    the first of `requested`, `configured`, LC_ALL, LC_TIME, LC_NUMERIC and LANG
    that names a territory for that language ('en-US', 'en_GB.UTF-8'), else
    the language's DEFAULT_FORMATS.  Names are BCP 47 or POSIX, in any case.
    The second value is the name that asked for a language the interface
    does not speak, or a territory CLDR does not know, so the caller can say
    so on stderr.  An explicit language that cannot be met gives way to the
    config file's, or else to English (not to the environment's).
    """
    explicit = [wish for wish in (requested, configured) if wish]
    language = unsupported = None
    for wish in explicit:
        wanted, _, known = _parse(wish)
        if not known:
            unsupported = unsupported or wish
        if wanted:
            language = wanted
            break
    if language is None:
        if unsupported:
            language = DEFAULT_LOCALE
        else:
            language, unsupported = _environment_language(environ)
    for wish in [*explicit, *(environ[name] for name in FORMAT_VARIABLES if environ.get(name))]:
        wanted, formats, _ = _parse(wish)
        if wanted == language and formats:
            return formats, unsupported
    return DEFAULT_FORMATS[language], unsupported


def canonical(tag: str) -> str:
    """The CLDR locale a tag names: 'en-us' -> 'en_US'; a language alone -> its DEFAULT_FORMATS ('en' -> 'en_GB').

    Raises ValueError for a language the interface does not speak or a territory CLDR does not know for it.
    """
    language, formats, known = _parse(tag)
    if language is None or not known:
        raise ValueError(f"no such interface language or territory: {tag!r}")
    return formats or DEFAULT_FORMATS[language]


@functools.cache
def _translations(locale: str) -> NullTranslations:
    if locale == DEFAULT_LOCALE:
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), [locale], domain=DOMAIN)


def localizer(tag: str) -> Localizer:
    """The one Localizer of a locale: catalogs and CLDR data are loaded once per locale.

    `tag` is a language ('en', 'ru': their DEFAULT_FORMATS) or a language and
    territory ('en_US', 'en-GB', 'ru_KZ'; BCP 47 or POSIX, any case), as
    resolve_locale or a config file gives it.  Raises ValueError as `canonical`.
    """
    return _localizer(canonical(tag))


@functools.cache
def _localizer(formats: str) -> Localizer:
    return Localizer(formats)


class Localizer:
    """Everything that turns raw values and UI strings into one language, in one territory's formats.

    `locale` is the language the interface and the briefing text speak ('en',
    'ru'); `formats` the CLDR locale its dates, times and numbers follow
    ('en_GB', 'en_US', 'ru_RU', 'ru_KZ'), so one clock and one date order hold
    in every face.
    """

    def __init__(self, tag: str):
        self.formats = canonical(tag)
        self.babel = Locale.parse(self.formats)
        self.locale = self.babel.language
        self._catalog = _translations(self.locale)
        # the territory's grouping of whole numbers: '#,##0', or '#,##,##0' in India (no CLDR decimal pattern
        # has a negative part after a ';')
        self._grouping = self.babel.decimal_formats[None].pattern.split(".")[0]

    # --- UI strings -------------------------------------------------------
    def _(self, message: str, **values: object) -> str:
        text = tie_template(self._catalog.gettext(message))
        return text % values if values else text

    def n_(self, singular: str, plural: str, count: int, **values: object) -> str:
        """A counted phrase; the count itself is formatted by CLDR, the form chosen by the integer."""
        # a no-break space keeps the count on the line of the noun it counts
        text = tie_template(self._catalog.ngettext(singular, plural, count).replace("%(count)s ", "%(count)s" + NBSP))
        return text % {"count": self.number(count), **values}

    def p_(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def quote(self, text: str) -> str:
        """A name or value quoted in this language's own marks: “reactor” in English, «reactor» in Russian."""
        return self._("“%(name)s”", name=text)

    # --- content ----------------------------------------------------------
    def text(self, value) -> str:
        """Pick this language out of a per-locale map from a briefing file, with its numbers tied to their words."""
        return tie(value.get(self.locale))

    # --- numbers ----------------------------------------------------------
    def number(self, value, digits: int | None = None) -> str:
        """A number in this language's pattern: `digits` decimals, or as many as it was written with.

        `value` is an int, a Decimal (its written decimals kept: 8.60 stays
        8.60), a Fraction (rounded half-even to `digits`, default 2) or a float.
        """
        if digits is None:
            digits = written_digits(value)
        pattern = self._grouping + ("." + "0" * digits if digits else "")
        with decimal.localcontext(_WIDE_DECIMALS):
            return format_decimal(as_decimal(value), format=pattern, locale=self.babel)

    def percent(self, fraction, digits: int = 0) -> str:
        """'10%' / '10 %', with `digits` decimals kept in the locale's own pattern."""
        pattern = self.babel.percent_formats[None].pattern
        if digits:
            pattern = pattern.replace("#,##0", "#,##0." + "0" * digits)
        with decimal.localcontext(_WIDE_DECIMALS):
            return format_percent(as_decimal(fraction), format=pattern, locale=self.babel)

    def plural(self, value) -> str:
        """The CLDR plural category of a number as shown ('one', 'few', 'many', 'other')."""
        with decimal.localcontext(_WIDE_DECIMALS):
            return self.babel.plural_form(as_decimal(value))

    # --- dates ------------------------------------------------------------
    # A date is never split across lines: its spaces are no-break spaces.
    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.babel).replace(" ", NBSP)

    def short_date(self, value: dt.date) -> str:
        return format_date(value, format="medium", locale=self.babel).replace(" ", NBSP)

    def datetime(self, value: dt.datetime) -> str:
        """Date and time, on one line like a date; with the UTC offset the source gave (GMT+03:00), when it
        gave one."""
        text = self._("%(date)s, %(time)s", date=self.date(value.date()),
                      time=format_time(value, format="short", locale=self.babel)).replace(" ", NBSP)
        if value.tzinfo is not None:
            text += NBSP + get_timezone_gmt(value, locale=self.babel)
        return text

    def clock(self, value: dt.datetime | dt.time) -> str:
        """The time of day in the locale's short form ('14:02', '2:02 PM'), its space no-break: CLDR's narrow
        no-break space before AM or PM (the only space in an English or Russian short time) made a full one."""
        return format_time(value, format="short", locale=self.babel).replace("\u202f", NBSP)

    def moment(self, value) -> str:
        """A date, a date and time, or a FuzzyDate at whatever precision it has."""
        if isinstance(value, dt.datetime):
            return self.datetime(value)
        if isinstance(value, dt.date):
            return self.date(value)
        if value.until is not None:
            return self._interval(value, value.until)
        return self._fuzzy(value)

    def _interval(self, start, end) -> str:
        """'January – March 2026' through CLDR's interval formats where both ends are plain days,
        months or years; otherwise both ends in full around a dash."""
        skeleton = _INTERVAL_SKELETONS.get(start.precision)
        plain = not (start.part or end.part or start.approximate or end.approximate or start.uncertain
                     or end.uncertain)
        if plain and end.precision == start.precision and end.first() == start.first():
            return self._fuzzy(start)  # an interval of one day, month or year is that day, month or year
        if skeleton and plain and end.precision == start.precision:
            return format_interval(start.first(), end.first(), skeleton, locale=self.babel).replace(" ", NBSP)
        return self._("%(start)s – %(end)s", start=self._fuzzy(start), end=self._fuzzy(end))

    def _fuzzy(self, value) -> str:
        """One end of a FuzzyDate: its period, its part, and EDTF's approximate or uncertain marks."""
        text = self._part(value) if value.part else self._period(value)
        if value.approximate:
            text = self._("about %(date)s", date=text)
        if value.uncertain:
            text = self._("%(date)s (uncertain)", date=text)
        return text.replace(" ", NBSP)

    def _part(self, value) -> str:
        """'early 2024', 'mid-November 2025', 'late 1990s'; the month in the case its language wants."""
        template = _PARTS[value.precision][value.part]
        if value.precision == "month":
            month = format_date(value.first(), format="MMMM y", locale=self.babel)
            return self._(template, month=month)
        return self._(template, year=str(value.year), decade=str(value.year))

    def _period(self, value) -> str:
        precision, year = value.precision, value.year
        if precision == "day":
            return self.date(value.first())
        if precision == "month":
            return format_skeleton("yMMMM", value.first(), locale=self.babel)
        if precision == "quarter":
            return format_skeleton("yQQQQ", value.first(), locale=self.babel)
        if precision == "half":
            return self._(_HALVES[value.number], year=self.year(year))
        if precision == "season":
            return self._(_SEASONS[value.number], year=self.year(year))
        if precision == "year":
            return self.year(year)
        return self._(N_("the %(decade)ss"), decade=str(year))

    def year(self, year: int) -> str:
        """A year as this language writes it alone: '2026' in English, '2026 г.' in Russian.

        CLDR's year skeleton gives the bare number in both; the word Russian
        puts after a year standing alone comes from the catalog.
        """
        number = format_skeleton("y", dt.date(year, 1, 1), locale=self.babel)
        return self.p_("a year standing alone", "%(year)s") % {"year": number}  # «2026 г.»: no break in the catalog

    def in_language(self, code: str) -> str:
        """'in Russian', «на русском языке»: the language a text is written in, as this language says it."""
        name = self.language_name(code)
        inflect = _PREPOSITIONAL.get(self.locale)
        return self._("in %(language)s", language=inflect(name) if inflect else name)

    def language_name(self, code: str) -> str:
        """'ru' -> 'Russian' in English, 'русский' in Russian; a BCP 47 or POSIX tag ('en-GB', 'en_GB')."""
        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.babel) or code
        except (ValueError, LookupError):
            return code


#: The endings of the adjectives in CLDR's Russian language names (none there ends in -ой).
_ADJECTIVE_ENDINGS = ("ий", "ый")
#: A Russian word by its ending: an adjective's, a soft sign, or a consonant.
_RUSSIAN_WORD = re.compile(rf"^(?P<stem>[а-яё-]+?)(?P<end>{'|'.join(_ADJECTIVE_ENDINGS)}|ь|[бвгджзклмнпрстфхцчшщ])$")


def _russian_prepositional(name: str) -> str:
    """A CLDR language name after «на»: «русский» -> «русском языке», «иврит» -> «иврите», «хинди» stays;
    a region in brackets stays as it is: «английский (Канада)» -> «английском языке (Канада)»."""
    words, _, region = name.partition(" (")
    out = []
    for word in words.split(" "):
        match = _RUSSIAN_WORD.match(word)
        end = match["end"] if match else ""
        if end in _ADJECTIVE_ENDINGS:
            word = match["stem"] + "ом"
        elif end == "ь":
            word = match["stem"] + "и"
        elif end:
            word += "е"
        out.append(word)
    # a name ending in an adjective («русский») stands for «русский язык»: the noun comes back
    text = " ".join(out) + (" языке" if end in _ADJECTIVE_ENDINGS else "")
    return f"{text} ({region}" if region else text


#: How a language name is put after the word for "in", where the catalog alone cannot say it.
_PREPOSITIONAL = {"ru": _russian_prepositional}
