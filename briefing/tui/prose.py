"""Text laid out as the printed brief lays it out: labels in a column, text wrapping under itself.

Panels describe what they show as rows (a label, a text and the width of the
label column); `Prose` wraps them once per width and caches the lines, and
draws a line only when it comes into view, which keeps a language switch and a
long text quick.  Every piece is a `Content` built from the string itself, so
text from a briefing file is never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from briefing.typography import NO_BREAK_SPACES

BULLET = "•"
#: Below this many cells beside a label, the text goes under the label instead.
MIN_TEXT = 20
#: How far text under its label is indented.
UNDER_INDENT = 2
#: One-cell stand-ins, from the private use area, for the no-break spaces while a text is wrapped:
#: Textual breaks at any white space.
STAND_INS = "".join(chr(0xE000 + n) for n in range(64))


class Row(NamedTuple):
    label: Content
    text: Content
    indent: int  # width of the label column, gap included
    most: int = 0  # the most lines the text may take, the last cut with "…"; 0: as many as it needs


Words = str | Content


def _content(text: Words, style: str = "") -> Content:
    return text if isinstance(text, Content) else Content.styled(text, style)


def para(text: Words, style: str = "", most: int = 0) -> list[Row]:
    """One paragraph; with `most`, at most that many lines, the last ending in "…" when the text is longer."""
    return [Row(Content(""), _content(text, style), 0, most)]


def heading(text: str) -> list[Row]:
    return para(text, "bold")


def blank() -> list[Row]:
    return para("")


def labelled(pairs: Iterable[tuple[str, Words]], label_style: str = "bold") -> list[Row]:
    """'Label   text' rows sharing one label column."""
    pairs = list(pairs)
    indent = max((cell_len(label) for label, _ in pairs), default=0) + 2
    return [Row(Content.styled(label, label_style), _content(text), indent) for label, text in pairs]


def bullets(items: Iterable[Words], mark: str = BULLET) -> list[Row]:
    return [Row(Content(mark), _content(item), cell_len(mark) + 1) for item in items]


def entry(label: str, lines: Iterable[Words]) -> list[Row]:
    """Several lines under one label, e.g. a numbered source-list entry."""
    indent = cell_len(label) + 1
    return [Row(Content(label if n == 0 else ""), _content(line), indent) for n, line in enumerate(lines)]


def wrap(text: Content, width: int) -> list[Content]:
    """`text` in lines of `width` cells, broken at plain spaces only; a word longer than a line is folded."""
    held = [space for space in NO_BREAK_SPACES if space in text.plain]
    if not held:
        return text.wrap(width)
    swaps = list(zip(held, (c for c in STAND_INS if c not in text.plain)))
    back = [(stand_in, space) for space, stand_in in swaps]
    tied = Content(_replaced(text.plain, swaps), text.spans)
    return [Content(_replaced(line.plain, back), line.spans) for line in tied.wrap(width)]


def _replaced(plain: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        plain = plain.replace(old, new)
    return plain


def lay_out(rows: Iterable[Row], width: int) -> list[Content]:
    """The rows wrapped at `width`; long words (addresses) are folded, never cut."""
    lines: list[Content] = []
    for label, text, indent, most in rows:
        if indent and width - indent < MIN_TEXT and label.cell_length:
            lines.append(label)
            label, indent = Content(""), UNDER_INDENT
        wrapped = wrap(text, max(width - indent, 1)) if text.cell_length else [Content("")]
        if most and len(wrapped) > most:
            # The next line did not fit beside the last one kept: joined to it and truncated, it ends in "…".
            cut = Content.assemble(wrapped[most - 1], " ", wrapped[most]).truncate(width - indent, ellipsis=True)
            wrapped = [*wrapped[: most - 1], cut]
        for n, line in enumerate(wrapped):
            lead = label if n == 0 else Content("")
            lines.append(Content.assemble(lead, " " * (indent - lead.cell_length), line))
    return lines


class Layout(NamedTuple):
    """Rows wrapped at one width, and the lines drawn so far."""

    rows: list[Row]
    width: int
    lines: list[Content]
    strips: dict[tuple[int, Style], Strip]


class Prose(Widget):
    """Rows of text, rewrapped whenever the width changes.

    The last few layouts are kept, so showing rows again (the same list: see
    PerLanguage) at a width seen before wraps and draws nothing anew.
    """

    DEFAULT_CSS = """
    Prose {
        height: auto;
        text-wrap: nowrap;
    }
    """

    KEEP = 4

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[Row] = []
        self._layouts: list[Layout] = []

    def show(self, rows: list[Row]) -> None:
        if rows is not self._rows:
            self._rows = rows
            self.refresh(layout=True)

    def layout_at(self, width: int) -> Layout:
        for layout in self._layouts:
            if layout.rows is self._rows and layout.width == width:
                return layout
        layout = Layout(self._rows, width, lay_out(self._rows, width), {})
        self._layouts = [layout, *self._layouts[: self.KEEP - 1]]
        return layout

    def lines(self, width: int) -> list[Content]:
        return self.layout_at(width).lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))

    def render_line(self, y: int) -> Strip:
        """Line `y` alone: a text in a scrolled panel costs what is on screen, not its whole length."""
        if self.text_selection is not None:  # a selection spans lines: Textual draws them together
            return super().render_line(y)
        width, style = self.size.width, self.visual_style
        layout = self.layout_at(width)
        if y >= len(layout.lines):
            return Strip.blank(width, style.rich_style)
        if (y, style) not in layout.strips:
            layout.strips[y, style] = Visual.to_strips(self, layout.lines[y], width, 1, style)[0]
        return layout.strips[y, style]
