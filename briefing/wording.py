"""What each validation error of a briefing file says to its author: the place and what was expected.

pydantic reports every error of a file, some of them several times over (a
value that fits no member of a union fails once per member).  `problems`
turns its list into one Problem per mistake, in the order pydantic found
them, each worded as an author reads it: the form of an id or an address
with an example, that full dates and numbers go unquoted, the nearest known
key for an unknown one.  Messages are catalog templates (str.format fields),
translated when shown.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import reprlib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from briefing.i18n import N_, Quoted

#: Messages for schema errors, by pydantic error type; others fall back to pydantic's own text.
SCHEMA_MESSAGES = {
    "missing": N_("required key is missing"),
    "extra_forbidden": N_("unknown key"),
    "string_type": N_("expected text, got {got}"),
    "int_type": N_("expected a whole number, got {got}"),
    "float_type": N_("expected a number, got {got}"),
    "date_type": N_("expected a date such as 2025-11-21, got {got}"),
    "datetime_type": N_("expected a date and time such as 2025-11-24T15:21:00, got {got}"),
    "list_type": N_("expected a list, got {got}"),
    "dict_type": N_("expected a table, got {got}"),
    "model_type": N_("expected a table, got {got}"),
    "model_attributes_type": N_("expected a table, got {got}"),
    "literal_error": N_("expected one of {expected}, got {got}"),
    "string_pattern_mismatch": N_("{got} is not of the expected form"),
    "string_too_long": N_("text is longer than {max_length} characters"),
    "string_too_short": N_("the text is empty"),
    "too_short": N_("the list is empty; give at least one entry"),  # every list that may not be empty
    "greater_than_equal": N_("must be at least {ge}, got {got}"),
    "finite_number": N_("must be a finite number"),
    "union": N_("expected {expected}, got {got}"),
    "recursion_loop": N_("nested too deeply"),
}
#: What the file should say instead, for the mistakes an author makes most.
UNKNOWN_KEY_NEAR = N_("unknown key; did you mean “{nearest}”?")
UNQUOTED_DATE = N_("full dates go unquoted: {key} = {value}")
UNQUOTED_NUMBER = N_("numbers go unquoted: {key} = {value}")
LIST_FORM = N_("expected a list: {key} = [{value}]")
#: The form of each pattern a field must match, with an example, by the pattern itself.
PATTERN_FORMS = {
    r"^[a-z0-9][a-z0-9._-]*$": N_("{got} is not an id of the form [a-z0-9][a-z0-9._-]* (lower-case letters, "
                                  "digits, “.”, “_”, “-”), such as kz-iaea-2025"),
    r"^https?://\S+$": N_("{got} is not a web address: it starts with http:// or https:// and holds no "
                          "spaces, such as https://example.org/report"),
    r"^[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|[0-9]{3}))?$":
        N_("{got} is not a language tag: a BCP 47 tag such as en, ru or en-GB"),
}
_UNION_NAMES = {
    "int": N_("a whole number"), "float": N_("a number"), "decimal": N_("a number"), "str": N_("text"),
    "date": N_("a date"), "datetime": N_("a date and time"),
}
_TYPE_NAMES = {
    str: N_("text"), int: N_("a whole number"), float: N_("a number"), bool: N_("true/false"),
    list: N_("a list"), dict: N_("a table"),
    dt.date: N_("a date"), dt.datetime: N_("a date and time"), dt.time: N_("a time of day"),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?")
_IDENT = re.compile(r"[a-z0-9][a-z0-9._-]{0,79}")
_NUMBER = re.compile(r"[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Problem:
    """One mistake in a validated file: its kind, field path, message template and values."""

    kind: str  # the pydantic error type, or a key of briefing.model.PROBLEMS
    loc: tuple[str | int, ...]
    message: str
    values: dict[str, object] = field(default_factory=dict)
    #: Values that are themselves messages to translate (type names), joined with " | ".
    translated: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Whether the value is wrong (placed at the value) rather than the key (placed at the key).
    at_value: bool = True

    @property
    def path(self) -> str:
        return dotted(self.loc)


def dotted(loc: Iterable[object]) -> str:
    """A field path as a file's author writes it: sources[2].url."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlist, _REPR.maxdict = 2, 50, 50, 4, 4


def short(value: object) -> str:
    """A value much as the file wrote it, cut short: never a whole megabyte, never a deep recursion.

    Text is Quoted, so the message shows it in the reader's quotation marks;
    its control characters stay escaped (\\n) as Python writes them.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        return Quoted(_REPR.repr(value)[1:-1][:60])
    return _REPR.repr(value)[:60]


#: One value of pydantic's list of the values a Literal allows: 'high'.
_LITERAL = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _type_name(value: object) -> str:
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


# --- the model's types along a field path -------------------------------------------------------------------

def _strip(annotation):
    """The type under Annotated and Optional (X | None)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _strip(members[0])
    return annotation


def _is_union(annotation) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _walk(loc: Sequence[object]):
    """Yield (index, type) along `loc` from the briefing down; the type reached after loc[:index]."""
    from pydantic import BaseModel, RootModel

    from briefing.model import Briefing

    current = Briefing
    for index, part in enumerate(loc):
        yield index, current
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _strip(current.model_fields["root"].annotation)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part) if isinstance(part, str) else None
            if info is None:
                return
            current = _strip(info.annotation)
        elif typing.get_origin(current) is list and isinstance(part, int):
            current = _strip(typing.get_args(current)[0])
        elif typing.get_origin(current) is dict and isinstance(part, str):
            current = _strip(typing.get_args(current)[1])
        else:
            return
    yield len(loc), current


def _union_site(loc: Sequence[object]) -> int | None:
    """Where in `loc` pydantic names a member of a union (the part after the union's own path), if anywhere."""
    for index, kind in _walk(loc):
        if index < len(loc) and _is_union(kind):
            return index
    return None


def allowed_keys(loc: Sequence[object]) -> list[str]:
    """The keys the table at `loc` may hold, or [] when it is not a table of the model."""
    from pydantic import BaseModel

    for index, kind in _walk(loc):
        if index == len(loc):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                return list(kind.model_fields)
    return []


# --- wording -------------------------------------------------------------------------------------------------

def problems(errors: list[dict]) -> list[Problem]:
    """One Problem for each mistake pydantic found, in its order; the members of a union that a value
    fits none of make one."""
    sites: dict[tuple, list[dict]] = {}
    order: list[tuple[str, object]] = []
    for error in errors:
        loc = tuple(error["loc"])
        site = _union_site(loc)
        if site is None:
            order.append(("one", error))
        else:
            key = loc[:site]
            if key not in sites:
                sites[key] = []
                order.append(("union", key))
            sites[key].append(error)
    found: list[Problem] = []
    for kind, item in order:
        if kind == "one":
            found.append(_one(item))
        else:
            found += _union(item, sites[item])
    return found


def _key_and_value(loc: tuple, value: object) -> dict[str, object]:
    key = loc[-1] if loc and isinstance(loc[-1], str) else dotted(loc)
    return {"key": key, "value": value}


def _quoted_form(loc: tuple, value: object) -> Problem | None:
    """A full date or a number written in quotes, which TOML reads as text."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        return Problem("quoted_date", loc, UNQUOTED_DATE, _key_and_value(loc, text))
    if _NUMBER.fullmatch(text):
        try:
            Decimal(text.replace("_", ""))
        except InvalidOperation:
            return None
        return Problem("quoted_number", loc, UNQUOTED_NUMBER, _key_and_value(loc, text))
    return None


def _one(error: dict) -> Problem:
    from briefing.model import PROBLEMS

    loc = tuple(error["loc"])
    kind = error["type"]
    context = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind in ("date_type", "datetime_type", "not_a_number", "int_type", "float_type"):
        quoted = _quoted_form(loc, value)
        if quoted:
            return quoted
    if kind in PROBLEMS:
        return Problem(kind, loc, PROBLEMS[kind], context)
    if kind == "missing":
        return Problem(kind, loc, SCHEMA_MESSAGES[kind], at_value=False)
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(str(loc[-1]), allowed_keys(loc[:-1]), n=1, cutoff=0.6)
        if near:
            return Problem(kind, loc, UNKNOWN_KEY_NEAR, {"nearest": near[0]}, at_value=False)
        return Problem(kind, loc, SCHEMA_MESSAGES[kind], at_value=False)
    if kind == "list_type" and isinstance(value, str) and len(value) <= 200:
        words = [word for word in re.split(r"[\s,]+", value) if word]
        if words and all(_IDENT.fullmatch(word) for word in words):  # sources = "lada, mfa"
            return Problem(kind, loc, LIST_FORM, _key_and_value(loc, ", ".join(f'"{w}"' for w in words)))
    if kind == "string_pattern_mismatch" and context.get("pattern") in PATTERN_FORMS:
        return Problem(kind, loc, PATTERN_FORMS[context["pattern"]], {"got": short(value)})
    if kind == "greater_than_equal" and isinstance(value, float) and not math.isfinite(value):
        kind = "finite_number"  # nan fails "at least 0" first; what it lacks is being a number at all
    if kind == "literal_error":  # "'high', 'moderate' or 'low'": each quoted as the reader's language quotes
        expected = str(context.get("expected", ""))
        texts = _LITERAL.findall(expected)
        # Numbers come unquoted ("1 or 2"): listed as they are, without the English "or".
        context["expected"] = (tuple(Quoted(v) for v in texts) if texts
                               else tuple(re.split(r", | or ", expected)))
    if kind in ("too_short", "string_too_short") and context.get("min_length") != 1:
        kind = "other"  # the messages say "empty": a longer minimum is pydantic's to word
    if kind in SCHEMA_MESSAGES:
        values = {"got": short(value), **context}
        translated = {}
        if "{got}" in SCHEMA_MESSAGES[kind] and kind.endswith("_type"):
            translated["got"] = (_type_name(value),)
            values.pop("got")
        return Problem(kind, loc, SCHEMA_MESSAGES[kind], values, translated)
    return Problem(kind, loc, "{detail}", {"detail": error["msg"]})


_MODEL_TAG = re.compile(r"^(?:function-\w+\[.*, )?([A-Z]\w*)\]?$")


def _union(loc: tuple, errors: list[dict]) -> list[Problem]:
    """A value that fits no member of a union: a table is held to the member table it fits best; any
    other value gets one line naming the members."""
    value = errors[0].get("input")
    members: dict[str, list[dict]] = {}
    for error in errors:
        members.setdefault(str(error["loc"][len(loc)]), []).append(error)
    tables = {tag: errs for tag, errs in members.items() if _MODEL_TAG.match(tag)}
    if isinstance(value, dict) and tables:
        tag, errs = min(tables.items(), key=lambda item: len(item[1]))
        return problems([{**e, "loc": (*loc, *tuple(e["loc"])[len(loc) + 1:])} for e in errs])
    quoted = _quoted_form(loc, value)
    if quoted and any(tag in ("date", "datetime", "int", "float", "decimal") for tag in members):
        return [quoted]
    tags = {tag for tag in members if tag in _UNION_NAMES}
    tags |= {"float" for tag in members if tag.startswith("function-before[_number()")}
    if {"int", "float"} <= tags:
        tags -= {"int"}  # "a whole number | a number" says no more than "a number"
    if {"date", "datetime"} <= tags:
        tags -= {"datetime"}
    if len(tags) < 2:
        return [_one(errors[0])]
    names = tuple(_UNION_NAMES[t] for t in sorted(tags))
    return [Problem("union", loc, SCHEMA_MESSAGES["union"], {"got": short(value)}, {"expected": names})]
