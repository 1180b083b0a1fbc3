"""The settings file: where it is, what it may hold, one line when it is bad, and writing back in place."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import settings
from briefing.i18n import localizer
from briefing.settings import Settings, config_path, load, remember
from tests.conftest import REPO

EN, RU = localizer("en"), localizer("ru")


def loaded(tmp_path: Path, text: str | bytes):
    path = tmp_path / "config.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load({"BRIEFING_CONFIG": str(path)})


# --- where ---------------------------------------------------------------------------------------------------------

def test_the_file_is_in_the_xdg_config_folder(tmp_path):
    assert config_path({"XDG_CONFIG_HOME": "/x/config", "HOME": str(tmp_path)}) == Path("/x/config/briefing/config.toml")
    assert config_path({"HOME": str(tmp_path)}) == tmp_path / ".config/briefing/config.toml"
    assert config_path({"XDG_CONFIG_HOME": "", "HOME": str(tmp_path)}) == tmp_path / ".config/briefing/config.toml"


@pytest.mark.parametrize("environ", [{"XDG_CONFIG_HOME": "relative/config", "HOME": "/"}, {"HOME": "relative"},
                                     {"HOME": "/no/such/home"}, {}])
def test_no_file_where_the_xdg_rules_give_no_folder(environ):
    assert config_path(environ) is None
    assert load(environ) == (Settings(), None)


def test_briefing_config_names_the_file_instead(tmp_path):
    assert config_path({"BRIEFING_CONFIG": "/my/settings.toml", "XDG_CONFIG_HOME": "/x"}) == Path("/my/settings.toml")


def test_a_missing_file_is_no_problem(tmp_path):
    assert load({"BRIEFING_CONFIG": str(tmp_path / "absent.toml")}) == (Settings(tmp_path / "absent.toml"), None)


# --- what -----------------------------------------------------------------------------------------------------------

def test_every_key(tmp_path):
    found, problem = loaded(tmp_path, '# mine\nlanguage = "ru"\nlocale = "en-GB"\ntheme = "nord"\n'
                                      'data = ["~/briefings", "relative"]\nwidth = 30\n')
    assert problem is None
    assert found == Settings(tmp_path / "config.toml", "ru", "en-GB", "nord",
                             (Path.home() / "briefings", tmp_path / "relative"), 30)


@pytest.mark.parametrize("text, place, english, russian", [
    ('theme = "nord"\nwidth = \n', "2:9", "invalid TOML: Invalid value", "некорректный TOML"),
    ('language = "ru"\n  width = "wide"\n', "2:3", "“width” must be a whole number, got text",
     "«width»: ожидается целое число, а указано: текст"),
    ("width = 29\n", "1:1", "“width” must be at least 30, got 29", "«width»: значение должно быть не меньше 30"),
    ("width = 80.0\n", "1:1", "“width” must be a whole number, got a number", "«width»: ожидается целое число"),
    ("width = true\n", "1:1", "“width” must be a whole number, got true/false", "«width»: ожидается целое число"),
    ('colour = "red"\n', "1:1", "unknown setting “colour”; the settings are: language, locale, theme, data, width",
     "неизвестная настройка «colour»"),
    ('language = "ru"\n[formats]\nlocale = "en-GB"\n', "2:2", "unknown setting “formats”", "«formats»"),
    ('language = "de"\n', "1:1", "“language” must be one of en, ru, got “de”", "«language»: допустимые значения"),
    ('locale = "de-DE"\n', "1:1", "“locale” must be a language tag such as en-GB or ru-RU, got “de-DE”",
     "«locale»: нужен языковой тег"),
    ('locale = "en-XX-nonsense"\n', "1:1", "“locale” must be a language tag", "«locale»"),
    ('theme = "nord; rm -rf"\n', "1:1", "“theme” must be a theme name such as textual-dark, got “nord; rm -rf”",
     "«theme»: нужно название темы"),
    ('data = "~/b"\n', "1:1", "“data” must be a list, got text", "«data»: ожидается список"),
    ("data = [1]\n", "1:1", "“data” must be a list of folders, got a whole number in it", "«data»: нужен список папок"),
    ('data = ["a\\u0000b"]\n', "1:1", "“data” holds an empty folder name or one with a control character",
     "«data»: пустое имя папки"),
    ('data = [""]\n', "1:1", "“data” holds an empty folder name", "«data»"),
])
def test_a_bad_file_is_one_line_saying_where_and_what_and_the_defaults(tmp_path, text, place, english, russian):
    found, problem = loaded(tmp_path, text)
    assert found == Settings(tmp_path / "config.toml")
    assert problem.describe(EN).startswith(f"{tmp_path / 'config.toml'}:{place}: {english}")
    assert russian in problem.describe(RU)


def test_the_narrowest_width_and_the_interface_languages_are_accepted(tmp_path):
    assert loaded(tmp_path, "width = 30\n")[0].width == 30
    for language in ("en", "ru"):
        assert loaded(tmp_path, f'language = "{language}"\n')[0].language == language
    for tag in ("en_GB", "en-US", "ru-KZ", "ru"):
        assert loaded(tmp_path, f'locale = "{tag}"\n')[0].locale == tag


def test_an_escape_code_in_a_value_is_shown_never_sent(tmp_path):
    problem = loaded(tmp_path, 'theme = "\\u001b]52;c;aGk=\\u0007"\n')[1]
    line = problem.describe(EN)
    assert "\x1b" not in line and "\x07" not in line and "\\x1b]52" in line


def test_a_long_value_is_quoted_cut(tmp_path):
    line = loaded(tmp_path, f'theme = "{"x" * 5000}!"\n')[1].describe(EN)
    assert len(line) < len(str(tmp_path)) + 150 and "x" * settings.QUOTED_CHARS + "…”" in line


@pytest.mark.parametrize("size, refused", [(settings.MAX_BYTES, False), (settings.MAX_BYTES + 1, True)])
def test_a_file_larger_than_the_limit_is_refused_unread(tmp_path, size, refused):
    text = "# " + "x" * (size - 3) + "\n"
    assert len(text.encode()) == size
    problem = loaded(tmp_path, text)[1]
    assert (problem is not None) == refused
    if refused:
        assert problem.describe(EN).endswith("the file is larger than 64 kB, too large for a settings file")


def test_a_file_that_is_not_utf8_names_the_byte_and_its_place(tmp_path):
    problem = loaded(tmp_path, b'theme = "nord"\nlanguage = "\xff"\n')[1]
    assert problem.describe(EN) == f"{tmp_path / 'config.toml'}:2:13: not UTF-8 text: byte 0xff cannot be decoded"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_folder_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    for path in (tmp_path / "fifo", tmp_path):
        problem = load({"BRIEFING_CONFIG": str(path)})[1]
        assert problem.describe(EN) == f"{path}: not a regular file: settings are read only from ordinary files"


def test_an_unreadable_file_says_why(tmp_path, monkeypatch):
    """As root no permission is ever missing, so the refusal is made by os.open itself."""
    import errno

    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n')
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    problem = load({"BRIEFING_CONFIG": str(path)})[1]
    assert problem.describe(EN) == f"{path}: cannot read the settings file: no permission to read it"


@pytest.mark.parametrize("text, wish", [
    ('language = "ru"\n', "ru"), ('locale = "en-GB"\n', "en-GB"), ('language = "en"\nlocale = "en-GB"\n', "en-GB"),
    ('language = "ru"\nlocale = "en-GB"\n', "ru"), ("", None)])
def test_the_locale_refines_the_language_it_is_in(tmp_path, text, wish):
    assert loaded(tmp_path, text)[0].language_wish == wish


# --- writing back ---------------------------------------------------------------------------------------------------

def test_remember_keeps_every_other_line_and_comment(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# my settings\nlanguage = "en"  # for work\n\nwidth = 100\n\n[unknown]\nx = 1\n')
    assert remember(path, {"theme": "gruvbox", "language": "ru"}) is None
    assert path.read_text() == ('# my settings\nlanguage = "ru"  # for work\n\nwidth = 100\ntheme = "gruvbox"\n\n'
                                '[unknown]\nx = 1\n')


def test_remember_creates_the_file_and_a_private_folder(tmp_path):
    path = tmp_path / "briefing" / "config.toml"
    assert remember(path, {"theme": "nord"}) is None
    assert path.read_text() == settings.HEADER + 'theme = "nord"\n'
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load({"BRIEFING_CONFIG": str(path)}) == (Settings(path, theme="nord"), None)


def test_remember_writes_through_a_link_and_keeps_it(tmp_path):
    real = tmp_path / "dotfiles" / "briefing.toml"
    real.parent.mkdir()
    real.write_text('language = "en"\n')
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    assert remember(link, {"language": "ru"}) is None
    assert link.is_symlink() and real.read_text() == 'language = "ru"\n'


@pytest.mark.parametrize("text, said", [('language = "en"\ntheme = \n', ":2:9: invalid TOML: Invalid value"),
                                        (b'theme = "\xff"\n', ":1:10: not UTF-8 text: byte 0xff cannot be decoded")])
def test_remember_never_writes_over_a_file_that_does_not_parse(tmp_path, text, said):
    """What is wrong is said as reading the file says it, with the place."""
    path = tmp_path / "config.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    before = path.read_bytes()
    assert remember(path, {"theme": "nord"}).describe(EN) == f"{path}{said}"
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["config.toml"]


def test_remember_says_why_it_cannot_write(tmp_path):
    (tmp_path / "file").write_text("")
    problem = remember(tmp_path / "file" / "config.toml", {"theme": "nord"})
    assert problem.describe(EN).startswith(f"{tmp_path / 'file' / 'config.toml'}: cannot ")


# --- the command line -----------------------------------------------------------------------------------------------

def run(*args: str, config: str | None = None, env: dict | None = None):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    if config is not None:
        path = Path(environ["XDG_CONFIG_HOME"]) / "briefing" / "config.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(config, encoding="utf-8")
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=environ,
                          cwd=REPO, timeout=60)


@pytest.mark.parametrize("args, env, russian", [
    ([], {}, True),  # the settings file
    (["--lang", "en"], {}, False),  # a flag wins
    ([], {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}, True),  # the file is this tool's own choice: it wins
])
def test_the_language_of_the_settings_file_and_what_wins_over_it(args, env, russian):
    result = run("list", *args, config='language = "ru"\n', env=env)
    assert result.returncode == 0 and ("ноября" in result.stdout) == russian


def test_the_print_width_of_the_settings_file_and_the_flag_over_it():
    widths = {}
    for args in ([], ["--width", "100"]):
        result = run("print", "kz-iaea-far-east-2025", *args, config="width = 40\n")
        widths[tuple(args)] = max(len(line) for line in result.stdout.splitlines() if "http" not in line)
    assert widths == {(): 40, ("--width", "100"): pytest.approx(100, abs=10)}


def test_the_data_folders_of_the_settings_file_are_loaded_after_the_others(tmp_path):
    source = (REPO / "data/briefings/kz-iaea-far-east-2025.toml").read_text(encoding="utf-8")
    (tmp_path / "mine.toml").write_text(source.replace('id = "kz-iaea-far-east-2025"', 'id = "mine"', 1))
    result = run("list", "--ids", config=f'data = ["{tmp_path}"]\n')
    assert result.stdout.splitlines()[-1] == "mine" and result.stderr == ""
    assert run("list", config='data = ["absent"]\n').stderr.endswith("absent: no such file or folder\n")


@pytest.mark.parametrize("locale, tail", [
    ("en", "; the defaults are used instead of this settings file"),
    ("ru", "; вместо этого файла настроек действуют значения по умолчанию")])
def test_a_bad_settings_file_is_one_line_and_the_command_goes_on(locale, tail):
    result = run("list", "--lang", locale, config='language = "ru"\nwidth = "wide"\n')
    lines = result.stderr.splitlines()
    assert result.returncode == 0 and len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("briefing: ") and ":2:1: " in lines[0] and lines[0].endswith(tail)
    assert ("ноября" in result.stdout) == (locale == "ru")  # language = "ru" of the bad file is not used


def test_the_help_says_where_the_file_is(tmp_path):
    result = run("--help", env={"BRIEFING_CONFIG": str(tmp_path / "my.toml")})
    assert f"\n  {tmp_path / 'my.toml'}\n" in result.stdout
