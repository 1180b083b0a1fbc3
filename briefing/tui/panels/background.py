"""Panel 2: the dated timeline, oldest first, and the numbered source list the [n] marks point to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from briefing.analysis import timeline
from briefing.i18n import Localizer
from briefing.sanitize import plain
from briefing.text import refs
from briefing.tui.panels.base import Panel, source_entries
from briefing.tui.prose import Prose, blank, heading, labelled


class BackgroundPanel(Panel, VerticalScroll):
    NUMBER = 2

    def compose(self) -> ComposeResult:
        yield Prose()

    def title(self, loc: Localizer) -> str:
        return loc._("Background")

    def localize(self) -> None:
        self.show_title()
        loc, analysis = self.app.loc, self.app.analysis
        brief = analysis.brief
        rows = []
        if brief.background:
            rows += [*labelled((loc.moment(entry.date), plain(loc.text(entry.text)) + refs(analysis, entry.sources))
                               for entry in timeline(brief)), *blank()]
        rows += [*heading(loc._("Sources")), *source_entries(analysis, loc, (s.id for s in brief.sources))]
        self.query_one(Prose).show(rows)
