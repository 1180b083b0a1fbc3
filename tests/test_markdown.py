"""The Markdown export, read back by a maintained CommonMark parser (markdown-it-py) and held against the Document."""

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin

from briefing import document, render_markdown
from briefing.analysis import analyse
from briefing.i18n import localizer
from briefing.sanitize import plain
from briefing.store import load_library, search_folders
from tests.conftest import BUNDLED_IDS, NO_TEXTUAL, REPO, build, point, position, source, text

HOSTILE_FILE = Path(__file__).parent / "corpus" / "accepted" / "hostile-text.toml"
LOCALES = ["en", "ru"]


def parser() -> MarkdownIt:
    """CommonMark with GFM tables, and the heading anchors GitHub would give (markdown-it-py's own slugs)."""
    md = MarkdownIt("commonmark").enable("table")
    anchors_plugin(md, min_level=1, max_level=3)
    return md


@pytest.fixture(scope="module")
def library():
    return load_library(search_folders([]))


@pytest.fixture(scope="module")
def hostile():
    loaded = load_library([HOSTILE_FILE])
    assert not loaded.errors
    return loaded.briefings["corpus-hostile"]


def every_token(tokens):
    for token in tokens:
        yield token
        yield from every_token(token.children or [])


def text_of(inline) -> str:
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


def folded(text: str) -> str:
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()


def cited_numbers(node) -> list[int]:
    """Every citation in a document, in order: its Cites, and each statement's own source."""
    if isinstance(node, document.Cite):
        return list(node.numbers)
    numbers = [node.source] if isinstance(node, document.Statement) else []
    if isinstance(node, tuple):
        for item in node:
            numbers += cited_numbers(item)
    return numbers


def expected_subheadings(doc) -> list[str]:
    titles = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, document.Items) and block.title is not None:
                titles.append(block.title)
            elif isinstance(block, document.Point):
                titles.append(f"{block.number}. {block.question}")
            elif isinstance(block, (document.CoverageList, document.DerivedFigures, document.Flags)):
                titles.append(block.title)
            elif isinstance(block, document.Sources):
                titles += [entry.label for entry in block.entries]
    return titles


def check_structure(doc) -> None:
    md = parser()
    tokens = md.parse(render_markdown.render(doc))
    everything = list(every_token(tokens))
    assert not [t for t in everything if t.type in ("html_inline", "html_block", "image")]

    headings = {}
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "heading_open":
            headings.setdefault(opening.tag, []).append((text_of(inline), opening.attrs["id"]))
    assert [text for text, _ in headings["h1"]] == [folded(doc.title)]
    assert [text for text, _ in headings["h2"]] == [folded(s.heading) for s in doc.sections]
    assert [text for text, _ in headings["h3"]] == [folded(t) for t in expected_subheadings(doc)]
    ids = {anchor for level in headings.values() for _, anchor in level}

    entries = next(b for s in doc.sections for b in s.blocks if isinstance(b, document.Sources)).entries
    source_ids = {entry.number: dict(headings["h3"])[folded(entry.label)] for entry in entries}
    assert sorted(source_ids) == list(range(1, len(doc_sources(doc)) + 1))  # every source's number has its anchor
    addresses = {md.normalizeLink(entry.url) for entry in entries}

    cited = []
    for token, following in zip(everything, everything[1:]):
        if token.type != "link_open":
            continue
        href = token.attrs["href"]
        if href.startswith("#"):
            number = int(re.fullmatch(r"\[(\d+)\]", following.content)[1])
            assert unquote(href[1:]) == source_ids[number] and unquote(href[1:]) in ids
            cited.append(number)
        else:  # a source's own address, shown as an autolink
            assert href in addresses, href
    assert cited == cited_numbers(doc)

    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, document.Figures) and block.figures:
                rows = [t for t in everything if t.type == "tr_open"]
                headers = [text_of(i) for t, i in zip(everything, everything[1:]) if t.type == "th_open"]
                assert headers == [folded(h) for h in block.headers]
                assert len(rows) == len(block.figures) + 1


def doc_sources(doc):
    return next(b for s in doc.sections for b in s.blocks if isinstance(b, document.Sources)).entries


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_export_of_every_bundled_briefing_parses_as_its_document(library, brief_id, locale):
    check_structure(document.build(analyse(library.briefings[brief_id]), localizer(locale)))


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_from_the_hostile_corpus_turns_into_markup(hostile, locale):
    doc = document.build(analyse(hostile), localizer(locale))
    check_structure(doc)
    tokens = parser().parse(render_markdown.render(doc))
    assert text_of(tokens[1]) == folded(doc.title)  # '[bold]bold[/bold]' and the like, shown as written
    for token in every_token(tokens):
        assert token.type not in ("fence", "code_block", "blockquote_open", "s_open", "hr")


def test_both_languages_one_after_the_other(library):
    analysis = analyse(library.briefings[BUNDLED_IDS[0]])
    docs = [document.build(analysis, localizer(locale)) for locale in LOCALES]
    tokens = parser().parse(render_markdown.render_all(docs))
    titles = [text_of(i) for t, i in zip(tokens, tokens[1:]) if t.type == "heading_open" and t.tag == "h1"]
    assert titles == [folded(d.title) for d in docs]
    assert [t.type for t in tokens].count("hr") == 1


MARKUP = list("\\`*_[]()<>&#!|~-+=.:;\"'{}/ \n\t") + ["1.", "2)", "www.", "https://e.x", "&amp;", "&#60;", "    ",
                                                    "<b>", "<!-- x -->", "![a](b)", "[a]: /u", "---", "===", "> "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=6)), max_size=12).map("".join))
def test_escaped_text_reads_back_as_exactly_its_characters(raw):
    text = plain(raw)
    expected = folded(text).strip()
    if not expected:
        return
    md = MarkdownIt("commonmark").enable("table")
    for wrapper, opening in (("{}", "paragraph_open"), ("- {}", "bullet_list_open"), ("## {}", "heading_open")):
        tokens = md.parse(wrapper.format(render_markdown.escape(text)))
        assert [t.type for t in tokens if t.type.endswith("_open")][0] == opening
        inline = [t for t in tokens if t.type == "inline"]
        assert len(inline) == 1 and {c.type for c in inline[0].children} <= {"text"}, (raw, tokens)
        assert text_of(inline[0]).strip() == expected


# --- the command ---------------------------------------------------------------------

def run(*args: str, code: str | None = None):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "briefing", *args]
    return subprocess.run(command, capture_output=True, text=True, env=environ, cwd=REPO, timeout=60)


def test_export_writes_the_document_to_stdout_without_textual(library):
    result = run("export", BUNDLED_IDS[0], "--format", "markdown", code=NO_TEXTUAL)
    assert result.returncode == 0, result.stderr
    doc = document.build(analyse(library.briefings[BUNDLED_IDS[0]]), localizer("en"))
    assert result.stdout == render_markdown.render(doc)
    assert run("export", BUNDLED_IDS[0], "-o", "-").stdout == result.stdout


def test_export_all_languages(library):
    result = run("export", BUNDLED_IDS[1], "--lang", "all")
    assert result.returncode == 0 and result.stderr == ""
    analysis = analyse(library.briefings[BUNDLED_IDS[1]])
    assert result.stdout == render_markdown.render_all([document.build(analysis, localizer(x)) for x in LOCALES])


def test_export_to_a_file_never_overwrites_without_force(tmp_path):
    target = tmp_path / "brief.md"
    assert run("export", BUNDLED_IDS[0], "-o", str(target)).returncode == 0
    english = target.read_text(encoding="utf-8")
    assert english.startswith("# ")

    refused = run("export", BUNDLED_IDS[0], "--lang", "ru", "-o", str(target))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "уже существует" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == english

    forced = run("export", BUNDLED_IDS[0], "--lang", "ru", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Казахстан")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]  # no temporary file left


def test_export_to_a_missing_folder_fails_in_one_line(tmp_path):
    result = run("export", BUNDLED_IDS[0], "-o", str(tmp_path / "missing" / "brief.md"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_lang_all_is_for_export_only():
    result = run("list", "--lang", "all")
    assert result.returncode == 0 and "“all” is not available" in result.stderr


def test_a_source_entry_its_headline_the_figure_table_and_a_silent_source_read_as_marked():
    """A source's entry is headed 'Source N' with its headline in italics under it; the figure table has
    its four column headings in each language; a source that does not mention a point is set apart in
    italics, one that does is not."""
    with_headline = {**source("a"), "headline": text("Board decides", "Совет решил")}
    brief = build(sources=[with_headline, source("b")], comparison=[point("p", position("a"))],
                  statistics=[{"id": "n", "label": text("N"), "value": 4, "unit": "country", "qualifier": "exact",
                               "as_of": dt.date(2025, 1, 1), "measure": "n", "sources": ["a"]}])
    pages = {locale: render_markdown.render(document.build(analyse(brief), localizer(locale))) for locale in LOCALES}
    assert "### Source 1\n\n**Outlet A — news report in English, 2 January 2025**\n\n*Board decides*\n" in (
        pages["en"].replace("\N{NO-BREAK SPACE}", " "))
    assert "### Источник 1\n" in pages["ru"] and "*Совет решил*" in pages["ru"]
    assert "| Figure | Value | As of | Check |" in pages["en"]
    assert "| Показатель | Значение | Дата | Проверка |" in pages["ru"]
    assert "**Outlet A:** says so\n" in pages["en"] and "**Outlet B:** *does not mention it*\n" in pages["en"]
