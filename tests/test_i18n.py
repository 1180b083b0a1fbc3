"""Language: locale resolution, Russian plurals and CLDR formats, exactly."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from briefing.date_parse import parse
from briefing.figures import quantity

from briefing.i18n import localizer, resolve_locale

NBSP, NNBSP = "\u00a0", "\u202f"
EN, RU = localizer("en"), localizer("ru")


@pytest.mark.parametrize("requested, environ, expected", [
    ("ru", {"LANG": "en_US.UTF-8"}, ("ru_RU", None)),
    ("ru_RU.UTF-8", {}, ("ru_RU", None)),
    (None, {"LANGUAGE": "ru", "LANG": "en_US.UTF-8"}, ("ru_RU", None)),
    (None, {"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, ("ru_RU", None)),
    (None, {"LANGUAGE": "ru", "LANG": "C"}, ("en_GB", None)),  # LANGUAGE is ignored under the C locale
    (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, ("ru_RU", None)),
    (None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, ("en_GB", None)),
    (None, {"LC_MESSAGES": "ru_RU", "LANG": "en_US"}, ("ru_RU", None)),
    (None, {"LANG": "ru_RU.UTF-8"}, ("ru_RU", None)),
    (None, {"LANG": "ru_RU.KOI8-R@euro"}, ("ru_RU", None)),
    (None, {"LANG": "POSIX"}, ("en_GB", None)),
    (None, {"LANG": "C"}, ("en_GB", None)),
    (None, {}, ("en_GB", None)),
    (None, {"LANG": "de_DE.UTF-8"}, ("en_GB", "de_DE")),
    ("fr", {"LANG": "ru_RU.UTF-8"}, ("en_GB", "fr")),
    (None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, ("en_US", None)),  # LC_ALL before LC_MESSAGES
    (None, {"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, ("ru_RU", None)),
    ("RU", {}, ("ru_RU", None)),  # --lang RU: language codes in any case
    ("Ru-ru", {"LANG": "en_US.UTF-8"}, ("ru_RU", None)),
    (None, {"LANG": "RU_RU.UTF-8"}, ("ru_RU", None)),
])
def test_locale_resolution_order(requested, environ, expected):
    assert resolve_locale(requested, environ) == expected


@pytest.mark.parametrize("requested, environ, configured, expected", [
    # the territory: the wish itself, the config file, then LC_ALL > LC_TIME > LC_NUMERIC > LANG
    (None, {"LANG": "en_US.UTF-8"}, None, ("en_US", None)),
    (None, {"LANG": "en_GB.UTF-8"}, None, ("en_GB", None)),
    (None, {"LANG": "en.UTF-8"}, None, ("en_GB", None)),  # plain English: the British of the prose
    (None, {"LANG": "ru_KZ.UTF-8"}, None, ("ru_KZ", None)),
    ("en-US", {"LANG": "en_GB.UTF-8"}, None, ("en_US", None)),
    ("EN_us", {}, None, ("en_US", None)),  # BCP 47 or POSIX, in any case
    ("en-gb", {"LANG": "en_US.UTF-8"}, None, ("en_GB", None)),
    ("en", {"LANG": "en_US.UTF-8"}, None, ("en_US", None)),  # a language alone keeps the reader's territory
    ("en", {"LANG": "ru_RU.UTF-8"}, None, ("en_GB", None)),  # ... of that language only
    ("ru", {"LC_TIME": "ru_KZ.UTF-8", "LANG": "en_US.UTF-8"}, None, ("ru_KZ", None)),
    (None, {"LC_TIME": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, None, ("en_US", None)),
    (None, {"LC_NUMERIC": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, None, ("en_US", None)),
    (None, {"LC_ALL": "en_GB.UTF-8", "LC_TIME": "en_US.UTF-8"}, None, ("en_GB", None)),
    (None, {"LC_TIME": "en_US.UTF-8", "LC_NUMERIC": "en_GB.UTF-8"}, None, ("en_US", None)),
    (None, {"LANG": "ru_RU.UTF-8"}, "en_US", ("en_US", None)),  # a config file's locale over the environment
    (None, {"LANG": "en_GB.UTF-8"}, "en", ("en_GB", None)),
    ("ru", {}, "en_US", ("ru_RU", None)),  # --lang over the config file
    ("en", {"LANG": "en_GB.UTF-8"}, "en-US", ("en_US", None)),
    # what cannot be met is named, and the nearest that can is used
    ("en-XX", {"LANG": "en_US.UTF-8"}, None, ("en_US", "en-XX")),
    ("ru-US", {}, None, ("ru_RU", "ru-US")),
    ("de", {"LANG": "en_US.UTF-8"}, "ru", ("ru_RU", "de")),  # the config file's wish is the next best
    ("de", {"LANG": "ru_RU.UTF-8"}, None, ("en_GB", "de")),  # an explicit wish not met: English, not the environment
    (None, {"LANG": "en_XX.UTF-8"}, None, ("en_GB", None)),  # the environment's odd territory: quietly the default
])
def test_formats_follow_the_readers_territory(requested, environ, configured, expected):
    assert resolve_locale(requested, environ, configured) == expected


@pytest.mark.parametrize("count, expected", [
    (1, f"1{NBSP}источник"), (2, f"2{NBSP}источника"), (5, f"5{NBSP}источников"), (21, f"21{NBSP}источник"),
    (63, f"63{NBSP}источника"), (416, f"416{NBSP}источников"), (11, f"11{NBSP}источников"),
    (1000, f"1{NBSP}000{NBSP}источников"),
])
def test_russian_plurals_of_sources(count, expected):
    assert RU.n_("%(count)s source", "%(count)s sources", count) == expected


@pytest.mark.parametrize("count, expected", [
    (1, f"1{NBSP}реактор"), (2, f"2{NBSP}реактора"), (5, f"5{NBSP}реакторов"), (21, f"21{NBSP}реактор"),
    (63, f"63{NBSP}реактора"), (416, f"416{NBSP}реакторов"),
])
def test_russian_plurals_of_reactors(count, expected):
    assert quantity(RU, count, "reactor") == expected


def test_english_plurals():
    assert EN.n_("%(count)s source", "%(count)s sources", 1) == f"1{NBSP}source"
    assert EN.n_("%(count)s source", "%(count)s sources", 416) == f"416{NBSP}sources"


def test_babel_strings_exactly_with_their_no_break_spaces():
    day = dt.date(2025, 11, 21)
    assert RU.date(day) == f"21{NBSP}ноября{NBSP}2025{NNBSP}г."  # a date never breaks across lines
    assert EN.date(day) == f"21{NBSP}November{NBSP}2025"
    assert RU.percent(0.10) == f"10{NBSP}%"
    assert EN.percent(0.10) == "10%"
    assert quantity(RU, 376, "power-gigawatt") == f"376{NBSP}ГВт"
    assert quantity(EN, 376, "power-gigawatt") == f"376{NBSP}GW"
    assert quantity(RU, 376261, "power-megawatt") == f"376{NBSP}261{NBSP}МВт"
    assert quantity(EN, Fraction(9038, 10000), "power-gigawatt", digits=2) == f"0.90{NBSP}GW"
    assert quantity(RU, Fraction(9038, 10000), "power-gigawatt", digits=2) == f"0,90{NBSP}ГВт"
    assert RU.percent(0.1514, 1) == f"15,1{NBSP}%"


@pytest.mark.parametrize("value", [10**25, 1e25, 1.7e308, Decimal("1E+99"), 10**99])
def test_figures_too_large_for_the_default_decimal_context_still_format(value):
    assert EN.number(value).startswith("1") and quantity(RU, value, "power-gigawatt").endswith(f"{NBSP}ГВт")
    assert EN.number(10**25) == "10,000,000,000,000,000,000,000,000"
    assert RU.percent(value).endswith(f"{NBSP}%")


def test_fuzzy_dates_at_their_precision_on_one_line():
    assert EN.moment(parse("2025-06")) == f"June{NBSP}2025"
    assert RU.moment(parse("2025-06")) == f"июнь{NBSP}2025{NNBSP}г."
    assert EN.moment(parse("early-1990s")) == f"early{NBSP}1990s"
    assert RU.moment(parse("early-1990s")) == f"начало{NBSP}1990-х{NBSP}годов"
    assert RU.moment(parse("1990s")) == f"1990-е{NBSP}годы"
    assert EN.moment(dt.datetime(2025, 11, 24, 15, 21, 12)) == f"24{NBSP}November{NBSP}2025,{NBSP}15:21"
    assert RU.moment(dt.datetime(2025, 11, 24, 15, 21, 12)) == f"24{NBSP}ноября{NBSP}2025{NNBSP}г.,{NBSP}15:21"


def test_language_names_are_in_the_reader_language():
    assert (EN.language_name("ru"), RU.language_name("en")) == ("Russian", "английский")


def test_one_localizer_per_locale():
    assert localizer("ru") is RU


DAY, MOMENT = dt.date(2025, 11, 21), dt.datetime(2025, 11, 24, 15, 21, 12)


@pytest.mark.parametrize("tag, date, short, moment, number", [
    ("en_GB", f"21{NBSP}November{NBSP}2025", f"21{NBSP}Nov{NBSP}2025", f"24{NBSP}November{NBSP}2025,{NBSP}15:21",
     "376,261.5"),
    ("en_US", f"November{NBSP}21,{NBSP}2025", f"Nov{NBSP}21,{NBSP}2025", f"November{NBSP}24,{NBSP}2025,{NBSP}3:21{NNBSP}PM",
     "376,261.5"),
    ("ru_RU", f"21{NBSP}ноября{NBSP}2025{NNBSP}г.", f"21{NBSP}нояб.{NBSP}2025{NNBSP}г.",
     f"24{NBSP}ноября{NBSP}2025{NNBSP}г.,{NBSP}15:21", f"376{NBSP}261,5"),
    ("ru_KZ", f"21{NBSP}ноября{NBSP}2025{NNBSP}г.", f"21{NBSP}нояб.{NBSP}2025{NNBSP}г.",
     f"24{NBSP}ноября{NBSP}2025{NNBSP}г.,{NBSP}15:21", f"376{NBSP}261,5"),  # CLDR: Kazakhstan writes as Russia does
    ("en_IN", f"21{NBSP}November{NBSP}2025", f"21{NBSP}Nov{NBSP}2025", f"24{NBSP}November{NBSP}2025,{NBSP}3:21{NNBSP}pm",
     "3,76,261.5"),  # the territory's own grouping of digits
])
def test_each_territory_has_its_own_cldr_formats(tag, date, short, moment, number):
    loc = localizer(tag)
    assert (loc.date(DAY), loc.short_date(DAY), loc.moment(MOMENT), loc.number(Decimal("376261.5"))) == (
        date, short, moment, number)


def test_plain_english_is_british_like_the_prose_and_plain_russian_is_russias():
    assert localizer("en").formats == "en_GB" and localizer("ru").formats == "ru_RU"
    assert localizer("en") is localizer("en-GB") is localizer("EN_gb")
    assert (localizer("en-US").locale, localizer("ru_KZ").locale) == ("en", "ru")  # the language the text speaks


@pytest.mark.parametrize("tag", ["fr", "de_DE", "en-XX", "ru_US", "", "C"])
def test_a_tag_no_localizer_can_serve_is_refused(tag):
    with pytest.raises(ValueError):
        localizer(tag)


def test_one_clock_per_territory_in_every_date_and_time():
    """The header, the timeline and the source list all take their times from Localizer.moment."""
    for tag, clock in (("en_GB", "15:21"), ("en_US", f"3:21{NNBSP}PM"), ("ru_RU", "15:21")):
        assert localizer(tag).moment(MOMENT).endswith(clock)


def test_values_are_quoted_in_the_languages_own_marks():
    assert (EN.quote("reactor"), RU.quote("reactor")) == ("“reactor”", "«reactor»")


def test_russian_messages_quote_names_in_guillemets(tmp_path):
    """Russian typography: a name inside a message is quoted «so», English “so”."""
    from briefing.store import load_library
    from tests.conftest import FIRST_BRIEFING

    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_bytes(FIRST_BRIEFING.read_bytes())
    [error] = load_library([tmp_path]).errors
    assert "«kz-iaea-far-east-2025»" in error.describe(RU) and "'" not in error.describe(RU).split(": ", 1)[1]
    assert "“kz-iaea-far-east-2025”" in error.describe(EN)
