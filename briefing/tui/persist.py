"""The dashboard's side of the settings file: start with its theme, and keep the theme and language chosen.

A theme the settings file names but Textual does not know is one line on
stderr before the dashboard starts, and the default theme.  From then on,
each change of theme (the command palette) or language (`l`) is written to
the file at once (briefing.settings.remember: every other line kept, the file
replaced whole).  A file that cannot be read, parsed or written is left as it
is, and a notice says so, once.
"""

from __future__ import annotations

from textual.app import App

from briefing.i18n import Localizer
from briefing.settings import Settings, remember


def start_with(app: App, settings: Settings, loc: Localizer) -> str | None:
    """Give `app` the settings' theme and locale and remember its choices; the line to show when the theme is
    unknown."""
    problem = None
    if settings.theme and settings.theme not in app.available_themes:
        problem = loc._("briefing: %(path)s: there is no theme “%(theme)s”; themes: %(themes)s",
                        path=settings.path, theme=settings.theme, themes=", ".join(sorted(app.available_themes)))
    elif settings.theme:
        app.theme = settings.theme
    app.configured_locale = settings.locale  # the formats of a language the reader switches to
    if settings.path is not None:
        keeper = _Keeper(app, settings)
        app.watch(app, "theme", keeper.theme_chosen, init=False)
        app.watch(app, "locale", keeper.language_chosen, init=False)
    return problem


class _Keeper:
    """Writes each choice to the settings file; says once when it cannot."""

    def __init__(self, app: App, settings: Settings):
        self.app = app
        self.path = settings.path
        self.warned = False

    def theme_chosen(self, theme: str) -> None:
        self._keep("theme", theme)

    def language_chosen(self, locale: str) -> None:
        self._keep("language", locale)

    def _keep(self, key: str, value: str) -> None:
        problem = remember(self.path, {key: value})
        if problem and not self.warned:
            self.warned = True
            self.app.notices.say(lambda loc: loc._("Settings not saved: %(problem)s", problem=problem.describe(loc)),
                                 "error")


