"""What the header of each briefing file under a folder said, kept so that a list need not read it again.

One index per folder searched lives in the cache folder (briefing.cache),
named by a hash of the folder's real path and of the code that reads
headers.  It maps each good briefing file found there, by its real path, to
its header (id, title, date) and to what identified the file then: its size,
modification and change times (ns), inode, and the SHA-256 of the bytes its
header was read from (its first few hundred, up to its first table, as
briefing.validate.validate_header reads it; the whole file when the header
had to be read from all of it).

A file whose size, times and inode are those recorded is taken as unchanged
without being opened, unless it was modified less than RACY_NS before the
scan that recorded it, as a change within the same tick of a coarse clock
would keep its times; otherwise it is read and those bytes hashed, and only
a file whose hash differs has its header read again.  Only good headers are
kept: a bad file is read on every run, and says why each time.

The index is written whole, through the cache's temporary file renamed into
place (mode 0600), and only when something changed.  It is plain JSON under
the cache's checksum, never a pickle: numbers, strings, lists and objects,
from which only a Text, a date and the tuples below are built.  Content that
is not exactly what `save` writes (a damaged or forged index, an id that is
not an id, a title without English, a date that is not a day) makes the
whole index a miss: it is ignored, and the run rebuilds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.cache import INDEX_SUFFIX, BriefingCache
from briefing.records import IDENT_MAX_LENGTH, IDENT_PATTERN, Text

if TYPE_CHECKING:
    from briefing.store import Header

#: A file modified less than this before a scan (2 s, the coarsest clock of common file systems: FAT's) is
#: checked by its bytes the next time, even when its size and times have not changed.
RACY_NS = 2_000_000_000
#: A larger index is not written (some 400 bytes a file: about 80,000 files).
MAX_INDEX_BYTES = 32 * 1024 * 1024
#: The code whose changes make every index stale, besides what makes the cache's entries stale.
_CODE = ("header_index.py", "validate.py", "store.py")
_IDENT = re.compile(IDENT_PATTERN)
_HEX = re.compile(r"[0-9a-f]{64}")


class Known(NamedTuple):
    """What the index holds for one file: how to tell it is unchanged, and its header."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    used: int  # how many of the file's first bytes its header was read from (briefing.validate.validate_header)
    digest: str  # the SHA-256 of those bytes, in hex
    id: str
    title: Text
    date: dt.date


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _code_digest() -> bytes:
    package = Path(__file__).parent
    found = hashlib.sha256()
    for name in _CODE:
        found.update((package / name).read_bytes())
    return found.digest()


class FolderIndex:
    """The index of one folder for one scan: look files up, keep what was found, save it if it changed.

    With a cache that holds nothing (`cache.fd` None) every lookup misses
    and nothing is saved.
    """

    def __init__(self, cache: BriefingCache | None, folder: Path):
        self._cache = cache if cache is not None and cache.fd is not None else None
        self._started_ns = time.time_ns()  # before any file is looked at: a change after it is seen next time
        self._scanned_ns, self._old = 0, {}
        if self._cache is not None:
            self._key = self._cache.key_for(b"header index", _code_digest(), os.fsencode(os.path.realpath(folder)))
            self._scanned_ns, self._old = _decoded(self._cache.read(self._key, INDEX_SUFFIX, MAX_INDEX_BYTES))
        self._new: dict[str, Known] = {}
        self._changed = False

    def unchanged(self, key: str, info: os.stat_result) -> Known | None:
        """What was recorded for the file `key` (its real path), if its size, times and inode say it is unchanged."""
        known = self._old.get(key)
        if known is None or known[:4] != (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino):
            return None
        if known.mtime_ns + RACY_NS >= self._scanned_ns:
            return None  # modified just before it was recorded: its bytes must tell
        self._new[key] = known
        return known

    def same_bytes(self, key: str, info: os.stat_result | None, raw: bytes) -> Known | None:
        """What was recorded for the file `key`, if `raw`, its bytes now, start with those its header was read
        from; it is recorded again with `info`, its status before reading (when there was one)."""
        known = self._old.get(key)
        if known is None or _digest(raw[:known.used]) != known.digest:
            return None
        if info is not None:
            self._keep(key, known._replace(size=info.st_size, mtime_ns=info.st_mtime_ns, ctime_ns=info.st_ctime_ns,
                                           inode=info.st_ino))
        return known

    def keep(self, key: str, info: os.stat_result, used: bytes, header: Header) -> None:
        """Record a good header read from the bytes `used` of the file `key`, whose status before reading was
        `info`."""
        self._keep(key, Known(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, len(used), _digest(used),
                              header.id, header.title, header.date))

    def _keep(self, key: str, known: Known) -> None:
        self._new[key] = known
        # New or changed; or recorded just after a change, so read again now, and no longer too recent to trust
        self._changed = self._changed or self._old.get(key) != known or known.mtime_ns + RACY_NS < self._started_ns

    def save(self) -> None:
        """Write the index of what this scan found, if it differs from the one read (a file added, changed or
        gone, or one whose bytes were checked and need not be next time)."""
        if self._cache is None or not (self._changed or self._new.keys() != self._old.keys()):
            return
        files = [[key, *known[:-2], dict(known.title), known.date.isoformat()] for key, known in self._new.items()]
        content = json.dumps({"scanned": self._started_ns, "files": files}, ensure_ascii=False, separators=(",", ":"))
        self._cache.write(self._key, INDEX_SUFFIX, content.encode("utf-8"), MAX_INDEX_BYTES)


def _decoded(content: bytes | None) -> tuple[int, dict[str, Known]]:
    """The scan time and the files of an index, or (0, {}) for anything but what `save` writes."""
    if content is None:
        return 0, {}
    try:
        payload = json.loads(content.decode("utf-8"))
        if (type(payload) is not dict or payload.keys() != {"scanned", "files"} or type(payload["scanned"]) is not int
                or type(payload["files"]) is not list):
            return 0, {}
        files = dict(_known(item) for item in payload["files"])
    except (ValueError, TypeError, RecursionError):
        return 0, {}
    return payload["scanned"], files


def _known(item: object) -> tuple[str, Known]:
    """One file of an index: its real path and what is known of it; ValueError for anything else."""
    if type(item) is not list or len(item) != len(Known._fields) + 1:
        raise ValueError("not a file of an index")
    key, size, mtime_ns, ctime_ns, inode, used, digest, brief_id, title, date = item
    day = dt.date.fromisoformat(date) if type(date) is str else None
    if not (type(key) is str and type(size) is int and type(mtime_ns) is int and type(ctime_ns) is int
            and type(inode) is int and type(used) is int and size >= 0 and used >= 0
            and type(digest) is str and _HEX.fullmatch(digest)
            and type(brief_id) is str and len(brief_id) <= IDENT_MAX_LENGTH and _IDENT.fullmatch(brief_id)
            and type(title) is dict and type(title.get("en")) is str
            and all(type(lang) is str and type(text) is str and text for lang, text in title.items())
            and day is not None and day.isoformat() == date):
        raise ValueError("not a file of an index")
    return key, Known(size, mtime_ns, ctime_ns, inode, used, digest, brief_id, Text(title), day)
