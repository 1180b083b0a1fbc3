"""The one entry from the command line: build the dashboard, run it, return an exit status."""

from __future__ import annotations

import sys

from briefing.i18n import localizer
from briefing.store import Library

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def run_dashboard(library: Library, brief_id: str | None, locale: str) -> int:
    """Run the app in this terminal; without one, say so and point to `briefing print`."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        sys.stderr.write(localizer(locale)._(
            "briefing: the dashboard needs a terminal; use 'briefing print' for plain text") + "\n")
        return EXIT_USAGE
    from briefing.tui.app import make_app

    app = make_app(library, brief_id, locale)
    try:
        app.run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_OK if app.return_code in (None, 0) else EXIT_FAILURE
