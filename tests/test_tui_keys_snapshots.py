"""What search, the comparison filter and a four-source table look like, in both languages, narrow and wide.

Accept changes with `pytest tests/test_tui_keys_snapshots.py --snapshot-update`,
after looking at each new SVG.
"""

from __future__ import annotations

import pytest

from briefing.resources import briefings_dir
from briefing.store import load_library
from briefing.tui.app import make_app

SIZES = {"narrow": (80, 24), "wide": (160, 48)}
QUERIES = {"en": "Grossi", "ru": "Гросси"}


@pytest.fixture(scope="module")
def library():
    return load_library([briefings_dir()])


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES)
def test_search_marks_every_match_and_the_second_as_the_one(snap_compare, library, locale, size):
    app = make_app(library, "kz-iaea-far-east-2025", locale)
    assert snap_compare(app, press=["slash", *QUERIES[locale], "enter", "n"], terminal_size=SIZES[size])


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES)
def test_comparison_filtered_to_the_points_that_differ(snap_compare, library, locale, size):
    app = make_app(library, "opec-plus-q1-2026-pause", locale)
    assert snap_compare(app, press=["f"], terminal_size=SIZES[size])


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES)
def test_four_sources_with_the_third_brought_into_view(snap_compare, library, locale, size):
    app = make_app(library, "opec-plus-q1-2026-pause", locale)
    assert snap_compare(app, press=["3", "right", "right"], terminal_size=SIZES[size])
