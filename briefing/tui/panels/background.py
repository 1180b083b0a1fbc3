"""Panel 2: the dated timeline, oldest first, and the numbered source list the [n] marks point to."""

from __future__ import annotations

from briefing.i18n import Localizer
from briefing.tui.panels.base import ProsePanel, block_rows, source_entries
from briefing.tui.prose import Row, blank, heading


class BackgroundPanel(ProsePanel):
    NUMBER = 2

    def title(self, loc: Localizer) -> str:
        return self.app.section("background").heading

    def rows(self) -> list[Row]:
        background, sources = self.app.section("background"), self.app.section("sources")
        rows = []
        if any(block.rows for block in background.blocks):  # a brief without a background: no timeline
            rows += [*block_rows(background.blocks), *blank()]
        return [*rows, *heading(sources.heading), *source_entries(sources)]
