"""A row-cursor DataTable that can be refilled in place.

A language switch or a resize rebuilds headers and cells; the reader's
selected row and scroll position must survive that, so `fill` puts them back.
Cells are `rich.text.Text`: DataTable parses plain strings as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.text import Text
from textual.widgets import DataTable


class Column(NamedTuple):
    """A column to fill: a stable key, a header and a width (None: fit the content)."""

    key: str
    label: str
    width: int | None = None


def cut(text: str, style: str = "") -> Text:
    """A one-line cell that shows where it was cut."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


class BriefTable(DataTable):
    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", cursor_foreground_priority="renderable", **kwargs)

    @property
    def room(self) -> int:
        """Cells the columns may fill without a horizontal scrollbar, whether or not rows overflow."""
        return self.size.width - self.styles.scrollbar_size_vertical

    def fill(self, columns: Sequence[Column], rows: Sequence[tuple[str, Sequence[Text]]], keep: bool) -> None:
        """Replace every header and cell; with `keep`, the cursor row and scroll stay where they were."""
        row, scroll_x, scroll_y = self.cursor_row, self.scroll_x, self.scroll_y
        self.clear(columns=True)
        for column in columns:
            self.add_column(Text(column.label, overflow="ellipsis", no_wrap=True),
                            key=column.key, width=column.width)
        for key, cells in rows:
            self.add_row(*cells, key=key)
        if keep and rows:
            self.move_cursor(row=min(row, len(rows) - 1), scroll=False)
            self.scroll_to(scroll_x, scroll_y, animate=False, immediate=True)
