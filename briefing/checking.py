"""`briefing check`: every error and warning of a file in one run, each at its line and column.

`check_file` reads, parses and validates one file as loading does, but keeps
going after the first problem: pydantic reports every field of the file that
is wrong, the briefing's cross-field rules (references, units, derived
figures) report every problem they find, and a valid file is looked over for
warnings (briefing.lint).  When fields are wrong, the cross-field rules still
run on the rest of the file: each list item holding a mistake (a source, a
statistic, a comparison point) is set aside, and what the others refer to is
checked; references to an item set aside are not called unknown.  A field
outside every list item (the date, the decision's level) that holds a mistake
is given a stand-in from the starter file (briefing.authoring) that refers to
nothing; a mistake in a table that refers to sources (the decision's
statements) leaves the cross-field rules for the next run.

Each problem becomes a Diagnostic: file, line, column, severity, code,
message and field path, sorted by position; `Diagnostic.describe` is the
line `check` prints and `as_json` the object `check --format json` writes.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.i18n import N_, Localizer
from briefing.records import Record, freeze
from briefing.sanitize import escaped
from briefing.store import LoadError, read_file, shown_values
from briefing.wording import Problem, problems

ERROR, WARNING = "error", "warning"
SEVERITY_NAMES = {ERROR: N_("error"), WARNING: N_("warning")}
#: Codes of the problems a file has before it is a TOML document: it cannot be read, decoded or parsed.
UNREADABLE, SYNTAX = "unreadable", "syntax"
#: The codes of warnings (briefing.lint), which the line `check` prints ends with, so that README.md can be
#: looked up; they stay on the line when --strict makes them errors.
WARNING_CODES = frozenset({
    "placeholder", "cutoff-before-event", "published-after-cutoff", "decision-long-after-date", "mixed-units",
    "figure-mismatch", "id-used-elsewhere", "source-never-cited", "untranslated"})
#: What a briefing whose id another checked file already has gets (the later file, in search order).
DUPLICATE_BRIEFING = N_("the briefing id “{id}” is already used by {other}")


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning of a file, at its place."""

    file: Path
    line: int | None  # None: the problem is the file as a whole (it cannot be read)
    column: int | None
    severity: str  # ERROR or WARNING
    code: str  # a stable name: a pydantic error type or a briefing.model.PROBLEMS key in kebab-case, or a
    #          warning code of briefing.lint
    message: str  # a catalog template with {fields}
    values: Mapping[str, object] = field(default_factory=dict)
    translated: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""  # the field path, e.g. sources[2].url; "" when there is none

    def text(self, loc: Localizer) -> str:
        """The message alone, in the Localizer's language."""
        values = shown_values(loc, self.values)
        values.update({k: " | ".join(loc._(v) for v in names) for k, names in self.translated.items()})
        return loc._(self.message).format(**values)

    def describe(self, loc: Localizer) -> str:
        """The line `check` prints: file:line:column: severity: field path: message, and a warning's code."""
        where = str(self.file) + (f":{self.line}:{self.column}" if self.line is not None else "")
        parts = [where, loc._(SEVERITY_NAMES[self.severity])]
        if self.path:
            parts.append(self.path)
        line = ": ".join(parts) + ": " + self.text(loc)
        if self.code in WARNING_CODES:
            line += f" [{self.code}]"
        return escaped(line)

    def as_json(self, loc: Localizer) -> dict:
        """The object `check --format json` writes for it (README.md, "Checking a briefing")."""
        return {"file": str(self.file), "line": self.line, "column": self.column, "severity": self.severity,
                "code": self.code, "message": self.text(loc), "path": self.path}


@dataclass
class FileReport:
    """What checking one file found: the brief when it is valid, and its diagnostics sorted by place."""

    file: Path
    brief: Record | None
    diagnostics: list[Diagnostic]

    @property
    def good(self) -> bool:
        """Whether the file is a valid briefing with no error (warnings allowed)."""
        return self.brief is not None and all(d.severity != ERROR for d in self.diagnostics)


def check_file(path: Path, elsewhere: Mapping[str, Path] | None = None, warn: bool = True) -> FileReport:
    """Every error of the file, or, when it is valid and `warn` is true, every warning; `elsewhere` maps the
    ids of briefings on the search path to their files, for the warning on an id used twice."""
    from briefing.validate import read_document

    raw = read_file(path)
    if isinstance(raw, LoadError):
        return FileReport(path, None, [_whole(raw, UNREADABLE)])
    document = read_document(path, raw)
    if isinstance(document, LoadError):
        return FileReport(path, None, [_whole(document, SYNTAX)])
    text, data = document
    brief, found = _validated(data)
    severity = ERROR
    if brief is not None:
        if not warn:
            return FileReport(path, brief, [])
        from briefing import lint

        found, severity = lint.warnings(brief, data, path, elsewhere), WARNING
    if not found:
        return FileReport(path, brief, [])
    from briefing.positions import Places

    places = Places(text)
    diagnostics = [_placed(path, places, problem, severity) for problem in found]
    diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0))
    return FileReport(path, brief, diagnostics)


def duplicate(report: FileReport, other: Path) -> Diagnostic:
    """The error for a valid file whose id a file checked before it already has."""
    return Diagnostic(report.file, *_id_place(report.file), ERROR, "duplicate-briefing", DUPLICATE_BRIEFING,
                      {"id": report.brief.id, "other": other}, path="id")


def _id_place(path: Path) -> tuple[int | None, int | None]:
    from briefing.positions import Places
    from briefing.validate import read_document

    raw = read_file(path)
    document = None if isinstance(raw, LoadError) else read_document(path, raw)
    if not isinstance(document, tuple):
        return None, None
    return Places(document[0]).find(("id",), value=True)


def code(kind: str) -> str:
    return kind.replace("_", "-")


def _whole(error: LoadError, kind: str) -> Diagnostic:
    """A LoadError of a file that is no TOML document yet: its place is a line and column when it has one."""
    line = column = None
    place = error.place
    if place and place.replace(":", "").isdigit() and place.count(":") == 1:
        line, column = map(int, place.split(":"))
        place = ""
    elif place == "end":
        place = ""
    return Diagnostic(error.path, line, column, ERROR, kind, error.message, error.values, error.translated,
                      place)


def _placed(path: Path, places, problem: Problem, severity: str) -> Diagnostic:
    line, column = places.find(problem.loc, value=problem.at_value)
    return Diagnostic(path, line, column, severity, code(problem.kind), problem.message, problem.values,
                      problem.translated, problem.path)


def _validated(data: dict) -> tuple[Record | None, list[Problem]]:
    from pydantic import ValidationError

    from briefing.model import CROSS_FIELD, Briefing
    from briefing.wording import SCHEMA_MESSAGES

    try:
        return freeze(Briefing.model_validate(data)), []
    except ValidationError as exc:
        found = problems(exc.errors(include_url=False))
    except RecursionError:
        return None, [Problem("recursion_loop", (), SCHEMA_MESSAGES["recursion_loop"])]
    if all(problem.kind in CROSS_FIELD for problem in found):
        return None, found
    return None, found + _cross_field_despite(data, found)


def _cross_field_despite(data: dict, found: list[Problem]) -> list[Problem]:
    """The cross-field problems of the file with every list item that holds a mistake set aside; none when a
    mistake is outside every list item, or setting items aside makes the rest invalid."""
    from pydantic import ValidationError

    from briefing.model import CROSS_FIELD, Briefing

    aside, stand_ins = set(), {}
    for problem in found:
        item = _list_item(data, problem.loc)
        if item is not None:
            aside.add(item)
            continue
        stand_in = _stand_in(problem.loc)
        if stand_in is None:
            return []
        stand_ins[stand_in[0]] = stand_in[1]
    kept: dict[tuple, list[int]] = {}
    ids: dict[str, set[str]] = {"sources": set(), "statistics": set()}
    rest = _without(data, (), aside, kept, ids)
    for path, value in stand_ins.items():
        table = rest
        for part in path[:-1]:
            table = table.get(part) if isinstance(table, dict) else None
        if not isinstance(table, dict):
            return []
        table[path[-1]] = value
    try:
        Briefing.model_validate(rest)
        return []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    except RecursionError:
        return []
    if not all(error["type"] in CROSS_FIELD for error in errors):
        return []
    more = []
    for problem in problems(errors):
        if problem.kind == "unknown_source" and problem.values.get("source") in ids["sources"]:
            continue
        if problem.kind == "unknown_statistic" and problem.values.get("id") in ids["statistics"]:
            continue
        values = dict(problem.values)
        if "known" in values:  # the sources set aside are known all the same
            values["known"] = ", ".join(sorted({*str(values["known"]).split(", "), *ids["sources"]} - {""}))
        more.append(replace(problem, loc=_restore(problem.loc, kept), values=values))
    return more


def _stand_in(loc: tuple) -> tuple[tuple, object] | None:
    """A valid value for the field at `loc` (or the table holding it), from the starter file, when that value
    refers to nothing (it holds no list, where references are), so it cannot change what the rules find."""
    value, path = _starter_data(), ()
    for part in loc:
        if not isinstance(value, dict) or part not in value:
            break
        value, path = value[part], (*path, part)
    if not path or _holds_list(value):
        return None
    return path, value


def _holds_list(value: object) -> bool:
    if isinstance(value, dict):
        return any(_holds_list(item) for item in value.values())
    return isinstance(value, list)


@functools.cache
def _starter_data() -> dict:
    import datetime as dt
    import tomllib

    from briefing import authoring
    from briefing.i18n import localizer

    return tomllib.loads(authoring.starter("stand-in", localizer("en"), dt.date(2000, 1, 1)))


def _list_item(data: object, loc: tuple) -> tuple | None:
    """The path of the innermost list item on `loc`, or None when there is none."""
    item, value = None, data
    for n, part in enumerate(loc):
        if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            item, value = loc[: n + 1], value[part]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            break
    return item


def _without(value: object, path: tuple, aside: set, kept: dict, ids: dict) -> object:
    """A copy of the tables without the list items set aside; `kept` records, for each list, which of its
    items (by their index in the file) the copy holds, and `ids` the ids of the sources and statistics set
    aside."""
    if isinstance(value, dict):
        return {key: _without(item, (*path, key), aside, kept, ids) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    copy, indices = [], []
    for index, item in enumerate(value):
        if (*path, index) in aside:
            if len(path) == 1 and path[0] in ids and isinstance(item, dict) and isinstance(item.get("id"), str):
                ids[path[0]].add(item["id"])
            continue
        copy.append(_without(item, (*path, index), aside, kept, ids))
        indices.append(index)
    kept[path] = indices
    return copy


def _restore(loc: tuple, kept: dict) -> tuple:
    """A field path in the copy made by _without as the same field's path in the file."""
    original: tuple = ()
    for part in loc:
        if isinstance(part, int) and original in kept and part < len(kept[original]):
            part = kept[original][part]
        original = (*original, part)
    return original



def check_all(targets: list[Path] | None, folders: list[str], strict: bool = False,
              configured: Sequence[Path] = ()) -> list[FileReport]:
    """A report for each briefing file under `targets` (files or folders), or, with None, on the search
    path; a folder that cannot be read is a report of its own.  A valid file whose id a file before it has
    gets an error; with explicit targets, one whose id a briefing on the search path has gets a warning.
    With `strict`, every warning is an error.  `configured` are the settings file's data folders."""
    from briefing.cache import BriefingCache, cache_dir
    from briefing.store import find_files, load_library, search_folders

    files, unreadable = find_files(targets if targets is not None else search_folders(folders, configured=configured))
    elsewhere = {}
    if targets is not None:
        elsewhere = dict(load_library(search_folders(folders, configured=configured), BriefingCache(cache_dir())).origins)
    reports = [FileReport(error.path, None, [_whole(error, UNREADABLE)]) for error in unreadable]
    first: dict[str, Path] = {}
    for path in files:
        report = check_file(path, elsewhere)
        if report.brief is not None:
            if report.brief.id in first:
                report.diagnostics.insert(0, duplicate(report, first[report.brief.id]))
            else:
                first[report.brief.id] = path
        if strict:
            report.diagnostics = [replace(d, severity=ERROR) for d in report.diagnostics]
        reports.append(report)
    return reports
