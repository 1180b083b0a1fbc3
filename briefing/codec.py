"""A small tagged JSON codec for validated briefings: reading an entry can never run code.

`encode` turns a tree of Records, Texts, lists, tuples, dicts and plain values
into UTF-8 JSON bytes; `decode` turns those bytes back into an equal tree.  It
replaces pickle in the cache: decoding only ever calls the constructors named
below, never a class or function named by the data.

The encoding.  JSON arrays are lists; strings, booleans, null and floats
(NaN and the infinities as JSON's extension tokens, -0.0 as "-0.0") are
themselves; integers up to 15 digits are JSON numbers.  Every JSON object is
a tag with exactly one key, whose value is never an object:

==========  ======================================  ==========================
tag         value                                   decodes to
==========  ======================================  ==========================
``i``       hexadecimal string ("-0x1f")            int of any size
``t``       array of items                          tuple
``d``       array [key, value, key, value, ...]     dict (keys of any type)
``R``       array [name, value, name, value, ...]   briefing.records.Record
``T``       array [lang, text, lang, text, ...]     briefing.records.Text
``D``       ISO date string                         datetime.date
``DT``      ISO date-time string (offset kept)      datetime.datetime
``N``       decimal string                          decimal.Decimal
``Q``       array [numerator, denominator]          fractions.Fraction
``C``       array [class name, name, value, ...]    a frozen dataclass of
                                                    briefing.dates or
                                                    briefing.records, called
                                                    with its fields
==========  ======================================  ==========================

Any other tag, a class outside that registry, a field the class does not
take, or a malformed value raises `CodecError`.  Decoding is one pass of the
standard library's JSON parser, linear in the size of its input; nesting
deeper than the interpreter's recursion limit raises CodecError too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import sys

from briefing import dates, records
from briefing.records import Record, Text

#: Integers with more digits than this are written in hexadecimal: exact at any size, and free of
#: the interpreter's limit on converting long decimal strings.
_SHORT_INT = 10**15


class CodecError(ValueError):
    """The bytes are not an encoding this codec wrote, or the value is not one it can write."""


@functools.cache
def registry() -> dict[str, type]:
    """The frozen dataclasses defined in briefing.dates and briefing.records, by class name.

    The allow-list is these two modules: a class is taken only if it is defined
    there (not merely imported) and frozen.  Fields are read from the class
    itself, so changing a class's fields needs no change here.
    """
    found: dict[str, type] = {}
    for module in (dates, records):
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__ and dataclasses.is_dataclass(value)
                    and value.__dataclass_params__.frozen):
                found[value.__name__] = value
    return found


def encode(value: object) -> bytes:
    """`value` as compact UTF-8 JSON bytes; CodecError for a type this codec does not know."""
    try:
        return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except RecursionError:
        raise CodecError("nested too deeply") from None


def _flat(pairs) -> list:
    return [item for key, val in pairs for item in (_encode(key), _encode(val))]


def _encode(value: object) -> object:
    kind = type(value)
    if kind is str or kind is bool or kind is float or value is None:
        return value
    if kind is int:
        return value if -_SHORT_INT < value < _SHORT_INT else {"i": hex(value)}
    if kind is list:
        return [_encode(item) for item in value]
    if kind is Text:
        return {"T": _flat(value.items())}
    if kind is Record:
        return {"R": _flat(vars(value).items())}
    if kind is tuple:
        return {"t": [_encode(item) for item in value]}
    if kind is dict:
        return {"d": _flat(value.items())}
    if kind is dt.datetime:
        return {"DT": value.isoformat()}
    if kind is dt.date:
        return {"D": value.isoformat()}
    decimal, fractions = sys.modules.get("decimal"), sys.modules.get("fractions")
    if decimal is not None and kind is decimal.Decimal:
        return {"N": str(value)}
    if fractions is not None and kind is fractions.Fraction:
        return {"Q": [_encode(value.numerator), _encode(value.denominator)]}
    if registry().get(kind.__name__) is kind:
        fields = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value) if f.init]
        return {"C": [kind.__name__, *_flat(fields)]}
    raise CodecError(f"cannot encode a value of type {kind.__name__}")


def decode(data: bytes) -> object:
    """The value `encode` turned into `data`; CodecError for anything else."""
    try:
        return json.loads(data.decode("utf-8"), object_hook=_tagged)
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, RecursionError) as exc:
        raise CodecError(f"not a valid entry: {type(exc).__name__}") from None


def _pairs(items: object) -> dict:
    if type(items) is not list or len(items) % 2:
        raise CodecError("expected an array of pairs")
    flat = iter(items)
    return dict(zip(flat, flat))


def _record(value: object) -> Record:
    return Record(**_pairs(value))  # a name that is not a string is a TypeError


def _text(value: object) -> Text:
    text = _pairs(value)
    if not all(type(k) is str and type(v) is str for k, v in text.items()):
        raise CodecError("a Text maps language codes to strings")
    return Text(text)


def _string(make):
    def checked(value: object) -> object:
        if type(value) is not str:
            raise CodecError("expected a string")
        return make(value)
    return checked


#: No valid briefing holds a decimal further from 1 than this power of ten (its limits are 10^100 and 10^-30).
MAX_DECIMAL_EXPONENT = 400


def _decimal(value: str) -> object:
    import decimal

    number = decimal.Decimal(value)
    if number.is_finite() and not -MAX_DECIMAL_EXPONENT <= number.adjusted() <= MAX_DECIMAL_EXPONENT:
        raise CodecError("a decimal beyond any a briefing can hold")  # e.g. 1E+999999999 in a forged entry
    return number


def _fraction(value: object) -> object:
    if type(value) is not list or len(value) != 2 or not all(type(v) is int for v in value):
        raise CodecError("expected [numerator, denominator]")
    import fractions

    return fractions.Fraction(*value)


def _tuple(value: object) -> tuple:
    if type(value) is not list:
        raise CodecError("expected an array")
    return tuple(value)


def _dataclass(value: object) -> object:
    if type(value) is not list or not value or type(value[0]) is not str:
        raise CodecError("expected [class name, name, value, ...]")
    cls = registry().get(value[0])
    if cls is None:
        raise CodecError("a class outside the registry")
    return cls(**_pairs(value[1:]))


_DECODERS = {
    "R": _record, "T": _text, "t": _tuple, "d": _pairs, "C": _dataclass, "Q": _fraction,
    "i": _string(lambda v: int(v, 16)), "D": _string(dt.date.fromisoformat),
    "DT": _string(dt.datetime.fromisoformat), "N": _string(_decimal),
}


def _tagged(obj: dict) -> object:
    if len(obj) != 1:
        raise CodecError("a tag has exactly one key")
    [(tag, value)] = obj.items()
    decoder = _DECODERS.get(tag)
    if decoder is None:
        raise CodecError("an unknown tag")
    return decoder(value)
