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
    ("ru", {"LANG": "en_US.UTF-8"}, ("ru", None)),
    ("ru_RU.UTF-8", {}, ("ru", None)),
    (None, {"LANGUAGE": "ru", "LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LANGUAGE": "ru", "LANG": "C"}, ("en", None)),  # LANGUAGE is ignored under the C locale
    (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, ("en", None)),
    (None, {"LC_MESSAGES": "ru_RU", "LANG": "en_US"}, ("ru", None)),
    (None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, ("en", None)),  # LC_ALL before LC_MESSAGES
    (None, {"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, ("ru", None)),
    ("RU", {}, ("ru", None)),  # --lang RU: language codes in any case
    ("Ru-ru", {"LANG": "en_US.UTF-8"}, ("ru", None)),
    (None, {"LANG": "RU_RU.UTF-8"}, ("ru", None)),
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
    assert EN.date(day) == f"November{NBSP}21,{NBSP}2025"
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
    assert EN.moment(dt.datetime(2025, 11, 24, 15, 21, 12)) == f"November{NBSP}24,{NBSP}2025, 3:21{NNBSP}PM"
    assert RU.moment(dt.datetime(2025, 11, 24, 15, 21, 12)) == f"24{NBSP}ноября{NBSP}2025{NNBSP}г., 15:21"


def test_language_names_are_in_the_reader_language():
    assert (EN.language_name("ru"), RU.language_name("en")) == ("Russian", "английский")


def test_one_localizer_per_locale():
    assert localizer("ru") is RU


def test_russian_messages_quote_names_in_guillemets(tmp_path):
    """Russian typography: a name inside a message is quoted «so», English keeps 'so'."""
    from briefing.store import load_library
    from tests.conftest import FIRST_BRIEFING

    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_bytes(FIRST_BRIEFING.read_bytes())
    [error] = load_library([tmp_path]).errors
    assert "«kz-iaea-far-east-2025»" in error.describe(RU) and "'" not in error.describe(RU).split(": ", 1)[1]
    assert "'kz-iaea-far-east-2025'" in error.describe(EN)
