"""Wrapping in terminal cells: wide characters count two, marks none, clusters stay whole, time stays linear."""

from __future__ import annotations

import textwrap
import time
import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing.analysis import analyse
from briefing.i18n import localizer
from briefing.model import Briefing
from briefing.text import render
from briefing.wrap import cells, wrap
from tests.conftest import minimal_briefing_data

#: Text whose every character is one cell and one cluster: wrap must equal textwrap on it (the goldens rely on it).
narrow = st.text(st.sampled_from("abc xyz  абвгд ёЖ-.,«»—–“”…•·≈÷\u00a0\u202f\t\n"), max_size=300)


@settings(max_examples=300, deadline=None)
@given(narrow, st.integers(5, 60), st.sampled_from(["", "  ", "! "]), st.sampled_from(["", "    ", " "]))
def test_on_one_cell_text_wrap_makes_exactly_textwraps_lines(text, width, first, later):
    """Widths leave room beside the indents: with none, textwrap itself never returns."""
    expected = textwrap.TextWrapper(width=width, initial_indent=first, subsequent_indent=later,
                                    break_long_words=True, break_on_hyphens=False).wrap(text)
    assert wrap(text, width, first, later) == expected


def starts_inside_a_cluster(line: str) -> bool:
    return bool(line) and unicodedata.category(line[0]) in ("Mn", "Mc", "Me") or line[:1] == "\u200d"


WORDS = {
    "CJK": "国際原子力機関の理事会はカザフスタンを極東地域グループに加えることを決めた",
    "Devanagari conjuncts": "क्षत्रियक्षेत्रज्ञानश्रीमान्द्वित्वस्त्रीक्ष्म" * 2,
    "combining marks": "e\u0301\u0316a\u0300\u0317" * 20,
    "family emoji": "\U0001f468\u200d\U0001f469\u200d\U0001f467" * 20,
    "flags": "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f\U0001f1f0\U0001f1ff" * 10,
    "Hangul": "대한민국의원자력발전소" * 5,
}


@pytest.mark.parametrize("word", WORDS.values(), ids=WORDS.keys())
@pytest.mark.parametrize("width", [30, 31, 40, 41])
def test_long_words_break_between_clusters_within_the_width(word, width):
    lines = wrap("see " + word + " end", width, "", "  ")
    assert "".join(line.removeprefix("  ") for line in lines).replace(" ", "") == ("see" + word + "end")
    clusters = set(regex.findall(r"\X", word))
    for line in lines:
        assert cell_len(line) <= width, line
        assert not starts_inside_a_cluster(line.lstrip())
        pieces = regex.findall(r"\X", line.strip())
        assert all(p in clusters or p.isascii() for p in pieces)  # no cluster cut in two


@pytest.mark.parametrize("width", [30, 40, 41, 80])
def test_cjk_briefing_lines_and_underlines_are_measured_in_cells(width):
    title = "国際原子力機関は理事会でカザフスタンの極東地域グループ加盟を決定した。"
    data = minimal_briefing_data(title={"en": title, "ru": title}, statistics_title={"en": "統計と数字", "ru": "統計と数字"})
    data["decision"]["what"]["text"] = {"en": title * 3, "ru": title * 3}
    data["statistics"] = [{"id": "s", "label": {"en": "原子炉", "ru": "原子炉"}, "value": 5, "unit": "reactor",
                           "as_of": "2025", "sources": ["a"]}]
    text = render(analyse(Briefing.model_validate(data)), localizer("en"), width)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert max(cell_len(line) for line in lines) >= width - 1  # and the width is used, not half of it
    heading = lines.index("統計と数字")
    assert lines[heading + 1] == "─" * 10


def test_cells_counts_wide_as_two_and_marks_as_none():
    assert [cells(t) for t in ("abc", "ёж", "国際", "e\u0301", "क्ष", "\u200d", "가\u1161", "")] == \
           [3, 2, 4, 1, 2, 0, 2, 0]


@pytest.mark.parametrize("unit", ["a", "国", "e\u0301", "क्ष", "ab ", "国 "], ids=["ascii", "cjk", "marks", "conjunct",
                                                                              "ascii words", "cjk words"])
def test_wrap_takes_linear_time_even_on_one_huge_word(unit):
    def per_call(size: int, rounds: int) -> float:
        text = unit * (size // len(unit))
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            wrap(text, 80)
            best = min(best, time.perf_counter() - start)
        return best

    ratios = []
    for _ in range(3):
        ratios.append(per_call(1_000_000, 1) / per_call(100_000, 3))
        if ratios[-1] < 30:
            break
    assert min(ratios) < 30, ratios  # see test_every_guard_takes_linear_time for why 30


@settings(max_examples=500, deadline=None)
@given(st.text(), st.integers(1, 40), st.sampled_from(["", "  ", "!   "]), st.sampled_from(["", "    ", " " * 9]))
def test_wrap_always_ends_and_loses_nothing_but_whitespace(text, width, first, later):
    """Even with an indent wider than the width, or clusters wider than the room."""
    lines = wrap(text, width, first, later)
    content = [line.removeprefix(first if n == 0 else later) for n, line in enumerate(lines)]
    assert "".join("".join(content).split()) == "".join(text.split())


def test_a_cluster_wider_than_the_room_left_by_the_indent_stands_alone():
    assert wrap(" \U000bed7b 国 ", 1, "  ", "    ") == ["  \U000bed7b", "    国"]


@pytest.mark.parametrize("text, width, first, rest", [
    ("a b", 10, None, None),  # no indents given: none
    ("abcdefghij klm", 4, "  ", "  "),
    ("abcdefghij", 3, "    ", "    "),  # an indent as wide as the line: one character a line, as textwrap does
    ("ab cdefghijklmnop qr", 5, "", "      "),
    ("xx yyyyyyyyyyyy", 4, "12345", ""),
])
def test_indents_as_wide_as_the_line_still_move_on_a_character_at_a_time(text, width, first, rest):
    """Where the indent leaves no room, each line takes one character, exactly as textwrap.wrap does."""
    indents = {} if first is None else {"initial_indent": first, "subsequent_indent": rest}
    assert wrap(text, width, *indents.values()) == textwrap.wrap(text, width, break_on_hyphens=False, **indents)


def test_a_run_of_spaces_wider_than_the_line_is_dropped_where_the_line_breaks():
    """Spaces where a line breaks are dropped, however many: they never make a line of their own, as with
    textwrap."""
    text = "abcd" + " " * 6 + "x" * 7
    assert wrap(text, 5) == ["abcd", "xxxxx", "xx"] == textwrap.wrap(text, 5, break_on_hyphens=False)


@pytest.mark.parametrize("text, width, lines", [
    ("\u200babc", 4, ["    \u200b", "    a", "    b", "    c"]),  # no room: a zero-width cluster still fits
    ("\u200b bcd", 5, ["    \u200b", "    b", "    c", "    d"]),  # one cell of room, taken by the space
    ("\u200b bcd", 6, ["    \u200b b", "    cd"]),  # two: a broken word fills what the space leaves
])
def test_a_line_holds_what_fits_beside_its_indent_and_a_cluster_that_fits_nowhere_stands_alone(text, width, lines):
    """At the edge of no room at all (an indent as wide as the line, or nearly): a line takes only the clusters
    that fit in what its indent leaves, a zero-width one even in none; a cluster that fits on no line takes one
    to itself.  (A space where the line breaks may stay at its end, as textwrap leaves it: not compared.)"""
    assert [line.rstrip(" ") for line in wrap(text, width, "    ", "    ")] == lines


@pytest.mark.parametrize("text, width, lines", [
    ("ab cdefg", 5, ["ab", "cdefg"]),  # as wide as the line: moved whole
    ("ab cdefgh", 5, ["ab cd", "efgh"]),  # a cell wider: broken, filling the line it starts on
    ("国 国国国", 6, ["国", "国国国"]),  # measured in cells
    ("国 国国国国", 6, ["国 国", "国国国"]),  # a cell of the line left over stays empty
])
def test_only_a_word_wider_than_the_line_is_broken(text, width, lines):
    """A word exactly as wide as a whole line goes whole onto the next line; one cell wider, it is broken."""
    assert wrap(text, width) == lines
