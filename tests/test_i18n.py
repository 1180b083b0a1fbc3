"""Language: locale resolution, Russian plurals and CLDR formats, exactly."""

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from briefing import i18n
from briefing.date_parse import parse
from briefing.figures import quantity

from briefing.i18n import Localizer, localizer, resolve_locale

NBSP, NNBSP = "\u00a0", "\u202f"
EN, RU = localizer("en"), localizer("ru")


@pytest.fixture
def names_read_anew():
    """A locale name is read once per process (i18n._parse is cached); these tests read every name anew."""
    i18n._parse.cache_clear()
    yield
    i18n._parse.cache_clear()


@pytest.mark.usefixtures("names_read_anew")
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
    (None, {"LANG": "en_IE@euro"}, ("en_IE", None)),  # a modifier without a codeset
    (None, {"LANG": "ru_RU@euro.UTF-8"}, ("ru_RU", None)),  # the name ends at the first '.' or '@'
    (None, {"LANG": " ru_RU "}, ("ru_RU", None)),
    ("ru-Cyrl-KZ", {}, ("ru_KZ", None)),  # BCP 47 with a script: the language is the first subtag
    # LANGUAGE names the language only; the formats are LANG's, when they are that language's
    (None, {"LANGUAGE": "en-Latn-US", "LANG": "ru_RU.UTF-8"}, ("en_GB", None)),
    (None, {"LANGUAGE": "en-Latn-US", "LANG": "en_US.UTF-8"}, ("en_US", None)),
])
def test_locale_resolution_order(requested, environ, expected):
    assert resolve_locale(requested, environ) == expected


@pytest.mark.usefixtures("names_read_anew")
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
    (None, {"LC_ALL": "", "LC_TIME": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, None, ("en_US", None)),  # set but empty
    (None, {"LC_TIME": "de_DE.UTF-8", "LC_NUMERIC": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, None,
     ("en_US", None)),  # a variable naming another language's territory is passed over
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
def test_a_tag_no_localizer_can_serve_is_refused_naming_it(tag):
    with pytest.raises(ValueError, match=re.escape(repr(tag))):
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


@pytest.mark.parametrize("args, environ, date, title", [
    # LANGUAGE first, but the formats of its language only: Russian, with Russia's dates, not America's
    ([], {"LANGUAGE": "ru", "LANG": "en_US.UTF-8"}, "21 ноября 2025 г.", "Казахстан"),
    ([], {"LANGUAGE": "ru", "LANG": "C"}, "21 November 2025", "Kazakhstan"),  # LANGUAGE ignored under C
    ([], {"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "21 November 2025", "Kazakhstan"),
    ([], {"LANG": "ru_KZ.UTF-8"}, "21 ноября 2025 г.", "Казахстан"),
    ([], {"LANG": "en_US.UTF-8"}, "November 21, 2025", "Kazakhstan"),
    (["--lang", "RU"], {"LANG": "en_US.UTF-8"}, "21 ноября 2025 г.", "Казахстан"),  # a tag in any case
    (["--lang", "en"], {"LC_TIME": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"}, "November 21, 2025", "Kazakhstan"),
    (["--lang", "en-gb"], {"LANG": "en_US.UTF-8"}, "21 November 2025", "Kazakhstan"),
])
def test_the_language_and_formats_a_command_prints_in(args, environ, date, title):
    """What `briefing list` shows, from --lang and the environment: the language of the titles, the form of
    the dates."""
    from tests.test_cli import run

    first = run("list", *args, env=environ).stdout.splitlines()[0].replace("\u00a0", " ").replace(NNBSP, " ")
    assert first.startswith(f"kz-iaea-far-east-2025    {date}  {title} ")


@pytest.mark.parametrize("tag, grouping, quote, date", [
    ("en_GB", "1,234,567.5", "“x”", "21 November 2025"), ("en_US", "1,234,567.5", "“x”", "November 21, 2025"),
    ("en_IN", "12,34,567.5", "“x”", "21 November 2025"), ("ru_RU", "1 234 567,5", "«x»", "21 ноября 2025 г."),
    ("ru_KZ", "1 234 567,5", "«x»", "21 ноября 2025 г."),
])
def test_a_localizer_made_anew_speaks_its_language_in_its_territorys_formats(tag, grouping, quote, date):
    """localizer() hands out the Localizer of a locale made once per process; the class makes one anew."""
    loc = Localizer(tag.replace("_", "-").lower())
    assert (loc.locale, loc.formats, loc.text({"en": "English", "ru": "русский"})) == (
        tag[:2], tag, {"en": "English", "ru": "русский"}[tag[:2]])
    shown = (loc.number(Decimal("1234567.5")), loc.number(1234567), loc.quote("x"), loc.date(DAY))
    assert tuple(text.replace(NBSP, " ").replace(NNBSP, " ") for text in shown) == (
        grouping, grouping[:-2], quote, date)


@pytest.mark.parametrize("tag, clock", [("en_GB", "15:21"), ("en_US", f"3:21{NBSP}PM"), ("ru_RU", "15:21"),
                                        ("en_IN", f"3:21{NBSP}pm")])
def test_the_time_of_day_is_the_territorys_on_one_line(tag, clock):
    """Localizer.clock: CLDR's short time, its narrow no-break space (before PM) an ordinary no-break one."""
    assert localizer(tag).clock(MOMENT) == clock and localizer(tag).clock(MOMENT.time()) == clock


@pytest.mark.parametrize("machine", ["ja_JP", "ar_EG"])
def test_dates_read_in_the_readers_formats_whatever_the_machines_locale(monkeypatch, machine):
    """Babel's default locale is the machine's (LC_TIME when it is imported); a reader in Tokyo or Cairo who
    reads English or Russian sees English and Russian years, dates and UTC offsets all the same."""
    import babel.dates

    monkeypatch.setattr(babel.dates, "LC_TIME", machine)
    plus3 = dt.datetime(2025, 11, 3, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert (EN.year(2026), RU.year(2026)) == ("2026", f"2026{NNBSP}г.")
    assert (EN.short_date(DAY), RU.short_date(DAY)) == (f"21{NBSP}Nov{NBSP}2025", f"21{NBSP}нояб.{NBSP}2025{NNBSP}г.")
    assert EN.moment(plus3) == f"3{NBSP}November{NBSP}2025,{NBSP}14:30{NBSP}GMT+03:00"
    assert RU.moment(plus3) == f"3{NBSP}ноября{NBSP}2025{NNBSP}г.,{NBSP}14:30{NBSP}GMT+03:00"


@pytest.mark.parametrize("value, en", [
    (Fraction(1, 3), "0.33"), (Fraction(2, 3), "0.67"), (Fraction(5, 2), "2.50"),  # a computed value: 2 decimals
    (Fraction(4), "4"),  # ... unless it is whole
    (8.6, "8.6"), (8.65, "8.65"), (1e25, "10,000,000,000,000,000,000,000,000"),  # a float as Python writes it
    (Decimal("8.60"), "8.60"), (Decimal("416"), "416"), (Decimal("4E+2"), "400"),  # a Decimal as the file did
])
def test_a_number_keeps_the_decimals_it_was_written_with(value, en):
    assert EN.number(value) == en


def test_a_computed_figure_of_more_than_28_digits_is_exact():
    """Decimal's default context holds 28 digits; a third of 10^30 is shown to its last digit all the same."""
    assert EN.number(Fraction(10**30, 3), 2) == "333,333,333,333,333,333,333,333,333,333.33"


def test_the_plural_of_a_number_of_more_than_28_digits_is_that_of_its_last_digits():
    """A figure with decimals takes the Russian 'other' (тонны) however long it is, not the 'many' (тонн)
    of a whole number it would be rounded to in Decimal's default 28 digits."""
    huge = Decimal("12345678901234567890123456789.5")
    assert (RU.plural(huge), RU.plural(Decimal("12345678901234567890123456789"))) == ("other", "many")


@pytest.mark.parametrize("written, en", [
    ("2026-01?/2026-03", "January_2026_(uncertain)_– March_2026"),
    ("2026-01/2026-03?", "January_2026_– March_2026_(uncertain)"),
    ("2026-01~/2026-03", "about_January_2026_– March_2026"),
    ("2026-01/2026-03~", "January_2026_– about_March_2026"),
    ("early-2026-01/2026-03", "early_January_2026_– March_2026"),
    ("2026-01/late-2026-03", "January_2026_– late_March_2026"),
    ("2026-01/2026-03", "January\u2009–\u2009March_2026"),  # both ends plain: CLDR's own interval
])
def test_an_interval_with_any_mark_on_either_end_reads_both_ends_in_full(written, en):
    """CLDR's interval format ('January – March 2026') says nothing of a part, 'about' or 'uncertain' on one
    end: such an interval is read as its two ends around a dash."""
    assert EN.moment(parse(written)) == en.replace("_", NBSP)


def test_a_month_is_of_its_own_year_even_when_its_first_week_is_the_last_of_the_year_before():
    """1 January 2021 falls in the last ISO week of 2020: the month is still January 2021."""
    assert EN.moment(parse("early-2021-01")) == f"early{NBSP}January{NBSP}2021"
    assert RU.moment(parse("early-2021-01")) == f"начало{NBSP}января{NBSP}2021{NBSP}года"
    assert EN.moment(parse("2021-01")) == f"January{NBSP}2021"


@pytest.mark.parametrize("code, en, ru", [
    ("ru", "in Russian", "на русском языке"),
    ("en-CA", "in English (Canada)", "на английском языке (Канада)"),  # a region stays as it is
    ("en_GB", "in English (United Kingdom)", "на английском языке (Великобритания)"),
    ("he", "in Hebrew", "на иврите"),  # a noun ending in a consonant
    ("za", "in Zhuang", "на чжуани"),  # ... in a soft sign
    ("hi", "in Hindi", "на хинди"),  # ... in a vowel: it does not change
    ("frr", "in Northern Frisian", "на северном фризском языке"),  # two adjectives (-ый, -ий)
    ("nb", "in Norwegian Bokmål", "на норвежском букмоле"),  # an adjective and its noun
    ("nd", "in North Ndebele", "на северном ндебеле"),
])
def test_the_language_a_source_is_written_in_reads_as_a_phrase(code, en, ru):
    assert (EN.in_language(code), RU.in_language(code)) == (en, ru)
