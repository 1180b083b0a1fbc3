"""What a briefing file may say.

Facts are stored raw (numbers as numbers, dates as dates, qualifiers as a
field) and every piece of human text is a per-locale map, so language and
formatting are chosen only when a brief is rendered.  Unknown keys are
rejected so that a typo in a file is an error, not a silently missing fact.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    RootModel,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from briefing.analysis import derivation_problems, operand_ids
from briefing.dates import FuzzyDate
from briefing.i18n import CONTENT_LOCALES, N_, Quoted
from briefing.records import IDENT_MAX_LENGTH, IDENT_PATTERN

#: Messages for the mistakes a briefing file can hold, translated when shown.
PROBLEMS = {
    "not_locale_code": N_("“{key}” is not a language code such as en or ru"),
    "empty_text": N_("the “{key}” text is empty"),
    "missing_locale": N_("the “{key}” text is missing"),
    # a day is a TOML date, written bare; every other form is TOML text, in quotes
    "bad_date": N_("expected a date such as 2025-11-21, or in quotes a form such as 2025-06, 2026-Q1, 2026-H1, "
                   "2025, early-2024, 1990s or 2026-01/2026-03; got {value}"),
    "bad_month": N_("“{value}” has no month {month}"),
    "duplicate_position": N_("the source “{source}” is listed twice"),
    "duplicate_id": N_("the id “{id}” is used twice"),
    "unknown_source": N_("unknown source “{source}” (known: {known})"),
    "unknown_statistic": N_("unknown statistic “{id}”"),
    "unknown_unit": N_("unknown unit “{unit}” (nearest known: {nearest}); use a CLDR unit such as mass-tonne, "
                       "an ISO 4217 currency such as USD, percent, or a counted noun declared under [counted]"),
    "unnamed_unit": N_("the unit “{unit}” has no name in {language} in CLDR, so it cannot be shown"),
    "bad_per": N_("“{per}” cannot follow per (nearest known: {nearest}); use a CLDR unit such as duration-day"),
    "counted_missing": N_("the counted noun “{noun}” lacks its {language} form for the CLDR plural "
                          "category “{category}” (needed: {needed})"),
    "counted_extra": N_("“{category}” is not a CLDR plural category of {language} (needed: {needed})"),
    "counted_clash": N_("“{noun}” cannot be declared as a counted noun: it is a CLDR unit or percent"),
    "range_order": N_("a range's first value must be below its second, got {low} and {high}"),
    "range_qualifier": N_("a range takes no qualifier but “about”, got “{qualifier}”"),
    "margin_qualifier": N_("a margin goes with a single exact value, not with “{qualifier}” or a range"),
    "percent_scale": N_("a percentage takes no scale word and no per unit"),
    "reference_position": N_("the source “{source}” is a reference dataset: reference datasets are set beside "
                             "figures, not compared point by point"),
    "name_twice": N_("“{name}” is listed under two names; give each spelling once"),
    "chart_labels": N_("a chart of {figures} figures needs {figures} labels, got {labels}"),
    "not_a_number": N_("expected a number, got {got}"),
    "range_length": N_("a range is two numbers, [low, high], got {count}"),
    "negative_margin": N_("a margin cannot be negative, got {got}"),
    "too_many_digits": N_("a figure may have at most {limit} digits before the decimal point"),
    "too_many_decimals": N_("a figure may have at most {limit} digits after the decimal point"),
    "unknown_language": N_("“{value}” is not a language CLDR knows: use a BCP 47 tag such as en, ru or kk"),
    "relay_self": N_("the source “{source}” cannot relay itself"),
    "relay_loop": N_("sources relay each other in a loop: {loop}"),
    "derived_arity": N_("a “{operation}” figure is computed from exactly {count} figures"),
    "derived_sum": N_("a “{operation}” figure is computed from two figures or more"),
    "derived_both": N_("give either operands or numerator and denominator, not both"),
    "derived_zero": N_("“{id}” is zero, so “{figure}” would divide by zero"),
    "derived_per": N_("“{operation}” divides a figure by a plain unit or count: neither “{a}” nor “{b}” may have "
                      "a per unit, and the second must be one CLDR can put after per"),
    "derived_units": N_("“{a}” ({unit_a}) and “{b}” ({unit_b}) measure different things, "
                        "so “{operation}” cannot combine them"),
}


def problem(kind: str, **context: object) -> PydanticCustomError:
    """A validation error whose message the store can translate."""
    return PydanticCustomError(kind, PROBLEMS[kind], context)


Found = tuple[tuple[str | int, ...], PydanticCustomError]


def raise_all(title: str, found: Iterable[Found], value: object) -> None:
    """Raise every problem found, each at its field path (relative to the model that found them), as one
    ValidationError, so that a file's author sees them all in one run; return when there is none.

    pydantic adds the path of the model to each of them, as it does for the errors of its fields.
    """
    details = [InitErrorDetails(type=error, loc=loc, input=value) for loc, error in found]
    if details:
        raise ValidationError.from_exception_data(title, details)


Ident = Annotated[
    str,
    Field(pattern=IDENT_PATTERN, max_length=IDENT_MAX_LENGTH,
          description=N_("Lower-case identifier: letters a–z, digits, “.”, “_” or “-”.")),
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
        raise_all("LocalizedText", _text_problems(value), value)
        return value

    def get(self, locale: str) -> str:
        """The text in `locale`, or in English when the file has no such language."""
        return self.root.get(locale) or self.root["en"]


def _text_problems(value: dict[str, str]):
    for key, text in value.items():
        if not _LOCALE_KEY.match(key):
            yield (key,), problem("not_locale_code", key=key)
        elif not text.strip():
            yield (key,), problem("empty_text", key=key)
    for locale in CONTENT_LOCALES:
        if locale not in value:
            yield (), problem("missing_locale", key=locale)


def _shown(value: Any) -> str:
    """A value in a message much as the file wrote it: dates in ISO form, text quoted, cut to 40 characters."""
    if isinstance(value, str):
        return Quoted(repr(value)[1:-1][:40])
    written = value.isoformat() if isinstance(value, (dt.date, dt.time)) else str(value)
    return written[:40]


def _parse_fuzzy_date(value: Any) -> FuzzyDate:
    """A FuzzyDate from a TOML date or from text in any form briefing.date_parse accepts."""
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return FuzzyDate(value.isoformat(), "day", value.year, value.month, value.day)
    from briefing.date_parse import DateFormError, parse

    try:
        return parse(value)
    except DateFormError as error:
        if error.month is not None:
            raise problem("bad_month", value=value, month=error.month) from None
        raise problem("bad_date", value=_shown(value)) from None


Fuzzy = Annotated[
    FuzzyDate,
    BeforeValidator(_parse_fuzzy_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({
        "description": N_("A date at the precision the source gave (ISO 8601-2 / EDTF): a day (2025-11-21), "
                          "a month ('2025-06'), a quarter ('2026-Q1'), a half ('2026-H1'), a season ('2026-21'), "
                          "a year ('2025'), a decade ('1990s'), a part of one ('early-2024', 'mid-2025-11', "
                          "'late-1990s'), an interval ('2026-01/2026-03'), optionally ending in ~ (approximate) "
                          "or ? (uncertain)."),
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "maxLength": 64, "pattern": r"^(?!0000)[0-9][0-9A-Za-z~?%/-]*$|^(early|mid|late)-(?!0000)"},
        ],
    }),
]

#: Limits that keep every figure showable and every sum of figures exact and quick.
MAX_DIGITS = 100
MAX_DECIMALS = 30


def _number(value: Any) -> int | Decimal:
    """A finite number as the file wrote it: an int, or a Decimal keeping its written decimals; -0 is 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        got = ("true" if value else "false") if isinstance(value, bool) else _shown(value)
        raise problem("not_a_number", got=got)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PydanticCustomError("finite_number", "must be a finite number")
        if value.is_zero():
            value = value.copy_abs()
        sign, digits, exponent = value.as_tuple()
        if -exponent > MAX_DECIMALS:
            raise problem("too_many_decimals", limit=MAX_DECIMALS)
        too_long = len(digits) + exponent > MAX_DIGITS
    else:
        too_long = abs(value) >= 10 ** MAX_DIGITS  # compared, not printed: str() refuses ints of 4,300 digits
    if too_long:
        raise problem("too_many_digits", limit=MAX_DIGITS)
    return value


def _figure_value(value: Any) -> int | Decimal | list:
    """A number, or [low, high] for a range; each end as _number reads it."""
    if isinstance(value, list):
        if len(value) != 2:
            raise problem("range_length", count=len(value))
        return [_number(end) for end in value]
    return _number(value)


Number = Annotated[
    Union[int, Decimal],
    BeforeValidator(_number),
    WithJsonSchema({"type": "number"}),
]
FigureValue = Annotated[
    Union[int, Decimal, list],
    BeforeValidator(_figure_value),
    WithJsonSchema({"oneOf": [{"type": "number"},
                              {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}]}),
]


def _not_negative(value: int | Decimal) -> int | Decimal:
    if value < 0:
        raise problem("negative_margin", got=str(value))
    return value


Margin = Annotated[
    Union[int, Decimal],
    BeforeValidator(_number),
    AfterValidator(_not_negative),
    WithJsonSchema({"type": "number", "minimum": 0}),
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


#: Kinds of source a news desk meets; README.md says what each means.
SOURCE_KINDS = ("news-report", "wire", "broadcast", "official-statement", "press-release", "transcript",
                "social-media", "aggregator", "market-data", "reference-dataset")
SourceKind = Literal[SOURCE_KINDS]  # type: ignore[valid-type]
_LANGUAGE_TAG = r"^[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|[0-9]{3}))?$"


def _known_language(tag: str) -> str:
    """A BCP 47 language tag that CLDR (through Babel) can name; 'en_GB' is read as 'en-GB'."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise problem("unknown_language", value=tag) from None
    return tag


class Source(Strict):
    """A report, statement or dataset that the brief cites."""

    id: Ident
    outlet: LocalizedText
    kind: SourceKind = Field(description=N_("What the source is: news-report, wire, broadcast, official-statement, "
                                            "press-release, transcript, social-media, aggregator, market-data or "
                                            "reference-dataset."))
    language: Annotated[str, Field(pattern=_LANGUAGE_TAG), AfterValidator(_known_language)] = Field(
        description=N_("Language of the source as a BCP 47 tag, e.g. 'ru' or 'en-GB'."))
    published: Union[dt.datetime, dt.date, Fuzzy] = Field(
        description=N_("When the source was published: a date, a date and time (with its UTC offset when "
                       "known), or a vaguer date."))
    url: str = Field(pattern=r"^https?://\S+$", description=N_("Address of the source."))
    reliability: LocalizedText = Field(description=N_("A note on how far the source can be trusted."))
    headline: LocalizedText | None = None
    relays: list[Ident] = Field(default_factory=list, description=N_(
        "Ids of the sources this one passes on (a relay, a republished wire story), so that the brief "
        "counts independent sources."))

    @field_validator("published", mode="before")
    @classmethod
    def _month_or_date(cls, value: Any) -> Any:
        return _parse_fuzzy_date(value) if isinstance(value, str) else value


Qualifier = Literal["exact", "more-than", "at-least", "nearly", "about", "less-than", "up-to", "at-most",
                    "no-more-than"]
Scale = Literal["thousand", "million", "billion", "trillion"]


class Figure(Strict):
    """A number as a source gave it: value or range, unit, scale word, qualifier, margin."""

    value: FigureValue = Field(description=N_(
        "The number as written (8.6 stays 8.6; negative for a fall), or [low, high] for a range."))
    unit: str = Field(max_length=80, description=N_(
        "A CLDR unit (mass-tonne, volume-barrel, power-gigawatt), an ISO 4217 currency (USD), percent, "
        "percentage-point, or a counted noun declared under [counted]."))
    per: str | None = Field(default=None, max_length=80, description=N_(
        "A CLDR unit the figure is per, e.g. duration-day for barrels per day."))
    scale: Scale | None = Field(default=None, description=N_(
        "The scale word the source used: 1.65 with scale = \"million\" is 1.65 million."))
    qualifier: Qualifier = "exact"
    margin: Margin | None = Field(default=None, description=N_("Plus or minus this much, in the same unit."))

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        raise_all(type(self).__name__, self._problems(), self.value)
        return self

    def _problems(self):
        if isinstance(self.value, list):
            low, high = self.value
            if not low < high:
                yield ("value",), problem("range_order", low=str(low), high=str(high))
            if self.qualifier not in ("exact", "about"):
                yield ("qualifier",), problem("range_qualifier", qualifier=self.qualifier)
        if self.margin is not None and (self.qualifier != "exact" or isinstance(self.value, list)):
            yield ("margin",), problem("margin_qualifier", qualifier=self.qualifier)
        if (self.scale or self.per) and self.unit in ("percent", "percentage-point"):
            yield ("scale" if self.scale else "per",), problem("percent_scale")


class Quantity(Figure):
    """A structured value on a comparison point that is a figure: compared as an interval after unit conversion."""


class DateValue(Strict):
    """A structured value on a comparison point that is a date vaguer than a day: {date = "2023"}."""

    date: Fuzzy


Scalar = Union[dt.date, Number, str, Quantity, DateValue]


class Position(Strict):
    """What one source says on a comparison point."""

    source: Ident
    says: LocalizedText
    value: Scalar | None = Field(
        default=None,
        description=N_("The claim in structured form so it can be compared across sources: a date, a number, "
                       "a name, a figure {value, unit, ...} or a vague date {date = \"2023\"}."))


class ComparisonPoint(Strict):
    """A question and what each source says on it; sources not listed do not mention it."""

    id: Ident
    question: LocalizedText
    positions: list[Position] = Field(default_factory=list)
    verdict: Literal["agree", "differ", "complement"] | None = Field(
        default=None, description=N_("Set when sources agree, differ or complement each other in wording or "
                                     "stance rather than in a value."))
    note: LocalizedText | None = Field(default=None, description=N_("What differs, in your own words."))

    @model_validator(mode="after")
    def _one_position_per_source(self) -> ComparisonPoint:
        seen: set[str] = set()
        found = []
        for n, position in enumerate(self.positions):
            if position.source in seen:
                found.append((("positions", n, "source"), problem("duplicate_position", source=position.source)))
            seen.add(position.source)
        raise_all("ComparisonPoint", found, self.id)
        return self


class Statistic(Figure):
    """A figure exactly as a source gives it: value, unit, qualifier and who is quoted."""

    id: Ident
    label: LocalizedText
    as_of: Fuzzy
    quoted: LocalizedText | None = Field(default=None, description=N_("Who is quoted giving the figure."))
    measure: Ident | None = Field(
        default=None,
        description=N_("What is measured, shared by figures of the same thing from different sources."))
    sources: SourceIds


#: Derived kinds, and how many operands each takes (None: two or more).
DERIVED_ARITY = {"average": 2, "ratio": 2, "share": 2, "difference": 2, "change": 2, "percent-change": 2,
                 "sum": None}


class DerivedFigure(Strict):
    """A figure computed from statistics of the brief, with its arithmetic shown.

    average, ratio, share: numerator ÷ denominator; difference: first − second;
    change, percent-change: from the first to the second; sum: all added.
    """

    id: Ident
    label: LocalizedText
    kind: Literal["average", "ratio", "share", "difference", "change", "percent-change", "sum"]
    numerator: Ident | None = None
    denominator: Ident | None = None
    operands: list[Ident] = Field(default_factory=list, description=N_(
        "Ids of the statistics it is computed from, in order (instead of numerator and denominator)."))

    @model_validator(mode="after")
    def _operands_fit(self) -> DerivedFigure:
        if self.operands and (self.numerator or self.denominator):
            raise_all("DerivedFigure", [(("operands",), problem("derived_both"))], self.id)
        count = DERIVED_ARITY[self.kind]
        given = len(operand_ids(self))
        if (count is None and given < 2) or (count is not None and given != count):
            where = ("operands",) if self.operands else ("numerator",) if self.numerator else ("kind",)
            wrong = (problem("derived_sum", operation=self.kind) if count is None
                     else problem("derived_arity", operation=self.kind, count=count))
            raise_all("DerivedFigure", [(where, wrong)], self.id)
        return self


class Chart(Strict):
    """Figures the dashboard draws as bars side by side, converted to one unit."""

    title: LocalizedText
    figures: list[Ident] = Field(min_length=1, description=N_("Ids of the statistics to draw, in order."))
    labels: list[LocalizedText] = Field(default_factory=list, description=N_(
        "A short label for each bar, in the order of figures; each figure's own label when left out."))

    @model_validator(mode="after")
    def _a_label_per_figure(self) -> Chart:
        if self.labels and len(self.labels) != len(self.figures):
            raise_all("Chart", [(("labels",), problem("chart_labels", figures=len(self.figures),
                                                      labels=len(self.labels)))], self.labels)
        return self


class NameAliases(Strict):
    """Other spellings of a name, so that comparison values are matched on meaning, not on spelling."""

    name: str = Field(min_length=1)
    aliases: list[str] = Field(min_length=1)


class WatchItem(Strict):
    """Something to watch next, and the sources that say it is coming."""

    text: LocalizedText
    sources: SourceIds


PluralForms = dict[str, str]
CountedNoun = Annotated[dict[str, PluralForms], Field(description=N_(
    "A counted noun's forms in each language, by CLDR plural category: en = {one = \"ship\", "
    "other = \"ships\"}, ru = {one = \"судно\", few = \"судна\", many = \"судов\", other = \"судна\"}."))]


class Briefing(Strict):
    """A briefing on one news event, as written in one TOML file."""

    format: Literal[1, 2] = Field(default=1, description=N_(
        "Version of the briefing format the file is written in; this tool reads 1 and 2."))
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
    charts: list[Chart] = Field(default_factory=list)
    counted: dict[Ident, CountedNoun] = Field(default_factory=dict)
    names: list[NameAliases] = Field(default_factory=list)
    watch: list[WatchItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Briefing:
        raise_all("Briefing", cross_field_problems(self), self.id)
        return self


#: The kinds of problem only the whole briefing shows (a reference, a unit, a derived figure): found once
#: every field is valid on its own.
CROSS_FIELD = frozenset({
    "duplicate_id", "unknown_source", "unknown_statistic", "relay_self", "relay_loop", "name_twice",
    "counted_clash", "counted_extra", "counted_missing", "reference_position", "unknown_unit", "unnamed_unit",
    "bad_per", "derived_per", "derived_units", "derived_zero"})


def cross_field_problems(brief: Briefing):
    """Every reference, unit and derived-figure problem of the brief, each with its field path.

    A derived figure is computed (to see whether it can be) only when each of its operands exists and has a
    unit that is known.
    """
    found = list(_reference_problems(brief))
    unfit = {loc[1] for loc, error in found if loc[0] == "statistics" and error.type in ("unknown_unit",
                                                                                            "unnamed_unit", "bad_per")}
    unfit = {brief.statistics[n].id for n in unfit}
    found += _derived_problems(brief, unfit)
    return found
#: The keys a list of briefings shows, read from a file without the rest of it (briefing.validate.validate_header).
HEADER_FIELDS = ("format", "id", "title", "date")
#: Those keys under Briefing's own rules; every other key is left for Briefing to check when the file is opened.
BriefingHeader = create_model(
    "BriefingHeader", __config__=ConfigDict(extra="ignore", frozen=True, strict=True),
    **{name: (Briefing.model_fields[name].annotation, Briefing.model_fields[name]) for name in HEADER_FIELDS})


def _reference_problems(brief: Briefing):
    """Yield (field path, error) for each duplicate id, dangling reference,
    unknown unit, incomplete counted noun, relay loop and derived figure that cannot be computed."""
    for table, items in (("sources", brief.sources), ("comparison", brief.comparison),
                         ("statistics", brief.statistics), ("derived", brief.derived)):
        seen: set[str] = set()
        for n, item in enumerate(items):
            if item.id in seen:
                yield (table, n, "id"), problem("duplicate_id", id=item.id)
            seen.add(item.id)
    known = {s.id for s in brief.sources}
    known_list = ", ".join(sorted(known))

    def check(path: tuple, ids: list[str]):
        for n, source_id in enumerate(ids):
            if source_id not in known:
                yield (*path, n), problem("unknown_source", source=source_id, known=known_list)

    decision = brief.decision
    for name in ("what", "who", "where"):
        yield from check(("decision", name, "sources"), getattr(decision, name).sources)
    yield from check(("decision", "when_sources"), decision.when_sources)
    for n, why in enumerate(decision.why):
        yield from check(("decision", "why", n, "sources"), why.sources)
    for n, entry in enumerate(brief.background):
        yield from check(("background", n, "sources"), entry.sources)
    for n, source in enumerate(brief.sources):
        yield from check(("sources", n, "relays"), source.relays)
        if source.id in source.relays:
            yield ("sources", n, "relays"), problem("relay_self", source=source.id)
    yield from _relay_loops(brief)
    yield from _names_twice(brief)
    yield from _counted_problems(brief)
    references = {s.id for s in brief.sources if s.kind == "reference-dataset"}
    for n, point in enumerate(brief.comparison):
        for m, position in enumerate(point.positions):
            where = ("comparison", n, "positions", m)
            if position.source not in known:
                yield (*where, "source"), problem("unknown_source", source=position.source, known=known_list)
            elif position.source in references:
                yield (*where, "source"), problem("reference_position", source=position.source)
            if isinstance(position.value, Quantity):
                yield from _unit_problems(brief, position.value, (*where, "value"))
    for n, stat in enumerate(brief.statistics):
        yield from check(("statistics", n, "sources"), stat.sources)
        yield from _unit_problems(brief, stat, ("statistics", n))
    stats = {s.id for s in brief.statistics}
    for n, figure in enumerate(brief.derived):
        names = (("operands", k) for k in range(len(figure.operands))) if figure.operands else (
            (end,) for end in ("numerator", "denominator") if getattr(figure, end))
        for name, stat_id in zip(names, operand_ids(figure)):
            if stat_id not in stats:
                yield ("derived", n, *name), problem("unknown_statistic", id=stat_id)
    for n, chart in enumerate(brief.charts):
        for m, stat_id in enumerate(chart.figures):
            if stat_id not in stats:
                yield ("charts", n, "figures", m), problem("unknown_statistic", id=stat_id)
    for n, item in enumerate(brief.watch):
        yield from check(("watch", n, "sources"), item.sources)


def _relay_loops(brief: Briefing):
    """A loop of sources each relaying the next (depth-first, each source visited once)."""
    relays = {s.id: [r for r in s.relays if r != s.id] for s in brief.sources}  # relay_self says the rest
    index = {s.id: n for n, s in enumerate(brief.sources)}
    reached: set[str] = set()
    for root in relays:
        if root in reached:
            continue
        path, on_path, stack = [root], {root}, [iter(relays[root])]
        reached.add(root)
        while stack:
            node = next(stack[-1], None)
            if node is None:
                on_path.remove(path.pop())
                stack.pop()
            elif node in on_path:
                yield ("sources", index[node], "relays"), problem(
                    "relay_loop", loop=" → ".join([*path[path.index(node):], node]))
                return
            elif node in relays and node not in reached:
                reached.add(node)
                on_path.add(node)
                path.append(node)
                stack.append(iter(relays[node]))


def _names_twice(brief: Briefing):
    """A name or alias in two [[names]] entries, which would leave its meaning to file order."""
    from briefing.analysis import fold

    seen: dict[str, int] = {}
    for n, entry in enumerate(brief.names):
        for spelling in {fold(entry.name), *map(fold, entry.aliases)}:
            if seen.setdefault(spelling, n) != n:
                yield ("names", n), problem("name_twice", name=spelling)


def _counted_problems(brief: Briefing):
    from briefing.i18n import CONTENT_LOCALES
    from briefing import units

    for noun, forms in brief.counted.items():
        if noun in units.cldr_units() or noun in units.LEGACY_UNITS or noun == units.PERCENT:
            yield ("counted", noun), problem("counted_clash", noun=noun)
            continue
        for language in CONTENT_LOCALES:
            needed = units.plural_categories(language)
            given = forms.get(language, {})
            for category in sorted(given):
                if category not in needed:
                    yield ("counted", noun, language, category), problem(
                        "counted_extra", category=category, language=language, needed=", ".join(needed))
            for category in needed:
                if not given.get(category, "").strip():
                    yield ("counted", noun, language), problem(
                        "counted_missing", noun=noun, language=language, category=category, needed=", ".join(needed))


def _unit_problems(brief: Briefing, figure: Figure, path: tuple):
    from briefing import units

    unit = figure.unit
    if not units.is_known(unit, brief.counted):
        missing = units.unnamed_in(unit)
        if missing:
            yield (*path, "unit"), problem("unnamed_unit", unit=unit, language=missing)
        else:
            yield (*path, "unit"), problem("unknown_unit", unit=unit, nearest=_nearest(unit, brief.counted))
    if figure.per is not None and figure.per not in units.per_units():
        found = units.nearest(figure.per, cldr_only=True)
        yield (*path, "per"), problem("bad_per", per=figure.per, nearest=", ".join(found) or "—")


def _nearest(unit: str, counted) -> str:
    from briefing import units

    return ", ".join(units.nearest(unit, counted)) or "—"


def _derived_problems(brief: Briefing, unfit: set[str]):
    """Derived figures that cannot be computed, of those whose operands all exist and are not `unfit`."""
    stats = {s.id for s in brief.statistics} - unfit
    for error in derivation_problems(brief, lambda figure: set(operand_ids(figure)) <= stats):
        yield ("derived", error.index), problem(error.kind, **error.context)
