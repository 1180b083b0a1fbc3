"""Notifications that follow the language: each is kept as a function of the Localizer.

A switch clears the toasts on screen and says the live ones again in the new
language, for the time they had left.  Notices name things from outside (the
working folder a brief is saved to, the system's reason a save failed), so
every one passes the text guard `escaped` on its way to the screen: a folder
named with an escape sequence is shown as ``\\x1b]52;…``, never sent to the
terminal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from textual.app import App
from textual.notifications import SeverityLevel

from briefing.i18n import Localizer
from briefing.sanitize import escaped

Message = Callable[[Localizer], str]


class _Notice(NamedTuple):
    message: Message
    severity: SeverityLevel
    until: float


class Notices:
    """The app's notifications, each kept as a function of the Localizer while it is on screen."""

    def __init__(self, app: App):
        self.app = app
        self._live: list[_Notice] = []

    def say(self, message: Message, severity: SeverityLevel = "information") -> None:
        timeout = self.app.NOTIFICATION_TIMEOUT * (2 if severity == "error" else 1)
        self._live.append(_Notice(message, severity, time.monotonic() + timeout))
        self.app.notify(_inert(message(self.app.loc)), severity=severity, timeout=timeout, markup=False)

    def clear(self) -> None:
        """Take every notice off the screen, and out of those said again at a language switch."""
        self._live.clear()
        self.app.clear_notifications()

    def relocalize(self) -> None:
        now = time.monotonic()
        self._live = [n for n in self._live if n.until > now]
        self.app.clear_notifications()
        for notice in self._live:
            self.app.notify(_inert(notice.message(self.app.loc)), severity=notice.severity,
                            timeout=notice.until - now, markup=False)


def _inert(text: str) -> str:
    """A notice as shown: each line's control characters as visible escapes, never sent to the terminal."""
    return "\n".join(escaped(line) for line in text.split("\n"))
