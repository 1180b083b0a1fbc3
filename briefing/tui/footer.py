"""The footer: the keys that work here, labelled in the current language.

Textual's Footer composes no key until the screen has been drawn once, so the
first screen comes without them and a second one follows.  This one shows
them in the first.  Their labels are lazy strings that read the language
whenever they are drawn (see language.py): a switch redraws the keys where
they are, at their new widths, instead of building the footer again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class BriefFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        # Textual 8.2.8 sets this when the screen first publishes its bindings, after the first frame.
        self.set_reactive(Footer._bindings_ready, True)

    def compose(self) -> ComposeResult:
        # Each key takes the footer's compact style when mounted, and is styled once more for it; marked
        # before, it is styled once.
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget

    def relabel(self) -> None:
        """Redraw every key in the current language."""
        for key in self.query("FooterKey"):
            key.refresh(layout=True)
