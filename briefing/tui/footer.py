"""The footer: the keys that work here, labelled in the current language.

Textual's Footer composes no key until the screen has been drawn once, so the
first screen comes without them and a second one follows.  This one shows
them in the first.  Their labels are lazy strings that read the language
whenever they are drawn (see language.py): a switch redraws the keys where
they are, at their new widths, instead of building the footer again.

Textual lets keys that do not fit run under the command palette's key, cut
anywhere ("p Sav"), with a letter of them left after "^p Commands".  This
footer shows each key whole or not at all: the keys that fit, in order.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def _width(key: FooterKey) -> int:
    """The cells a key takes in the footer, its margins included."""
    return key.get_content_width(key.size, key.size) + key.styles.gutter.width + key.styles.margin.width


class BriefFooter(Footer):
    """The footer of the dashboard and its dialogs: the keys that work, each shown whole or not at all."""

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

    async def recompose(self) -> None:
        """Build the keys again (Textual does when the keys that work change), and show those that fit."""
        await super().recompose()
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def relabel(self) -> None:
        """Redraw every key in the current language, and show those that fit at their new widths."""
        for key in self.query(FooterKey):
            key.clear_cached_dimensions()
            key.refresh(layout=True)
        self.fit()

    def fit(self) -> None:
        """Show the keys, in order, as long as each fits whole beside the command palette's key."""
        if not self.size.width:  # not laid out yet: its first Resize comes
            return
        keys = list(self.query_children(FooterKey))
        palette = [key for key in keys if key.has_class("-command-palette")]
        room = self.size.width - sum(_width(key) for key in palette)
        fits = True
        for key in keys:
            if key not in palette:
                room -= _width(key)
                fits = fits and room >= 0
                key.display = fits
