"""The one entry from the command line: build the dashboard, run it, return an exit status."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import sys

from briefing.i18n import localizer
from briefing.store import Library

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def run_dashboard(library: Library, brief_id: str | None, locale: str) -> int:
    """Run the app in this terminal; without one that can show it, say so and point to `briefing print`."""
    loc = localizer(locale)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        sys.stderr.write(loc._("briefing: the dashboard needs a terminal; use 'briefing print' for plain text") + "\n")
        return EXIT_USAGE
    if os.environ.get("TERM") == "dumb":
        # Textual draws with cursor movements and colours whatever TERM says; a dumb terminal would show
        # them as garbage.
        sys.stderr.write(loc._("briefing: the dashboard cannot run on a dumb terminal (TERM=dumb); "
                               "use 'briefing print' for plain text") + "\n")
        return EXIT_USAGE
    # Importing Textual and building the app allocate much and free next to nothing: collections meanwhile
    # would find nothing, and a full one while the first screen is built would scan it all (some 15 ms).
    # So the collector is off while they load, and what they made is frozen out of its later scans (as
    # the app does again when mounted, with what it made since).
    gc.disable()
    try:
        from briefing.tui.app import make_app

        app = make_app(library, brief_id, locale)
    finally:
        gc.freeze()
        gc.enable()
    interrupted = False

    def interrupt(signum, frame) -> None:
        """A real SIGINT (the Ctrl+C key is read as a key): close the app as `q` does, then exit with 130."""
        nonlocal interrupted
        interrupted = True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app is not running yet, or no longer
            raise KeyboardInterrupt from None
        loop.call_soon_threadsafe(app.exit)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        app.run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if app.return_code in (None, 0) else EXIT_FAILURE
