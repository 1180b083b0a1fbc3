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
from briefing.store import load_library
from briefing.text import render
from tests.conftest import BUNDLED_IDS, GOLDEN


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


def _labelled(label: str, width: int) -> list[str]:
    from briefing.document import Document, Row, Rows, Section
    from briefing.text import render_document

    doc = Document("en", "Title", "Meta", (Section("decision", "Decision", (Rows((Row(label, ("the text",)),)),)),))
    return render_document(doc, width).splitlines()[5:]


def test_a_label_keeps_its_column_only_with_20_cells_left_for_the_text():
    """A labelled row ('Where   at a meeting') keeps its text beside the label while at least 20 cells are left
    for it after the label's column (the label and 3 spaces); with 19, the text goes under the label."""
    label = "L" * 17  # a column of 20 cells
    assert _labelled(label, 40) == [label + "   the text"]
    assert _labelled(label, 39) == [label, "  the text"]


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
