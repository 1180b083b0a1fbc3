"""The dashboard app: which briefing is open, in which language, and the keys.

State lives here: the library, the open briefing's id, its Analysis (computed
once per briefing) and the locale as a reactive.  A language switch re-renders
every localized widget from the analysis already computed; no file is read.
The dialogs and saving are imported when first used: the first screen, whose
start-up time is felt at every launch, needs neither.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen

from briefing import document
from briefing.analysis import Analysis, analyse
from briefing.i18n import N_, UI_LOCALES, Localizer, localizer, resolve_locale
from briefing.resources import styles_dir
from briefing.store import Library, LoadError
from briefing.tui.commands import Palette, system_commands
from briefing.tui.footer import BriefFooter
from briefing.tui.header import BriefHeader
from briefing.tui.language import Localized, PerLanguage, lazy
from briefing.tui.movement import Scroll
from briefing.tui.notices import Notices
from briefing.tui.pane import HORIZONTAL_BREAKPOINTS, VERTICAL_BREAKPOINTS, Pane
from briefing.tui.panels import BackgroundPanel, ComparisonPanel, DecisionPanel, StatisticsPanel
from briefing.tui.panels.base import TablePanel
from briefing.tui.too_small import TooSmall

if TYPE_CHECKING:
    from briefing.tui.search import SearchBar

#: Actions that act on the briefing pane, so not while a screen covers it.
PANE_ACTIONS = {"panel", "save", "picker", "errors", "help", "nothing_to_show", "search", "search_step",
                "search_clear", "comparison_filter", "addresses"}
#: What works while the reader types a search: the rest of the keys are letters of the query.
SEARCH_TYPING_ACTIONS = {"quit", "command_palette", "search_step", "search_clear"}


class BriefingApp(App):
    TITLE = "briefing"
    CSS_PATH = [styles_dir() / "app.tcss"]
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS
    # The footer shows the keys in this order, as many as fit; the help screen lists them all.
    BINDINGS = [
        Binding("n", "search_step(1)", lazy(N_("Next")), key_display="n"),
        Binding("N", "search_step(-1)", lazy(N_("Previous")), key_display="N"),
        Binding("escape", "search_clear", lazy(N_("Clear search")), key_display="Esc"),
        Binding("slash", "search", lazy(N_("Search")), key_display="/"),
        Binding("l", "toggle_language", lazy(N_("Language"))),
        # One footer entry for the four panel keys: a footer group's label cannot be a lazy string.
        Binding("1", "panel(1)", lazy(N_("Panels")), key_display="1–4"),
        *(Binding(str(n), f"panel({n})", show=False) for n in (2, 3, 4)),
        Binding("question_mark", "help", lazy(N_("Help")), key_display="?"),
        Binding("q", "quit", lazy(N_("Quit"))),
        Binding("f", "comparison_filter", lazy(N_("Filter"))),
        Binding("o", "addresses", lazy(N_("Addresses"))),
        Binding("y", "addresses", show=False),
        Binding("p", "save", lazy(N_("Save"))),
        Binding("b", "picker", lazy(N_("Briefings"))),
        Binding("e", "errors", lazy(N_("Errors"))),
        Binding("ctrl+q,ctrl+c", "quit", lazy(N_("Quit")), show=False, priority=True),
        Binding("ctrl+p", "command_palette", lazy(N_("Commands")), show=False, priority=True),
        # The same keys pressed with a Russian (ЙЦУКЕН) layout on, so a reader need not switch layouts:
        # the / key types "." there, and ? (Shift and that key) ",".
        Binding("т", "search_step(1)", show=False),
        Binding("Т", "search_step(-1)", show=False),
        Binding("full_stop", "search", show=False),
        Binding("д", "toggle_language", show=False),
        Binding("а", "comparison_filter", show=False),
        Binding("щ,н", "addresses", show=False),
        Binding("з", "save", show=False),
        Binding("и", "picker", show=False),
        Binding("у", "errors", show=False),
        Binding("comma", "help", show=False),
        Binding("й", "quit", show=False),
        # `b` and `e` with nothing to show say so (tried when the keys above are refused).
        Binding("b,и", "nothing_to_show('picker')", show=False),
        Binding("e,у", "nothing_to_show('errors')", show=False),
    ]

    locale: reactive[str] = reactive("en", init=False, repaint=False)  # localize_all refreshes what changes

    def __init__(self, library: Library, brief_id: str | None = None, locale: str = "en"):
        # NO_COLOR: Textual would draw in shades of grey; with native ANSI colours it drops every colour
        # instead, and the `-no-color` rules in app.tcss show the cursor and focus by text style.
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        self.set_class(self.no_color, "-no-color", update=False)
        self.library = library
        self.brief_id = brief_id or library.first()
        self._pick_first = brief_id is None and len(library.headers) > 1
        self._analyses: dict[str, Analysis] = {}
        self._documents: PerLanguage[document.Document] = PerLanguage()
        self._sections: PerLanguage[document.Section | None] = PerLanguage()
        self.notices = Notices(self)
        self.search: SearchBar | None = None  # the search line, once `/` has opened it
        self.closing = False  # set by `exit`: from then on no key does anything (see check_action)
        # `locale` is the language; each language's formats (en_GB or en_US) are the reader's, kept per language
        first = localizer(locale)
        self._formats = {first.locale: first.formats}
        #: The settings file's locale ('en-US'), for the formats of a language switched to (see `loc`).
        self.configured_locale: str | None = None
        self.set_reactive(BriefingApp.locale, first.locale)

    @property
    def loc(self) -> Localizer:
        formats = self._formats.get(self.locale)
        if formats is None:  # a language switched to: in the formats the settings or the environment give it
            formats = self._formats[self.locale] = resolve_locale(self.locale, os.environ, self.configured_locale)[0]
        return localizer(formats)

    @property
    def analysis(self) -> Analysis:
        if self.brief_id not in self._analyses:
            self._analyses[self.brief_id] = analyse(self.library.load(self.brief_id))
        return self._analyses[self.brief_id]

    @property
    def document(self) -> document.Document:
        """The open briefing as the face-neutral document in the current language, built once per language."""
        return self._documents.get(self, lambda: document.build(self.analysis, self.loc))

    def section(self, key: str) -> document.Section | None:
        """The document's section of that key; the background, comparison and statistics even when the brief
        has none (their panels are always there, empty), any other section left out is None."""
        return self._sections.get(self, lambda: document.section(self.document, self.analysis, self.loc, key), key)

    def stale_notice(self) -> str | None:
        """A line for the header when the brief on screen is out of date, in the current language; None
        when it is not (always, here: a watching app knows when its file has errors)."""
        return None

    def errors_preface(self, files: int) -> str:
        """The errors screen's first line, for errors in so many files."""
        return self.loc.n_("%(count)s file could not be loaded; the briefings that loaded open as usual.",
                           "%(count)s files could not be loaded; the briefings that loaded open as usual.", files)

    def get_default_screen(self) -> Screen:
        return Pane(self.size)

    def compose(self) -> ComposeResult:
        yield BriefHeader(id="header")
        with Scroll(id="panels", can_focus=False):
            yield DecisionPanel(id="panel-1", classes="panel")
            yield BackgroundPanel(id="panel-2", classes="panel")
            yield ComparisonPanel(id="panel-3", classes="panel")
            yield StatisticsPanel(id="panel-4", classes="panel")
        yield TooSmall(id="too-small", markup=False)
        yield BriefFooter()

    def on_mount(self) -> None:
        # What is built by now (modules, the library, the widgets) lives as long as the app, and a full
        # collection scanning it takes tens of milliseconds: felt on the first screen, or as a stutter on
        # a key press.  It is frozen out of the collector's scans, and thawed when the app ends.
        gc.freeze()
        self.localize_all()
        if self._pick_first:
            self.action_picker()
        if self.library.errors:
            self.action_errors()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def localize_all(self) -> None:
        """Re-render every localized widget on every screen, then the footers."""
        for screen in self.screen_stack:
            for node in screen.walk_children(Localized, with_self=True):
                node.localize()
            for footer in screen.query(BriefFooter):
                footer.relabel()

    def next_locale(self) -> str:
        return UI_LOCALES[(UI_LOCALES.index(self.locale) + 1) % len(UI_LOCALES)]

    def watch_locale(self) -> None:
        self.localize_all()
        self.notices.relocalize()

    def exit(self, result: object = None, return_code: int = 0, message: object = None) -> None:
        """End the app; keys typed after the one that quit, and already on their way, then do nothing."""
        self.closing = True
        super().exit(result, return_code, message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that have nothing to do are left out of the footer, and do nothing.

        Nothing does anything once the app is closing: a screen opened then
        (`q` then `b` typed fast) would be built while the app takes its
        screens down.
        """
        if self.closing:
            return False
        if action in PANE_ACTIONS and self.screen.is_modal:
            return False
        search = self.search
        if search is not None and search.typing and action not in SEARCH_TYPING_ACTIONS:
            return False
        if action == "errors":
            return bool(self.library.errors)
        if action == "picker":
            return len(self.library.headers) > 1
        if action in ("search_step", "search_clear"):
            return search is not None and search.active
        return True

    def action_toggle_language(self) -> None:
        self.locale = self.next_locale()

    @property
    def pane(self) -> Screen:
        """The briefing pane: the screen at the bottom of the stack, whatever covers it."""
        return self.screen_stack[0]

    def action_panel(self, number: int) -> None:
        panel = self.pane.query_one(f"#panel-{number}")
        panel.entry.focus(scroll_visible=False)
        self.pane.query_one("#panels").scroll_to_widget(panel, animate=False, top=True)

    def action_save(self) -> None:
        from briefing.tui import saving

        self.notices.say(*saving.save(self.document, self.analysis.brief.id))

    def action_picker(self) -> None:
        from briefing.tui.screens.picker import PickerScreen

        if not any(isinstance(screen, PickerScreen) for screen in self.screen_stack):  # the palette can ask twice
            self.push_screen(PickerScreen(), self.open_briefing)

    def action_nothing_to_show(self, action: str) -> None:
        """`b` with one briefing, `e` with no load errors: say so rather than do nothing."""
        if action == "picker":
            self.notices.say(lambda loc: loc._("Only one briefing is loaded: there is no other to choose."))
        else:
            self.notices.say(lambda loc: loc._("Every briefing file loaded: there are no errors to show."))

    async def action_search(self) -> None:
        """Open the search line, made when first wanted: the first screen, felt at every launch, needs none."""
        if self.search is None:
            from briefing.tui.search import SearchBar

            self.search = SearchBar(id="search")
            await self.pane.mount(self.search, before=self.pane.query_one(BriefFooter))
            self.search.localize()
        self.search.open()

    def action_search_step(self, direction: int) -> None:
        if self.search is not None:
            self.search.step(direction)

    def action_search_clear(self) -> None:
        if self.search is not None:
            self.search.clear()

    def action_comparison_filter(self) -> None:
        """Narrow the comparison to the next kind of point, and bring it into view."""
        self.pane.query_one(ComparisonPanel).next_filter()
        if self.search is not None:
            self.search.refind()
        self.action_panel(3)

    def action_addresses(self) -> None:
        from briefing.tui.screens.addresses import AddressesScreen

        cited = [panel.cited() for panel in self.pane.query(TablePanel) if panel.has_focus_within]
        self.push_screen(AddressesScreen(next((n for numbers in cited for n in numbers), None)))

    def action_errors(self) -> None:
        from briefing.tui.screens.errors import ErrorsScreen

        self.push_screen(ErrorsScreen())

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(Palette(placeholder=self.loc._("Search for commands…")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def open_briefing(self, brief_id: str | None) -> None:
        if brief_id is None or brief_id == self.brief_id or not self.loads(brief_id):
            return
        self.brief_id = brief_id
        for scroll in self.pane.query(VerticalScroll):
            scroll.scroll_home(animate=False)
        self.localize_all()

    def loads(self, brief_id: str) -> bool:
        """Whether the briefing reads in full; when it does not, its line is said, and is among the errors."""
        result = self.library.load(brief_id)
        if isinstance(result, LoadError):
            self.notices.say(result.describe, "error")
            self.refresh_bindings()  # `e` has something to show now
            return False
        return True


def make_app(library: Library, brief_id: str | None = None, locale: str = "en") -> BriefingApp:
    """The app as `briefing` runs it; tests build theirs here too."""
    return BriefingApp(library, brief_id, locale)
