"""What the four panels share: a numbered, localized title, the detail area and source-list entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable

from briefing.analysis import Analysis
from briefing.i18n import Localizer
from briefing.sanitize import one_line, plain
from briefing.document import SOURCE_KINDS, source_name
from briefing.tui.language import Localized, PerLanguage
from briefing.tui.prose import Prose, Row, entry
from briefing.tui.table import BriefTable, Filling


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


class ProsePanel(Panel, VerticalScroll):
    """A panel of text, which scrolls on its own when the panels are side by side."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: PerLanguage[list[Row]] = PerLanguage()

    def compose(self) -> ComposeResult:
        yield Prose()

    def localize(self) -> None:
        self.show_title()
        self.query_one(Prose).show(self._rows.get(self.app, self.rows))

    def rows(self) -> list[Row]:
        """What the panel says, in the current language."""
        raise NotImplementedError


class TablePanel(Panel, Vertical):
    """A panel whose table is filled for its width and whose detail shows the selected row in full."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._filled: Analysis | None = None  # what the table shows
        self._fillings: PerLanguage[Filling] = PerLanguage()
        self._details: PerLanguage[list[Row]] = PerLanguage()

    @property
    def entry(self) -> BriefTable:
        return self.query_one(BriefTable)

    def localize(self) -> None:
        self.show_title()
        keep = self.app.analysis is self._filled
        self._filled = self.app.analysis
        self.query_one(BriefTable).show(self.filling, keep)
        self.show_detail()

    def filling(self, room: int) -> Filling:
        return self._fillings.get(self.app, lambda: self.fill(room), room)

    def fill(self, room: int) -> Filling:
        """The table's columns and rows in the current language, fitted to `room` cells."""
        raise NotImplementedError

    def show_detail(self) -> None:
        """Show the selected row in full."""
        row = self.query_one(BriefTable).cursor_row
        self.query_one(Detail).show(self._details.get(self.app, lambda: self.detail(row), row))

    def detail(self, row: int) -> list[Row]:
        raise NotImplementedError

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
