"""The command palette in the current language: its commands, its prompt and its empty result.

Textual's own system commands and palette texts are English, so the app
yields these instead and opens this palette.  The palette also guards against
faults of Textual 8.2.8's palette that keys typed fast reach (see `Palette`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from briefing.tui.dismiss import DismissedOnce
from briefing.tui.panels.comparison import FILTER_NAMES, FILTERS, ComparisonPanel

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def system_commands(app: BriefingApp, screen: Screen) -> Iterable[SystemCommand]:
    loc = app.loc
    other = loc.language_name(app.next_locale())
    yield SystemCommand(loc._("Switch language"), loc._("Next language: %(language)s", language=other),
                        app.action_toggle_language)
    yield SystemCommand(loc._("Search"), loc._("Find a word in every panel, in this language"), app.action_search)
    following = FILTERS[(FILTERS.index(app.pane.query_one(ComparisonPanel).filter) + 1) % len(FILTERS)]
    yield SystemCommand(loc._("Filter the comparison"), loc._("Next: %(filter)s", filter=loc._(FILTER_NAMES[following])),
                        app.action_comparison_filter)
    yield SystemCommand(loc._("Source addresses"), loc._("Open a source's address in the browser, or copy it"),
                        app.action_addresses)
    yield SystemCommand(loc._("Save the brief"),
                        loc._("Write the plain-text brief in this language to a new file in the current folder"),
                        app.action_save)
    if len(app.library.headers) > 1:
        yield SystemCommand(loc._("Choose a briefing"), loc._("Open another briefing"), app.action_picker)
    if app.library.errors:
        yield SystemCommand(loc._("Show load errors"), loc._("List the files that could not be loaded"),
                            app.action_errors)
    yield SystemCommand(loc._("Help"), loc._("Show the keys and what the marks mean"), app.action_help)
    yield SystemCommand(loc._("Change theme"), loc._("Choose the colours: dark, light, ANSI and more"),
                        lambda: app.push_screen(Palette(providers=[ThemeProvider],
                                                        placeholder=loc._("Search for themes…"))))
    yield SystemCommand(loc._("Quit"), loc._("Close the dashboard"), app.action_quit)


class Palette(DismissedOnce, CommandPalette):
    """The command palette with its prompt and its 'no matches' line in the current language.

    A terminal hands over keys typed fast together, before the palette has
    drawn what the first one did.  Textual 8.2.8 (the newest release; none of
    these is fixed upstream) then fails in three ways: PageUp or PageDown
    before the list has a size raise KeyError; the search for commands, still
    running when the palette is closed, looks for the list already taken down
    (NoMatches); both guarded here.  And a second Enter after the one that ran
    a command dismisses the palette again, which pops the screen under it
    (ScreenStackError), guarded by `DismissedOnce`.
    """

    def _action_command_list(self, action: str) -> None:
        # Textual pages by the list's height and its line map, both empty until the list is laid out: there
        # is no page to move by yet.
        if action in ("page_up", "page_down") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)
        except NoMatches:
            if self.query(CommandList):  # the palette is whole: a fault of another kind
                raise

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2.8 writes "No matches found" in English here; this is its
        # method with the message localized.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(self.app.loc._("No matches found"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
