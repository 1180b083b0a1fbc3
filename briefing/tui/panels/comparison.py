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
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from briefing.analysis import Analysis, PointResult
from briefing.i18n import N_, Localizer
from briefing.sanitize import one_line, plain
from briefing.document import (STATUS_LABELS, comparison_summary, coverage_line, outlier_line, precision_line,
                               refs, source_name, value_text)
from briefing.tui.panels.base import Detail, TablePanel, short_moment, source_entries
from briefing.tui.prose import BULLET, Row, blank, bullets, entry, heading, para
from briefing.tui.table import BriefTable, Column, Filling, cut

if TYPE_CHECKING:  # the views read validated briefings, cached ones included, without pydantic
    from briefing.model import Source

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
        return loc._("Source comparison")

    def localize(self) -> None:
        self.query_one("#comparison-summary", Static).update(
            Content(comparison_summary(self.app.loc, self.app.analysis)))
        super().localize()

    def fill(self, room: int) -> Filling:
        loc, analysis = self.app.loc, self.app.analysis
        sources = analysis.compared
        statuses = [loc._(word) for _, word in STATUS_CELLS.values()]
        status_width = max(cell_len(s) for s in [loc._("Status"), *statuses]) + 2
        number_width = len(str(len(analysis.points)))

        def more(count: int) -> str:
            return "+" + loc.number(count)

        fit = fit_sources(room - 2 * 3 - status_width - number_width, len(sources),
                          lambda hidden: cell_len(more(hidden)))
        shown, hidden = sources[:fit.shown], sources[fit.shown:]
        columns = [Column("number", "#", number_width), Column("question", loc._("Question"), fit.question),
                   Column("status", loc._("Status"), status_width)]
        columns += [Column(f"source-{s.id}", f"{source_name(loc, s)}\n{_source_line(loc, s)}", fit.source)
                    for s in shown]
        if hidden:
            columns.append(Column("more", more(len(hidden)), cell_len(more(len(hidden)))))
        left_out = {s.id for s in hidden}
        rows = []
        for number, result in enumerate(analysis.points, start=1):
            said = {p.source: p for p in result.point.positions}
            mark, word = STATUS_CELLS[result.status]
            cells = [Text(str(number)), cut(one_line(loc.text(result.point.question))),
                     Text(f"{mark} {loc._(word)}", style="bold" if result.status == "differ" else "")]
            for source in shown:
                position = said.get(source.id)
                cells.append(cut(one_line(loc.text(position.says))) if position
                             else cut(loc._("does not mention it"), "italic dim"))
            if hidden:
                elsewhere = len(left_out.intersection(said))
                cells.append(Text(more(elsewhere) if elsewhere else ""))
            rows.append((result.point.id, cells))
        return Filling(columns, rows)

    def detail(self, row: int) -> list[Row]:
        analysis = self.app.analysis
        return point_detail(self.app.loc, analysis, row + 1, analysis.points[row]) if analysis.points else []


def _source_line(loc: Localizer, source: Source) -> str:
    """'Russian · Nov 22, 2025': the second header line of a source column."""
    return f"{loc.language_name(source.language)} · {short_moment(loc, source.published)}"


def point_detail(loc: Localizer, analysis: Analysis, number: int, result: PointResult) -> list[Row]:
    """The point as the printed brief gives it, then the entries of the sources it cites."""
    point = result.point
    said = {p.source: p for p in point.positions}
    statements = []
    for source in analysis.compared:
        position = said.get(source.id)
        statement = (Content(plain(loc.text(position.says))) if position
                     else Content.styled(loc._("does not mention it"), "italic"))
        statements += entry(f"[{analysis.numbers[source.id]}]",
                            [Content.assemble((source_name(loc, source), "bold"), ": ", statement)])
    rows = [
        *heading(f"{number}. {one_line(loc.text(point.question))}"),
        *para(loc._("Status: %(status)s", status=loc._(STATUS_LABELS[result.status]))),
        *statements,
        *bullets((loc._("Value %(value)s given by %(sources)s", value=value_text(loc, analysis, claim.value),
                        sources=refs(analysis, claim.sources).strip()) for claim in result.conflicts), mark="!"),
        *bullets([outlier_line(loc, analysis, result)] if result.outliers else [], mark="!"),
        *(row for note in result.precision_notes for row in para(precision_line(loc, analysis, note))),
    ]
    if point.note:
        rows += para(loc._("Note: %(note)s", note=plain(loc.text(point.note))))
    cited = [p.source for p in point.positions]
    if cited:
        rows += [*blank(), *heading(loc._("Sources")), *source_entries(analysis, loc, cited)]
    return [*rows, *blank(), *heading(loc._("Coverage by source")), *_coverage(loc, analysis)]


def _coverage(loc: Localizer, analysis: Analysis) -> list[Row]:
    rows = []
    for cover in analysis.coverage:
        if cover.source not in analysis.compared:
            continue
        lines = [coverage_line(loc, analysis, cover)]
        if cover.only_here:
            lines.append(loc._("Only here: %(points)s",
                               points="; ".join(one_line(loc.text(p.question)) for p in cover.only_here)))
        rows += entry(BULLET, lines)
    return rows
