"""Shell completion and the manual pages: what briefing.shell_files generates, completing in a real bash."""

import os
import shutil
import stat
import subprocess
import sys

import pytest

from briefing import shell_files
from tests.conftest import BUNDLED_IDS, REPO

pytest.importorskip("shtab")
pytest.importorskip("argparse_manpage")


def test_the_shipped_files_are_what_the_parser_generates():
    """Run `python -m briefing.shell_files` after changing the command line, and commit what it writes."""
    stale = [str(path.relative_to(REPO)) for path, text in shell_files.generated().items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert stale == [], "regenerate with: python -m briefing.shell_files"


@pytest.fixture(scope="module")
def briefing_on_path(tmp_path_factory):
    """A `briefing` command on PATH that runs this checkout, as the installed script would."""
    folder = tmp_path_factory.mktemp("bin")
    script = folder / "briefing"
    script.write_text(f'#!/bin/sh\nexec {sys.executable} -m briefing "$@"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def complete(line: str, path_folder, env: dict | None = None) -> list[str]:
    """What bash offers at the end of `line`, from the shipped completion script."""
    program = (f'source "{shell_files.SHARE / shell_files.COMPLETIONS["bash"]}"\n'
               'read -ra COMP_WORDS <<< "$LINE"\n'
               '[[ "$LINE" == *" " ]] && COMP_WORDS+=("")\n'
               'COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$LINE"; COMP_POINT=${#LINE}\n'
               '_shtab_briefing\n'
               'printf "%s\\n" "${COMPREPLY[@]}"\n')
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ.update({"LINE": line, "PATH": f"{path_folder}{os.pathsep}{environ['PATH']}", "PYTHONPATH": str(REPO)},
                   **(env or {}))
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True,
                            env=environ, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="no bash on this machine")


@needs_bash
def test_bash_completes_the_commands(briefing_on_path):
    assert complete("briefing ", briefing_on_path) == ["show", "print", "export", "serve", "list", "check", "new", "schema"]
    assert complete("briefing ex", briefing_on_path) == ["export"]


@needs_bash
@pytest.mark.parametrize("command", ["print", "show", "export", "serve"])
def test_bash_completes_briefing_ids(briefing_on_path, command):
    assert complete(f"briefing {command} ", briefing_on_path) == BUNDLED_IDS
    assert complete(f"briefing {command} opec", briefing_on_path) == ["opec-plus-q1-2026-pause"]


@needs_bash
def test_bash_completes_ids_from_briefing_path_too(briefing_on_path, tmp_path):
    source = (REPO / "data/briefings/kz-iaea-far-east-2025.toml").read_text(encoding="utf-8")
    (tmp_path / "mine.toml").write_text(source.replace('id = "kz-iaea-far-east-2025"', 'id = "mine"', 1),
                                        encoding="utf-8")
    assert complete("briefing print ", briefing_on_path, {"BRIEFING_PATH": str(tmp_path)}) == [*BUNDLED_IDS, "mine"]


@needs_bash
def test_bash_completes_options_and_their_choices(briefing_on_path):
    assert "--no-pager" in complete("briefing print --", briefing_on_path)
    assert "--ids" not in complete("briefing list --", briefing_on_path)  # for completion only: not offered
    assert complete("briefing export --format ", briefing_on_path) == ["markdown", "html", "json"]


def test_list_ids_prints_one_id_a_line():
    result = subprocess.run([sys.executable, "-m", "briefing", "list", "--ids"], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 0 and result.stdout.splitlines() == BUNDLED_IDS


@pytest.mark.parametrize("shell, command", [("zsh", "_shtab_briefing"), ("fish", "complete -c briefing")])
def test_zsh_and_fish_scripts_complete_commands_and_ids(shell, command):
    text = (shell_files.SHARE / shell_files.COMPLETIONS[shell]).read_text(encoding="utf-8")
    assert command in text and shell_files.IDS_COMMAND in text and "schema" in text


@pytest.mark.skipif(shutil.which("man") is None, reason="no man on this machine")
@pytest.mark.parametrize("locale, headings", [
    ("en", ["NAME", "SYNOPSIS", "DESCRIPTION", "EXAMPLES", "ENVIRONMENT", "EXIT STATUS", "SETTINGS FILE"]),
    ("ru", ["ИМЯ", "ОБЗОР", "ОПИСАНИЕ", "ПРИМЕРЫ", "ПЕРЕМЕННЫЕ ОКРУЖЕНИЯ", "КОДЫ ВОЗВРАТА", "ФАЙЛ НАСТРОЕК"])])
def test_the_manual_page_renders_with_its_sections(locale, headings):
    page = shell_files.SHARE / shell_files.MANUALS[locale]
    result = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(heading in lines for heading in headings), [line for line in lines if line and line[0] != " "]
    assert "briefing print kz-iaea-far-east-2025" in result.stdout
