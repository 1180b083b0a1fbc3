"""The printed brief: golden files in both languages, and what a reader relies on."""

import os
import re
import subprocess
import sys

import pytest

from briefing import resources
from briefing.analysis import analyse
from briefing.cache import BriefingCache
from briefing.i18n import localizer
from briefing.store import load_library
from briefing.text import render
from tests.conftest import BUNDLED_IDS


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
@pytest.mark.parametrize("locale", ["en", "ru"])
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
    for fact in ["November 21, 2025", "September 29, 2023", "early 1990s", "416 reactors", "31 countries",
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


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_every_bundled_briefing_prints_as_its_golden_file(golden, brief_id, locale, tmp_path):
    """Through the command itself, twice: the second print reads the validated briefing back from the cache."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))},
           "XDG_CACHE_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "briefing", "print", brief_id, "--lang", locale, "--width", "80"]
    first, second = (subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
                     for _ in range(2))
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
