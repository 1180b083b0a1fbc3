"""The dashboard driven by keys, as a user would: language switch, panels, saving, screens, sizes."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest
from textual.command import CommandInput
from textual.geometry import Region
from textual.widgets import DataTable, Footer

from briefing.i18n import N_, localizer
from briefing.store import Library, LoadError, load_library
from briefing.text import render
from briefing.tui.app import make_app
from briefing.tui.screens.errors import ErrorsScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.picker import PickerScreen
from tests.conftest import FIRST_BRIEFING, build, text

EN, RU = localizer("en"), localizer("ru")
WIDE, NARROW = (160, 48), (80, 24)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([FIRST_BRIEFING])


def footer_labels(app) -> set[str]:
    return {str(key.description) for key in app.screen.query_one(Footer).query("FooterKey") if key.description}


def plain(widget) -> str:
    """What a widget shows, as text with its line breaks and indents folded into single spaces."""
    width, height = widget.region.size
    return " ".join(" ".join(s.text for s in widget.render_lines(Region(0, 0, width, height))).split())


def title_of(widget) -> str:
    """A border title as drawn: Textual hands `border_title` back as markup, which not every text survives."""
    return widget._border_title.plain


def toasts(app) -> list[str]:
    return [plain(toast) for toast in app.screen.query("Toast")]


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_language_switch_changes_every_text_and_keeps_focus_scroll_and_row(library, size):
    app = make_app(library, locale="en")
    async with app.run_test(size=size) as pilot:
        await pilot.press("1", "pagedown")  # scroll the key decision (or, narrow, the whole column)
        await pilot.press("3", "down", "down", "down", "down")
        await pilot.pause()
        table = app.query_one("#comparison-table", DataTable)
        scrolled = [(w.id, w.scroll_y) for w in (app.query_one("#panel-1"), app.query_one("#panels"))]
        assert any(y > 0 for _, y in scrolled)
        assert app.focused is table and table.cursor_row == 4
        assert "Language" in footer_labels(app)

        await pilot.press("l")
        await pilot.pause()

        assert app.locale == "ru"
        assert title_of(app.query_one("#panel-3")) == "3 " + RU._("Source comparison")
        assert title_of(app.query_one("#panel-1")) == "1 " + RU._("Key decision")
        assert table.columns["question"].label.plain == RU._("Question") != "Question"
        assert table.get_cell("decision-date", "source-lada").plain == RU._("does not mention it")
        assert table.get_cell("admission", "status").plain == "✓ " + RU._("agree")
        assert {RU._("Language"), RU._("Save"), RU._("Quit")} <= footer_labels(app)
        assert "Language" not in footer_labels(app)
        assert RU.language_name("ru").capitalize() in plain(app.query_one("#language"))
        assert app.focused is table and table.cursor_row == 4
        assert [(w.id, w.scroll_y) for w in (app.query_one("#panel-1"), app.query_one("#panels"))] == scrolled

        await pilot.press("l")
        await pilot.pause()
        assert title_of(app.query_one("#panel-3")) == "3 Source comparison"
        assert table.cursor_row == 4 and app.focused is table


def view_state(app) -> dict[str, tuple]:
    """Where the reader is: every table's selected row, every scrolled widget's offset, and the focus."""
    state = {"focus": (app.focused.id,)}
    for table in app.query(DataTable):
        state[table.id] = (table.cursor_row, table.scroll_x, table.scroll_y)
    for scrolled in app.query("#panels, .panel, Detail"):
        state[scrolled.id] = (scrolled.scroll_x, scrolled.scroll_y)
    return state


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_language_switch_keeps_every_row_scroll_and_the_focus(library, size):
    app = make_app(library, locale="en")
    async with app.run_test(size=size) as pilot:
        await pilot.press("4", *["down"] * 6, "3", *["down"] * 12)  # each table on its last row
        for scrolled in app.query("#panels, #panel-1, #panel-2, Detail"):  # halfway: there in both languages
            scrolled.scroll_to(y=scrolled.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        before = view_state(app)
        assert before["focus"] == ("comparison-table",) and before["comparison-table"][0] == 12
        assert before["comparison-table"][2] > 0
        scrolled = ("comparison-detail", "statistics-detail", "panel-1", "panel-2") if size == WIDE else ("panels",)
        assert all(before[name][1] > 0 for name in scrolled)
        for _ in range(2):
            await pilot.press("l")
            await pilot.pause()
            assert view_state(app) == before


async def test_switch_reuses_the_analysis(library):
    app = make_app(library, locale="en")
    async with app.run_test(size=WIDE) as pilot:
        analysis = app.analysis
        await pilot.press("l")
        assert app.analysis is analysis


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_keys_1_to_4_focus_each_panel_and_bring_it_into_view(library, size):
    app = make_app(library, locale="en")
    async with app.run_test(size=size) as pilot:
        for number in (4, 2, 3, 1):
            await pilot.press(str(number))
            await pilot.pause()
            panel = app.query_one(f"#panel-{number}")
            assert app.focused is panel.entry
            assert app.screen.region.contains_point(panel.region.offset)


async def test_tab_moves_through_panels_tables_and_details(library):
    app = make_app(library, locale="en")
    async with app.run_test(size=WIDE) as pilot:
        seen = []
        for _ in range(6):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["panel-2", "comparison-table", "comparison-detail", "statistics-table",
                        "statistics-detail", "panel-1"]
        await pilot.press("shift+tab")
        assert app.focused.id == "statistics-detail"


async def test_wide_layout_shows_all_four_panels_without_overlap(library):
    app = make_app(library, locale="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        regions = [app.query_one(f"#panel-{n}").region for n in range(1, 5)]
        for n, region in enumerate(regions):
            assert app.screen.region.contains_region(region)
            assert all(not region.overlaps(other) for other in regions[n + 1:])
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        regions = [app.query_one(f"#panel-{n}").region for n in range(1, 5)]
        assert len({r.x for r in regions}) == 1  # one column
        assert regions == sorted(regions, key=lambda r: r.y)


async def test_selecting_a_row_shows_it_in_full_with_its_sources(library):
    app = make_app(library, locale="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "down", "down", "down", "down")
        await pilot.pause()
        detail = plain(app.query_one("#comparison-detail Prose"))
        assert "5. How does the accession bear on the sovereign equality" in detail.replace("\n", " ")
        assert "Status: sources differ" in detail
        assert "https://www.lada.kz/" in detail
        await pilot.press("4", *["down"] * 5)
        await pilot.pause()
        detail = " ".join(plain(app.query_one("#statistics-detail Prose")).split())
        assert "inconsistent, unverified" in detail
        assert "more than 25% away from reference figures of the same measure." in detail
        assert "Reference: 65,040 MW, June 2025 [3] — differs by 69%" in detail
        assert "https://energia.gr/" in detail


async def test_bars_pair_operating_with_construction_with_qualified_labels(library):
    app = make_app(library, locale="ru")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        bars = plain(app.query_one("#bars"))
        for phrase in ("416 реакторов", "63 реактора", "более 376 ГВт", "почти 20 ГВт", "строятся", "Мощность"):
            assert phrase in bars
        await pilot.press("l")
        assert "more than 376 GW" in plain(app.query_one("#bars"))


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_p_saves_exactly_what_print_width_80_prints(library, locale, tmp_path, monkeypatch):
    printed = subprocess.run(
        [sys.executable, "-m", "briefing", "print", "kz-iaea-far-east-2025", "--width", "80", "--lang", locale],
        capture_output=True, check=True, env={"PATH": "", "PYTHONIOENCODING": "utf-8"}).stdout
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"kz-iaea-far-east-2025.{locale}.txt").write_text("mine")
    app = make_app(library, locale=locale)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("p", "p")
        await pilot.pause()
        first = tmp_path / f"kz-iaea-far-east-2025.{locale}-2.txt"
        second = tmp_path / f"kz-iaea-far-east-2025.{locale}-3.txt"
        assert first.read_bytes() == second.read_bytes() == printed
        assert printed == render(app.analysis, localizer(locale), 80).encode()
        assert (tmp_path / f"kz-iaea-far-east-2025.{locale}.txt").read_text() == "mine"
        assert any(str(second) in "".join(t.replace("▌", "").split()) for t in toasts(app))


async def test_save_failure_is_reported_in_the_language_and_the_app_keeps_running(library, monkeypatch):
    def refuse(text, folder, stem):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr("briefing.tui.saving.save_brief", refuse)
    app = make_app(library, locale="en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert any("permission denied" in t for t in toasts(app))
        await pilot.press("l")  # the toast is said again in Russian
        await pilot.pause()
        assert any(RU._("permission denied") in t for t in toasts(app))
        assert not any("permission denied" in t for t in toasts(app))
        assert app.is_running


async def test_help_screen_lists_the_keys_in_the_current_language(library):
    app = make_app(library, locale="ru")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = plain(app.screen.query_one("Prose"))
        assert RU._("Switch the language between English and Russian") in shown
        assert title_of(app.screen.query_one(".dialog")) == RU._("Help")
        await pilot.press("l")
        await pilot.pause()
        assert "Switch the language between English and Russian" in plain(app.screen.query_one("Prose"))
        assert "Close" in footer_labels(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_commands_and_prompt_are_localized(library):
    app = make_app(library, locale="ru")
    async with app.run_test(size=NARROW) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == [RU._("Switch language"), RU._("Search"), RU._("Filter the comparison"),
                          RU._("Source addresses"), RU._("Save the brief"), RU._("Help"), RU._("Change theme"),
                          RU._("Quit")]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == RU._("Search for commands…")
        await pilot.press(*"zzzzqqq")
        await pilot.pause(0.8)
        empty = app.screen.query_one("CommandList").get_option_at_index(0)
        assert empty.prompt.renderable.plain == RU._("No matches found")
        await pilot.press("escape")
        switch = next(c for c in app.get_system_commands(app.screen) if c.title == RU._("Switch language"))
        switch.callback()
        await pilot.pause()
        assert app.locale == "en"


async def test_text_from_data_is_never_markup(tmp_path):
    sneaky = "[bold]Loud[/bold] [@click=app.quit]quit[/] [red]"
    brief = build(title=text(sneaky, sneaky), statistics_title=text(sneaky, sneaky))
    app = make_app(Library(briefings={brief.id: brief}), locale="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert sneaky in plain(app.query_one("#brief-title"))
        assert title_of(app.query_one("#panel-4")) == "4 " + sneaky
        await pilot.click("#brief-title")
        await pilot.press("l")
        assert app.is_running
        assert sneaky in plain(app.query_one("#brief-title"))


async def test_markup_in_comparison_and_statistics_cells_is_literal():
    sneaky = "[b]x[/b] [@click=app.quit]y[/]"
    brief = build(
        comparison=[{"id": "p", "question": text(sneaky), "positions": [{"source": "a", "says": text(sneaky)}]}],
        statistics=[{"id": "s", "label": text(sneaky), "value": 3, "unit": "reactor", "as_of": "2025",
                     "sources": ["a"]}])
    app = make_app(Library(briefings={brief.id: brief}), locale="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        table = app.query_one("#comparison-table", DataTable)
        assert table.get_cell("p", "question").plain == sneaky
        assert table.get_cell("p", "source-a").plain == sneaky
        assert app.query_one("#statistics-table", DataTable).get_cell("s", "label").plain == sneaky


@pytest.mark.parametrize("size", [(20, 8), (39, 30), (100, 11), (40, 12), (80, 24), (149, 40), (150, 40),
                                  (300, 100)])
async def test_any_terminal_size_works_and_tiny_ones_say_so(library, size):
    app = make_app(library, locale="ru")
    async with app.run_test(size=size) as pilot:
        await pilot.press("1", "4", "down", "l", "l")
        await pilot.pause()
        note = app.query_one("#too-small")
        tiny = size[0] < 40 or size[1] < 12
        assert note.display == tiny
        assert app.query_one("#panels").display != tiny
        if tiny:
            assert "40" in plain(note) and plain(note) == " ".join(RU._(
                "The terminal is too small: make it at least %(columns)s × %(rows)s.", columns=40, rows=12).split())


async def test_resizing_reflows_live(library):
    app = make_app(library, locale="en")
    async with app.run_test(size=WIDE) as pilot:
        for size, layout in ((NARROW, "-narrow"), ((30, 10), "-too-narrow"), (WIDE, "-wide")):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.screen.has_class(layout)


def bad_file() -> LoadError:
    return LoadError(Path("bad.toml"), N_("unknown key"), place="decision.whom")


async def test_errors_screen_opens_on_start_and_with_e(library):
    errored = Library(briefings=library.briefings, errors=[bad_file()])
    app = make_app(errored, locale="en")
    async with app.run_test(size=NARROW) as pilot:
        assert isinstance(app.screen, ErrorsScreen)
        assert bad_file().describe(EN) in plain(app.screen.query_one("Prose"))
        await pilot.press("l")
        await pilot.pause()
        assert bad_file().describe(RU) in plain(app.screen.query_one("Prose"))
        await pilot.press("escape", "e")
        assert isinstance(app.screen, ErrorsScreen)


async def test_e_and_b_open_no_screen_and_leave_the_footer_without_nothing_to_show(library):
    """What they say instead is in test_tui_keys.py."""
    app = make_app(library, locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("e", "b")
        assert not app.screen.is_modal
        assert not {"Errors", "Briefings"} & footer_labels(app)


async def test_picker_opens_first_with_several_briefings_and_b_reopens_it(library):
    other = build(id="other", title=text("Another event", "Другое событие"))
    both = Library(briefings={**library.briefings, other.id: other})
    app = make_app(both, brief_id=None, locale="en")
    async with app.run_test(size=NARROW) as pilot:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.brief_id == "other"
        assert "Another event" in plain(app.query_one("#brief-title"))
        await pilot.press("l", "b")
        assert isinstance(app.screen, PickerScreen)
        assert title_of(app.screen.query_one(".dialog")) == RU._("Choose a briefing")
        options = app.screen.query_one("OptionList")
        marked = [o.id for o in options.options if RU._("shown now") in o.prompt.plain]
        assert marked == ["other"]
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.brief_id == "kz-iaea-far-east-2025"
        assert app.query_one("#comparison-table", DataTable).row_count == 13


@pytest.mark.parametrize("key", ["q", "ctrl+q", "ctrl+c"])
async def test_quit_keys(library, key):
    app = make_app(library, locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


def test_without_a_terminal_the_dashboard_points_to_print(library, capsys):
    from briefing.tui.launch import run_dashboard

    assert run_dashboard(library, None, "ru") == 2
    assert "briefing print" in capsys.readouterr().err


async def test_a_briefing_without_background_comparison_or_statistics_opens(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    brief = build()
    app = make_app(Library(briefings={brief.id: brief}), locale="ru")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "down", "4", "down", "l", "p")
        await pilot.pause()
        assert app.query_one("#comparison-table", DataTable).row_count == 0
        assert not app.query_one("#bars").display
        assert (tmp_path / "synthetic.en.txt").read_bytes() == render(app.analysis, EN, 80).encode()


@pytest.mark.parametrize("width", range(16, 40))  # "19 November 2025" fits from 16
def test_prose_never_breaks_a_number_from_its_unit_and_keeps_styles(width):
    from briefing.tui.prose import lay_out, para
    from textual.content import Content

    text = Content.styled("Grossi gave more than 376\u00a0GW on 19\u00a0November\u00a02025 to the Board", "bold")
    lines = [line.plain for line in lay_out(para(text), width)]
    assert "376\u00a0GW" in " ".join(lines) and "19\u00a0November\u00a02025" in " ".join(lines)
    assert all(line.spans for line in lay_out(para(text), width) if line.plain.strip())


async def test_the_keys_work_with_a_russian_keyboard_layout_on(library):
    app = make_app(library, locale="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("д")  # the "l" key on ЙЦУКЕН
        assert app.locale == "en"
        await pilot.press("?")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("д")  # in a dialog too
        assert app.locale == "ru"
        await pilot.press("escape", "й")
    assert app.return_code == 0 and not app.is_running


@pytest.mark.parametrize("width", range(16, 60))
def test_prose_never_leaves_a_citation_mark_alone_and_shows_the_space_as_a_space(width):
    from briefing.tui.prose import lay_out, para
    from textual.content import Content

    text = Content.styled("At a session of the Board; neither report names the venue. [1][2]", "bold")
    lines = [line.plain.strip() for line in lay_out(para(text), width)]
    assert "venue. [1][2]" in lines[-1]  # with the word before it, and a plain space between
    assert all(line.spans for line in lay_out(para(text), width) if line.plain.strip())
