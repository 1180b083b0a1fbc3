"""The files that could not be loaded, each with the line `briefing check` prints for it (a file the dashboard
watches with every error, as briefing.checking.Diagnostic lines)."""

from __future__ import annotations

from textual.app import ComposeResult

from briefing.tui.movement import Scroll
from briefing.tui.prose import Prose, blank, bullets, para
from briefing.tui.screens.dialog import Dialog


class ErrorsScreen(Dialog):
    def body(self) -> ComposeResult:
        with Scroll():
            yield Prose()

    def localize(self) -> None:
        loc, errors = self.app.loc, self.app.library.errors
        self.set_title(loc._("Files that could not be loaded"))
        self.query_one(Prose).show([
            *para(self.app.errors_preface(len({getattr(error, "file", None) or error.path for error in errors}))),
            *blank(),
            *bullets(error.describe(loc) for error in errors)])
