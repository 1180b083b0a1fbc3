"""The header: title, date, information cut-off, number of sources and the active language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from briefing.tui.language import Localized
from briefing.tui.prose import Prose, para


#: The title takes at most this many lines, so the date and the rest always show below it.
TITLE_LINES = 2


class BriefHeader(Localized, Horizontal):
    """The title (cut with "…" after TITLE_LINES lines), its date line, the line saying that the brief on
    screen is out of date when the app has one (a watched file with errors), and the language on the right."""

    def compose(self) -> ComposeResult:
        yield Prose(id="brief-title")  # wraps as the panels do: never inside a date
        yield Static(id="language", markup=False)

    def localize(self) -> None:
        loc, doc = self.app.loc, self.app.document
        stale = self.app.stale_notice()
        self.query_one("#brief-title", Prose).show([*para(doc.title, "bold", TITLE_LINES), *para(doc.meta),
                                                    *(para(stale, "bold reverse") if stale else [])])
        language = loc.language_name(loc.locale)
        self.query_one("#language", Static).update(Content(language[:1].upper() + language[1:]))
