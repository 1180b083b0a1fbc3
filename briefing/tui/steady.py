"""One frame for a key: no second layout, repaint or scroll-bar redraw for what the first one settled.

`SteadyScrollBars`: scroll bars drawn again only when they change.

Textual 8.2.8 tells every `ScrollView` (a DataTable, an Input, an OptionList)
its size at each layout of the screen, with the size of its children as its
"virtual size".  Such a widget has no children and keeps a virtual size of its
own, so the two rarely agree, and every layout anywhere on the screen (a
language switch, a detail that grows, a scroll that brings a search match into
view) makes each of these widgets redraw its scroll bars.  That redraw reaches
the screen after the frame the layout was drawn in, so the key costs a second
frame, 17 ms or more, that changes nothing on screen.

`SteadyScrollBars` skips the redraw when neither the widget's size, nor its
own virtual size, nor its container has changed since the bars were last set:
exactly the case in which Textual's update would set them as they are.  It
relies on Textual's private `_size_updated` (the version is pinned in
pyproject.toml); tests/test_tui_keys.py checks that a key which lays the
screen out still leaves the bars right.

`SizedByLayout`: a widget whose size only the layout sets (a detail that grows
with the row chosen) is not laid out and repainted a second time for the size
the first layout found (see the class).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


class SteadyScrollBars:
    """Mix into a ScrollView subclass, before it: `class BriefTable(SteadyScrollBars, DataTable)`."""

    _bars_set_for: tuple[Size, Size, Size] | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        now = (size, self.virtual_size, container_size)
        if now == self._bars_set_for and self._container_size == container_size:
            return False  # as Textual would answer: no change of size, so no Resize event
        self._bars_set_for = now
        return super()._size_updated(size, virtual_size, container_size, layout)  # type: ignore[misc]


class SizedByLayout:
    """Mix into a widget whose virtual size only the screen's layout sets (a text that grows with its rows, a
    scrolling container of such texts), before the Textual class: `class Prose(SizedByLayout, Widget)`.

    Textual 8.2.8 lays the screen out again, and repaints, whenever a widget's
    virtual size changes, even when the change was found by the layout that
    has just run and drawn it: a detail that grows with the row chosen cost a
    second layout and a frame of its own.  Here the change of size starts
    neither; whatever it changes the layout has already placed and drawn (a
    scroll bar that appears or goes away is laid out again by Textual itself).
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
