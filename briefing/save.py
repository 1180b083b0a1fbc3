"""Save a brief to a new file, never over an existing one.

The text is written to a temporary file in the target folder first and then
hard-linked under the first free name, so a reader never sees a half-written
brief and two savers racing for one name cannot overwrite each other: a link
fails when its name exists.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

#: How many numbered names are tried before giving up ("x.txt", "x-2.txt", ...).
MAX_TRIES = 1000


def save_brief(text: str, folder: Path, stem: str) -> Path:
    """Write `text` as UTF-8 to `folder/stem.txt`, or `stem-2.txt`, ... if taken; return the path.

    Raises OSError when the folder cannot be written to.
    """
    temporary = folder / f".{stem}.{secrets.token_hex(6)}.tmp"
    # O_EXCL: never reuse a file someone else made; 0o666 lets the umask decide, as for any new file.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        for n in range(1, MAX_TRIES + 1):
            target = folder / (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt")
            try:
                os.link(temporary, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder / f"{stem}-{MAX_TRIES}.txt"))
    finally:
        os.unlink(temporary)
