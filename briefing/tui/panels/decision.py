"""Panel 1: the key decision (what, who, when, where), why it matters, confidence, what to watch."""

from __future__ import annotations

from briefing.i18n import Localizer
from briefing.tui.panels.base import ProsePanel, block_rows
from briefing.tui.prose import Row, blank, heading


class DecisionPanel(ProsePanel):
    NUMBER = 1

    def title(self, loc: Localizer) -> str:
        return self.app.section("decision").heading

    def rows(self) -> list[Row]:
        rows = block_rows(self.app.section("decision").blocks)
        watch = self.app.section("watch")
        if watch is not None:
            rows += [*blank(), *heading(watch.heading), *block_rows(watch.blocks)]
        return rows
