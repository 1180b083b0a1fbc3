"""The command in the environments it meets: locales, output encodings, terminals, closed outputs, Ctrl-C.

Whatever the environment, the command speaks the language it resolves, writes
all of its output or a clear one-line message instead, and never shows a
traceback.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO

BASE = Path(__file__).parent / "corpus" / "base.toml"
TITLE = {"en": "Kazakhstan admitted to the IAEA Far East Regional Group",
         "ru": "Казахстан принят в Дальневосточную региональную группу МАГАТЭ"}
BAD_LINE = {"en": "1:8: invalid TOML: Invalid value", "ru": "1:8: некорректный TOML: недопустимое значение"}
ENCODING_MESSAGE = "briefing: the output encoding ascii cannot show this text; set PYTHONIOENCODING=utf-8\n"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX terminals, pipes and signals")


def clean_environment(env: dict | None = None) -> dict:
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("LC_", "LANG", "BRIEFING", "PYTHONIOENCODING", "PYTHONUTF8", "TERM", "COLUMNS",
                                    "NO_COLOR", "FORCE_COLOR"))}
    environ.update(env or {})
    return environ


def run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "briefing", *args], env=clean_environment(env), cwd=REPO,
                          timeout=60, **kwargs)


@pytest.fixture
def data_with_a_bad_file(tmp_path) -> Path:
    (tmp_path / "bad.toml").write_text("title =\n", encoding="utf-8")
    return tmp_path


# --- locales -------------------------------------------------------------------

@pytest.mark.parametrize(("env", "locale"), [
    ({}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
    ({"LC_ALL": "ru_RU.UTF-8", "LANG": "C"}, "ru"),
    ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANGUAGE": "ru", "LANG": "C"}, "en"),  # as in GNU gettext, LANGUAGE is ignored in the C locale
    ({"LANGUAGE": "ru", "LC_ALL": "C.UTF-8"}, "en"),
    ({"LANGUAGE": "ru:en", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANGUAGE": "", "LANG": "ru_RU.UTF-8"}, "ru"),
], ids=lambda v: ",".join(f"{k}={x}" for k, x in v.items()) or "unset" if isinstance(v, dict) else v)
def test_the_language_follows_the_environment_on_stdout_and_stderr(env, locale, data_with_a_bad_file):
    result = run("--data", str(data_with_a_bad_file), "list", env=env, text=True, encoding="utf-8")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert TITLE[locale] in result.stdout
    assert result.stderr == f"{data_with_a_bad_file / 'bad.toml'}:{BAD_LINE[locale]}\n"


@pytest.mark.parametrize("env", [{"LANG": "C"}, {"LC_ALL": "C.UTF-8"}, {"LANG": "ru_RU.UTF-8"}])
def test_print_works_in_the_common_locales(env):
    result = run("print", "kz-iaea-far-east-2025", env=env)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode("utf-8").splitlines()[0] in TITLE.values()


# --- output encodings ----------------------------------------------------------

@pytest.mark.parametrize("args", [["print", "kz-iaea-far-east-2025", "--lang", "ru"], ["--help", "--lang", "ru"]])
def test_an_ascii_output_gets_one_clear_message_and_no_partial_output(args):
    result = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode("ascii") == ENCODING_MESSAGE  # in English when stderr cannot show Russian


def test_an_ascii_output_still_shows_what_it_can():
    result = run("list", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and TITLE["en"] in result.stdout.decode("ascii")


def test_an_ascii_output_gets_the_english_brief_with_plain_stand_ins_for_typography():
    printed = run("print", "kz-iaea-far-east-2025", env={"PYTHONIOENCODING": "ascii"})
    text = printed.stdout.decode("ascii")
    assert printed.returncode == 0 and printed.stderr == b""
    assert text.splitlines()[1].startswith("Event: 21 November 2025 - information up to")
    assert "KEY DECISION\n------------\n" in text and "~" in text and "\n* " in text  # rules, "≈", bullets


EIGHT_BIT = ["koi8-r", "cp1251"]


@pytest.mark.parametrize("encoding", EIGHT_BIT)
@pytest.mark.parametrize("args", [["--help", "--lang", "ru"], ["print", "kz-iaea-far-east-2025", "--lang", "ru"],
                                  ["print", "kz-iaea-far-east-2025"], ["print", "opec-plus-q1-2026-pause", "--lang", "ru"],
                                  ["check", "--lang", "ru", str(BASE)], ["--lang", "ru", "list"]])
def test_an_8_bit_output_gets_stand_ins_and_never_a_c1_byte(encoding, args):
    """In cp1251 "—" is 0x97 and "…" 0x85, in KOI8-R "─" is 0x80: bytes many terminals take for controls."""
    result = run(*args, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr.decode(encoding)
    assert [b for b in result.stdout + result.stderr if 0x80 <= b <= 0x9F] == []
    text = result.stdout.decode(encoding)
    if "kz-iaea-far-east-2025" in args:
        assert text.splitlines()[0] == TITLE["ru" if "ru" in args else "en"]
    if "--help" in args:
        assert "использование:" in text and "умолчанию\u00a0- из" in text.replace(" - ", "\u00a0- ")  # "—" as "-"


@pytest.mark.parametrize("encoding", EIGHT_BIT)
def test_an_8_bit_stderr_gets_russian_errors_without_c1_bytes(encoding, data_with_a_bad_file):
    result = run("--data", str(data_with_a_bad_file), "list", "--lang", "ru", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 2 and [b for b in result.stderr if 0x80 <= b <= 0x9F] == []
    assert result.stderr.decode(encoding) == f"{data_with_a_bad_file / 'bad.toml'}:{BAD_LINE['ru']}\n"


@pytest.mark.parametrize("encoding", [*EIGHT_BIT, "ascii"])
@pytest.mark.parametrize("locale, line", [
    ("en", "briefing: the dashboard needs a terminal that uses UTF-8, not {}; use \"briefing print\" for plain text\n"),
    ("ru", "briefing: панели нужен терминал с кодировкой UTF-8, а не {}; для простого текста используйте "
           '"briefing print"\n')])
def test_the_dashboard_refuses_a_terminal_that_is_not_utf8_with_one_line(encoding, locale, line):
    result = run("--lang", locale, env={"PYTHONIOENCODING": encoding})
    shown = result.stderr.decode(encoding, "backslashreplace")
    if encoding == "ascii" and locale == "ru":  # stderr cannot show Russian: escaped, never a traceback
        assert result.returncode == 2 and shown.startswith("briefing: \\u043f") and "Traceback" not in shown
        return
    quotes_as_shown = shown.replace("«", '"').replace("»", '"')  # cp1251 has « and », KOI8-R has not
    assert (result.returncode, result.stdout, quotes_as_shown) == (2, b"", line.format(encoding))


def test_russian_errors_on_an_ascii_stderr_are_escaped_not_a_traceback(data_with_a_bad_file):
    result = run("--data", str(data_with_a_bad_file), "list", "--lang", "ru", env={"PYTHONIOENCODING": "ascii"})
    stderr = result.stderr.decode("ascii")
    assert result.returncode == 2 and "Traceback" not in stderr
    assert "bad.toml:1:8: \\u043d\\u0435" in stderr  # "не…", backslash-escaped


@posix_only
def test_a_strict_c_locale_without_utf8_gets_the_clear_message():
    env = {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    printed = run("print", "kz-iaea-far-east-2025", "--lang", "ru", env=env)
    assert printed.returncode == 2 and printed.stdout == b""
    assert printed.stderr.decode("ascii") == ENCODING_MESSAGE
    assert run("list", env=env).returncode == 0


# --- terminals -----------------------------------------------------------------

@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
                                 {"FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"}])
def test_print_is_the_same_plain_text_whatever_the_terminal_claims(env):
    plain = run("print", "kz-iaea-far-east-2025")
    result = run("print", "kz-iaea-far-east-2025", env=env)
    assert result.returncode == 0 and result.stdout == plain.stdout
    assert b"\x1b" not in result.stdout


def _print_on_a_terminal(columns: str, term: str) -> tuple[int, str, str]:
    """Run `briefing print` with a pseudo-terminal as stdout (no pager); the output as the terminal received it."""
    master, slave = os.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "briefing", "print", "kz-iaea-far-east-2025", "--no-pager"],
                                   stdout=slave, stderr=subprocess.PIPE,
                                   env=clean_environment({"COLUMNS": columns, "TERM": term}), cwd=REPO)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError as exc:  # EIO: the other end is closed
                if exc.errno != errno.EIO:
                    raise
                break
            if not chunk:
                break
            chunks.append(chunk)
        stderr = process.stderr.read().decode("utf-8")
        code = process.wait(timeout=60)
    finally:
        os.close(master)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), stderr


@posix_only
@pytest.mark.parametrize("term", ["dumb", "xterm-256color"])
def test_on_a_terminal_print_wraps_at_its_width_without_escape_codes(term):
    code, text, stderr = _print_on_a_terminal("50", term)
    assert code == 0 and stderr == ""
    assert "\x1b" not in text and text.startswith("Kazakhstan")
    assert all(len(line) <= 50 for line in text.splitlines() if not line.lstrip().startswith("https://"))


@posix_only
def test_a_very_narrow_terminal_is_not_a_usage_error():
    code, text, stderr = _print_on_a_terminal("8", "xterm")
    assert code == 0 and stderr == "" and text.startswith("Kazakhstan")


# --- closed and failing outputs ------------------------------------------------

@posix_only
@pytest.mark.parametrize("args", [["print", "kz-iaea-far-east-2025"], ["list"], ["check"], ["schema"]])
def test_stdout_closed_before_start_gets_one_line_and_status_1(args):
    result = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "briefing", *args],
                            capture_output=True, text=True, env=clean_environment(), cwd=REPO, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "briefing: standard output is closed; there is nowhere to print\n"


@posix_only
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_gets_one_line_and_status_1():
    with open("/dev/full", "wb") as full:
        result = run("print", "kz-iaea-far-east-2025", stdout=full, stderr=subprocess.PIPE, capture_output=False, text=True)
    assert result.returncode == 1
    assert result.stderr == "briefing: cannot write to standard output: No space left on device\n"


@posix_only
@pytest.mark.parametrize("args", [["print", "kz-iaea-far-east-2025"], ["list"], ["check"], ["schema"], ["--help"]])
def test_a_reader_that_has_gone_ends_the_command_quietly(args):
    """As with `briefing print | head -1`, made certain: the pipe is closed before the command starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = run(*args, stdout=write_end, stderr=subprocess.PIPE, capture_output=False)
    finally:
        os.close(write_end)
    assert result.returncode == 1 and result.stderr == b""


@posix_only
def test_a_stderr_that_has_gone_does_not_change_the_status(data_with_a_bad_file):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = run("--data", str(data_with_a_bad_file), "list", stderr=write_end, stdout=subprocess.PIPE,
                     capture_output=False)
    finally:
        os.close(write_end)
    assert result.returncode == 2 and b"Kazakhstan" in result.stdout


# --- Ctrl-C ------------------------------------------------------------------------

#: Runs `python -m briefing ARGS` as the interpreter would, after arranging for a
#: real SIGINT to arrive at a chosen moment.
INTERRUPT = textwrap.dedent("""
    import os, runpy, signal, sys
    where = sys.argv[1]

    def interrupt(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        return real(*args, **kwargs)

    if where == "import":  # while briefing.cli is still importing its modules
        class Interrupter:
            def find_spec(self, name, path=None, target=None):
                if name == "briefing.i18n":
                    os.kill(os.getpid(), signal.SIGINT)
                return None
        sys.meta_path.insert(0, Interrupter())
    else:
        module, name = where.rsplit(".", 1)
        module = __import__(module, fromlist=[name])
        real = getattr(module, name)
        setattr(module, name, interrupt)
    sys.argv = ["briefing", *sys.argv[2:]]
    runpy.run_module("briefing", run_name="__main__", alter_sys=True)
""")


@posix_only
@pytest.mark.parametrize(("where", "args"), [
    ("import", ["print"]),
    ("briefing.store.scan_library", ["list"]),
    ("briefing.text.render", ["print", "kz-iaea-far-east-2025"]),
    ("briefing.text.render", ["print", "kz-iaea-far-east-2025", "--lang", "ru"]),
])
def test_ctrl_c_ends_quietly_with_status_130(where, args):
    result = subprocess.run([sys.executable, "-c", INTERRUPT, where, *args], capture_output=True, text=True,
                            env=clean_environment(), cwd=REPO, timeout=60)
    assert result.returncode == 130
    assert result.stderr == "" and result.stdout == ""
