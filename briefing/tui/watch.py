"""`briefing show FILE --watch`: the dashboard follows a briefing file as its author saves it.

The file's folder is watched through watchfiles (inotify, FSEvents or
ReadDirectoryChangesW; a poll where none is available), so that an editor
that saves by writing a new file and renaming it over the old one is
followed too.  On each change the file is checked as `briefing check` checks
it (briefing.checking), on the app's own thread, and:

- a valid file replaces the brief on screen in place, as a language switch
  does: the language, the focused widget, the selected rows and the scroll
  positions stay (a table's selected row stays at its place when rows come
  or go);
- a file with errors leaves the last good brief on screen, says so in a
  notice and, until the next good save, in a line under the header (since
  when the file has how many errors), and puts every error, with its line
  and column, on the errors screen (key e); the next good save clears them,
  the line and the notices that spoke of them.

watchfiles gathers the changes of one save for WATCH_STEP_MS before it
reports them (inotify itself adds a few ms); checking the kz-iaea-far-east-2025
file takes some 10 ms and drawing the new brief about what a language switch
takes: within the 300 ms budget of the benchmark (benchmarks/run.py, row "watch").
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from briefing.i18n import N_, Nn_
from briefing.store import Library
from briefing.tui.app import BriefingApp

#: How long watchfiles waits for more changes after one, in ms, before it reports them (its own default is 50).
WATCH_STEP_MS = 20
#: The longest it gathers changes that keep coming, in ms.
WATCH_DEBOUNCE_MS = 200

BROKEN = Nn_("%(file)s has %(count)s error; the last good version stays on screen. Press e to see it.",
             "%(file)s has %(count)s errors; the last good version stays on screen. Press e to see them.")
STALE = Nn_("the file has %(count)s error since %(time)s — showing the last good version; e for details",
            "the file has %(count)s errors since %(time)s — showing the last good version; e for details")
ERRORS_PREFACE = N_("The watched file has errors: the last good version stays on screen until a save mends them.")
MENDED = N_("%(file)s is valid again; the brief on screen is up to date.")


def file_library(path: Path) -> tuple[Library, list]:
    """A library of the one briefing in `path`, and the file's diagnostics when it has errors."""
    from briefing.checking import check_file

    report = check_file(path, warn=False)  # warnings are for `check`: the dashboard shows what loads
    if report.good:
        return Library({report.brief.id: report.brief}, {report.brief.id: path}), []
    return Library(), [d for d in report.diagnostics if d.severity == "error"]


class WatchingApp(BriefingApp):
    """The dashboard on one briefing file, reloaded whenever the file changes."""

    def __init__(self, library: Library, path: Path, locale: str = "en"):
        super().__init__(library, None, locale)
        self.watched = path
        self.reloads = 0  # how many saves have been read: a test or a benchmark waits for the next
        self.broken_since: datetime | None = None  # the local time of the first save with errors since a good one

    def stale_notice(self) -> str | None:
        """'the file has 1 error since 14:02 — showing the last good version; e for details' while it has."""
        if self.broken_since is None:
            return None
        loc = self.loc
        return loc.n_(*STALE, len(self.library.errors), time=loc.clock(self.broken_since))

    def errors_preface(self, files: int) -> str:
        return self.loc._(ERRORS_PREFACE)

    def on_mount(self) -> None:
        self.run_worker(self._follow(), group="watch", exclusive=True, exit_on_error=False)

    async def _follow(self) -> None:
        from watchfiles import awatch

        target = os.path.realpath(self.watched)
        folder = os.path.dirname(target)

        def concerns(change, path: str) -> bool:
            return os.path.realpath(path) == target

        async for _ in awatch(folder, watch_filter=concerns, step=WATCH_STEP_MS, debounce=WATCH_DEBOUNCE_MS,
                              recursive=False, ignore_permission_denied=True):
            self.reload()

    def reload(self) -> None:
        """Read the file again: show it when it is valid, its errors beside the last good brief when not."""
        library, errors = file_library(self.watched)
        self.reloads += 1
        was_broken = bool(self.library.errors)
        if errors:
            self.library.errors = errors
            if self.broken_since is None:
                self.broken_since = datetime.now()
            self.refresh_bindings()  # the footer offers e
            self.localize_all()  # an errors screen already open shows the new ones
            self.notices.say(lambda loc: loc.n_(*BROKEN, len(errors), file=str(self.watched)), "error")
            return
        brief_id = next(iter(library.briefings))
        self.library.briefings, self.library.origins, self.library.headers, self.library.errors = (
            library.briefings, library.origins, library.headers, [])
        self._analyses.clear()
        self.broken_since = None
        self.brief_id = brief_id
        from briefing.tui.screens.errors import ErrorsScreen

        if isinstance(self.screen, ErrorsScreen):
            self.screen.dismiss()
        self.refresh_bindings()
        self.localize_all()
        if was_broken:
            self.notices.clear()  # the notices of errors the save has mended
            self.notices.say(lambda loc: loc._(MENDED, file=str(self.watched)))

