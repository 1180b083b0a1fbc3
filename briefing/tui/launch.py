"""The one entry from the command line: build the dashboard, run it, return an exit status."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import sys
from pathlib import Path

from briefing.i18n import localizer
from briefing.sanitize import escaped
from briefing.settings import Settings
from briefing.store import Library

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
#: A signal ends the dashboard with 128 + its number, as a shell reports it: 130 SIGINT, 143 SIGTERM, 129 SIGHUP.
EXIT_SIGNALLED = 128
#: The driver textual-serve (`briefing serve`) names for each page's dashboard: Textual then draws for the
#: browser through stdout, a pipe, and takes its size from COLUMNS and ROWS.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
#: The signals that close the dashboard cleanly (Windows has no SIGHUP).
STOP_SIGNALS = [signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]


def _no_terminal(loc) -> str | None:
    """Why this terminal cannot show the dashboard, in words; None when it can."""
    if os.environ.get("TERM") == "dumb":
        # Textual draws with cursor movements and colours whatever TERM says; a dumb terminal would show
        # them as garbage.
        return loc._("the terminal cannot move the cursor or show colours (TERM=dumb)")
    if not sys.stdin.isatty():
        return loc._("standard input is not a terminal")
    if not sys.stdout.isatty():
        return loc._("standard output is not a terminal")
    return None


def run_dashboard(library: Library, brief_id: str | None, locale: str, settings: Settings | None = None,
                  watch: Path | None = None) -> int:
    """Run the app in this terminal; without one that can show it, say why and point to `briefing print`.

    The settings file gives the theme, and the theme and language chosen are written back to it.  With `watch`, the library is that one file's, and the
    dashboard follows it (briefing.tui.watch).
    """
    loc = localizer(locale)
    # Under `briefing serve` there is no terminal to check: the browser's terminal shows what Textual draws.
    if os.environ.get("TEXTUAL_DRIVER") != WEB_DRIVER:
        reason = _no_terminal(loc)
        if reason:
            sys.stderr.write(loc._("briefing: the dashboard cannot be drawn: %(reason)s; "
                                   "use “briefing print” for plain text", reason=reason) + "\n")
            return EXIT_USAGE
        # COLUMNS and LINES may say anything (COLUMNS=99999 left over from a script); Textual and Rich would
        # believe them over the terminal. On a terminal, its own size (TIOCGWINSZ) is the truth, and follows resizes.
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)
    # Importing Textual and building the app allocate much and free next to nothing: collections meanwhile
    # would find nothing, and a full one while the first screen is built would scan it all (some 15 ms).
    # So the collector is off while they load, and what they made is frozen out of its later scans (as
    # the app does again when mounted, with what it made since).
    gc.disable()
    try:
        from briefing.tui.input_guard import guard_input

        guard_input()
        if watch is not None:
            from briefing.tui.watch import WatchingApp

            app = WatchingApp(library, watch, locale)
        else:
            from briefing.tui.app import make_app

            app = make_app(library, brief_id, locale)
    finally:
        gc.freeze()
        gc.enable()
    if settings is not None:
        from briefing.tui.persist import start_with

        problem = start_with(app, settings, loc)
        if problem:
            sys.stderr.write(escaped(problem) + "\n")
    received: list[int] = []

    def stop(signum, frame) -> None:
        """A signal that ends the app: close it as `q` does, so the terminal is restored, then exit 128 + signum.

        SIGINT (kill -INT; the Ctrl+C key is read as a key), SIGTERM (kill, a
        service manager) and SIGHUP (the terminal window closed) all end it so.
        """
        received.append(signum)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app is not running yet, or no longer
            raise KeyboardInterrupt from None
        loop.call_soon_threadsafe(app.exit)

    previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        app.run()
    except KeyboardInterrupt:
        return EXIT_SIGNALLED + (received[0] if received else signal.SIGINT)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        return EXIT_SIGNALLED + received[0]
    return EXIT_OK if app.return_code in (None, 0) else EXIT_FAILURE
