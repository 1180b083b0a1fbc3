"""A cache of validated briefings, so a file read before is not parsed or validated again.

Entries are keyed by a hash of the file's bytes and of the code that defines
what a valid briefing is, so an edited file or a new version of the tool
never meets a stale entry.  Entries are pickles: the cache is used only when
its folder belongs to the current user and nobody else may write to it, and
any entry that cannot be read is treated as missing.  Nothing here is needed
for correctness: every failure just means validating again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

from briefing import __version__

ENV_CACHE = "BRIEFING_CACHE"  # "off" disables the cache
_CODE = ("model.py", "dates.py", "records.py")


def cache_dir() -> Path | None:
    if os.environ.get(ENV_CACHE, "").lower() in ("off", "0", "no"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing"


def _code_salt() -> bytes:
    """What makes an entry valid besides the file: the version and the validating code."""
    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}".encode())
    package = Path(__file__).parent
    for name in _CODE:
        digest.update((package / name).read_bytes())
    return digest.digest()


class BriefingCache:
    """Validated briefings by the hash of their file's bytes."""

    def __init__(self, folder: Path | None):
        self.folder = folder if folder is not None and self._trusted(folder) else None
        self._salt = _code_salt() if self.folder else b""

    @staticmethod
    def _trusted(folder: Path) -> bool:
        """Create the folder if need be; use it only if it is ours and closed to others."""
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = folder.stat()
        except OSError:
            return False
        owned = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
        return owned and stat.S_ISDIR(info.st_mode) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)

    def _path(self, raw: bytes) -> Path:
        return self.folder / (hashlib.sha256(self._salt + raw).hexdigest() + ".pickle")

    def get(self, raw: bytes) -> object | None:
        if self.folder is None:
            return None
        try:
            with self._path(raw).open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # missing, truncated, or written by another version: validate again
            return None

    def put(self, raw: bytes, briefing: object) -> None:
        if self.folder is None:
            return
        import tempfile  # only on a miss: its import is a noticeable part of a warm start

        try:
            handle = tempfile.NamedTemporaryFile(dir=self.folder, delete=False, suffix=".tmp")
        except OSError:
            return
        try:
            with handle:
                pickle.dump(briefing, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, self._path(raw))
        except (OSError, pickle.PicklingError):
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
