"""Save a brief to a new file, never over an existing one.

The text is written to a temporary file in the target folder first and then
hard-linked under the first free name, so a reader never sees a half-written
brief and two savers racing for one name cannot overwrite each other: a link
fails when its name exists.  File systems without hard links (vfat, exFAT,
most SMB shares) refuse the link; there the brief is written straight into a
file created under the first free name with O_CREAT | O_EXCL, which fails as
well when the name exists, so nothing is ever overwritten either way.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

#: How many numbered names are tried before giving up ("x.txt", "x-2.txt", ...).
MAX_TRIES = 1000
#: What a file system without hard links answers to os.link.
NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def save_brief(text: str, folder: Path, stem: str) -> Path:
    """Write `text` as UTF-8 to `folder/stem.txt`, or `stem-2.txt`, ... if taken; return the path.

    Raises OSError when the folder cannot be written to (FileExistsError when
    all MAX_TRIES names are taken).
    """
    data = text.encode("utf-8")
    temporary = folder / f".{stem}.{secrets.token_hex(6)}.tmp"
    _write_new(temporary, data)
    try:
        for target in _names(folder, stem):
            try:
                os.link(temporary, target)
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in NO_HARD_LINKS:
                    raise
                return _create_first_free(folder, stem, data)
            return target
    finally:
        os.unlink(temporary)
    raise _all_taken(folder, stem)


def _names(folder: Path, stem: str):
    return (folder / (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt") for n in range(1, MAX_TRIES + 1))


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (never an existing one) and write `data` to disk; on failure leave nothing."""
    # 0o666 lets the umask decide, as for any new file.
    handle = os.open(path, _NEW_FILE, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        os.unlink(path)
        raise


def _create_first_free(folder: Path, stem: str, data: bytes) -> Path:
    for target in _names(folder, stem):
        try:
            _write_new(target, data)
        except FileExistsError:
            continue
        return target
    raise _all_taken(folder, stem)


def _all_taken(folder: Path, stem: str) -> FileExistsError:
    return FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder / f"{stem}-{MAX_TRIES}.txt"))


def write_whole(target: Path, text: str, force: bool = False) -> None:
    """Write `text` as UTF-8 to `target`, whole or not at all.

    The text goes to a temporary file in the target's folder first, which is
    then hard-linked under the target's name, so an existing file is never
    overwritten (FileExistsError) and a reader never sees half a file; with
    `force`, it is renamed over the target instead, which replaces an existing
    file in one step.  Where the file system has no hard links, the target is
    created with O_CREAT | O_EXCL and written directly, and removed again if
    writing fails.  Raises OSError when the folder cannot be written to.
    """
    data = text.encode("utf-8")
    temporary = target.parent / f".{target.name[:64]}.{secrets.token_hex(6)}.tmp"
    _write_new(temporary, data)
    try:
        if force:
            os.replace(temporary, target)
            return
        try:
            os.link(temporary, target)
        except OSError as exc:
            if exc.errno not in NO_HARD_LINKS:
                raise
            _write_new(target, data)
    finally:
        if temporary.exists() or temporary.is_symlink():
            os.unlink(temporary)
