"""The command as a user runs it: exit codes, no traceback, no Textual on the print path."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NO_TEXTUAL, REPO

def run(*args: str, env: dict | None = None, cwd: Path | None = None, code: str | None = None):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ.update(env or {})
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "briefing", *args]
    return subprocess.run(command, capture_output=True, text=True, env=environ, cwd=cwd or REPO, timeout=60)


@pytest.mark.parametrize("args", [["print", "kz-iaea-far-east-2025"], ["print", "kz-iaea-far-east-2025", "--lang", "ru"], ["list"], ["check"], ["schema"],
                                  ["schema", "--export"], ["export", "kz-iaea-far-east-2025", "--format", "json"]])
def test_print_list_check_and_schema_never_import_textual(args):
    result = run(*args, code=NO_TEXTUAL)
    assert result.returncode == 0, result.stderr


def test_print_defaults_to_80_columns_when_not_a_terminal():
    result = run("print", "kz-iaea-far-east-2025")
    assert result.returncode == 0
    assert max(len(line) for line in result.stdout.splitlines() if not line.strip().startswith("http")) <= 80


def test_print_in_russian_from_the_environment():
    result = run("print", "kz-iaea-far-east-2025", env={"LANG": "ru_RU.UTF-8"})
    assert result.stdout.startswith("Казахстан") and "КЛЮЧЕВОЕ РЕШЕНИЕ" in result.stdout


def test_unsupported_language_falls_back_to_english_with_a_note():
    result = run("list", env={"LANG": "de_DE.UTF-8"})
    assert result.returncode == 0
    assert "Kazakhstan" in result.stdout and "“de_DE” is not available; using English (United Kingdom)" in result.stderr


def test_list_shows_id_date_and_title_in_the_chosen_language():
    assert run("list", "--lang", "ru").stdout.splitlines() == [
        "kz-iaea-far-east-2025    21\u00a0ноября\u00a02025\u202fг.  Казахстан принят в Дальневосточную региональную "
        "группу МАГАТЭ",
        "opec-plus-q1-2026-pause  2\u00a0ноября\u00a02025\u202fг.   Восемь стран ОПЕК+ добавят 137 тысяч баррелей "
        "в сутки в декабре, а в январе — марте 2026 года возьмут паузу"]


def test_check_exits_0_when_all_good_and_2_naming_the_place(tmp_path):
    assert run("check").returncode == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 2
    assert f"{bad}:2:9: error: invalid TOML" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_data_folder_still_prints_the_good_briefing_with_status_2(tmp_path):
    (tmp_path / "bad.toml").write_text("[[[", encoding="utf-8")
    result = run("--data", str(tmp_path), "print", "kz-iaea-far-east-2025")
    assert result.returncode == 2 and result.stdout.startswith("Kazakhstan")
    assert "bad.toml:1:" in result.stderr


@pytest.mark.parametrize("args", [["print", "no-such-id"], ["print", "--width", "x"], ["frobnicate"],
                                  ["print", "--width", "5"], ["--lang"]])
def test_usage_mistakes_exit_2_with_one_line_and_no_traceback(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.mark.parametrize("locale, message", [("en", "--width must be at least 30"),
                                             ("ru", "значение --width должно быть не меньше 30")])
def test_a_width_too_narrow_to_read_names_the_minimum(locale, message):
    result = run("print", "kz-iaea-far-east-2025", "--width", "29", "--lang", locale)
    assert result.returncode == 2 and result.stdout == "" and message in result.stderr.replace("\u00a0", " ")
    assert run("print", "kz-iaea-far-east-2025", "--width", "30").stdout.startswith("Kazakhstan")


def test_usage_errors_are_translated():
    result = run("print", "--width", "x", "--lang", "ru")
    assert "ошибка" in result.stderr and "использование" in result.stderr


def test_several_briefings_need_an_id(tmp_path):
    source = (REPO / "data/briefings/kz-iaea-far-east-2025.toml").read_text(encoding="utf-8")
    (tmp_path / "two.toml").write_text(source.replace('id = "kz-iaea-far-east-2025"', 'id = "two"', 1),
                                       encoding="utf-8")
    result = run("--data", str(tmp_path), "print")
    assert result.returncode == 2 and "kz-iaea-far-east-2025, opec-plus-q1-2026-pause, two" in result.stderr
    assert run("--data", str(tmp_path), "print", "two").returncode == 0


def test_help_and_version_in_both_languages():
    english, russian = run("--help"), run("--help", "--lang", "ru")
    assert english.returncode == russian.returncode == 0
    assert "print the brief as plain text" in english.stdout
    assert "использование:" in russian.stdout and "print the brief" not in russian.stdout
    assert run("--version").stdout.strip() == "briefing 0.1.0"


def test_schema_is_json_with_translated_descriptions():
    english = json.loads(run("schema").stdout)
    russian = json.loads(run("schema", "--lang", "ru").stdout)
    assert english["title"] == "Briefing" and "decision" in english["required"]
    assert english["properties"]["cutoff"]["description"] == "Information cut-off."
    assert russian["properties"]["cutoff"]["description"] != "Information cut-off."


def test_print_into_a_closed_pipe_ends_quietly():
    result = subprocess.run(f"{sys.executable} -m briefing print kz-iaea-far-east-2025 | head -1", shell=True, capture_output=True,
                            text=True, cwd=REPO, timeout=60)
    assert result.stdout.startswith("Kazakhstan") and result.stderr == ""


def test_print_works_from_any_directory(tmp_path):
    assert run("print", "kz-iaea-far-east-2025", cwd=tmp_path).stdout.startswith("Kazakhstan")


# --- paths and --lang, as given -----------------------------------------------------------------------------------

LISTED = "kz-iaea-far-east-2025"


def test_a_briefing_path_entry_that_does_not_exist_is_skipped_like_path(tmp_path):
    result = run("list", env={"BRIEFING_PATH": os.pathsep.join([str(tmp_path / "absent"), "", "/no/such"])})
    assert result.returncode == 0 and result.stderr == "" and result.stdout.startswith(LISTED)


def test_a_data_path_that_does_not_exist_is_still_an_error(tmp_path):
    result = run("--data", str(tmp_path / "absent"), "list")
    assert result.returncode == 2 and result.stderr == f"{tmp_path / 'absent'}: no such file or folder\n"
    assert result.stdout.startswith(LISTED)


@pytest.mark.parametrize("args", [["--data", "", "list"], ["--data=", "print"], ["check", ""], ["check", "x", ""]])
@pytest.mark.parametrize("locale, line", [
    ("en", "briefing: an empty path was given where a file or folder was expected\n"),
    ("ru", "briefing: вместо файла или папки указан пустой путь\n")])
def test_an_empty_path_is_refused_with_one_line(tmp_path, args, locale, line):
    result = run(*args, "--lang", locale, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line)


@pytest.mark.parametrize("where", ["data", "env"])
def test_a_name_too_long_gives_one_line_and_the_good_briefings_are_listed(tmp_path, where):
    long = str(tmp_path / ("x" * 300))
    args, env = (["--data", long], None) if where == "data" else ([], {"BRIEFING_PATH": long})
    result = run(*args, "list", env=env)
    assert result.returncode == 2 and result.stdout.startswith(LISTED)
    assert result.stderr == f"{long}: cannot read the folder: the name is too long\n"


def test_a_folder_behind_a_parent_without_permission_gives_one_line(tmp_path, monkeypatch):
    """As root no permission is ever missing, so the refusal is made by os.stat itself."""
    import errno

    from briefing.i18n import localizer
    from briefing.store import find_files

    hidden = tmp_path / "locked" / "inside"
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if Path(path) == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.toml").write_text("")
    files, errors = find_files([hidden, good])
    assert files == [good / "a.toml"]
    assert [e.describe(localizer("en")) for e in errors] == [f"{hidden}: cannot read the folder: no permission to read it"]


@pytest.mark.parametrize("args, russian", [
    (["--lang=ru", "list", "--lang", "en"], False),
    (["--lang", "en", "list", "--lang=ru"], True),
    (["list", "--lang", "ru", "--lang", "en"], False),
    (["--lang", "en", "--lang", "ru", "list"], True),
])
def test_the_last_lang_wins_wherever_it_stands(args, russian):
    result = run(*args)
    assert result.returncode == 0 and ("ноября" in result.stdout) == russian


@pytest.mark.parametrize("args", [["--lan", "ru", "list"], ["list", "--lan", "ru"], ["print", "--wid", "40"],
                                  ["--dat", "x", "list"]])
def test_abbreviated_options_are_refused(args):
    result = run(*args)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr


def test_the_language_is_read_in_any_case_and_lc_all_wins_over_lc_messages():
    """--lang RU is Russian; LC_ALL, when set, decides before LC_MESSAGES (as in POSIX)."""
    assert "Казахстан" in run("list", "--lang", "RU").stdout
    english = run("list", env={"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"})
    russian = run("list", env={"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"})
    assert "Kazakhstan" in english.stdout and "Казахстан" in russian.stdout
