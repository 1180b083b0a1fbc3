"""The brief as Markdown: a pure function of the document (briefing.document).

CommonMark, with a GFM table for the figures.  Citations are links into the
numbered source list: each source has a heading of its own ('Source 1',
'Источник 1'), whose anchor is the one GitHub and most renderers derive from a
heading's text ('#source-1', '#источник-1'), so no raw HTML is needed for it.

Every text from data (and every message around it) is escaped so it cannot
become markup: ASCII punctuation that CommonMark or GFM would read (emphasis,
code, links, raw HTML, entities, tables, strikethrough, headings) is
backslash-escaped, as is whatever would start a block at the start of a line
(a list, a quote, a setext underline), and runs of white space and line ends
are folded into one space, so a text never breaks out of the block it is in.
The only markup in the output is the markup written here.
"""

from __future__ import annotations

import re

from briefing import document
from briefing.document import Cite, Document, Inline

#: Characters that are markup wherever they stand: backslash, code, emphasis, links and images, raw HTML and
#: autolinks, entities, GFM tables and strikethrough, and ATX headings (a closing '#' run is dropped).
_ALWAYS = re.compile(r"([\\`*_\[\]<>&|~#!])")
#: What GFM's autolink extension would turn into a link: 'https:', 'ftp:', 'www.'.
_AUTOLINK = re.compile(r"(?i)\b((?:https?|ftp)):|\b(www)\.")
#: What starts a block at the start of a line: a bullet, a quote, a setext underline, an ordered list item.
_LINE_START = re.compile(r"([-+=>])|(\d+)([.)])")
#: Breakable white space (no-break spaces are kept: they hold a number to its word).
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
#: An address that can be an autolink as it is.
_ADDRESS = re.compile(r"https?://[^\x00-\x20\x7f<>]+")


#: Whatever the three substitutions below would change, in one scan: a markup character, white space other
#: than single spaces, an autolink's start.  Most texts hold none, and are left as they are.
_ANY = re.compile(r"(?i)[\\`*_\[\]<>&|~#!\t\n\r\f\v]|  |\b(?:https?|ftp):|\bwww\.")


def escape(text: str, line_start: bool = True) -> str:
    """Data text as Markdown that shows exactly these characters and makes no markup."""
    if _ANY.search(text) is not None:
        text = _ALWAYS.sub(r"\\\1", _SPACES.sub(" ", text))
        text = _AUTOLINK.sub(lambda m: f"{m[1]}\\:" if m[1] else f"{m[2]}\\.", text)
    if line_start:
        text = text.lstrip(" ")
        text = _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text, count=1) \
            if _LINE_START.match(text) else text
    return text


def slug(label: str) -> str:
    """The anchor a heading gets on GitHub (and from markdown-it's anchors plugin): lower case, punctuation
    dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", label.strip().lower()).replace(" ", "-")


class _Markdown:
    def __init__(self, doc: Document):
        self.anchors = {entry.number: slug(entry.label) for section in doc.sections for block in section.blocks
                        if isinstance(block, document.Sources) for entry in block.entries}
        self._texts: dict[str, str] = {}

    def cite(self, marks: Cite) -> str:
        return "".join(f"[[{n}]](#{self.anchors[n]})" if n in self.anchors else f"\\[{n}\\]" for n in marks.numbers)

    def inline(self, text: Inline) -> str:
        """Text with its citations as links; safe at the start of a line."""
        pieces = [escape(part, line_start=n == 0) if isinstance(part, str) else self.cite(part)
                  for n, part in enumerate(text)]
        return "".join(pieces).rstrip(" ")

    def text(self, value: str) -> str:
        # The same texts come back many times (an outlet's name and "does not mention it" on every point),
        # so each is escaped once per document.
        done = self._texts.get(value)
        if done is None:
            done = self._texts[value] = self.inline((value,))
        return done

    # --- blocks: each returns the Markdown blocks it makes, to be set apart by blank lines ---
    def paragraph(self, block: document.Paragraph) -> list[str]:
        return [self.inline(block.text)]

    def rows(self, block: document.Rows) -> list[str]:
        return ["\n".join(f"- **{self.text(row.label)}:** {self.inline(row.text)}" for row in block.rows)]

    def items(self, block: document.Items) -> list[str]:
        out = [f"### {self.text(block.title)}"] if block.title is not None else []
        if block.items:
            out.append("\n".join(f"- {self.inline(item)}" for item in block.items))
        return out

    def point(self, point: document.Point) -> list[str]:
        status = self.text(point.status_text)
        out = [f"### {point.number}. {self.text(point.question)}", f"**{status}**" if point.status == "differ" else status]
        statements = []
        for statement in point.statements:
            said = self.text(statement.text) if statement.mentioned else f"*{self.text(statement.text)}*"
            statements.append(f"- {self.cite(Cite((statement.source,)))} **{self.text(statement.outlet)}:** {said}")
        if statements:
            out.append("\n".join(statements))
        warnings = [*point.conflicts, *([point.outliers] if point.outliers else [])]
        out += [f"**\\!** {self.inline(warning)}" for warning in warnings]
        out += [self.inline(note) for note in point.precision_notes]
        if point.note:
            out.append(self.text(point.note))
        return out

    def coverage(self, block: document.CoverageList) -> list[str]:
        lines = []
        for entry in block.entries:
            lines.append(f"- {self.inline(entry.text)}")
            if entry.only_here:
                lines.append(f"  - {self.text(entry.only_here)}")
        return [f"### {self.text(block.title)}", *(["\n".join(lines)] if lines else [])]

    def figures(self, block: document.Figures) -> list[str]:
        if not block.figures:
            return []
        rows = ["| " + " | ".join(self.text(h) for h in block.headers) + " |", "|" + " --- |" * len(block.headers)]
        for figure in block.figures:
            label = " · ".join(self.text(part) for part in (figure.label, *figure.details[1:]))
            value = self.text(figure.value)
            value = f"**{value}**" if figure.flagged else value
            if figure.cite.numbers:
                value += " " + self.cite(figure.cite)
            checks = " · ".join(self.inline(check) for check in figure.checks)  # each opens with its capital
            rows.append(f"| {label} | {value} | {self.text(figure.as_of)} | {checks} |")
        return ["\n".join(rows)]

    def derived(self, block: document.DerivedFigures) -> list[str]:
        return [f"### {self.text(block.title)}",
                "\n".join(f"- **{self.text(d.label)}:** {self.text(d.working)}" for d in block.figures)]

    def flags(self, block: document.Flags) -> list[str]:
        out = [f"### {self.text(block.title)}"]
        for flag in block.flags:
            out.append(f"**{self.inline(flag.headline)}**")
            details = [*(self.text(rule) for rule in flag.rules), *(self.inline(r) for r in flag.references)]
            if details:
                out.append("\n".join(f"- {line}" for line in details))
            out.append(f"*{self.text(flag.caveat)}*")
        return out

    def sources(self, block: document.Sources) -> list[str]:
        out = []
        for entry in block.entries:
            out += [f"### {self.text(entry.label)}", f"**{self.text(entry.summary)}**"]
            if entry.headline:
                out.append(f"*{self.text(entry.headline)}*")
            out.append(address(entry.url))
            if entry.relays:
                out.append(self.inline(entry.relays))
            out.append(self.text(entry.reliability))
        return out


def address(url: str) -> str:
    """A source's address as an autolink when it can be one as it is, else as a code span."""
    if _ADDRESS.fullmatch(url):
        return f"<{url}>"
    fence = "`" * (max((len(run) for run in re.findall("`+", url)), default=0) + 1)
    return f"{fence} {url} {fence}"


_LAYOUTS = {
    document.Paragraph: _Markdown.paragraph,
    document.Rows: _Markdown.rows,
    document.Items: _Markdown.items,
    document.Point: _Markdown.point,
    document.CoverageList: _Markdown.coverage,
    document.Figures: _Markdown.figures,
    document.DerivedFigures: _Markdown.derived,
    document.Flags: _Markdown.flags,
    document.Sources: _Markdown.sources,
}


def render(doc: Document) -> str:
    """The document as one Markdown text, ending in a newline."""
    md = _Markdown(doc)
    out = [f"# {md.text(doc.title)}", md.text(doc.meta)]
    for section in doc.sections:
        out.append(f"## {md.text(section.heading)}")
        for block in section.blocks:
            out += _LAYOUTS[type(block)](md, block)
    return "\n\n".join(part for part in out if part) + "\n"


def render_all(docs: list[Document]) -> str:
    """Several documents (one per language) one after the other, set apart by a thematic break."""
    return "\n---\n\n".join(render(doc) for doc in docs)
