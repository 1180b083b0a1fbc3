"""The printed brief: golden files in both languages, and what a reader relies on."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import resources
from briefing.analysis import analyse
from briefing.cache import BriefingCache
from briefing.i18n import localizer
from briefing.model import Briefing
from briefing.store import load_library
from briefing.text import render
from tests.conftest import BUNDLED_IDS, GOLDEN, minimal_briefing_data


@pytest.fixture(scope="module")
def analysis(first_briefing):
    return analyse(first_briefing)


@pytest.fixture(scope="module")
def printed_library(tmp_path_factory):
    """The bundled briefings as `briefing print` gets them after its first run: validated into a cache by
    one load, then read back from that cache as plain records by the next."""
    folder = tmp_path_factory.mktemp("golden-cache")
    assert not load_library([resources.briefings_dir()], BriefingCache(folder)).errors

    def not_again(path, raw):
        raise AssertionError(f"{path} validated again instead of read from the cache")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("briefing.validate.validate", not_again)
        library = load_library([resources.briefings_dir()], BriefingCache(folder))
    assert not library.errors and sorted(library.briefings) == sorted(BUNDLED_IDS)
    return library


@pytest.mark.parametrize("width", [60, 120])
@pytest.mark.parametrize("locale", ["en_GB", "en_US", "ru"])
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_brief_matches_golden_file(printed_library, golden, brief_id, locale, width):
    """Each bundled briefing, loaded, cached, read back, analysed and rendered as `briefing print` does,
    at a narrow and a wide width; a change must be read and accepted with --update-goldens."""
    golden(f"{brief_id}.{locale}.{width}.txt", render(analyse(printed_library.briefings[brief_id]),
                                                      localizer(locale), width))


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_same_input_same_bytes(analysis, first_briefing, locale):
    loc = localizer(locale)
    assert render(analysis, loc, 80) == render(analyse(first_briefing), loc, 80)


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("width", [30, 50, 80, 132])
def test_lines_fit_the_width_except_addresses(analysis, locale, width):
    for line in render(analysis, localizer(locale), width).splitlines():
        assert len(line) <= width or line.strip().startswith("http"), line


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_plain_text_only(analysis, locale):
    output = render(analysis, localizer(locale), 80)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", output)
    assert "[bold" not in output and "**" not in output


def flat(text: str) -> str:
    """Join wrapped lines and read no-break spaces as spaces: these tests are about words (the golden files pin spacing)."""
    return re.sub(r"[ \n\u00a0]+", " ", text)


SECTIONS = {
    "en": ["KEY DECISION", "BACKGROUND", "SOURCE COMPARISON", "REACTOR STATISTICS", "WHAT TO WATCH", "SOURCES"],
    "ru": ["КЛЮЧЕВОЕ РЕШЕНИЕ", "ПРЕДЫСТОРИЯ", "СРАВНЕНИЕ ИСТОЧНИКОВ", "СТАТИСТИКА", "ЗА ЧЕМ СЛЕДИТЬ", "ИСТОЧНИКИ"],
}


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_every_section_in_order(analysis, locale):
    output = render(analysis, localizer(locale), 80)
    positions = [output.find(heading) for heading in SECTIONS[locale]]
    assert -1 not in positions and positions == sorted(positions)


def test_english_brief_shows_the_facts_of_both_reports(analysis):
    output = flat(render(analysis, localizer("en"), 200))
    for fact in ["21 November 2025", "29 September 2023", "early 1990s", "416 reactors", "31 countries",
                 "more than 376 GW", "nearly 10%", "63 reactors", "nearly 20 GW", "15 countries", "3 countries",
                 "Lada.kz", "Far East Regional Group", "second and a third"]:
        assert fact in output, fact


def test_russian_brief_uses_russian_forms(analysis):
    output = flat(render(analysis, localizer("ru"), 200))
    for fact in ["21 ноября 2025\u202fг.", "начало 1990-х годов", "416 реакторов", "31 страна",
                 "более 376 ГВт", "почти 10 %", "63 реактора", "почти 20 ГВт", "15 стран",
                 "3 страны", "2 источника (1 независимый), 13 пунктов"]:
        assert fact in output, fact
    assert "“" not in output and "Briefing" not in output and "Status" not in output


def test_every_reference_resolves_to_the_numbered_source_list(analysis):
    output = render(analysis, localizer("en"), 80)
    body, sources = output.split("\nSOURCES\n")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = {int(n) for n in re.findall(r"^\[(\d+)\]", sources, re.MULTILINE)}
    assert cited and cited <= listed == set(range(1, len(analysis.brief.sources) + 1))


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("width", [30, 41, 57, 66, 80, 97])
def test_no_line_opens_on_a_dash_or_on_what_a_number_counts(analysis, locale, width):
    lines = render(analysis, localizer(locale), width).splitlines()
    for line, following in zip(lines, lines[1:]):
        assert not following.lstrip().startswith(("— ", "– ")), following
        if re.search(r"\d$", line):  # "376" then "GW", "21" then "ноября", "13" then "points"
            assert not re.match(r"\s*(?:[a-zа-яё%]|GW|MW|ГВт|МВт)(?!ttps?://)", following), (line, following)


#: How each golden brief is asked for: British and American English through LANG, as a reader's system
#: sets it, Russian through --lang.
GOLDEN_READERS = {"en_GB": ({"LANG": "en_GB.UTF-8"}, []), "en_US": ({"LANG": "en_US.UTF-8"}, []),
                  "ru": ({}, ["--lang", "ru"])}


def print_brief(brief_id: str, tmp_path: Path, environ: dict, options: list[str]) -> str:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))},
           "XDG_CACHE_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8", **environ}
    command = [sys.executable, "-m", "briefing", "print", brief_id, *options, "--width", "80"]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout


@pytest.mark.parametrize("locale", GOLDEN_READERS)
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_every_bundled_briefing_prints_as_its_golden_file(golden, brief_id, locale, tmp_path):
    """Through the command itself, twice: the second print reads the validated briefing back from the cache."""
    first, second = (print_brief(brief_id, tmp_path, *GOLDEN_READERS[locale]) for _ in range(2))
    assert first == second
    golden(f"{brief_id}.{locale}.80.txt", first)


def _page(*sections: tuple[str, tuple], width: int = 30, title: str = "Title", meta: str = "Meta") -> str:
    """A Document of (heading, blocks) sections, printed by the plain-text face."""
    from briefing.document import Document, Section
    from briefing.text import render_document

    return render_document(Document("en", title, meta, tuple(Section(heading.lower(), heading, blocks)
                                                            for heading, blocks in sections)), width)


def _blocks(*blocks, width: int = 30) -> list[str]:
    """The lines these blocks print under their section's heading, no-break spaces read as spaces."""
    return _page(("Section", blocks), width=width).replace("\u00a0", " ").splitlines()[5:]


def _labelled(label: str, width: int) -> list[str]:
    from briefing.document import Row, Rows

    return _blocks(Rows((Row(label, ("the text",)),)), width=width)


def test_a_label_keeps_its_column_only_with_20_cells_left_for_the_text():
    """A labelled row ('Where   at a meeting') keeps its text beside the label while at least 20 cells are left
    for it after the label's column (the label and 3 spaces); with 19, the text goes under the label."""
    label = "L" * 17  # a column of 20 cells
    assert _labelled(label, 40) == [label + "   the text"]
    assert _labelled(label, 39) == [label, "  the text"]


def test_labelled_texts_line_up_in_cells_whatever_their_labels_are_written_in():
    """The texts of labelled rows start in one column, 3 cells after the widest label, measured in terminal
    cells: a CJK label takes two cells a character, a letter with a combining accent one."""
    from briefing.document import Row, Rows

    rows = Rows((Row("原子炉", ("wide",)), Row("e\u0301te\u0301", ("accented",)), Row("abc", ("narrow",))))
    assert _blocks(rows) == ["原子炉   wide", "e\u0301te\u0301      accented", "abc      narrow"]
    assert _blocks(Rows(())) == []  # no rows (a dashboard's empty background): nothing printed


def _entries():
    """One block of each kind whose entries hang, with the lines it prints at 30 cells."""
    from briefing.document import (Cite, CoverageEntry, CoverageList, Figure, Figures, FlagEntry, Flags, Point,
                                   SourceEntry, Sources, Statement)

    point = Point(12, "p", "Which way did it go, in the end?", "differ", "Status: sources differ from each other",
                  (Statement(1, "Outlet A", "it went one way, words that run past the line", True),),
                  (("Value 5 given by the first report ", Cite((1,))),),
                  ("Differs from the others, by far: ", Cite((2,))),
                  (("The second gives the year only, not the day",),), "Note: words that run past the line twice over")
    figures = Figures(("Figure", "Value", "As of", "Check"), (Figure(
        "f", "Reactors in operation", "nearly 416 reactors", Cite((1, 2)), "2025",
        ("as of 21 November 2025", "quoted: the agency's own count"),
        (("Reference: 410 reactors — consistent ", Cite((3,))),), False),))
    flags = Flags("Flagged figures", (FlagEntry(
        ("! Capacity: nearly 20 GW ", Cite((2,)), " — inconsistent, unverified"),
        ("Rule: more than 25% away from the reference figures",),
        (("Reference value: 61 GW, as of January 2025 ", Cite((3,))),),
        "The source's figure is shown as given; it has not been corrected."),))
    sources = Sources((SourceEntry(
        10, "Source 10", "Outlet", "wire story", "English", "2 November 2025",
        "Outlet — wire story in English, 2 November 2025", "A headline long enough to take two lines",
        "https://example.org/a/very/long/address/that/stays/whole",
        ("Relays: ", Cite((1, 2)), " and more words to wrap"),
        "Reliability: a note that is long enough to wrap"),))
    coverage = CoverageList("Coverage by source", (CoverageEntry(
        1, ("[1] Lada.kz: 6 of 13 points and more words",), "Only here: a point that only this one has"),))
    return {
        "point": (point, [
            "12. Which way did it go, in",
            "    the end?",
            "    Status: sources differ",
            "    from each other",
            "    [1] Outlet A: it went one",
            "        way, words that run",
            "        past the line",
            "    ! Value 5 given by the",
            "      first report [1]",
            "    ! Differs from the others,",
            "      by far: [2]",
            "    The second gives the year",
            "    only, not the day",
            "    Note: words that run past",
            "    the line twice over"]),
        "figure": (figures, [
            "Reactors in operation: nearly",
            "  416 reactors [1][2]",
            "  as of 21 November 2025 ·",
            "  quoted: the agency's own",
            "  count",
            "  Reference: 410 reactors —",
            "    consistent [3]"]),
        "flag": (flags, [
            "Flagged figures",
            "! Capacity: nearly 20 GW [2] —",
            "  inconsistent, unverified",
            "  Rule: more than 25% away",
            "    from the reference figures",
            "  Reference value: 61 GW, as",
            "    of January 2025 [3]",
            "  The source's figure is shown",
            "    as given; it has not been",
            "    corrected."]),
        "source": (sources, [
            "[10] Outlet — wire story in",
            "     English, 2 November 2025",
            "     A headline long enough to",
            "     take two lines",
            "     https://example.org/a/very/long/address/that/stays/whole",
            "     Relays: [1][2] and more",
            "     words to wrap",
            "     Reliability: a note that",
            "     is long enough to wrap"]),
        "coverage": (coverage, [
            "Coverage by source",
            "• [1] Lada.kz: 6 of 13 points",
            "  and more words",
            "  Only here: a point that only",
            "    this one has"]),
    }


@pytest.mark.parametrize("kind", ["point", "figure", "flag", "source", "coverage"])
def test_a_wrapped_entry_goes_on_under_its_own_text_not_under_its_mark(kind):
    """Each entry's second line starts under its first word, not under the mark before it ('12. ', '[10] ',
    '! ', '• '): a comparison point's status, statements, warnings and notes under its question, a
    statement's lines under the outlet; a figure's details, a flag's rules, references and caveat, a source's
    headline, relays and reliability hang under their own entry, and lines that belong to a line above (a
    check, a rule, a reference, a caveat, 'Only here') two cells further in.  An address is never broken."""
    block, lines = _entries()[kind]
    assert _blocks(block) == lines


def test_one_blank_line_parts_what_is_printed_even_where_a_block_prints_nothing():
    """A blank line between blocks and before each heading, never two in a row, none at the top or the end of
    the page: a block with nothing to print (a text of no words, no rows) leaves no trace."""
    from briefing.document import Paragraph, Rows

    nothing = (Rows(()), Paragraph(("",)), Paragraph(("   ",)))
    printed = _page(("First", (Paragraph(("Text",)), *nothing, Paragraph(("More",)))), ("Second", nothing),
                    ("Last", (Paragraph(("Last words",)), *nothing)))
    assert printed == "Title\nMeta\n\nFIRST\n─────\nText\n\nMore\n\nSECOND\n──────\n\nLAST\n────\nLast words\n"
    assert _page(("First", (Paragraph(("Text",)),)), title="", meta="") == "FIRST\n─────\nText\n"


def test_a_line_break_in_a_briefings_text_prints_as_a_space():
    """A briefing's text keeps its line breaks through sanitizing; in print the paragraph is wrapped as one, so
    a short text with a break stays on its row, in its column, and no raw line end reaches the page."""
    data = minimal_briefing_data()
    data["decision"]["what"]["text"] = {"en": "First line.\nSecond line.", "ru": "Первая.\r\nВторая."}
    brief = analyse(Briefing.model_validate(data))
    assert "What    First line. Second line.\u00a0[1]\n" in render(brief, localizer("en"), 80)
    assert "Что     Первая. Вторая.\u00a0[1]\n" in render(brief, localizer("ru"), 80)


@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_plain_english_prints_the_british_brief_like_the_prose(brief_id, tmp_path):
    """`--lang en` with no territory anywhere: British dates and a 24-hour clock, as the briefings' English is."""
    assert print_brief(brief_id, tmp_path, {}, ["--lang", "en"]) == (GOLDEN / f"{brief_id}.en_GB.80.txt").read_text(
        encoding="utf-8")


#: What qualifies the number after it, as the figures and the briefings write it.
QUALIFYING = ("nearly", "almost", "about", "around", "over", "more than", "less than", "fewer than", "at least",
              "at most", "up to", "close to", "почти", "около", "более", "менее", "свыше", "примерно")
MARKS = re.compile(r"(\s*)((?:\[\d+\])+)[.,;:)]*")


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_no_citation_mark_stands_alone_and_no_qualifier_ends_a_line_before_its_number(brief_id, locale):
    """At every width from the narrowest up: "[1][2]" stays with the word before it, and "nearly" ("more
    than", «почти») on the line of the number it qualifies.  Only a tied run longer than its line (a mark and
    its word in a column 20 cells wide) is broken, where it is tied."""
    from briefing.resources import briefings_dir
    from briefing.store import load_library
    from briefing.wrap import cells

    analysis = analyse(load_library([briefings_dir()]).briefings[brief_id])
    loc = localizer(locale)
    marks = qualified = 0
    for width in range(30, 101):
        lines = render(analysis, loc, width).splitlines()
        for line, following in zip(lines, lines[1:]):
            alone = MARKS.fullmatch(following)
            if alone:
                room = width - len(alone[1])
                tied = line.rsplit(" ", 1)[-1]  # the word before the marks, with what is tied to it
                assert cells(tied) + 1 + cells(alone[2]) > room, (width, line, following)
            if re.match(r"\s*\u00a0?[\d−]", following) and line.lower().endswith(QUALIFYING):
                run = line.rsplit(" ", 1)[-1] + " " + following.lstrip(" \u00a0").split(" ", 1)[0]  # all tied
                assert cells(run) > width - (len(following) - len(following.lstrip(" "))), (width, line, following)
        text = "\n".join(lines)
        marks += len(re.findall(r"\S\u00a0\[\d+\]", text))
        qualified += len(re.findall(f"(?:{'|'.join(q.split()[-1] for q in QUALIFYING)})\u00a0[\\d−$]", text))
    assert marks and qualified  # the briefings hold both, at every width


@pytest.mark.parametrize("text, tied", [
    ("put at nearly 20 GW", "put at nearly\u00a020\u00a0GW"),
    ("more than 376 GW", "more\u00a0than\u00a0376\u00a0GW"),
    ("не более 5", "не\u00a0более\u00a05"),
    ("Somewhere 5 and almost nothing", "Somewhere 5\u00a0and almost nothing"),  # a word ending in "some": not
])
def test_a_qualifier_is_tied_to_its_number(text, tied):
    from briefing.typography import tie

    assert tie(text) == tied


def test_a_message_ties_its_qualifier_to_the_number_placeholder_and_a_figure_its_whole_qualifier():
    from briefing.typography import tie_citations, tie_lead, tie_template

    assert tie_template("differs by more than %(percent)s") == "differs by more\u00a0than\u00a0%(percent)s"
    assert tie_template("more than ever") == "more than ever"
    assert tie_lead("kaum mehr als %(value)s") == "kaum\u00a0mehr\u00a0als\u00a0%(value)s"  # any translation's words
    assert tie_lead("%(value)s (no bound can be given)") == "%(value)s (no bound can be given)"
    assert tie_citations("the venue. [1][2] and [x]") == "the venue.\u00a0[1][2] and [x]"
