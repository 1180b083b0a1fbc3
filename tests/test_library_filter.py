"""The picker's filter: by id, title in each language and date as shown and in ISO form; any case, ё as е."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.i18n import localizer
from briefing.library_filter import LibraryFilter, fold
from briefing.records import Text
from briefing.store import Header


def header(brief_id: str, en: str, ru: str, day: dt.date) -> Header:
    return Header(brief_id, Text(en=en, ru=ru), day, Path(f"{brief_id}.toml"))


HEADERS = [
    header("kz-iaea-2025", "Kazakhstan joins the IAEA group", "Казахстан вступает в группу МАГАТЭ", dt.date(2025, 11, 21)),
    header("opec-pause", "OPEC+ pauses increases", "ОПЕК+ берёт паузу", dt.date(2025, 11, 2)),
    header("tree", "The Yolka festival", "Праздник ЁЛКИ", dt.date(2024, 12, 31)),
]


def matched(query: str, locale: str = "en") -> list[str]:
    return [h.id for h in LibraryFilter(HEADERS, localizer(locale)).matching(query)]


def test_a_blank_filter_matches_everything_in_library_order():
    assert matched("") == matched("  \t") == ["kz-iaea-2025", "opec-pause", "tree"]


@pytest.mark.parametrize(("query", "ids"), [
    ("opec-pause", ["opec-pause"]),  # by id
    ("OPEC-PAUSE", ["opec-pause"]),
    ("kazakh", ["kz-iaea-2025"]),  # by the English title
    ("KAZAKH", ["kz-iaea-2025"]),
    ("казах", ["kz-iaea-2025"]),  # by the Russian title, whatever the language shown
    ("КАЗАХ", ["kz-iaea-2025"]),
    ("берет", ["opec-pause"]),  # ё in the title, е typed
    ("берёт", ["opec-pause"]),
    ("елки", ["tree"]),  # Ё in the title
    ("ЁЛКИ", ["tree"]),
    ("ёлки", ["tree"]),
    ("Е\u0308ЛКИ", ["tree"]),  # Ё typed as Е and a combining diaeresis
    ("2025-11-21", ["kz-iaea-2025"]),  # ISO date
    ("2025-11", ["kz-iaea-2025", "opec-pause"]),
    ("november 21", ["kz-iaea-2025"]),  # the date as English shows it, words in any order
    ("21 november", ["kz-iaea-2025"]),
    ("31 december 2024", ["tree"]),  # British, as plain English writes dates
    ("iaea 2025", ["kz-iaea-2025"]),  # words from different fields
    ("opec kazakh", []),  # every word must match
    ("xyz", []),
])
def test_each_word_matches_an_id_a_title_or_a_date(query, ids):
    assert matched(query) == ids


def test_dates_match_as_the_current_language_shows_them():
    assert matched("ноября", "ru") == ["kz-iaea-2025", "opec-pause"]
    assert matched("ноября", "en") == []
    assert matched("November", "ru") == []
    assert matched("2024-12-31", "ru") == ["tree"]


def test_a_word_never_spans_two_fields():
    """The id ends in "2025" and the English title starts with "Kazakhstan": "2025kazakhstan" is in neither."""
    assert matched("2025kazakhstan") == matched("pauseопек") == []
    assert matched("2025") == ["kz-iaea-2025", "opec-pause"] and matched("kazakhstan") == ["kz-iaea-2025"]


def test_fold_reads_case_and_yo_alike():
    assert fold("ЁлКа") == fold("елка") == fold("Е\u0308ЛКА") == "елка"
    assert fold("Straße") == "strasse"


@pytest.mark.parametrize("queries", [
    ["k", "ka", "kaz", "ka", "k", ""],  # typing, then deleting
    ["opec", "opec p", "opec pa", "opec a", "pec a"],  # a word replaced by a shorter one, a letter cut in front
    ["2025", "2025 nov", "2025", "nov 2025", "november 2025"],  # words in another order
    ["ё", "ёл", "ел", "е л", "ЁЛКИ"],
])
def test_a_filter_typed_a_key_at_a_time_matches_as_the_same_filter_typed_at_once(queries):
    """Matching narrows from the last matches when a query only adds to the last one; the answer is the same."""
    typed = LibraryFilter(HEADERS, localizer("en"))
    for query in queries:
        assert typed.matching(query) == LibraryFilter(HEADERS, localizer("en")).matching(query), query
