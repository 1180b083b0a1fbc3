"""Every face shows the same facts, figures, flags and citations: the ones the document holds.

The document (briefing/document.py) is built once per language; plain text,
Markdown and HTML lay it out, and JSON sets its texts beside the raw facts.
Each face is read back as the text a reader sees (Markdown through a
CommonMark parser, HTML without its tags), white space set aside, and every
text of the document (each statement with its citations "[1][2]", each
figure, flag, derived working and source entry) must be found in it.  A face
that drops a citation or a flag fails here.  The dashboard, run headless, is
read from what its panels give their tables and detail areas.
"""

from __future__ import annotations

import datetime as dt
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
from tests.conftest import BUNDLED_IDS, walk

_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")


def squeezed(text: str) -> str:
    """Text with every kind of white space taken out and case folded: what wrapping and headings cannot change."""
    return _SPACE.sub("", text).casefold()


def is_inline(value: object) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(p, (str, Cite)) for p in value) \
        and any(isinstance(p, Cite) for p in value)


#: Fields a face may show through its layout instead of as words: an anchor's name ("Source 1"), a table's
#: column headings, the "as of DATE" line that a table gives as its date column, the short dates the
#: dashboard gives in its table cells and column headers where the other faces give the long ones, and the
#: language's bare name it gives in a column header where the other faces say it in the source's summary
#: ("на русском языке").
LAYOUT_ONLY = {("SourceEntry", "label"), ("Figures", "headers"), ("Figure", "details"), ("Figure", "short_as_of"),
               ("SourceEntry", "short_published"), ("SourceEntry", "language")}


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
    strings = squeezed("\n".join(v for v in walk(exported) if isinstance(v, str)))
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


# --- the dashboard ------------------------------------------------------------------

def _prose(widget) -> str:
    """What a Prose widget was given to show (not the screen, where a panel may be scrolled or cut)."""
    from briefing.tui.prose import Prose

    prose = widget if isinstance(widget, Prose) else widget.query_one(Prose)
    return squeezed(" ".join(f"{row.label.plain} {row.text.plain}" for row in prose._rows))


async def _details(pilot, table, detail) -> list[str]:
    """The detail shown for each row of a table, the row selected by moving the cursor to it."""
    shown = []
    for row in range(table.row_count):
        table.move_cursor(row=row)
        await pilot.pause()
        shown.append(_prose(detail))
    return shown


@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
async def test_the_dashboard_shows_every_point_figure_flag_and_source_of_the_document(library_of_bundled, brief_id):
    """Each comparison point's question and statements, each figure's value, each flagged figure's label and
    flag, each source's outlet: in the cells the panels give their tables (whole, before they are cut to a
    column) and in the detail a selected row shows, in both languages."""
    from textual.widgets import DataTable

    from briefing.document import Point
    from briefing.tui.app import make_app

    app = make_app(library_of_bundled, brief_id, "en")
    async with app.run_test(size=(160, 48)) as pilot:
        for locale in ("en", "ru"):
            app.locale = locale
            await pilot.pause()
            doc = build(app.analysis, localizer(locale))
            blocks = [b for s in doc.sections for b in s.blocks]

            points = [b for b in blocks if isinstance(b, Point)]
            table = app.query_one("#comparison-table", DataTable)
            questions = [squeezed(table.get_row_at(n)[1].plain) for n in range(table.row_count)]
            assert questions == [squeezed(p.question) for p in points]
            for point, shown in zip(points, await _details(pilot, table, app.query_one("#comparison-detail"))):
                for text in (point.question, point.status_text, *(s.text for s in point.statements),
                             *map(flat, point.conflicts)):
                    assert squeezed(text) in shown, (locale, point.id, text)

            figures = _figures(doc)
            table = app.query_one("#statistics-table", DataTable)
            values = [squeezed(table.get_row_at(n)[1].plain) for n in range(table.row_count)]
            assert len(values) == len(figures)
            flags = [f for b in blocks if type(b).__name__ == "Flags" for f in b.flags]
            for figure, value, shown in zip(figures, values,
                                            await _details(pilot, table, app.query_one("#statistics-detail"))):
                assert squeezed(figure.value) in value and squeezed(figure.value) in shown, (locale, figure.value)
                if figure.flagged:
                    assert squeezed(figure.label) in shown, (locale, figure.label)
                    headline = next(flat(f.headline) for f in flags if f.id == figure.id)
                    assert squeezed(headline) in shown, (locale, headline)
            assert sum(f.flagged for f in figures) == len(flags)

            background = _prose(app.query_one("#panel-2"))
            for entry in (e for b in blocks if type(b).__name__ == "Sources" for e in b.entries):
                assert squeezed(entry.outlet) in background and squeezed(entry.summary) in background, entry.outlet


def _four_checks_brief():
    """One figure of each check status: flagged against a reference, two news figures that differ, two that
    agree, and one nothing checks; no statistics title, no background, no comparison, no watch list."""
    from tests.conftest import build as brief_of, source, text

    def figure(fid, value, measure, source_id):
        return {"id": fid, "label": text(fid), "value": value, "unit": "country", "qualifier": "exact",
                "as_of": dt.date(2025, 11, 19), "measure": measure, "sources": [source_id]}

    return brief_of(sources=[source("a"), source("b"), source("ref", kind="reference-dataset")], statistics=[
        figure("flag", 500, "m1", "a"), figure("flag-ref", 100, "m1", "ref"), figure("d1", 10, "m2", "a"),
        figure("d2", 20, "m2", "b"), figure("c1", 5, "m3", "a"), figure("c2", 5, "m3", "b"), figure("u", 7, "m4", "a")])


def test_each_figure_carries_its_check_status_and_short_dates_for_the_dashboards_table():
    """Figure.status (the dashboard's check column): flagged before differs before consistent before
    unchecked; the short dates of a figure and of a source's publication; 'Statistics' when the brief names
    no title of its own."""
    analysis = analyse(_four_checks_brief())
    doc = build(analysis, localizer("en"))
    statistics = next(s for s in doc.sections if s.key == "statistics")
    assert statistics.heading == "Statistics"
    figures = statistics.blocks[0]
    assert figures.headers == ("Figure", "Value", "As of", "Check")
    assert [(f.id, f.status, f.short_as_of.replace("\N{NO-BREAK SPACE}", " ")) for f in figures.figures] == [
        ("flag", "flagged", "19 Nov 2025"), ("d1", "differs", "19 Nov 2025"), ("d2", "differs", "19 Nov 2025"),
        ("c1", "consistent", "19 Nov 2025"), ("c2", "consistent", "19 Nov 2025"), ("u", "unchecked", "19 Nov 2025")]
    [sources] = next(s for s in doc.sections if s.key == "sources").blocks
    assert [(e.label, e.short_published.replace("\N{NO-BREAK SPACE}", " ")) for e in sources.entries] == [
        ("Source 1", "2 Jan 2025"), ("Source 2", "2 Jan 2025"), ("Source 3", "2 Jan 2025")]


def test_a_section_the_brief_leaves_out_is_built_empty_for_the_dashboard_or_is_none():
    """document.section: a built section as it is; a background or comparison the brief leaves out built
    empty under its heading; a watch list left out, or an unknown key, None."""
    from briefing.document import Rows, Section, section

    analysis, loc = analyse(_four_checks_brief()), localizer("en")
    doc = build(analysis, loc)
    for key in ("decision", "statistics", "sources"):
        assert section(doc, analysis, loc, key) is next(s for s in doc.sections if s.key == key)
    assert section(doc, analysis, loc, "background") == Section("background", "Background", (Rows(()),))
    comparison = section(doc, analysis, loc, "comparison")
    assert (comparison.key, comparison.heading) == ("comparison", "Source comparison")
    assert flat(comparison.blocks[0].text).replace("\N{NO-BREAK SPACE}", " ") == "2 sources, 0 points"
    assert section(doc, analysis, loc, "watch") is None and section(doc, analysis, loc, "nothing") is None
    from tests.conftest import build as brief_of

    bare = analyse(brief_of())
    statistics = section(build(bare, loc), bare, loc, "statistics")
    assert (statistics.key, statistics.heading, statistics.blocks[0].figures) == ("statistics", "Statistics", ())
