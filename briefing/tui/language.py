"""How the dashboard follows the current language without rebuilding itself.

Textual reads footer labels from frozen `Binding`s declared once per class, so
their descriptions are lazy strings that look the language up each time they
are read.  Widgets whose text depends on the language subclass `Localized`;
the app calls `localize()` on every one of them after a switch.
"""

from __future__ import annotations

from babel.support import LazyProxy
from textual import active_app


def lazy(message: str) -> LazyProxy:
    """A label translated into the running app's language whenever it is read.

    Mark the message with N_() at the call site so the catalog finds it.
    Textual also reads labels while defining classes, before any app runs:
    then the message itself (English) is the answer.
    """
    def translate() -> str:
        app = active_app.get(None)
        return app.loc._(message) if app is not None else message

    return LazyProxy(translate, enable_cache=False)


class Localized:
    """A widget or screen that re-renders its text in `self.app.loc` when asked."""

    def localize(self) -> None:
        raise NotImplementedError
