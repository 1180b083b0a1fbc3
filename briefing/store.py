"""Find and load briefing files, turning every kind of bad file into one clear line.

A bad file never hides the good ones: loading returns the briefings that
validated and, separately, a LoadError for each file that did not.  Errors keep
their message template and values so any interface can show them in the
language the user has chosen at that moment.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from briefing import resources
from briefing.i18n import N_, Localizer
from briefing.model import PROBLEMS, Briefing

#: Larger files are refused unread: no real briefing comes near this.
MAX_FILE_BYTES = 5 * 1024 * 1024
ENV_PATH = "BRIEFING_PATH"

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
    "too_short": N_("needs at least {min_length} item(s)"),
    "greater_than_equal": N_("must be at least {ge}, got {got}"),
    "finite_number": N_("must be a finite number"),
    "union": N_("expected {expected}, got {got}"),
    "recursion_loop": N_("nested too deeply"),
}
_UNION_NAMES = {
    "int": N_("a whole number"), "float": N_("a number"), "str": N_("text"),
    "date": N_("a date"), "datetime": N_("a date and time"),
}
_TYPE_NAMES = {
    str: N_("text"), int: N_("a whole number"), float: N_("a number"), bool: N_("true/false"),
    list: N_("a list"), dict: N_("a table"),
}


@dataclass(frozen=True)
class LoadError:
    """One bad file: where it is, where in it, and what was expected."""

    path: Path
    message: str
    values: Mapping[str, object] = field(default_factory=dict)
    place: str = ""  # "line:column" or a field path such as "statistics[2].value"
    #: Values that are themselves messages to translate (type names), joined with " | ".
    translated: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def describe(self, loc: Localizer) -> str:
        """The one line a user sees, in the Localizer's language."""
        values = dict(self.values)
        values.update({k: " | ".join(loc._(v) for v in names) for k, names in self.translated.items()})
        text = loc._(self.message).format(**values)
        where = f"{self.path}:{self.place}" if self.place else str(self.path)
        return f"{where}: {text}"


@dataclass
class Library:
    """What loading found: good briefings by id, in file order, and bad files."""

    briefings: dict[str, Briefing] = field(default_factory=dict)
    origins: dict[str, Path] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)


def search_folders(extra: Iterable[str | Path] = (), environ: Mapping[str, str] | None = None) -> list[Path]:
    """The bundled briefings, then folders given with --data, then those in BRIEFING_PATH."""
    environ = os.environ if environ is None else environ
    folders = [resources.briefings_dir(), *map(Path, extra)]
    folders += [Path(p) for p in environ.get(ENV_PATH, "").split(os.pathsep) if p]
    return folders


def find_files(folders: Iterable[Path]) -> tuple[list[Path], list[LoadError]]:
    """Every *.toml under the folders, sorted; symlinked folders are not followed (no loops)."""
    files: list[Path] = []
    errors: list[LoadError] = []
    seen: set[Path] = set()
    for folder in folders:
        if folder.is_file():
            found = [folder]
        elif folder.is_dir():
            found = []
            for root, dirs, names in os.walk(folder, onerror=None):
                dirs.sort()
                found += [Path(root) / n for n in sorted(names) if n.endswith(".toml")]
        else:
            errors.append(LoadError(folder, N_("no such file or folder")))
            continue
        for path in found:
            key = path.absolute()
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, errors


def load_library(folders: Iterable[Path]) -> Library:
    """Load every briefing under the folders; bad files become errors, never exceptions."""
    files, errors = find_files(folders)
    library = Library(errors=errors)
    for path in files:
        result = load_file(path)
        if isinstance(result, LoadError):
            library.errors.append(result)
        elif result.id in library.briefings:
            library.errors.append(LoadError(
                path, N_("briefing id '{id}' is already used by {other}"),
                {"id": result.id, "other": library.origins[result.id]}, "id"))
        else:
            library.briefings[result.id] = result
            library.origins[result.id] = path
    return library


def load_file(path: Path) -> Briefing | LoadError:
    """Read, decode, parse and validate one file."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return LoadError(path, N_("cannot read the file: {reason}"), {"reason": exc.strerror or exc})
    if len(raw) > MAX_FILE_BYTES:
        return LoadError(path, N_("the file is larger than {limit} MB, too large for a briefing"),
                         {"limit": MAX_FILE_BYTES // (1024 * 1024)})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw[: exc.start].decode("utf-8", "replace"))
        return LoadError(path, N_("not UTF-8 text: byte {byte} cannot be decoded"),
                         {"byte": f"0x{raw[exc.start]:02x}"}, f"{line}:{column}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason, place = _toml_reason(str(exc))
        return LoadError(path, N_("invalid TOML: {reason}"), {"reason": reason}, place)
    except RecursionError:
        return LoadError(path, N_("invalid TOML: {reason}"), {"reason": "nested too deeply"})
    try:
        return Briefing.model_validate(data)
    except ValidationError as exc:
        return _schema_error(path, exc)
    except RecursionError:
        return LoadError(path, SCHEMA_MESSAGES["recursion_loop"])


def _line_column(prefix: str) -> tuple[int, int]:
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


_TOML_PLACE = re.compile(r"^(?P<reason>.*?) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")


def _toml_reason(message: str) -> tuple[str, str]:
    match = _TOML_PLACE.match(message)
    if not match:
        return message, ""
    place = f"{match['line']}:{match['column']}" if match["line"] else "end"
    return match["reason"], place


def _dotted(loc: Iterable[object]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _type_name(value: object) -> str:
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def _schema_error(path: Path, exc: ValidationError) -> LoadError:
    """The first schema error of a file as one line: field path and what was expected."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = list(first["loc"])
    context = dict(first.get("ctx") or {})
    kind = first["type"]
    if kind in PROBLEMS:
        place = context.pop("path", _dotted(loc))
        return LoadError(path, PROBLEMS[kind], context, place)
    if loc and isinstance(loc[-1], str) and loc[-1] in _UNION_NAMES:
        # A union such as "int | float" reports one error per member: merge them.
        parent = loc[:-1]
        tags = {e["loc"][-1] for e in errors if list(e["loc"][:-1]) == parent and e["loc"][-1] in _UNION_NAMES}
        if {"int", "float"} <= tags:
            tags -= {"int"}  # "a whole number | a number" says no more than "a number"
        if {"date", "datetime"} <= tags:
            tags -= {"datetime"}
        members = tuple(_UNION_NAMES[t] for t in sorted(tags))
        return LoadError(path, SCHEMA_MESSAGES["union"], {"got": repr(first["input"])[:60]},
                         _dotted(parent), {"expected": members})
    if kind in SCHEMA_MESSAGES:
        values = {"got": repr(first.get("input"))[:60], **{k: v for k, v in context.items()}}
        translated = {}
        if "{got}" in SCHEMA_MESSAGES[kind] and kind.endswith("_type"):
            translated["got"] = (_type_name(first.get("input")),)
            values.pop("got")
        return LoadError(path, SCHEMA_MESSAGES[kind], values, _dotted(loc), translated)
    return LoadError(path, "{detail}", {"detail": first["msg"]}, _dotted(loc))
