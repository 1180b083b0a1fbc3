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


def test_check_always_validates(copy, monkeypatch, capsys):
    """`check` reads the file itself every time, never its validated form from the cache."""
    read = []
    real = validate_module.read_document
    monkeypatch.setattr(validate_module, "read_document", lambda path, raw: read.append(path) or real(path, raw))
    assert main(["check", str(copy)]) == 0
    assert main(["check", str(copy)]) == 0
    assert [path for path in read if path == copy] == [copy, copy]


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


# --- the codec: generic, exact, and refusing what it did not write -------------------------------------------


def roundtrip(value):
    from briefing import codec

    return codec.decode(codec.encode(value))


def test_the_codec_round_trips_every_kind_of_value_exactly():
    import datetime as dt
    import decimal
    import fractions
    import math

    from briefing.date_parse import parse
    from briefing.records import Record, Text

    plus_0530 = dt.timezone(dt.timedelta(hours=5, minutes=30))
    values = [
        "", "строка", "\x00\x1b[31m\u202e", 0, -1, 10**15 - 1, 10**15, -(10**15), int("9" * 310), -(7 << 20000),
        True, False, None, 0.1, -0.0, 1e308, 5e-324, math.inf, -math.inf,
        dt.date(2025, 11, 21), dt.date(1, 1, 1), dt.datetime(2025, 11, 24, 15, 21, 12),
        dt.datetime(2025, 11, 24, 15, 21, 12, 7, tzinfo=plus_0530), dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc),
        decimal.Decimal("-12.3400"), decimal.Decimal("1E+400"), fractions.Fraction(-1, 3),
        fractions.Fraction(10**40, 7), parse("early-1990s"), parse("2025-06"), parse("2026-01/2026-03~"),
        [], (), {}, [1, [2, (3, {"x": None})]], (1,), {1: "int key", (1, 2): "tuple key", "s": [True]},
        Text(en="a", ru="б"), Record(id="x", title=Text(en="t", ru="т"), items=[Record(n=1)]),
    ]
    for value in values:
        back = roundtrip(value)
        assert back == value and type(back) is type(value), value
    for value in (-0.0, 0.0):
        assert math.copysign(1, roundtrip(value)) == math.copysign(1, value)
    assert math.isnan(roundtrip(math.nan))
    for value in values[21:24]:  # equal instants are not enough: the offset (or its absence) is kept
        assert roundtrip(value).utcoffset() == value.utcoffset()
    assert str(roundtrip(decimal.Decimal("-12.3400"))) == "-12.3400"
    assert [type(x) for x in roundtrip([1, True, 1.0])] == [int, bool, float]


def test_the_codec_reads_the_fields_of_any_frozen_dataclass_of_dates_or_records(monkeypatch):
    """A class added to briefing.records (or dates) later needs no change to the codec."""
    import dataclasses

    from briefing import codec, records

    @dataclasses.dataclass(frozen=True)
    class Span:
        start: int
        end: int = 0
        note: object = None

    Span.__module__ = "briefing.records"
    monkeypatch.setattr(records, "Span", Span, raising=False)
    codec.registry.cache_clear()
    try:
        assert roundtrip(Span(1, int("9" * 40), note=[Span(2)])) == Span(1, int("9" * 40), note=[Span(2)])
    finally:
        monkeypatch.undo()
        codec.registry.cache_clear()


def test_the_codec_refuses_what_it_does_not_know():
    import dataclasses
    import pathlib

    from briefing import codec

    @dataclasses.dataclass(frozen=True)
    class Elsewhere:
        x: int = 0

    for value in (pathlib.Path("/"), {1, 2}, b"bytes", Elsewhere(), object()):
        with pytest.raises(codec.CodecError):
            codec.encode(value)
    bad = [b'{"X":1}', b'{"C":["Path","x","/"]}', b'{"C":["FuzzyDate","nope",1]}', b'{"R":["a"]}',
           b'{"R":[1,2]}', b'{"T":["en",1]}', b'{"a":1,"b":2}', b'{"d":[[1],2]}', b'{"Q":[1,0]}', b'{"D":"2025-02-30"}',
           b'{"i":"zz"}', b'[' * 100_000, b'\xff', b'{"__reduce__":["os.system","id"]}', b'']
    for data in bad:
        with pytest.raises(codec.CodecError):
            codec.decode(data)


# --- the folder: never trusted by name, never written for others -------------------------------------------------


def entry_of(folder):
    [entry] = [p for p in folder.iterdir() if p.name.endswith(".entry")]
    return entry


def test_every_single_byte_flipped_in_an_entry_is_a_miss_never_a_wrong_brief(tmp_path, copy, monkeypatch):
    cache = BriefingCache(tmp_path / "cache")
    fresh = load_file(copy, cache)
    raw = copy.read_bytes()
    data = entry_of(tmp_path / "cache").read_bytes()
    assert cache.get(raw) == fresh
    served = {}
    monkeypatch.setattr(cache, "_read", lambda name, limit: served["data"])
    outcomes = {"miss": 0, "same": 0}
    for position in range(len(data)):  # every byte, each with one of its eight bits flipped in turn
        damaged = bytearray(data)
        damaged[position] ^= 1 << position % 8
        served["data"] = bytes(damaged)
        result = cache.get(raw)
        assert result is None or result == fresh, position
        outcomes["miss" if result is None else "same"] += 1
    for size in range(0, len(data), 97):  # truncated by a killed writer or a full disk
        served["data"] = data[:size]
        assert cache.get(raw) is None
    assert outcomes == {"miss": len(data), "same": 0}


def test_an_entry_whose_checksum_is_right_for_another_key_is_a_miss(tmp_path, copy):
    from briefing import cache as cache_module

    cache = BriefingCache(tmp_path / "cache")
    load_file(copy, cache)
    entry = entry_of(tmp_path / "cache")
    other = (tmp_path / "cache" / ("0" * 64 + ".entry"))
    entry.rename(other)  # right content, wrong key: the checksum covers the key as well
    assert cache.get(b"0") is None
    content = other.read_bytes().split(b"\n", 2)[2]
    key = cache._key(copy.read_bytes())
    entry.write_bytes(cache_module.MAGIC + cache_module._checksum(key, content) + b"\n" + content)
    assert cache.get(copy.read_bytes()) is not None  # the same bytes under their own key are a hit


def test_a_pickle_with_a_valid_checksum_is_never_run(tmp_path, copy, validations):
    import pickle

    from briefing import cache as cache_module

    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache = BriefingCache(tmp_path / "cache")
    raw = copy.read_bytes()
    key = cache._key(raw)
    content = pickle.dumps(Payload())
    (tmp_path / "cache" / f"{key}.entry").write_bytes(
        cache_module.MAGIC + cache_module._checksum(key, content) + b"\n" + content)
    assert load_file(copy, cache).id == "kz-iaea-far-east-2025"
    assert not marker.exists() and len(validations) == 1


def test_entries_are_read_only_from_regular_files_and_a_fifo_never_hangs(tmp_path, copy, validations):
    cache = BriefingCache(tmp_path / "cache")
    load_file(copy, cache)
    entry = entry_of(tmp_path / "cache")
    real = entry.read_bytes()
    entry.unlink()
    os.mkfifo(entry)  # no writer: a blocking open would wait for ever
    assert load_file(copy, cache).id == "kz-iaea-far-east-2025"
    entry.unlink()
    elsewhere = tmp_path / "elsewhere.entry"
    elsewhere.write_bytes(real)
    entry.symlink_to(elsewhere)  # a link, even to a good entry, is not followed
    assert cache.get(copy.read_bytes()) is None
    entry.unlink()
    entry.write_bytes(real)
    os.chown(entry, 65534, 65534) if os.geteuid() == 0 else None
    assert (cache.get(copy.read_bytes()) is None) == (os.geteuid() == 0)  # not ours: not read


def test_an_entry_larger_than_the_limit_is_refused_unread(tmp_path, copy, monkeypatch):
    from briefing import cache as cache_module

    cache = BriefingCache(tmp_path / "cache")
    load_file(copy, cache)
    size = entry_of(tmp_path / "cache").stat().st_size
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", size)
    assert cache.get(copy.read_bytes()) is not None
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", size - 1)
    assert cache.get(copy.read_bytes()) is None


def test_a_folder_swapped_after_opening_is_never_used(tmp_path, copy):
    """The folder is opened once: whatever is put at its path later, entries go to and come from the original."""
    folder = tmp_path / "cache"
    cache = BriefingCache(folder)
    folder.rename(tmp_path / "moved")
    (tmp_path / "attacker").mkdir()
    folder.symlink_to(tmp_path / "attacker")
    load_file(copy, cache)
    assert list((tmp_path / "attacker").iterdir()) == []
    assert len(list((tmp_path / "moved").glob("*.entry"))) == 1
    assert BriefingCache(folder).fd is None  # a symbolic link in the cache's place is refused


def test_folders_are_created_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        cache = BriefingCache(tmp_path / "home" / ".cache" / "briefing")
    finally:
        os.umask(old)
    assert cache.fd is not None
    for folder in (tmp_path / "home", tmp_path / "home" / ".cache", tmp_path / "home" / ".cache" / "briefing"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


@pytest.mark.parametrize("environ, expected", [
    ({"HOME": "/root", "XDG_CACHE_HOME": "/x/cache"}, "/x/cache/briefing"),
    ({"HOME": "HOME", "XDG_CACHE_HOME": ""}, None),  # empty XDG_CACHE_HOME means unset; HOME then decides
    ({"XDG_CACHE_HOME": "relative/cache"}, None),
    ({"XDG_CACHE_HOME": "."}, None),
    ({"HOME": ""}, None),
    ({"HOME": "relative"}, None),
    ({}, None),
    ({"HOME": "/no/such/home"}, None),
    ({"HOME": "/", "BRIEFING_CACHE": "off"}, None),
    ({"HOME": "/"}, "/.cache/briefing"),
])
def test_a_bad_home_or_xdg_cache_home_turns_the_cache_off(environ, expected):
    from briefing.cache import cache_dir

    found = cache_dir(environ)
    assert (None if found is None else str(found)) == expected


def test_a_relative_xdg_cache_home_writes_nothing_in_the_working_folder(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": "cache"}
    result = subprocess.run([sys.executable, "-m", "briefing", "print", "kz-iaea-far-east-2025"], capture_output=True, env=env, cwd=tmp_path)
    assert result.returncode == 0 and list(tmp_path.iterdir()) == []


def put_entries(cache, count, start=0):
    from briefing.records import Record

    for n in range(start, start + count):
        cache.put(b"%d" % n, Record(n=n))
        os.utime(entry_for(cache, n), (1000 + n, 1000 + n), dir_fd=None)


def entry_for(cache, n):
    return cache.folder / f"{cache._key(b'%d' % n)}.entry"


def test_the_least_recently_used_entries_go_beyond_the_entry_limit(tmp_path, monkeypatch):
    from briefing import cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    cache = BriefingCache(tmp_path / "cache")
    put_entries(cache, 3)
    cache.tidy()
    assert all(entry_for(cache, n).exists() for n in range(3))  # exactly at the limit: all kept
    assert cache.get(b"0") is not None  # a hit makes entry 0 the most recently used
    put_entries(cache, 1, start=3)  # entry 3 is stamped 1003, entry 0 now: 1 is the oldest
    cache.tidy()
    assert [entry_for(cache, n).exists() for n in range(4)] == [True, False, True, True]


def test_the_least_recently_used_entries_go_beyond_the_size_limit(tmp_path, monkeypatch):
    from briefing import cache as cache_module

    cache = BriefingCache(tmp_path / "cache")
    put_entries(cache, 3)
    sizes = [entry_for(cache, n).stat().st_size for n in range(3)]
    monkeypatch.setattr(cache_module, "MAX_TOTAL_BYTES", sum(sizes))
    cache.tidy()
    assert all(entry_for(cache, n).exists() for n in range(3))
    monkeypatch.setattr(cache_module, "MAX_TOTAL_BYTES", sum(sizes) - 1)
    cache.tidy()
    assert [entry_for(cache, n).exists() for n in range(3)] == [False, True, True]


def test_temporary_files_older_than_an_hour_are_swept(tmp_path):
    cache = BriefingCache(tmp_path / "cache")
    old, young = tmp_path / "cache" / ".old.tmp", tmp_path / "cache" / ".young.tmp"
    for path, stamp in ((old, 10_000), (young, 10_001)):
        path.write_bytes(b"half")
        os.utime(path, (stamp, stamp))
    cache.tidy(now=10_000 + 3601)  # one second past the hour for the old one, exactly the hour for the young
    assert not old.exists() and young.exists()


def test_writes_keep_the_caps_without_reading_the_folder_again(tmp_path, monkeypatch):
    from briefing import cache as cache_module
    from briefing.records import Record

    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    folder = tmp_path / "cache"
    cache = BriefingCache(folder)
    stale = folder / ".killed.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    scans = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda fd: scans.append(fd) or real_scandir(fd))
    for n in range(5):
        cache.put(b"%d" % n, Record(n=n))
    assert len(scans) == 1 and not stale.exists()  # the first write read the folder and swept it
    assert [entry_for(cache, n).exists() for n in range(5)] == [False, False, True, True, True]
    assert [cache.get(b"%d" % n) for n in range(5)] == [None, None, Record(n=2), Record(n=3), Record(n=4)]
