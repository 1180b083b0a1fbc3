"""Keep one invalid byte typed or pasted into the terminal from ending the dashboard with a traceback.

Textual 8.2.8's Linux driver decodes the keyboard's bytes as strict UTF-8, so
a single byte such as 0xFF (a paste from a Latin-1 program, a stray meta key)
raises UnicodeDecodeError in its input thread: the dashboard stops with a
traceback and exit status 0 (Textualize/textual#6456, open).  `guard_input`
makes the driver decode with errors="replace": such a byte becomes U+FFFD, a
character like any other, which the search line shows and the keys ignore.
"""

from __future__ import annotations

import codecs
import functools


def guard_input() -> None:
    """Make Textual's Linux driver decode keyboard input leniently (idempotent; a no-op where it is absent)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows: its driver reads keys as characters already
        return
    linux_driver.getincrementaldecoder = _lenient


def _lenient(encoding: str):
    """codecs.getincrementaldecoder, its decoders replacing what they cannot decode."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")
