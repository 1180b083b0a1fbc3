"""A row-cursor DataTable filled for its width, the way `Prose` wraps for its width.

A panel hands the table a function from the width to headers and cells; the
table calls it when the layout gives it a width, so the first screen shows it
filled and fitted, and again at every new width.  When only headers, widths
and cells change (a language switch, a resize), they change where they stand:
the reader's selected row and scroll position stay, and nothing is measured
again.  Cells are `rich.text.Text`: DataTable parses plain strings as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets._data_table import RowRenderables

from briefing.find import fold, spans
from briefing.tui.prose import MATCH_STYLE
from briefing.tui.steady import SteadyScrollBars

Rows = Sequence[tuple[str, Sequence[Text]]]


class Column(NamedTuple):
    """A column to fill: a stable key, a header and a width in cells."""

    key: str
    label: str
    width: int


class Filling(NamedTuple):
    columns: Sequence[Column]
    rows: Rows


#: What a panel gives the table: its columns and rows for a room of so many cells.
Fill = Callable[[int], Filling]


def fit_widths(room: int, wanted: Sequence[int], least: Sequence[int]) -> list[int]:
    """Widths in cells for columns that want `wanted` cells each, filling `room` cells (padding left out).

    The first column is the one that gives and takes: when all fit, each
    column gets what it wants and the first one what is left over; when the
    others fit whole beside the first at its `least`, it takes what they
    leave.  Otherwise the widest give way first, all cut to one width but none
    below its `least` (nor below what it wants, when that is less); when even
    those do not fit, all give way alike down to one cell.  The widths then
    add up to `room`, so the table never scrolls sideways and every cut cell
    shows its "…".
    """
    if not wanted:
        return []
    rest = sum(wanted[1:])
    if rest + min(wanted[0], least[0]) <= room:
        return [room - rest, *wanted[1:]]
    floors = [min(w, f) for w, f in zip(wanted, least)]
    if sum(floors) > room:
        floors = [min(w, 1) for w in wanted]

    def widths_at(cap: int) -> list[int]:
        return [max(f, min(w, cap)) for w, f in zip(wanted, floors)]

    low, high = 0, max(wanted)  # the widest common cap that fits: sum(widths_at(cap)) grows with cap
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(widths_at(middle)) <= room else (low, middle - 1)
    widths = widths_at(low)
    spare = room - sum(widths)  # what a common cap cannot share out goes to the first columns still cut
    for n, want in enumerate(wanted):
        if spare > 0 and widths[n] < want:
            widths[n] += 1
            spare -= 1
    return widths


def cut(text: str, style: str = "") -> Text:
    """A one-line cell that shows where it was cut."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def header(label: str) -> Text:
    """A column header, cut like the cells."""
    return Text(label, overflow="ellipsis", no_wrap=True)


class BriefTable(SteadyScrollBars, DataTable):
    """A table of rows to choose from, moved through as in `less` or `vim` too; a search marks its cells.

    Home and End (and g, G) go to the first and last row; ← and → scroll
    sideways.  The keys in brackets are the same keys with a Russian (ЙЦУКЕН)
    layout on.
    """

    BINDINGS = [
        Binding("j,о", "cursor_down", show=False),
        Binding("k,л", "cursor_up", show=False),
        Binding("home,g,п", "scroll_top", show=False),
        Binding("end,G,П", "scroll_bottom", show=False),
        Binding("ctrl+d", "half_page(1)", show=False),
        Binding("ctrl+u", "half_page(-1)", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", cursor_foreground_priority="renderable", **kwargs)
        self._needle = ""  # a search's folded query, marked in the cells (see briefing.find)
        self._fill: Fill | None = None
        self._keep = False
        self._room: int | None = None  # what the cells were fitted to
        self._keys: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    def action_half_page(self, direction: int) -> None:
        """Move the cursor half the rows in view down (1) or up (-1)."""
        rows = max(1, (self.scrollable_content_region.height - self.header_height) // 2)
        self.move_cursor(row=max(0, min(self.row_count - 1, self.cursor_row + direction * rows)))

    def mark(self, needle: str) -> None:
        """Mark the matches of `needle` in every cell ('' marks none), redrawing the rows in view that hold
        a match of it or of the needle before."""
        if needle != self._needle:
            self._forget(self._needle, needle)
            self._needle = needle
            self.refresh()

    def _forget(self, *needles: str) -> None:
        """Drop what DataTable (Textual 8.2.8) keeps of the cells it drew that hold a match of `needles`,
        and of every row out of view: drawing a cell is what costs, and the others look the same.  Its
        caches are keyed by cell, by row (its key, or its place in the table) and, for lines, by line."""
        top = int(self.scroll_y)
        marked: set[tuple[object, object]] = set()  # (row key, column key) of the cells in view to draw again
        kept = {self._header_row_key}  # rows in view
        columns = [column.key for column in self.ordered_columns]
        for index in range(top, min(self.row_count, top + self.size.height)):
            row = self._row_locations.get_key(index)
            kept.add(row)
            for column, cell in zip(columns, self.get_row_at(index)):
                if isinstance(cell, Text) and any(needle and needle in fold(cell.plain) for needle in needles):
                    marked.add((row, column))
        changed = {row for row, _ in marked}
        for key in [key for key in self._cell_render_cache.keys() if key[0] not in kept or key[:2] in marked]:
            self._cell_render_cache.discard(key)
        for key in [key for key in self._row_render_cache.keys() if key[0] not in kept or key[0] in changed]:
            self._row_render_cache.discard(key)
        for key in [key for key in self._row_renderable_cache.keys() if key[1] >= 0 and (
                self._row_locations.get_key(key[1]) not in kept or self._row_locations.get_key(key[1]) in changed)]:
            self._row_renderable_cache.discard(key)
        self._line_cache.clear()

    def _compute_row_renderables(self, row_index: int) -> RowRenderables:
        """A row's cells as DataTable draws them, with the search's matches marked."""
        renderables = super()._compute_row_renderables(row_index)
        if not self._needle or row_index < 0:
            return renderables
        cells = []
        for cell in renderables.cells:
            if isinstance(cell, Text):
                found = spans(self._needle, fold(cell.plain))
                if found:
                    cell = cell.copy()
                    for start, end in found:
                        cell.stylize(MATCH_STYLE, start, end)
            cells.append(cell)
        return RowRenderables(renderables.label, cells)

    def show(self, fill: Fill, keep: bool) -> None:
        """Fill the table from `fill` at its present width; with `keep`, the cursor row and scroll stay.

        Before the first layout the width is not known yet: the rows are there
        all the same (the layout needs their number, the keys a cursor), and
        the columns are fitted when the table is first drawn.
        """
        self._fill, self._keep, self._room = fill, keep, None
        self._fit(self._room_in(self.size.width))

    def render_lines(self, crop: Region) -> list[Strip]:
        """The layout has given the table its width: fit the columns to it before drawing."""
        room = self._room_in(self.size.width)
        if self._fill is not None and room != self._room:
            self._fit(room)
        return super().render_lines(crop)

    def _room_in(self, width: int) -> int:
        """Cells the columns may fill without a horizontal scrollbar, whether or not rows overflow."""
        return width - self.styles.scrollbar_size_vertical

    def _fit(self, room: int) -> None:
        assert self._fill is not None
        columns, rows = self._fill(room)
        keys = tuple(c.key for c in columns), tuple(key for key, _ in rows)
        if self._keep and rows and keys == self._keys:
            self._update(columns, rows)
        else:
            self._rebuild(columns, rows)
        self._keys, self._room, self._keep = keys, room, True

    def _measure(self) -> None:
        """Set the scrollable size now: DataTable measures rows when idle, a frame late, but these are
        one line each, in columns of fixed widths."""
        self.virtual_size = Size(sum(c.get_render_width(self) for c in self.columns.values()),
                                 (self.header_height if self.show_header else 0) + self.row_count)

    def _update(self, columns: Sequence[Column], rows: Rows) -> None:
        for column in columns:
            shown = self.columns[column.key]  # type: ignore[index]  # a ColumnKey equals its string
            shown.label, shown.width = header(column.label), column.width
        for key, cells in rows:
            for column, cell in zip(columns, cells):
                self.update_cell(key, column.key, cell)
        self._measure()

    def _rebuild(self, columns: Sequence[Column], rows: Rows) -> None:
        row, scroll_x, scroll_y = self.cursor_row, self.scroll_x, self.scroll_y
        self.clear(columns=True)
        for column in columns:
            self.add_column(header(column.label), key=column.key, width=column.width)
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self._measure()
        if self._keep and rows:
            self.move_cursor(row=min(row, len(rows) - 1), scroll=False)
            self.scroll_to(scroll_x, scroll_y, animate=False, immediate=True)
