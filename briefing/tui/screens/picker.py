"""The briefing picker: every loaded briefing by date and title; Enter opens one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.sanitize import escaped, one_line
from briefing.tui.screens.dialog import Dialog


class PickerScreen(Dialog):
    def body(self) -> ComposeResult:
        yield OptionList()

    def localize(self) -> None:
        loc, app = self.app.loc, self.app
        self.set_title(loc._("Choose a briefing"))
        options = self.query_one(OptionList)
        current = options.highlighted
        shown = " · " + loc._("shown now")  # so a reader who opened the list by mistake sees where they were
        options.set_options(
            Option(Content.assemble((one_line(loc.text(brief.title)), "bold"), "\n",
                                    loc.date(brief.date), " · ", escaped(brief_id),
                                    (shown if brief_id == app.brief_id else "", "italic")), id=brief_id)
            for brief_id, brief in app.library.briefings.items())
        options.highlighted = current if current is not None else list(app.library.briefings).index(app.brief_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
