"""Where each key and value of a TOML document stands, as line and column, found from its field path.

The TOML parsers (tomllib, toml_rs) give values without places; a schema error
names a field path such as ("sources", 2, "url").  `Places(text)` scans the
text once, in linear time, and records for every path it meets the position
of its key and of its value: keys of tables and dotted keys, table headers,
arrays of tables (counted, so that `[[sources]]` number 3 is sources[2]),
inline tables and array elements, at any depth.  It expects a document that
a TOML parser has already accepted; on anything else it stops quietly at the
first token it cannot read, and what it recorded so far stays good.

Lines and columns count from 1; a column counts characters, as tomllib's
messages do.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Sequence

Path = tuple[str | int, ...]

_SPACE = re.compile(r"[ \t\r]*+")
_GAP = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")  # white space, newlines and comments
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]++")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*+"')
_LITERAL = re.compile(r"'[^'\n]*+'")
_ML_BASIC = re.compile(r'"""(?:[^\\"]|\\.|"(?!""))*+"""(?:"{1,2}+)?', re.S)
_ML_LITERAL = re.compile(r"'''(?:[^']|'(?!''))*+'''(?:'{1,2}+)?", re.S)
# numbers, booleans, dates and times; a date and a time may be joined by one space
_SCALAR = re.compile(r"[^\s,\]}#]++(?: [0-9]{2}:[^\s,\]}#]*+)?")


class _Stop(Exception):
    """The scanner met something it cannot read: the document was not valid TOML."""


class Places:
    """Positions of the keys and values of one TOML text, by field path."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.keys: dict[Path, int] = {}  # path -> offset of its key (or table header)
        self.values: dict[Path, int] = {}  # path -> offset of its value
        self._arrays_of_tables: dict[Path, int] = {}  # path -> index of its last [[element]]
        try:
            self._document()
        except (_Stop, IndexError, tomllib.TOMLDecodeError):
            pass

    # --- lookup -------------------------------------------------------------------------------

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def find(self, path: Sequence[str | int], value: bool = False) -> tuple[int, int]:
        """Line and column of `path`: its value's (with `value`, when it has one) or its key's.

        A path the text does not hold (a missing key, a union member pydantic
        names) gives the place of its longest prefix that it does hold, and a
        path with none the start of the document, 1:1.
        """
        path = tuple(path)
        if value and path in self.values:
            return self.line_column(self.values[path])
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            if prefix in self.keys:
                return self.line_column(self.keys[prefix])
            if prefix in self.values:
                return self.line_column(self.values[prefix])
        return 1, 1

    # --- scanning -----------------------------------------------------------------------------

    def _skip(self, pattern: re.Pattern, at: int) -> int:
        return pattern.match(self.text, at).end()

    def _document(self) -> None:
        text, at, table = self.text, 0, ()
        while True:
            at = self._skip(_GAP, at)
            if at >= len(text):
                return
            if text.startswith("[[", at):
                table, at = self._header(at + 2, array=True)
                at = self._expect("]]", at)
            elif text[at] == "[":
                table, at = self._header(at + 1, array=False)
                at = self._expect("]", at)
            else:
                at = self._pair(table, at)

    def _expect(self, token: str, at: int) -> int:
        at = self._skip(_SPACE, at)
        if not self.text.startswith(token, at):
            raise _Stop
        return at + len(token)

    def _header(self, at: int, array: bool) -> tuple[Path, int]:
        """A [table] or [[array]] header: the table's path, each array of tables on the way at its last element."""
        start = at - (2 if array else 1)
        parts, at = self._key(at)
        path: Path = ()
        for n, part in enumerate(parts):
            path = (*path, part)
            last = n == len(parts) - 1
            if last and array:
                index = self._arrays_of_tables.get(path, -1) + 1
                self._arrays_of_tables[path] = index
                self.keys.setdefault(path, start)
                path = (*path, index)
            elif path in self._arrays_of_tables:
                path = (*path, self._arrays_of_tables[path])
            self.keys.setdefault(path, start)
        return path, at

    def _key(self, at: int) -> tuple[list[str], int]:
        """A bare, quoted or dotted key: its parts and the offset after it."""
        text, parts = self.text, []
        while True:
            at = self._skip(_SPACE, at)
            for pattern in (_BARE_KEY, _BASIC, _LITERAL):
                match = pattern.match(text, at)
                if match:
                    break
            else:
                raise _Stop
            token = match.group()
            parts.append(token if pattern is _BARE_KEY else tomllib.loads(f"k = {token}")["k"])
            at = self._skip(_SPACE, match.end())
            if not text.startswith(".", at):
                return parts, at
            at += 1

    def _pair(self, table: Path, at: int) -> int:
        """key = value in `table`: every prefix of a dotted key is placed at the key's start."""
        start = at
        parts, at = self._key(at)
        path = table
        for part in parts:
            path = (*path, part)
            self.keys.setdefault(path, start)
        at = self._expect("=", at)
        return self._value(path, self._skip(_SPACE, at))

    def _value(self, path: Path, at: int) -> int:
        text = self.text
        self.values.setdefault(path, at)
        char = text[at]
        if char == "[":
            return self._array(path, at + 1)
        if char == "{":
            return self._inline_table(path, at + 1)
        for pattern in ((_ML_BASIC, _BASIC) if char == '"' else (_ML_LITERAL, _LITERAL) if char == "'"
                        else (_SCALAR,)):
            match = pattern.match(text, at)
            if match:
                return match.end()
        raise _Stop

    def _array(self, path: Path, at: int) -> int:
        text, index = self.text, 0
        while True:
            at = self._skip(_GAP, at)
            if text[at] == "]":
                return at + 1
            item = (*path, index)
            self.keys.setdefault(item, at)
            at = self._skip(_GAP, self._value(item, at))
            index += 1
            if text[at] == ",":
                at += 1
            elif text[at] != "]":
                raise _Stop

    def _inline_table(self, path: Path, at: int) -> int:
        text = self.text
        while True:
            at = self._skip(_GAP, at)  # TOML 1.0 allows no newline here; a later version does
            if text[at] == "}":
                return at + 1
            at = self._skip(_GAP, self._pair(path, at))
            if text[at] == ",":
                at += 1
            elif text[at] != "}":
                raise _Stop
