"""Finding a query in the brief's text: folding, matches within each text, and their places."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.find import Texts, fold, needle, spans


@pytest.mark.parametrize("text, folded", [
    ("Гросси", "гросси"),
    ("ЁЛКА ёлка", "елка елка"),
    ("Grossi", "grossi"),
    ("376\u00a0GW", "376 gw"),
    ("3:21\u202fPM", "3:21 pm"),
    ("Straße", "straße"),  # ß folds to "ss", two characters: it keeps its place instead
    ("İstanbul", "İstanbul".lower() if len("İ".lower()) == 1 else "İstanbul"),
])
def test_fold_reads_case_yo_and_no_break_spaces_alike(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_every_character_in_its_place(text):
    assert len(fold(text)) == len(text)


def test_a_query_finds_either_spelling_and_either_case():
    for query in ("гросси", "ГРОССИ", "Гросси"):
        assert spans(needle(query), fold("Рафаэль Мариано Гросси, Гросси")) == [(16, 22), (24, 30)]
    assert spans(needle("ёлка"), fold("Елка и ёлка")) == [(0, 4), (7, 11)]
    assert spans(needle("елка"), fold("ЁЛКА")) == [(0, 4)]
    assert spans(needle("20 GW"), fold("nearly\u00a020\u00a0GW")) == [(7, 12)]


def test_matches_do_not_overlap_and_go_left_to_right():
    assert spans(needle("aa"), fold("aaaaa")) == [(0, 2), (2, 4)]


@pytest.mark.parametrize("query", ["", " ", "   ", "a\x00b"])
def test_nothing_to_look_for(query):
    assert needle(query) == ""
    assert spans(needle(query), "anything") == []
    assert Texts(["anything"]).find(needle(query)) == []


def test_texts_are_searched_as_one_but_a_match_stays_in_its_text():
    texts = Texts(["Rafael Grossi", "", "grossi", "Gros", "si"])
    found = texts.find(needle("grossi"))
    assert [texts.locate(p) for p in found] == [(0, 7), (2, 0)]  # "Gros" + "si" is not a match
    assert texts.first_at(found, 0) == 0
    assert texts.first_at(found, 1) == 1 and texts.first_at(found, 2) == 1
    assert texts.first_at(found, 3) == 2 and texts.first_at(found, len(texts)) == 2


def test_the_last_text_and_an_empty_list():
    texts = Texts(["x", "ab"])
    found = texts.find("b")
    assert texts.locate(found[0]) == (1, 1)
    assert texts.first_at(found, 1) == 0 and texts.first_at(found, 2) == 1
    assert Texts([]).find("a") == [] and len(Texts([])) == 0


def test_search_takes_linear_time():
    """A query that almost matches at every place: ten times the text takes about ten times as long (the
    bound is 30, as for the text guards in test_hostile_text.py: caches alone make the larger text slower),
    best of a few rounds, the comparison tried up to three times on a busy machine."""
    def seconds(size: int) -> float:
        texts = Texts(["a" * 99 + "b"] * size)
        query = needle("a" * 50 + "c")
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            texts.find(query)
            best = min(best, time.perf_counter() - start)
        return best

    ratios = []
    for _ in range(3):
        ratios.append(seconds(10_000) / seconds(1_000))
        if ratios[-1] < 30:
            break
    assert min(ratios) < 30, ratios
