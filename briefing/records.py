"""Validated briefings as the views read them: plain attributes, no validation machinery.

The pydantic models in briefing.model say what a file may hold; once a file
has passed them, its content is frozen into these small objects, which the
cache can store and load without importing pydantic (that import alone costs
more than printing a brief).  The views read the same attribute names from
either form.
"""

from __future__ import annotations

from types import SimpleNamespace

#: What an id may be (of a briefing, a source, a point, a figure): lower case letters, digits, '.', '_', '-'.
IDENT_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
IDENT_MAX_LENGTH = 80


class Text(dict):
    """One piece of text per language, {"en": ..., "ru": ...}."""

    def get(self, locale: str) -> str:  # type: ignore[override]
        """The text in `locale`, or in English when the file has no such language."""
        return dict.get(self, locale) or self["en"]


class Record(SimpleNamespace):
    """One table of a validated briefing: its fields as attributes."""


def freeze(value: object) -> object:
    """A validated model tree as Records, Texts, lists and plain values.

    A model's fields are read from its __dict__, which pydantic fills in field
    order: four times as fast as model_fields and getattr.
    """
    if isinstance(value, list):
        return [freeze(item) for item in value]
    if not hasattr(value, "__pydantic_fields_set__"):  # not a model: a plain value
        return value
    fields = value.__dict__
    if len(fields) == 1 and "root" in fields:  # a per-language text
        return Text(fields["root"])
    return Record(**{name: freeze(item) for name, item in fields.items()})
