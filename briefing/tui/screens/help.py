"""The help screen: every key and every mark the dashboard uses, in the current language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from briefing.i18n import N_
from briefing.tui.prose import Prose, blank, heading, labelled
from briefing.tui.screens.dialog import Dialog

#: Key names are what is printed on the keys, so they stay as they are.
KEYS = (
    ("l", N_("Switch the language between English and Russian")),
    ("1 2 3 4", N_("Jump to a panel: key decision, background, source comparison, statistics")),
    ("Tab, Shift+Tab", N_("Move to the next or previous panel, table or detail")),
    ("↑ ↓ PgUp PgDn", N_("Scroll, or choose a row in a table; the detail below shows it in full")),
    ("← → Home End", N_("Scroll sideways, to the start or to the end")),
    ("p", N_("Save the plain-text brief in this language to a new file in the current folder")),
    ("b", N_("Choose a briefing")),
    ("e", N_("Show the files that could not be loaded")),
    ("?", N_("Show this help")),
    ("Ctrl+P", N_("Open the command palette")),
    ("q, Ctrl+Q, Ctrl+C", N_("Quit")),
    ("Esc", N_("Close this window")),
)
#: In the briefing picker, whose filter takes the letters.
PICKER_KEYS = (
    ("abc…", N_("Filter by id, title (in either language) or date; case does not matter, and ё matches е")),
    ("↑ ↓ PgUp PgDn", N_("Choose a briefing")),
    ("Enter", N_("Open the briefing chosen")),
    ("Esc", N_("Clear the filter; with none, close the picker")),
    ("Ctrl+Q, Ctrl+C", N_("Quit")),
)
MARKS = (
    ("✓", N_("sources agree, or the figure matches the reference figures")),
    ("≠", N_("sources differ")),
    ("1", N_("only one source reports it")),
    ("–", N_("no source mentions it, or no reference figure to check against")),
    ("⚠", N_("a figure inconsistent with reference figures or with a comparable one: unverified")),
    ("[1]", N_("a source in the numbered source list (panel 2)")),
)


class HelpScreen(Dialog):
    BINDINGS = [Binding("question_mark", "dismiss", show=False)]

    def body(self) -> ComposeResult:
        with VerticalScroll():
            yield Prose()

    def localize(self) -> None:
        loc = self.app.loc
        self.set_title(loc._("Help"))
        self.query_one(Prose).show([
            *heading(loc._("Keys")), *labelled((key, loc._(message)) for key, message in KEYS), *blank(),
            *heading(loc._("In the briefing picker")),
            *labelled((key, loc._(message)) for key, message in PICKER_KEYS), *blank(),
            *heading(loc._("Marks")), *labelled((mark, loc._(message)) for mark, message in MARKS)])
