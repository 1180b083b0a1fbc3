"""Find and load briefing files, turning every kind of bad file into one clear line.

A bad file never hides the good ones: loading returns the briefings that
validated and, separately, a LoadError for each file that did not.  Errors keep
their message template and values so any interface can show them in the
language the user has chosen at that moment.

Two ways in: `load_library` reads and validates every file (for `briefing
check`); `scan_library` reads only each file's header, what a list shows, and
reads a briefing in full when `Library.load` asks for it (for everything
else), so a library of thousands of files opens in a moment.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefing import resources
from briefing.bounded import read_at_most
from briefing.cache import BriefingCache
from briefing.header_index import FolderIndex
from briefing.i18n import N_, Localizer, Quoted
from briefing.records import Record, Text, freeze
from briefing.sanitize import escaped

#: Larger files are refused unread.  The first briefing is 34 kB; a hostile
#: megabyte of TOML can already cost the parser some 150 MB of memory.
MAX_FILE_BYTES = 1024 * 1024
ENV_PATH = "BRIEFING_PATH"

OS_REASONS = {
    errno.EACCES: N_("no permission to read it"),
    errno.EPERM: N_("no permission to read it"),
    errno.ELOOP: N_("its symbolic links form a loop"),
    errno.ENOENT: N_("it does not exist, or is a broken symbolic link"),
    errno.EIO: N_("input/output error"),
    errno.ENAMETOOLONG: N_("the name is too long"),
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
        """The one line a user sees, in the Localizer's language: text from the file in its quotation
        marks, the program's own numbers (limits, counts) in its number format."""
        values = shown_values(loc, self.values)
        values.update({k: " | ".join(loc._(v) for v in names) for k, names in self.translated.items()})
        text = loc._(self.message).format(**values)
        where = f"{self.path}:{self.place}" if self.place else str(self.path)
        return escaped(f"{where}: {text}")


def shown_values(loc: Localizer, values: Mapping[str, object]) -> dict[str, object]:
    """A message's values as the reader sees them: text from a file (Quoted) in the language's quotation
    marks, several values ('high', 'low') one after another, the program's own whole numbers in its format."""
    return {key: _shown(loc, value) for key, value in values.items()}


def _shown(loc: Localizer, value: object) -> object:
    if isinstance(value, Quoted):
        return loc.quote(value)
    if isinstance(value, tuple):
        return ", ".join(str(_shown(loc, item)) for item in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return loc.number(value)
    return value
@dataclass(frozen=True)
class Header:
    """What a list shows of a briefing, read from its file's header: its id, title (by language) and date."""

    id: str
    title: Text
    date: dt.date
    path: Path  # the file, as found


@dataclass
class Library:
    """What loading found: every briefing's header by id, in file order, the briefings read in full, and bad files.

    After `load_library` every good briefing is read in full; after
    `scan_library` none is, and `load` reads each when it is first asked for.
    A library made from briefings alone (`Library(briefings=...)`) takes
    their headers from them.
    """

    briefings: dict[str, Record] = field(default_factory=dict)
    origins: dict[str, Path] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    headers: dict[str, Header] = field(default_factory=dict)
    cache: BriefingCache | None = None

    def __post_init__(self) -> None:
        for brief_id, brief in self.briefings.items():
            if brief_id not in self.headers:
                self.headers[brief_id] = Header(brief_id, freeze(brief.title), brief.date,
                                                self.origins.get(brief_id, Path(brief_id)))

    def load(self, brief_id: str) -> Record | LoadError:
        """The briefing of a listed id, read in full and validated (once), or why it cannot be.

        A file whose header was good may still be bad further on, or have
        changed since it was listed: the error is then added to `errors`
        (once) and returned.  KeyError for an id that is not listed.
        """
        if brief_id in self.briefings:
            return self.briefings[brief_id]
        path = self.headers[brief_id].path
        result = load_file(path, self.cache)
        if isinstance(result, Record) and result.id != brief_id:
            result = LoadError(path, N_("the file has changed since it was listed: its id is now “{id}”"),
                               {"id": result.id}, "id")
        if isinstance(result, LoadError):
            if result not in self.errors:
                self.errors.append(result)
            return result
        self.briefings[brief_id] = result
        self.origins[brief_id] = path
        return result

    def first(self) -> str | None:
        """The id of the first briefing, in file order, that loads in full; None when none does."""
        return next((brief_id for brief_id in self.headers if not isinstance(self.load(brief_id), LoadError)), None)


def search_folders(extra: Iterable[str | Path] = (), environ: Mapping[str, str] | None = None,
                   configured: Iterable[Path] = ()) -> list[Path]:
    """The bundled briefings, then folders given with --data, then those in BRIEFING_PATH, then the settings file's.

    As with PATH, an entry of BRIEFING_PATH that is empty or does not exist is
    skipped without a word; one that exists but cannot be read is kept, so that
    loading reports it.  Every --data path, and every folder the settings file
    names, is kept: one that does not exist is reported.
    """
    environ = os.environ if environ is None else environ
    folders = [resources.briefings_dir(), *map(Path, extra)]
    folders += [Path(p) for p in environ.get(ENV_PATH, "").split(os.pathsep) if p and not _absent(p)]
    return folders + list(configured)


def _absent(path: str) -> bool:
    """True when nothing, not even a broken link, is at `path`; False when something is or it cannot be told."""
    try:
        os.lstat(path)
    except OSError as exc:
        return exc.errno in (errno.ENOENT, errno.ENOTDIR)
    return False


def find_files(folders: Iterable[Path]) -> tuple[list[Path], list[LoadError]]:
    """Every *.toml under the folders, sorted; symlinked folders are not followed (no loops).

    A path that exists but is not a folder is taken as a file, and loading it
    says whether it is one.  A folder that cannot be read is reported.
    """
    errors: list[LoadError] = []
    return [path for _, path, _ in _walk(folders, errors)], errors


def _walk(folders: Iterable[Path], errors: list[LoadError]) -> Iterator[tuple[Path, Path, str]]:
    """(folder, file, the file's real path) for each file find_files finds, each file once; problems go to errors."""
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:
        errors.append(_os_error(Path(exc.filename), exc, N_("cannot read the folder: {reason}")))

    for folder in folders:
        try:
            is_folder = stat.S_ISDIR(os.stat(folder).st_mode)  # follows a link: a linked top folder is searched
        except OSError as exc:
            if not _absent(str(folder)) and exc.errno in (errno.ENOENT, errno.ELOOP):
                is_folder = False  # a broken link or a link loop: loading it says which
            elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
                errors.append(LoadError(folder, N_("no such file or folder")))
                continue
            else:  # a parent without permission, a name too long: one line, and the other folders still load
                errors.append(_os_error(folder, exc, N_("cannot read the folder: {reason}")))
                continue
        found = _tree(folder, unreadable) if is_folder else [(folder, None)]
        for path, real in found:
            key = real or os.path.realpath(path)  # one file reached twice, through a link or two folders, loads once
            if key not in seen:
                seen.add(key)
                yield folder, path, key


def _tree(folder: Path, onerror) -> Iterator[tuple[Path, str | None]]:
    """(file, its real path or None when it is a link) for every *.toml under `folder`, in the order of
    os.walk with its folders sorted: a folder's files by name, then each subfolder's, by name.  Links to
    folders are not followed.  A folder's real path is found once, and each of its files' from it."""
    pending = [(str(folder), os.path.realpath(folder))]
    while pending:
        here, real = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            onerror(exc)
            continue
        folders = []
        for entry in entries:
            try:
                is_folder = entry.is_dir()  # follows a link, as os.walk does, so a link to a folder is no file
            except OSError:
                is_folder = False
            if is_folder:
                if not entry.is_symlink():
                    folders.append((entry.path, os.path.join(real, entry.name)))
            elif entry.name.endswith(".toml"):
                yield Path(entry.path), None if entry.is_symlink() else os.path.join(real, entry.name)
        pending.extend(reversed(folders))


def scan_library(folders: Iterable[Path], cache: BriefingCache | None = None) -> Library:
    """Find every briefing under the folders and read its header only; `Library.load` reads one in full.

    A file whose header (format, id, title, date) is bad is an error here,
    with the line `briefing check` gives for it; one whose header is good is
    listed, and a mistake further on in it is found when it is loaded.  With
    a cache, the headers found are kept in an index per folder
    (briefing.header_index): a file unchanged since is not opened again.
    """
    library = Library(cache=cache)
    indexes: dict[Path, FolderIndex] = {}
    collecting = gc.isenabled()
    gc.disable()  # as in load_library: thousands of headers live as long as the library
    try:
        for folder, path, key in _walk(folders, library.errors):
            index = indexes.get(folder)
            if index is None:
                index = indexes[folder] = FolderIndex(cache, folder)
            _add_header(library, path, _scan_file(path, key, index))
        for index in indexes.values():
            index.save()
    finally:
        if collecting:
            gc.enable()
    return library


def _scan_file(path: Path, key: str, index: FolderIndex) -> Header | LoadError:
    """The header of one file: from the index when the file is unchanged, else read (and kept in the index)."""
    try:
        info = os.stat(path)  # before reading: a change made while it is read is seen next time
    except OSError:
        info = None  # reading it says why
    if info is not None and stat.S_ISREG(info.st_mode):
        known = index.unchanged(key, info)
        if known is not None:
            return Header(known.id, known.title, known.date, path)
    raw = read_file(path)
    if isinstance(raw, LoadError):
        return raw
    known = index.same_bytes(key, info, raw)
    if known is not None:
        return Header(known.id, known.title, known.date, path)
    from briefing.validate import validate_header

    header, used = validate_header(path, raw)
    if isinstance(header, Header) and info is not None:
        index.keep(key, info, raw[:used], header)
    return header


def _add_header(library: Library, path: Path, result: Header | LoadError) -> None:
    if isinstance(result, LoadError):
        library.errors.append(result)
    elif result.id in library.headers:
        library.errors.append(_duplicate(path, result.id, library.headers[result.id].path))
    else:
        library.headers[result.id] = result


def _duplicate(path: Path, brief_id: str, other: Path) -> LoadError:
    return LoadError(path, N_("the briefing id “{id}” is already used by {other}"), {"id": brief_id, "other": other}, "id")


def load_library(folders: Iterable[Path], cache: BriefingCache | None = None) -> Library:
    """Load every briefing under the folders; bad files become errors, never exceptions.

    With a cache, a file whose bytes were validated before is read back without
    parsing or validating it again.
    """
    files, errors = find_files(folders)
    library = Library(errors=errors, cache=cache)
    collecting = gc.isenabled()
    gc.disable()  # loading makes many long-lived objects: rescanning them all costs seconds at scale
    try:
        for path in files:
            _add(library, path, load_file(path, cache))
    finally:
        if collecting:
            gc.enable()
    return library


def _add(library: Library, path: Path, result: Record | LoadError) -> None:
    if isinstance(result, LoadError):
        library.errors.append(result)
    elif result.id in library.briefings:
        library.errors.append(_duplicate(path, result.id, library.origins[result.id]))
    else:
        library.briefings[result.id] = result
        library.origins[result.id] = path
        library.headers[result.id] = Header(result.id, result.title, result.date, path)


def load_file(path: Path, cache: BriefingCache | None = None) -> Record | LoadError:
    """Read, decode, parse and validate one file.

    Only regular files are opened (a FIFO or a device never blocks the loader),
    at most MAX_FILE_BYTES are read, and depth and size are bounded before the
    parser and the validator can spend time or memory on them.
    """
    raw = read_file(path)
    if isinstance(raw, LoadError):
        return raw
    cached = cache.get(raw) if cache else None
    if isinstance(cached, Record):
        return cached
    from briefing.validate import validate  # only when the cache has not seen these bytes

    result = validate(path, raw)
    if cache and isinstance(result, Record):
        cache.put(raw, result)
    return result


def read_file(path: Path) -> bytes | LoadError:
    """The bytes of a regular file of at most MAX_FILE_BYTES, or why there are none."""
    flags = os.O_RDONLY
    for name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
        flags |= getattr(os, name, 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO with no writer returns at once
    except OSError as exc:
        return _os_error(path, exc, N_("cannot read the file: {reason}"))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return LoadError(path, N_("not a regular file: briefings are read only from ordinary files"))
        too_large = LoadError(path, N_("the file is larger than {limit} MB, too large for a briefing"),
                              {"limit": MAX_FILE_BYTES // (1024 * 1024)})
        if info.st_size > MAX_FILE_BYTES:
            return too_large  # refused unread
        raw = read_at_most(fd, MAX_FILE_BYTES)
        return too_large if raw is None else raw
    except OSError as exc:
        return _os_error(path, exc, N_("cannot read the file: {reason}"))
    finally:
        os.close(fd)


def _os_error(path: Path, exc: OSError, message: str) -> LoadError:
    reason = OS_REASONS.get(exc.errno or 0)
    if reason:
        return LoadError(path, message, translated={"reason": (reason,)})
    return LoadError(path, message, {"reason": exc.strerror or type(exc).__name__})


