"""The plain-text brief: a pure function of (analysis, localizer, width).

For mail and print: no escape codes, no markup, the same bytes for the same
input.  Every statement carries numbered references ([1], [2]) into the
source list at the end.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
import re
from typing import TYPE_CHECKING

from briefing import figures
from briefing.analysis import Analysis, Coverage, PointResult, PrecisionNote, timeline
from briefing.dates import FuzzyDate
from briefing.i18n import N_, Localizer, Nn_
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
    "complement": N_("sources complement each other"),
    "single": N_("one source only"),
    "none": N_("no source mentions it"),
}
SOURCE_KINDS = {
    "news-report": N_("news report"),
    "wire": N_("news agency (wire)"),
    "broadcast": N_("broadcast"),
    "official-statement": N_("official statement"),
    "press-release": N_("press release"),
    "transcript": N_("transcript"),
    "social-media": N_("social-media post"),
    "aggregator": N_("aggregator or relay"),
    "market-data": N_("market data"),
    "reference-dataset": N_("reference dataset"),
}
#: How a source that agrees on a date only at a coarser precision is described, by that precision.
PRECISION_NOTES = {
    "year": Nn_("%(sources)s gives the year only", "%(sources)s give the year only"),
    "month": Nn_("%(sources)s gives the month only", "%(sources)s give the month only"),
    "quarter": Nn_("%(sources)s gives the quarter only", "%(sources)s give the quarter only"),
    "half": Nn_("%(sources)s gives the half-year only", "%(sources)s give the half-year only"),
    "season": Nn_("%(sources)s gives the season only", "%(sources)s give the season only"),
    "interval": Nn_("%(sources)s gives a span of time only", "%(sources)s give a span of time only"),
    "decade": Nn_("%(sources)s gives the decade only", "%(sources)s give the decade only"),
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
    if counts["complement"]:
        parts.append(loc.n_("%(count)s complements", "%(count)s complement", counts["complement"]))
    if counts["single"]:
        parts.append(loc.n_("%(count)s from one source only", "%(count)s from one source only", counts["single"]))
    if counts["none"]:
        parts.append(loc.n_("%(count)s from no source", "%(count)s from no source", counts["none"]))
    sources = loc.n_("%(count)s source", "%(count)s sources", len(analysis.compared))
    if analysis.independent < len(analysis.compared):
        sources = loc._("%(sources)s (%(independent)s)", sources=sources, independent=loc.n_(
            "%(count)s independent", "%(count)s independent", analysis.independent))
    head = loc._("%(sources)s, %(points)s", sources=sources,
                 points=loc.n_("%(count)s point", "%(count)s points", len(analysis.points)))
    return loc._("%(head)s: %(parts)s", head=head, parts=", ".join(parts)) if parts else head


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
    labels = [(s.id, f"[{analysis.numbers[s.id]}] {source_name(loc, s)}: ") for s in analysis.compared]
    for number, result in enumerate(analysis.points, start=1):
        page.blank()
        _point(page, analysis, loc, number, result, labels)
    page.blank()
    page.para(loc._("Coverage by source"))
    for cover in analysis.coverage:
        if cover.source not in analysis.compared:
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
                        value=value_text(loc, analysis, claim.value), sources=refs(analysis, claim.sources).strip()),
                  pad + "! ", pad + "  ")
    if result.outliers:
        page.para(outlier_line(loc, analysis, result), pad + "! ", pad + "  ")
    for note in result.precision_notes:
        page.para(precision_line(loc, analysis, note), pad, pad)
    if point.note:
        page.para(loc._("Note: %(note)s", note=plain(loc.text(point.note))), pad, pad)


def outlier_line(loc: Localizer, analysis: Analysis, result: PointResult) -> str:
    """'Differs from the others: [3]', naming the sources outside a clear majority."""
    return loc.n_("Differs from the others: %(sources)s", "Differ from the others: %(sources)s",
                  len(result.outliers), sources=refs(analysis, result.outliers).strip())


def precision_line(loc: Localizer, analysis: Analysis, note: PrecisionNote) -> str:
    """'[1] gives the year only': a date that agrees only at its coarser precision."""
    singular, plural = PRECISION_NOTES[note.precision]
    return loc.n_(singular, plural, len(note.sources), sources=refs(analysis, note.sources).strip())


def value_text(loc: Localizer, analysis: Analysis, value: object) -> str:
    """A structured comparison value (date, number, figure or name) as a reader sees it."""
    if isinstance(value, (dt.date, FuzzyDate)):
        return loc.moment(value)
    if isinstance(value, (int, Decimal)):
        return figures.plain_number(loc, value)
    if isinstance(value, str):
        return loc._("“%(name)s”", name=one_line(value))
    if isinstance(getattr(value, "date", None), FuzzyDate):
        return loc.moment(value.date)
    return figures.figure(loc, value, analysis.nouns)


def _statistics(page: _Page, analysis: Analysis, loc: Localizer) -> None:
    brief = analysis.brief
    nouns = analysis.nouns
    title = loc.text(brief.statistics_title) if brief.statistics_title else loc._("Statistics")
    page.heading(one_line(title))
    for stat in analysis.reported:
        page.para(f"{one_line(loc.text(stat.label))}: {figures.figure(loc, stat, nouns)}{refs(analysis, stat.sources)}",
                  "", "  ")
        details = [loc._("as of %(date)s", date=loc.moment(stat.as_of))]
        if stat.quoted:
            details.append(loc._("quoted: %(who)s", who=one_line(loc.text(stat.quoted))))
        page.para(" · ".join(details), "  ", "  ")
        for line in check_lines(loc, analysis, stat.id):
            page.para(line, "  ", "    ")
    if analysis.derived:
        page.blank()
        page.para(loc._("Derived figures"))
        for result in analysis.derived:
            page.para(BULLET + f"{one_line(loc.text(result.figure.label))}: {figures.arithmetic(loc, result, nouns)}",
                      "", "  ")
    if analysis.flags:
        page.blank()
        page.para(loc._("Flagged figures"))
        for flag in analysis.flags:
            stat = flag.statistic
            page.para(loc._("! %(label)s: %(figure)s%(refs)s — inconsistent, unverified",
                            label=one_line(loc.text(stat.label)), figure=figures.figure(loc, stat, nouns),
                            refs=refs(analysis, stat.sources)), "", "  ")
            if flag.references:
                page.para(loc._("Rule: %(rule)s", rule=figures.reference_rule_text(loc)), "  ", "    ")
            for breach in flag.siblings:
                page.para(loc._("Rule: %(rule)s", rule=figures.sibling_text(loc, breach, nouns)), "  ", "    ")
            for check in analysis.checks_for(stat.id):
                if check.reference:
                    page.para(loc._("Reference value: %(figure)s, %(date)s%(refs)s",
                                    figure=figures.figure(loc, check.other, nouns),
                                    date=loc.moment(check.other.as_of),
                                    refs=refs(analysis, check.other.sources)), "  ", "    ")
            page.para(loc._("The source's figure is shown as given; it has not been corrected."), "  ", "    ")


def check_lines(loc: Localizer, analysis: Analysis, statistic_id: str) -> list[str]:
    """A figure's checks: each reference figure and each differing report in full; reports that agree
    with it on one line ('Also reported, consistent: [2][3]')."""
    checks = analysis.checks_for(statistic_id)
    lines = [check_line(loc, analysis, c) for c in checks if c.reference or not c.agrees]
    agreeing = [s for c in checks if not c.reference and c.agrees for s in c.other.sources]
    if agreeing:
        lines.append(loc._("Also reported, consistent: %(refs)s", refs=refs(analysis, agreeing).strip()))
    return lines


def check_line(loc: Localizer, analysis: Analysis, check) -> str:
    """'Reference: 416 reactors, June 2025 [3] — consistent', or 'Also reported: …' for a news figure."""
    template = (N_("Reference: %(figure)s, %(date)s%(refs)s — %(verdict)s") if check.reference
                else N_("Also reported: %(figure)s, %(date)s%(refs)s — %(verdict)s"))
    return loc._(template, figure=figures.figure(loc, check.other, analysis.nouns),
                 date=loc.moment(check.other.as_of), refs=refs(analysis, check.other.sources),
                 verdict=figures.check_text(loc, check))


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
        if getattr(source, "relays", None):
            page.para(loc._("Relays: %(sources)s", sources=refs(analysis, source.relays).strip()), hang, hang)
        page.para(loc._("Reliability: %(note)s", note=plain(loc.text(source.reliability))), hang, hang)
