"""The dashboard against hostile text, failing saves, bad data and odd terminals.

Whatever a briefing holds, the dashboard shows it as characters: no markup is
parsed, no action runs from data, no control character reaches the screen and
long words wrap.  A save that fails says why and loses nothing.  Ctrl-C,
NO_COLOR and TERM=dumb are tried on a real pseudo-terminal.
"""

from __future__ import annotations

import asyncio
import errno
import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable

from briefing import cli
from briefing.i18n import localizer
from briefing.model import Briefing
from briefing.links import link_target
from briefing.sanitize import one_line, plain
from briefing.document import title_meta
from briefing.store import Library, load_library
from briefing.tui.app import make_app
from briefing.tui.header import TITLE_LINES
from briefing.tui.prose import Prose
from briefing.tui.saving import REASONS
from briefing.tui.screens.errors import ErrorsScreen
from tests.conftest import FIRST_BRIEFING, REPO, build, minimal_briefing_data, source, text
from tests.test_hostile_text import hostile, unsafe_characters

try:
    import termios
except ImportError:  # not POSIX: the terminal tests are skipped
    termios = None

BASE = Path(__file__).parent / "corpus" / "base.toml"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX terminals and signals")

# --- hostile text --------------------------------------------------------------

#: Where the property test puts its strings: one of each kind of text the dashboard shows.
FIELDS = ("title", "statistics_title", "what", "timeline", "outlet", "question", "says", "label")
#: Every hazard at once; an action link comes first, where a click on the title or the "What" line lands.
NASTY = ("[@click=app.quit]quit[/] [link=https://evil.example]link[/link] [bold]bold[/] [red on blue]red "
         "\x1b[31m\x1b[2J\x1b]8;;https://evil.example\x07osc\x1b]8;;\x07 \x9b2J\x85\x90dcs\x9c \u202eevil\u202c "
         "in\u200bvis\u200dible\ufeff \x00\x07\x08\x7f\r\n\t " + "W" * 300)

#: The only actions on screen: Textual's scrollbars.
SCROLLBAR_ACTIONS = {("@mouse.down", "grab"), ("@mouse.down", "scroll_up"), ("@mouse.down", "scroll_down")}


def briefing_with(texts: dict[str, str]) -> Briefing:
    """A briefing with `texts` in the chosen fields, a second comparison row and figure to move to."""
    def t(field: str) -> dict[str, str]:
        return {"en": texts[field] + " x", "ru": texts[field] + " я"}  # never empty, so always valid

    outlet = source("a")
    outlet["outlet"] = t("outlet")
    data = minimal_briefing_data(
        title=t("title"), statistics_title=t("statistics_title"),
        sources=[outlet, source("b")],
        background=[{"date": "early-1990s", "text": t("timeline"), "sources": ["a"]}],
        comparison=[
            {"id": "p", "question": t("question"),
             "positions": [{"source": "a", "says": t("says")}, {"source": "b", "says": text("Plain.")}]},
            {"id": "q", "question": text("A plain question?"), "positions": [{"source": "b", "says": text("Yes.")}]}],
        statistics=[
            {"id": "s", "label": t("label"), "value": 3, "unit": "reactor", "as_of": "2025", "sources": ["a"]},
            {"id": "z", "label": text("Plain figure"), "value": 4, "unit": "reactor", "as_of": "2025",
             "sources": ["b"]}],
    )
    data["decision"]["what"]["text"] = t("what")
    return Briefing.model_validate(data)


def squeezed(value: str) -> str:
    """Text without its spaces and line breaks: wrapping may move those, never the characters."""
    return "".join(value.split())


def rendered(widget: Widget) -> str:
    """The text a Static or a Prose renders, before it is cut to the screen."""
    shown = widget.render()
    return shown.plain if isinstance(shown, Content) else str(shown)


def screen_is_inert(app) -> None:
    """Every cell on screen is a character to show: no control or format character, no action, and no link but
    a web address of visible ASCII on the address itself."""
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            assert unsafe_characters(segment.text, newlines=False) == [], repr(segment.text)
            if segment.style is not None:
                link = segment.style.link
                assert not link or (link_target(link) == link and segment.text.rstrip("…") in link), (link, segment)
                actions = {(k, v) for k, v in segment.style.meta.items() if k.startswith("@")}  # "@click=app.quit"
                assert actions <= SCROLLBAR_ACTIONS, segment.style.meta


def prose_shows(selector: str, app, *texts: str) -> None:
    """The Prose holds each text whole, markup as written, wrapped within its width."""
    prose = app.query_one(selector, Prose)
    shown = rendered(prose)
    for line in shown.split("\n"):
        assert cell_len(line) <= prose.size.width, line
    for value in texts:
        assert squeezed(value) in squeezed(shown), (value, shown)


def title_shows(app, title: str) -> None:
    """The header holds the title whole, or its start cut with "…" at the end of its last line."""
    prose = app.query_one("#brief-title", Prose)
    lines = rendered(prose).split("\n")
    assert all(cell_len(line) <= prose.size.width for line in lines), lines
    if squeezed(title) not in squeezed(rendered(prose)):
        kept = squeezed("".join(lines[:TITLE_LINES]))
        assert kept.endswith("…") and squeezed(title).startswith(kept[:-1]), (title, lines)


def shows_inert(app, brief: Briefing) -> None:
    loc = app.loc
    screen_is_inert(app)
    title_shows(app, one_line(loc.text(brief.title)))
    # As drawn: Textual hands `border_title` back as markup, which not every text survives ("[-%[b]").
    assert app.query_one("#panel-4")._border_title.plain == "4 " + one_line(loc.text(brief.statistics_title))
    prose_shows("#panel-1 Prose", app, plain(loc.text(brief.decision.what.text)))
    outlet = one_line(loc.text(brief.sources[0].outlet))
    prose_shows("#panel-2 Prose", app, plain(loc.text(brief.background[0].text)), outlet)

    point = brief.comparison[0]
    comparison = app.query_one("#comparison-table", DataTable)
    assert comparison.get_cell("p", "question").plain == one_line(loc.text(point.question))
    assert comparison.get_cell("p", "source-a").plain == one_line(loc.text(point.positions[0].says))
    assert comparison.columns["source-a"].label.plain.split("\n")[0] == outlet
    assert comparison.cursor_row == 0
    prose_shows("#comparison-detail Prose", app, one_line(loc.text(point.question)),
                plain(loc.text(point.positions[0].says)), outlet)

    statistics = app.query_one("#statistics-table", DataTable)
    label = one_line(loc.text(brief.statistics[0].label))
    assert statistics.get_cell("s", "label").plain == label
    assert statistics.cursor_row == 0
    prose_shows("#statistics-detail Prose", app, label, outlet)


def still_running(app) -> None:
    """No action came from the data: the app runs, on its briefing pane, with no screen pushed."""
    assert app.is_running and app.return_code is None
    assert len(app.screen_stack) == 1 and not app.screen.is_modal


async def click_text(pilot, selector: str, x: int) -> None:
    """Click the first line of a widget where its text starts, if it is on screen."""
    widget = pilot.app.query_one(selector)
    if pilot.app.screen.region.contains_point(widget.region.offset + (x, 0)):
        await pilot.click(selector, offset=(x, 0))


async def open_and_use(texts: dict[str, str], locale: str, size: tuple[int, int]) -> None:
    brief = briefing_with(texts)
    other = build(id="other", title=text("Another event"))
    app = make_app(Library(briefings={brief.id: brief, other.id: other}), brief_id=None, locale=locale)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen_is_inert(app)  # the picker, which lists the titles
        await pilot.press("enter")
        await pilot.pause()
        assert app.brief_id == brief.id
        shows_inert(app, brief)
        await click_text(pilot, "#brief-title", 1)
        await click_text(pilot, "#panel-1 Prose", 8)
        await pilot.press("3", "down")  # the plain row: its detail replaces the hostile one
        assert app.query_one("#comparison-table", DataTable).cursor_row == 1
        screen_is_inert(app)
        await pilot.press("l", "up")
        await pilot.pause()
        assert app.locale != locale
        shows_inert(app, brief)
        still_running(app)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@example(texts=dict.fromkeys(FIELDS, NASTY), locale="en", size=(80, 24))
@example(texts=dict.fromkeys(FIELDS, NASTY), locale="ru", size=(160, 48))
@given(texts=st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile)), locale=st.sampled_from(["en", "ru"]),
       size=st.sampled_from([(40, 12), (80, 24), (120, 30), (160, 48)]))
def test_the_dashboard_shows_any_text_inert_and_whole(texts, locale, size):
    asyncio.run(open_and_use(texts, locale, size))


async def test_a_very_long_title_leaves_room_for_the_panels():
    brief = build(title=text("Longtitle " * 30 + "W" * 2000))
    app = make_app(Library(briefings={brief.id: brief}), locale="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header, panel = app.query_one("#header"), app.query_one("#panel-1")
        assert header.region.height <= 12
        assert app.screen.region.contains_point(panel.region.offset)
        await pilot.press("1", "down")
        still_running(app)


def screen_lines(app) -> list[str]:
    """The screen as the eye reads it, line by line."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_a_3000_character_title_is_cut_with_an_ellipsis_above_its_date_line(locale):
    loc = localizer(locale)
    brief = build(title=text("Longtitle " * 300, "Заголовок " * 300))
    app = make_app(Library(briefings={brief.id: brief}), locale=locale)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        header = lines[:app.query_one("#header").region.bottom]
        assert header[0].split()[0] == loc.text(brief.title).split()[0]
        assert header[TITLE_LINES - 1].rstrip().endswith("…")
        assert squeezed(title_meta(loc, brief)) == squeezed(" ".join(header[TITLE_LINES:]))  # the date line, whole
        assert any("1 " + loc._("Key decision") in line for line in lines)  # the panels still show


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_the_footer_shows_each_key_whole_or_not_at_all(locale):
    """From 40 columns up, each key with its label, in order, as many as fit; nothing after the palette's key."""
    app = make_app(load_library([BASE]), locale=locale)
    async with app.run_test(size=(40, 24)) as pilot:
        for width in [*range(40, 51), 61, 44, 40]:  # growing, then shrinking
            await pilot.resize_terminal(width, 24)
            for _ in ("as it is", "in the other language"):
                await pilot.press("l")
                await pilot.pause()
                loc = app.loc
                keys = [f"{key} {loc._(label)}" for key, label in
                        (("/", "Search"), ("l", "Language"), ("1–4", "Panels"), ("?", "Help"), ("q", "Quit"),
                         ("f", "Filter"), ("o", "Addresses"), ("p", "Save"))]
                left, palette = screen_lines(app)[-1].split("▏")
                assert palette.strip() == "^p " + loc._("Commands"), (width, palette)
                shown = " ".join(left.split())
                assert shown in [" ".join(keys[:n]) for n in range(2, len(keys) + 1)], (width, shown)


# --- a full disk ---------------------------------------------------------------

@pytest.fixture
def full_disk(tmp_path, monkeypatch):
    """The working folder takes new files but no bytes: every write to a file made in it gets ENOSPC."""
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    real_open = os.open

    def open_on_a_full_disk(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if flags & os.O_CREAT and Path(path).parent == tmp_path:
            full = real_open("/dev/full", os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)
        return fd

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "open", open_on_a_full_disk)
    return tmp_path


def toasts(app) -> list[str]:
    toasts = app.screen.query("Toast")
    return [" ".join(" ".join(s.text for s in toast.render_lines(Region(0, 0, *toast.region.size))).split())
            for toast in toasts]


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_a_full_disk_is_reported_in_the_language_and_leaves_no_file(full_disk, locale):
    loc, other = localizer(locale), localizer("ru" if locale == "en" else "en")
    app = make_app(load_library([BASE]), locale=locale)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        said = loc._("The brief could not be saved in the current folder: %(reason)s",
                     reason=loc._(REASONS[errno.ENOSPC]))
        assert squeezed(said) in [squeezed(t.replace("▌", "")) for t in toasts(app)]
        assert list(full_disk.iterdir()) == []  # no partial brief, no temporary file
        await pilot.press("l")
        await pilot.pause()
        assert any(squeezed(other._(REASONS[errno.ENOSPC])) in squeezed(t) for t in toasts(app))
        await pilot.press("3", "down", "p")
        await pilot.pause()
        assert list(full_disk.iterdir()) == []
        still_running(app)


# --- names from outside ----------------------------------------------------------

#: OSC 52 would set the clipboard ("Hello"), OSC 2 the window title: a name a folder or a file may have.
OSC = "\x1b]52;c;SGVsbG8=\x07\x1b]2;pwned\x07"
OSC_SHOWN = "\\x1b]52;c;SGVsbG8=\\x07\\x1b]2;pwned\\x07"


def screen_text(app) -> str:
    """Every character on screen, toasts included, in one string."""
    return "".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_the_save_notice_shows_a_hostile_folder_name_escaped(tmp_path, monkeypatch, locale):
    folder = tmp_path / f"brief{OSC}s"
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = make_app(load_library([BASE]), locale=locale)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert len(list(folder.iterdir())) == 1
        assert squeezed(OSC_SHOWN) in squeezed(" ".join(toasts(app)).replace("▌", ""))
        screen_is_inert(app)
        await pilot.press("l")  # said again in the other language, as escaped
        await pilot.pause()
        assert squeezed(OSC_SHOWN) in squeezed(" ".join(toasts(app)).replace("▌", ""))
        assert "\x1b" not in screen_text(app)


async def test_the_errors_screen_shows_a_hostile_file_name_escaped(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "good.toml").write_bytes(BASE.read_bytes())
    (folder / f"bad{OSC}.toml").write_text("title =\n", encoding="utf-8")
    app = make_app(load_library([folder]), locale="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorsScreen)
        assert squeezed(OSC_SHOWN) in squeezed(rendered(app.screen.query_one(Prose)))
        assert "\x1b" not in screen_text(app)
        screen_is_inert(app)


async def test_the_picker_shows_a_hostile_id_escaped():
    """Ids are checked when a file is read; the picker shows one through the guard all the same."""
    brief, other = build(), build(id="other", title=text("Another event"))
    app = make_app(Library(briefings={f"id{OSC}": brief, other.id: other}), brief_id=None, locale="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        prompts = [option.prompt.plain for option in app.screen.query_one("OptionList").options]
        assert any(OSC_SHOWN in prompt for prompt in prompts), prompts
        assert "\x1b" not in screen_text(app)
        screen_is_inert(app)


# --- bad data ------------------------------------------------------------------

@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """A good briefing beside two bad files whose names hold an escape code and markup."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "good.toml").write_bytes(BASE.read_bytes())
    (folder / "\x1b[31mred[@click=app.quit].toml").write_text("title =\n", encoding="utf-8")
    (folder / "[link=https:evil.example]x\u202e.toml").write_bytes(b"\xff\xfe")
    return folder


async def test_good_and_bad_files_open_on_the_errors_screen_shown_inert(mixed_folder):
    library = load_library([mixed_folder])
    assert len(library.briefings) == 1 and len(library.errors) == 2
    app = make_app(library, locale="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorsScreen)
        screen_is_inert(app)
        shown = squeezed(rendered(app.screen.query_one(Prose)))
        assert squeezed("\\x1b[31mred[@click=app.quit].toml") in shown
        assert squeezed("[link=https:evil.example]x\\u202e.toml") in shown
        await pilot.click(Prose, offset=(20, 2))
        await pilot.press("l", "escape")
        await pilot.pause()
        still_running(app)
        assert "A test briefing" in rendered(app.query_one("#brief-title"))


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_only_bad_files_print_their_lines_and_exit_2_without_the_dashboard(mixed_folder, monkeypatch, capsys,
                                                                         locale):
    (mixed_folder / "good.toml").unlink()
    bundled = mixed_folder.parent / "bundled"
    bundled.mkdir()
    monkeypatch.setattr("briefing.resources.briefings_dir", lambda: bundled)  # no bundled briefing either
    monkeypatch.setattr("briefing.tui.launch.run_dashboard", lambda *args: pytest.fail("the dashboard started"))
    assert cli.main(["--data", str(mixed_folder), "--lang", locale]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and "\\x1b[31mred[@click=app.quit].toml" in lines[0]
    assert lines[-1] == "briefing: " + localizer(locale)._("no briefing could be loaded")


async def test_a_figure_too_large_to_format_does_not_crash_the_dashboard():
    brief = build(statistics=[{"id": "s", "label": text("Huge"), "value": 10**25, "unit": "reactor",
                               "as_of": "2025", "sources": ["a"]}])
    app = make_app(Library(briefings={brief.id: brief}), locale="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "l")
        still_running(app)


# --- a real terminal -----------------------------------------------------------

#: What Textual writes last: mouse, paste and keyboard modes off, the alternate screen left, the cursor shown.
RESTORE_TAIL = re.compile(rb"\x1b\[\?1049l(?:\x1b\[\?[0-9;]+[hl]|\x1b\[<u)*\Z")
COLOURS = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108), 58}


def terminal_environment(env: dict[str, str]) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("LC_", "LANG", "BRIEFING", "TERM", "COLUMNS", "LINES", "NO_COLOR",
                                    "FORCE_COLOR", "TEXTUAL", "PYTHONIOENCODING"))}
    environ.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}, **env)
    return environ


class Terminal:
    """`python -m briefing ARGS` on a pseudo-terminal (100 × 30 unless told), read as the terminal would receive it."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (100, 30)):
        self.master, slave = os.openpty()
        termios.tcsetwinsize(slave, size[::-1])
        self.modes = termios.tcgetattr(slave)
        self.process = subprocess.Popen([sys.executable, "-m", "briefing", *args], stdin=slave, stdout=slave,
                                        stderr=slave, env=terminal_environment(env or {}), cwd=REPO,
                                        start_new_session=True)
        os.close(slave)
        self.output = b""

    def read_until(self, wanted: bytes | None, timeout: float = 30) -> bool:
        """Read until `wanted` has arrived (or, with None, until the other side closes); False on time-out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted is not None and wanted in self.output:
                return True
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every copy of the other side is closed
                chunk = b""
            if not chunk:
                return wanted is None
            self.output += chunk
        return False

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self) -> int:
        """Read to the end; the exit status."""
        assert self.read_until(None), "the dashboard did not end"
        return self.process.wait(timeout=30)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        os.close(self.master)

    def restored(self) -> bool:
        """The alternate screen left last, and the line settings (echo, line editing, signals) as before."""
        return (RESTORE_TAIL.search(self.output) is not None and b"\x1b[?25h" in self.output.rsplit(b"\x1b[?1049l")[-1]
                and termios.tcgetattr(self.master)[3] == self.modes[3])


@pytest.fixture
def terminal():
    started = []

    def start(*args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (100, 30)) -> Terminal:
        started.append(Terminal(*args, env=env, size=size))
        return started[-1]

    yield start
    for term in started:
        term.close()


@posix_only
@pytest.mark.parametrize(("how", "status"), [("key", 0), ("signal", 130)])
def test_ctrl_c_closes_the_dashboard_and_restores_the_terminal(terminal, how, status):
    """The Ctrl+C key is a quit key, status 0; a SIGINT (kill -INT, or Ctrl-C before the app reads keys) is 130."""
    term = terminal("show")
    assert term.read_until(b"Quit"), term.output[-500:]  # the footer of the first screen is drawn
    if how == "key":
        term.type(b"\x03")
    else:
        term.process.send_signal(signal.SIGINT)
    assert term.finish() == status
    assert b"Traceback" not in term.output
    assert term.restored(), term.output[-300:]


@posix_only
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_close_the_dashboard_and_restore_the_terminal(terminal, signum, status):
    """kill, a service manager or a closed terminal window: the app ends as `q` ends it, with 128 + the signal."""
    term = terminal("show")
    assert term.read_until(b"Quit"), term.output[-500:]
    term.process.send_signal(signum)
    assert term.finish() == status
    assert b"Traceback" not in term.output
    assert term.restored(), term.output[-300:]
    modes = termios.tcgetattr(term.master)[3]
    assert modes & termios.ECHO and modes & termios.ICANON  # the shell after it echoes and edits lines again
    last = term.output.rsplit(b"\x1b[?1049l", 1)  # the alternate screen left...
    assert len(last) == 2 and b"\x1b[?25h" in last[1]  # ...the cursor shown...
    assert b"\x1b[?1000l" in term.output[-200:] and b"\x1b[?1006l" in term.output[-200:]  # ...the mouse let go


@posix_only
def test_the_terminal_size_wins_over_columns_and_lines_in_the_environment(terminal):
    """COLUMNS=99999 once laid the dashboard out 99,999 cells wide (and took longer than a minute to draw)."""
    term = terminal("show", "kz-iaea-far-east-2025", env={"COLUMNS": "99999", "LINES": "99999"}, size=(80, 24))
    assert term.read_until(b"Quit"), term.output[-500:]
    term.type(b"q")
    assert term.finish() == 0
    places = [(int(row), int(column)) for row, column in re.findall(rb"\x1b\[(\d+);(\d+)H", term.output)]
    assert max(row for row, _ in places) == 24 and max(column for _, column in places) <= 80
    header = term.output.split(b"\x1b[1;1H", 1)[1].split(b"\r\n", 1)[0]
    shown = re.sub(rb"\x1b\[[0-9;]*m", b"", header).decode()  # the header's first line as the eye sees it
    assert cell_len(shown) == 80 and shown.rstrip().endswith("English"), shown


def colours_used(output: bytes) -> set[int]:
    """The colour parameters of every SGR sequence (39 and 49, the terminal's own colours, are not colours)."""
    used = set()
    for params in re.findall(rb"\x1b\[([0-9;:]*)m", output):
        used |= {int(p) for p in re.split(rb"[;:]", params) if p} & COLOURS
    return used


@posix_only
def test_no_color_draws_the_dashboard_without_a_single_colour(terminal):
    plain_term = terminal("show")
    assert plain_term.read_until(b"Quit")
    plain_term.type(b"\x11")  # Ctrl+Q: the picker, shown first, types letters into its filter
    assert plain_term.finish() == 0
    assert colours_used(plain_term.output)  # the check below can see colours

    term = terminal("show", "kz-iaea-far-east-2025", env={"NO_COLOR": "1"})
    assert term.read_until(b"Quit")
    term.type(b"3\x1b[B?")  # a selected row, a focused panel, a dialog
    assert term.read_until(b"Esc")
    term.type(b"q")
    assert term.finish() == 0
    assert colours_used(term.output) == set()
    assert b"Kazakhstan" in term.output and term.restored()


async def test_without_colour_the_selected_row_and_the_focused_panel_still_show(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(load_library([FIRST_BRIEFING]), locale="en")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("3", "down")
        await pilot.pause()
        lines = app.screen._compositor.render_strips()
        segments = [segment for strip in lines for segment in strip if segment.style is not None]
        assert all(s.style.color is None or s.style.color.is_default for s in segments)
        assert all(s.style.bgcolor is None or s.style.bgcolor.is_default for s in segments)
        cells = [s for s in segments if s.text.rstrip().endswith("…")]  # cut table cells, not the detail
        row = [s for s in cells if "Which body" in s.text]  # the chosen row
        other = [s for s in cells if "Was Kazakhstan" in s.text]
        assert row and all(s.style.reverse for s in row) and not any(s.style.reverse for s in other)
        panel = app.query_one("#panel-3")
        assert "".join(s.text for s in lines[panel.region.y]).lstrip().startswith("┏")  # heavy: focused
        assert not "".join(s.text for s in lines[app.query_one("#panel-1").region.y]).lstrip().startswith("┏")


@posix_only
@pytest.mark.parametrize("locale", ["en", "ru"])
def test_a_dumb_terminal_gets_one_line_and_status_2(terminal, locale):
    term = terminal("show", "--lang", locale, env={"TERM": "dumb"})
    assert term.finish() == 2
    loc = localizer(locale)
    said = loc._("briefing: the dashboard cannot be drawn: %(reason)s; use “briefing print” for plain text",
                 reason=loc._("the terminal cannot move the cursor or show colours (TERM=dumb)"))
    assert term.output.decode("utf-8") == said + "\r\n"


def test_an_invalid_byte_from_the_keyboard_is_a_replacement_character_not_a_crash():
    """Textual's Linux driver decodes keys as strict UTF-8 (Textualize/textual#6456): guarded, 0xFF in a paste
    is U+FFFD and the bytes after it still arrive, split anywhere."""
    from textual.drivers import linux_driver

    from briefing.tui.input_guard import guard_input

    guard_input()
    decode = linux_driver.getincrementaldecoder("utf-8")().decode
    assert decode(b"a\xffb") + decode(b"\xd0") + decode(b"\x93") == "a\ufffdbГ"
