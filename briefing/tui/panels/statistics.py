"""Panel 4: the reported figures, bars of operating against under construction, and the selected figure in full.

A flagged figure is marked in the table and, in the detail, explained with
the rules that fired and the reference values; it is never corrected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult

from briefing import figures
from briefing.analysis import Analysis
from briefing.i18n import Localizer
from briefing.sanitize import one_line
from briefing.document import check_lines, refs
from briefing.tui.bars import Bars
from briefing.tui.panels.base import Detail, TablePanel, short_moment, source_entries
from briefing.tui.prose import Row, blank, bullets, heading, para
from briefing.tui.table import BriefTable, Column, Filling, cut

if TYPE_CHECKING:  # the views read validated briefings, cached ones included, without pydantic
    from briefing.model import Statistic

MIN_LABEL = 16
FLAGGED, DIFFERS, CONSISTENT, UNCHECKED = "⚠", "≠", "✓", "–"


class StatisticsPanel(TablePanel):
    NUMBER = 4

    def compose(self) -> ComposeResult:
        yield BriefTable(id="statistics-table")
        yield Bars(id="bars")
        yield Detail(id="statistics-detail")

    def title(self, loc: Localizer) -> str:
        brief = self.app.analysis.brief
        return one_line(loc.text(brief.statistics_title)) if brief.statistics_title else loc._("Statistics")

    def fill(self, room: int) -> Filling:
        loc, analysis = self.app.loc, self.app.analysis
        rows = []
        for stat in analysis.reported:
            checks, flagged = analysis.checks_for(stat.id), analysis.flags_for(stat.id)
            if flagged:
                check = Text(FLAGGED + " " + loc._("unverified"), style="bold reverse")
            elif any(not c.agrees for c in checks):
                check = Text(DIFFERS + " " + loc._("sources differ"), style="bold")
            elif checks:
                check = Text(CONSISTENT + " " + loc._("consistent"))
            else:
                check = Text(UNCHECKED)
            rows.append((stat.id, [cut(one_line(loc.text(stat.label))),
                                   Text(figures.figure(loc, stat, analysis.nouns) + refs(analysis, stat.sources),
                                        style="bold" if flagged else ""),
                                   Text(short_moment(loc, stat.as_of)), check]))
        headers = [loc._("Figure"), loc._("Value"), loc._("As of"), loc._("Check")]
        widths = [max([cell_len(headers[n]), *(cell_len(r[1][n].plain) for r in rows)]) for n in range(1, 4)]
        label = max(MIN_LABEL, room - sum(widths) - 2 * 4)
        columns = [Column("label", headers[0], label), *(Column(key, header, width) for key, header, width
                                                        in zip(("value", "as-of", "check"), headers[1:], widths))]
        return Filling(columns, rows)

    def detail(self, row: int) -> list[Row]:
        loc, analysis = self.app.loc, self.app.analysis
        stats = analysis.reported
        rows = []
        if stats:
            rows += [*statistic_detail(loc, analysis, stats[row]), *blank()]
        if analysis.derived:
            rows += [*heading(loc._("Derived figures")),
                     *bullets(f"{one_line(loc.text(r.figure.label))}: {figures.arithmetic(loc, r, analysis.nouns)}"
                              for r in analysis.derived)]
        return rows


def statistic_detail(loc: Localizer, analysis: Analysis, stat: Statistic) -> list[Row]:
    """The figure as given, its reference checks, the flag with the rules that fired, and its sources."""
    checks = analysis.checks_for(stat.id)
    details = [loc._("as of %(date)s", date=loc.moment(stat.as_of))]
    if stat.quoted:
        details.append(loc._("quoted: %(who)s", who=one_line(loc.text(stat.quoted))))
    rows = [
        *heading(one_line(loc.text(stat.label))),
        *para(figures.figure(loc, stat, analysis.nouns) + refs(analysis, stat.sources)),
        *para(" · ".join(details)),
    ]
    for line in check_lines(loc, analysis, stat.id):
        rows += para(line)
    for flag in analysis.flags_for(stat.id):
        rules = []
        if flag.references:
            rules.append(loc._("Rule: %(rule)s", rule=figures.reference_rule_text(loc)))
        rules += [loc._("Rule: %(rule)s", rule=figures.sibling_text(loc, breach, analysis.nouns)) for breach in flag.siblings]
        rows += [
            *blank(),
            *para(loc._("! %(label)s: %(figure)s%(refs)s — inconsistent, unverified",
                        label=one_line(loc.text(stat.label)), figure=figures.figure(loc, stat, analysis.nouns),
                        refs=refs(analysis, stat.sources)), "bold reverse"),
            *bullets(rules, mark="·"),
            *para(loc._("The source's figure is shown as given; it has not been corrected."), "italic"),
        ]
    cited = [*stat.sources, *(s for c in checks for s in c.other.sources)]
    return [*rows, *blank(), *heading(loc._("Sources")), *source_entries(analysis, loc, cited)]
