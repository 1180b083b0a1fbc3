"""The pager `briefing print` writes through in a terminal, chosen and run as git does.

BRIEFING_PAGER, else PAGER, else `less`; set but empty, or `cat`, means no
pager.  The command is split as a POSIX shell splits words (shlex) and run
without a shell, so nothing in it is ever run as shell code.  `less` is given
LESS=FRX unless LESS is set: quit when the text fits one screen, pass no
escape codes (the text has none: it is sanitized like all output), leave the
screen as it is on quitting.
"""

from __future__ import annotations

import contextlib
import shlex
import signal
import subprocess
from collections.abc import Mapping

ENV_PAGER = ("BRIEFING_PAGER", "PAGER")
DEFAULT_PAGER = "less"
DEFAULT_LESS = "FRX"


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager's argument list, or None for no pager.  Raises ValueError when the command cannot be split."""
    value = next((environ[name] for name in ENV_PAGER if name in environ), DEFAULT_PAGER)
    words = shlex.split(value)
    return None if not words or words == ["cat"] else words


def page(command: list[str], data: bytes, environ: Mapping[str, str]) -> int:
    """Give `data` to the pager on its standard input and wait for it; return its exit status.

    The pager writes to this process's terminal.  The reader may quit it
    before it has read everything: that is no failure.  Ctrl+C is the pager's
    while it runs (as in git), so this process does not die under it.
    Raises OSError when the pager cannot be started.
    """
    env = dict(environ)
    env.setdefault("LESS", DEFAULT_LESS)
    previous = None
    # The pager starts with Ctrl+C as the user's terminal gives it (a pager that does not handle it is stopped
    # by it); only then does this process ignore it, so that Ctrl+C in `less` does not end the brief's writer.
    process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    with contextlib.suppress(ValueError):  # not the main thread: signals stay as they are
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.suppress(BrokenPipeError):
            try:
                process.stdin.write(data)
            finally:
                process.stdin.close()
        return process.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
