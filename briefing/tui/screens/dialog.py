"""A modal box with a localized title over the briefing pane, closed with Esc."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

from briefing.i18n import N_
from briefing.tui.dismiss import DismissedOnce
from briefing.tui.footer import BriefFooter
from briefing.tui.language import Localized, lazy


class Dialog(Localized, DismissedOnce, ModalScreen):
    """A modal screen stops the app's plain keys, so the ones that work everywhere are repeated here."""

    BINDINGS = [
        Binding("escape", "dismiss", lazy(N_("Close"))),
        Binding("l", "app.toggle_language", lazy(N_("Language"))),
        Binding("q", "app.quit", lazy(N_("Quit"))),
        Binding("д", "app.toggle_language", show=False),  # the same keys on a Russian layout
        Binding("й", "app.quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield from self.body()
        yield BriefFooter()

    def body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.localize()

    def set_title(self, title: str) -> None:
        self.query_one(".dialog").border_title = Content(title)
