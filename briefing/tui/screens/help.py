"""The help screen: every key and every mark the dashboard uses, in the current language.

Each key is followed, in brackets, by the key that does the same with a
Russian (ЙЦУКЕН) layout on, where that is another key: there the / key types
".", so "." searches too.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from briefing.i18n import N_
from briefing.tui.movement import Scroll
from briefing.tui.prose import Prose, blank, heading, labelled, para
from briefing.tui.screens.dialog import Dialog

#: Key names are what is printed on the keys, so they stay as they are; then the same keys on a Russian layout.
KEYS = (
    ("/", ".", N_("Search every panel as you type; Enter goes to the match, Esc clears the search")),
    ("n N", "т Т", N_("Go to the next or the previous match")),
    ("l", "д", N_("Switch the language between English and Russian")),
    ("1 2 3 4", "", N_("Jump to a panel: key decision, background, source comparison, statistics")),
    ("Tab, Shift+Tab", "", N_("Move to the next or previous panel, table or detail")),
    ("↑ ↓ j k", "о л", N_("Scroll a line, or choose a row in a table; the detail below shows it in full")),
    ("PgUp PgDn", "", N_("Scroll a page, or move the row a page")),
    ("Ctrl+U Ctrl+D", "", N_("Scroll half a page, or move the row half a page")),
    ("Home End g G", "п П", N_("Go to the top or the end; in a table, to the first or the last row")),
    ("← →", "", N_("In the comparison table, show the previous or next source's column; "
                   "elsewhere, and when every column is shown, scroll sideways")),
    ("f", "а", N_("Comparison: every point, only points that differ, only points from one source")),
    ("o y", "щ н", N_("Source addresses: open one in the browser (o, Enter) or copy it (y); "
                      "clicking an address opens it too")),
    ("p", "з", N_("Save the plain-text brief in this language to a new file in the current folder")),
    ("b", "и", N_("Choose a briefing")),
    ("e", "у", N_("Show the files that could not be loaded")),
    ("?", ",", N_("Show this help")),
    ("Ctrl+P", "", N_("Open the command palette")),
    ("q, Ctrl+Q, Ctrl+C", "й", N_("Quit")),
    ("Esc", "", N_("Close this window, or clear the search")),
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
    ("+", N_("sources complement each other: each adds what the others leave out")),
    ("1", N_("only one source reports it")),
    ("–", N_("no source mentions it, or no reference figure to check against")),
    ("⚠", N_("a figure inconsistent with reference figures or with a comparable one: unverified")),
    ("[1]", N_("a source in the numbered source list (panel 2)")),
    ("+2", N_("in the comparison table: sources whose columns are not shown (← → show them)")),
)


def key_label(keys: str, russian: str) -> str:
    """'l (д)': the keys, and in brackets those that do the same with a Russian layout on."""
    return f"{keys} ({russian})" if russian else keys


class HelpScreen(Dialog):
    BINDINGS = [Binding("question_mark,comma", "dismiss", show=False)]

    def body(self) -> ComposeResult:
        with Scroll():
            yield Prose()

    def localize(self) -> None:
        loc = self.app.loc
        self.set_title(loc._("Help"))
        self.query_one(Prose).show([
            *heading(loc._("Keys")),
            *para(loc._("In brackets: the same key with a Russian (ЙЦУКЕН) keyboard layout on.")),
            *labelled((key_label(keys, russian), loc._(message)) for keys, russian, message in KEYS), *blank(),
            *heading(loc._("In the briefing picker")),
            *labelled((key, loc._(message)) for key, message in PICKER_KEYS), *blank(),
            *heading(loc._("Marks")), *labelled((mark, loc._(message)) for mark, message in MARKS)])
