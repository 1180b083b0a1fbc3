"""Panel 4: the reported figures, bars of operating against under construction, and the selected figure in full.

A flagged figure is marked in the table and, in the detail, explained with
the rules that fired and the reference values; it is never corrected.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult

from briefing.document import Cite, DerivedFigures, Figure, Figures, FlagEntry, Flags, Section, flat
from briefing.i18n import Localizer
from briefing.tui.bars import Bars
from briefing.tui.panels.base import Detail, TablePanel, source_entries
from briefing.tui.prose import Row, blank, bullets, heading, para
from briefing.tui.table import BriefTable, Column, Filling, cut, fit_widths

#: Narrowest widths (in cells) of the label and of the date, which give way to the value, and of the value,
#: below which all four columns give way alike.
MIN_LABEL, MIN_DATE, MIN_VALUE = 7, 7, 12
FLAGGED, DIFFERS, CONSISTENT, UNCHECKED = "⚠", "≠", "✓", "–"
#: A figure's check as a table cell, by Figure.status: a mark that reads without colour, and a style.
CHECK_CELLS = {"flagged": (FLAGGED, "bold reverse"), "differs": (DIFFERS, "bold"), "consistent": (CONSISTENT, ""),
               "unchecked": (UNCHECKED, "")}


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
            style = CHECK_CELLS[figure.status][1]
            rows.append((figure.id, [cut(figure.label), cut(value(figure), "bold" if figure.flagged else ""),
                                     cut(figure.short_as_of), cut(check_text(loc, figure.status), style)]))
        # the check column fits the longest check of this language, whichever the rows show
        checks = [check_text(loc, status) for status in CHECK_CELLS]
        wanted = [max([cell_len(header), *cells]) for header, cells in zip(block.headers, (
            [cell_len(f.label) for f in block.figures], [cell_len(value(f)) for f in block.figures],
            [cell_len(f.short_as_of) for f in block.figures], [cell_len(c) for c in checks]))]
        widths = figure_widths(room - 2 * len(wanted), wanted)
        columns = [Column(key, header, width) for key, header, width
                   in zip(("label", "value", "as-of", "check"), block.headers, widths)]
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


def figure_widths(room: int, wanted: list[int]) -> list[int]:
    """Widths in cells of the label, value, date and check columns that want `wanted` cells, filling `room`.

    The check keeps the width of the longest check of the language; the value,
    the figure the reader came for, takes what it wants of the rest, leaving
    the label and the date MIN_LABEL and MIN_DATE cells; the date then takes
    what it wants of what is left, and the label the remainder.  When not even
    the check, MIN_VALUE and those fit, all give way as `fit_widths` shares out.
    The widths add up to `room` (or are all one cell), so the table never scrolls sideways.
    """
    label, value, date, check = wanted
    floors = min(label, MIN_LABEL) + min(date, MIN_DATE)
    if check + min(value, MIN_VALUE) + floors > room:
        return fit_widths(room, wanted, (MIN_LABEL, MIN_VALUE, MIN_DATE, check))
    value_width = min(value, room - check - floors)
    label_width, date_width = fit_widths(room - check - value_width, [label, date], [MIN_LABEL, MIN_DATE])
    return [label_width, value_width, date_width, check]


def check_text(loc: Localizer, status: str) -> str:
    """'⚠ unverified', '≠ differs', '✓ consistent', or the mark alone for a figure nothing was checked against.

    The words describe the one figure of the row, in forms that agree with any label.
    """
    words = {"flagged": loc.p_("a figure's check", "unverified"), "differs": loc.p_("a figure's check", "differs"),
             "consistent": loc.p_("a figure's check", "consistent")}
    mark = CHECK_CELLS[status][0]
    return f"{mark} {words[status]}" if status in words else mark


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
