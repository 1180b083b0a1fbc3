"""The wheel carries the briefings, the styles and the compiled catalogs, and prints from anywhere."""

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("briefing-*.whl"))


def test_wheel_contains_data_styles_and_compiled_catalogs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "briefing/_bundled/data/briefings/kz-iaea-far-east-2025.toml" in names
    assert any(n.startswith("briefing/_bundled/styles/") and n.endswith(".tcss") for n in names)
    assert "briefing/locale/ru/LC_MESSAGES/messages.mo" in names
    assert "briefing/data/export.schema.json" in names  # what `briefing schema --export` prints


def test_wheel_installs_shell_completion_and_manual_pages_under_its_prefix(wheel):
    """pip puts a wheel's <name>.data/data/ files under the prefix: share/man/man1/briefing.1 and so on."""
    from briefing import shell_files

    archive = zipfile.ZipFile(wheel)
    data = f"{wheel.name.split('-py')[0]}.data/data/share/"
    for path in [*shell_files.COMPLETIONS.values(), *shell_files.MANUALS.values()]:
        assert archive.read(data + path).decode("utf-8") == (shell_files.SHARE / path).read_text(encoding="utf-8")


def test_unpacked_wheel_prints_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = f"import sys; sys.path.insert(0, {str(site)!r}); from briefing.cli import main; sys.exit(main())"
    result = subprocess.run([sys.executable, "-I", "-c", code, "print", "kz-iaea-far-east-2025", "--lang", "ru"], cwd=elsewhere,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "КЛЮЧЕВОЕ РЕШЕНИЕ" in result.stdout
