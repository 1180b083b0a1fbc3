"""Panel 4: the reported figures, bars of operating against under construction, and the selected figure in full.

A flagged figure is marked in the table and, in the detail, explained with
the rules that fired and the reference values; it is never corrected.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult

from briefing.document import Cite, DerivedFigures, Figure, Figures, FlagEntry, Flags, Section, flat
from briefing.i18n import Localizer
from briefing.tui.bars import Bars
from briefing.tui.panels.base import Detail, TablePanel, source_entries
from briefing.tui.prose import Row, blank, bullets, heading, para
from briefing.tui.table import BriefTable, Column, Filling, cut

MIN_LABEL = 16
FLAGGED, DIFFERS, CONSISTENT, UNCHECKED = "⚠", "≠", "✓", "–"


class StatisticsPanel(TablePanel):
    NUMBER = 4

    def compose(self) -> ComposeResult:
        yield BriefTable(id="statistics-table")
        yield Bars(id="bars")
        yield Detail(id="statistics-detail")

    def title(self, loc: Localizer) -> str:
        return self.app.section("statistics").heading

    def figures(self) -> Figures:
        return next(b for b in self.app.section("statistics").blocks if isinstance(b, Figures))

    def fill(self, room: int) -> Filling:
        loc = self.app.loc
        block = self.figures()
        rows = []
        for figure in block.figures:
            if figure.status == "flagged":
                check = Text(FLAGGED + " " + loc._("unverified"), style="bold reverse")
            elif figure.status == "differs":
                check = Text(DIFFERS + " " + loc._("sources differ"), style="bold")
            elif figure.status == "consistent":
                check = Text(CONSISTENT + " " + loc._("consistent"))
            else:
                check = Text(UNCHECKED)
            rows.append((figure.id, [cut(figure.label), Text(value(figure), style="bold" if figure.flagged else ""),
                                     Text(figure.short_as_of), check]))
        headers = block.headers
        widths = [max([cell_len(headers[n]), *(cell_len(r[1][n].plain) for r in rows)]) for n in range(1, 4)]
        label = max(MIN_LABEL, room - sum(widths) - 2 * 4)
        columns = [Column("label", headers[0], label), *(Column(key, header, width) for key, header, width
                                                        in zip(("value", "as-of", "check"), headers[1:], widths))]
        return Filling(columns, rows)

    def count(self) -> int:
        return len(self.figures().figures)

    def detail(self, row: int) -> list[Row]:
        rows = []
        if self.count():
            figure = self.figures().figures[row]
            rows += [*self.own(row, silent=True), *blank(),
                     *cited_entries(figure, self.app.section("sources")), *blank()]
        return [*rows, *self.tail()]

    def cited(self) -> list[int]:
        figures = self.figures().figures
        return list(figures[self.query_one(BriefTable).cursor_row].cite.numbers) if figures else []

    def own(self, row: int, silent: bool) -> list[Row]:
        blocks = self.app.section("statistics").blocks
        flags = [flag for b in blocks if isinstance(b, Flags) for flag in b.flags]
        return figure_rows(self.figures().figures[row], flags)

    def tail(self) -> list[Row]:
        rows = []
        for block in self.app.section("statistics").blocks:
            if isinstance(block, DerivedFigures):
                rows += [*heading(block.title), *bullets(f"{d.label}: {d.working}" for d in block.figures)]
        return rows


def value(figure: Figure) -> str:
    """The figure as its source gives it, and its citations: '416 reactors [3]'."""
    return figure.value + (flat((" ", figure.cite)) if figure.cite.numbers else "")


def figure_rows(figure: Figure, flags: list[FlagEntry]) -> list[Row]:
    """The figure as given, its reference checks, and the flag with the rules that fired."""
    rows = [*heading(figure.label), *para(value(figure)), *para(" · ".join(figure.details))]
    for line in figure.checks:
        rows += para(flat(line))
    for flag in flags:
        if flag.id != figure.id:
            continue
        rows += [
            *blank(),
            *para(flat(flag.headline), "bold reverse"),
            *bullets(flag.rules, mark="·"),
            *para(flag.caveat, "italic"),
        ]
    return rows


def cited_entries(figure: Figure, sources: Section) -> list[Row]:
    """The entries of the figure's sources, then those of the figures it was checked against: shown again
    beside it, found by a search in the source list."""
    cited = [*figure.cite.numbers, *(n for line in figure.checks for part in line if isinstance(part, Cite)
                                     for n in part.numbers)]
    return [*(row._replace(searched=False) for row in heading(sources.heading)),
            *source_entries(sources, cited, searched=False)]
