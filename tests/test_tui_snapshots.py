"""What the dashboard looks like, in both languages, narrow and wide (SVG snapshots).

Accept changes with `pytest tests/test_tui_snapshots.py --snapshot-update`,
after looking at each new SVG.
"""

from __future__ import annotations

import pytest

from briefing.store import load_library
from briefing.tui.app import make_app
from tests.conftest import FIRST_BRIEFING

SIZES = {"narrow": (80, 24), "wide": (160, 48)}


@pytest.fixture(scope="module")
def library():
    return load_library([FIRST_BRIEFING])


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES)
def test_first_screen(snap_compare, library, locale, size):
    assert snap_compare(make_app(library, locale=locale), terminal_size=SIZES[size])


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_comparison_row_selected_narrow(snap_compare, library, locale):
    assert snap_compare(make_app(library, locale=locale), press=["3", "down", "down", "down", "down"],
                        terminal_size=SIZES["narrow"])


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_flagged_figure_selected_wide(snap_compare, library, locale):
    assert snap_compare(make_app(library, locale=locale), press=["4", *["down"] * 5],
                        terminal_size=SIZES["wide"])


def test_help_in_russian(snap_compare, library):
    assert snap_compare(make_app(library, locale="ru"), press=["question_mark"], terminal_size=SIZES["narrow"])


def test_terminal_too_small(snap_compare, library):
    assert snap_compare(make_app(library, locale="ru"), terminal_size=(30, 8))
