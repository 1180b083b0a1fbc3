"""A library read by its headers: each file's id, title and date at start, a briefing in full only when opened.

The headers found are kept in an index per folder in the cache folder: a file
unchanged since (same size, times and inode) is not opened again, a touched
one is not parsed again, an edited one is; a damaged or forged index is
ignored and rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefing import cache as cache_module
from briefing import header_index
from briefing import validate as validate_module
from briefing.cache import BriefingCache
from briefing.cli import main
from briefing.i18n import localizer
from briefing.records import Record, Text
from briefing.store import Header, Library, LoadError, load_library, scan_library
from tests.conftest import FIRST_BRIEFING, REPO, build

EN, RU = localizer("en"), localizer("ru")
FIRST_TEXT = FIRST_BRIEFING.read_text("utf-8")
TITLE_EN = "Kazakhstan admitted to the IAEA Far East Regional Group"
RU_TITLE = "Казахстан принят в Дальневосточную региональную группу МАГАТЭ"
FIRST_DATE = dt.date(2025, 11, 21)


def briefing_file(folder: Path, brief_id: str, title: str = TITLE_EN, name: str | None = None) -> Path:
    """The first bundled briefing under another id and English title."""
    path = folder / (name or f"{brief_id}.toml")
    path.write_text(FIRST_TEXT.replace('id = "kz-iaea-far-east-2025"', f'id = "{brief_id}"', 1)
                    .replace(f'title.en = "{TITLE_EN}"', f'title.en = "{title}"', 1), "utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    made = tmp_path / "briefings"
    made.mkdir()
    for n in range(3):
        briefing_file(made, f"b{n}", f"Briefing {n}")
    return made


@pytest.fixture
def cache(tmp_path):
    return BriefingCache(tmp_path / "cache")


class Calls:
    """Counts the headers read, the briefings validated in full and the .toml files opened."""

    def __init__(self, monkeypatch):
        self.headers, self.full, self.opened = [], [], []
        real_header, real_full, real_open = validate_module.validate_header, validate_module.validate, os.open
        monkeypatch.setattr(validate_module, "validate_header",
                            lambda path, raw: self.headers.append(path) or real_header(path, raw))
        monkeypatch.setattr(validate_module, "validate", lambda path, raw: self.full.append(path) or real_full(path, raw))

        def counted_open(path, *args, **kwargs):
            if str(path).endswith(".toml"):
                self.opened.append(path)
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", counted_open)

    def reset(self) -> None:
        self.headers.clear(), self.full.clear(), self.opened.clear()


@pytest.fixture
def calls(monkeypatch):
    return Calls(monkeypatch)


def titles(library: Library) -> dict[str, str]:
    return {brief_id: header.title["en"] for brief_id, header in library.headers.items()}


def index_files(cache: BriefingCache) -> list[Path]:
    return sorted(cache.folder.glob("*" + cache_module.INDEX_SUFFIX))


def settle(monkeypatch) -> None:
    """Let the files' times be older than the racy window, as they are a few seconds after an edit."""
    monkeypatch.setattr(header_index, "RACY_NS", -10**18)


# --- headers only, a briefing in full when opened ----------------------------------------------------


def test_a_scan_reads_headers_and_validates_no_briefing(folder, cache, calls):
    library = scan_library([folder], cache)
    assert titles(library) == {"b0": "Briefing 0", "b1": "Briefing 1", "b2": "Briefing 2"}
    assert library.headers["b1"] == Header("b1", Text(en="Briefing 1", ru=RU_TITLE), FIRST_DATE, folder / "b1.toml")
    assert calls.full == [] and len(calls.headers) == 3 and library.briefings == {}


def test_a_briefing_is_read_in_full_once_when_loaded(folder, cache, calls):
    library = scan_library([folder], cache)
    first = library.load("b1")
    assert isinstance(first, Record) and first.title["en"] == "Briefing 1" and len(first.statistics) > 3
    assert library.load("b1") is first
    assert calls.full == [folder / "b1.toml"] and library.origins == {"b1": folder / "b1.toml"}


def test_a_bad_rest_is_listed_and_its_line_comes_when_it_is_loaded(folder, cache):
    bad = folder / "b1.toml"
    bad.write_text(bad.read_text("utf-8").replace("value = 416", 'value = "416"', 1), "utf-8")
    library = scan_library([folder], cache)
    assert list(library.headers) == ["b0", "b1", "b2"] and library.errors == []
    error = library.load("b1")
    assert isinstance(error, LoadError)
    assert error.describe(EN) == f"{bad}:statistics[0].value: numbers go unquoted: value = 416"
    assert library.load("b1") == error and library.errors == [error]  # reported once, however often asked
    assert library.first() == "b0"


def test_first_skips_the_briefings_that_do_not_load(folder, cache):
    for name in ("b0.toml", "b1.toml"):
        (folder / name).write_text((folder / name).read_text("utf-8") + "\n[[oops]]\n", "utf-8")
    library = scan_library([folder], cache)
    assert library.first() == "b2" and len(library.errors) == 2
    for name in ("b2.toml",):
        (folder / name).write_text("broken =", "utf-8")
    assert scan_library([folder], cache).first() is None


def test_a_file_whose_id_changed_after_it_was_listed_says_so(folder, cache):
    library = scan_library([folder], cache)
    briefing_file(folder, "renamed", name="b1.toml")
    error = library.load("b1")
    assert error.describe(EN) == f"{folder / 'b1.toml'}:id: the file has changed since it was listed: its id is now “renamed”"
    assert error.describe(RU) == (f"{folder / 'b1.toml'}:id: файл изменился после того, как попал в список: "
                                  "теперь его идентификатор\u00a0— «renamed»")


def test_a_library_of_briefings_takes_their_headers_from_them():
    brief = build(id="made", title={"en": "Made here", "ru": "Сделано здесь"})
    library = Library(briefings={"made": brief})
    assert library.headers["made"].title == Text(en="Made here", ru="Сделано здесь")
    assert library.load("made") is brief and library.first() == "made"


def test_load_library_still_reads_every_file_in_full(folder, calls):
    library = load_library([folder])
    assert list(library.briefings) == list(library.headers) == ["b0", "b1", "b2"] and len(calls.full) == 3


# --- the header: Briefing's rules, from the text before the first table --------------------------------


def header_of(tmp_path: Path, content: str) -> Header | LoadError:
    path = tmp_path / "one.toml"
    path.write_text(content, "utf-8")
    return validate_module.validate_header(path, path.read_bytes())[0]


HEAD = 'id = "x"\ntitle = { en = "T", ru = "Т" }\ndate = 2025-01-02\n'


def test_the_header_is_read_from_the_text_before_the_first_table(tmp_path):
    raw = (HEAD + "[decision]\nwhat = 1\n[[broken\n").encode()
    header, used = validate_module.validate_header(tmp_path / "x.toml", raw)
    assert header == Header("x", Text(en="T", ru="Т"), dt.date(2025, 1, 2), tmp_path / "x.toml")
    assert used == len(HEAD.encode()) + 1  # up to and with the bracket that ends it


def test_a_title_given_as_a_table_is_read_from_the_whole_file(tmp_path):
    header = header_of(tmp_path, 'id = "x"\ndate = 2025-01-02\n[decision]\nwhat = 1\n[title]\nen = "T"\nru = "Т"\n')
    assert header.title == Text(en="T", ru="Т")


def test_a_bracket_line_inside_a_multi_line_string_does_not_cut_the_header(tmp_path):
    header = header_of(tmp_path, 'id = "x"\nnote = """\n[not a table]\n"""\ntitle = { en = "T", ru = "Т" }\n'
                                 'date = 2025-01-02\n[decision]\n')
    assert isinstance(header, Header) and header.id == "x"


@pytest.mark.parametrize(("content", "line"), [
    ('id = "X"\ntitle = { en = "T", ru = "Т" }\ndate = 2025-01-02\n', "id: “X” is not an id of the form [a-z0-9][a-z0-9._-]* (lower-case letters, digits, “.”, “_”, “-”), such as kz-iaea-2025"),
    ('id = "x"\ntitle = { en = "T" }\ndate = 2025-01-02\n', "title: the “ru” text is missing"),
    ('id = "x"\ntitle = { en = "T", ru = "Т" }\ndate = "2025"\n', "date: numbers go unquoted: date = 2025"),
    ('id = "x"\ntitle = { en = "T", ru = "Т" }\ndate = 2025-01-02T10:00:00\n',
     "date: expected a date such as 2025-11-21, got a date and time"),
    ('format = 3\nid = "x"\ntitle = { en = "T", ru = "Т" }\ndate = 2025-01-02\n', "format: expected one of 1, 2, got 3"),
    ('id = "x"\ntitle = { en = "T", ru = "Т" }\n[decision]\n', "date: required key is missing"),
    ('id = "x"\ntitle = \ndate = 2025-01-02\n[a]\nb = 1\n', "2:9: invalid TOML: Invalid value"),
])
def test_a_bad_header_gives_the_line_a_full_check_gives(tmp_path, content, line):
    error = header_of(tmp_path, content)
    assert isinstance(error, LoadError)
    assert error.describe(EN) == f"{tmp_path / 'one.toml'}:{line}"
    full = validate_module.validate(tmp_path / "one.toml", (tmp_path / "one.toml").read_bytes())
    assert full.describe(EN) == error.describe(EN)


def test_a_bad_header_is_listed_as_an_error_and_hides_nothing(folder, cache):
    (folder / "b1.toml").write_text('id = "b1"\ntitle = { en = "T" }\n', "utf-8")
    library = scan_library([folder], cache)
    assert list(library.headers) == ["b0", "b2"]
    assert [e.describe(EN) for e in library.errors] == [f"{folder / 'b1.toml'}:title: the “ru” text is missing"]


def test_a_duplicate_id_is_one_line_cold_and_warm(folder, cache, monkeypatch):
    briefing_file(folder, "b0", "Again", name="zz.toml")
    expected = [f"{folder / 'zz.toml'}:id: the briefing id “b0” is already used by {folder / 'b0.toml'}"]
    cold = scan_library([folder], cache)
    settle(monkeypatch)
    warm = scan_library([folder], cache)
    for library in (cold, warm):
        assert [e.describe(EN) for e in library.errors] == expected
        assert library.headers["b0"].title["en"] == "Briefing 0"


# --- the index: a warm scan opens nothing -----------------------------------------------------------


def test_a_second_scan_opens_no_briefing_file(folder, cache, calls, monkeypatch):
    scan_library([folder], cache)
    settle(monkeypatch)
    calls.reset()
    library = scan_library([folder], cache)
    assert titles(library)["b2"] == "Briefing 2"
    assert calls.opened == [] and calls.headers == [] and calls.full == []


def test_the_index_is_written_only_when_something_changed(folder, cache, monkeypatch):
    writes = []
    real = cache.write
    monkeypatch.setattr(cache, "write", lambda *args, **kw: writes.append(args[1]) or real(*args, **kw))
    scan_library([folder], cache)
    assert writes == [cache_module.INDEX_SUFFIX]
    settle(monkeypatch)
    scan_library([folder], cache)
    assert writes == [cache_module.INDEX_SUFFIX]
    (folder / "b2.toml").unlink()
    assert list(scan_library([folder], cache).headers) == ["b0", "b1"]
    assert len(writes) == 2


def test_an_edited_file_is_read_again(folder, cache, calls, monkeypatch):
    scan_library([folder], cache)
    settle(monkeypatch)
    briefing_file(folder, "b1", "Edited title, longer than it was")
    calls.reset()
    library = scan_library([folder], cache)
    assert titles(library)["b1"] == "Edited title, longer than it was"
    assert calls.headers == [folder / "b1.toml"]


def test_a_file_edited_to_the_same_size_and_times_is_read_again_by_its_bytes(folder, cache, calls, monkeypatch):
    """Times restored (as some tools do) and the size unchanged: the change time and then the bytes tell."""
    scan_library([folder], cache)
    settle(monkeypatch)
    path = folder / "b1.toml"
    before = path.stat()
    briefing_file(folder, "b1", "Briefing X")  # the same length as "Briefing 1"
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    calls.reset()
    assert titles(scan_library([folder], cache))["b1"] == "Briefing X"
    assert calls.headers == [path]


def test_a_touched_file_is_hashed_not_parsed(folder, cache, calls, monkeypatch):
    scan_library([folder], cache)
    settle(monkeypatch)
    path = folder / "b1.toml"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    calls.reset()
    assert titles(scan_library([folder], cache))["b1"] == "Briefing 1"
    assert calls.opened == [path] and calls.headers == []
    calls.reset()
    scan_library([folder], cache)  # recorded afresh: not even opened now
    assert calls.opened == []


def test_a_file_changed_after_its_header_only_keeps_its_entry(folder, cache, calls, monkeypatch):
    """Only the bytes the header was read from count: an edit further on changes nothing a list shows."""
    scan_library([folder], cache)
    settle(monkeypatch)
    path = folder / "b1.toml"
    path.write_text(path.read_text("utf-8").replace("value = 416", "value = 417", 1), "utf-8")
    calls.reset()
    assert titles(scan_library([folder], cache))["b1"] == "Briefing 1"
    assert calls.opened == [path] and calls.headers == []


def stat_of(size: int, mtime_ns: int) -> os.stat_result:
    """A regular file's status with that size, inode 7, and that modification and change time."""
    return os.stat_result((0o100644, 7, 0, 1, 0, 0, size, 0, 0, 0, 0.0, 0.0, 0.0, 0, mtime_ns, mtime_ns))


def test_a_file_modified_just_before_it_was_recorded_is_checked_by_its_bytes(cache, tmp_path, monkeypatch):
    """Within RACY_NS of the scan that recorded it a change could keep its times: at RACY_NS it could not."""
    folder = tmp_path / "f"
    header = Header("x", Text(en="T", ru="Т"), FIRST_DATE, folder / "x.toml")
    racy = header_index.RACY_NS
    monkeypatch.setattr(header_index, "time", SimpleNamespace(time_ns=lambda: 10 * racy))  # when the scans start
    index = header_index.FolderIndex(cache, folder)
    for n, mtime in enumerate((9 * racy, 9 * racy - 1)):
        index.keep(f"/{n}", stat_of(5, mtime), b"bytes", header)
    index.save()
    again = header_index.FolderIndex(cache, folder)
    assert again.unchanged("/0", stat_of(5, 9 * racy)) is None
    assert again.unchanged("/1", stat_of(5, 9 * racy - 1)).title == header.title
    assert again.unchanged("/1", stat_of(6, 9 * racy - 1)) is None  # the size differs
    assert again.same_bytes("/0", None, b"bytes and more").id == "x"
    assert again.same_bytes("/0", None, b"bytez") is None and again.same_bytes("/0", None, b"byte") is None


def test_files_recorded_just_after_a_change_are_trusted_once_the_change_is_old(folder, cache, calls, monkeypatch):
    newest = max(path.stat().st_mtime_ns for path in folder.iterdir())
    for delay in (1, 10 * header_index.RACY_NS):  # just after the files were written; then well after
        monkeypatch.setattr(header_index, "time", SimpleNamespace(time_ns=lambda: newest + delay))
        scan_library([folder], cache)
    calls.reset()
    scan_library([folder], cache)
    assert calls.opened == []


def test_the_index_is_private_and_no_temporary_file_is_left(folder, cache):
    scan_library([folder], cache)
    [index] = index_files(cache)
    assert index.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in cache.folder.iterdir()] == [index.name]


def test_without_a_cache_a_scan_works_and_writes_nothing(folder, tmp_path):
    library = scan_library([folder], BriefingCache(None))
    assert list(library.headers) == ["b0", "b1", "b2"]
    assert list(scan_library([folder]).headers) == ["b0", "b1", "b2"]


def test_each_folder_has_its_index(folder, cache, tmp_path, monkeypatch):
    other = tmp_path / "other"
    other.mkdir()
    briefing_file(other, "c0")
    scan_library([folder, other], cache)
    assert len(index_files(cache)) == 2
    settle(monkeypatch)
    assert list(scan_library([other], cache).headers) == ["c0"]


def test_the_index_is_evicted_with_the_entries(folder, cache, monkeypatch):
    scan_library([folder], cache)
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 0)
    cache.tidy()
    assert index_files(cache) == []


# --- a damaged or forged index is ignored, and rebuilt ----------------------------------------------


def forge(cache: BriefingCache, index: Path, content: bytes) -> None:
    """Write `content` as the index, with a checksum that holds: only its content is wrong."""
    key = index.name.removesuffix(cache_module.INDEX_SUFFIX)
    index.write_bytes(cache_module.MAGIC + cache_module._checksum(key, content) + b"\n" + content)


def payload_of(index: Path) -> dict:
    return json.loads(index.read_bytes().split(b"\n", 2)[2])


def good_entry(index: Path) -> list:
    return payload_of(index)["files"][0]


FORGERIES = {
    "not JSON": lambda good: b"\x80\x81 not json",
    "not an object": lambda good: b"[]",
    "an extra key": lambda good: json.dumps({**good, "more": 1}).encode(),
    "scanned is text": lambda good: json.dumps({**good, "scanned": "1"}).encode(),
    "files is an object": lambda good: json.dumps({**good, "files": {}}).encode(),
    "a field too few": lambda good: json.dumps({**good, "files": [good["files"][0][:-1]]}).encode(),
    "a negative size": lambda good: entry(good, 1, -1),
    "a size that is true": lambda good: entry(good, 1, True),
    "a time that is a float": lambda good: entry(good, 2, 1.5),
    "a digest not hex": lambda good: entry(good, 6, "z" * 64),
    "an id with an escape": lambda good: entry(good, 7, "b0\x1b]0;x\x07"),
    "an id ending in a newline": lambda good: entry(good, 7, "b0\n"),
    "an id too long": lambda good: entry(good, 7, "b" * 81),
    "a title without English": lambda good: entry(good, 8, {"ru": "Т"}),
    "an empty title": lambda good: entry(good, 8, {"en": "", "ru": "Т"}),
    "a title of numbers": lambda good: entry(good, 8, {"en": 1, "ru": "Т"}),
    "a date with a time": lambda good: entry(good, 9, "2025-11-21T10:00"),
    "a date in another ISO form": lambda good: entry(good, 9, "20251121"),
    "an impossible date": lambda good: entry(good, 9, "2025-02-30"),
    "a date of numbers": lambda good: entry(good, 9, 20251121),
    "a huge number": lambda good: b'{"scanned":' + b"9" * 5000 + b',"files":[]}',
    "nested too deep": lambda good: b"[" * 100_000 + b"]" * 100_000,
}


def entry(good: dict, field: int, value: object) -> bytes:
    files = [list(item) for item in good["files"]]
    files[0][field] = value
    return json.dumps({**good, "files": files}).encode()


@pytest.mark.parametrize("forgery", FORGERIES, ids=list(FORGERIES))
def test_a_forged_index_is_ignored_and_rebuilt(folder, cache, calls, monkeypatch, forgery):
    scan_library([folder], cache)
    [index] = index_files(cache)
    good = payload_of(index)
    forge(cache, index, FORGERIES[forgery](good))
    settle(monkeypatch)
    calls.reset()
    library = scan_library([folder], cache)
    assert titles(library) == {"b0": "Briefing 0", "b1": "Briefing 1", "b2": "Briefing 2"}
    assert len(calls.headers) == 3  # every file read again
    assert payload_of(index)["files"] == good["files"]  # and the index rebuilt
    calls.reset()
    scan_library([folder], cache)
    assert calls.opened == []


def test_the_forgeries_change_what_they_say(folder, cache):
    """Each forgery above differs from the good index (a forgery equal to it would test nothing)."""
    scan_library([folder], cache)
    good = payload_of(index_files(cache)[0])
    assert all(make(good) != json.dumps(good).encode() for make in FORGERIES.values())


def test_every_byte_flipped_in_an_index_is_a_miss_never_a_wrong_header(folder, cache, monkeypatch):
    scan_library([folder], cache)
    [index] = index_files(cache)
    data = index.read_bytes()
    settle(monkeypatch)
    for position in range(0, len(data), max(1, len(data) // 400)):
        damaged = bytearray(data)
        damaged[position] ^= 1 << position % 8
        index.write_bytes(bytes(damaged))
        assert titles(scan_library([folder], cache)) == {"b0": "Briefing 0", "b1": "Briefing 1", "b2": "Briefing 2"}


def test_an_index_is_read_only_from_a_regular_file_of_ours(folder, cache, calls, monkeypatch):
    scan_library([folder], cache)
    [index] = index_files(cache)
    index.unlink()
    os.mkfifo(index)  # no writer: a blocking open would wait for ever
    settle(monkeypatch)
    assert titles(scan_library([folder], cache))["b0"] == "Briefing 0"


def test_an_index_larger_than_its_limit_is_neither_written_nor_read(folder, cache, calls, monkeypatch):
    monkeypatch.setattr(header_index, "MAX_INDEX_BYTES", 100)
    scan_library([folder], cache)
    assert index_files(cache) == []


# --- the command: list from headers, a briefing read in full by the command that opens it ---------------


def run(*args: str, cache_home: Path, code: str | None = None) -> subprocess.CompletedProcess:
    """`briefing ARGS` (or the Python `code`) in a child with its own cache and no user folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))}
    env.update(XDG_CACHE_HOME=str(cache_home), LANG="C.UTF-8")
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "briefing", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=120)


#: `briefing --data DIR ...`, then on stderr how many briefing files it opened (bundled or in DIR), and whether
#: it imported pydantic.
AUDITED = """
import sys
from briefing import resources
folders = (str(resources.briefings_dir()), sys.argv[2])
opened = []
sys.addaudithook(lambda event, args: opened.append(args[0]) if event == "open" and str(args[0]).startswith(folders)
                 else None)
from briefing.cli import main
code = main(sys.argv[1:])
print("opened", len(opened), "pydantic" in sys.modules, file=sys.stderr)
sys.exit(code)
"""


def test_a_warm_list_opens_no_briefing_file_and_imports_no_pydantic(folder, tmp_path):
    for path in folder.iterdir():  # written a while ago, as a library is (a file just written is checked again)
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 60 * 10**9))
    cold = run("--data", str(folder), "list", cache_home=tmp_path, code=AUDITED)
    warm = run("--data", str(folder), "list", cache_home=tmp_path, code=AUDITED)
    assert cold.returncode == warm.returncode == 0 and warm.stdout == cold.stdout
    assert [line.split()[0] for line in warm.stdout.splitlines()][-3:] == ["b0", "b1", "b2"]
    assert cold.stderr.split()[-2:] == ["5", "True"]  # the two bundled briefings and the three here
    assert warm.stderr.split()[-2:] == ["0", "False"]


def test_show_with_the_id_of_a_briefing_bad_further_on_says_so_before_any_dashboard(folder, tmp_path):
    bad = folder / "b1.toml"
    bad.write_text(bad.read_text("utf-8").replace("value = 416", 'value = "416"', 1), "utf-8")
    result = run("--data", str(folder), "show", "b1", cache_home=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"{bad}:statistics[0].value: numbers go unquoted: value = 416\n"


def test_the_dashboard_opens_under_its_picker_the_first_briefing_that_loads(tmp_path, monkeypatch, capsys):
    """Where the first briefing is bad further on, its line comes first; then, without a terminal, the
    dashboard says it needs one."""
    (tmp_path / "none").mkdir()
    monkeypatch.setattr("briefing.resources.briefings_dir", lambda: tmp_path / "none")  # no bundled briefing
    bad = briefing_file(tmp_path, "a-bad")
    bad.write_text(bad.read_text("utf-8") + "\n[[oops]]\n", "utf-8")
    briefing_file(tmp_path, "b-good")
    assert main(["--data", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:oops: unknown key", "briefing: the dashboard cannot be drawn: standard input is not a terminal; use “briefing print” for plain text"]
    good = tmp_path / "b-good.toml"
    good.write_text(good.read_text("utf-8") + "\n[[oops]]\n", "utf-8")
    assert main(["--data", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:oops: unknown key", f"{good}:oops: unknown key", "briefing: no briefing could be loaded"]


def test_a_message_naming_the_ids_of_a_large_library_names_twenty(tmp_path, monkeypatch, capsys):
    (tmp_path / "none").mkdir()
    monkeypatch.setattr("briefing.resources.briefings_dir", lambda: tmp_path / "none")
    for n in range(21):
        briefing_file(tmp_path, f"id{n:02d}")
    assert main(["--data", str(tmp_path), "print", "nope"]) == 2
    named = ", ".join(f"id{n:02d}" for n in range(20))
    assert capsys.readouterr().err == (f"briefing: no briefing with the id “nope”; available: {named} and 1 more "
                                       "(see “briefing list”)\n")
    (tmp_path / "id20.toml").unlink()
    assert main(["--data", str(tmp_path), "--lang", "ru", "print"]) == 2
    assert capsys.readouterr().err == f"briefing: справок несколько; укажите одну: {named}\n"
