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

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen

from briefing import document
from briefing.analysis import Analysis, analyse
from briefing.i18n import N_, UI_LOCALES, Localizer, localizer
from briefing.resources import styles_dir
from briefing.store import Library, LoadError
from briefing.tui.commands import Palette, system_commands
from briefing.tui.footer import BriefFooter
from briefing.tui.header import BriefHeader
from briefing.tui.language import Localized, PerLanguage, lazy
from briefing.tui.notices import Notices
from briefing.tui.pane import HORIZONTAL_BREAKPOINTS, VERTICAL_BREAKPOINTS, Pane
from briefing.tui.panels import BackgroundPanel, ComparisonPanel, DecisionPanel, StatisticsPanel
from briefing.tui.too_small import TooSmall

#: Actions that act on the briefing pane, so not while a screen covers it.
PANE_ACTIONS = {"panel", "save", "picker", "only_briefing", "errors", "help"}


class BriefingApp(App):
    TITLE = "briefing"
    CSS_PATH = [styles_dir() / "app.tcss"]
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS
    BINDINGS = [
        Binding("l", "toggle_language", lazy(N_("Language"))),
        # One footer entry for the four panel keys: a footer group's label cannot be a lazy string.
        Binding("1", "panel(1)", lazy(N_("Panels")), key_display="1–4"),
        *(Binding(str(n), f"panel({n})", show=False) for n in (2, 3, 4)),
        Binding("p", "save", lazy(N_("Save"))),
        Binding("b", "picker", lazy(N_("Briefings"))),
        Binding("e", "errors", lazy(N_("Errors"))),
        Binding("question_mark", "help", lazy(N_("Help")), key_display="?"),
        Binding("q", "quit", lazy(N_("Quit"))),
        Binding("ctrl+q,ctrl+c", "quit", lazy(N_("Quit")), show=False, priority=True),
        Binding("ctrl+p", "command_palette", lazy(N_("Commands")), show=False, priority=True),
        # The same keys pressed with a Russian (ЙЦУКЕН) layout on, so a reader need not switch layouts.
        Binding("д", "toggle_language", show=False),
        Binding("з", "save", show=False),
        Binding("и", "picker", show=False),
        # With one briefing there is none to choose: the key above is off (and out of the footer), so this says so.
        Binding("b,и", "only_briefing", show=False),
        Binding("у", "errors", show=False),
        Binding("й", "quit", show=False),
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
        self.closing = False  # set by `exit`: from then on no key does anything (see check_action)
        self.set_reactive(BriefingApp.locale, locale)

    @property
    def loc(self) -> Localizer:
        return localizer(self.locale)

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

    def get_default_screen(self) -> Screen:
        return Pane(self.size)

    def compose(self) -> ComposeResult:
        yield BriefHeader(id="header")
        with VerticalScroll(id="panels", can_focus=False):
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
        if action == "errors":
            return bool(self.library.errors)
        if action == "picker":
            return len(self.library.headers) > 1
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

    def action_only_briefing(self) -> None:
        self.notices.say(lambda loc: loc._("There is no other briefing to choose: this is the only one found"))

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
