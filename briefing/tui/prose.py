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
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from briefing.find import Texts
from briefing.tui.steady import SizedByLayout
from briefing.typography import NO_BREAK_SPACES, tie_citations

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
    searched: bool = True  # False: a search neither counts nor marks it (a row shown again elsewhere)


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


def entry(label: str, lines: Iterable[Words], searched: bool = True) -> list[Row]:
    """Several lines under one label, e.g. a numbered source-list entry."""
    indent = cell_len(label) + 1
    return [Row(Content(label if n == 0 else ""), _content(line), indent, searched=searched)
            for n, line in enumerate(lines)]


def wrap(text: Content, width: int) -> list[Content]:
    """`text` in lines of `width` cells, broken at plain spaces only, never before a citation mark ("[1]");
    a word longer than a line is folded.  Each line is a piece of `text`, its characters as they were."""
    plain = text.plain
    if text.cell_length <= width and "\n" not in plain:
        return [text]  # as Textual's wrap would give it, without its cost: most rows are one line
    held = [space for space in NO_BREAK_SPACES if space in plain]
    cited = " [" in plain
    if not held and not cited:
        return text.wrap(width)
    free = (c for c in STAND_INS if c not in plain)
    swaps = list(zip(held, free))
    back = [(stand_in, space) for space, stand_in in swaps]
    tied = _replaced(plain, swaps)
    gap = next(free, None) if cited else None
    if gap is not None:  # Textual breaks at any white space: the space before a mark waits as a stand-in
        tied = tie_citations(tied, gap)
        back.append((gap, " "))
    return [Content(_replaced(line.plain, back), line.spans) for line in Content(tied, text.spans).wrap(width)]


def _replaced(plain: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        plain = plain.replace(old, new)
    return plain


class Place(NamedTuple):
    """Where a laid-out line's characters come from, so a match found in a row can be marked on its line."""

    row: int  # the row it shows
    label: bool  # the row's label begins the line
    start: int  # where the line's piece of the row's text begins in that text; -1: the line shows none of it
    shift: int  # the characters before that piece on the line


def lay_out(rows: Iterable[Row], width: int) -> list[Content]:
    """The rows wrapped at `width`; long words are folded, never cut, and a one-line row (an address) is cut
    with "…" rather than broken."""
    return arrange(rows, width)[0]


def arrange(rows: Iterable[Row], width: int) -> tuple[list[Content], list[Place]]:
    """The rows wrapped at `width`, and where each line comes from."""
    lines: list[Content] = []
    places: list[Place] = []
    for number, (label, text, indent, most, _) in enumerate(rows):
        if indent and width - indent < MIN_TEXT and label.cell_length:
            lines.append(label)
            places.append(Place(number, True, -1, 0))
            label, indent = Content(""), UNDER_INDENT
        room = max(width - indent, 1)
        if most == 1:
            wrapped = [text.truncate(room, ellipsis=True) if text.cell_length > room else text]
        else:
            wrapped = wrap(text, room) if text.cell_length else [Content("")]
        if most > 1 and len(wrapped) > most:
            # The next line did not fit beside the last one kept: joined to it and truncated, it ends in "…".
            cut = Content.assemble(wrapped[most - 1], " ", wrapped[most]).truncate(room, ellipsis=True)
            wrapped = [*wrapped[: most - 1], cut]
        found = 0
        for n, line in enumerate(wrapped):
            lead = label if n == 0 else Content("")
            shown = Content.assemble(lead, " " * (indent - lead.cell_length), line)
            start = text.plain.find(line.plain, found) if line.plain else found
            start = found if start < 0 else start
            found = start + len(line.plain)
            lines.append(shown)
            places.append(Place(number, n == 0 and bool(lead.plain), start, len(shown.plain) - len(line.plain)))
    return lines, places


class Layout(NamedTuple):
    """Rows wrapped at one width, where each line comes from, and the lines drawn so far."""

    rows: list[Row]
    width: int
    lines: list[Content]
    places: list[Place]
    strips: dict[tuple[int, Style], Strip]


#: How a search match is marked, and the one the reader moved to: text styles, so they read in any theme
#: and without colour.
MATCH_STYLE = "reverse"
CURRENT_STYLE = "bold reverse underline"


class Prose(SizedByLayout, Widget):
    """Rows of text, rewrapped whenever the width changes, with the matches of a search marked.

    The last few layouts are kept, so showing rows again (the same list: see
    PerLanguage) at a width seen before wraps and draws nothing anew.  A
    search marks what it finds line by line as lines are drawn: a new query
    redraws what is on screen, and wraps nothing again.  Clicking an address
    opens it (see briefing.tui.links).
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
        self._needle = ""
        self._current: int | None = None  # the match the reader moved to, counted from the end when negative
        self._texts: tuple[list[Row], Texts] | None = None
        self._found: tuple[list[Row], str, list[int]] | None = None

    @property
    def shown(self) -> list[Row]:
        """The rows shown."""
        return self._rows

    def show(self, rows: list[Row]) -> None:
        if rows is not self._rows:
            self._rows = rows
            self.refresh(layout=True)

    def mark(self, needle: str, current: int | None = None) -> None:
        """Mark every match of `needle` (a folded query, see briefing.find), and match number `current`
        (negative: from the end) as the one the reader is on; '' marks nothing.  Only the lines of rows
        with a match, before or now, are drawn again."""
        if (needle, current) == (self._needle, self._current):
            return
        every = needle != self._needle  # else only the match the reader is on moves
        changed = self._rows_marked(every)
        self._needle, self._current = needle, current
        changed |= self._rows_marked(every)
        for layout in self._layouts:
            for key in [key for key in layout.strips if layout.places[key[0]].row in changed]:
                del layout.strips[key]
        self.refresh()

    def _rows_marked(self, every: bool) -> set[int]:
        """The rows that hold a match of the marked needle, or (not `every`) the match the reader is on."""
        positions = self._positions()
        if not every:
            on = self._current
            positions = [positions[on]] if on is not None and -len(positions) <= on < len(positions) else []
        texts = self._searched()
        return {texts.locate(position)[0] // 2 for position in positions}

    def matches(self) -> int:
        """How many matches of the marked needle the rows hold."""
        return len(self._positions())

    def line_of(self, nth: int) -> int | None:
        """The line (at the present width) that match number `nth` begins on; negative counts from the end."""
        positions = self._positions()
        if not -len(positions) <= nth < len(positions):
            return None
        index, offset = self._searched().locate(positions[nth])
        row, part = divmod(index, 2)
        layout = self.layout_at(self.size.width)
        line = None
        for y, place in enumerate(layout.places):
            if place.row == row and (line is None or (part and 0 <= place.start <= offset)):
                line = y  # the row's first line for a label; for its text, the last line starting before it
        return line

    def _searched(self) -> Texts:
        """The rows' labels and texts as one searchable sequence: label, text, label, text…"""
        if self._texts is None or self._texts[0] is not self._rows:
            parts = []
            for row in self._rows:
                parts += (row.label.plain, row.text.plain) if row.searched else ("", "")
            self._texts = (self._rows, Texts(parts))
        return self._texts[1]

    def _positions(self) -> list[int]:
        if not self._needle:
            return []
        if self._found is None or self._found[0] is not self._rows or self._found[1] != self._needle:
            self._found = (self._rows, self._needle, self._searched().find(self._needle))
        return self._found[2]

    def layout_at(self, width: int) -> Layout:
        for layout in self._layouts:
            if layout.rows is self._rows and layout.width == width:
                return layout
        layout = Layout(self._rows, width, *arrange(self._rows, width), {})
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
            line = self._marked(layout, y) if self._needle else layout.lines[y]
            layout.strips[y, style] = Visual.to_strips(self, line, width, 1, style)[0]
        return layout.strips[y, style]

    def _marked(self, layout: Layout, y: int) -> Content:
        """Line `y` with the matches on it marked."""
        line, place = layout.lines[y], layout.places[y]
        positions = self._positions()
        if not positions:
            return line
        texts, size = self._searched(), len(self._needle)
        current = None if self._current is None else self._current % len(positions)
        text_length = len(line.plain) - place.shift
        for n in range(texts.first_at(positions, 2 * place.row), texts.first_at(positions, 2 * place.row + 2)):
            index, offset = texts.locate(positions[n])
            style = CURRENT_STYLE if n == current else MATCH_STYLE
            if index % 2 == 0:
                if place.label:
                    line = line.stylize(style, offset, offset + size)
            elif place.start >= 0:
                start, end = max(offset, place.start), min(offset + size, place.start + text_length)
                if start < end:
                    line = line.stylize(style, place.shift + start - place.start, place.shift + end - place.start)
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on an address opens it, as the `o` key does (see briefing.tui.links)."""
        link = event.style.link
        if link:
            from briefing.tui.links import open_address

            event.stop()
            open_address(self.app, link)
