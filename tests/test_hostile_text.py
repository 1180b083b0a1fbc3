"""Hostile text: whatever a briefing, a file name or an argument holds, nothing printed can drive the terminal.

Briefing text may hold ANSI CSI and OSC sequences, C0 and C1 controls, bidi
overrides, zero-width characters, Rich or Textual markup and words longer than
the screen.  The printed brief lets no control character through, shows markup
as the characters it is, and wraps long words; error lines show escape codes
from file names and keys as visible escapes such as \\x1b.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex
from rich.cells import cell_len
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.analysis import analyse
from briefing.i18n import localizer
from briefing.model import Briefing
from briefing.sanitize import escaped, is_safe_line, one_line, output, plain
from briefing.store import LoadError, load_file
from briefing.text import render
from tests.conftest import REPO, minimal_briefing_data, source

HOSTILE_FILE = Path(__file__).parent / "corpus" / "accepted" / "hostile-text.toml"
#: What a terminal may act on rather than show: controls, format characters (bidi,
#: zero-width, BOM, tags), surrogates, line and paragraph separators.  Judged by
#: Unicode category, independently of the sanitizer's own list.
UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
FRAGMENTS = [
    "\x1b[31m", "\x1b[2J", "\x1b]8;;https://evil.example\x07", "\x1b]0;title\x1b\\", "\x1b]52;c;ZXZpbA==\x07",
    "\x9b2J", "\x90q\x9c", "\x1b", "\x1bP", "\x9d", "[bold]", "[/]", "[@click=app.quit]",
    "[link=https://evil.example]x[/link]", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u00ad", "\r", "\x00",
    "\x07", "\x08", "\x7f", "\x85", "\u2028", "\u2029", "\t", "\n", "\U000e0041", "e\u0301", " ", "a" * 300,
    "ё" * 120, "https://" + "x" * 200,
]
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=6).map("".join)
#: Also lone surrogates, as a file name that is not UTF-8 decodes to (os.fsdecode).
anything = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_categories=()), max_size=20)),
                    max_size=6).map("".join)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


#: Format characters that belong to grapheme clusters and are kept: the zero-width non-joiner and joiner.
JOINERS = {"\u200c", "\u200d"}
#: An emoji tag sequence (UTS #51): an emoji, tag characters, the cancel tag; its tags are kept too.
EMOJI_TAG_SEQUENCE = regex.compile("(?<=\\p{Emoji}(?:\\p{Emoji_Modifier}|\ufe0f)?)[\U000e0020-\U000e007e]++\U000e007f")


#: Format controls added in Unicode 15 (Egyptian hieroglyph controls U+13439–U+1343F), which this Python's
#: Unicode 14 data still calls unassigned: the guard removes them all the same.
NEWER_FORMAT_CONTROLS = frozenset(map(chr, range(0x13439, 0x13440)))


def unsafe_characters(text: str, newlines: bool = True, clusters: bool = True) -> list[str]:
    """Characters a terminal may act on; with `clusters`, less the joiners and emoji tag sequences kept on purpose."""
    if clusters:
        text = EMOJI_TAG_SEQUENCE.sub("", text)
    return [c for c in text if (unicodedata.category(c) in UNSAFE_CATEGORIES or c in NEWER_FORMAT_CONTROLS)
            and not (newlines and c == "\n") and not (clusters and c in JOINERS)]


def run(*args: str, env: dict | None = None):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, env=environ, cwd=REPO,
                          timeout=60)


# --- the sanitizer -------------------------------------------------------------

@FAST
@given(st.text())
def test_plain_leaves_no_unsafe_character(text):
    assert unsafe_characters(plain(text)) == []


@FAST
@given(st.text())
def test_one_line_is_one_safe_line(text):
    line = one_line(text)
    assert unsafe_characters(line, newlines=False) == [] and "\n" not in line
    assert line == line.strip()


@FAST
@given(anything)
def test_escaped_is_one_safe_line_and_stable(text):
    line = escaped(text)
    assert unsafe_characters(line, newlines=False) == [] and "\n" not in line
    assert escaped(line) == line


@FAST
@given(st.text().filter(lambda t: not unsafe_characters(t, newlines=False, clusters=False) and "\n" not in t))
def test_escaped_leaves_safe_text_alone(text):
    assert escaped(text) == text


@FAST
@given(st.text())
def test_output_keeps_newlines_and_nothing_unsafe(text):
    line_ends = text.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    assert unsafe_characters(output(text)) == [] and output(text).count("\n") == line_ends


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[2J\x1b[31mRed alert\x1b[0m", "Red alert"),
    ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ text", "link text"),
    ("\x1b]0;pwned\x07Title", "Title"),
    ("\x9b31mC1 CSI", "C1 CSI"),
    ("in\u200bvis\u2060ible \u202eevil\u202c \u2066iso\u2069 \u202aemb\u202c", "invisible evil iso emb"),
    ("a\x1b(Bb\x1b)0c\x1b#8d", "abcd"),  # two-byte escapes go whole, not leaving "(B"
    ("one\rtwo", "one\ntwo"),  # a lone carriage return never joins two words
    ("\x9d" * 3 + "osc\x07after", "after"),
    ("\x1b]0;never ended", "0;never ended"),
    ("[bold]markup[/bold] [@click=app.quit]quit[/]", "[bold]markup[/bold] [@click=app.quit]quit[/]"),
    ("tab\tand\r\nline", "tab and\nline"),
])
def test_plain_removes_sequences_and_keeps_markup_as_text(text, shown):
    assert plain(text) == shown


def test_plain_text_is_nfc_normalized():
    """Text is shown in its composed form (NFC): 'e' and a combining acute are one 'é', as a search or a
    width count expects; Russian 'й' typed as 'и' and a breve is one letter."""
    assert plain("cafe\u0301") == "caf\u00e9" and one_line("\u0438\u0306") == "\u0439"
    assert plain("caf\u00e9") == "caf\u00e9"


def test_a_lone_carriage_return_ends_a_line_and_never_joins_words():
    """An old Mac line end (CR alone) is a line end, in briefing text and on its way to stdout."""
    assert plain("one\rtwo") == "one\ntwo" and output("one\rtwo") == "one\ntwo"
    assert one_line("one\rtwo") == "one two"


@pytest.mark.parametrize("char, shown", [("\udc7f", "\\udc7f"), ("\udc80", "\\x80"), ("\udce9", "\\xe9"),
                                         ("\udcff", "\\xff"), ("\udd00", "\\udd00")])
def test_a_byte_that_was_not_utf8_is_shown_as_that_byte(char, shown):
    """os.fsdecode turns a byte 0x80–0xFF that is not UTF-8 into U+DC80–U+DCFF: shown as that byte (\\x80),
    any other lone surrogate as its code point."""
    assert escaped(f"a{char}.toml") == f"a{shown}.toml"


@pytest.mark.parametrize("char, shown", [("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"), ("\x1b", "\\x1b"),
                                         ("\x9b", "\\x9b"), ("\xad", "\\xad"), ("\u200b", "\\u200b"),
                                         ("\ufeff", "\\ufeff"), ("\U000e0041", "\\U000e0041")])
def test_each_unsafe_character_has_its_visible_escape(char, shown):
    """Newline, tab and carriage return by name; a byte by \\xHH up to U+00FF; then \\uHHHH; then \\UHHHHHHHH."""
    assert escaped(f"a{char}b") == f"a{shown}b"


def test_a_safe_line_is_one_line_with_nothing_a_terminal_acts_on():
    assert is_safe_line("Kazakhstan — МАГАТЭ 🏴") and not is_safe_line("a\nb") and not is_safe_line("a\x1bb")
    assert not is_safe_line("a\u202eb")


def test_a_run_of_combining_marks_loses_none_of_them_when_it_is_split():
    """31 marks on a letter: a combining grapheme joiner after the 30th, every mark kept."""
    shown = plain("a" + "\u0301" * 31)
    assert shown == "\u00e1" + "\u0301" * 29 + "\u034f" + "\u0301"


def test_escaped_names_a_file_without_obeying_it():
    assert escaped("red\x1b[31m\n.toml") == "red\\x1b[31m\\n.toml"
    assert escaped("caf\udce9.toml") == "caf\\xe9.toml"  # a name that is not UTF-8, as os.fsdecode gives it
    assert escaped("\u202eevil.toml") == "\\u202eevil.toml"


# --- the printed brief ---------------------------------------------------------

def _localized(text: str) -> dict[str, str]:
    return {"en": text + " x", "ru": text + " я"}


@st.composite
def hostile_briefings(draw) -> Briefing:
    """A briefing with hostile text in every text field, source name, address and compared value."""
    def t() -> dict[str, str]:
        return _localized(draw(hostile))

    statement = lambda: {"text": t(), "sources": ["a"]}  # noqa: E731
    official = source("b", kind="official-statement")
    official.update(outlet=t(), reliability=t(), headline=t(),
                    url="https://" + "".join(c for c in draw(hostile) if not c.isspace()) + "x")
    data = minimal_briefing_data(
        title=t(), statistics_title=t(),
        sources=[source("a"), official, source("r", kind="reference-dataset")],
        background=[{"date": "early-1990s", "text": t(), "sources": ["a"]}],
        comparison=[{"id": "p", "question": t(), "note": t(), "positions": [
            {"source": "a", "says": t(), "value": draw(hostile)},
            {"source": "b", "says": t(), "value": draw(hostile) + "y"}]}],
        statistics=[
            {"id": "s", "label": t(), "value": 5, "unit": "reactor", "as_of": "2025", "quoted": t(), "measure": "m",
             "sources": ["a"]},
            {"id": "r", "label": t(), "value": 50, "unit": "reactor", "as_of": "2025", "measure": "m",
             "sources": ["r"]}],
        derived=[{"id": "d", "label": t(), "numerator": "s", "denominator": "r", "kind": "share"}],
        watch=[{"text": t(), "sources": ["a", "b"]}],
    )
    decision = data["decision"]
    decision.update(what=statement(), who=statement(), where=statement(), why=[statement()])
    decision["confidence"]["reason"] = t()
    return Briefing.model_validate(data)


@FAST
@given(hostile_briefings(), st.integers(20, 140), st.sampled_from(["en", "ru"]))
def test_printed_brief_lets_no_control_character_through_and_wraps(brief, width, locale):
    text = render(analyse(brief), localizer(locale), width)
    assert unsafe_characters(text) == []
    for line in text.splitlines():
        if line.lstrip().startswith("https://"):
            continue  # a source's address is kept whole so that it can be copied
        assert cell_len(line) <= max(width, 30), line


def test_the_hostile_corpus_file_prints_inert_through_the_command():
    result = run("--data", str(HOSTILE_FILE), "print", "corpus-hostile", "--width", "40")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert unsafe_characters(text) == []
    assert b"\x1b" not in result.stdout and b"\xc2\x9b" not in result.stdout  # ESC, and the one-byte C1 CSI
    assert "Red alert [bold]bold[/bold]" in text  # the escape sequences are gone; markup stays as plain text
    assert "[@click=app.quit]Quit?" in text and "[2J" not in text and "[31m" not in text
    assert all(len(line) <= 40 for line in text.splitlines() if not line.lstrip().startswith("https://"))
    assert "Pneumonoultramicroscopicsilicovolcanoc" in text  # the long word is broken, not cut


@pytest.mark.parametrize("command", ["list", "check"])
def test_list_and_check_output_is_inert(command):
    args = ["--data", str(HOSTILE_FILE), "list"] if command == "list" else ["check", str(HOSTILE_FILE)]
    result = run(*args, "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert unsafe_characters(result.stdout.decode("utf-8")) == []
    assert unsafe_characters(result.stderr.decode("utf-8")) == []


# --- messages about files and arguments ----------------------------------------

@FAST
@given(anything, st.sampled_from(["en", "ru"]))
def test_every_load_error_is_one_safe_line(name, locale):
    error = LoadError(Path(name), "invalid TOML: {reason}", {"reason": name}, name)
    line = error.describe(localizer(locale))
    assert "\n" not in line and unsafe_characters(line, newlines=False) == []


@FAST
@given(st.text(min_size=1, max_size=30), st.sampled_from(["en", "ru"]))
def test_a_hostile_key_is_reported_escaped(tmp_path_factory, key, locale):
    path = tmp_path_factory.getbasetemp() / "hostile-key.toml"
    quoted = key.replace("\\", "\\\\").replace('"', '\\"')
    quoted = "".join(c if c.isprintable() else f"\\U{ord(c):08x}" for c in quoted)
    path.write_text(f'id = "x"\ntitle = {{ "{quoted}" = "x" }}\n', encoding="utf-8")
    line = load_file(path).describe(localizer(locale))
    assert "\n" not in line and unsafe_characters(line, newlines=False) == []


def test_a_file_name_with_escape_codes_is_shown_escaped(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "\x1b[31mred\n.toml").write_text("title =\n", encoding="utf-8")
    (folder / "\u202eevil.toml").write_text("title =\n", encoding="utf-8")
    result = run("--data", str(folder), "list")
    assert result.returncode == 2
    lines = result.stderr.decode("utf-8").splitlines()
    assert lines == [f"{folder}/\\x1b[31mred\\n.toml:1:8: invalid TOML: Invalid value",
                     f"{folder}/\\u202eevil.toml:1:8: invalid TOML: Invalid value"]
    assert b"\x1b" not in result.stderr and "\u202e".encode() not in result.stderr


def test_check_names_a_good_file_with_escape_codes_escaped(tmp_path):
    good = tmp_path / "\x1b]0;pwned\x07.toml"
    good.write_bytes((REPO / "tests/corpus/base.toml").read_bytes())
    result = run("check", str(good))
    assert result.returncode == 0
    assert result.stdout.decode() == f"ok: {tmp_path}/\\x1b]0;pwned\\x07.toml (corpus-base)\n"


@pytest.mark.parametrize(("args", "shown"), [
    (["print", "\x1b[31mred"], "no briefing with the id “\\x1b[31mred”"),
    (["list", "\x1b[2J"], "unrecognized arguments: \\x1b[2J"),
    (["--data", "\x1b[31mnowhere", "list"], "\\x1b[31mnowhere: no such file or folder"),
    (["--lang", "\x1b[31m", "list"], "the language or region “\\x1b[31m” is not available"),
    (["\u202eprint"], "invalid choice: “\\u202eprint”"),
])
def test_arguments_with_escape_codes_are_shown_escaped(args, shown):
    result = run(*args)
    stderr = result.stderr.decode("utf-8")
    assert shown in stderr and "Traceback" not in stderr
    assert unsafe_characters(stderr) == []


# --- grapheme clusters are kept whole; the guard stays linear ------------------------------------------------------

ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize("text", [
    "می\u200cخواهم",  # Persian: the non-joiner keeps the prefix unjoined
    "क्\u200dष",  # Devanagari: the joiner asks for a half form
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a family: one emoji made of three
    "\u263a\ufe0f \u845b\U000e0100",  # emoji presentation selector; an ideographic variation selector
    ENGLAND, "\U0001f44b\U0001f3fd\U000e0067\U000e007f",  # tag sequences, also after a skin tone
])
def test_characters_of_a_grapheme_cluster_are_kept(text):
    assert plain(text) == one_line(text) == output(text) == text


@pytest.mark.parametrize(("text", "shown"), [
    ("a\U000e0041b", "ab"),  # a lone tag
    ("a\U000e0067\U000e0062\U000e007fb", "ab"),  # tags after a letter, not an emoji
    ("\U0001f3f4\U000e0067\U000e0062", "\U0001f3f4"),  # no cancel tag: not a sequence
    ("\U0001f3f4\U000e007f", "\U0001f3f4"),  # a cancel tag alone
    (ENGLAND + "\U000e0041", ENGLAND),  # a tag after a complete sequence
    ("\u202e" + ENGLAND + "\u2066", ENGLAND),
])
def test_tags_outside_an_emoji_tag_sequence_and_bidi_controls_are_removed(text, shown):
    assert plain(text) == output(text) == shown


def test_the_non_starter_list_matches_the_unicode_database():
    """_NON_STARTERS is generated; it must hold every character whose decomposition starts with a non-starter."""
    from briefing.sanitize import _NON_STARTERS

    expected = {c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
                and unicodedata.combining(unicodedata.normalize("NFD", chr(c))[0])}
    found = {c for c in expected | set(range(0x300)) if regex.fullmatch(f"[{_NON_STARTERS}]", chr(c))}
    assert found == expected


def test_long_runs_of_combining_marks_are_normalized_in_stream_safe_form():
    marks = "\u0316\u0301" * 40  # 80 non-starters of two classes: NFC sorts them
    shown = plain("e" + marks)
    assert shown.count("\u034f") == 2 and all(len(run) <= 31 for run in shown.split("\u034f"))
    assert plain("e\u0301") == "\u00e9" and plain("e" + "\u0301" * 30) == "\u00e9" + "\u0301" * 29


UNITS = {
    "C0": "\x01\x02\x1f", "C1 CSI": "\x9b", "C1 OSC": "\x9d", "C1 DCS": "\x90", "C1 mixed": "\x9b\x9d\x90x",
    "ESC sequences": "\x1b[31m\x1b(B", "unterminated OSC": "\x1b]52;c;", "long OSC body": "\x1b]" + "x" * 99,
    "bidi": "\u202e\u2066", "combining marks": "\u0316\u0301", "letters with marks": "e\u0301",
    "CJK": "漢字", "ASCII": "plain words ", "tags": "\U000e0041", "emoji tag sequences": ENGLAND,
    "carriage returns": "a\r",
}


@pytest.mark.parametrize("unit", UNITS.values(), ids=UNITS.keys())
@pytest.mark.parametrize("guard", [plain, one_line, escaped, output, is_safe_line], ids=lambda f: f.__name__)
def test_every_guard_takes_linear_time(guard, unit):
    """Ten times the text takes about ten times as long (a quadratic guard: a hundred times).

    The bound is 30, not 10: 100 kB of text fits the processor's caches and
    1 MB does not, which alone makes a linear scan of the larger text measure
    up to 25 times slower here.  Each size is timed over enough calls to last some 10 ms, best of several
    rounds, and the whole comparison is tried up to three times, since other
    processes on a shared machine can slow any single round.
    """
    import gc
    import time

    def per_call(size: int, calls: int, rounds: int) -> float:
        text = (unit * (size // len(unit) + 1))[:size]
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(calls):
                guard(text)
            best = min(best, (time.perf_counter() - start) / calls)
        return best

    calls = max(1, round(0.01 / max(per_call(100_000, 1, 1), 1e-6)))
    ratios = []
    gc.disable()
    try:
        for _ in range(3):
            ratios.append(per_call(1_000_000, max(1, calls // 10), 2) / per_call(100_000, calls, 3))
            if ratios[-1] < 30:
                break
    finally:
        gc.enable()
    assert min(ratios) < 30, ratios


def test_the_escape_table_covers_exactly_the_unsafe_characters():
    """escaped() translates through a table built from a list of candidate ranges: none may be missed."""
    from briefing.sanitize import _UNSAFE_OR_NEWLINE, _escapes

    every = {c for c in range(sys.maxunicode + 1) if _UNSAFE_OR_NEWLINE.match(chr(c))}
    assert set(_escapes()) == every
