"""Panel 3: one row per comparison point, a column per source, and the selected point in full.

Cells are cut to the column width (the table must fit the panel), so the
detail below shows the selected row whole: every source's statement, value
conflicts, the note and the source-list entries it rests on.  Only the source
columns that fit are shown; a last column then counts the sources left out,
and in each row how many of them take a position on the point (a hundred
columns would be too narrow to read, and slow to build).  ← and → move the
shown columns along the sources, so that every source's column can be read;
`f` narrows the rows to the points that differ, or that one source reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from briefing.document import CoverageList, Paragraph, Point, flat
from briefing.i18n import N_, Localizer
from briefing.sanitize import one_line
from briefing.tui.language import PerLanguage
from briefing.tui.panels.base import Detail, TablePanel, source_entries
from briefing.tui.prose import BULLET, Row, blank, bullets, entry, heading, para
from briefing.tui.table import BriefTable, Column, Filling, cut, fit_widths

#: A status as a table cell: a mark that reads without colour, and a short word.
STATUS_CELLS = {
    "agree": ("✓", N_("agree")),
    "differ": ("≠", N_("differ")),
    "complement": ("+", N_("complement")),
    "single": ("1", N_("one source")),
    "none": ("–", N_("no source")),
}
#: Narrowest useful widths (in cells) of the question and of each source column.
MIN_QUESTION, MIN_SOURCE = 14, 12


class SourceColumns(NamedTuple):
    shown: int  # how many source columns
    question: int  # the question's width
    source: int  # each source column's width


def fit_sources(room: int, count: int, more_width: Callable[[int], int]) -> SourceColumns:
    """As many of `count` source columns as fit in `room` cells beside the question at two fifths.

    `room` is what the number and status columns leave; every column takes a
    cell of padding on either side; `more_width(n)` is the width of the column
    that counts `n` sources left out.  One source column is shown however
    narrow the room: the table then scrolls sideways.
    """
    for shown in range(count, 0, -1):
        hidden = count - shown
        free = room - 2 * shown - (more_width(hidden) + 2 if hidden else 0)
        question = max(MIN_QUESTION, free * 2 // 5)
        width = (free - question) // shown
        if width >= MIN_SOURCE or shown == 1:
            return SourceColumns(shown, question, max(MIN_SOURCE, width))
    return SourceColumns(0, max(MIN_QUESTION, room), 0)


#: What the comparison may be narrowed to, in the order `f` goes through them: every point, the points
#: whose sources differ, the points only one source speaks to.
FILTERS = ("all", "differ", "single")
FILTER_NAMES = {"all": N_("every point"), "differ": N_("only points that differ"),
                "single": N_("only points from one source")}


def window(first: int, shown: int, count: int) -> int:
    """The first of `shown` consecutive source columns out of `count`, as near `first` as they all fit."""
    return max(0, min(first, count - shown))


class ComparisonPanel(TablePanel):
    NUMBER = 3

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.filter = "all"
        self.first_source = 0  # the source the first source column shows, as the reader moved it
        self._points: PerLanguage[list[Point]] = PerLanguage()

    def compose(self) -> ComposeResult:
        yield Static(id="comparison-summary", markup=False)
        yield ComparisonTable(id="comparison-table", header_height=2)
        yield Detail(id="comparison-detail")

    def title(self, loc: Localizer) -> str:
        heading = self.app.section("comparison").heading
        if self.filter == "all":
            return heading
        return loc._("%(heading)s · %(filter)s: %(shown)s of %(count)s", heading=heading,
                     filter=loc._(FILTER_NAMES[self.filter]), shown=loc.number(len(self.points())),
                     count=loc.number(len(self.all_points())))

    def view(self) -> tuple:
        return self.filter, self.first_source

    def localize(self) -> None:
        if self.app.analysis is not self._filled:
            self.first_source = 0  # another briefing, other sources
        summary = next(b for b in self.app.section("comparison").blocks if isinstance(b, Paragraph))
        self.query_one("#comparison-summary", Static).update(Content(flat(summary.text)))
        super().localize()

    def next_filter(self) -> None:
        """Narrow the table to the next kind of point (`FILTERS`), the first row selected."""
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.show_title()
        self.query_one(BriefTable).show(self.filling, keep=False)
        self.show_detail()

    def move_sources(self, step: int) -> bool:
        """Show the source columns `step` sources further right (left when negative); False when there are
        none further that way."""
        table = self.query_one(ComparisonTable)
        shown = sum(1 for key in table.columns if str(key.value).startswith("source-"))
        count = len(self.compared())
        first = window(self.first_source, shown, count)
        moved = window(first + step, shown, count)
        if not shown or moved == first:
            return False
        self.first_source = moved
        table.show(self.filling, keep=True)
        return True

    def all_points(self) -> list[Point]:
        return [block for block in self.app.section("comparison").blocks if isinstance(block, Point)]

    def points(self) -> list[Point]:
        """The points the table shows: all of them, or those the filter keeps."""
        return self._points.get(self.app, lambda: [p for p in self.all_points()
                                                   if self.filter == "all" or p.status == self.filter], self.filter)

    def count(self) -> int:
        return len(self.points())

    def compared(self) -> list:
        """The source-list entries of the compared sources, in list order."""
        section = self.app.section("comparison")
        coverage = next(b for b in section.blocks if isinstance(b, CoverageList))
        entries = {e.number: e for b in self.app.section("sources").blocks for e in b.entries}
        return [entries[e.source] for e in coverage.entries]

    def fill(self, room: int) -> Filling:
        loc = self.app.loc
        points = self.points()
        sources = self.compared()
        statuses = [loc._(word) for _, word in STATUS_CELLS.values()]
        status_width = max(cell_len(s) for s in [loc._("Status"), *statuses]) + 2
        number_width = max(len(str(p.number)) for p in points) if points else 1

        def more(count: int) -> str:
            return "+" + loc.number(count)

        fit = fit_sources(room - 2 * 3 - status_width - number_width, len(sources),
                          lambda hidden: max(cell_len(more(hidden)), cell_len(MOVE)))
        first = window(self.first_source, fit.shown, len(sources))
        shown = range(first, first + fit.shown)
        hidden = len(sources) - fit.shown
        columns = [Column("number", "#", number_width), Column("question", loc._("Question"), fit.question),
                   Column("status", loc._("Status"), status_width)]
        columns += [Column(f"source-{sources[n].id}", f"{sources[n].outlet}\n{sources[n].language} · "
                           f"{sources[n].short_published}", fit.source) for n in shown]
        if hidden:
            columns.append(Column("more", f"{more(hidden)}\n{MOVE}", max(cell_len(more(hidden)), cell_len(MOVE))))
        wanted = [column.width for column in columns]
        if sum(wanted) + 2 * len(columns) > room:  # narrower than the narrowest useful columns: all give way
            least = [number_width, MIN_QUESTION, status_width, *[MIN_SOURCE] * fit.shown, *wanted[3 + fit.shown:]]
            columns = [column._replace(width=width) for column, width
                       in zip(columns, fit_widths(room - 2 * len(columns), wanted, least))]
        rows = []
        for point in points:
            mark, word = STATUS_CELLS[point.status]
            cells = [cut(str(point.number)), cut(point.question),
                     cut(f"{mark} {loc._(word)}", "bold" if point.status == "differ" else "")]
            # A point lists every compared source's statement, in the order of the sources.
            for n in shown:
                statement = point.statements[n]
                cells.append(cut(one_line(statement.text)) if statement.mentioned else cut(statement.text, "italic dim"))
            if hidden:
                elsewhere = sum(s.mentioned for n, s in enumerate(point.statements) if n not in shown)
                cells.append(cut(more(elsewhere) if elsewhere else ""))
            rows.append((point.id, cells))
        return Filling(columns, rows)

    def detail(self, row: int) -> list[Row]:
        points = self.points()
        if not points:
            return unsearched(para(self.app.loc._("No points of this kind: f shows the others."), "italic"))
        point = points[row]
        cited = [statement.source for statement in point.statements if statement.mentioned]
        rows = self.own(row, silent=True)
        if cited:
            sources = self.app.section("sources")
            rows += [*blank(), *unsearched(heading(sources.heading)), *source_entries(sources, cited, searched=False)]
        return [*rows, *blank(), *self.tail()]

    def cited(self) -> list[int]:
        points = self.points()
        if not points:
            return []
        point = points[self.query_one(BriefTable).cursor_row]
        return [statement.source for statement in point.statements if statement.mentioned]

    def own(self, row: int, silent: bool) -> list[Row]:
        return point_rows(self.points()[row], silent)

    def tail(self) -> list[Row]:
        if not self.points():
            return []
        coverage = next(b for b in self.app.section("comparison").blocks if isinstance(b, CoverageList))
        return [*heading(coverage.title), *_coverage(coverage)]


class ComparisonTable(BriefTable):
    """The comparison's table, whose ← and → bring the hidden sources' columns into view before they scroll
    sideways."""

    def action_cursor_right(self) -> None:
        if not self._panel().move_sources(1):
            super().action_cursor_right()

    def action_cursor_left(self) -> None:
        if not self._panel().move_sources(-1):
            super().action_cursor_left()

    def _panel(self) -> ComparisonPanel:
        panel = self.parent
        assert isinstance(panel, ComparisonPanel)
        return panel


#: Under the count of the source columns left out: the keys that bring them into view.
MOVE = "← →"


def unsearched(rows: list[Row]) -> list[Row]:
    return [row._replace(searched=False) for row in rows]


def point_rows(point: Point, silent: bool = True) -> list[Row]:
    """The point as the printed brief gives it: question, status, what each source says, the findings.

    With `silent`, the sources that do not mention it say so too, in italics,
    rows a search skips: the message is the interface's, not the source's.
    """
    statements = []
    for statement in point.statements:
        if statement.mentioned:
            statements += entry(f"[{statement.source}]", [Content.assemble((statement.outlet, "bold"), ": ",
                                                                            statement.text)])
        elif silent:
            statements += entry(f"[{statement.source}]", [Content.assemble(
                (statement.outlet, "bold"), ": ", Content.styled(statement.text, "italic"))], searched=False)
    rows = [
        *heading(f"{point.number}. {point.question}"),
        *para(point.status_text),
        *statements,
        *bullets((flat(conflict) for conflict in point.conflicts), mark="!"),
        *bullets([flat(point.outliers)] if point.outliers else [], mark="!"),
        *(row for note in point.precision_notes for row in para(flat(note))),
    ]
    if point.note:
        rows += para(point.note)
    return rows


def _coverage(coverage: CoverageList) -> list[Row]:
    rows = []
    for cover in coverage.entries:
        lines = [flat(cover.text)]
        if cover.only_here:
            lines.append(cover.only_here)
        rows += entry(BULLET, lines)
    return rows
