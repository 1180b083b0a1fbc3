"""The briefing picker: type to filter the library by id, title or date; Enter opens the highlighted one.

The filter is a line above the list, and keeps the keys: ↑ ↓ PgUp PgDn
move the highlight, Enter opens it, Escape clears the filter, then closes.
The dialog's bottom edge counts the briefings that match.  At most SHOWN of
them are listed (the first, or those around the briefing shown now), with a
line counting the others before and after: a list of ten thousand
options costs Textual some two seconds to lay out and draw, at every key,
and nobody scrolls it; a few letters narrow it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from briefing.i18n import N_
from briefing.library_filter import LibraryFilter
from briefing.sanitize import escaped, one_line
from briefing.store import Header
from briefing.tui.language import lazy
from briefing.tui.screens.dialog import Dialog
from briefing.tui.steady import SteadyScrollBars

#: At most this many matching briefings are listed at once (a screen shows some fifteen).
SHOWN = 50
#: Seconds after the picker opens when the filter's texts are made, if no key has made them already.
PREPARE_AFTER = 0.4
#: The filter's length limit, in characters: what anyone types, and no more.
MAX_FILTER = 200


def _window(matches: list[Header], current: str | None) -> int:
    """Where the SHOWN matches listed start: at the first, unless the briefing highlighted (or shown now) is
    further on, then with it in their middle."""
    position = next((n for n, header in enumerate(matches) if header.id == current), 0)
    return max(0, min(position - SHOWN // 2, len(matches) - SHOWN)) if position >= SHOWN else 0


class FilterInput(SteadyScrollBars, Input):
    """The filter line: Enter opens the highlighted briefing, and the footer says so while there is one."""

    BINDINGS = [Binding("enter", "submit", lazy(N_("Open")))]

    def watch_value(self) -> None:
        """The list follows the filter while the key is handled, so both are drawn in the same frame (the
        Changed message comes a turn later, when the letter is on screen already)."""
        if self.is_attached and isinstance(self.screen, PickerScreen):
            self.screen.show_matches()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return self.screen.query_one(OptionList).highlighted_option is not None
        return True


class PickerScreen(Dialog):
    BINDINGS = [
        # Escape clears a filter first, then closes: the footer shows what it does now.
        Binding("escape", "clear", lazy(N_("Clear"))),
        Binding("escape", "dismiss", lazy(N_("Close"))),
        Binding("down", "move('cursor_down')", show=False),
        Binding("up", "move('cursor_up')", show=False),
        Binding("pagedown", "move('page_down')", show=False),
        Binding("pageup", "move('page_up')", show=False),
        # Letters go to the filter: the dialog's letter keys do not work here, so they are not shown; Ctrl+Q
        # (the app's, which works everywhere) is shown in their place.
        Binding("l", "app.toggle_language", show=False),
        Binding("q", "app.quit", show=False),
        Binding("ctrl+q", "app.quit", lazy(N_("Quit")), key_display="^q"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._filter: LibraryFilter | None = None
        self._options: dict[str, Option] = {}  # by briefing id, in the current language
        self._keys: tuple[bool, bool] | None = None

    def body(self) -> ComposeResult:
        yield FilterInput(id="picker-filter", compact=True, max_length=MAX_FILTER, select_on_focus=False)
        options = OptionList(id="picker-options")
        options.can_focus = False  # the filter keeps the focus, and the keys
        yield options

    def localize(self) -> None:
        loc = self.app.loc
        self._options.clear()
        self.set_title(loc._("Choose a briefing"))
        self.query_one(Input).placeholder = loc._("Type to filter by id, title or date")
        self.show_matches()
        # The filter's texts take a tenth of a second for 10,000 briefings: made after the first screen, before
        # the first key (or at it, if it comes sooner).  Textual runs a callback "after refresh" before the
        # first frame is on the terminal, so a timer waits for that.
        self.set_timer(PREPARE_AFTER, self.library_filter)

    def library_filter(self) -> LibraryFilter:
        """The library ready to be filtered in the current language, whose dates match as it writes them."""
        if self._filter is None or self._filter.locale != self.app.locale:
            self._filter = LibraryFilter(self.app.library.headers.values(), self.app.loc)
        return self._filter

    def show_matches(self) -> None:
        """List the briefings the filter matches (the first SHOWN of them), and count them on the bottom edge."""
        loc, app, options = self.app.loc, self.app, self.query_one(OptionList)
        query = self.query_one(Input).value
        matches = self.library_filter().matching(query) if query.strip() else list(app.library.headers.values())
        highlighted = options.highlighted_option
        current = highlighted.id if highlighted is not None else app.brief_id
        start = _window(matches, current)
        listed = [self._option(header) for header in matches[start:start + SHOWN]]
        if start:
            listed.insert(0, Option(Content(loc._("… %(count)s before: type to narrow the list",
                                                  count=loc.number(start))), disabled=True))
        if len(matches) > start + SHOWN:
            listed.append(Option(Content(loc._("… %(count)s more: type to narrow the list",
                                               count=loc.number(len(matches) - start - SHOWN))), disabled=True))
        elif not matches:
            listed.append(Option(Content(loc._("No briefing matches the filter")), disabled=True))
        options.set_options(listed)
        ids = [option.id for option in listed]
        if matches:
            options.highlighted = ids.index(current) if current in ids else ids.index(matches[start].id)
        total = len(app.library.headers)
        self.query_one(".dialog").border_subtitle = Content(
            loc.n_("%(count)s briefing", "%(count)s briefings", total) if not query.strip() else
            loc._("Matching: %(matched)s of %(total)s", matched=loc.number(len(matches)), total=loc.number(total)))
        keys = (bool(query), options.highlighted_option is not None)  # what Escape and Enter do
        if keys != self._keys:
            self._keys = keys
            self.refresh_bindings()  # the footer is built again: only when what it shows has changed

    def _option(self, header: Header) -> Option:
        """The briefing's line in the list, made once while the language stays: Textual keeps what it measured of
        it (its height at this width), which a list made anew at every key would measure again."""
        option = self._options.get(header.id)
        if option is None:
            loc = self.app.loc
            shown = " · " + loc._("shown now") if header.id == self.app.brief_id else ""  # where the reader was
            option = self._options[header.id] = Option(
                Content.assemble((one_line(loc.text(header.title)), "bold"), "\n", loc.date(header.date), " · ",
                                 escaped(header.id), (shown, "italic")), id=header.id)
        return option

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.choose(option.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape clears the filter while there is one to clear; only then does its next binding, close, apply."""
        return bool(self.query_one(Input).value) if action == "clear" else True

    def action_clear(self) -> None:
        self.query_one(Input).value = ""

    def action_move(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.choose(event.option.id)

    def choose(self, brief_id: str) -> None:
        """Open the briefing, if it reads in full; if not, the reason is said and the picker stays."""
        if self.app.loads(brief_id):
            self.dismiss(brief_id)
