"""The cache of validated briefings: a file read before is not parsed or validated again."""

import os
import subprocess
import sys

import pytest

from briefing import store
from briefing import validate as validate_module
from briefing.cache import BriefingCache
from briefing.cli import main
from briefing.store import load_file
from tests.conftest import FIRST_BRIEFING, REPO


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_bytes(FIRST_BRIEFING.read_bytes())
    return path


@pytest.fixture
def validations(monkeypatch):
    calls = []
    real = validate_module.validate

    def counted(path, raw):
        calls.append(path)
        return real(path, raw)

    monkeypatch.setattr(validate_module, "validate", counted)
    return calls


def test_a_file_read_before_is_not_validated_again(tmp_path, copy, validations):
    cache = BriefingCache(tmp_path / "cache")
    first, second = load_file(copy, cache), load_file(copy, cache)
    assert len(validations) == 1
    assert second == first and second.title.get("ru").startswith("Казахстан")


def test_an_edited_file_is_validated_again(tmp_path, copy, validations):
    cache = BriefingCache(tmp_path / "cache")
    load_file(copy, cache)
    copy.write_text(copy.read_text(encoding="utf-8").replace("value = 416", "value = 417", 1), encoding="utf-8")
    assert load_file(copy, cache).statistics[0].value == 417
    assert len(validations) == 2


def test_a_broken_file_is_never_served_from_the_cache(tmp_path, copy):
    cache = BriefingCache(tmp_path / "cache")
    load_file(copy, cache)
    copy.write_text("broken =", encoding="utf-8")
    assert isinstance(load_file(copy, cache), store.LoadError)


def test_a_damaged_entry_means_validating_again(tmp_path, copy, validations):
    cache = BriefingCache(tmp_path / "cache")
    load_file(copy, cache)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"not a pickle")
    assert load_file(copy, cache).id == "kz-iaea-far-east-2025"
    assert len(validations) == 2


def test_a_folder_others_may_write_to_is_not_used(tmp_path, copy, validations):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    cache = BriefingCache(folder)
    load_file(copy, cache), load_file(copy, cache)
    assert cache.folder is None and list(folder.iterdir()) == [] and len(validations) == 2


def test_an_unwritable_cache_costs_nothing(tmp_path, copy):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert load_file(copy, BriefingCache(blocker / "cache")).id == "kz-iaea-far-east-2025"


def test_check_always_validates(copy, validations, capsys):
    assert main(["check", str(copy)]) == 0
    assert main(["check", str(copy)]) == 0
    assert len(validations) == 2


def test_the_cache_can_be_turned_off(monkeypatch, copy, validations, capsys):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    main(["--data", str(copy.parent), "print", "kz-iaea-far-east-2025"])
    main(["--data", str(copy.parent), "print", "kz-iaea-far-east-2025"])
    assert len(validations) >= 2


def test_a_warm_print_does_not_import_pydantic(tmp_path):
    """The fast path: a briefing validated before prints without the validation machinery."""
    code = ("import sys\n"
            "from briefing.cli import main\n"
            "code = main(['print', 'kz-iaea-far-east-2025', '--lang', 'ru'])\n"
            "print('PYDANTIC' if 'pydantic' in sys.modules else 'NO-PYDANTIC', file=sys.stderr)\n"
            "sys.exit(code)\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO)
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO)
    assert cold.returncode == warm.returncode == 0
    assert cold.stderr.strip() == "PYDANTIC" and warm.stderr.strip() == "NO-PYDANTIC"
    assert warm.stdout == cold.stdout
