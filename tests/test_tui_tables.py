"""The dashboard's tables as drawn: every cell whole or cut with "…", never cut mid-word by the panel's edge.

Columns are sized for the longest label of the current language and fit the
panel, so a table never needs a sideways scrollbar.  The cells are read off
the screen, at the widths readers use, in both languages and both briefings.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.geometry import Region

from briefing.store import load_library
from briefing.tui.app import make_app
from briefing.tui.panels.statistics import figure_widths
from briefing.tui.table import BriefTable, fit_widths
from tests.conftest import BUNDLED_IDS, FIRST_BRIEFING

SIZES = [(40, 24), (80, 24), (150, 48), (160, 48)]
TABLES = {"3": "#comparison-table", "4": "#statistics-table"}


@pytest.fixture(scope="module")
def library():
    return load_library([FIRST_BRIEFING.parent])


def drawn_rows(table: BriefTable) -> list[str]:
    """The table's lines as drawn, its header first, then every row, scrolled to page by page."""
    width, height = table.size
    header: list[str] = []
    rows: dict[int, str] = {}
    for top in range(0, max(table.row_count, 1), max(height - table.header_height, 1)):
        table.scroll_to(y=top, animate=False, immediate=True)
        first = round(table.scroll_y)  # where the scroll stopped: the last page may overlap the one before
        lines = ["".join(segment.text for segment in strip) for strip in table.render_lines(Region(0, 0, width, height))]
        header = lines[:table.header_height]
        for n, line in enumerate(lines[table.header_height:]):
            if first + n < table.row_count:
                rows[first + n] = line
    table.scroll_to(y=0, animate=False, immediate=True)
    return [*header, *(rows[n] for n in range(table.row_count))]


def check_cells(table: BriefTable) -> list[str]:
    """Every cell as drawn against the cell it holds; what is wrong with them (nothing, when all is well)."""
    columns, rows = table._fill(table._room_in(table.size.width))
    wrong = []
    if table.virtual_size.width > table.size.width:
        wrong.append(f"the table is {table.virtual_size.width} cells wide in {table.size.width}: it scrolls sideways")
    header = [column.label.split("\n") for column in columns]
    lines = drawn_rows(table)
    wanted = [[parts[n] if n < len(parts) else "" for parts in header] for n in range(table.header_height)]
    wanted += [[cell.plain for cell in cells] for _, cells in rows]
    for line, cells in zip(lines, wanted):
        x = 0
        for column, full in zip(columns, cells):
            shown = _cells(line, x + 1, column.width).rstrip()  # one cell of padding either side
            x += column.width + 2
            if shown == full.rstrip():
                continue
            if not (shown.endswith("…") and full.startswith(shown[:-1])):
                wrong.append(f"{full!r} shown as {shown!r}")
    return wrong


def _cells(line: str, start: int, width: int) -> str:
    """The characters of `line` that fill cells start … start + width - 1."""
    out, position = [], 0
    for char in line:
        if start <= position < start + width:
            out.append(char)
        position += cell_len(char)
    return "".join(out)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("locale", ["en_GB", "en_US", "ru"])
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
async def test_no_cell_is_cut_without_an_ellipsis(library, brief_id, locale, size):
    app = make_app(library, brief_id, locale)
    async with app.run_test(size=size) as pilot:
        for key, selector in TABLES.items():
            await pilot.press(key)
            await pilot.pause()
            table = app.query_one(selector, BriefTable)
            assert table.row_count and check_cells(table) == [], (selector, size)


async def test_the_check_column_fits_the_longest_check_of_the_language_whatever_the_rows(library):
    """The first briefing has no figure whose sources differ; its Russian column still fits '≠ расходится'."""
    app = make_app(library, "kz-iaea-far-east-2025", "ru")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#statistics-table", BriefTable)
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        assert widths["check"] == max(cell_len(t) for t in ("✓ согласуется", "≠ расходится", "⚠ под вопросом"))


@pytest.mark.parametrize("room, wanted, least, expected", [
    (30, [10, 5, 5], [4, 5, 5], [20, 5, 5]),  # all fit: the first takes what is left over
    (20, [10, 5, 5], [4, 5, 5], [10, 5, 5]),  # exactly
    (14, [10, 5, 5], [4, 5, 5], [4, 5, 5]),  # the first gives way down to its least, the others stay whole
    (13, [10, 5, 5], [4, 5, 5], [5, 4, 4]),  # not even that: all give way alike, the first cut takes the odd cell
    (12, [10, 8, 3], [4, 4, 3], [5, 4, 3]),  # all cut to one width, leftovers to the first still cut
    (9, [10, 8, 3], [4, 4, 3], [3, 3, 3]),  # the least widths do not fit either: all give way alike
    (2, [10, 8, 3], [4, 4, 3], [1, 1, 1]),  # never below one cell, even when that does not fit
    (10, [2, 30], [2, 2], [2, 8]),
])
def test_columns_fit_the_room(room, wanted, least, expected):
    widths = fit_widths(room, wanted, least)
    assert widths == expected
    assert sum(widths) == room or min(widths) == 1


@pytest.mark.parametrize("locale", ["en_GB", "ru"])
async def test_every_figure_value_is_whole_with_its_source_mark_at_160x48(library, locale):
    """The value is the figure the reader came for: the label and the date give way to it first."""
    app = make_app(library, "opec-plus-q1-2026-pause", locale)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#statistics-table", BriefTable)
        _, rows = table._fill(table._room_in(table.size.width))
        lines = drawn_rows(table)[table.header_height:]
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        start = widths["label"] + 2 + 1
        shown = [_cells(line, start, widths["value"]).rstrip() for line in lines]
        assert shown == [cells[1].plain for _, cells in rows]
        assert check_cells(table) == []


@pytest.mark.parametrize("room, wanted, expected", [
    (80, [40, 20, 10, 12], [38, 20, 10, 12]),  # all fit: the label takes what is left over
    (52, [40, 20, 10, 12], [10, 20, 10, 12]),  # the date whole, the label cut to what is left
    (48, [40, 20, 10, 12], [8, 20, 8, 12]),  # the label and the date give way alike
    (46, [40, 20, 10, 12], [7, 20, 7, 12]),  # down to their least, the value still whole
    (45, [40, 20, 10, 12], [7, 19, 7, 12]),  # then the value gives way
    (38, [40, 20, 10, 12], [7, 12, 7, 12]),  # down to its least
    (37, [40, 20, 10, 12], [10, 9, 9, 9]),  # below that, all give way alike
    (35, [5, 20, 4, 12], [5, 14, 4, 12]),  # a short label and date keep what they want, no more
])
def test_the_value_takes_the_room_it_needs_before_the_label_and_the_date(room, wanted, expected):
    widths = figure_widths(room, wanted)
    assert widths == expected
    assert sum(widths) == room
