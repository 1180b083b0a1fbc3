"""The dashboard starts with the settings file's theme and keeps the theme and language chosen in it."""

import pytest

from briefing.i18n import localizer
from briefing.settings import Settings, load
from briefing.store import load_library, search_folders
from briefing.tui.app import make_app
from briefing.tui.persist import start_with

BRIEF = "kz-iaea-far-east-2025"


@pytest.fixture(scope="module")
def library():
    return load_library(search_folders([], environ={}))


async def test_the_theme_and_language_chosen_are_there_next_time(library, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "nord"  # calm\nwidth = 100\n', encoding="utf-8")
    first = make_app(library, BRIEF, "en")
    assert start_with(first, load({"BRIEFING_CONFIG": str(path)})[0], localizer("en")) is None
    assert first.theme == "nord"
    async with first.run_test() as pilot:
        first.theme = "gruvbox"
        await pilot.press("l")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == '# mine\ntheme = "gruvbox"  # calm\nwidth = 100\nlanguage = "ru"\n'
    settings, problem = load({"BRIEFING_CONFIG": str(path)})
    assert problem is None and (settings.theme, settings.language, settings.width) == ("gruvbox", "ru", 100)


async def test_nothing_is_written_until_something_is_chosen(library, tmp_path):
    path = tmp_path / "config.toml"
    app = make_app(library, BRIEF, "en")
    start_with(app, Settings(path), localizer("en"))
    async with app.run_test() as pilot:
        await pilot.press("1", "2")
        await pilot.pause()
    assert not path.exists()


@pytest.mark.parametrize("locale, line", [
    ("en", "briefing: {path}: there is no theme “no-such”; themes: "),
    ("ru", "briefing: {path}: темы «no-such» нет; есть темы: ")])
def test_an_unknown_theme_is_one_line_and_the_default(library, tmp_path, locale, line):
    path = tmp_path / "config.toml"
    app = make_app(library, BRIEF, locale)
    default = app.theme
    said = start_with(app, Settings(path, theme="no-such"), localizer(locale))
    assert said.startswith(line.format(path=path)) and "textual-dark" in said and "\n" not in said
    assert app.theme == default


async def test_a_file_that_does_not_parse_is_left_as_it_is_and_said_once(library, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\nwidth = \n', encoding="utf-8")
    app = make_app(library, BRIEF, "en")
    start_with(app, Settings(path), localizer("en"))
    async with app.run_test() as pilot:
        app.theme = "gruvbox"
        await pilot.press("l", "l")
        await pilot.pause()
        said = [notice.message for notice in app._notifications]
    assert said == [f"Settings not saved: {path}:2:9: invalid TOML: Invalid value"]
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\nwidth = \n'
