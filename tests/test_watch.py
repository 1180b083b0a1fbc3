"""`briefing show FILE --watch`: the dashboard follows the file as it is saved, driven by Textual's pilot.

The file is written as an editor writes it (in place, or a new file renamed over it) and the test waits
for the app to read it, as a user waits for the screen to change."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing.tui.screens.errors import ErrorsScreen
from briefing.tui.watch import WatchingApp, file_library
from tests.conftest import FIRST_BRIEFING

WIDE = (160, 48)


@pytest.fixture
def brief_file(tmp_path) -> Path:
    return Path(shutil.copy(FIRST_BRIEFING, tmp_path / "kz.toml"))


def edit(path: Path, old: str, new: str, rename: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    if rename:  # as vim and many editors save: a new file, renamed over the old one
        temporary = path.with_suffix(".swp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        path.write_text(text, encoding="utf-8")


async def reloaded(app: WatchingApp, pilot, before: int, timeout: float = 10.0) -> None:
    """Wait until the app has read the file again after `before` reads, then let it draw."""
    for _ in range(int(timeout / 0.02)):
        if app.reloads > before:
            await pilot.pause()
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the dashboard did not read the saved file")


async def started(pilot) -> None:
    await pilot.pause()
    await asyncio.sleep(0.3)  # the watcher is set up once the app runs


def toasts(app) -> str:
    """The notices the app holds now."""
    return " ".join(notification.message for notification in app._notifications)


@pytest.mark.parametrize("rename", [False, True], ids=["in-place", "renamed-over"])
async def test_a_save_is_shown_keeping_language_focus_selected_row_and_scroll(brief_file, rename):
    library, errors = file_library(brief_file)
    assert errors == []
    app = WatchingApp(library, brief_file, "ru")
    async with app.run_test(size=WIDE) as pilot:
        await started(pilot)
        await pilot.press("4", "down", "down", "down")
        table = app.query_one("#statistics-table", DataTable)
        panels = app.query_one("#panels")
        panels.scroll_to(y=3, animate=False)
        await pilot.pause()
        row, focused, scroll = table.cursor_row, app.focused, panels.scroll_y
        assert row == 3 and focused is table
        before = app.reloads
        edit(brief_file, 'label.ru = "Доля атомной энергетики в мировом производстве электроэнергии"',
             'label.ru = "Доля АЭС в мировой выработке"', rename)
        await reloaded(app, pilot, before)
        assert app.locale == "ru" and app.focused is table and table.cursor_row == row
        assert panels.scroll_y == scroll
        assert "Доля АЭС в мировой выработке" in str(table.get_row_at(3)[0])


async def test_a_broken_save_keeps_the_last_good_brief_and_shows_every_error_until_mended(brief_file):
    library, _ = file_library(brief_file)
    app = WatchingApp(library, brief_file, "en")
    async with app.run_test(size=WIDE) as pilot:
        await started(pilot)
        shown = app.analysis.brief
        before = app.reloads
        edit(brief_file, "date = 2025-11-21\n", 'date = "2025-11-21"\n')
        edit(brief_file, 'unit = "gigawatt"', 'unit = "gigawat"')
        await reloaded(app, pilot, before)
        for _ in range(50):  # both saves may come as one change or two
            if len(app.library.errors) == 2:
                break
            await asyncio.sleep(0.05)
        assert app.analysis.brief is shown  # the last good brief stays
        assert "kz.toml has 2\u00a0errors; the last good version stays on screen" in toasts(app)
        await pilot.press("e")
        assert isinstance(app.screen, ErrorsScreen)
        described = [error.describe(app.loc) for error in app.library.errors]
        assert described[0].endswith("kz.toml:12:8: error: date: full dates go unquoted: date = 2025-11-21")
        assert ":419:8: error: statistics[2].unit: unknown unit “gigawat”" in described[1]
        before = app.reloads
        edit(brief_file, 'date = "2025-11-21"\n', "date = 2025-11-21\n")
        edit(brief_file, 'unit = "gigawat"', 'unit = "gigawatt"')
        for _ in range(100):
            if not app.library.errors:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert app.library.errors == [] and not isinstance(app.screen, ErrorsScreen)
        assert app.analysis.brief is not shown
        assert "kz.toml is valid again" in toasts(app)


async def test_a_file_that_is_removed_then_written_again_is_followed(brief_file):
    library, _ = file_library(brief_file)
    app = WatchingApp(library, brief_file, "en")
    async with app.run_test(size=WIDE) as pilot:
        await started(pilot)
        text = brief_file.read_text(encoding="utf-8")
        before = app.reloads
        brief_file.unlink()
        await reloaded(app, pilot, before)
        assert app.library.errors and app.library.briefings  # the brief stays on screen
        brief_file.write_text(text.replace("Reactors in operation worldwide", "Operating reactors"), encoding="utf-8")
        for _ in range(100):
            if not app.library.errors:
                break
            await asyncio.sleep(0.05)
        assert app.analysis.brief.statistics[0].label["en"] == "Operating reactors"


def header_text(app) -> str:
    """The header's lines as drawn, joined by spaces, no-break spaces read as spaces."""
    prose = app.query_one("#brief-title")
    return " ".join(line.plain for line in prose.lines(prose.size.width)).replace("\u00a0", " ")


@pytest.mark.parametrize("locale, stale, preface, since", [
    ("en", "the file has 1 error since", "The watched file has errors: the last good version stays",
     "— showing the last good version; e for details"),
    ("ru", "в файле 1 ошибка с", "В отслеживаемом файле есть ошибки: последняя исправная версия",
     "— на экране последняя исправная версия; e — подробности"),
])
async def test_a_broken_file_is_said_in_the_header_until_a_good_save_and_its_notices_go(
        brief_file, locale, stale, preface, since):
    library, _ = file_library(brief_file)
    app = WatchingApp(library, brief_file, locale)
    async with app.run_test(size=WIDE) as pilot:
        await started(pilot)
        assert since not in header_text(app)
        before = app.reloads
        edit(brief_file, 'unit = "gigawatt"', 'unit = "gigawat"')
        await reloaded(app, pilot, before)
        assert app.library.errors
        assert stale in header_text(app) and since in header_text(app)
        assert app.loc.clock(app.broken_since) in header_text(app)
        await pilot.press("e")
        assert isinstance(app.screen, ErrorsScreen)
        assert preface in " ".join(row.text.plain for row in app.screen.query_one("Prose").shown)
        await pilot.press("escape")
        before = app.reloads
        edit(brief_file, 'unit = "gigawat"', 'unit = "gigawatt"')
        await reloaded(app, pilot, before)
        assert since not in header_text(app)
        assert len(app._notifications) == 1  # "valid again", without the notice of the mended error
