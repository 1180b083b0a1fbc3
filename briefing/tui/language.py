"""How the dashboard follows the current language without rebuilding itself.

Textual reads footer labels from frozen `Binding`s declared once per class, so
their descriptions are lazy strings that look the language up each time they
are read.  Widgets whose text depends on the language subclass `Localized`;
the app calls `localize()` on every one of them after a switch.  What they
build from the analysis, which never changes, is kept per briefing and
language (`PerLanguage`), so switching back rebuilds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

from babel.support import LazyProxy
from textual import active_app

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

T = TypeVar("T")


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


class PerLanguage(Generic[T]):
    """What was built for the open briefing in the current language (and a row, a width), kept for next time."""

    def __init__(self, limit: int = 16) -> None:
        self._built: dict[tuple, tuple[object, T]] = {}
        self._limit = limit

    def get(self, app: BriefingApp, build: Callable[[], T], *detail: Hashable) -> T:
        analysis = app.analysis
        key = (id(analysis), app.locale, *detail)
        if key not in self._built:
            if len(self._built) >= self._limit:
                del self._built[next(iter(self._built))]
            self._built[key] = (analysis, build())  # the analysis is kept so that its id is not reused
        return self._built[key][1]
