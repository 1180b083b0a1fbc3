"""save_brief: exact bytes, a new name every time, nothing left behind, failures raised."""

from __future__ import annotations

import errno
import os
import threading

import pytest

from briefing.save import save_brief

TEXT = "Заголовок\n“quoted” — 10 %\n"


def test_writes_utf8_bytes_exactly(tmp_path):
    path = save_brief(TEXT, tmp_path, "brief.en")
    assert path == tmp_path / "brief.en.txt"
    assert path.read_bytes() == TEXT.encode("utf-8")


def test_never_overwrites_and_numbers_the_next_name(tmp_path):
    (tmp_path / "brief.en.txt").write_text("mine")
    first = save_brief("one", tmp_path, "brief.en")
    second = save_brief("two", tmp_path, "brief.en")
    assert (tmp_path / "brief.en.txt").read_text() == "mine"
    assert (first.name, second.name) == ("brief.en-2.txt", "brief.en-3.txt")
    assert (first.read_text(), second.read_text()) == ("one", "two")


def test_leaves_no_temporary_file(tmp_path):
    save_brief(TEXT, tmp_path, "brief.ru")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.ru.txt"]


def test_respects_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = save_brief(TEXT, tmp_path, "brief.en")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_concurrent_saves_get_distinct_files(tmp_path):
    paths = []
    lock = threading.Lock()

    def save(n: int) -> None:
        path = save_brief(f"text {n}", tmp_path, "brief.en")
        with lock:
            paths.append((path, n))

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({p for p, _ in paths}) == 8
    assert all(p.read_text() == f"text {n}" for p, n in paths)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_folder_raises_oserror(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            save_brief(TEXT, tmp_path, "brief.en")
    finally:
        tmp_path.chmod(0o700)


def test_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        save_brief(TEXT, tmp_path / "gone", "brief.en")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_raises_and_leaves_no_file(tmp_path, monkeypatch):
    """The temporary file is made, its bytes do not fit: ENOSPC, and neither it nor a brief is left."""
    real_open = os.open

    def open_on_a_full_disk(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if flags & os.O_CREAT:
            full = real_open("/dev/full", os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)
        return fd

    monkeypatch.setattr(os, "open", open_on_a_full_disk)
    with pytest.raises(OSError) as raised:
        save_brief(TEXT, tmp_path, "brief.en")
    assert raised.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []
