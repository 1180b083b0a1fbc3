"""A corpus of bad briefing files: one clear line each, exit status 2, no traceback, the good ones still load.

tests/corpus/base.toml is a small valid briefing.  Each file in tests/corpus/bad/
is that briefing with one mistake, and its first two lines say what the user must
see after the file's name, in English and in Russian:

    # expect: statistics[0].value: expected a number, got '416'
    # expect-ru: statistics[0].value: ожидалось число, получено: '416'

Files in tests/corpus/accepted/ are unusual but valid (a UTF-8 byte order mark,
hostile text) and load quietly.  Hazards that cannot be committed (a 50 MB
file, symbolic link loops, unreadable files, FIFOs, hostile file names) are
made here at test time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import store
from briefing.i18n import localizer
from briefing.records import Record
from briefing.sanitize import is_safe_line
from briefing.store import LoadError, load_file, load_library
from tests.conftest import BUNDLED_IDS, FIRST_BRIEFING, REPO

CORPUS = Path(__file__).parent / "corpus"
BASE = CORPUS / "base.toml"
BAD = sorted((CORPUS / "bad").glob("*.toml"))
ACCEPTED = sorted((CORPUS / "accepted").glob("*.toml"))
BUNDLED_ID = "kz-iaea-far-east-2025"
def RU_FILES(count: int) -> str:
    """'файл' after 1, 21, 31…; 'файла' after 2–4, 22–24…; 'файлов' after 5–20, 25–30… (written here, not by CLDR)."""
    if count % 10 == 1 and count % 100 != 11:
        return "файл"
    return "файла" if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else "файлов"


#: Counts are tied to their nouns by no-break spaces.
SUMMARY = {"en": "{n}\u00a0files checked: 0\u00a0good, {n}\u00a0bad",
           "ru": "проверено {n}\u00a0{files}: 0\u00a0без ошибок, {n}\u00a0с ошибками"}


def run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
                          env=environ, cwd=REPO, timeout=60, **kwargs)


def expectation(path: Path, locale: str = "en") -> str:
    """What the file's header says the user sees after "<file>:" (the place, then what was expected)."""
    first, second = path.read_bytes().split(b"\n", 2)[:2]
    line = (first if locale == "en" else second).decode("utf-8")
    prefix = "# expect: " if locale == "en" else "# expect-ru: "
    assert line.startswith(prefix), f"{path.name} has no '{prefix}' line"
    return line.removeprefix(prefix)


def reports(line: str, path: Path, expected: str) -> bool:
    """True when the stderr line names the file and then says exactly what was expected (a dash is tied
    to the word before it with a no-break space, which the expectations write as a plain one)."""
    head = f"{path}:"
    return line.startswith(head) and line[len(head):].lstrip(" ").replace("\u00a0—", " —") == expected


def good_copy(folder: Path) -> Path:
    return Path(shutil.copy(BASE, folder / "good.toml"))


# --- the committed corpus ------------------------------------------------------

def test_the_corpus_is_large_and_its_base_is_good():
    assert len(BAD) >= 25
    assert isinstance(load_file(BASE), Record)
    assert run("check", str(BASE)).returncode == 0


#: The bad files whose mistake is in the header, what `list` reads of a file (its format, id, title and date,
#: and the text before its first table): `list` reports these; the others only when the briefing is opened.
HEADER_MISTAKES = {
    "comments-only", "deep-nesting-recursive", "deep-nesting", "empty-text", "hostile-id", "hostile-key", "id-too-long",
    "id-upper-case", "impossible-date", "missing-locale", "not-a-language-code", "not-utf8-cp1251",
    "syntax-duplicate-key", "syntax-escape-byte-in-string", "syntax-missing-value", "syntax-nul-byte",
    "syntax-unterminated-string", "too-many-values", "type-date-is-text", "type-date-is-time", "type-title-is-text",
    "utf16",
}


def other_good_copy(folder: Path) -> Path:
    """The base briefing under an id of its own, so that a bad copy of it that lists is no duplicate."""
    path = folder / "good.toml"
    path.write_text(BASE.read_text("utf-8").replace('id = "corpus-base"', 'id = "corpus-good"', 1), "utf-8")
    return path


def test_the_header_mistakes_are_files_of_the_corpus():
    assert HEADER_MISTAKES < {path.stem for path in BAD}


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_a_bad_file_gives_its_line_and_status_2_and_never_hides_the_good_ones(path, tmp_path):
    """`list` reads headers: a bad header is its line there; a bad rest, its line when the briefing is opened."""
    bad = Path(shutil.copy(path, tmp_path / path.name))
    other_good_copy(tmp_path)
    result = run("--data", str(tmp_path), "list")
    assert "Traceback" not in result.stderr
    listed = [row.split()[0] for row in result.stdout.splitlines()]
    if path.stem in HEADER_MISTAKES:
        assert result.returncode == 2
        [line] = result.stderr.splitlines()
        assert reports(line, bad, expectation(path)), line
        assert listed == [*BUNDLED_IDS, "corpus-good"]
        return
    assert result.returncode == 0 and result.stderr == ""
    assert sorted(listed) == sorted([*BUNDLED_IDS, "corpus-base", "corpus-good"])
    opened = run("--data", str(tmp_path), "print", "corpus-base")
    assert opened.returncode == 2 and opened.stdout == "" and "Traceback" not in opened.stderr
    [line] = opened.stderr.splitlines()
    assert reports(line, bad, expectation(path)), line
    assert run("--data", str(tmp_path), "print", "corpus-good").returncode == 0


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_the_loader_gives_each_bad_file_its_line_in_both_languages(path):
    """The line the commands print is the loader's: the place in the file, then the message, in English and
    Russian.  Checked here in this process as well, where mutation testing sees which code each test runs."""
    error = load_file(path)
    assert isinstance(error, LoadError)
    for locale in ("en", "ru"):
        line = error.describe(localizer(locale))
        assert reports(line, path, expectation(path, locale)), line


SEVERITY = {"en": "error", "ru": "ошибка"}


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_check_gives_every_error_of_each_bad_file_at_its_line_and_column_in_each_language(locale):
    """What `list` says of a file, `check` says too, after its line, column and severity, among the file's
    other errors; only a file that cannot be read or parsed as a whole, or nested too deeply, has no line."""
    result = run("check", "--lang", locale, *map(str, BAD))
    assert result.returncode == 2 and result.stdout == ""
    *lines, summary = result.stderr.splitlines()
    assert summary == SUMMARY[locale].format(n=len(BAD), files=RU_FILES(len(BAD)))
    for path in BAD:
        mine = [line for line in lines if line.startswith(f"{path}:")]
        assert mine, path
        expected = expectation(path, locale)
        place = re.compile(rf"{re.escape(str(path))}:(\d+:\d+:)? {SEVERITY[locale]}: ")
        tails = [place.sub("", line, count=1).replace("\u00a0—", " —") for line in mine]
        assert expected in tails or f"{expected.split(': ', 1)[1]}" in tails, (path, mine)
        assert all(place.match(line) for line in mine), mine
        if not path.stem.startswith(("syntax-", "deep-", "not-utf8", "utf16", "too-many")):
            assert all(re.match(rf"{re.escape(str(path))}:\d+:\d+: ", line) for line in mine), mine


def test_check_still_passes_the_good_file_among_the_bad_ones():
    result = run("check", *map(str, BAD[:3]), str(BASE), *map(str, BAD[3:6]))
    assert result.returncode == 2
    assert result.stdout == f"ok: {BASE} (corpus-base)\n"
    assert result.stderr.splitlines()[-1] == "7\u00a0files checked: 1\u00a0good, 6\u00a0bad"


@pytest.mark.parametrize("path", ACCEPTED, ids=[p.stem for p in ACCEPTED])
def test_accepted_files_load_quietly(path):
    result = run("check", str(path))
    assert result.returncode == 0 and result.stdout.startswith(f"ok: {path} (corpus-")
    assert result.stderr.splitlines() == ["1\u00a0file checked: 1\u00a0good, 0\u00a0bad"]


def test_a_utf8_byte_order_mark_is_accepted():
    """Windows editors write one; refusing it would help nobody, and it cannot hide anything."""
    path = CORPUS / "accepted" / "bom.toml"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_file(path).id == "corpus-bom"


def test_windows_line_ends_are_accepted(tmp_path):
    path = tmp_path / "crlf.toml"
    path.write_bytes(BASE.read_bytes().replace(b"\n", b"\r\n"))
    assert load_file(path).id == "corpus-base"


# --- hazards made at test time -------------------------------------------------

MB = 1024 * 1024
Hazard = Callable[[Path], tuple[Path, str]]


def huge_file(folder: Path) -> tuple[Path, str]:
    """50 MB, sparse: refused from its size alone."""
    path = folder / "huge.toml"
    with path.open("wb") as handle:
        handle.write(b'id = "huge"\n')
        handle.truncate(50 * MB)
    return path, "the file is larger than 1 MB, too large for a briefing"


def just_too_large(folder: Path) -> tuple[Path, str]:
    path = folder / "large.toml"
    path.write_bytes(b"# " + b"x" * store.MAX_FILE_BYTES + b"\n")
    return path, "the file is larger than 1 MB, too large for a briefing"


def symlink_loop(folder: Path) -> tuple[Path, str]:
    """A link to itself, and a folder link back up: neither hangs the walk."""
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    path = folder / "loop.toml"
    os.symlink("loop.toml", path)
    return path, "cannot read the file: its symbolic links form a loop"


def broken_symlink(folder: Path) -> tuple[Path, str]:
    path = folder / "gone.toml"
    os.symlink(folder / "nowhere" / "x.toml", path)
    return path, "cannot read the file: it does not exist, or is a broken symbolic link"


def fifo(folder: Path) -> tuple[Path, str]:
    """Opening a FIFO for reading would block until a writer came: the loader never waits."""
    path = folder / "pipe.toml"
    os.mkfifo(path)
    return path, "not a regular file: briefings are read only from ordinary files"


def unreadable(folder: Path) -> tuple[Path, str]:
    """chmod 000 stops anyone but root; as root, a file whose reads fail is used instead."""
    if os.geteuid() != 0:
        path = good_copy(folder).rename(folder / "secret.toml")
        path.chmod(0)
        return path, "cannot read the file: no permission to read it"
    if not Path("/proc/self/mem").exists():
        pytest.skip("running as root, and no /proc/self/mem to make a file that cannot be read")
    path = folder / "secret.toml"
    os.symlink("/proc/self/mem", path)  # a regular file whose first byte cannot be read
    return path, "cannot read the file: input/output error"


def unreadable_folder(folder: Path) -> tuple[Path, str]:
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    path = folder / "locked"
    path.mkdir()
    good_copy(path)
    path.chmod(0)
    return path, "cannot read the folder: no permission to read it"


def escape_codes_in_name(folder: Path) -> tuple[Path, str]:
    path = folder / "\x1b[31mred\x1b[0m.toml"
    path.write_text("title =\n", encoding="utf-8")
    return Path(f"{folder}/\\x1b[31mred\\x1b[0m.toml"), "1:8: invalid TOML: Invalid value"


def name_not_utf8(folder: Path) -> tuple[Path, str]:
    path = Path(os.fsdecode(bytes(folder) + b"/caf\xe9.toml"))
    path.write_text("title =\n", encoding="utf-8")
    return Path(f"{folder}/caf\\xe9.toml"), "1:8: invalid TOML: Invalid value"


def empty_file(folder: Path) -> tuple[Path, str]:
    path = folder / "empty.toml"
    path.write_bytes(b"")
    return path, "id: required key is missing"


def duplicate_id(folder: Path) -> tuple[Path, str]:
    path = folder / "z-copy.toml"
    shutil.copy(BASE, path)
    return path, f"id: the briefing id “corpus-base” is already used by {folder / 'good.toml'}"


HAZARDS: list[Hazard] = [huge_file, just_too_large, symlink_loop, broken_symlink, fifo, unreadable,
                         unreadable_folder, escape_codes_in_name, name_not_utf8, empty_file, duplicate_id]


@pytest.mark.skipif(os.name != "posix", reason="links, FIFOs and permissions as on POSIX")
@pytest.mark.parametrize("make", HAZARDS, ids=[h.__name__ for h in HAZARDS])
def test_a_hazard_in_a_data_folder_gives_one_line_and_hides_nothing(make, tmp_path):
    good_copy(tmp_path)
    shown, expected = make(tmp_path)
    try:
        result = run("--data", str(tmp_path), "list")
    finally:
        for path in tmp_path.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o700)  # so that pytest can clean up
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert reports(line, shown, expected), line
    assert [row.split()[0] for row in result.stdout.splitlines()] == [*BUNDLED_IDS, "corpus-base"]


def test_a_file_too_large_is_refused_without_being_read(tmp_path, monkeypatch):
    path, _ = huge_file(tmp_path)
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    assert isinstance(load_file(path), LoadError)
    assert read == []


def test_the_loader_reads_at_most_one_byte_past_the_limit(tmp_path, monkeypatch):
    """Even when a file's size says it is small (as files in /proc do)."""
    path = tmp_path / "grows.toml"
    path.write_bytes(b"x" * (store.MAX_FILE_BYTES + 5000))
    real_fstat = os.fstat

    def lying_fstat(fd):
        info = real_fstat(fd)
        return os.stat_result((*info[:6], 0, *info[7:]))  # st_size = 0

    read = []
    real_read = os.read
    monkeypatch.setattr(os, "fstat", lying_fstat)
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(len(data := real_read(fd, n))) or data)
    assert load_file(path).message == store.N_("the file is larger than {limit} MB, too large for a briefing")
    assert sum(read) == store.MAX_FILE_BYTES + 1


# --- whatever the bytes, the loader answers -----------------------------------

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLE = BASE.read_bytes()


def _answers_calmly(path: Path) -> None:
    result = load_file(path)
    if isinstance(result, LoadError):
        for locale in ("en", "ru"):
            assert is_safe_line(result.describe(localizer(locale)))
    else:
        assert isinstance(result, Record)


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_briefing_or_one_safe_line(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz-bytes.toml"
    path.write_bytes(data)
    _answers_calmly(path)


@FUZZ
@given(st.integers(0, len(SAMPLE)), st.integers(0, 40), st.binary(max_size=40) | st.text(max_size=40).map(str.encode))
def test_any_edit_of_a_good_file_gives_a_briefing_or_one_safe_line(tmp_path_factory, at, cut, insert):
    path = tmp_path_factory.getbasetemp() / "fuzz-edit.toml"
    path.write_bytes(SAMPLE[:at] + insert + SAMPLE[at + cut:])
    _answers_calmly(path)


def test_a_library_of_every_bad_file_still_loads_every_good_one(tmp_path):
    for path in BAD:
        shutil.copy(path, tmp_path / path.name)
    good_copy(tmp_path)
    library = load_library([tmp_path])
    assert list(library.briefings) == ["corpus-base"]
    assert len(library.errors) == len(BAD)


def test_a_file_of_exactly_the_size_limit_loads_and_one_byte_more_is_refused(tmp_path):
    """The limit is 1 MB inclusive: a briefing padded to exactly MAX_FILE_BYTES loads; one byte more is refused
    with one line, whether fstat tells the size or the reading finds it."""
    raw = FIRST_BRIEFING.read_bytes()
    padding = store.MAX_FILE_BYTES - len(raw) - 3
    exact = tmp_path / "exact.toml"
    exact.write_bytes(raw + b"\n# " + b"x" * padding)
    assert exact.stat().st_size == store.MAX_FILE_BYTES
    assert not isinstance(store.load_file(exact), store.LoadError)
    over = tmp_path / "over.toml"
    over.write_bytes(raw + b"\n# " + b"x" * (padding + 1))
    refused = store.load_file(over)
    assert isinstance(refused, store.LoadError)
    assert refused.describe(localizer("en")).endswith("the file is larger than 1 MB, too large for a briefing")
