"""Scroll bars drawn again only when they change: one frame for a key, not a second for the bars.

Textual 8.2.8 tells every `ScrollView` (a DataTable, an Input, an OptionList)
its size at each layout of the screen, with the size of its children as its
"virtual size".  Such a widget has no children and keeps a virtual size of its
own, so the two never agree, and every layout anywhere on the screen (a
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
"""

from __future__ import annotations

from textual.geometry import Size


class SteadyScrollBars:
    """Mix into a ScrollView subclass, before it: `class BriefTable(SteadyScrollBars, DataTable)`."""

    _bars_set_for: tuple[Size, Size, Size] | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        now = (size, self.virtual_size, container_size)
        if now == self._bars_set_for and self._container_size == container_size:
            return False  # as Textual would answer: no change of size, so no Resize event
        self._bars_set_for = now
        return super()._size_updated(size, virtual_size, container_size, layout)  # type: ignore[misc]
