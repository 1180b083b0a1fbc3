"""The plain-text brief: a pure function of (analysis, localizer, width).

For mail and print: no escape codes, no markup, the same bytes for the same
input.  Every statement carries numbered references ([1], [2]) into the
source list at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from briefing import figures
from briefing.analysis import Analysis, Coverage, PointResult, timeline
from briefing.i18n import N_, Localizer
from briefing.sanitize import one_line, plain
from briefing.wrap import cells, wrap

if TYPE_CHECKING:  # the views read validated briefings, cached ones included, without pydantic
    from briefing.model import Source

MIN_WIDTH = 30
#: Characters wrap rewrites even on a line that fits, so the fast path leaves them to it.
_WRAP_SPECIAL = re.compile("[\t\n\x0b\x0c\r]")
BULLET = "• "

#: How each point status reads in a list.
STATUS_LABELS = {
    "agree": N_("sources agree"),
    "differ": N_("sources differ"),
    "single": N_("one source only"),
    "none": N_("no source mentions it"),
}
SOURCE_KINDS = {
    "news-report": N_("news report"),
    "official-statement": N_("official statement"),
    "reference-dataset": N_("reference dataset"),
}
CONFIDENCE_LEVELS = {"high": N_("high"), "moderate": N_("moderate"), "low": N_("low")}


class _Page:
    """Lines of the brief, wrapped at one width."""

    def __init__(self, width: int):
        self.width = max(width, MIN_WIDTH)
        self.lines: list[str] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def para(self, text: str, indent: str = "", hanging: str | None = None) -> None:
        """Wrap one paragraph at the width in terminal cells; long words are broken between grapheme clusters."""
        if text and cells(indent) + cells(text) <= self.width and text[-1] != " " and not _WRAP_SPECIAL.search(text):
            self.lines.append(indent + text)  # exactly what wrap returns for a line that fits
            return
        lines = wrap(text, self.width, indent, indent if hanging is None else hanging)
        self.lines.extend(lines or [indent.rstrip()])

    def heading(self, text: str) -> None:
        self.blank()
        self.para(text.upper())
        self.lines.append("─" * min(cells(text), self.width))

    def labelled(self, label: str, text: str, column: int) -> None:
        """'Label    text', the text wrapped in its own column (`column` cells in) when there is room."""
        if column + 20 > self.width:
            self.para(label)
            self.para(text, "  ")
        else:
            self.para(label + " " * max(column - cells(label), 0) + text, "", " " * column)

    def render(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines).strip("\n") + "\n"


def refs(analysis: Analysis, source_ids) -> str:
    """' [1][2]': the source-list numbers of the sources a statement rests on."""
    numbers = sorted({analysis.numbers[s] for s in source_ids})
    return " " + "".join(f"[{n}]" for n in numbers) if numbers else ""


def source_name(loc: Localizer, source: Source) -> str:
    return one_line(loc.text(source.outlet))


def comparison_summary(loc: Localizer, analysis: Analysis) -> str:
    """'2 sources, 9 points: 4 agree, 1 differs, 4 from one source only'."""
    counts = analysis.counts
    parts = []
    if counts["agree"]:
        parts.append(loc.n_("%(count)s agrees", "%(count)s agree", counts["agree"]))
    if counts["differ"]:
        parts.append(loc.n_("%(count)s differs", "%(count)s differ", counts["differ"]))
    if counts["single"]:
        parts.append(loc.n_("%(count)s from one source only", "%(count)s from one source only", counts["single"]))
    if counts["none"]:
        parts.append(loc.n_("%(count)s from no source", "%(count)s from no source", counts["none"]))
    head = loc._("%(sources)s, %(points)s",
                 sources=loc.n_("%(count)s source", "%(count)s sources", len(compared_sources(analysis))),
                 points=loc.n_("%(count)s point", "%(count)s points", len(analysis.points)))
    return loc._("%(head)s: %(parts)s", head=head, parts=", ".join(parts)) if parts else head


def compared_sources(analysis: Analysis) -> list[Source]:
    """The sources a comparison is about: all but reference datasets."""
    return [s for s in analysis.brief.sources if s.kind != "reference-dataset"]


def render(analysis: Analysis, loc: Localizer, width: int = 80) -> str:
    """The whole brief as plain text."""
    page = _Page(width)
    brief = analysis.brief
    _title(page, analysis, loc)
    _decision(page, analysis, loc)
    if brief.background:
        _background(page, analysis, loc)
    if brief.comparison:
        _comparison(page, analysis, loc)
    if brief.statistics:
        _statistics(page, analysis, loc)
    if brief.watch:
        page.heading(loc._("What to watch"))
        for item in brief.watch:
            page.para(BULLET + plain(loc.text(item.text)) + refs(analysis, item.sources), "", "  ")
    _sources(page, analysis, loc)
    return page.render()


def _title(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    brief = analysis.brief
    page.para(one_line(loc.text(brief.title)))
    page.para(title_meta(loc, brief))


def title_meta(loc: Localizer, brief) -> str:
    """The line under the title: when the event happened, how fresh the information is, how many sources."""
    return loc._("Event: %(date)s · information up to %(cutoff)s · %(sources)s",
                 date=loc.date(brief.date), cutoff=loc.moment(brief.cutoff),
                 sources=loc.n_("%(count)s source", "%(count)s sources", len(brief.sources)))


def _decision(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    decision = analysis.brief.decision
    page.heading(loc._("Key decision"))
    rows = [
        (loc._("What"), plain(loc.text(decision.what.text)) + refs(analysis, decision.what.sources)),
        (loc._("Who"), plain(loc.text(decision.who.text)) + refs(analysis, decision.who.sources)),
        (loc._("When"), loc.moment(decision.when) + refs(analysis, decision.when_sources)),
        (loc._("Where"), plain(loc.text(decision.where.text)) + refs(analysis, decision.where.sources)),
    ]
    column = max(len(label) for label, _ in rows) + 3
    for label, text in rows:
        page.labelled(label, text, column)
    page.blank()
    page.para(loc._("Why it matters"))
    for why in decision.why:
        page.para(BULLET + plain(loc.text(why.text)) + refs(analysis, why.sources), "", "  ")
    page.blank()
    confidence = decision.confidence
    page.para(loc._("Confidence: %(level)s. %(reason)s",
                    level=loc._(CONFIDENCE_LEVELS[confidence.level]),
                    reason=plain(loc.text(confidence.reason))))


def _background(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    page.heading(loc._("Background"))
    entries = timeline(analysis.brief)
    dates = [loc.moment(e.date) for e in entries]
    column = max(len(d) for d in dates) + 3
    for when, entry in zip(dates, entries):
        page.labelled(when, plain(loc.text(entry.text)) + refs(analysis, entry.sources), column)


def _comparison(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    page.heading(loc._("Source comparison"))
    page.para(comparison_summary(loc, analysis))
    labels = [(s.id, f"[{analysis.numbers[s.id]}] {source_name(loc, s)}: ") for s in compared_sources(analysis)]
    for number, result in enumerate(analysis.points, start=1):
        page.blank()
        _point(page, analysis, loc, number, result, labels)
    page.blank()
    page.para(loc._("Coverage by source"))
    for cover in analysis.coverage:
        if cover.source.kind == "reference-dataset":
            continue
        page.para(BULLET + coverage_line(loc, analysis, cover), "", "  ")
        if cover.only_here:
            questions = "; ".join(one_line(loc.text(p.question)) for p in cover.only_here)
            page.para(loc._("Only here: %(points)s", points=questions), "  ", "    ")


def coverage_line(loc: Localizer, analysis: Analysis, cover: Coverage) -> str:
    """'[1] Lada.kz: 6 of 13 points'; one message, so Russian can put the total in the genitive."""
    return loc.n_("%(source)s: %(covered)s of %(count)s point", "%(source)s: %(covered)s of %(count)s points",
                  cover.total, source=f"[{analysis.numbers[cover.source.id]}] {source_name(loc, cover.source)}",
                  covered=loc.number(cover.covered))


def _point(page: _Page, analysis: Analysis, loc: Localizer, number: int, result: PointResult,
           labels: list[tuple[str, str]]) -> None:
    """One comparison point: what each source says, or that it does not mention it."""
    point = result.point
    pad = " " * (len(str(number)) + 2)
    page.para(f"{number}. {one_line(loc.text(point.question))}", "", pad)
    page.para(loc._("Status: %(status)s", status=loc._(STATUS_LABELS[result.status])), pad, pad)
    said = {p.source: p for p in point.positions}
    silent = loc._("does not mention it")
    for source_id, label in labels:
        position = said.get(source_id)
        text = plain(loc.text(position.says)) if position else silent
        page.para(label + text, pad, pad + "    ")
    for claim in result.conflicts:
        page.para(loc._("Value %(value)s given by %(sources)s",
                        value=value_text(loc, claim.value), sources=refs(analysis, claim.sources).strip()),
                  pad + "! ", pad + "  ")
    if point.note:
        page.para(loc._("Note: %(note)s", note=plain(loc.text(point.note))), pad, pad)


def value_text(loc: Localizer, value: object) -> str:
    """A structured comparison value (date, number or name) as a reader sees it."""
    if isinstance(value, dt.date):
        return loc.date(value)
    if isinstance(value, (int, float)):
        return loc.number(value)
    return f"«{one_line(str(value))}»" if loc.locale == "ru" else f"“{one_line(str(value))}”"


def _statistics(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    brief = analysis.brief
    title = loc.text(brief.statistics_title) if brief.statistics_title else loc._("Statistics")
    page.heading(one_line(title))
    kinds = {s.id: s.kind for s in brief.sources}
    reported = [s for s in brief.statistics if not all(kinds[i] == "reference-dataset" for i in s.sources)]
    for stat in reported:
        page.para(f"{one_line(loc.text(stat.label))}: {figures.figure(loc, stat)}{refs(analysis, stat.sources)}",
                  "", "  ")
        details = [loc._("as of %(date)s", date=loc.moment(stat.as_of))]
        if stat.quoted:
            details.append(loc._("quoted: %(who)s", who=one_line(loc.text(stat.quoted))))
        page.para(" · ".join(details), "  ", "  ")
        for check in analysis.checks_for(stat.id):
            page.para(loc._("Reference: %(figure)s, %(date)s%(refs)s — %(verdict)s",
                            figure=figures.figure(loc, check.reference), date=loc.moment(check.reference.as_of),
                            refs=refs(analysis, check.reference.sources), verdict=figures.check_text(loc, check)),
                      "  ", "    ")
    if analysis.derived:
        page.blank()
        page.para(loc._("Derived figures"))
        for result in analysis.derived:
            page.para(BULLET + f"{one_line(loc.text(result.figure.label))}: {figures.arithmetic(loc, result)}",
                      "", "  ")
    if analysis.flags:
        page.blank()
        page.para(loc._("Flagged figures"))
        for flag in analysis.flags:
            stat = flag.statistic
            page.para(loc._("! %(label)s: %(figure)s%(refs)s — inconsistent, unverified",
                            label=one_line(loc.text(stat.label)), figure=figures.figure(loc, stat),
                            refs=refs(analysis, stat.sources)), "", "  ")
            if flag.references:
                page.para(loc._("Rule: %(rule)s", rule=figures.reference_rule_text(loc)), "  ", "    ")
            for breach in flag.siblings:
                page.para(loc._("Rule: %(rule)s", rule=figures.sibling_text(loc, breach)), "  ", "    ")
            for check in analysis.checks_for(stat.id):
                page.para(loc._("Reference value: %(figure)s, %(date)s%(refs)s",
                                figure=figures.figure(loc, check.reference),
                                date=loc.moment(check.reference.as_of),
                                refs=refs(analysis, check.reference.sources)), "  ", "    ")
            page.para(loc._("The source's figure is shown as given; it has not been corrected."), "  ", "    ")


def _sources(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    page.heading(loc._("Sources"))
    for source in analysis.brief.sources:
        number = f"[{analysis.numbers[source.id]}] "
        hang = " " * len(number)
        page.para(number + loc._("%(outlet)s — %(kind)s, %(language)s, %(published)s",
                                 outlet=source_name(loc, source), kind=loc._(SOURCE_KINDS[source.kind]),
                                 language=loc.language_name(source.language),
                                 published=loc.moment(source.published)), "", hang)
        if source.headline:
            page.para(one_line(loc.text(source.headline)), hang, hang)
        page.lines.append(hang + one_line(source.url))  # an address stays whole, so it can be copied
        page.para(loc._("Reliability: %(note)s", note=plain(loc.text(source.reliability))), hang, hang)
