"""Opening a source's address in the browser and copying it, each said in a notice with the address whole.

Only a web address (http or https, briefing.links) is ever opened or
copied; anything else gets one line saying it is not.  The browser is the
system's (`webbrowser`): one that runs in a terminal (lynx, w3m, or a
$BROWSER command) gets this terminal while the dashboard is suspended, and
the dashboard comes back when it ends; a graphical one is started without
waiting for it.  In a web page (`briefing serve`) the page's own browser
opens the address.  Copying uses the terminal's clipboard (OSC 52), which
some terminals do not allow: the notice names the address, so it can be
copied from there.
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from briefing.links import web_address

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def open_address(app: BriefingApp, address: str) -> None:
    """Open `address` in the browser when it is a web address, saying so with the address; else say why not."""
    target = web_address(address)
    if target is None:
        not_web(app, address)
        return
    app.notices.say(lambda loc: loc._("Opening %(address)s", address=target))
    if app.is_web:
        app.open_url(target)
        return
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        app.notices.say(lambda loc: loc._("No web browser was found to open it: y copies the address."), "warning")
        return
    if type(browser) is webbrowser.GenericBrowser:  # a command that runs in the foreground, here
        try:
            with app.suspend():
                browser.open(target)
            return
        except SuspendNotSupported:
            pass
    app.run_worker(lambda: browser.open(target), thread=True, group="browser")


def copy_address(app: BriefingApp, address: str) -> None:
    """Copy `address` to the clipboard when it is a web address, saying so with the address; else say why not."""
    target = web_address(address)
    if target is None:
        not_web(app, address)
        return
    app.copy_to_clipboard(target)
    app.notices.say(lambda loc: loc._("Copied %(address)s", address=target))


def not_web(app: BriefingApp, address: str) -> None:
    app.notices.say(lambda loc: loc._("Not a web address (http or https), so not opened or copied: %(address)s",
                                      address=address), "warning")
