"""What the picker looks like with a filter typed, in both languages, narrow and wide (SVG snapshots).

Accept changes with `pytest tests/test_tui_picker_snapshots.py --snapshot-update`,
after looking at each new SVG.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.records import Text
from briefing.store import Header, Library, load_library, search_folders
from briefing.tui.app import make_app

SIZES = {"narrow": (80, 24), "wide": (160, 48)}
#: Briefings listed by header beside the bundled ones: (id, English title, Russian title, date).
MORE = [
    ("brent-2025-10", "Brent falls below $65 a barrel", "Brent дешевеет до 65 долларов за баррель", dt.date(2025, 10, 31)),
    ("opec-plus-2025-09", "OPEC+ adds 137,000 barrels a day in October", "ОПЕК+ добавит 137 тысяч баррелей в сутки в октябре",
     dt.date(2025, 10, 5)),
    ("iaea-board-2025-06", "The IAEA Board meets in Vienna", "Совет управляющих МАГАТЭ собирается в Вене",
     dt.date(2025, 6, 9)),
    ("grain-deal-2025-07", "Grain shipments resume", "Отгрузки зерна возобновлены", dt.date(2025, 7, 22)),
]


@pytest.fixture(scope="module")
def library() -> Library:
    bundled = load_library(search_folders([], environ={}))
    more = {brief_id: Header(brief_id, Text(en=en, ru=ru), day, Path(f"{brief_id}.toml"))
            for brief_id, en, ru, day in MORE}
    return Library(briefings=bundled.briefings, origins=bundled.origins, headers={**bundled.headers, **more})


@pytest.mark.parametrize(("locale", "typed"), [("en", "opec"), ("ru", "опек")])
@pytest.mark.parametrize("size", SIZES)
def test_the_picker_filtered(snap_compare, library, locale, typed, size):
    assert snap_compare(make_app(library, locale=locale), press=list(typed), terminal_size=SIZES[size])


@pytest.mark.parametrize(("locale", "typed"), [("en", "october"), ("ru", "октября")])
def test_the_picker_filtered_by_a_date_as_the_language_writes_it(snap_compare, library, locale, typed):
    assert snap_compare(make_app(library, locale=locale), press=list(typed), terminal_size=SIZES["narrow"])


def test_the_picker_when_nothing_matches(snap_compare, library):
    assert snap_compare(make_app(library, locale="ru"), press=list("xyz"), terminal_size=SIZES["narrow"])
