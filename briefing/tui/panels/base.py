"""What the four panels share: a numbered, localized title, the detail area and source-list entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import DataTable

from briefing.analysis import Analysis
from briefing.i18n import Localizer
from briefing.sanitize import one_line, plain
from briefing.text import SOURCE_KINDS, source_name
from briefing.tui.language import Localized
from briefing.tui.prose import Prose, Row, entry
from briefing.tui.table import BriefTable


class Panel(Localized):
    """One of the four panels; keys 1–4 focus `entry`, its title carries its number."""

    NUMBER: ClassVar[int]

    def title(self, loc: Localizer) -> str:
        raise NotImplementedError

    @property
    def entry(self) -> Widget:
        """The widget that keys 1–4 land on."""
        return self  # type: ignore[return-value]

    def show_title(self) -> None:
        self.border_title = Content(f"{self.NUMBER} {self.title(self.app.loc)}")


class TablePanel(Panel, Vertical):
    """A panel whose table is refilled in place and whose detail follows the selected row."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: Analysis | None = None
        self._width = 0

    @property
    def entry(self) -> BriefTable:
        return self.query_one(BriefTable)

    def localize(self) -> None:
        self.show_title()
        self.fill(keep=self.app.analysis is self._shown)
        self._shown = self.app.analysis
        self.show_detail()

    def fill(self, keep: bool) -> None:
        """Refill the table; with `keep`, the selected row and scroll stay."""
        raise NotImplementedError

    def show_detail(self) -> None:
        raise NotImplementedError

    def on_resize(self, event: Resize) -> None:
        """Column widths follow the panel's width; its height changes with the detail and does not matter."""
        if self._shown is not None and event.size.width != self._width:
            self._width = event.size.width
            self.fill(keep=True)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_detail()


class Detail(VerticalScroll):
    """The selected row in full, beside a table whose cells are cut to fit; focusable so it can scroll."""

    def compose(self) -> ComposeResult:
        yield Prose()

    def show(self, rows: list[Row]) -> None:
        self.query_one(Prose).show(rows)


def short_moment(loc: Localizer, value) -> str:
    """A date in its short form ('Nov 19, 2025') when known to the day, else as precise as it is."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        value = value.as_date() or value
    return loc.short_date(value) if isinstance(value, dt.date) else loc.moment(value)


def source_entries(analysis: Analysis, loc: Localizer, source_ids: Iterable[str]) -> list[Row]:
    """Source-list entries as the printed brief gives them: number, outlet, kind, date, address, reliability."""
    wanted = set(source_ids)
    rows: list[Row] = []
    for source in analysis.brief.sources:
        if source.id not in wanted:
            continue
        lines = [Content.styled(loc._("%(outlet)s — %(kind)s, %(language)s, %(published)s",
                                      outlet=source_name(loc, source), kind=loc._(SOURCE_KINDS[source.kind]),
                                      language=loc.language_name(source.language),
                                      published=loc.moment(source.published)), "bold")]
        if source.headline:
            lines.append(Content.styled(one_line(loc.text(source.headline)), "italic"))
        lines.append(Content.styled(one_line(source.url), "underline"))
        lines.append(Content(loc._("Reliability: %(note)s", note=plain(loc.text(source.reliability)))))
        rows += entry(f"[{analysis.numbers[source.id]}]", lines)
    return rows
