"""Read a file descriptor to its end, but never more than a limit: for files that may lie about their size."""

from __future__ import annotations

import os


def read_at_most(fd: int, limit: int) -> bytes | None:
    """All the bytes left in `fd`, or None when there are more than `limit` of them.

    A file may grow while it is read, or report a size it does not have:
    at most one byte past the limit is ever read, whatever fstat said.
    Raises OSError as os.read does.
    """
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return None if size > limit else b"".join(chunks)
