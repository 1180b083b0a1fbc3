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


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS])
def test_without_hard_links_the_brief_is_created_exclusively_and_never_overwrites(tmp_path, monkeypatch, code):
    """vfat, exFAT and SMB refuse os.link: the brief is written into a new file under the first free name."""
    def no_links(source, target, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "brief.en.txt").write_text("mine")
    first, second = save_brief("one", tmp_path, "brief.en"), save_brief(TEXT, tmp_path, "brief.en")
    assert (first.name, second.name) == ("brief.en-2.txt", "brief.en-3.txt")
    assert (tmp_path / "brief.en.txt").read_text() == "mine"
    assert first.read_text() == "one" and second.read_bytes() == TEXT.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.en-2.txt", "brief.en-3.txt", "brief.en.txt"]


def test_without_hard_links_all_names_taken_is_file_exists(tmp_path, monkeypatch):
    from briefing import save

    monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EPERM, "no links")))
    monkeypatch.setattr(save, "MAX_TRIES", 2)
    (tmp_path / "b.txt").write_text("1")
    (tmp_path / "b-2.txt").write_text("2")
    with pytest.raises(FileExistsError):
        save_brief("three", tmp_path, "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b-2.txt", "b.txt"]


def test_another_link_failure_is_raised_not_worked_around(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
    with pytest.raises(OSError) as raised:
        save_brief("x", tmp_path, "b")
    assert raised.value.errno == errno.EIO and list(tmp_path.iterdir()) == []


# --- what the dashboard says about a save ------------------------------------------------------------------------

HOSTILE_FOLDERS = ["clip\x1b]52;c;ZXZpbA==\x07board", "title\x1b]2;pwned\x07 bar", "st\x1b]2;x\x1b\\op"]


@pytest.mark.parametrize("name", HOSTILE_FOLDERS)
@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_saved_notice_shows_a_hostile_folder_escaped_and_whole(tmp_path, monkeypatch, name, locale):
    from briefing.analysis import analyse
    from briefing.document import build
    from briefing.i18n import localizer
    from briefing.sanitize import is_safe_line
    from briefing.store import load_file
    from briefing.tui.saving import save
    from tests.conftest import FIRST_BRIEFING

    folder = tmp_path / name
    folder.mkdir()
    monkeypatch.chdir(folder)
    message, severity = save(build(analyse(load_file(FIRST_BRIEFING)), localizer(locale)), "kz-iaea-far-east-2025")
    said = message(localizer(locale))
    assert severity == "information" and is_safe_line(said)
    assert "\x1b" not in said and "\x07" not in said and "\\x1b]" in said
    assert " " not in said.split("/", 1)[1]  # no plain space inside the path: a notice never breaks it


@pytest.mark.parametrize(("code", "folder_there", "reason"), [
    (errno.ENOENT, False, "the folder no longer exists"),
    (errno.ENOENT, True, "files cannot be created in this folder"),  # /proc answers ENOENT
    (errno.EACCES, True, "permission denied"),
    (errno.EPERM, True, "the operation is not permitted here"),
    (errno.EROFS, True, "the file system is read-only"),
    (errno.ENAMETOOLONG, True, "the file name would be too long"),
    (errno.EIO, True, "Input/output error"),
])
def test_a_failed_save_names_the_right_reason(code, folder_there, reason):
    from briefing.i18n import localizer
    from briefing.tui.saving import reason as reason_of

    assert reason_of(localizer("en"), OSError(code, os.strerror(code)), not folder_there) == reason
    assert reason_of(localizer("ru"), OSError(code, os.strerror(code)), not folder_there)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_saving_in_proc_is_not_called_a_missing_folder(monkeypatch):
    from briefing.analysis import analyse
    from briefing.document import build
    from briefing.i18n import localizer
    from briefing.store import load_file
    from briefing.tui.saving import save
    from tests.conftest import FIRST_BRIEFING

    monkeypatch.chdir("/proc/self")
    message, severity = save(build(analyse(load_file(FIRST_BRIEFING)), localizer("en")), "kz-iaea-far-east-2025")
    assert severity == "error" and "no longer exists" not in message(localizer("en"))


def test_every_notice_line_reaches_the_terminal_escaped():
    """Notices is the one way the dashboard says things in toasts: whatever a message holds is shown, not obeyed."""
    from briefing.i18n import localizer
    from briefing.tui.notices import Notices

    class App:
        NOTIFICATION_TIMEOUT = 5
        loc = localizer("en")
        said: list[str] = []

        def notify(self, text, **kwargs):
            assert kwargs["markup"] is False
            self.said.append(text)

        def clear_notifications(self):
            pass

    app = App()
    notices = Notices(app)
    notices.say(lambda loc: "saved to /tmp/\x1b]52;c;ZXZpbA==\x07\nsecond \x1b]2;title\x07 line\r")
    notices.relocalize()
    assert app.said == ["saved to /tmp/\\x1b]52;c;ZXZpbA==\\x07\nsecond \\x1b]2;title\\x07 line\\r"] * 2
