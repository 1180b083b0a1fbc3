"""The brief as a face-neutral document: sections and blocks, meaning and emphasis, no layout.

`build(analysis, loc)` is called once per (analysis, language); every face
(plain text, dashboard, Markdown) lays out the same Document, so they can
never disagree.  Every user-visible message is built here, once, from the
Localizer; a face only chooses where it goes and how it is marked.

Text that rests on sources carries its citations as structured source
numbers (`Cite`), never as baked-in "[1]": an `Inline` is a tuple of plain
strings and `Cite`s, which the plain-text face prints as "[1][2]" and the
Markdown face as links into the numbered source list.  Nothing here knows a
width, a wrap or an indent, and this module never imports Textual.

Text from briefing files has passed `briefing.sanitize` (`plain` or
`one_line`) before it gets here: no control characters, no escape codes.  It
may still hold markup characters of any face's language; each face escapes
what its own format would interpret.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Union

from briefing import figures
from briefing.analysis import Analysis, PointResult, PrecisionNote, timeline
from briefing.analysis import Coverage as SourceCoverage
from briefing.dates import FuzzyDate
from briefing.i18n import N_, Localizer, Nn_
from briefing.sanitize import one_line, plain
from briefing.tuples import Record

if TYPE_CHECKING:  # the faces read validated briefings, cached ones included, without pydantic
    from briefing.model import Source

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
    "wire": N_("wire story"),
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


# --- inline text ------------------------------------------------------------------

class Cite(Record):
    """Citations: the numbers, in the source list, of the sources a statement rests on (sorted, each once)."""

    numbers: tuple[int, ...]


class Moment(str):
    """A date or time as the reader sees it, which also knows its machine-readable value (`iso`: an HTML
    `<time datetime>` value such as '2025-11-21', '2026-03' or '2025-11-24T15:21+03:00').

    It is a `str`, so every face that only shows text shows it unchanged; a face that can mark a date
    (HTML) looks for it.  A date no such value can state (a quarter, a season, a span) is a plain str.
    """

    iso: str

    def __new__(cls, text: str, iso: str | None):
        if iso is None:
            return str(text)
        moment = super().__new__(cls, text)
        moment.iso = iso
        return moment

    def __reduce__(self):
        return Moment, (str(self), self.iso)


#: A run of text with citations in it: plain strings (some of them `Moment`s) and `Cite`s, in reading order.
Inline = tuple[Union[str, Cite], ...]


def flat(text: Inline) -> str:
    """An Inline as plain text, each citation as '[1][2]'."""
    return "".join(part if isinstance(part, str) else "".join(f"[{n}]" for n in part.numbers) for part in text)


def cite(analysis: Analysis, source_ids) -> Cite:
    """The citations of the sources with these ids."""
    return Cite(tuple(sorted({analysis.numbers[s] for s in source_ids})))


def _refs(analysis: Analysis, source_ids) -> Inline:
    """' ' and the citations, to follow a statement (every statement and figure rests on a source or more:
    briefing.model requires it)."""
    return (" ", cite(analysis, source_ids))


def _cited(text: str, analysis: Analysis, source_ids) -> Inline:
    return (text, *_refs(analysis, source_ids))


_MARK = re.compile("\x00(\\d+)\x00")


def _message(loc: Localizer, template: str, plural: str | None = None, count: int = 0,
             **values: str | Cite | Inline) -> Inline:
    """A catalog message whose placeholders may be Inlines, Cites or Moments; citations and dates stay structured.

    Each citation or date goes through the translation as a NUL-delimited mark,
    which neither catalogs, Babel nor sanitized briefing text can hold.
    """
    held: list[Cite | Moment] = []
    flattened: dict[str, str] = {}
    for key, value in values.items():
        if isinstance(value, str) and not isinstance(value, Moment):
            flattened[key] = value
            continue
        pieces = []
        for part in ((value,) if isinstance(value, (Cite, Moment)) else value):
            if isinstance(part, str) and not isinstance(part, Moment):
                pieces.append(part)
            else:
                pieces.append(f"\x00{len(held)}\x00")
                held.append(part)
        flattened[key] = "".join(pieces)
    text = loc.n_(template, plural, count, **flattened) if plural is not None else loc._(template, **flattened)
    if not held:
        return (text,)
    split = _MARK.split(text)
    parts: list[str | Cite] = []
    for n, piece in enumerate(split):
        if n % 2:
            parts.append(held[int(piece)])
        elif piece:
            parts.append(piece)
    return tuple(parts)


# --- blocks ------------------------------------------------------------------------

class Paragraph(Record):
    """A paragraph of running text."""

    text: Inline


class Row(Record):
    """A labelled row: 'What' and what was decided, or a date and what happened then."""

    label: str
    text: Inline


class Rows(Record):
    """Labelled rows that belong together, their texts meant to line up."""

    rows: tuple[Row, ...]


class Items(Record):
    """A list, under its own title when it has one ('Why it matters')."""

    title: str | None
    items: tuple[Inline, ...]


class Statement(Record):
    """What one compared source says on a point, or the message that it does not mention it."""

    source: int  # its number in the source list
    outlet: str
    text: str
    mentioned: bool  # False: `text` is the 'does not mention it' message, to be set apart


class Point(Record):
    """One comparison point: the question, its status, every compared source's statement and the findings."""

    number: int
    id: str
    question: str
    status: str  # one of briefing.analysis.STATUSES; 'differ' deserves emphasis
    status_text: str  # 'Status: sources agree'
    statements: tuple[Statement, ...]
    conflicts: tuple[Inline, ...]  # 'Value … given by [1]', to be marked as warnings
    outliers: Inline | None  # 'Differs from the others: [3]', a warning too
    precision_notes: tuple[Inline, ...]
    note: str | None  # 'Note: …'


class CoverageEntry(Record):
    """How many points one compared source speaks to, and the points only it reports."""

    source: int
    text: Inline  # '[1] Lada.kz: 6 of 13 points'
    only_here: str | None  # 'Only here: …'


class CoverageList(Record):
    """Coverage by source, under its title."""

    title: str
    entries: tuple[CoverageEntry, ...]


class Figure(Record):
    """A reported figure as its source gives it, with the checks against other figures of its measure."""

    id: str
    label: str
    value: str  # the figure in words: qualifier, value or range, scale, unit
    cite: Cite
    as_of: str  # the date alone
    details: tuple[str, ...]  # 'as of …', then 'quoted: …' when the figure is quoted
    checks: tuple[Inline, ...]  # 'Reference: … — consistent', 'Also reported, consistent: [2]'
    flagged: bool  # the analysis calls it inconsistent and unverified: to be marked
    status: str = "unchecked"  # 'flagged', 'differs' (a check disagrees), 'consistent' or 'unchecked'
    short_as_of: str = ""  # the date in its short form ('Nov 19, 2025'), for a table cell


class Figures(Record):
    """The reported figures; `headers` name their parts where a face sets them out as a table."""

    headers: tuple[str, str, str, str]  # figure, value, as of, check
    figures: tuple[Figure, ...]


class Derived(Record):
    """A figure computed from the reported ones, with its working shown."""

    label: str
    working: str  # 'more than 376 GW ÷ 416 reactors ≈ more than 0.90 GW'


class DerivedFigures(Record):
    title: str
    figures: tuple[Derived, ...]


class FlagEntry(Record):
    """A flagged figure: what is flagged, the rules that fired, the reference values, and that it stands as given."""

    headline: Inline  # strong emphasis
    rules: tuple[str, ...]
    references: tuple[Inline, ...]
    caveat: str
    id: str = ""  # the flagged figure's id (its Figure's `id`)


class Flags(Record):
    title: str
    flags: tuple[FlagEntry, ...]


class SourceEntry(Record):
    """One entry of the numbered source list."""

    number: int
    label: str  # 'Source 1': a name for the entry where a face needs one to link to
    outlet: str
    kind: str
    language: str
    published: str
    summary: str  # 'Outlet — kind in language, date', the entry's first line
    headline: str | None
    url: str  # whole, never broken, so it can be copied
    relays: Inline | None  # 'Relays: [2]'
    reliability: str  # 'Reliability: …'
    summary_parts: Inline = ()  # the summary with its date as a Moment: flat(summary_parts) == summary
    short_published: str = ""  # the date in its short form ('Nov 22, 2025'), for a column header
    id: str = ""  # the source's id in the briefing file


class Sources(Record):
    entries: tuple[SourceEntry, ...]


Block = Union[Paragraph, Rows, Items, Point, CoverageList, Figures, DerivedFigures, Flags, Sources]


class Section(Record):
    """A section of the brief under its heading; `key` names it for faces (decision, background, comparison,
    statistics, watch, sources)."""

    key: str
    heading: str
    blocks: tuple[Block, ...]


class Document(Record):
    """The whole brief in one language."""

    locale: str
    title: str
    meta: str  # 'Event: … · information up to … · 4 sources'
    sections: tuple[Section, ...]
    meta_parts: Inline = ()  # the meta line with its dates as Moments: flat(meta_parts) == meta


# --- the document ----------------------------------------------------------------

def build(analysis: Analysis, loc: Localizer) -> Document:
    """The brief as sections and blocks in the Localizer's language."""
    brief = analysis.brief
    sections = [_decision(analysis, loc)]
    if brief.background:
        sections.append(_background(analysis, loc))
    if brief.comparison:
        sections.append(_comparison(analysis, loc))
    if brief.statistics:
        sections.append(_statistics(analysis, loc))
    if brief.watch:
        sections.append(Section("watch", loc._("What to watch"), (Items(None, tuple(
            _cited(plain(loc.text(item.text)), analysis, item.sources) for item in brief.watch)),)))
    sections.append(_sources(analysis, loc))
    meta = _title_meta(loc, brief)
    return Document(loc.locale, one_line(loc.text(brief.title)), flat(meta), tuple(sections), meta)


def section(doc: Document, analysis: Analysis, loc: Localizer, key: str) -> Section | None:
    """The document's section of that key; a background, comparison or statistics section the brief leaves
    out is built empty (the dashboard shows their panels all the same), any other one left out is None."""
    for built in doc.sections:
        if built.key == key:
            return built
    return {"background": _background, "comparison": _comparison, "statistics": _statistics}.get(key, lambda *_: None)(analysis, loc)


#: What ends a sentence, so that the next one may open with its capital.
_SENTENCE_END = re.compile(r"[.?!…][»”’)\]]*$")


def sentences(texts) -> str:
    """Texts that each read as a sentence ('Was it …?'), one after another: a full stop where one has no
    end of its own, never a semicolon before a capital."""
    return " ".join(text if _SENTENCE_END.search(text) else text + "." for text in texts)


def source_name(loc: Localizer, source: Source) -> str:
    return one_line(loc.text(source.outlet))


def iso(value) -> str | None:
    """A date's value as HTML's `<time datetime>` states it: a day, a month, a year, or a date and time
    (with its UTC offset when it has one); None for what that cannot state (a quarter, a season, a part of
    a period, a span)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes" if not (value.second or value.microsecond) else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, FuzzyDate) or value.until is not None or value.part or not 0 < value.year < 10000:
        return None
    if value.precision == "day":
        return f"{value.year:04d}-{value.number:02d}-{value.day:02d}"
    if value.precision == "month":
        return f"{value.year:04d}-{value.number:02d}"
    if value.precision == "year":
        return f"{value.year:04d}"
    return None


def moment(loc: Localizer, value) -> str:
    """A date as the reader sees it (Localizer.moment), as a Moment when it has an ISO value."""
    return Moment(loc.moment(value), iso(value))


def short_moment(loc: Localizer, value) -> str:
    """A date in its short form ('Nov 19, 2025') when known to the day, else as precise as it is."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        value = value.as_date() or value
    return loc.short_date(value) if isinstance(value, dt.date) else loc.moment(value)


def title_meta(loc: Localizer, brief) -> str:
    """The line under the title: when the event happened, how fresh the information is, how many sources."""
    return flat(_title_meta(loc, brief))


def _title_meta(loc: Localizer, brief) -> Inline:
    return _message(loc, N_("Event: %(date)s · information up to %(cutoff)s · %(sources)s"),
                    date=Moment(loc.date(brief.date), iso(brief.date)), cutoff=moment(loc, brief.cutoff),
                    sources=loc.n_("%(count)s source", "%(count)s sources", len(brief.sources)))


def _decision(analysis: Analysis, loc: Localizer) -> Section:
    decision = analysis.brief.decision

    def said(statement) -> Inline:
        return _cited(plain(loc.text(statement.text)), analysis, statement.sources)

    rows = Rows((
        Row(loc._("What"), said(decision.what)),
        Row(loc._("Who"), said(decision.who)),
        Row(loc._("When"), _cited(moment(loc, decision.when), analysis, decision.when_sources)),
        Row(loc._("Where"), said(decision.where)),
    ))
    why = Items(loc._("Why it matters"), tuple(said(w) for w in decision.why))
    confidence = decision.confidence
    sure = Paragraph((loc._("Confidence: %(level)s. %(reason)s", level=loc._(CONFIDENCE_LEVELS[confidence.level]),
                             reason=plain(loc.text(confidence.reason))),))
    return Section("decision", loc._("Key decision"), (rows, why, sure))


def _background(analysis: Analysis, loc: Localizer) -> Section:
    rows = tuple(Row(moment(loc, e.date), _cited(plain(loc.text(e.text)), analysis, e.sources))
                 for e in timeline(analysis.brief))
    return Section("background", loc._("Background"), (Rows(rows),))


def _comparison(analysis: Analysis, loc: Localizer) -> Section:
    blocks: list[Block] = [Paragraph((comparison_summary(loc, analysis),))]
    # Every point lists every compared source: each one's name is made once.
    names = {source.id: source_name(loc, source) for source in analysis.compared}
    blocks += [_point(analysis, loc, number, result, names)
               for number, result in enumerate(analysis.points, start=1)]
    entries = []
    for cover in analysis.coverage:
        if cover.source not in analysis.compared:
            continue
        only = (loc._("Only here: %(points)s", points=sentences(one_line(loc.text(p.question))
                                                                for p in cover.only_here))
                if cover.only_here else None)
        entries.append(CoverageEntry(analysis.numbers[cover.source.id], _coverage(loc, analysis, cover), only))
    blocks.append(CoverageList(loc._("Coverage by source"), tuple(entries)))
    return Section("comparison", loc._("Source comparison"), tuple(blocks))


def _point(analysis: Analysis, loc: Localizer, number: int, result: PointResult, names: dict[str, str]) -> Point:
    point = result.point
    said = {p.source: p for p in point.positions}
    silent = loc._("does not mention it")
    statements = []
    for source in analysis.compared:
        position = said.get(source.id)
        statements.append(Statement(analysis.numbers[source.id], names[source.id],
                                    plain(loc.text(position.says)) if position else silent, position is not None))
    conflicts = tuple(_message(loc, N_("Value %(value)s given by %(sources)s"),
                               value=value_text(loc, analysis, claim.value), sources=cite(analysis, claim.sources))
                      for claim in result.conflicts)
    return Point(
        number, point.id, one_line(loc.text(point.question)), result.status,
        loc._("Status: %(status)s", status=loc._(STATUS_LABELS[result.status])), tuple(statements), conflicts,
        _outliers(loc, analysis, result) if result.outliers else None,
        tuple(_precision(loc, analysis, note) for note in result.precision_notes),
        loc._("Note: %(note)s", note=plain(loc.text(point.note))) if point.note else None)


def _statistics(analysis: Analysis, loc: Localizer) -> Section:
    brief = analysis.brief
    nouns = analysis.nouns
    title = loc.text(brief.statistics_title) if brief.statistics_title else loc._("Statistics")
    entries = []
    for stat in analysis.reported:
        details = [loc._("as of %(date)s", date=loc.moment(stat.as_of))]
        if stat.quoted:
            details.append(loc._("quoted: %(who)s", who=one_line(loc.text(stat.quoted))))
        checks, flagged = analysis.checks_for(stat.id), bool(analysis.flags_for(stat.id))
        status = ("flagged" if flagged else "differs" if any(not c.agrees for c in checks)
                  else "consistent" if checks else "unchecked")
        entries.append(Figure(stat.id, one_line(loc.text(stat.label)), figures.figure(loc, stat, nouns),
                              cite(analysis, stat.sources), moment(loc, stat.as_of), tuple(details),
                              tuple(_check_lines(loc, analysis, stat.id)), flagged, status,
                              short_moment(loc, stat.as_of)))
    headers = (loc._("Figure"), loc._("Value"), loc._("As of"), loc._("Check"))
    blocks: list[Block] = [Figures(headers, tuple(entries))]
    if analysis.derived:
        blocks.append(DerivedFigures(loc._("Derived figures"), tuple(
            Derived(one_line(loc.text(r.figure.label)), figures.arithmetic(loc, r, nouns)) for r in analysis.derived)))
    if analysis.flags:
        blocks.append(Flags(loc._("Flagged figures"), tuple(_flag(loc, analysis, flag) for flag in analysis.flags)))
    return Section("statistics", one_line(title), tuple(blocks))


def _flag(loc: Localizer, analysis: Analysis, flag) -> FlagEntry:
    nouns = analysis.nouns
    stat = flag.statistic
    rules = []
    if flag.references:
        rules.append(loc._("Rule: %(rule)s", rule=figures.reference_rule_text(loc)))
    rules += [loc._("Rule: %(rule)s", rule=figures.sibling_text(loc, breach, nouns)) for breach in flag.siblings]
    references = tuple(_message(loc, N_("Reference value: %(figure)s, %(date)s%(refs)s"),
                                figure=figures.figure(loc, check.other, nouns), date=moment(loc, check.other.as_of),
                                refs=_refs(analysis, check.other.sources))
                       for check in analysis.checks_for(stat.id) if check.reference)
    return FlagEntry(flag_headline(loc, analysis, flag), tuple(rules), references,
                     loc._("The source's figure is shown as given; it has not been corrected."), stat.id)


def flag_headline(loc: Localizer, analysis: Analysis, flag) -> Inline:
    """'! Label: figure [1] — inconsistent, unverified'."""
    stat = flag.statistic
    return _message(loc, N_("! %(label)s: %(figure)s%(refs)s — inconsistent, unverified"),
                    label=one_line(loc.text(stat.label)), figure=figures.figure(loc, stat, analysis.nouns),
                    refs=_refs(analysis, stat.sources))


def _sources(analysis: Analysis, loc: Localizer) -> Section:
    entries = []
    for source in analysis.brief.sources:
        number = analysis.numbers[source.id]
        outlet, kind = source_name(loc, source), loc._(SOURCE_KINDS[source.kind])
        language, published = loc.language_name(source.language), moment(loc, source.published)
        summary = _message(loc, N_("%(outlet)s — %(kind)s %(in_language)s, %(published)s"), outlet=outlet,
                           kind=kind, in_language=loc.in_language(source.language), published=published)
        entries.append(SourceEntry(
            number, loc._("Source %(number)s", number=loc.number(number)), outlet, kind, language, published,
            flat(summary), one_line(loc.text(source.headline)) if source.headline else None, one_line(source.url),
            _message(loc, N_("Relays: %(sources)s"), sources=cite(analysis, source.relays)) if source.relays else None,
            loc._("Reliability: %(note)s", note=plain(loc.text(source.reliability))), summary,
            short_moment(loc, source.published), source.id))
    return Section("sources", loc._("Sources"), (Sources(tuple(entries)),))


# --- messages the dashboard also shows ----------------------------------------------

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


def _coverage(loc: Localizer, analysis: Analysis, cover: SourceCoverage) -> Inline:
    return _message(loc, *Nn_("%(source)s: %(covered)s of %(count)s point",
                              "%(source)s: %(covered)s of %(count)s points"), cover.total, source=(cite(analysis, [cover.source.id]), " " + source_name(loc, cover.source)),
                    covered=loc.number(cover.covered))


def coverage_line(loc: Localizer, analysis: Analysis, cover: SourceCoverage) -> str:
    """'[1] Lada.kz: 6 of 13 points'; one message, so Russian can put the total in the genitive."""
    return flat(_coverage(loc, analysis, cover))


def _outliers(loc: Localizer, analysis: Analysis, result: PointResult) -> Inline:
    return _message(loc, *Nn_("Differs from the others: %(sources)s", "Differ from the others: %(sources)s"),
                    len(result.outliers), sources=cite(analysis, result.outliers))


def outlier_line(loc: Localizer, analysis: Analysis, result: PointResult) -> str:
    """'Differs from the others: [3]', naming the sources outside a clear majority."""
    return flat(_outliers(loc, analysis, result))


def _precision(loc: Localizer, analysis: Analysis, note: PrecisionNote) -> Inline:
    singular, plural = PRECISION_NOTES[note.precision]
    return _message(loc, singular, plural, len(note.sources), sources=cite(analysis, note.sources))


def precision_line(loc: Localizer, analysis: Analysis, note: PrecisionNote) -> str:
    """'[1] gives the year only': a date that agrees only at its coarser precision."""
    return flat(_precision(loc, analysis, note))


def value_text(loc: Localizer, analysis: Analysis, value: object) -> str:
    """A structured comparison value (date, number, figure or name) as a reader sees it."""
    if isinstance(value, (dt.date, FuzzyDate)):
        return moment(loc, value)
    if isinstance(value, (int, Decimal)):
        return figures.plain_number(loc, value)
    if isinstance(value, str):
        return loc.quote(one_line(value))
    if isinstance(getattr(value, "date", None), FuzzyDate):
        return moment(loc, value.date)
    return figures.figure(loc, value, analysis.nouns)


def _check_lines(loc: Localizer, analysis: Analysis, statistic_id: str) -> list[Inline]:
    """A figure's checks: each reference figure and each differing report in full; reports that agree
    with it on one line ('Also reported, consistent: [2][3]')."""
    checks = analysis.checks_for(statistic_id)
    lines = [_check(loc, analysis, c) for c in checks if c.reference or not c.agrees]
    agreeing = [s for c in checks if not c.reference and c.agrees for s in c.other.sources]
    if agreeing:
        lines.append(_message(loc, N_("Also reported, consistent: %(refs)s"), refs=cite(analysis, agreeing)))
    return lines


def _check(loc: Localizer, analysis: Analysis, check) -> Inline:
    template = (N_("Reference: %(figure)s, %(date)s%(refs)s — %(verdict)s") if check.reference
                else N_("Also reported: %(figure)s, %(date)s%(refs)s — %(verdict)s"))
    return _message(loc, template, figure=figures.figure(loc, check.other, analysis.nouns),
                    date=moment(loc, check.other.as_of), refs=_refs(analysis, check.other.sources),
                    verdict=figures.check_text(loc, check))


def check_line(loc: Localizer, analysis: Analysis, check) -> str:
    """'Reference: 416 reactors, June 2025 [3] — consistent', or 'Also reported: …' for a news figure."""
    return flat(_check(loc, analysis, check))
