"""Panel 3: one row per comparison point, a column per source, and the selected point in full.

Cells are cut to the column width (the table must fit the panel), so the
detail below shows the selected row whole: every source's statement, value
conflicts, the note and the source-list entries it rests on.  Only the source
columns that fit are shown; a last column then counts the sources left out,
and in each row how many of them take a position on the point (a hundred
columns would be too narrow to read, and slow to build).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from briefing.document import CoverageList, Paragraph, Point, Section, flat
from briefing.i18n import N_, Localizer
from briefing.sanitize import one_line
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


class ComparisonPanel(TablePanel):
    NUMBER = 3

    def compose(self) -> ComposeResult:
        yield Static(id="comparison-summary", markup=False)
        yield BriefTable(id="comparison-table", header_height=2)
        yield Detail(id="comparison-detail")

    def title(self, loc: Localizer) -> str:
        return self.app.section("comparison").heading

    def localize(self) -> None:
        summary = next(b for b in self.app.section("comparison").blocks if isinstance(b, Paragraph))
        self.query_one("#comparison-summary", Static).update(Content(flat(summary.text)))
        super().localize()

    def points(self) -> list[Point]:
        return [block for block in self.app.section("comparison").blocks if isinstance(block, Point)]

    def fill(self, room: int) -> Filling:
        loc = self.app.loc
        section = self.app.section("comparison")
        points = self.points()
        coverage = next(b for b in section.blocks if isinstance(b, CoverageList))
        entries = {e.number: e for b in self.app.section("sources").blocks for e in b.entries}
        sources = [entries[e.source] for e in coverage.entries]  # the compared sources, in list order
        statuses = [loc._(word) for _, word in STATUS_CELLS.values()]
        status_width = max(cell_len(s) for s in [loc._("Status"), *statuses]) + 2
        number_width = len(str(len(points)))

        def more(count: int) -> str:
            return "+" + loc.number(count)

        fit = fit_sources(room - 2 * 3 - status_width - number_width, len(sources),
                          lambda hidden: cell_len(more(hidden)))
        shown, hidden = sources[:fit.shown], sources[fit.shown:]
        columns = [Column("number", "#", number_width), Column("question", loc._("Question"), fit.question),
                   Column("status", loc._("Status"), status_width)]
        columns += [Column(f"source-{s.id}", f"{s.outlet}\n{s.language} · {s.short_published}", fit.source)
                    for s in shown]
        if hidden:
            columns.append(Column("more", more(len(hidden)), cell_len(more(len(hidden)))))
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
            # A point lists every compared source's statement, in the order of the columns.
            for statement in point.statements[:fit.shown]:
                cells.append(cut(one_line(statement.text)) if statement.mentioned else cut(statement.text, "italic dim"))
            if hidden:
                elsewhere = sum(statement.mentioned for statement in point.statements[fit.shown:])
                cells.append(cut(more(elsewhere) if elsewhere else ""))
            rows.append((point.id, cells))
        return Filling(columns, rows)

    def detail(self, row: int) -> list[Row]:
        section = self.app.section("comparison")
        points = self.points()
        if not points:
            return []
        coverage = next(b for b in section.blocks if isinstance(b, CoverageList))
        return point_detail(points[row], coverage, self.app.section("sources"))


def point_detail(point: Point, coverage: CoverageList, sources: Section) -> list[Row]:
    """The point as the printed brief gives it, then the entries of the sources it cites."""
    statements = []
    for statement in point.statements:
        said = Content(statement.text) if statement.mentioned else Content.styled(statement.text, "italic")
        statements += entry(f"[{statement.source}]", [Content.assemble((statement.outlet, "bold"), ": ", said)])
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
    cited = [statement.source for statement in point.statements if statement.mentioned]
    if cited:
        rows += [*blank(), *heading(sources.heading), *source_entries(sources, cited)]
    return [*rows, *blank(), *heading(coverage.title), *_coverage(coverage)]


def _coverage(coverage: CoverageList) -> list[Row]:
    rows = []
    for cover in coverage.entries:
        lines = [flat(cover.text)]
        if cover.only_here:
            lines.append(cover.only_here)
        rows += entry(BULLET, lines)
    return rows
