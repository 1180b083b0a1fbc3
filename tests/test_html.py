"""The HTML export, read back by the standard library's HTML parser and held against the Document."""

import copy
import datetime as dt
import pickle
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import document, render_html
from briefing.analysis import analyse
from briefing.date_parse import parse as parse_date
from briefing.dates import FuzzyDate
from briefing.i18n import localizer
from briefing.sanitize import plain
from briefing.store import load_library, search_folders
from tests.conftest import BUNDLED_IDS
from tests.conftest import NO_TEXTUAL
from tests.test_markdown import cited_numbers, run

HOSTILE_FILE = Path(__file__).parent / "corpus" / "accepted" / "hostile-text.toml"
LOCALES = ["en", "ru"]

#: Every tag the renderer writes, with the attributes it may give it: nothing else may appear.
OWN = {
    "html": {"lang"}, "head": set(), "meta": {"charset", "http-equiv", "content", "name"}, "title": set(),
    "style": set(), "body": set(), "main": set(), "input": {"class", "type", "name", "id", "checked"},
    "article": {"class", "id", "lang"}, "header": set(), "nav": {"class", "aria-label"}, "span": {"class"},
    "label": {"for", "lang"}, "h1": set(), "h2": set(), "h3": set(), "p": {"class"}, "section": {"id", "class"},
    "dl": {"class"}, "dt": set(), "dd": set(), "ul": {"class"}, "ol": {"class"}, "li": {"id", "value"},
    "a": {"class", "href", "rel"}, "time": {"datetime"}, "strong": {"class"}, "em": {"class"},
    "table": {"class"}, "thead": set(), "tbody": set(), "tr": set(), "th": {"scope"}, "td": {"data-label"},
    "div": {"class"},
}
VOID = {"meta", "input"}


class Page(HTMLParser):
    """Tags, attributes, text and structure of an HTML file; fails on unbalanced tags."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: list[tuple[tuple[str, ...], str]] = []  # (the open tags, the text in them)
        self.declarations: list[str] = []
        self.feed(source)
        self.close()
        assert not self.open, self.open

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()

    def handle_data(self, data):
        self.text.append((tuple(self.open), data))

    def handle_decl(self, decl):
        self.declarations.append(decl)

    def handle_comment(self, data):
        raise AssertionError(f"a comment: {data!r}")

    def handle_pi(self, data):
        raise AssertionError(f"a processing instruction: {data!r}")

    def all_text(self, inside: str | None = None) -> str:
        return "".join(t for tags, t in self.text if "style" not in tags and "title" not in tags
                       and (inside is None or inside in tags))

    def of(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def own_markup_only(page: Page) -> None:
    for tag, attrs in page.tags:
        assert tag in OWN, tag
        assert set(attrs) <= OWN[tag], (tag, attrs)
        if "href" in attrs:
            assert re.fullmatch(r"#[a-z]{2}-?source-\d+|#source-\d+|https?://\S+", attrs["href"]), attrs
    assert page.declarations == ["DOCTYPE html"]


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def library():
    return load_library(search_folders([]))


def build(brief, locale):
    return document.build(analyse(brief), localizer(locale))


def sources(doc):
    return next(b for s in doc.sections for b in s.blocks if isinstance(b, document.Sources)).entries


def moments(node):
    if isinstance(node, document.Moment):
        return [node]
    if isinstance(node, tuple):
        return [m for item in node for m in moments(item)]
    return []


def check_structure(doc, source: str, prefix: str = "") -> Page:
    page = Page(source)
    own_markup_only(page)
    assert [a["lang"] for a in page.of("article")] == [doc.locale]
    assert folded(page.all_text("h1")) == folded(doc.title)
    headings = [folded(t) for tags, t in page.text if tags and tags[-1] == "h2"]
    assert headings == [folded(s.heading) for s in doc.sections]
    assert len(page.of("section")) >= len(doc.sections)

    anchors = {a["id"] for a in page.of("li") if "id" in a}
    assert anchors == {f"{prefix}source-{entry.number}" for entry in sources(doc)}
    cited = [a["href"] for a in page.of("a") if a.get("class") == "cite"]
    assert [int(h.rsplit("-", 1)[1]) for h in cited] == cited_numbers(doc)
    assert all(h[1:] in anchors for h in cited)

    times = [a["datetime"] for a in page.of("time")]
    assert times and set(times) == {m.iso for m in moments(doc)}  # every date the document can state
    assert all(re.fullmatch(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?)?)?", t) for t in times)

    figures = [b for s in doc.sections for b in s.blocks if isinstance(b, document.Figures) and b.figures]
    if figures:
        scopes = [a["scope"] for a in page.of("th")]
        assert scopes == ["col"] * 4 + ["row"] * len(figures[0].figures)
    expected = folded(document.flat(doc.meta_parts))
    assert expected == folded(doc.meta) and expected in folded(page.all_text())
    return page


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_every_bundled_briefing_as_its_document(library, brief_id, locale):
    doc = build(library.briefings[brief_id], locale)
    source = render_html.render(doc)
    check_structure(doc, source)
    assert '<meta name="viewport"' in source and "prefers-color-scheme:dark" in source and "@media print" in source


def test_no_script_no_request_no_external_resource(library):
    docs = [build(library.briefings[BUNDLED_IDS[1]], locale) for locale in LOCALES]
    source = render_html.render_all(docs)
    page = Page(source)
    assert not {"script", "link", "img", "iframe", "object", "embed", "svg", "source", "video", "audio"} & {
        t for t, _ in page.tags}
    style = "".join(t for tags, t in page.text if tags and tags[-1] == "style")
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert any("default-src 'none'" in (a.get("content") or "") for a in page.of("meta"))


def test_both_languages_in_one_file_switch_without_script(library):
    analysis = analyse(library.briefings[BUNDLED_IDS[0]])
    docs = [document.build(analysis, localizer(locale)) for locale in LOCALES]
    page = Page(render_html.render_all(docs))
    own_markup_only(page)
    assert [(a["lang"], a["id"]) for a in page.of("article")] == [("en", "en-brief"), ("ru", "ru-brief")]
    radios = page.of("input")
    assert [(r["type"], r["id"], "checked" in r) for r in radios] == [("radio", "lang-en", True),
                                                                     ("radio", "lang-ru", False)]
    labels = [(a["for"], a["lang"]) for a in page.of("label")]
    assert labels == [("lang-en", "en"), ("lang-ru", "ru")] * 2
    switch_text = [folded(t) for tags, t in page.text if tags and tags[-1] == "label"]
    assert switch_text == ["English", "Русский"] * 2
    assert "Язык:" in page.all_text("nav") and "Language:" in page.all_text("nav")
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))  # each part's anchors carry its language
    for doc in docs:
        entries = sources(doc)
        assert {f"{doc.locale}-source-{e.number}" for e in entries} <= set(ids)


def hostile_html_file(tmp_path) -> Path:
    """The hostile corpus with HTML of its own besides: tags, attributes, comments, entities, addresses that
    would close an attribute (the model already refuses a javascript: address)."""
    text = HOSTILE_FILE.read_text(encoding="utf-8")
    text = text.replace('title.en = "', 'title.en = "<script>alert(1)</script><img src=x onerror=alert(1)> &amp; ', 1)
    text = text.replace('outlet.ru = "Lada.kz"', 'outlet.ru = "\\"><b onmouseover=\'x\'>Lada</b><!-- c -->"', 1)
    text = text.replace('url = "https://www.gov.kz/"', 'url = "https://www.gov.kz/\\"><script>x</script>"', 1)
    text = text.replace('url = "https://pris.iaea.org/"', 'url = "https://pris.iaea.org/\\"onclick=\\"x"', 1)
    text = text.replace('says.ru = "21 ноября."', 'says.ru = "</li></ul><style>*{x}</style>&#60;i&#62;"', 1)
    target = tmp_path / "hostile-html.toml"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_from_the_hostile_corpus_turns_into_markup(tmp_path, locale):
    for path in (HOSTILE_FILE, hostile_html_file(tmp_path)):
        loaded = load_library([path])
        assert not loaded.errors, loaded.errors
        doc = build(loaded.briefings["corpus-hostile"], locale)
        page = check_structure(doc, render_html.render(doc))
        assert folded(page.all_text("h1")) == folded(doc.title)  # '<script>…' and '[bold]' shown as written
    assert "<script>" in folded(page.all_text()) or locale == "ru"
    hrefs = [a["href"] for a in page.of("a")]
    assert not [h for h in hrefs if not h.startswith(("#", "https://"))]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list("<>&\"'=/;#") + ["&amp;", "&#60;", "<b>", "</p>", "<!--", "]]>"]),
                         st.text(max_size=4)), max_size=12).map("".join))
def test_escaped_text_reads_back_as_itself(raw):
    text = plain(raw)
    in_text = Page(f"<p>{render_html.escape(text)}</p>")
    in_attribute = Page(f'<p class="{render_html.escape(text)}">x</p>')
    assert [t for t, _ in in_text.tags] == [t for t, _ in in_attribute.tags] == ["p"]
    assert in_text.all_text() == text and in_attribute.tags[0][1]["class"] == text


# --- the command ---------------------------------------------------------------------

def test_export_html_to_stdout_and_file(library, tmp_path):
    result = run("export", BUNDLED_IDS[0], "--format", "html", "--lang", "ru", code=NO_TEXTUAL)
    assert result.returncode == 0, result.stderr
    assert result.stdout == render_html.render(build(library.briefings[BUNDLED_IDS[0]], "ru"))
    target = tmp_path / "brief.html"
    assert run("export", BUNDLED_IDS[1], "--format", "html", "--lang", "all", "-o", str(target)).returncode == 0
    analysis = analyse(library.briefings[BUNDLED_IDS[1]])
    expected = render_html.render_all([document.build(analysis, localizer(x)) for x in LOCALES])
    assert target.read_text(encoding="utf-8") == expected
    assert run("export", BUNDLED_IDS[1], "--format", "html", "-o", str(target)).returncode == 2


@given(st.text(alphabet=st.sampled_from("&<>\"'a; #x27amp") | st.characters()))
def test_escape_is_exactly_the_standard_librarys(text):
    import html

    assert render_html.escape(text) == html.escape(text, quote=True)


@pytest.mark.parametrize("value, expected", [
    (dt.datetime(2025, 11, 24, 15, 21, tzinfo=dt.timezone(dt.timedelta(hours=3))), "2025-11-24T15:21+03:00"),
    (dt.datetime(2025, 11, 24, 15, 21, 12), "2025-11-24T15:21:12"),
    (dt.datetime(2025, 11, 24, 15, 21, 0, 5), "2025-11-24T15:21:00"),
    (dt.date(2025, 11, 21), "2025-11-21"),
    (parse_date("2025-11-21"), "2025-11-21"), (parse_date("2025-11"), "2025-11"), (parse_date("2025"), "2025"),
    (FuzzyDate("1", "year", 1), "0001"), (FuzzyDate("9999", "year", 9999), "9999"),
    (FuzzyDate("0", "year", 0), None), (FuzzyDate("10000", "year", 10000), None),
    (parse_date("2026-01/2026-03"), None), (parse_date("2025-11-21/2025-11-23"), None),
    (parse_date("early-2025"), None), (parse_date("2026-Q1"), None), (parse_date("1990s"), None),
])
def test_a_date_is_given_a_machine_value_only_where_html_time_can_state_it(value, expected):
    """<time datetime>: a day, a month, a year (1 to 9999), a date and time to the minute, or to the second
    when it has seconds; never a span, a part of a period, a quarter or a decade."""
    assert document.iso(value) == expected


def test_every_section_is_named_and_the_meta_line_marks_its_dates(library):
    """Each section has its anchor, by its key; the meta line's event date and cutoff are <time> elements."""
    page = render_html.render(build(library.briefings["kz-iaea-far-east-2025"], "en")).replace("\N{NO-BREAK SPACE}", " ")
    for key in ("decision", "background", "comparison", "statistics", "watch", "sources"):
        assert f'<section id="{key}">' in page
    assert ('Event: <time datetime="2025-11-21">21 November 2025</time> · information up to '
            '<time datetime="2025-11-24T15:21:12">') in page


def test_a_moment_copies_and_pickles_with_its_machine_value():
    """A Moment is a str that can be copied and pickled like one, keeping its ISO value."""
    moment = document.Moment("21 November 2025", "2025-11-21")
    for again in (copy.copy(moment), copy.deepcopy(moment), pickle.loads(pickle.dumps(moment))):
        assert (type(again), again, again.iso) == (document.Moment, moment, "2025-11-21")
