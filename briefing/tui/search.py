"""Search every panel: `/` opens the search line, each key finds and marks the matches, n and N go through them.

The text searched is what the panels show in the current language (see
`Panel.search_units`): the key decision and what to watch, the timeline and
the source list, each comparison point and each figure with its detail.
Matching is case-insensitive and reads ё as е (briefing.find).  A source
entry repeated beside a point is found once, in the source list; a source's
"does not mention it" is not searched, being the dashboard's words, not the
source's.

Matches are numbered in reading order, panel 1 to 4; going to one brings
its panel, its table row and its line into view.  A language switch keeps
the query and finds it in the new text.
"""

from __future__ import annotations

import bisect
import gc
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Offset, Region, Size
from textual.widget import Widget
from textual.widgets import Input, Static

from briefing.find import Texts, needle
from briefing.i18n import N_
from briefing.sanitize import plain
from briefing.tui.language import Localized, lazy
from briefing.tui.panels.base import Panel, Searched
from briefing.tui.prose import Prose
from briefing.tui.steady import SteadyScrollBars
from briefing.tui.table import BriefTable

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

#: The longest query: enough for any phrase, and no search is ever over a pasted page.
MAX_QUERY = 200


def query_text(text: str) -> str:
    """What a query keeps of text typed, pasted or set: no control characters or escape codes, one line."""
    return plain(text).replace("\n", " ")


class Index(NamedTuple):
    """Every panel's searched text as one, in reading order."""

    units: list[tuple[Panel, Searched]]
    texts: Texts
    firsts: list[int]  # the index in `texts` of each unit's first text, and at the end len(texts)
    made_from: list[list[Searched]]  # each panel's units, to tell when they change


def build_index(panels: list[Panel]) -> Index:
    """Every panel's search units, in the panels' order, their texts searched as one."""
    units, texts, firsts, made_from = [], [], [], []
    for panel in panels:
        found = panel.search_units()
        made_from.append(found)
        for unit in found:
            units.append((panel, unit))
            firsts.append(len(texts))
            texts += unit.texts
    firsts.append(len(texts))
    return Index(units, Texts(texts), firsts, made_from)


def reveal(widget: Widget, line: int) -> None:
    """Scroll whatever holds `widget` so that its line `line` is in view, in the middle when it was out of
    view (Textual's `scroll_to_widget`, for one line of the widget rather than all of it)."""
    virtual = widget.virtual_region
    region = Region(virtual.x, virtual.y + line, 1, 1)
    while isinstance(widget.parent, Widget):
        container = widget.parent
        offset = Offset(0, 0)
        window = container.scrollable_content_region.at_offset(container.scroll_offset)
        if widget.styles.dock == "none" and region not in window:
            offset = container.scroll_to_region(region, animate=False, immediate=True, center=True)
        region = (region.translate(-offset)
                  .translate(container.styles.margin.top_left)
                  .translate(container.styles.border.spacing.top_left)
                  .translate(container.virtual_region_with_margin.offset)
                  .grow(container.styles.margin)
                  .intersection(container.virtual_region_with_margin))
        widget = container


class SearchInput(SteadyScrollBars, Input):
    """The query as typed; Enter goes to the match shown, Esc clears the search, ↓ ↑ go through the matches.

    Textual 8.2.8's Input lays the whole screen out again at every key (its
    scrollable width follows the text), which on a large briefing costs more
    than the search; its scrollable width is that of the longest query here,
    so a key redraws the line alone.

    The query is looked for as the value changes, in the same turn as the key
    (not on the Changed message, which comes a turn later): the key's letter
    and its marks then reach the screen together and are drawn in one frame,
    where the message would have the letter drawn first and the marks a frame
    after.
    """

    BINDINGS = [
        Binding("enter", "submit", lazy(N_("Go to it"))),
        Binding("escape", "app.search_clear", lazy(N_("Clear")), key_display="Esc"),
        Binding("down", "app.search_step(1)", show=False),
        Binding("up", "app.search_step(-1)", show=False),
    ]

    @property
    def content_width(self) -> int:
        return MAX_QUERY + 1

    def on_mount(self) -> None:
        self.virtual_size = Size(self.content_width, 1)  # as a key would set it: then no key lays out again

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit (a key, a paste) inserts its text cleaned, so the cursor lands after what is kept."""
        super().replace(query_text(text), start, end)

    def watch_value(self, value: str) -> None:
        # The scrollable width being fixed, a query that gets shorter would stay scrolled off to the left:
        # its end comes back to the right edge, as in a stock Input.
        back = max(0, cell_len(value) + 1 - self.scrollable_content_region.width)
        if self.scroll_x > back:
            self.scroll_to(x=back, animate=False, immediate=True)
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.typed(self, value)


class SearchBar(Localized, Horizontal):
    """The search line above the footer: '/', the query, and how many matches ('3 of 12')."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.display = False
        self._index: Index | None = None
        self._needle = ""
        self._positions: list[int] = []
        self.current: int | None = None  # the match the reader is on
        self._marked: Prose | None = None  # the prose that marks it
        self._before: Widget | None = None  # what had the focus when the search line opened
        self._offered = False  # whether the footer was last told the search line is open

    @property
    def app(self) -> BriefingApp:  # type: ignore[override]
        return super().app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt", markup=False)
        yield SearchInput(id="search-input", max_length=MAX_QUERY, compact=True, select_on_focus=False)
        yield Static(id="search-count", markup=False)

    @property
    def active(self) -> bool:
        """A search is on: the line is open with a query, or was left open with one."""
        return bool(self.display)

    @property
    def typing(self) -> bool:
        return self.app.focused is self.query_one(SearchInput)

    @property
    def found(self) -> int:
        return len(self._positions)

    def open(self) -> None:
        """Show the search line and put the cursor in it, the query kept."""
        if not self.typing:
            self._before = self.app.focused
        self.display = True
        self.query_one(SearchInput).focus()
        self._current_index()  # made now, so that the first key is as quick as the others
        self.show_count()

    def clear(self) -> None:
        """Close the search line, forget the query and unmark everything; the focus goes back where it was."""
        typing = self.typing
        self.display = False
        self.query_one(SearchInput).value = ""  # which unmarks (SearchInput.watch_value), the line being closed
        self._find("")
        if typing:
            before = self._before
            if before is not None and before.is_attached and before.focusable:
                before.focus(scroll_visible=False)
            else:
                self.app.set_focus(None)

    def localize(self) -> None:
        """The placeholder and the count in the current language; the query is looked for in the new text."""
        self.query_one(SearchInput).placeholder = self.app.loc._("Search every panel")
        if self.active:
            self._find(self.query_one(SearchInput).value)
        else:
            self.show_count()

    def refind(self) -> None:
        """Look for the query again: the text the panels show has changed (a filter)."""
        if self.active:
            self._find(self.query_one(SearchInput).value)

    def typed(self, line: Input, value: str) -> None:
        """The query has changed (a key, a paste, a clear): find it and go to its first match."""
        shown = query_text(value)  # a value set directly may hold what an edit would have cleaned
        if shown != value:
            line.value = shown  # which comes back here as a change of its own
        elif self.display:
            self._find(value)
            if self._positions:
                self.go(0, focus=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()  # handled as the value changed (SearchInput.watch_value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: to the match shown, its panel focused; with nothing to look for, the search closes."""
        event.stop()
        if not self._needle:
            self.clear()
        elif self._positions:
            self.go(self.current or 0, focus=True)
        else:
            before = self._before
            if before is not None and before.is_attached and before.focusable:
                before.focus(scroll_visible=False)

    def step(self, direction: int) -> None:
        """To the next match (1) or the previous (-1), round from the last to the first."""
        if not self._positions:
            return
        if self.current is None:
            self.go(0 if direction > 0 else len(self._positions) - 1, focus=not self.typing)
        else:
            self.go((self.current + direction) % len(self._positions), focus=not self.typing)

    def _panels(self) -> list[Panel]:
        return sorted(self.app.pane.query(".panel").results(Panel), key=lambda panel: panel.NUMBER)

    def _find(self, query: str) -> None:
        """Find `query` in every panel and mark it; no match is the reader's yet."""
        self._needle = needle(query)
        index = self._current_index()
        self._positions = index.texts.find(self._needle) if self._needle else []
        self.current, self._marked = None, None
        for prose in self.app.pane.query("#panels Prose").results(Prose):
            prose.mark(self._needle)
        for table in self.app.pane.query(BriefTable):
            table.mark(self._needle)
        self.show_count()

    def _current_index(self) -> Index:
        """The index of what the panels show now: made again when the language, the briefing or the
        filter has changed what they show."""
        panels = self._panels()
        index = self._index
        if index is None or any(made is not panel.search_units() for made, panel in zip(index.made_from, panels)):
            index = self._index = build_index(panels)
            # As the app does with what it builds before its first screen (see BriefingApp.on_mount): the
            # index lives on, and the collector's full scans of it would be felt as a stutter on a key.
            gc.freeze()
        return index

    def go(self, number: int, focus: bool) -> None:
        """To match `number`: its panel, table row and line brought into view, the match marked as the one."""
        index = self._index
        assert index is not None
        self.current = number
        text, _ = index.texts.locate(self._positions[number])
        which = bisect.bisect_right(index.firsts, text) - 1
        panel, unit = index.units[which]
        first = index.texts.first_at(self._positions, index.firsts[which])
        nth = number - first
        if unit.tail:  # it ends every detail: counted from the end of the one shown
            nth -= index.texts.first_at(self._positions, index.firsts[which + 1]) - first
        prose = panel.prose_for(unit)
        shown = prose.shown
        panel.bring(unit)
        if self._marked is not None and self._marked is not prose:
            self._marked.mark(self._needle)
        prose.mark(self._needle, nth)
        self._marked = prose
        if focus:
            panel.entry.focus(scroll_visible=False)
        if prose.shown is shown:  # laid out as it is: into view in this frame
            self._reveal(prose, nth)
        else:  # new rows (another table row's detail): into view once they are laid out
            self.call_after_refresh(self._reveal, prose, nth)
        self.show_count()

    def _reveal(self, prose: Prose, nth: int) -> None:
        line = prose.line_of(nth)
        if line is not None:
            reveal(prose, line)

    def show_count(self) -> None:
        """Say how many matches there are and which one the reader is on.  The footer offers n, N and Esc
        while the search line is open; it is built again only when that changes (a new footer lays the
        screen out again, which a key typed into the query need not wait for)."""
        if self.active != self._offered:
            self._offered = self.active
            self.app.refresh_bindings()
        loc = self.app.loc
        if not self._needle:
            said = ""
        elif not self._positions:
            said = loc._("No matches")
        elif self.current is None:
            said = loc.n_("%(count)s match", "%(count)s matches", len(self._positions))
        else:
            said = loc._("%(number)s of %(count)s", number=loc.number(self.current + 1),
                         count=loc.number(len(self._positions)))
        # Its width is fixed (app.tcss): a new count redraws it and lays nothing out again.
        self.query_one("#search-count", Static).update(said, layout=False)
