"""Language: locale resolution, Russian plurals and CLDR formats, exactly."""

import datetime as dt

import pytest

from briefing.i18n import localizer, resolve_locale
from briefing.model import FuzzyDate

NBSP, NNBSP = "\u00a0", "\u202f"
EN, RU = localizer("en"), localizer("ru")


@pytest.mark.parametrize("requested, environ, expected", [
    ("ru", {"LANG": "en_US.UTF-8"}, ("ru", None)),
    ("ru_RU.UTF-8", {}, ("ru", None)),
    (None, {"LANGUAGE": "ru", "LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LANGUAGE": "ru", "LANG": "C"}, ("en", None)),  # LANGUAGE is ignored under the C locale
    (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, ("en", None)),
    (None, {"LC_MESSAGES": "ru_RU", "LANG": "en_US"}, ("ru", None)),
    (None, {"LANG": "ru_RU.UTF-8"}, ("ru", None)),
    (None, {"LANG": "ru_RU.KOI8-R@euro"}, ("ru", None)),
    (None, {"LANG": "POSIX"}, ("en", None)),
    (None, {"LANG": "C"}, ("en", None)),
    (None, {}, ("en", None)),
    (None, {"LANG": "de_DE.UTF-8"}, ("en", "de_DE")),
    ("fr", {"LANG": "ru_RU.UTF-8"}, ("en", "fr")),
])
def test_locale_resolution_order(requested, environ, expected):
    assert resolve_locale(requested, environ) == expected


@pytest.mark.parametrize("count, expected", [
    (1, "1 источник"), (2, "2 источника"), (5, "5 источников"), (21, "21 источник"),
    (63, "63 источника"), (416, "416 источников"), (11, "11 источников"), (1000, f"1{NBSP}000 источников"),
])
def test_russian_plurals_of_sources(count, expected):
    assert RU.n_("%(count)s source", "%(count)s sources", count) == expected


@pytest.mark.parametrize("count, expected", [
    (1, "1 реактор"), (2, "2 реактора"), (5, "5 реакторов"), (21, "21 реактор"),
    (63, "63 реактора"), (416, "416 реакторов"),
])
def test_russian_plurals_of_reactors(count, expected):
    assert RU.n_("%(count)s reactor", "%(count)s reactors", count) == expected


def test_english_plurals():
    assert EN.n_("%(count)s source", "%(count)s sources", 1) == "1 source"
    assert EN.n_("%(count)s source", "%(count)s sources", 416) == "416 sources"


def test_babel_strings_exactly_with_their_no_break_spaces():
    day = dt.date(2025, 11, 21)
    assert RU.date(day) == f"21 ноября 2025{NNBSP}г."
    assert EN.date(day) == "November 21, 2025"
    assert RU.percent(0.10) == f"10{NBSP}%"
    assert EN.percent(0.10) == "10%"
    assert RU.unit(376, "power-gigawatt") == f"376{NBSP}ГВт"
    assert EN.unit(376, "power-gigawatt") == f"376{NBSP}GW"
    assert RU.unit(376261, "power-megawatt") == f"376{NBSP}261{NBSP}МВт"
    assert EN.unit(0.9038, "power-gigawatt", 2) == f"0.90{NBSP}GW"
    assert RU.unit(0.9038, "power-gigawatt", 2) == f"0,90{NBSP}ГВт"
    assert RU.percent(0.1514, 1) == f"15,1{NBSP}%"


def test_fuzzy_dates_at_their_precision():
    assert EN.moment(FuzzyDate(2025, 6)) == "June 2025"
    assert RU.moment(FuzzyDate(2025, 6)) == f"июнь 2025{NNBSP}г."
    assert EN.moment(FuzzyDate(1990, decade=True, part="early")) == "early 1990s"
    assert RU.moment(FuzzyDate(1990, decade=True, part="early")) == "начало 1990-х годов"
    assert EN.moment(dt.datetime(2025, 11, 24, 15, 21, 12)) == f"November 24, 2025, 3:21{NNBSP}PM"
    assert RU.moment(dt.datetime(2025, 11, 24, 15, 21, 12)) == f"24 ноября 2025{NNBSP}г., 15:21"


def test_language_names_are_in_the_reader_language():
    assert (EN.language_name("ru"), RU.language_name("en")) == ("Russian", "английский")


def test_one_localizer_per_locale():
    assert localizer("ru") is RU
