"""The keys readers of `less` and `vim` move with, on everything in the dashboard that scrolls.

j and k scroll a line, g and G (and Home, End) go to the top and the end,
Ctrl+D and Ctrl+U half a page; the letters also with a Russian (ЙЦУКЕН)
layout on (о л п П).  A panel that cannot scroll (the panels stacked in one
column) hands the key on to the column, as Textual does with ↑ and ↓.
Tables move their selected row with the same keys (see briefing.tui.table).
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import VerticalScroll


class Scroll(VerticalScroll):
    """A vertical scroll moved with ↑ ↓ PgUp PgDn Home End and j k g G Ctrl+D Ctrl+U."""

    BINDINGS = [
        Binding("j,о", "scroll_down", show=False),
        Binding("k,л", "scroll_up", show=False),
        Binding("g,п", "scroll_home", show=False),
        Binding("G,П", "scroll_end", show=False),
        Binding("ctrl+d", "half_page(1)", show=False),
        Binding("ctrl+u", "half_page(-1)", show=False),
    ]

    def action_half_page(self, direction: int) -> None:
        """Scroll half the height in view down (1) or up (-1)."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_relative(y=direction * max(1, self.scrollable_content_region.height // 2), animate=False)
