"""The briefing pane: the screen under the dialogs, laid out and styled once before it is first shown."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.screen import Screen

from briefing.tui.too_small import MIN_COLUMNS, MIN_ROWS

#: The classes the pane takes by the terminal's width and height, as Textual's breakpoints.
#: From 150 columns the four panels share the screen: narrower, the comparison table has room for one source.
SIDE_BY_SIDE = 150
HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_COLUMNS, "-narrow"), (SIDE_BY_SIDE, "-wide")]
VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_ROWS, "-tall")]


def breakpoint_classes(size: Size) -> list[str]:
    """The classes the breakpoints give a screen of `size`."""
    return [max((edge, name) for edge, name in breakpoints if dimension >= edge)[1]
            for dimension, breakpoints in ((size.width, HORIZONTAL_BREAKPOINTS), (size.height, VERTICAL_BREAKPOINTS))]


class Pane(Screen):
    """The screen of the four panels.

    Its breakpoint classes are set for the terminal's size when it is made:
    Textual sets them on the first Resize, after laying the panels out once
    without them.  And its first resume does not restyle every widget that
    mounting has just styled: Textual 8.2.8 restyles the whole screen on every
    resume, which a pane a dialog has covered needs and a new one does not.
    """

    def __init__(self, size: Size) -> None:
        super().__init__(id="_default", classes=" ".join(breakpoint_classes(size)))
        self._shown = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown:
            self._shown = True
            event.refresh_styles = False
        super()._on_screen_resume(event)
