"""What the four panels share: a numbered, localized title, the detail area and source-list entries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widget import Widget
from textual.widgets import DataTable

from briefing.analysis import Analysis
from briefing.document import Block, Items, Paragraph, Rows, Section, flat
from briefing.i18n import Localizer
from briefing.links import link_target
from briefing.tui.language import Localized, PerLanguage
from briefing.tui.movement import Scroll
from briefing.tui.prose import Prose, Row, blank, bullets, entry, heading, labelled, para
from briefing.tui.steady import SizedByLayout
from briefing.tui.table import BriefTable, Filling


class Searched(NamedTuple):
    """Text a search looks through, and where the panel shows it.

    `texts` are the labels and texts of the rows, in the order the prose
    shows them; `row` is the table row whose detail shows them, None for the
    panel's own prose or for what ends every detail (`tail`), whose matches
    are then counted from the detail's end.
    """

    row: int | None
    texts: list[str]
    tail: bool = False


def searched_texts(rows: Iterable[Row]) -> list[str]:
    """The labels and texts of the rows a search looks through, in order."""
    return [part for row in rows if row.searched for part in (row.label.plain, row.text.plain)]


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

    def search_units(self) -> list[Searched]:
        """What a search looks through in this panel, in the order it is shown."""
        raise NotImplementedError

    def prose_for(self, unit: Searched) -> Prose:
        """The prose that shows a unit's text once the panel has brought it into view (`bring`)."""
        raise NotImplementedError

    def bring(self, unit: Searched) -> None:
        """Show what holds the unit: nothing to do for a panel of prose; a table selects the unit's row."""


class ProsePanel(Panel, Scroll):
    """A panel of text, which scrolls on its own when the panels are side by side."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: PerLanguage[list[Row]] = PerLanguage()
        self._units: PerLanguage[list[Searched]] = PerLanguage()

    def compose(self) -> ComposeResult:
        yield Prose()

    def localize(self) -> None:
        self.show_title()
        self.query_one(Prose).show(self._rows.get(self.app, self.rows))

    def rows(self) -> list[Row]:
        """What the panel says, in the current language."""
        raise NotImplementedError

    def search_units(self) -> list[Searched]:
        return self._units.get(self.app, lambda: [Searched(None, searched_texts(self._rows.get(self.app, self.rows)))])

    def prose_for(self, unit: Searched) -> Prose:
        return self.query_one(Prose)


class TablePanel(Panel, Vertical):
    """A panel whose table is filled for its width and whose detail shows the selected row in full.

    A detail begins with the row's own text (`own`), which a search counts
    for that row; what it repeats from elsewhere (the source list) is not
    searched; and what ends every detail (`tail`) is counted once.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._filled: Analysis | None = None  # what the table shows
        self._fillings: PerLanguage[Filling] = PerLanguage()
        self._details: PerLanguage[list[Row]] = PerLanguage()
        self._units: PerLanguage[list[Searched]] = PerLanguage()

    @property
    def entry(self) -> BriefTable:
        return self.query_one(BriefTable)

    def view(self) -> tuple:
        """What the reader chose to see besides the language (a filter, a window on columns): part of the
        key under which fillings, details and search units are kept."""
        return ()

    def localize(self) -> None:
        self.show_title()
        # the same brief, in another language or read again from its file: the reader's place stays
        keep = self._filled is not None and self._filled.brief.id == self.app.analysis.brief.id
        self._filled = self.app.analysis
        self.query_one(BriefTable).show(self.filling, keep)
        self.show_detail()

    def filling(self, room: int) -> Filling:
        return self._fillings.get(self.app, lambda: self.fill(room), room, *self.view())

    def fill(self, room: int) -> Filling:
        """The table's columns and rows in the current language, fitted to `room` cells."""
        raise NotImplementedError

    def show_detail(self) -> None:
        """Show the selected row in full."""
        row = self.query_one(BriefTable).cursor_row
        self.query_one(Detail).show(self._details.get(self.app, lambda: self.detail(row), row, *self.view()))

    def detail(self, row: int) -> list[Row]:
        raise NotImplementedError

    def count(self) -> int:
        """How many rows the table shows."""
        raise NotImplementedError

    def own(self, row: int, silent: bool) -> list[Row]:
        """What a row's detail begins with, its own text; `silent` adds the rows a search skips."""
        raise NotImplementedError

    def tail(self) -> list[Row]:
        """What ends every row's detail."""
        return []

    def cited(self) -> list[int]:
        """The numbers, in the source list, of the sources the selected row rests on."""
        raise NotImplementedError

    def search_units(self) -> list[Searched]:
        def units() -> list[Searched]:
            found = [Searched(row, searched_texts(self.own(row, silent=False))) for row in range(self.count())]
            return [*found, Searched(None, searched_texts(self.tail()), tail=True)]

        return self._units.get(self.app, units, *self.view())

    def prose_for(self, unit: Searched) -> Prose:
        return self.query_one(Detail).query_one(Prose)

    def bring(self, unit: Searched) -> None:
        if unit.row is not None:
            table = self.query_one(BriefTable)
            table.move_cursor(row=unit.row, animate=False)
            self.show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_detail()


class Detail(SizedByLayout, Scroll):
    """The selected row in full, beside a table whose cells are cut to fit; focusable so it can scroll."""

    def compose(self) -> ComposeResult:
        yield Prose()

    def show(self, rows: list[Row]) -> None:
        self.query_one(Prose).show(rows)


def source_entries(section: Section, numbers: Iterable[int] | None = None, searched: bool = True) -> list[Row]:
    """Entries of the document's source list (those numbered `numbers`, or all) as the printed brief gives
    them: outlet, kind, date, headline, address, reliability.  The address takes one line, cut with "…"
    when longer, never broken; a web address is a link to itself.  Entries repeated beside a point or a
    figure are not `searched`: a search finds each source once, in the source list."""
    wanted = None if numbers is None else set(numbers)
    rows: list[Row] = []
    for block in section.blocks:
        for source in getattr(block, "entries", ()):
            if wanted is not None and source.number not in wanted:
                continue
            lines = [Content.styled(source.summary, "bold")]
            if source.headline:
                lines.append(Content.styled(source.headline, "italic"))
            lines.append(address(source.url))
            lines.append(Content(source.reliability))
            shown = entry(f"[{source.number}]", lines, searched)
            at = 2 if source.headline else 1
            rows += [*shown[:at], shown[at]._replace(most=1), *shown[at + 1:]]
    return rows


def address(url: str) -> Content:
    """An address, underlined, and a link to itself when it is a web address of visible ASCII."""
    target = link_target(url)
    return Content.styled(url, Style(underline=True, link=target) if target else "underline")


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
