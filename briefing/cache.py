"""A cache of validated briefings, so a file read before is not parsed or validated again.

The same folder keeps the header index of each folder of briefings (briefing.header_index), written and
read through `write` and `read` with the same checks, and evicted with the entries.

Entries are keyed by a hash of the file's bytes and of the code that defines
what a valid briefing is, so an edited file or a new version of the tool
never meets a stale entry.  Nothing here is needed for correctness: every
failure just means validating again, and any entry that is not exactly what
this code wrote is treated as missing.

What a hostile or broken cache folder cannot do:

- run code: entries are tagged JSON (briefing.codec), never pickles;
- swap the folder: it is opened once (O_DIRECTORY | O_NOFOLLOW) and every entry
  is opened, written, renamed and removed relative to that handle; the handle
  must be a folder owned by the effective user that neither group nor others
  may write to, or the cache is off;
- feed a wrong brief: an entry (or an index) holds a blake2b checksum of its key and its
  content, checked before decoding; any other byte sequence is a miss;
- hang or bloat the reader: entries are opened non-blocking, only regular
  files owned by the user are read, and at most MAX_ENTRY_BYTES + 1 bytes;
- fill the disk: at most MAX_ENTRIES entries and MAX_TOTAL_BYTES bytes are kept,
  the least recently used (by the modification time set on every hit) go
  first; the folder is read on a process's first write, which also sweeps
  temporary files older than STALE_SECONDS left by killed processes, and
  later writes keep count without reading it again.

Folders the cache creates are made with mode 0o700 whatever the umask.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
import weakref
from pathlib import Path

from briefing import __version__, codec, xdg
from briefing.bounded import read_at_most

ENV_CACHE = "BRIEFING_CACHE"  # "off" disables the cache
_CODE = ("model.py", "dates.py", "date_parse.py", "units.py", "intervals.py", "analysis.py", "records.py", "codec.py",
         "cache.py", "data/counted.toml")
#: An entry is MAGIC, the hex checksum, a newline, then the encoded briefing.
MAGIC = b"briefing-cache 2\n"
_DIGEST_HEX = 64
#: Entries larger than this are refused unread (a briefing's entry is some 40 kB).
MAX_ENTRY_BYTES = 16 * 1024 * 1024
#: The cache keeps at most this many entries and this many bytes; the least recently used go first.
#: (benchmarks/run.py loads 1,000 distinct briefings of some 46 kB each: all of them fit.)
MAX_ENTRIES = 2000
MAX_TOTAL_BYTES = 64 * 1024 * 1024
#: Temporary files older than this (seconds) belong to a process that died while writing.
STALE_SECONDS = 3600
_SUFFIX, _TEMPORARY = ".entry", ".tmp"
#: The suffix of the header indexes briefing.header_index keeps here, evicted with the entries.
INDEX_SUFFIX = ".index"
_KEPT = (_SUFFIX, INDEX_SUFFIX)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def cache_dir(environ: dict[str, str] | None = None) -> Path | None:
    """`$XDG_CACHE_HOME/briefing`, else `$HOME/.cache/briefing`; None when the cache is off.

    Off when BRIEFING_CACHE is "off", "0" or "no"; when XDG_CACHE_HOME is set to
    a relative path (invalid, per the XDG Base Directory specification); or,
    when XDG_CACHE_HOME is unset or empty, when HOME is unset, empty, relative
    or not an existing folder.
    """
    environ = os.environ if environ is None else environ
    if environ.get(ENV_CACHE, "").lower() in ("off", "0", "no"):
        return None
    base = xdg.base_dir(xdg.CACHE, environ)
    return base / "briefing" if base else None


def _code_salt() -> bytes:
    """What makes an entry valid besides the file: the version and the validating code."""
    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}".encode())
    package = Path(__file__).parent
    for name in _CODE:
        digest.update((package / name).read_bytes())
    return digest.digest()


def _checksum(key: str, content: bytes) -> bytes:
    return hashlib.blake2b(key.encode() + b"\n" + content, digest_size=_DIGEST_HEX // 2).hexdigest().encode()


def open_private_folder(folder: Path) -> int | None:
    """A descriptor of `folder`, created (mode 0o700, whatever the umask) with its missing parents.

    None when the folder cannot be made or opened, is a symbolic link, or is
    not a folder owned by the effective user closed to writes by group and others.
    """
    if not {os.open, os.mkdir}.issubset(os.supports_dir_fd) or not hasattr(os, "O_DIRECTORY"):
        return None
    directory = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    missing: list[str] = []
    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        missing.append(existing.name)
        existing = existing.parent
    try:
        fd = os.open(existing, directory if not missing else os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        for name in reversed(missing):  # each made and opened relative to its parent, then closed to others
            try:
                os.mkdir(name, 0o700, dir_fd=fd)
            except FileExistsError:
                pass
            child = os.open(name, directory, dir_fd=fd)
            os.close(fd)
            fd = child
            if not _private(os.fstat(fd)):
                os.fchmod(fd, 0o700)
        if _private(os.fstat(fd)):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _private(info: os.stat_result) -> bool:
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


class BriefingCache:
    """Validated briefings by the hash of their file's bytes.

    `folder` None, or a folder that cannot be trusted, gives a cache that holds
    nothing (`fd` is None).  The folder's descriptor is closed with the object.
    """

    def __init__(self, folder: Path | None):
        self.fd = open_private_folder(folder) if folder is not None else None
        self.folder = folder if self.fd is not None else None
        self._salt = b""
        #: Entries by name: (last used, size); None until the first write reads the folder.
        self._index: dict[str, tuple[float, int]] | None = None
        self._bytes = 0
        if self.fd is not None:
            weakref.finalize(self, os.close, self.fd)
            self._salt = _code_salt()

    def _key(self, raw: bytes) -> str:
        return hashlib.sha256(self._salt + raw).hexdigest()

    def key_for(self, *parts: bytes) -> str:
        """A key (hex digest) for content made from `parts` by this version of the code, as entries' keys are."""
        return hashlib.sha256(b"\0".join([self._salt, *parts])).hexdigest()

    def get(self, raw: bytes) -> object | None:
        """The briefing stored for a file of these bytes, or None (missing, damaged, or not ours)."""
        key = self._key(raw)
        content = self.read(key, _SUFFIX)
        if content is None:
            return None
        try:
            return codec.decode(content)
        except codec.CodecError:
            return None

    def read(self, key: str, suffix: str, limit: int | None = None) -> bytes | None:
        """The content stored under `key` (a hex digest) with this suffix, its checksum checked; None when it is
        missing, damaged, larger than `limit` bytes (default MAX_ENTRY_BYTES), or not ours.  A hit counts as a
        use, for eviction."""
        if self.fd is None:
            return None
        name = key + suffix
        limit = MAX_ENTRY_BYTES if limit is None else limit
        try:
            data = self._read(name, limit)
        except OSError:
            return None
        if data is None:
            return None
        body = len(MAGIC) + _DIGEST_HEX
        if data[:len(MAGIC)] != MAGIC or data[body:body + 1] != b"\n":
            return None
        content = data[body + 1:]
        if data[len(MAGIC):body] != _checksum(key, content):
            return None
        try:
            os.utime(name, dir_fd=self.fd)  # "last used", for eviction
        except OSError:
            pass
        if self._index is not None and name in self._index:
            self._index[name] = (time.time(), self._index[name][1])
        return content

    def _read(self, name: str, limit: int) -> bytes | None:
        fd = os.open(name, _OPEN_FLAGS, dir_fd=self.fd)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > limit:
                return None
            return read_at_most(fd, limit)
        finally:
            os.close(fd)

    def put(self, raw: bytes, briefing: object) -> None:
        """Store `briefing` for a file of these bytes; quietly nothing when it cannot be stored."""
        if self.fd is None:
            return
        try:
            content = codec.encode(briefing)
        except codec.CodecError:
            return
        self.write(self._key(raw), _SUFFIX, content)

    def write(self, key: str, suffix: str, content: bytes, limit: int | None = None) -> None:
        """Store `content` under `key` (a hex digest) with this suffix, whole or not at all (a temporary file
        of mode 0600 renamed into place); quietly nothing when it cannot be stored or, framed, exceeds `limit`
        bytes (default MAX_ENTRY_BYTES)."""
        if self.fd is None:
            return
        data = MAGIC + _checksum(key, content) + b"\n" + content
        if len(data) > (MAX_ENTRY_BYTES if limit is None else limit):
            return
        temporary = f".{os.urandom(8).hex()}{_TEMPORARY}"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600,
                         dir_fd=self.fd)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, key + suffix, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except OSError:
            self._remove(temporary)
            return
        self._admit(key + suffix, len(data))

    def _admit(self, name: str, size: int) -> None:
        """Count a new entry against the caps: the folder is scanned on the first write, then kept count of."""
        if self._index is None:
            self.tidy()
        index = self._index
        if index is None:
            return
        self._bytes += size - index.get(name, (0.0, 0))[1]
        index[name] = (time.time(), size)
        if len(index) > MAX_ENTRIES or self._bytes > MAX_TOTAL_BYTES:
            self._evict()

    def tidy(self, now: float | None = None) -> None:
        """Sweep temporary files older than STALE_SECONDS, then evict the least recently used beyond the caps.

        Reads the folder afresh: its entries' modification times are when each was last used.
        """
        now = time.time() if now is None else now
        index: dict[str, tuple[float, int]] = {}
        try:
            with os.scandir(self.fd) as listing:
                for item in listing:
                    try:
                        info = item.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if item.name.endswith(_TEMPORARY):
                        if now - info.st_mtime > STALE_SECONDS:
                            self._remove(item.name)
                    elif item.name.endswith(_KEPT):
                        index[item.name] = (info.st_mtime, info.st_size)
        except OSError:
            return
        self._index, self._bytes = index, sum(size for _, size in index.values())
        self._evict()

    def _evict(self) -> None:
        index = self._index
        if index is None or (len(index) <= MAX_ENTRIES and self._bytes <= MAX_TOTAL_BYTES):
            return
        for name in sorted(index, key=index.__getitem__):  # least recently used first
            if len(index) <= MAX_ENTRIES and self._bytes <= MAX_TOTAL_BYTES:
                break
            self._bytes -= index.pop(name)[1]
            self._remove(name)

    def _remove(self, name: str) -> None:
        try:
            os.unlink(name, dir_fd=self.fd)
        except OSError:
            pass
