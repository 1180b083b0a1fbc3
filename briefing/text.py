"""The plain-text brief: a pure function of (analysis, localizer, width).

For mail and print: no escape codes, no markup, the same bytes for the same
input.  It lays out the face-neutral document (briefing.document): every
statement carries numbered references ([1], [2]) into the source list at
the end.
"""

from __future__ import annotations

import re

from briefing import document
from briefing.analysis import Analysis
from briefing.document import Document, flat
from briefing.i18n import Localizer
from briefing.typography import tie_citations
from briefing.wrap import cells, wrap

MIN_WIDTH = 30
#: Characters wrap rewrites even on a line that fits, so the fast path leaves them to it.
_WRAP_SPECIAL = re.compile("[\t\n\x0b\x0c\r]")
BULLET = "• "


class _Page:
    """Lines of the brief, wrapped at one width."""

    def __init__(self, width: int):
        self.width = max(width, MIN_WIDTH)
        self.lines: list[str] = []
        self.pending: list[str] = []  # the blank line due before whatever is printed next, if any

    def blank(self) -> None:
        """One blank line between what is printed so far and whatever is printed next: none at the top of the
        page, none at its end, never two in a row."""
        self.pending = [""] if self.lines else []

    def add(self, lines: list[str]) -> None:
        if lines:
            self.lines += self.pending + lines
            self.pending = []

    def para(self, text: str, indent: str = "", hanging: str | None = None) -> None:
        """Wrap one paragraph at the width in terminal cells; long words are broken between grapheme clusters,
        and a citation mark stays with the word before it.  A paragraph with no words prints nothing."""
        text = tie_citations(text)
        if text and cells(indent) + cells(text) <= self.width and text[-1] != " " and not _WRAP_SPECIAL.search(text):
            self.add([indent + text])  # exactly what wrap returns for a line that fits
            return
        self.add(wrap(text, self.width, indent, indent if hanging is None else hanging))

    def heading(self, text: str) -> None:
        self.blank()
        self.para(text.upper())
        self.add(["─" * min(cells(text), self.width)])

    def labelled(self, label: str, text: str, column: int) -> None:
        """'Label    text', the text wrapped in its own column (`column` cells in) when there is room."""
        if column + 20 > self.width:
            self.para(label)
            self.para(text, "  ")
        else:
            self.para(label + " " * (column - cells(label)) + text, "", " " * column)

    def render(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines) + "\n"


def render(analysis: Analysis, loc: Localizer, width: int) -> str:
    """The whole brief as plain text wrapped at `width` cells (at least MIN_WIDTH)."""
    return render_document(document.build(analysis, loc), width)


def render_document(doc: Document, width: int) -> str:
    """A Document as plain text wrapped at `width` cells (at least MIN_WIDTH): a blank line between the blocks of
    a section."""
    page = _Page(width)
    page.para(doc.title)
    page.para(doc.meta)
    for section in doc.sections:
        page.heading(section.heading)
        for n, block in enumerate(section.blocks):
            if n:
                page.blank()
            _LAYOUTS[type(block)](page, block)
    return page.render()


def _paragraph(page: _Page, block: document.Paragraph) -> None:
    page.para(flat(block.text))


def _rows(page: _Page, block: document.Rows) -> None:
    column = max((cells(row.label) for row in block.rows), default=0) + 3
    for row in block.rows:
        page.labelled(row.label, flat(row.text), column)


def _items(page: _Page, block: document.Items) -> None:
    if block.title is not None:
        page.para(block.title)
    for item in block.items:
        page.para(BULLET + flat(item), "", "  ")


def _point(page: _Page, point: document.Point) -> None:
    """One comparison point: what each source says, or that it does not mention it."""
    pad = " " * (len(str(point.number)) + 2)
    page.para(f"{point.number}. {point.question}", "", pad)
    page.para(point.status_text, pad)
    for statement in point.statements:
        page.para(f"[{statement.source}] {statement.outlet}: {statement.text}", pad, pad + "    ")
    for conflict in point.conflicts:
        page.para(flat(conflict), pad + "! ", pad + "  ")
    if point.outliers:
        page.para(flat(point.outliers), pad + "! ", pad + "  ")
    for note in point.precision_notes:
        page.para(flat(note), pad)
    if point.note:
        page.para(point.note, pad)


def _coverage(page: _Page, block: document.CoverageList) -> None:
    page.para(block.title)
    for entry in block.entries:
        page.para(BULLET + flat(entry.text), "", "  ")
        if entry.only_here:
            page.para(entry.only_here, "  ", "    ")


def _figures(page: _Page, block: document.Figures) -> None:
    for figure in block.figures:
        # every statistic rests on at least one source, so its figure always carries a citation mark
        page.para(f"{figure.label}: {figure.value} {flat((figure.cite,))}", "", "  ")
        page.para(" · ".join(figure.details), "  ")
        for line in figure.checks:
            page.para(flat(line), "  ", "    ")


def _derived(page: _Page, block: document.DerivedFigures) -> None:
    page.para(block.title)
    for derived in block.figures:
        page.para(BULLET + f"{derived.label}: {derived.working}", "", "  ")


def _flags(page: _Page, block: document.Flags) -> None:
    page.para(block.title)
    for flag in block.flags:
        page.para(flat(flag.headline), "", "  ")
        for rule in flag.rules:
            page.para(rule, "  ", "    ")
        for reference in flag.references:
            page.para(flat(reference), "  ", "    ")
        page.para(flag.caveat, "  ", "    ")


def _sources(page: _Page, block: document.Sources) -> None:
    for entry in block.entries:
        number = f"[{entry.number}] "
        hang = " " * len(number)
        page.para(number + entry.summary, "", hang)
        if entry.headline:
            page.para(entry.headline, hang)
        page.add([hang + entry.url])  # an address stays whole, so it can be copied
        if entry.relays:
            page.para(flat(entry.relays), hang)
        page.para(entry.reliability, hang)


_LAYOUTS = {
    document.Paragraph: _paragraph,
    document.Rows: _rows,
    document.Items: _items,
    document.Point: _point,
    document.CoverageList: _coverage,
    document.Figures: _figures,
    document.DerivedFigures: _derived,
    document.Flags: _flags,
    document.Sources: _sources,
}
