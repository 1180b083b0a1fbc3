"""The analysed brief as JSON: raw facts beside their localised text, for other programs.

A pure function of the Analysis.  Every fact keeps its raw form (numbers as
decimal strings exactly as written, derived figures as exact fractions,
dates as ISO 8601 / EDTF strings with the days they cover, statuses and
rules as fixed words, citations as source ids and numbers), and beside it
the text a reader sees, in each language asked for.  That text comes from
the functions every other face uses (briefing.figures, Localizer.moment,
the helpers of briefing.document), so no message is built twice.

Objects are built in a fixed key order and dumped with
`json.dumps(ensure_ascii=False, indent=2)`: the same brief gives the same
bytes.  The schema of this output is `briefing/data/export.schema.json`
(`briefing schema --export`); FORMAT_VERSION changes whenever its shape does.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Callable

from briefing import document, figures
from briefing.analysis import (REFERENCE_TOLERANCE, SIBLING_MIN_RATIO, Analysis, DerivedResult, FigureCheck, Flag,
                               timeline)
from briefing.dates import FuzzyDate
from briefing.i18n import Localizer, localizer
from briefing.intervals import Interval, Reading
from briefing.sanitize import one_line, plain

FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).parent / "data" / "export.schema.json"
SCHEMA_ID = "urn:briefing:export:1"
#: Decimals given for an exact value whose decimal expansion does not end (1/3).
REPEATING_DIGITS = 30


def schema_text() -> str:
    """The JSON Schema of the export, as shipped."""
    return SCHEMA_PATH.read_text(encoding="utf-8")


def render(analysis: Analysis, locales: tuple[str, ...], *, ascii_only: bool = False) -> str:
    """The export as JSON text ending in a newline; `ascii_only` writes every other character as a \\u escape."""
    return json.dumps(export(analysis, locales), ensure_ascii=ascii_only, indent=2) + "\n"


def export(analysis: Analysis, locales: tuple[str, ...]) -> dict:
    """The export as plain JSON values, keys in their fixed order; `locales` are tags `localizer` takes."""
    return _Export(analysis, locales).brief()


# --- raw values ------------------------------------------------------------------

def decimal_text(value: int | Decimal) -> str:
    """A number as written, in plain decimal notation: 8.60 stays '8.60', 1E+3 is '1000'."""
    if isinstance(value, Decimal):
        return format(value.copy_abs() if value.is_zero() else value, "f")
    return str(value)


def exact(value: Fraction) -> dict:
    """An exact value: its decimal expansion (cut at REPEATING_DIGITS decimals, rounded half-even, when it
    never ends) and the fraction itself in lowest terms."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    terminates = denominator == 1
    digits = max(twos, fives) if terminates else REPEATING_DIGITS
    scaled = round(value * 10 ** digits)
    sign = "-" if scaled < 0 else ""
    whole, part = divmod(abs(scaled), 10 ** digits)
    text = f"{sign}{whole}" + (f".{part:0{digits}d}" if digits else "")
    return {"decimal": text, "decimal_is_exact": terminates, "fraction": [value.numerator, value.denominator]}


def _year(year: int) -> str:
    return f"{year:04d}"


#: EDTF's sub-year groupings, by precision: season 21–24, quarter 33–36, half 40–41.
_GROUP_BASE = {"season": 20, "quarter": 32, "half": 39}


def edtf(value: FuzzyDate) -> str:
    """The date in EDTF (ISO 8601-2) where EDTF can say it; the early, middle or late part of a period,
    which EDTF cannot, in the briefing's own form ('early-2024', 'mid-2025-11', 'late-1990s')."""
    if value.until is not None:
        end = value.until
        return f"{edtf(_single(value))}/{edtf(end)}"
    precision = value.precision
    if precision == "day":
        text = f"{_year(value.year)}-{value.number:02d}-{value.day:02d}"
    elif precision == "month":
        text = f"{_year(value.year)}-{value.number:02d}"
    elif precision in _GROUP_BASE:
        text = f"{_year(value.year)}-{_GROUP_BASE[precision] + value.number}"
    elif precision == "year":
        text = _year(value.year)
    else:  # decade
        text = f"{_year(value.year)[:3]}X" if not value.part else f"{_year(value.year)}s"
    if value.part:
        text = f"{value.part}-{text}"
    marks = {(True, False): "~", (False, True): "?", (True, True): "%"}.get((value.approximate, value.uncertain), "")
    return text + marks


def _single(value: FuzzyDate) -> FuzzyDate:
    """The start of an interval alone."""
    return FuzzyDate(value.text, value.precision, value.year, value.number, value.day, value.part,
                     value.approximate, value.uncertain)


class _Export:
    def __init__(self, analysis: Analysis, locales: tuple[str, ...]):
        self.analysis = analysis
        self.localizers = tuple(localizer(locale) for locale in locales)  # 'en_US': American dates in the texts
        self.locales = tuple(loc.locale for loc in self.localizers)  # the languages: 'en', 'ru'
        self.nouns = analysis.nouns

    # --- building blocks ---
    def text(self, make: Callable[[Localizer], str]) -> dict:
        """{language: text} for each language asked for, each made by `make`."""
        return {loc.locale: make(loc) for loc in self.localizers}

    def own(self, value, *, lines: bool = False) -> dict:
        """Briefing text in each language asked for, as every face shows it (sanitized; one line unless `lines`)."""
        return self.text(lambda loc: plain(loc.text(value)) if lines else one_line(loc.text(value)))

    def own_or_none(self, value, *, lines: bool = False) -> dict | None:
        return None if value is None else self.own(value, lines=lines)

    def citation(self, source_id: str) -> dict:
        return {"source": source_id, "number": self.analysis.numbers[source_id]}

    def citations(self, source_ids) -> list[dict]:
        """Each source once, in the order of the source list."""
        return [self.citation(s) for s in sorted(set(source_ids), key=self.analysis.numbers.__getitem__)]

    def statement(self, statement) -> dict:
        return {"text": self.own(statement.text, lines=True), "citations": self.citations(statement.sources)}

    def date(self, value) -> dict:
        """A date, date-time or fuzzy date: ISO 8601 / EDTF, its precision, the days it covers, its text."""
        if isinstance(value, dt.datetime):
            raw, precision, part, first, last = value.isoformat(), "time", None, value.date(), value.date()
        elif isinstance(value, dt.date):
            raw, precision, part, first, last = value.isoformat(), "day", None, value, value
        else:
            raw, precision = edtf(value), ("interval" if value.until is not None else value.precision)
            part, first, last = value.part or None, value.first(), value.last()
        return {"value": raw, "precision": precision, "part": part, "first": first.isoformat(),
                "last": last.isoformat(), "text": self.text(lambda loc: loc.moment(value))}

    def figure(self, stat) -> dict:
        """A figure as its source gives it: raw value (or range), unit, per, scale, qualifier, margin, text."""
        low, high = stat.value if isinstance(stat.value, list) else (stat.value, None)
        margin = getattr(stat, "margin", None)
        return {"value": decimal_text(low), "high": None if high is None else decimal_text(high),
                "unit": stat.unit, "per": getattr(stat, "per", None), "scale": getattr(stat, "scale", None),
                "qualifier": stat.qualifier, "margin": None if margin is None else decimal_text(margin),
                "text": self.text(lambda loc: figures.figure(loc, stat, self.nouns))}

    def value(self, value) -> dict:
        """A structured comparison value, tagged with its kind, and its text as every face shows it."""
        said = self.text(lambda loc: document.value_text(loc, self.analysis, value))
        if isinstance(value, (dt.date, FuzzyDate)) or isinstance(getattr(value, "date", None), FuzzyDate):
            moment = value if isinstance(value, (dt.date, FuzzyDate)) else value.date
            return {"kind": "date", **self.date(moment)}
        if isinstance(value, (int, Decimal)):
            return {"kind": "number", "value": decimal_text(value), "text": said}
        if isinstance(value, str):
            return {"kind": "name", "value": one_line(value), "text": said}
        return {"kind": "figure", **self.figure(value)}

    # --- the brief ---
    def brief(self) -> dict:
        brief = self.analysis.brief
        return {
            "$schema": SCHEMA_ID,
            "format_version": FORMAT_VERSION,
            "id": brief.id,
            "languages": list(self.locales),
            "title": self.own(brief.title),
            "summary": self.text(lambda loc: document.title_meta(loc, brief)),
            "date": self.date(brief.date),
            "cutoff": self.date(brief.cutoff),
            "decision": self.decision(),
            "background": [{"date": self.date(e.date), "text": self.own(e.text, lines=True),
                            "citations": self.citations(e.sources)} for e in timeline(brief)],
            "sources": [self.source(s) for s in brief.sources],
            "comparison": self.comparison(),
            "statistics": self.statistics(),
            "watch": [self.statement(item) for item in brief.watch],
        }

    def decision(self) -> dict:
        decision = self.analysis.brief.decision
        confidence = decision.confidence
        return {
            "what": self.statement(decision.what),
            "who": self.statement(decision.who),
            "when": {"date": self.date(decision.when), "citations": self.citations(decision.when_sources)},
            "where": self.statement(decision.where),
            "why": [self.statement(w) for w in decision.why],
            "confidence": {"level": confidence.level,
                           "text": self.text(lambda loc: loc._(document.CONFIDENCE_LEVELS[confidence.level])),
                           "reason": self.own(confidence.reason, lines=True)},
        }

    def source(self, source) -> dict:
        analysis = self.analysis
        return {
            "number": analysis.numbers[source.id],
            "id": source.id,
            "outlet": self.text(lambda loc: document.source_name(loc, source)),
            "kind": source.kind,
            "kind_text": self.text(lambda loc: loc._(document.SOURCE_KINDS[source.kind])),
            "compared": source in analysis.compared,
            "language": {"value": source.language, "text": self.text(lambda loc: loc.language_name(source.language))},
            "published": self.date(source.published),
            "url": one_line(source.url),
            "headline": self.own_or_none(getattr(source, "headline", None)),
            "relays": self.citations(getattr(source, "relays", None) or ()),
            "reliability": self.own(source.reliability, lines=True),
        }

    def comparison(self) -> dict:
        analysis = self.analysis
        return {
            "summary": self.text(lambda loc: document.comparison_summary(loc, analysis)),
            "compared_sources": self.citations(s.id for s in analysis.compared),
            "independent_sources": analysis.independent,
            "counts": dict(analysis.counts),
            "points": [self.point(n, result) for n, result in enumerate(analysis.points, start=1)],
            "coverage": [self.coverage(cover) for cover in analysis.coverage],
        }

    def point(self, number: int, result) -> dict:
        analysis, point = self.analysis, result.point
        return {
            "number": number,
            "id": point.id,
            "question": self.own(point.question),
            "status": result.status,
            "status_text": self.text(lambda loc: loc._(document.STATUS_LABELS[result.status])),
            "verdict": point.verdict,
            "positions": [{"source": self.citation(p.source), "says": self.own(p.says, lines=True),
                           "value": None if p.value is None else self.value(p.value)} for p in point.positions],
            "conflicts": [{"value": self.value(claim.value), "sources": self.citations(claim.sources)}
                          for claim in result.conflicts],
            "outliers": {"sources": self.citations(result.outliers),
                         "text": self.text(lambda loc: document.outlier_line(loc, analysis, result))}
            if result.outliers else None,
            "precision_notes": [{"precision": note.precision, "sources": self.citations(note.sources),
                                 "text": self.text(lambda loc: document.precision_line(loc, analysis, note))}
                                for note in result.precision_notes],
            "note": self.own_or_none(point.note, lines=True),
        }

    def coverage(self, cover) -> dict:
        analysis = self.analysis
        return {"source": self.citation(cover.source.id), "covered": cover.covered, "total": cover.total,
                "only_here": [p.id for p in cover.only_here],
                "text": self.text(lambda loc: document.coverage_line(loc, analysis, cover))}

    def statistics(self) -> dict:
        analysis, brief = self.analysis, self.analysis.brief
        title = brief.statistics_title
        reported = {s.id for s in analysis.reported}
        return {
            "title": self.own(title) if title else self.text(lambda loc: loc._("Statistics")),
            "figures": [self.statistic(s, s.id in reported) for s in brief.statistics],
            "derived": [self.derived(r) for r in analysis.derived],
            "checks": [self.check(c) for c in analysis.checks],
            "flags": [self.flag(f) for f in analysis.flags],
        }

    def statistic(self, stat, reported: bool) -> dict:
        return {
            "id": stat.id,
            "label": self.own(stat.label),
            "figure": self.figure(stat),
            "as_of": self.date(stat.as_of),
            "quoted": self.own_or_none(getattr(stat, "quoted", None)),
            "measure": getattr(stat, "measure", None),
            "citations": self.citations(stat.sources),
            "reported": reported,
            "flagged": bool(self.analysis.flags_for(stat.id)),
        }

    def derived(self, result: DerivedResult) -> dict:
        figure = result.figure
        return {
            "id": figure.id,
            "label": self.own(figure.label),
            "kind": figure.kind,
            "operands": [op.id for op in result.operands],
            "unit": result.unit,
            "per": result.per,
            "scale": result.scale,
            "value": exact(result.nominal),
            "interval": _interval(result.interval),
            "reading": _reading(result.reading),
            "shown": {**_reading(result.shown), "digits": result.digits, "exact": result.exact,
                      "text": self.text(lambda loc: figures.derived_value(loc, result, self.nouns))},
            "working": self.text(lambda loc: figures.arithmetic(loc, result, self.nouns)),
        }

    def check(self, check: FigureCheck) -> dict:
        return {
            "statistic": check.statistic.id,
            "other": check.other.id,
            "reference": check.reference,
            "distance": exact(check.distance),
            "tolerance": exact(REFERENCE_TOLERANCE),
            "verdict": "consistent" if check.agrees else "differs",
            "text": self.text(lambda loc: figures.check_text(loc, check)),
            "line": self.text(lambda loc: document.check_line(loc, self.analysis, check)),
        }

    def flag(self, flag: Flag) -> dict:
        stat = flag.statistic
        rules = []
        if flag.references:
            rules.append({"rule": "reference", "threshold": exact(REFERENCE_TOLERANCE),
                          "references": [c.other.id for c in flag.references], "average": None, "sibling": None,
                          "text": self.text(figures.reference_rule_text)})
        for breach in flag.siblings:
            rules.append({"rule": "sibling", "threshold": exact(SIBLING_MIN_RATIO), "references": [],
                          "average": breach.average.figure.id, "sibling": breach.sibling.figure.id,
                          "text": self.text(lambda loc, b=breach: figures.sibling_text(loc, b, self.nouns))})
        return {"statistic": stat.id, "citations": self.citations(stat.sources), "rules": rules,
                "text": self.text(lambda loc: document.flat(document.flag_headline(loc, self.analysis, flag)))}


def _bound(value: Fraction | None, is_open: bool) -> dict | None:
    return None if value is None else {**exact(value), "open": is_open}


def _interval(interval: Interval) -> dict:
    """Every value the operands allow: each end exact and open or closed, or null where unbounded."""
    return {"low": _bound(interval.lo, interval.lo_open), "high": _bound(interval.hi, interval.hi_open)}


def _reading(said: Reading) -> dict:
    return {"qualifier": said.qualifier, "value": None if said.value is None else exact(said.value),
            "high": None if said.high is None else exact(said.high)}
