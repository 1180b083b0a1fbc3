"""The note shown instead of the panels when the terminal is too small to read them."""

from __future__ import annotations

from textual.widgets import Static

from briefing.tui.language import Localized

#: Below this size the panels are hidden; the app's breakpoints use the same numbers.
MIN_COLUMNS, MIN_ROWS = 40, 12


class TooSmall(Localized, Static):
    def localize(self) -> None:
        self.update(self.app.loc._("The terminal is too small: make it at least %(columns)s × %(rows)s.",
                                   columns=MIN_COLUMNS, rows=MIN_ROWS))
