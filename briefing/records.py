"""Validated briefings as the views read them: plain attributes, no validation machinery.

The pydantic models in briefing.model say what a file may hold; once a file
has passed them, its content is frozen into these small objects, which the
cache can store and load without importing pydantic (that import alone costs
more than printing a brief).  The views read the same attribute names from
either form.
"""

from __future__ import annotations

from types import SimpleNamespace


class Text(dict):
    """One piece of text per language, {"en": ..., "ru": ...}."""

    def get(self, locale: str) -> str:  # type: ignore[override]
        """The text in `locale`, or in English when the file has no such language."""
        return dict.get(self, locale) or self["en"]


class Record(SimpleNamespace):
    """One table of a validated briefing: its fields as attributes."""


def freeze(value: object) -> object:
    """A validated model tree as Records, Texts, lists and plain values."""
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        root = getattr(value, "root", None)
        if isinstance(root, dict):  # a per-language text
            return Text(root)
        return Record(**{name: freeze(getattr(value, name)) for name in fields})
    if isinstance(value, list):
        return [freeze(item) for item in value]
    return value
