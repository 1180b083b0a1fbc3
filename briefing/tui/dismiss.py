"""Screens that a second key typed fast cannot close twice."""

from __future__ import annotations

from textual.await_complete import AwaitComplete


class DismissedOnce:
    """For screens: `dismiss` does nothing once the screen is no longer the active one.

    A mixin, put before the screen class, which keeps its CSS: Textual
    inherits CSS along the first base class that is a widget.

    Keys typed fast reach a screen together: a second Enter or Esc after the
    one that closed it would, in Textual 8.2.8, dismiss it again and so pop
    the screen under it (ScreenStackError, or the briefing pane gone).
    Textual 0.66 made `dismiss` do nothing on a screen that is not active
    (Textualize/textual#4621); later releases, 8.2.8 among them, lost that.
    """

    def dismiss(self, result: object = None) -> AwaitComplete:
        """Close the screen with `result`, if it is the active screen; otherwise it is closing already."""
        if not self.is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)
