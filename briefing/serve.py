"""`briefing serve`: the dashboard in a web browser, through textual-serve.

textual-serve ships its own scripts and fonts, so the page works with no
network.  Each browser that opens the page starts its own dashboard process
(`python -m briefing show …`), which the page drives: whoever reaches the port
drives the app, so the server listens on the loopback address unless told
otherwise, and says so when it is told otherwise.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from collections.abc import Sequence

def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host`: 127.0.0.0/8, ::1 or the name localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def dashboard_command(locale: str, brief_id: str | None, data: Sequence[str]) -> str:
    """The shell command textual-serve runs for each page: this Python, this package, quoted safely."""
    words = [sys.executable, "-m", "briefing", "--lang", locale]
    for folder in data:
        words += ["--data", folder]
    words.append("show")
    if brief_id:
        words.append(brief_id)
    return shlex.join(words)


def serve(command: str, host: str, port: int, title: str) -> None:
    """Serve the dashboard until interrupted (Ctrl+C)."""
    from textual_serve.server import Server

    Server(command, host=host, port=port, title=title).serve()
