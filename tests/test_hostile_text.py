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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.analysis import analyse
from briefing.i18n import localizer
from briefing.model import Briefing
from briefing.sanitize import escaped, one_line, output, plain
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


def unsafe_characters(text: str, newlines: bool = True) -> list[str]:
    return [c for c in text if unicodedata.category(c) in UNSAFE_CATEGORIES and not (newlines and c == "\n")]


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
@given(st.text().filter(lambda t: not unsafe_characters(t, newlines=False) and "\n" not in t))
def test_escaped_leaves_safe_text_alone(text):
    assert escaped(text) == text


@FAST
@given(st.text())
def test_output_keeps_newlines_and_nothing_unsafe(text):
    assert unsafe_characters(output(text)) == [] and output(text).count("\n") == text.count("\n")


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[2J\x1b[31mRed alert\x1b[0m", "Red alert"),
    ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ text", "link text"),
    ("\x1b]0;pwned\x07Title", "Title"),
    ("\x9b31mC1 CSI", "C1 CSI"),
    ("in\u200bvis\u200dible \u202eevil\u202c", "invisible evil"),
    ("[bold]markup[/bold] [@click=app.quit]quit[/]", "[bold]markup[/bold] [@click=app.quit]quit[/]"),
    ("tab\tand\r\nline", "tab and\nline"),
])
def test_plain_removes_sequences_and_keeps_markup_as_text(text, shown):
    assert plain(text) == shown


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
        assert len(line) <= max(width, 30), line


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
    (["print", "\x1b[31mred"], "no briefing with id '\\x1b[31mred'"),
    (["list", "\x1b[2J"], "unrecognized arguments: \\x1b[2J"),
    (["--data", "\x1b[31mnowhere", "list"], "\\x1b[31mnowhere: no such file or folder"),
    (["--lang", "\x1b[31m", "list"], "language '\\x1b[31m' is not available"),
    (["\u202eprint"], "invalid choice: '\\u202eprint'"),
])
def test_arguments_with_escape_codes_are_shown_escaped(args, shown):
    result = run(*args)
    stderr = result.stderr.decode("utf-8")
    assert shown in stderr and "Traceback" not in stderr
    assert unsafe_characters(stderr) == []
