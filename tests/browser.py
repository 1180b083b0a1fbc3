"""Headless Chromium for the browser tests and the serve benchmark: Debian's `chromium`, driven by Playwright.

Chromium is looked for as $BRIEFING_CHROMIUM, then `chromium` or
`chromium-browser` on PATH; Playwright's own browser download is never used.
`unavailable()` says in one line why there is no browser (the tests skip with
it, the benchmark notes it).  Chromium runs with a fresh profile of our own and
with the flags that keep it off the network on its own account (updates,
sync, QUIC); whatever a page asks for is still requested, and recorded by the
tests.

Also here: `briefing serve` started on a free loopback port as a process of
its own (`Served`), and `TerminalText`, the text the page's terminal has
received over textual-serve's websocket.  xterm.js paints into a canvas, so the
dashboard's text is in no DOM node; the websocket frames carry exactly the
bytes the terminal draws (textual-serve's own intro box shows the app's title
in the DOM before the dashboard has started, so the DOM would mislead).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    wanted = os.environ.get("BRIEFING_CHROMIUM")
    if wanted:
        return wanted if os.access(wanted, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def unavailable() -> str | None:
    """Why no browser test can run here, in one line; None when Chromium and Playwright are both there."""
    if chromium_path() is None:
        if os.environ.get("BRIEFING_CHROMIUM"):
            return f"BRIEFING_CHROMIUM={os.environ['BRIEFING_CHROMIUM']!r} is not an executable Chromium"
        return "no Chromium: install Debian's chromium (apt-get install chromium) or set BRIEFING_CHROMIUM"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "no Playwright: pip install -e '.[test]'"
    return None


@contextlib.contextmanager
def chromium(profile: Path, *, javascript: bool) -> Iterator:
    """A Playwright browser context in headless Chromium, with a fresh profile in `profile`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        # A persistent context is how Playwright takes a fresh --user-data-dir of our own.
        context = driver.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), args=FLAGS, headless=True,
            java_script_enabled=javascript, service_workers="block")
        try:
            yield context
        finally:
            context.close()


def browser_or_skip(profile: Path, *, javascript: bool) -> Iterator:
    """For a pytest fixture: `yield from` it; skips in one line when there is no browser."""
    reason = unavailable()
    if reason:
        import pytest

        pytest.skip(reason)
    with chromium(profile, javascript=javascript) as context:
        yield context


def is_loopback_url(url: str) -> bool:
    """Whether `url` names this machine by a loopback address (or is a local file or an inline document)."""
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "about", "blob"):
        return True
    host = parts.hostname or ""
    return host == "localhost" or host == "::1" or host.startswith("127.")


# --- briefing serve -----------------------------------------------------------------------------------

#: textual-serve's page links this stylesheet; offline it must fail without harm (its own fonts ship with it).
GOOGLE_FONTS = "https://fonts.googleapis.com/css?family=Roboto%20Mono"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """`python -m briefing serve ARGS --port P` on 127.0.0.1, in a session of its own so that stopping it
    can be checked to leave no process behind (textual-serve starts one dashboard process per page)."""

    def __init__(self, args: Sequence[str], env: dict[str, str], port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing", *args, "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, cwd=str(REPO), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)

    def wait_listening(self, timeout: float = 15) -> float:
        """Seconds from spawn until the port accepts a connection."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"briefing serve ended with status {self.process.returncode}: "
                                   f"{self.process.stderr.read().decode('utf-8', 'replace')[-400:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"briefing serve is not listening on port {self.port} after {timeout} s")

    def session_processes(self) -> list[int]:
        """The processes still in the server's session (the server and the dashboards it started)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) ": state, ppid, pgrp, session, ...
            if fields[0] != "Z" and int(fields[3]) == self.process.pid:
                found.append(int(entry.name))
        return found

    def stop(self, timeout: float = 10) -> tuple[int, list[int]]:
        """SIGTERM, as a service manager sends it, then wait; returns the exit status and any process left in
        its session, which are then killed (they were started here)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait(timeout)
        deadline = time.perf_counter() + timeout
        left = self.session_processes()
        while left and time.perf_counter() < deadline:
            time.sleep(0.05)
            left = self.session_processes()
        if left:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.stderr.close()
        return status, left


_ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


class TerminalText:
    """What the page's terminal has been sent over textual-serve's websocket, as text, escape codes removed.

    Attach before the page opens: `TerminalText(page)`.  `wait_for(text)` returns the perf_counter time at
    which the frame carrying `text` (all of it) was received.
    """

    def __init__(self, page):
        self.page = page
        self.raw = bytearray()
        self.sockets: list[str] = []
        self._wanted: dict[tuple[str, int], float | None] = {}  # (text, since) -> when first received
        page.on("websocket", self._websocket)

    def _websocket(self, socket_) -> None:
        self.sockets.append(socket_.url)
        socket_.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if isinstance(payload, bytes):  # the terminal's bytes; text frames are textual-serve's JSON messages
            now = time.perf_counter()
            self.raw += payload
            for (wanted, since), seen in self._wanted.items():
                if seen is None and wanted in self.text(since):
                    self._wanted[wanted, since] = now

    def text(self, since: int = 0) -> str:
        """Everything received from byte `since` on (`len(self.raw)` before a key press: what it caused)."""
        return _ESCAPES.sub(b"", bytes(self.raw[since:])).decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 20, since: int = 0) -> float:
        if text in self.text(since):
            return time.perf_counter()
        self._wanted[text, since] = None
        deadline = time.perf_counter() + timeout
        try:
            while time.perf_counter() < deadline:
                seen = self._wanted[text, since]
                if seen is not None:
                    return seen
                self.page.wait_for_timeout(10)  # lets Playwright deliver the frames meanwhile
        finally:
            del self._wanted[text, since]
        raise AssertionError(f"{text!r} never reached the page's terminal in {timeout} s; "
                             f"it has shown: {self.text(since)[-300:]!r}")

    def painted(self) -> float:
        """The time once the page has drawn two more frames (xterm.js paints what it was sent on the next)."""
        self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        return time.perf_counter()
