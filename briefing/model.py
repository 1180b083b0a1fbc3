"""What a briefing file may say.

Facts are stored raw (numbers as numbers, dates as dates, qualifiers as a
field) and every piece of human text is a per-locale map, so language and
formatting are chosen only when a brief is rendered.  Unknown keys are
rejected so that a typo in a file is an error, not a silently missing fact.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    RootModel,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from pydantic_core import PydanticCustomError

from briefing.dates import FuzzyDate
from briefing.i18n import CONTENT_LOCALES, N_

#: Messages for the mistakes a briefing file can hold, translated when shown.
PROBLEMS = {
    "not_locale_code": N_("'{key}' is not a language code such as 'en' or 'ru'"),
    "empty_text": N_("the '{key}' text is empty"),
    "missing_locale": N_("the '{key}' text is missing"),
    "bad_date": N_("expected a date such as 2025-11-21, '2025-06', '2025' or 'early-1990s', got {value}"),
    "bad_month": N_("'{value}' has no month {month}"),
    "duplicate_position": N_("source '{source}' is listed twice"),
    "duplicate_id": N_("id '{id}' is used twice"),
    "unknown_source": N_("unknown source '{source}' (known: {known})"),
    "unknown_statistic": N_("unknown statistic '{id}'"),
}


def problem(kind: str, **context: object) -> PydanticCustomError:
    """A validation error whose message the store can translate."""
    return PydanticCustomError(kind, PROBLEMS[kind], context)

IDENT_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
Ident = Annotated[
    str,
    Field(pattern=IDENT_PATTERN, max_length=80,
          description=N_("Lower-case identifier: letters, digits, '.', '_' or '-'.")),
]
SourceIds = Annotated[
    list[Ident],
    Field(min_length=1, description=N_("Ids of the sources this statement rests on.")),
]

_LOCALE_KEY = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


class LocalizedText(RootModel[dict[str, str]]):
    """One piece of human text in every content language, e.g. {en = "...", ru = "..."}."""

    root: Annotated[
        dict[str, str],
        WithJsonSchema({
            "type": "object",
            "description": N_("The same text in each language: {en = \"...\", ru = \"...\"}."),
            "required": list(CONTENT_LOCALES),
            "propertyNames": {"pattern": _LOCALE_KEY.pattern},
            "additionalProperties": {"type": "string", "minLength": 1, "pattern": r"\S"},
        }),
    ]

    @field_validator("root")
    @classmethod
    def _every_locale_present(cls, value: dict[str, str]) -> dict[str, str]:
        for key, text in value.items():
            if not _LOCALE_KEY.match(key):
                raise problem("not_locale_code", key=key)
            if not text.strip():
                raise problem("empty_text", key=key)
        for locale in CONTENT_LOCALES:
            if locale not in value:
                raise problem("missing_locale", key=locale)
        return value

    def get(self, locale: str) -> str:
        """The text in `locale`, or in English when the file has no such language."""
        return self.root.get(locale) or self.root["en"]


_FUZZY = re.compile(
    r"^(?:(?P<part>early|mid|late)-)?(?P<decade>\d{3}0)s$|^(?P<year>\d{4})(?:-(?P<month>\d{2}))?$"
)


def _parse_fuzzy_date(value: Any) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return FuzzyDate(value.year, value.month, value.day)
    match = _FUZZY.match(value) if isinstance(value, str) else None
    if not match:
        raise problem("bad_date", value=repr(value)[:40])
    if match["decade"]:
        return FuzzyDate(int(match["decade"]), decade=True, part=match["part"] or "")
    if int(match["year"]) == 0:  # there is no year 0: no date of it could be shown
        raise problem("bad_date", value=repr(value)[:40])
    month = int(match["month"] or 0)
    if match["month"] and not 1 <= month <= 12:
        raise problem("bad_month", value=value, month=month)
    return FuzzyDate(int(match["year"]), month)


Fuzzy = Annotated[
    FuzzyDate,
    BeforeValidator(_parse_fuzzy_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({
        "description": N_("A date (2025-11-21), a month ('2025-06'), a year ('2025') "
                          "or a decade ('1990s', 'early-1990s')."),
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "pattern": _FUZZY.pattern},
        ],
    }),
]


class Strict(BaseModel):
    """Base for every table in a briefing file: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Statement(Strict):
    """One sentence of the brief and the sources it rests on."""

    text: LocalizedText
    sources: SourceIds


class Confidence(Strict):
    """How sure the brief is of the key decision, kept apart from any likelihood wording."""

    level: Literal["high", "moderate", "low"]
    reason: LocalizedText


class KeyDecision(Strict):
    """What was decided, by whom, when and where, and why it matters."""

    what: Statement
    who: Statement
    when: Fuzzy
    when_sources: SourceIds
    where: Statement
    why: list[Statement] = Field(min_length=1, description=N_("Why the decision matters."))
    confidence: Confidence


class TimelineEntry(Strict):
    """A dated event of the background."""

    date: Fuzzy
    text: LocalizedText
    sources: SourceIds


SourceKind = Literal["news-report", "official-statement", "reference-dataset"]


class Source(Strict):
    """A report, statement or dataset that the brief cites."""

    id: Ident
    outlet: LocalizedText
    kind: SourceKind
    language: str = Field(pattern=_LOCALE_KEY.pattern, description=N_("Language of the source, e.g. 'ru'."))
    published: Union[dt.datetime, dt.date, Fuzzy] = Field(
        description=N_("When the source was published: a date, a date and time, or a month."))
    url: str = Field(pattern=r"^https?://\S+$", description=N_("Address of the source."))
    reliability: LocalizedText = Field(description=N_("A note on how far the source can be trusted."))
    headline: LocalizedText | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _month_or_date(cls, value: Any) -> Any:
        return _parse_fuzzy_date(value) if isinstance(value, str) else value


Scalar = Union[dt.date, int, float, str]


class Position(Strict):
    """What one source says on a comparison point."""

    source: Ident
    says: LocalizedText
    value: Scalar | None = Field(
        default=None,
        description=N_("The claim in structured form (a date, number or name) so it can be compared across sources."))


class ComparisonPoint(Strict):
    """A question and what each source says on it; sources not listed do not mention it."""

    id: Ident
    question: LocalizedText
    positions: list[Position] = Field(default_factory=list)
    verdict: Literal["agree", "differ"] | None = Field(
        default=None, description=N_("Set when sources differ in wording or stance rather than in a value."))
    note: LocalizedText | None = Field(default=None, description=N_("What differs, in your own words."))

    @model_validator(mode="after")
    def _one_position_per_source(self) -> ComparisonPoint:
        seen: set[str] = set()
        for position in self.positions:
            if position.source in seen:
                raise problem("duplicate_position", source=position.source)
            seen.add(position.source)
        return self


Unit = Literal["reactor", "country", "gigawatt", "megawatt", "percent"]
Qualifier = Literal["exact", "more-than", "at-least", "nearly", "about", "less-than"]


class Statistic(Strict):
    """A figure exactly as a source gives it: value, unit, qualifier and who is quoted."""

    id: Ident
    label: LocalizedText
    value: Annotated[Union[int, float], Field(ge=0, allow_inf_nan=False)]
    unit: Unit
    qualifier: Qualifier = "exact"
    as_of: Fuzzy
    quoted: LocalizedText | None = Field(default=None, description=N_("Who is quoted giving the figure."))
    measure: Ident | None = Field(
        default=None,
        description=N_("What is measured, shared by figures of the same thing from different sources."))
    sources: SourceIds


class DerivedFigure(Strict):
    """A figure computed from two statistics, with its arithmetic shown."""

    id: Ident
    label: LocalizedText
    numerator: Ident
    denominator: Ident
    kind: Literal["average", "share"]


class WatchItem(Strict):
    """Something to watch next, and the sources that say it is coming."""

    text: LocalizedText
    sources: SourceIds


class Briefing(Strict):
    """A briefing on one news event, as written in one TOML file."""

    id: Ident
    title: LocalizedText
    date: dt.date = Field(description=N_("The day of the event the briefing is about."))
    cutoff: Union[dt.datetime, dt.date] = Field(description=N_("Information cut-off."))
    decision: KeyDecision
    background: list[TimelineEntry] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    comparison: list[ComparisonPoint] = Field(default_factory=list)
    statistics_title: LocalizedText | None = None
    statistics: list[Statistic] = Field(default_factory=list)
    derived: list[DerivedFigure] = Field(default_factory=list)
    watch: list[WatchItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Briefing:
        first = next(_reference_problems(self), None)
        if first:
            raise first
        return self


def _duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return [i for i in ids if i in seen or seen.add(i)]


def _reference_problems(brief: Briefing):
    """Yield an error, with the field path in its context, for each duplicate id and each dangling reference."""
    for table, items in (("sources", brief.sources), ("comparison", brief.comparison),
                         ("statistics", brief.statistics), ("derived", brief.derived)):
        for dup in _duplicates([item.id for item in items]):
            yield problem("duplicate_id", path=table, id=dup)
    known = {s.id for s in brief.sources}
    known_list = ", ".join(sorted(known))

    def check(path: str, ids: list[str]):
        for n, source_id in enumerate(ids):
            if source_id not in known:
                yield problem("unknown_source", path=f"{path}[{n}]", source=source_id, known=known_list)

    decision = brief.decision
    for name in ("what", "who", "where"):
        yield from check(f"decision.{name}.sources", getattr(decision, name).sources)
    yield from check("decision.when_sources", decision.when_sources)
    for n, why in enumerate(decision.why):
        yield from check(f"decision.why[{n}].sources", why.sources)
    for n, entry in enumerate(brief.background):
        yield from check(f"background[{n}].sources", entry.sources)
    for n, point in enumerate(brief.comparison):
        for m, position in enumerate(point.positions):
            if position.source not in known:
                yield problem("unknown_source", path=f"comparison[{n}].positions[{m}].source",
                              source=position.source, known=known_list)
    for n, stat in enumerate(brief.statistics):
        yield from check(f"statistics[{n}].sources", stat.sources)
    stats = {s.id for s in brief.statistics}
    for n, figure in enumerate(brief.derived):
        for end in ("numerator", "denominator"):
            if getattr(figure, end) not in stats:
                yield problem("unknown_statistic", path=f"derived[{n}].{end}", id=getattr(figure, end))
    for n, item in enumerate(brief.watch):
        yield from check(f"watch[{n}].sources", item.sources)
