"""Panel 2: the dated timeline, oldest first, and the numbered source list the [n] marks point to."""

from __future__ import annotations

from briefing.analysis import timeline
from briefing.i18n import Localizer
from briefing.sanitize import plain
from briefing.document import refs
from briefing.tui.panels.base import ProsePanel, source_entries
from briefing.tui.prose import Row, blank, heading, labelled


class BackgroundPanel(ProsePanel):
    NUMBER = 2

    def title(self, loc: Localizer) -> str:
        return loc._("Background")

    def rows(self) -> list[Row]:
        loc, analysis = self.app.loc, self.app.analysis
        brief = analysis.brief
        rows = []
        if brief.background:
            rows += [*labelled((loc.moment(entry.date), plain(loc.text(entry.text)) + refs(analysis, entry.sources))
                               for entry in timeline(brief)), *blank()]
        rows += [*heading(loc._("Sources")), *source_entries(analysis, loc, (s.id for s in brief.sources))]
        return rows
