"""Loading: bad files give one line with the place, and never hide the good ones."""

import shutil
from pathlib import Path

import pytest

from briefing.i18n import localizer
from briefing.store import LoadError, load_file, load_library, search_folders
from tests.conftest import BUNDLED_IDS, FIRST_BRIEFING

EN, RU = localizer("en"), localizer("ru")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def good_copy(folder: Path, briefing_id: str) -> Path:
    text = FIRST_BRIEFING.read_text(encoding="utf-8")
    return write(folder, f"{briefing_id}.toml", text.replace('id = "kz-iaea-far-east-2025"', f'id = "{briefing_id}"', 1))


def test_toml_syntax_errors_name_line_and_column(tmp_path):
    path = write(tmp_path, "bad.toml", 'id = "x"\ntitle = \n')
    error = load_file(path)
    assert isinstance(error, LoadError)
    assert error.describe(EN) == f"{path}:2:9: invalid TOML: Invalid value"


def test_schema_errors_name_the_field_path_and_what_was_expected(tmp_path):
    path = good_copy(tmp_path, "typed")
    path.write_text(path.read_text(encoding="utf-8").replace("value = 416", 'value = "many"', 1), encoding="utf-8")
    assert load_file(path).describe(EN) == f"{path}:statistics[0].value: expected a number, got “many”"  # text, in quotes
    assert load_file(path).describe(RU) == f"{path}:statistics[0].value: ожидалось число, получено: «many»"


def test_unknown_keys_and_missing_keys_are_named(tmp_path):
    path = good_copy(tmp_path, "keys")
    path.write_text(path.read_text(encoding="utf-8").replace("value = 416", "value = 416\ncolour = 1", 1),
                    encoding="utf-8")
    assert load_file(path).describe(EN).endswith("statistics[0].colour: unknown key")
    path.write_text('id = "x"\n', encoding="utf-8")
    assert load_file(path).describe(EN).endswith(":title: required key is missing")


def test_unknown_source_reference_names_the_path(tmp_path):
    path = good_copy(tmp_path, "refs")
    path.write_text(path.read_text(encoding="utf-8").replace('when_sources = ["mfa"]', 'when_sources = ["nope"]'),
                    encoding="utf-8")
    assert "decision.when_sources[0]: unknown source “nope”" in load_file(path).describe(EN)


def test_bytes_that_are_not_utf8_name_the_place(tmp_path):
    path = write(tmp_path, "latin.toml", b'id = "x"\ntitle = "\xff"\n')
    assert load_file(path).describe(EN) == f"{path}:2:10: not UTF-8 text: byte 0xff cannot be decoded"


def test_a_bad_file_never_hides_the_good_ones(tmp_path):
    good_copy(tmp_path, "second")
    write(tmp_path, "broken.toml", "this is not toml")
    library = load_library(search_folders([tmp_path], environ={}))
    assert list(library.briefings) == [*BUNDLED_IDS, "second"]
    assert len(library.errors) == 1 and library.errors[0].path.name == "broken.toml"


def test_a_duplicate_briefing_id_is_an_error_for_the_later_file(tmp_path):
    shutil.copy(FIRST_BRIEFING, tmp_path / "copy.toml")
    library = load_library(search_folders([tmp_path], environ={}))
    assert list(library.briefings) == BUNDLED_IDS
    assert "is already used by" in library.errors[0].describe(EN)


def test_briefing_path_adds_folders_after_data(tmp_path, monkeypatch):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir(), second.mkdir()
    good_copy(first, "from-data")
    good_copy(second, "from-env")
    folders = search_folders([first], environ={"BRIEFING_PATH": f"{second}"})
    assert folders[1:] == [first, second]
    assert list(load_library(folders).briefings) == [*BUNDLED_IDS, "from-data", "from-env"]


def test_a_missing_folder_is_reported(tmp_path):
    library = load_library([tmp_path / "absent"])
    assert library.errors[0].describe(EN).endswith("absent: no such file or folder")


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_error_lines_are_single_lines(tmp_path, locale):
    write(tmp_path, "a.toml", 'id = "x"\ntitle = \n')
    write(tmp_path, "b.toml", b"\xfe\xff")
    good_copy(tmp_path, "c").write_text('id = "Bad Id"\n', encoding="utf-8")
    for error in load_library([tmp_path]).errors:
        assert "\n" not in error.describe(localizer(locale))
