"""The sources' addresses, to open in the browser or copy: `o` or `y` on the briefing, then `o` (Enter) or `y`.

The source the reader is looking at comes first highlighted: the first one
the selected comparison point or figure cites.  Each address takes one line,
cut with "…" when the dialog is narrower, never broken, and is a link to
itself; what is opened or copied, and named in the notice, is the whole
address.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.document import SourceEntry
from briefing.i18n import N_
from briefing.tui.language import lazy
from briefing.tui.links import copy_address, open_address
from briefing.tui.panels.base import address
from briefing.tui.screens.dialog import Dialog




class AddressesScreen(Dialog):
    BINDINGS = [
        Binding("o,щ", "open", lazy(N_("Open"))),
        Binding("y,н", "copy", lazy(N_("Copy"))),
        Binding("j,о", "list('cursor_down')", show=False),
        Binding("k,л", "list('cursor_up')", show=False),
        Binding("g,п", "list('first')", show=False),
        Binding("G,П", "list('last')", show=False),
    ]

    def __init__(self, first: int | None = None) -> None:
        super().__init__()
        self._first = first  # the number of the source to highlight first

    def body(self) -> ComposeResult:
        yield OptionList(id="addresses")
        yield Static(id="addresses-hint", markup=False)

    def entries(self) -> list[SourceEntry]:
        return [entry for block in self.app.section("sources").blocks for entry in block.entries]

    def localize(self) -> None:
        loc = self.app.loc
        self.set_title(loc._("Source addresses"))
        self.query_one("#addresses-hint", Static).update(
            loc._("Enter or o opens the highlighted address in the browser, y copies it."))
        options = self.query_one(OptionList)
        current = options.highlighted
        entries = self.entries()
        # Each line is cut with "…" where the list ends (app.tcss), the address too: never broken.
        options.set_options(Option(Content.assemble((f"[{entry.number}] {entry.summary}", "bold"), "\n",
                                                     address(entry.url)), id=str(entry.number))
                            for entry in entries)
        if current is None:
            numbers = [entry.number for entry in entries]
            current = numbers.index(self._first) if self._first in numbers else 0
        options.highlighted = current

    def highlighted(self) -> SourceEntry | None:
        index = self.query_one(OptionList).highlighted
        entries = self.entries()
        return entries[index] if index is not None and index < len(entries) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            open_address(self.app, entry.url)

    def action_copy(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            copy_address(self.app, entry.url)

    def action_list(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()
