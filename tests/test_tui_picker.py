"""The briefing picker as a reader uses it: type to filter, ↑ ↓ to choose, Enter to open, Escape to clear and close."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from briefing.i18n import localizer
from briefing.records import Text
from briefing.store import Header, Library, load_library, scan_library
from briefing.tui.app import make_app
from briefing.tui.screens.errors import ErrorsScreen
from briefing.tui.screens.picker import SHOWN, PickerScreen
from tests.conftest import FIRST_BRIEFING
from tests.test_library_scan import briefing_file
from tests.test_tui_app import footer_labels, plain, title_of, toasts

EN, RU = localizer("en"), localizer("ru")
NARROW = (80, 24)
FIRST_ID = "kz-iaea-far-east-2025"


def many(count: int, folder: Path) -> Library:
    """The first bundled briefing, read in full, and `count` more listed by header (files that are not there):
    "Event no0" on 1 January 2020, "Event no1" ten days later, and so on."""
    first = load_library([FIRST_BRIEFING])
    headers = {f"n{n:04d}": Header(f"n{n:04d}", Text(en=f"Event no{n}", ru=f"Событие no{n}"),
                                   dt.date(2020, 1, 1) + dt.timedelta(days=10 * n), folder / f"n{n:04d}.toml")
               for n in range(count)}
    return Library(briefings=first.briefings, origins=first.origins, headers={**first.headers, **headers})


def listed(app) -> list[str]:
    """The options as shown: the id of each briefing, or the whole text of a line that is not one."""
    return [option.id or option.prompt.plain for option in app.screen.query_one(OptionList).options]


def counted(app) -> str:
    return app.screen.query_one(".dialog")._border_subtitle.plain


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


async def test_typing_filters_and_counts_the_matches(tmp_path):
    app = make_app(many(30, tmp_path), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        assert isinstance(app.screen, PickerScreen)
        assert counted(app) == "31\u00a0briefings" and len(listed(app)) == 31
        assert app.screen.query_one(OptionList).highlighted_option.id == FIRST_ID  # the one shown now
        await type_text(pilot, "EVENT NO2")
        assert listed(app) == ["n0002", *(f"n{n:04d}" for n in range(20, 30))]
        assert counted(app) == "Matching: 11 of 31"
        await type_text(pilot, "5")
        assert listed(app) == ["n0025"] and counted(app) == "Matching: 1 of 31"
        await type_text(pilot, "x")
        assert listed(app) == ["No briefing matches the filter"] and counted(app) == "Matching: 0 of 31"
        assert "Open" not in footer_labels(app)  # nothing to open
        await pilot.press("enter")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape", "space", "space")
        await pilot.pause()
        assert len(listed(app)) == 31 and counted(app) == "31\u00a0briefings"  # a blank filter is no filter


async def test_the_filter_matches_the_date_as_the_language_shows_it(tmp_path):
    app = make_app(many(30, tmp_path), locale="ru")
    async with app.run_test(size=NARROW) as pilot:
        assert title_of(app.screen.query_one(".dialog")) == RU._("Choose a briefing")
        assert counted(app) == "31\u00a0справка"
        await type_text(pilot, "февраля")
        assert listed(app) == ["n0004", "n0005"] and counted(app) == "Подходят: 2 из 31"
        assert "10 февраля 2020 г." in plain(app.screen.query_one(OptionList))
        await type_text(pilot, " 2020-02-20")
        assert listed(app) == ["n0005"]


async def test_enter_opens_the_highlighted_briefing_and_arrows_move(tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    briefing_file(folder, "second", "Second event")
    briefing_file(folder, "third", "Third event")
    app = make_app(scan_library([FIRST_BRIEFING, folder]), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await type_text(pilot, "event")
        assert listed(app) == ["second", "third"]
        await pilot.press("down", "up", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen) and app.brief_id == "third"
        assert "Third event" in plain(app.query_one("#brief-title"))
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one(OptionList).highlighted_option.id == "third"  # where the reader is


async def test_escape_clears_the_filter_then_closes(tmp_path):
    app = make_app(many(3, tmp_path), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        assert {"Close", "Open", "Quit"} <= footer_labels(app) and "Clear" not in footer_labels(app)
        await type_text(pilot, "zzz")
        assert "Clear" in footer_labels(app) and "Close" not in footer_labels(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.screen.query_one(Input).value == ""
        assert len(listed(app)) == 4 and "Close" in footer_labels(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen) and app.brief_id == FIRST_ID


async def test_letters_go_to_the_filter_and_ctrl_q_quits(tmp_path):
    app = make_app(many(3, tmp_path), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await type_text(pilot, "lqдй?")
        assert app.is_running and app.locale == "en" and app.screen.query_one(Input).value == "lqдй?"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_at_most_shown_are_listed_with_a_line_counting_the_rest(tmp_path):
    app = make_app(many(1200, tmp_path), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        options = listed(app)
        assert len(options) == SHOWN + 1 and options[-1] == f"… {1201 - SHOWN:,} more: type to narrow the list"
        assert counted(app) == "1,201\u00a0briefings"
        app.screen.query_one(OptionList).highlighted = SHOWN - 1
        await pilot.press("down")
        assert app.screen.query_one(OptionList).highlighted_option.id is not None  # the last line is no briefing
        await type_text(pilot, "no11")  # no11, no110 to no119, no1100 to no1199
        assert listed(app)[-1] == f"… {111 - SHOWN} more: type to narrow the list"
        assert counted(app) == "Matching: 111 of 1,201"
        await type_text(pilot, "4")
        assert listed(app) == ["n0114", *(f"n{n:04d}" for n in range(1140, 1150))]


@pytest.mark.parametrize(("count", "last"), [(SHOWN - 1, f"n{SHOWN - 2:04d}"), (SHOWN, "… 1 more: type to narrow the list")])
async def test_the_line_counting_the_rest_comes_only_when_there_is_a_rest(tmp_path, count, last):
    app = make_app(many(count, tmp_path), locale="en")  # and the first briefing
    async with app.run_test(size=NARROW):
        assert listed(app)[-1] == last and len(listed(app)) == SHOWN + (count == SHOWN)


async def test_reopened_the_picker_lists_the_briefings_around_the_one_shown_now(tmp_path):
    library = many(1200, tmp_path)
    library.briefings["n1100"] = library.briefings[FIRST_ID]  # as if its file had been read (there is none)
    app = make_app(library, locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await type_text(pilot, "no1100")
        await pilot.press("enter")
        await pilot.pause()
        assert app.brief_id == "n1100"
        await pilot.press("b")
        await pilot.pause()
        start = 1101 - SHOWN // 2  # the first listed, the briefing shown now in the middle of them
        assert listed(app)[0] == f"… {start:,} before: type to narrow the list"
        assert listed(app)[1:-1] == [f"n{n:04d}" for n in range(start - 1, start - 1 + SHOWN)]
        assert listed(app)[-1] == f"… {1201 - start - SHOWN:,} more: type to narrow the list"
        assert app.screen.query_one(OptionList).highlighted_option.id == "n1100"
        await pilot.press("up")
        assert app.screen.query_one(OptionList).highlighted_option.id == "n1099"
        await type_text(pilot, "no11")  # n1099 is no match: the first match is highlighted, and no line before it
        assert listed(app)[:2] == ["n0011", "n0110"]
        assert app.screen.query_one(OptionList).highlighted_option.id == "n0011"


@pytest.mark.parametrize(("position", "first"), [
    (SHOWN - 1, FIRST_ID), (SHOWN, f"… {SHOWN - SHOWN // 2} before: type to narrow the list"),
    (SHOWN + 30, "… 31 before: type to narrow the list")])  # the last: the SHOWN last listed, no fewer
async def test_the_list_starts_at_the_top_while_the_one_shown_now_is_among_the_first(tmp_path, position, first):
    library = many(SHOWN + 30, tmp_path)
    shown_now = list(library.headers)[position]
    library.briefings[shown_now] = library.briefings[FIRST_ID]
    app = make_app(library, brief_id=shown_now, locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert listed(app)[0] == first and app.screen.query_one(OptionList).highlighted_option.id == shown_now


async def test_a_briefing_whose_rest_is_bad_says_so_and_the_picker_stays(tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    bad = briefing_file(folder, "broken", "Broken further on")
    bad.write_text(bad.read_text("utf-8").replace("value = 416", 'value = "416"', 1), "utf-8")
    briefing_file(folder, "fine", "Fine")
    app = make_app(scan_library([FIRST_BRIEFING, folder]), locale="en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        assert "Errors" not in footer_labels(app)
        await type_text(pilot, "broken")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.brief_id == FIRST_ID
        said = " ".join(" ".join(toasts(app)).replace("▌", " ").split())  # the toast's lines, without its edge
        # The toast wraps the line where the path's length puts it: compared without its spaces.
        assert ":statistics[0].value:numbersgounquoted:value=416" in "".join(said.split())
        await pilot.press("escape", "escape", "e")
        await pilot.pause()
        assert isinstance(app.screen, ErrorsScreen)
        await pilot.press("escape", "b")
        await type_text(pilot, "fine")
        await pilot.press("enter")
        await pilot.pause()
        assert app.brief_id == "fine"


async def test_the_filter_and_the_highlight_stay_across_a_language_switch(tmp_path):
    app = make_app(many(30, tmp_path), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await type_text(pilot, "no")  # "November" too, in English
        assert counted(app) == "Matching: 31 of 31"
        await pilot.press("down", "down")
        await pilot.pause()
        app.action_toggle_language()
        await pilot.pause()
        assert app.screen.query_one(Input).value == "no" and counted(app) == "Подходят: 30 из 31"
        assert app.screen.query_one(OptionList).highlighted_option.id == "n0001"
        await type_text(pilot, " января")  # a date as Russian writes it, now
        assert listed(app) == ["n0000", "n0001", "n0002", "n0003"]


async def test_the_palette_never_opens_a_second_picker(tmp_path):
    app = make_app(many(3, tmp_path), locale="en")
    async with app.run_test(size=NARROW) as pilot:
        await type_text(pilot, "no1")
        app.action_picker()  # what the palette's "Choose a briefing" does
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == ["Pane", "PickerScreen"]
        assert app.screen.query_one(Input).value == "no1"


@pytest.mark.parametrize("key", ["b", "и"])
async def test_b_with_one_briefing_says_there_is_no_other(key):
    app = make_app(load_library([FIRST_BRIEFING]), locale="ru")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        assert "Справки" not in footer_labels(app)  # nothing to choose: not offered
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen)
        said = " ".join(" ".join(toasts(app)).replace("▌", " ").split())
        assert said == "Загружена только одна справка: выбрать другую нельзя."


async def test_b_with_several_opens_the_picker_and_says_nothing(tmp_path):
    app = make_app(many(2, tmp_path), brief_id=FIRST_ID, locale="en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and toasts(app) == []


async def test_help_lists_the_pickers_keys_in_each_language():
    app = make_app(load_library([FIRST_BRIEFING]), locale="en")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = plain(app.screen.query_one("Prose"))
        assert "In the briefing picker" in shown and "Clear the filter; with none, close the picker" in shown
        app.action_toggle_language()
        await pilot.pause()
        shown = plain(app.screen.query_one("Prose"))
        assert "В окне выбора справки" in shown and "Очистить фильтр; если он пуст, закрыть окно выбора" in shown
