"""Immutable records that are tuples, made without compiling code at import.

typing.NamedTuple builds each class's constructor with eval(): about 0.3 ms
a class, and the brief's faces define some forty of them, a cost every run
of `briefing print` paid before printing a line.  A `Record` subclass gets
the same behaviour (tuple equality and unpacking, named fields, defaults,
`_replace`, `_asdict`, `_fields`) from one shared constructor instead.

    class Point(Record):
        x: int
        y: int = 0
"""

from __future__ import annotations

from operator import itemgetter


class Record(tuple):
    """A tuple with named fields, declared as class annotations; a class value is a field's default."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _defaults: dict[str, object] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        fields = tuple(name for name in cls.__dict__.get("__annotations__", {}) if not name.startswith("_"))
        defaults = {}
        for name in fields:
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
        cls._fields, cls._defaults = fields, defaults
        for index, name in enumerate(fields):
            setattr(cls, name, property(itemgetter(index)))

    def __new__(cls, *args, **kwargs):
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__} takes {len(fields)} fields, got {len(args)}")
        if len(args) == len(fields) and not kwargs:
            return tuple.__new__(cls, args)
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in cls._defaults:
                values.append(cls._defaults[name])
            else:
                raise TypeError(f"{cls.__name__} needs its field {name!r}")
        if kwargs:
            raise TypeError(f"{cls.__name__} has no field {next(iter(kwargs))!r}")
        return tuple.__new__(cls, values)

    def _replace(self, **changes):
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {unknown.pop()!r}")
        return tuple.__new__(type(self), [changes.get(name, value) for name, value in zip(self._fields, self)])

    def _asdict(self) -> dict[str, object]:
        return dict(zip(self._fields, self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))})"

    def __getnewargs__(self):
        return tuple(self)
