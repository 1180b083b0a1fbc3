"""`briefing print` to a terminal: through the pager when taller than the terminal, as git does; never otherwise."""

import errno
import json
import os
import stat
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
BRIEF = "kz-iaea-far-east-2025"


@pytest.fixture
def fake_pager(tmp_path):
    """A pager that keeps what it is given (its standard input, its arguments, LESS) in files, and shows nothing."""
    script = tmp_path / "fake-pager"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import json, os, sys
        data = sys.stdin.buffer.read()
        open({str(tmp_path / "paged")!r}, "wb").write(data)
        json.dump({{"argv": sys.argv[1:], "LESS": os.environ.get("LESS")}}, open({str(tmp_path / "called")!r}, "w"))
        """), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def on_a_terminal(*args: str, rows: int = 24, columns: int = 80, env: dict | None = None, tty: bool = True):
    """Run `briefing ARGS` with a pseudo-terminal of that size as stdout (or a pipe): status, terminal, stderr."""
    import termios

    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("LC_", "LANG", "BRIEFING", "PAGER", "LESS", "COLUMNS", "LINES", "TERM"))}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    master, slave = os.openpty()
    termios.tcsetwinsize(slave, (rows, columns))
    try:
        process = subprocess.Popen([sys.executable, "-m", "briefing", *args], stdin=subprocess.DEVNULL,
                                   stdout=slave if tty else subprocess.PIPE, stderr=subprocess.PIPE, env=environ,
                                   cwd=REPO)
        os.close(slave)
        chunks = []
        while tty:
            try:
                chunk = os.read(master, 65536)
            except OSError as exc:  # EIO: every copy of the other side is closed
                assert exc.errno == errno.EIO
                break
            if not chunk:
                break
            chunks.append(chunk)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(master)
    screen = b"".join(chunks).decode("utf-8").replace("\r\n", "\n") if tty else out.decode("utf-8")
    return process.returncode, screen, err.decode("utf-8")


@pytest.fixture
def brief_lines():
    """How many lines the brief has at 80 columns, printed as on_a_terminal prints it (the same environment and
    settings file, so the same language), to a pipe."""
    code, out, _ = on_a_terminal("print", BRIEF, tty=False)
    assert code == 0
    return out.count("\n")


def test_a_brief_taller_than_the_terminal_goes_through_the_pager(fake_pager, tmp_path):
    code, screen, err = on_a_terminal("print", BRIEF, env={"PAGER": f"{fake_pager} -x 'two words'"})
    assert (code, screen, err) == (0, "", "")
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    assert paged.startswith("Kazakhstan") and "\x1b" not in paged
    assert max(len(line) for line in paged.splitlines() if "http" not in line) <= 80
    assert json.loads((tmp_path / "called").read_text()) == {"argv": ["-x", "two words"], "LESS": "FRX"}


def test_the_text_is_given_to_the_pager_sanitized(fake_pager, tmp_path):
    hostile = (REPO / "data/briefings" / f"{BRIEF}.toml").read_text(encoding="utf-8").replace(
        'id = "kz-iaea-far-east-2025"', 'id = "hostile"', 1).replace(
        "Kazakhstan admitted", "Kazakhstan\\u001b[2J\\u009b31m admitted", 1)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "hostile.toml").write_text(hostile, encoding="utf-8")
    code, _, err = on_a_terminal("--data", str(tmp_path / "data"), "print", "hostile", env={"PAGER": str(fake_pager)})
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    assert code == 0 and paged.startswith("Kazakhstan") and "\x1b" not in paged and "\x9b" not in paged


@pytest.mark.parametrize("extra, paged", [(0, True), (1, False)])
def test_the_pager_only_when_the_text_and_the_prompt_do_not_fit(fake_pager, tmp_path, brief_lines, extra, paged):
    """A text as tall as the terminal goes through the pager: the prompt after it would push its first line away."""
    code, screen, _ = on_a_terminal("print", BRIEF, rows=brief_lines + extra, env={"PAGER": str(fake_pager)})
    assert code == 0 and (tmp_path / "paged").exists() == paged and screen.startswith("Kazakhstan") != paged


@pytest.mark.parametrize("how", ["--no-pager", "pipe", "TERM=dumb", "PAGER=", "PAGER=cat", "BRIEFING_PAGER="])
def test_no_pager(fake_pager, tmp_path, how):
    args, env, tty = ["print", BRIEF], {"PAGER": str(fake_pager)}, True
    if how == "--no-pager":
        args.append(how)
    elif how == "pipe":
        tty = False
    else:
        name, value = how.split("=")
        env[name] = value
    code, screen, err = on_a_terminal(*args, env=env, tty=tty)
    assert (code, err) == (0, "") and screen.startswith("Kazakhstan") and not (tmp_path / "called").exists()


def test_briefing_pager_wins_over_pager_and_less_set_is_kept(fake_pager, tmp_path):
    on_a_terminal("print", BRIEF, env={"BRIEFING_PAGER": f"{fake_pager} mine", "PAGER": "no-such-pager",
                                       "LESS": "-S"})
    assert json.loads((tmp_path / "called").read_text()) == {"argv": ["mine"], "LESS": "-S"}


def test_the_pager_command_is_never_run_by_a_shell(fake_pager, tmp_path):
    code, _, _ = on_a_terminal("print", BRIEF, env={"PAGER": f"{fake_pager} ; touch {tmp_path / 'pwned'} $(id)"})
    assert code == 0 and not (tmp_path / "pwned").exists()
    assert json.loads((tmp_path / "called").read_text())["argv"] == [";", "touch", str(tmp_path / "pwned"), "$(id)"]


@pytest.mark.parametrize("pager, line", [
    ("no-such-pager --flag", "briefing: cannot run the pager “no-such-pager”: No such file or directory; "
                             "printing without a pager"),
    ("sh -c 'exit 3'", "briefing: the pager “sh” failed with exit status 3; printing without a pager"),
    ("less 'unclosed", "briefing: the pager command cannot be read: No closing quotation; printing without a pager"),
])
def test_a_pager_that_cannot_run_or_fails_gives_one_line_and_the_text(pager, line):
    code, screen, err = on_a_terminal("print", BRIEF, env={"PAGER": pager})
    assert (code, err) == (0, line + "\n") and screen.startswith("Kazakhstan") and "Traceback" not in err


def test_a_pager_that_is_not_a_program_gives_one_line_in_russian(tmp_path):
    (tmp_path / "not-a-program").write_text("")
    code, screen, err = on_a_terminal("print", BRIEF, "--lang", "ru", env={"PAGER": str(tmp_path / "not-a-program")})
    assert code == 0 and screen.startswith("Казахстан")
    assert err.startswith(f"briefing: не удаётся запустить программу просмотра «{tmp_path / 'not-a-program'}»: ")
    assert err.endswith("; текст выводится без неё\n") and len(err.splitlines()) == 1


def test_the_reader_quitting_the_pager_early_is_no_failure(tmp_path):
    """`head -c 10` reads ten bytes and exits 0, as a reader pressing q in less: the rest is not printed."""
    code, screen, err = on_a_terminal("print", BRIEF, env={"PAGER": "head -c 10"})
    assert (code, err) == (0, "") and screen == "Kazakhsta" + "n"


@pytest.mark.parametrize("environ, command", [
    ({}, ["less"]), ({"PAGER": "more -d"}, ["more", "-d"]), ({"PAGER": "cat"}, None), ({"PAGER": " "}, None),
    ({"BRIEFING_PAGER": "", "PAGER": "less"}, None), ({"BRIEFING_PAGER": "most", "PAGER": "less"}, ["most"])])
def test_which_pager(environ, command):
    """As git: the first of BRIEFING_PAGER and PAGER that is set, even empty; empty or `cat` is no pager."""
    from briefing.pager import pager_command

    assert pager_command(environ) == command
