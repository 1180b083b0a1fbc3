"""`briefing --help` and each command's --help, in both languages: golden files, and what a reader relies on."""

import os
import re
import subprocess
import sys

import pytest

from briefing import cli
from tests.conftest import REPO

COMMANDS = [None, "show", "print", "export", "serve", "list", "check", "new", "schema"]
#: Where the golden help says the settings file is.
CONFIG_HOME = "/home/reader/.config"


def help_text(monkeypatch, capsys, locale: str, command: str | None, columns: int = 80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("XDG_CONFIG_HOME", CONFIG_HOME)
    with pytest.raises(SystemExit) as ended:
        cli.main([*([command] if command else []), "--help", "--lang", locale])
    assert ended.value.code == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_matches_golden_file(monkeypatch, capsys, golden, locale, command):
    """A change in the help must be read and accepted with --update-goldens."""
    golden(f"help/{command or 'briefing'}.{locale}.txt", help_text(monkeypatch, capsys, locale, command))


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("columns", [60, 80, 200])
def test_help_fits_the_terminal_up_to_100_columns(monkeypatch, capsys, locale, command, columns):
    """Every text is wrapped, but an example command line (never broken) and the usage line, argparse's own, which
    keeps an option whole even where its indentation leaves too little room for it."""
    width = min(columns, 100) - 2
    text = help_text(monkeypatch, capsys, locale, command, columns).split("\n\n", 1)[1]
    long = [line for line in text.splitlines() if len(line) > width and not line.startswith("  briefing ")]
    assert long == []


def test_the_command_is_shown_as_optional(monkeypatch, capsys):
    usage = help_text(monkeypatch, capsys, "en", None).split("\n\n")[0]
    assert usage.endswith("[COMMAND ...]") and " COMMAND ..." not in usage.replace("[COMMAND", "")
    assert help_text(monkeypatch, capsys, "ru", None).split("\n\n")[0].endswith("[КОМАНДА ...]")


@pytest.mark.parametrize("command", COMMANDS)
def test_russian_help_has_no_english_placeholder_or_heading(monkeypatch, capsys, command):
    text = help_text(monkeypatch, capsys, "ru", command)
    english = {"FILE", "ID", "DIR", "N", "LANG", "HOST", "PORT", "COMMAND", "usage", "options", "examples",
               "positional", "environment", "see also"}
    # Examples are typed as they stand, and key names are printed on the keys (N is shift+n): both stay.
    words = set(re.findall(r"[A-Za-z]+(?: also)?", re.sub(r"(?m)^  (briefing |/  n  N).*$", "", text)))
    assert words & english <= {"LANG"} and "ЯЗЫК" in text  # LANG the variable stays: LANGUAGE, LC_ALL, LANG
    assert not re.search(r"--lang LANG|--data DIR|\bFILE\b|\bID\b|--width N\b", text)


def test_main_help_has_examples_keys_settings_environment_and_exit_status(monkeypatch, capsys):
    text = help_text(monkeypatch, capsys, "en", None)
    for heading in ("examples:", "dashboard keys:", "settings file:", "environment:", "exit status:"):
        assert f"\n{heading}\n" in text
    assert f"\nsettings file:\n  {CONFIG_HOME}/briefing/config.toml\n  TOML; " in text
    for name in ("BRIEFING_PATH", "BRIEFING_CONFIG", "BRIEFING_CACHE", "BRIEFING_PAGER, PAGER", "NO_COLOR",
                 "LANGUAGE, LC_ALL, LC_MESSAGES, LANG", "XDG_CONFIG_HOME, XDG_CACHE_HOME"):
        assert f"\n  {name} " in text or f"\n  {name}\n" in text, name
    codes = re.findall(r"(?m)^  (\d+) +", text.split("exit status:")[1])
    assert codes == [str(cli.EXIT_OK), str(cli.EXIT_FAILURE), str(cli.EXIT_USAGE), str(cli.EXIT_INTERRUPTED)]


def test_every_environment_variable_the_code_reads_is_in_the_help(monkeypatch, capsys):
    """Each variable a module of the package reads (os.environ.get("X"), environ["X"], a NAME = "X" constant of
    an environment variable) is named in the help, but those of the machinery (TEXTUAL_DRIVER, HOME, TERM...)."""
    read = set()
    for path in (REPO / "briefing").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for found in re.findall(r"environ(?:\.get\(|\[)\"([A-Z_]+)\"|\"([A-Z_]+)\" in os\.environ", source):
            read |= set(found) - {""}
        for line in re.findall(r"(?m)^ENV_[A-Z]+ = .*$", source):
            read |= set(re.findall(r"\"([A-Z_]+)\"", line))
    assert {"BRIEFING_PATH", "BRIEFING_CACHE", "BRIEFING_CONFIG", "PAGER", "NO_COLOR"} <= read
    text = help_text(monkeypatch, capsys, "en", None)
    machinery = {"TEXTUAL_DRIVER", "HOME", "TERM", "COLUMNS", "LINES", "LESS"}
    assert {name for name in read - machinery if name not in text} == set()


def test_a_percent_sign_in_the_settings_path_is_shown_as_it_is(monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_CONFIG", "/tmp/%(prog)s 100%/config.toml")
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "\n  /tmp/%(prog)s 100%/config.toml\n" in capsys.readouterr().out


@pytest.mark.parametrize("locale, reason", [
    ("en", "the terminal cannot move the cursor or show colours (TERM=dumb)"),
    ("ru", "терминал не умеет перемещать курсор и показывать цвета (TERM=dumb)")])
def test_under_term_dumb_the_dashboard_says_that_is_the_reason(locale, reason):
    """Without a terminal at all (a pipe) as well: TERM=dumb is the first reason said."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    result = subprocess.run([sys.executable, "-m", "briefing", "--lang", locale], capture_output=True, text=True,
                            env={**environ, "TERM": "dumb"}, cwd=REPO, timeout=60)
    assert result.returncode == 2 and reason in result.stderr and len(result.stderr.splitlines()) == 1


def test_without_a_terminal_the_dashboard_says_which_stream_is_not_one():
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING", "TERM"))}
    result = subprocess.run([sys.executable, "-m", "briefing"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            env={**environ, "TERM": "xterm"}, cwd=REPO, timeout=60)
    assert result.returncode == 2
    assert result.stderr == ("briefing: the dashboard cannot be drawn: standard input is not a terminal; "
                             "use “briefing print” for plain text\n")
