"""What the four panels share: a numbered, localized title, the detail area and source-list entries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable

from briefing.analysis import Analysis
from briefing.document import Block, Items, Paragraph, Rows, Section, flat
from briefing.i18n import Localizer
from briefing.tui.language import Localized, PerLanguage
from briefing.tui.prose import Prose, Row, blank, bullets, entry, heading, labelled, para
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
        # the same brief, in another language or read again from its file: the reader's place stays
        keep = self._filled is not None and self._filled.brief.id == self.app.analysis.brief.id
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


def source_entries(section: Section, numbers: Iterable[int] | None = None) -> list[Row]:
    """Entries of the document's source list (those numbered `numbers`, or all) as the printed brief gives
    them: outlet, kind, date, headline, address, reliability."""
    wanted = None if numbers is None else set(numbers)
    rows: list[Row] = []
    for block in section.blocks:
        for source in getattr(block, "entries", ()):
            if wanted is not None and source.number not in wanted:
                continue
            lines = [Content.styled(source.summary, "bold")]
            if source.headline:
                lines.append(Content.styled(source.headline, "italic"))
            lines.append(Content.styled(source.url, "underline"))
            lines.append(Content(source.reliability))
            rows += entry(f"[{source.number}]", lines)
    return rows


def block_rows(blocks: Iterable[Block]) -> list[Row]:
    """Labelled rows, lists and paragraphs as the printed brief sets them out, a blank line between blocks."""
    rows: list[Row] = []
    for n, block in enumerate(blocks):
        if n:
            rows += blank()
        if isinstance(block, Rows):
            rows += labelled((str(row.label), flat(row.text)) for row in block.rows)
        elif isinstance(block, Items):
            if block.title is not None:
                rows += heading(block.title)
            rows += bullets(flat(item) for item in block.items)
        elif isinstance(block, Paragraph):
            rows += para(flat(block.text))
    return rows
