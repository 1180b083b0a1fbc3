"""Turn the bytes of a briefing file into a validated briefing (or its header alone), or into one clear line.

Everything here runs only for bytes the cache has not seen: decoding, TOML,
the limits that keep hostile files cheap, pydantic, and the wording of every
error with its place.  Kept apart from store.py so that a briefing read back
from the cache imports none of it.
"""

from __future__ import annotations

import codecs
import re
import threading
from decimal import Decimal
import tomllib
from pathlib import Path

import toml_rs

from briefing.i18n import N_, Quoted
from briefing.records import Record, Text, freeze
from briefing.store import Header, LoadError
from briefing.wording import SCHEMA_MESSAGES, dotted as _dotted, problems

#: Deeper nesting is refused before validation (the first briefing is 7 deep);
#: it also keeps tomllib's cost for dotted keys, quadratic in their length, small.
MAX_DEPTH = 16
#: More values than this are refused before validation (the first briefing has
#: about 700), so a file of a million empty tables cannot make a million errors.
MAX_VALUES = 20_000
#: At most this many '[' and '{' in a document for toml_rs to read it: 4 MB of stack at worst.
FAST_MAX_BRACKETS = 2000
TOO_DEEP = N_("tables and lists are nested more than {limit} levels deep")
TOO_MANY = N_("the file holds more than {limit} values, too many for a briefing")

#: tomllib's reasons, so that they can be translated; the English text is tomllib's own.
#: A reason not listed here (from another Python version) is shown as tomllib words it.
TOML_REASONS = [(re.compile(pattern), message) for pattern, message in (
    (r"Invalid statement", N_("invalid TOML: Invalid statement")),
    (r"Expected newline or end of document after a statement",
     N_("invalid TOML: Expected newline or end of document after a statement")),
    (r"Expected '\]' at the end of a table declaration",
     N_("invalid TOML: Expected ']' at the end of a table declaration")),
    (r"Expected '\]\]' at the end of an array declaration",
     N_("invalid TOML: Expected ']]' at the end of an array declaration")),
    (r"Expected '=' after a key in a key/value pair", N_("invalid TOML: Expected '=' after a key in a key/value pair")),
    (r"Expected (?P<what>.+)", N_("invalid TOML: Expected {what}")),
    (r"Found invalid character (?P<char>.+)", N_("invalid TOML: Found invalid character {char}")),
    (r"Illegal character '\\n'", N_("invalid TOML: the string is not closed on its line")),
    (r"Illegal character (?P<char>.+)", N_("invalid TOML: Illegal character {char}")),
    (r"Cannot declare (?P<key>.+) twice", N_("invalid TOML: Cannot declare {key} twice")),
    (r"Cannot overwrite a value", N_("invalid TOML: Cannot overwrite a value")),
    (r"Cannot mutate immutable namespace (?P<key>.+)", N_("invalid TOML: Cannot mutate immutable namespace {key}")),
    (r"Cannot redefine namespace (?P<key>.+)", N_("invalid TOML: Cannot redefine namespace {key}")),
    (r"Duplicate inline table key (?P<key>.+)", N_("invalid TOML: Duplicate inline table key {key}")),
    (r"Invalid initial character for a key part", N_("invalid TOML: Invalid initial character for a key part")),
    (r"Unclosed array", N_("invalid TOML: Unclosed array")),
    (r"Unclosed inline table", N_("invalid TOML: Unclosed inline table")),
    (r"Unescaped '\\' in a string", N_("invalid TOML: Unescaped '\\' in a string")),
    (r"Invalid hex value", N_("invalid TOML: Invalid hex value")),
    (r"Escaped character is not a Unicode scalar value",
     N_("invalid TOML: Escaped character is not a Unicode scalar value")),
    (r"Unterminated string", N_("invalid TOML: Unterminated string")),
    (r"Invalid date or datetime", N_("invalid TOML: Invalid date or datetime")),
    (r"Invalid value", N_("invalid TOML: Invalid value")),
)]

def validate(path: Path, raw: bytes) -> Record | LoadError:
    """Decode, parse and validate: the work the cache saves."""
    from pydantic import ValidationError

    from briefing.model import Briefing

    document = read_document(path, raw)
    if isinstance(document, LoadError):
        return document
    try:
        return freeze(Briefing.model_validate(document[1]))
    except ValidationError as exc:
        return _schema_error(path, exc)
    except RecursionError:
        return LoadError(path, SCHEMA_MESSAGES["recursion_loop"])


#: A line that opens a table ("[decision]", "[[sources]]"), or a line of a multi-line value that looks like one.
_TABLE_LINE = re.compile(rb"^[ \t]*\[", re.MULTILINE)


def validate_header(path: Path, raw: bytes) -> tuple[Header | LoadError, int]:
    """The format, id, title and date of a briefing under Briefing's rules, without the rest of the file,
    and how many of the file's first bytes that answer depends on.

    Every key of the top level comes before the file's first table, so they
    are read from the text before its first line that starts with "[": a few
    hundred bytes where the whole file is tens of kilobytes.  When that text
    is not valid TOML on its own (the line was inside a multi-line string or
    array) or does not hold them all (a title given as a [title] table), or
    when they are not valid, the whole file is read as `validate` reads it,
    so a bad header is reported with the very line `validate` gives.  Beyond
    the header nothing is checked: a mistake there is found when the
    briefing is opened, and by `briefing check`.
    """
    match = _TABLE_LINE.search(raw)
    if match:
        header = _header(path, raw[:match.start()])
        if isinstance(header, Header):
            return header, match.end()  # the bracket too: where the text before it ends depends on it
    return _header(path, raw), len(raw)


def _header(path: Path, raw: bytes) -> Header | LoadError:
    from pydantic import ValidationError

    from briefing.model import BriefingHeader

    document = read_document(path, raw)
    if isinstance(document, LoadError):
        return document
    try:
        header = BriefingHeader.model_validate(document[1])
    except ValidationError as exc:
        return _schema_error(path, exc)
    return Header(header.id, Text(header.title.root), header.date, path)


def read_document(path: Path, raw: bytes) -> tuple[str, dict] | LoadError:
    """The text and the tables of a file's bytes, or the first problem with them (undecodable bytes, a
    key or brackets nested too deeply, invalid TOML, too many values), placed at its line and column."""
    body = raw.removeprefix(codecs.BOM_UTF8)  # a UTF-8 BOM, as some editors write it, is accepted quietly
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:  # placed in the text after the BOM, which is where exc.start counts from
        line, column = _line_column(body[: exc.start].decode("utf-8"))
        return LoadError(path, N_("not UTF-8 text: byte {byte} cannot be decoded"),
                         {"byte": f"0x{body[exc.start]:02x}"}, f"{line}:{column}")
    deep_key = _deep_key(text)
    if deep_key is not None:
        return LoadError(path, TOO_DEEP, {"limit": MAX_DEPTH}, "%d:%d" % _line_column(text[:deep_key]))
    data = parse_toml(path, text)
    if isinstance(data, LoadError):
        return data
    return text, data


def parse_toml(path: Path, text: str) -> dict | LoadError:
    """The document's tables, or the first problem with them (also the settings file's reader).

    toml_rs, in Rust, reads TOML 1.0 as tomllib does, about fifteen times as
    fast.  Both read floats as Decimals, so a figure keeps the decimals it was
    written with (8.60 stays 8.60).  A document it is not safe to give it, that it refuses, or that
    breaks the limits is read by tomllib, as before, so that every message and
    place is tomllib's own.
    """
    if _fast_parser_may_read(text):
        try:
            data = toml_rs.loads(text, toml_version="1.0.0", parse_float=Decimal)
        except Exception:  # any refusal is worded by tomllib below
            pass
        else:
            if _within_limits(data):
                return data
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        return _toml_error(path, str(exc))
    except RecursionError:
        return LoadError(path, TOO_DEEP, {"limit": MAX_DEPTH}, _deep_bracket(text))
    return _shape_problem(path, data) or data


def _fast_parser_may_read(text: str) -> bool:
    """Whether toml_rs can read the text without overflowing the stack, and read it as tomllib would.

    toml_rs sets no limit on nesting and recurses on the C stack, up to 2 kB
    for each level of brackets: it is given at most FAST_MAX_BRACKETS of them
    in all (whatever strings hold them), and only on a main thread whose stack
    may grow to 8 MB.  A byte order mark that decoding left (a second one) is
    refused by tomllib but skipped by toml_rs.
    """
    return (_MAIN_STACK_IS_LARGE and threading.current_thread() is threading.main_thread()
            and text.count("[") + text.count("{") <= FAST_MAX_BRACKETS and not text.startswith("\ufeff"))


def _main_stack_is_large() -> bool:
    """Whether the main thread's stack may grow to 8 MB, as it does by default on Linux and macOS."""
    try:
        import resource
    except ImportError:  # Windows, where it is 1 or 2 MB and cannot be told
        return False
    soft = resource.getrlimit(resource.RLIMIT_STACK)[0]
    return soft == resource.RLIM_INFINITY or soft >= 8 * 1024 * 1024


_MAIN_STACK_IS_LARGE = _main_stack_is_large()


def _toml_error(path: Path, message: str) -> LoadError:
    reason, place = _toml_reason(message)
    for pattern, template in TOML_REASONS:
        match = pattern.fullmatch(reason)
        if match:
            return LoadError(path, template, {k: _unquoted(v) for k, v in match.groupdict().items()}, place)
    return LoadError(path, N_("invalid TOML: {reason}"), {"reason": reason}, place)


def _unquoted(value: str) -> str:
    """A character tomllib names as Python writes it ('\\x1b'), Quoted for the reader's own quotation marks."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return Quoted(value[1:-1])
    return value


# A dotted key of more than MAX_DEPTH parts (a.a.a... = 1 or [a.a.a...]).  tomllib's
# time and memory grow with the square of a key's length, so such keys are refused
# before parsing.  A key starts the text or follows white space, [, { or a comma, and
# every part is matched possessively, so the search is linear on any text.
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_DEEP_KEY = re.compile(rf"(?:^|(?<=[\s\[{{,])){_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART}){{{MAX_DEPTH},}}")


def _deep_key(text: str) -> int | None:
    """Where a dotted key of more than MAX_DEPTH parts starts, if any.

    A key never spans lines, and such a key needs MAX_DEPTH dots on its line,
    so only those lines are searched: the full search costs as much as parsing.
    """
    start = 0
    for line in text.split("\n"):
        if line.count(".") >= MAX_DEPTH:
            match = _DEEP_KEY.search(line)
            if match:
                return start + match.start()
        start += len(line) + 1
    return None
# Comments and strings are skipped when looking for brackets nested too deeply.  A
# string left open runs to the end of its line (or of the text), so that no
# character is scanned twice.
_BRACKET_SCAN = re.compile(
    r'#[^\n]*+|"""(?:[^\\"]|\\.|"(?!""))*+(?:"""|\Z)' r"|'''(?:[^']|'(?!''))*+(?:'''|\Z)"
    r"""|"(?:[^"\\\n]|\\.)*+"?|'[^'\n]*+'?|[\[{]|[\]}]|[^#"'\[\]{}]++|.""", re.S)


def _deep_bracket(text: str) -> str:
    """Where brackets first nest deeper than MAX_DEPTH, as "line:column"; "" when it cannot be told."""
    depth = 0
    for token in _BRACKET_SCAN.finditer(text):
        if token.group() in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return "%d:%d" % _line_column(text[: token.start()])
        elif token.group() in ("]", "}"):
            depth = max(depth - 1, 0)
    return ""


def _within_limits(data: dict) -> bool:
    """Whether _shape_problem would find nothing, told a level at a time: four times as fast."""
    count, level = 1, [data]
    for _ in range(MAX_DEPTH):
        values = [item for value in level for item in (value.values() if isinstance(value, dict) else value)]
        count += len(values)
        level = [item for item in values if isinstance(item, (dict, list)) and item]
        if not level or count > MAX_VALUES:
            return count <= MAX_VALUES
    return False


def _shape_problem(path: Path, data: dict) -> LoadError | None:
    """Nesting deeper than MAX_DEPTH, or more than MAX_VALUES values; found without recursion."""
    stack: list[tuple[object, tuple[str | int, ...]]] = [(data, ())]
    count = 0
    while stack:
        value, where = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return LoadError(path, TOO_MANY, {"limit": MAX_VALUES})
        if isinstance(value, (dict, list)) and value:
            if len(where) >= MAX_DEPTH:
                return LoadError(path, TOO_DEEP, {"limit": MAX_DEPTH}, _dotted(where))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((item, (*where, key)) for key, item in reversed(list(items)))
    return None


def _line_column(prefix: str) -> tuple[int, int]:
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


_TOML_PLACE = re.compile(r"^(?P<reason>.*?) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")


def _toml_reason(message: str) -> tuple[str, str]:
    match = _TOML_PLACE.match(message)
    if not match:
        return message, ""
    place = f"{match['line']}:{match['column']}" if match["line"] else "end"
    return match["reason"], place


def _schema_error(path: Path, exc) -> LoadError:
    """The first schema error of a file as one line: field path and what was expected."""
    first = problems(exc.errors(include_url=False))[0]
    return LoadError(path, first.message, first.values, first.path, first.translated)
