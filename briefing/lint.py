"""Warnings: what a valid briefing file says that is probably wrong.

Each rule yields Problems (briefing.wording) whose kind is the warning's code,
placed at the field that shows it; `briefing check` prints them after the
file's place, and `--strict` makes them errors.  The rules, exactly (README.md,
"Warnings", says the same to authors):

placeholder               a text still holding the word TODO, as `briefing new` writes its placeholders
cutoff-before-event       the information cut-off ends before the event's date begins
published-after-cutoff    a source's publication date begins after the information cut-off ends
decision-long-after-date  decision.when begins more than MAX_DECISION_LAG_DAYS after the event's date
mixed-units               one measure (statistics sharing `measure`, the values of one comparison point, or a
                          statistic and its source's value on the point of its measure) in units of different
                          kinds (GW and percent), which are then never compared
figure-mismatch           a statistic of measure M from source S, and S's value on comparison point M,
                          whose intervals do not meet (after unit conversion)
id-used-elsewhere         another briefing on the search path has the same id
source-never-cited        a source that no statement, position, figure, watch item or relay names
untranslated              a text with the same words in both languages (outlets, which are names, and
                          texts of fewer than MIN_WORDS words with letters are left alone)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from briefing import dates, units
from briefing.analysis import figure_interval
from briefing.i18n import CONTENT_LOCALES, N_
from briefing.wording import Problem

#: A decision dated more than this many days after the event's date is taken for a slip of the year.
MAX_DECISION_LAG_DAYS = 31
#: Identical texts in both languages of fewer words than this (a name, a number) are not called untranslated.
MIN_WORDS = 3
#: What `briefing new` writes where the author's words go.
PLACEHOLDER = "TODO"
#: Fields that hold names, the same in every language.
NAME_FIELDS = frozenset({"outlet"})

MESSAGES = {
    "placeholder": N_("a placeholder from “briefing new” is still here: replace {word} with your own words"),
    "cutoff-before-event": N_("the information cut-off {cutoff} is before the event's date {date}"),
    "published-after-cutoff": N_("source “{source}” was published {published}, after the information "
                                 "cut-off {cutoff}"),
    "decision-long-after-date": N_("the decision is dated {when}, more than {days} days after the event's "
                                   "date {date}: is the year right?"),
    "mixed-units": N_("“{id}” gives “{measure}” in {unit}, “{other}” in {other_unit}: units of different "
                      "kinds are never compared"),
    "figure-mismatch": N_("source “{source}” gives “{point}” here differently from its statistic “{statistic}”"),
    "id-used-elsewhere": N_("the id “{id}” is already used by {other}; “briefing list” will refuse one of them"),
    "source-never-cited": N_("source “{source}” is never cited: no statement, position, figure, watch item "
                             "or relay names it"),
    "untranslated": N_("the “{language}” text is the same as the “{other}” one: is it translated?"),
}
_WORD_WITH_LETTER = re.compile(r"\S*[^\W\d_]\S*")


def warn(code: str, loc: tuple, **values: object) -> Problem:
    return Problem(code, loc, MESSAGES[code], values)


def warnings(brief, data: Mapping, path: Path | None = None,
             elsewhere: Mapping[str, Path] | None = None) -> list[Problem]:
    """Every warning for a validated brief (`data`: the tables it was validated from), in file order
    of the rules above; `elsewhere` maps the ids of the other briefings on the search path to their files."""
    found = [*_placeholders(data), *_untranslated(data)]
    found += _dates(brief)
    found += _units(brief)
    found += _never_cited(brief)
    if elsewhere and brief.id in elsewhere and (path is None or not _same_file(elsewhere[brief.id], path)):
        found.append(warn("id-used-elsewhere", ("id",), id=brief.id, other=elsewhere[brief.id]))
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _strings(value: object, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every value of the tables with its path, depth first (the tables are at most 16 deep)."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _placeholders(data: Mapping):
    word = re.compile(rf"\b{PLACEHOLDER}\b")
    for path, value in _strings(data):
        if isinstance(value, str) and word.search(value):
            yield warn("placeholder", path, word=PLACEHOLDER)


def _untranslated(data: Mapping):
    first, *others = CONTENT_LOCALES
    for path, value in _strings(data):
        if not (isinstance(value, dict) and isinstance(value.get(first), str)) or NAME_FIELDS & set(path[-1:]):
            continue
        text = " ".join(value[first].split())
        if len(_WORD_WITH_LETTER.findall(text)) < MIN_WORDS or PLACEHOLDER in text:  # a placeholder says so already
            continue
        for language in others:
            if isinstance(value.get(language), str) and " ".join(value[language].split()) == text:
                yield warn("untranslated", (*path, language), language=language, other=first)


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _dates(brief):
    date_span, cutoff_span = dates.span(brief.date), dates.span(brief.cutoff)
    if cutoff_span[1] < date_span[0]:
        yield warn("cutoff-before-event", ("cutoff",), cutoff=_shown(brief.cutoff), date=_shown(brief.date))
    for n, source in enumerate(brief.sources):
        if dates.span(source.published)[0] > cutoff_span[1]:
            yield warn("published-after-cutoff", ("sources", n, "published"), source=source.id,
                       published=_shown(source.published), cutoff=_shown(brief.cutoff))
    when = brief.decision.when
    lag = (dates.span(when)[0].date() - brief.date).days
    if lag > MAX_DECISION_LAG_DAYS:
        yield warn("decision-long-after-date", ("decision", "when"), when=_shown(when), date=_shown(brief.date),
                   days=MAX_DECISION_LAG_DAYS)


def _dimension(figure) -> str:
    return units.dimension(figure.unit, getattr(figure, "per", None)).key


def _unit_words(figure) -> str:
    per = getattr(figure, "per", None)
    return figure.unit + (f"/{per}" if per else "")


def _units(brief):
    first_of: dict[str, tuple[str, object]] = {}  # measure -> (id, figure) of its first statistic
    for n, stat in enumerate(brief.statistics):
        if stat.measure is None:
            continue
        other_id, other = first_of.setdefault(stat.measure, (stat.id, stat))
        if other is not stat and _dimension(other) != _dimension(stat):
            yield warn("mixed-units", ("statistics", n, "unit"), id=stat.id, measure=stat.measure,
                       unit=_unit_words(stat), other=other_id, other_unit=_unit_words(other))
    for n, point in enumerate(brief.comparison):
        first = None
        for m, position in enumerate(point.positions):
            if not hasattr(getattr(position, "value", None), "unit"):
                continue
            if first is None:
                first = position
            elif _dimension(first.value) != _dimension(position.value):
                yield warn("mixed-units", ("comparison", n, "positions", m, "value", "unit"), id=position.source,
                           measure=point.id, unit=_unit_words(position.value), other=first.source,
                           other_unit=_unit_words(first.value))
    yield from _mismatches(brief)


def _mismatches(brief):
    """A statistic of measure M from source S against S's value on comparison point M."""
    points = {point.id: (n, point) for n, point in enumerate(brief.comparison)}
    for stat in brief.statistics:
        if stat.measure not in points:
            continue
        n, point = points[stat.measure]
        for m, position in enumerate(point.positions):
            value = getattr(position, "value", None)
            if position.source not in stat.sources or not hasattr(value, "unit"):
                continue
            (mine, _, interval), (theirs, _, other) = figure_interval(stat), figure_interval(value)
            where = ("comparison", n, "positions", m, "value")
            if mine.key != theirs.key:
                yield warn("mixed-units", (*where, "unit"), id=position.source, measure=point.id,
                           unit=_unit_words(value), other=stat.id, other_unit=_unit_words(stat))
            elif not interval.overlaps(other):
                yield warn("figure-mismatch", where, source=position.source, point=point.id, statistic=stat.id)


def _never_cited(brief):
    cited: set[str] = set(brief.decision.when_sources)
    for statement in (brief.decision.what, brief.decision.who, brief.decision.where, *brief.decision.why,
                      *brief.background, *brief.statistics, *brief.watch):
        cited.update(statement.sources)
    for point in brief.comparison:
        cited.update(position.source for position in point.positions)
    for source in brief.sources:
        cited.update(source.relays)
    for n, source in enumerate(brief.sources):
        if source.id not in cited:
            yield warn("source-never-cited", ("sources", n, "id"), source=source.id)

