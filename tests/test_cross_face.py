"""Every face shows the same facts, figures, flags and citations: the ones the document holds.

The document (briefing/document.py) is built once per language; plain text,
Markdown and HTML lay it out, and JSON sets its texts beside the raw facts.
Each face is read back as the text a reader sees (Markdown through a
CommonMark parser, HTML without its tags), white space set aside, and every
text of the document (each statement with its citations "[1][2]", each
figure, flag, derived working and source entry) must be found in it.  A face
that drops a citation or a flag fails here.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from markdown_it import MarkdownIt

from briefing import render_html, render_json, render_markdown
from briefing.analysis import analyse
from briefing.document import Cite, Document, FlagEntry, build, flat
from briefing.i18n import localizer
from briefing.text import render_document
from tests.conftest import BUNDLED_IDS

_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")


def squeezed(text: str) -> str:
    """Text with every kind of white space taken out and case folded: what wrapping and headings cannot change."""
    return _SPACE.sub("", text).casefold()


def is_inline(value: object) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(p, (str, Cite)) for p in value) \
        and any(isinstance(p, Cite) for p in value)


#: Fields a face may show through its layout instead of as words: an anchor's name ("Source 1"), a table's
#: column headings, the "as of DATE" line that a table gives as its date column, and the short dates the
#: dashboard gives in its table cells and column headers where the other faces give the long ones.
LAYOUT_ONLY = {("SourceEntry", "label"), ("Figures", "headers"), ("Figure", "details"), ("Figure", "short_as_of"),
               ("SourceEntry", "short_published")}


def texts(node: object):
    """Every text of a document, each statement with its citations flattened to '[1][2]'."""
    if isinstance(node, str):
        if node.strip():
            yield node
    elif is_inline(node):
        yield flat(node)
    elif isinstance(node, Cite) or isinstance(node, (int, bool)) or node is None:
        return
    elif isinstance(node, tuple):  # a NamedTuple block or a tuple of them
        fields = node._asdict().items() if hasattr(node, "_asdict") else enumerate(node)
        for name, value in fields:
            if name in ("id", "status", "locale", "key"):  # machine words, not shown as such
                continue
            if (type(node).__name__, name) in LAYOUT_ONLY:
                continue
            yield from texts(value)


def shown_text(face_output: str, kind: str) -> str:
    if kind == "markdown":
        face_output = MarkdownIt("commonmark").enable("table").render(face_output)
    if kind in ("markdown", "html"):
        face_output = html.unescape(_TAG.sub(" ", face_output))
    return squeezed(face_output)


@pytest.fixture(scope="module", params=[(b, loc) for b in BUNDLED_IDS for loc in ("en", "ru")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def case(request, library_of_bundled):
    brief_id, locale = request.param
    analysis = analyse(library_of_bundled.briefings[brief_id])
    return analysis, build(analysis, localizer(locale))


@pytest.fixture(scope="module")
def library_of_bundled():
    from briefing.store import load_library, search_folders

    return load_library(search_folders([], environ={}))


def faces(analysis, doc: Document) -> dict[str, str]:
    return {
        "text": shown_text(render_document(doc, width=100_000), "text"),
        "markdown": shown_text(render_markdown.render(doc), "markdown"),
        "html": shown_text(render_html.render(doc), "html"),
    }


def test_every_face_shows_every_text_and_citation_of_the_document(case):
    analysis, doc = case
    needles = {squeezed(t) for t in texts(doc.sections) if len(squeezed(t)) > 1}
    needles |= {squeezed(doc.title), squeezed(doc.meta)}
    needles |= {squeezed(detail) for figure in _figures(doc) for detail in figure.details[1:]}  # who is quoted
    for name, shown in faces(analysis, doc).items():
        missing = sorted(n for n in needles if n not in shown)
        assert missing == [], f"{name} lacks {len(missing)} of {len(needles)} texts, e.g. {missing[:3]}"


def test_every_face_cites_each_source_as_often_as_the_document(case):
    analysis, doc = case
    expected = sum(len(p.numbers) for p in _cites(doc.sections))
    for name, shown in faces(analysis, doc).items():
        cited = len(re.findall(r"\[\d+\]", shown))
        # each face may also number the source list itself ("[1] Lada.kz", "1. …"): never fewer than the text has
        assert cited >= expected, f"{name}: {cited} citation marks, the document has {expected}"


def _figures(doc: Document):
    return [f for s in doc.sections for b in s.blocks if type(b).__name__ == "Figures" for f in b.figures]


def _cites(node: object):
    if isinstance(node, Cite):
        yield node
    elif isinstance(node, tuple):
        for value in node:
            yield from _cites(value)


def test_the_json_face_holds_every_figure_flag_and_working(case):
    analysis, doc = case
    exported = json.loads(render_json.render(analysis, (doc.locale,)))
    strings = squeezed("\n".join(_strings(exported)))
    figures = [b for s in doc.sections for b in s.blocks if type(b).__name__ == "Figures"]
    for block in figures:
        for figure in block.figures:
            assert squeezed(figure.value) in strings, figure.value
    flags = [f for s in doc.sections for b in s.blocks if type(b).__name__ == "Flags" for f in b.flags]
    assert len(exported["statistics"]["flags"]) == len(analysis.flags) == len(flags)
    for flag in flags:
        assert isinstance(flag, FlagEntry)
    derived = [d for s in doc.sections for b in s.blocks if type(b).__name__ == "DerivedFigures" for d in b.figures]
    for figure in derived:
        assert squeezed(figure.working) in strings, figure.working


def _strings(node: object):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_a_face_that_drops_a_citation_or_a_flag_is_caught(case, monkeypatch):
    """The checks above bite: Markdown without its citations, or without its flags, fails them."""
    analysis, doc = case
    without_cites = render_markdown.render(doc).replace("[[1]](#source-1)", "").replace("[[1]](#источник-1)", "")
    shown = shown_text(without_cites, "markdown")
    needles = {squeezed(t) for t in texts(doc.sections) if "[1]" in t}
    assert needles and any(n not in shown for n in needles)
    if analysis.flags:
        flag = next(f for s in doc.sections for b in s.blocks if type(b).__name__ == "Flags" for f in b.flags)
        headline = squeezed(flat(flag.headline))
        text = render_document(doc, width=100_000)
        dropped = "\n".join(line for line in text.splitlines() if not squeezed(line).startswith(headline[:20]))
        assert headline not in squeezed(dropped)
