"""The reader at the keyboard: search, movement, every source's column, the comparison filter, addresses, help.

Each test drives the dashboard with keys, as a user would, and checks what
is on screen: the count on the search line, the match marked as the one the
reader is on, the row selected, the columns shown, the notices.
"""

from __future__ import annotations

import webbrowser

import pytest
from textual.widgets import DataTable, Footer, Input

from benchmarks.generate import big_briefing
from briefing.find import fold
from briefing.model import Briefing
from briefing.i18n import localizer
from briefing.resources import briefings_dir
from briefing.store import Library, load_library
from briefing.tui.app import make_app
from briefing.tui.panels.comparison import FILTER_NAMES
from briefing.tui.screens.addresses import AddressesScreen
from briefing.tui.screens.help import KEYS, HelpScreen
from tests.conftest import build

EN, RU = localizer("en"), localizer("ru")
WIDE, NARROW = (160, 48), (80, 24)
KZ, OPEC = "kz-iaea-far-east-2025", "opec-plus-q1-2026-pause"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([briefings_dir()])


def screen_lines(app) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def marked(app, query: str, current: bool | None = None) -> list[str]:
    """The matches of `query` on screen marked as matches (reverse), or as the one the reader is on (bold,
    underlined too) or as another one; `current` None: either."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if style is None or not style.reverse or fold(segment.text) != fold(query):
                continue
            if current is None or bool(style.underline and style.bold) == current:
                found.append(segment.text)
    return found


def on_screen_before_current(app, size: int = 5) -> str | None:
    """The `size` characters on screen just before the match the reader is on, when they are text of the
    same panel (not a border, a label column or the start of a line)."""
    for strip in app.screen._compositor.render_strips():
        line = "".join(segment.text for segment in strip)
        x = 0
        for segment in strip:
            style = segment.style
            if style is not None and style.reverse and style.bold and style.underline:
                before = line[max(0, x - size):x]
                return before if len(before) == size and "│" not in before and "  " not in before else None
            x += len(segment.text)
    return None


def text_before_current(app, size: int = 5) -> str:
    """The `size` characters, folded, before the match the reader is on, in the text the search looked at."""
    search = app.search
    position = search._positions[search.current]
    return search._index.texts._joined[max(0, position - size):position]


async def type_in(pilot, text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


def count_shown(app) -> str:
    return str(app.query_one("#search-count").render())


def footer_labels(app) -> set[str]:
    return {str(key.description) for key in app.screen.query_one(Footer).query("FooterKey") if key.description}


def toasts(app) -> list[str]:
    return [" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast")]


def comparison_sources(app) -> list[str]:
    """The ids of the sources whose columns the comparison table shows, left to right."""
    table = app.query_one("#comparison-table", DataTable)
    return [str(key.value).removeprefix("source-") for key in table.columns if str(key.value).startswith("source-")]


# --- search -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [WIDE, NARROW])
@pytest.mark.parametrize("locale, query", [("en", "Grossi"), ("ru", "Гросси")])
async def test_search_finds_marks_and_goes_through_every_match(library, locale, query, size):
    app = make_app(library, KZ, locale)
    loc = localizer(locale)
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *query)
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == query
        total = app.search.found
        assert total == 12
        assert count_shown(app) == loc._("%(number)s of %(count)s", number="1", count="12")
        assert len(marked(app, query, current=True)) == 1  # the first match, in view
        await pilot.press("enter")
        seen = []
        for n in range(2, total + 2):
            await pilot.press("n")
            await pilot.pause()
            number = (n - 1) % total + 1
            assert count_shown(app) == loc._("%(number)s of %(count)s", number=str(number), count="12")
            assert len(marked(app, query, current=True)) == 1, n  # exactly one, on screen
            seen.append(app.focused.id)
        assert {"panel-2", "comparison-table", "statistics-table"} <= set(seen)  # the match's panel has the focus
        assert count_shown(app) == loc._("%(number)s of %(count)s", number="1", count="12")  # round to the first
        await pilot.press("N")  # and back to the last
        await pilot.pause()
        assert count_shown(app) == loc._("%(number)s of %(count)s", number="12", count="12")


@pytest.mark.parametrize("locale, query", [("en", "GW"), ("ru", "ГВт")])
async def test_every_match_is_reached_where_a_detail_repeats_text_and_where_it_ends(library, locale, query):
    """Figures and their checks in a table row's detail, the derived figures that end every detail, the
    source entries shown beside a figure (not counted: they are found in the source list)."""
    app = make_app(library, KZ, locale)
    loc = localizer(locale)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *query, "enter")
        total = app.search.found
        assert total > 10
        checked = 0
        for number in range(2, total + 1):
            await pilot.press("n")
            await pilot.pause()
            assert count_shown(app) == loc._("%(number)s of %(count)s", number=str(number), count=str(total))
            assert len(marked(app, query, current=True)) == 1, number
            before = on_screen_before_current(app)
            if before is not None:  # the very match the count names, not another one of the same text
                assert fold(before) == text_before_current(app), number
                checked += 1
        assert checked > total // 2


@pytest.mark.parametrize("table_id, query", [("#comparison-table", "kazakhstan"), ("#statistics-table", "reactor")])
async def test_table_cells_mark_their_matches_and_lose_them_when_the_search_is_cleared(library, table_id, query):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        table = app.query_one(table_id, DataTable)

        def in_table() -> list[str]:
            region, found = table.region, []
            for y, strip in enumerate(app.screen._compositor.render_strips()):
                x = 0
                for segment in strip:
                    style = segment.style
                    if region.contains(x, y) and style is not None and style.reverse:
                        found.append(fold(segment.text))
                    x += segment.cell_length
            return found

        await pilot.press("slash", *query)
        await pilot.pause()
        assert query in in_table()  # "Was Kazakhstan admi…", "Reactors in operation…"
        await pilot.press("escape")
        await pilot.pause()
        assert query not in in_table()


async def test_a_source_entry_repeated_beside_a_point_is_neither_counted_nor_marked(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"www.lada.kz")
        await pilot.pause()
        assert app.search.found == 1  # in the source list
        detail = app.query_one("#comparison-detail Prose")
        assert "www.lada.kz" in " ".join(line.plain for line in detail.lines(70))  # point 1 cites Lada.kz
        assert detail.matches() == 0


async def test_search_is_case_insensitive_and_reads_yo_as_ye(library):
    app = make_app(library, KZ, "ru")
    async with app.run_test(size=WIDE) as pilot:
        counts = {}
        for query in ("подсчёт", "ПОДСЧЁТ", "подсчет", "ПоДсЧеТ"):
            await pilot.press("slash", *query)
            await pilot.pause()
            counts[query] = app.search.found
            await pilot.press("escape")
        assert len(set(counts.values())) == 1 and counts["подсчет"] > 1, counts


async def test_a_query_with_a_space_finds_a_number_tied_to_its_unit(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await type_in(pilot, "nearly 20 gw")
        await pilot.pause()
        assert app.search.found >= 3  # the figure, the statement, the note
        assert len(marked(app, "nearly 20 gw", current=True)) == 1


async def test_the_language_switch_keeps_the_query_and_finds_it_in_the_new_text(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"Grossi", "enter", "n")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert app.query_one(Input).value == "Grossi"
        assert count_shown(app) == RU._("No matches") and marked(app, "Grossi") == []
        await pilot.press("l")
        await pilot.pause()
        assert count_shown(app) == EN.n_("%(count)s match", "%(count)s matches", 12)
        await pilot.press("n")
        assert count_shown(app) == "1 of 12"


async def test_escape_clears_the_search_and_gives_the_focus_back(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "down", "slash", *"Board")
        await pilot.pause()
        assert marked(app, "Board", current=False) and marked(app, "Board", current=True)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query_one("#search").display
        assert marked(app, "Board") == []
        assert app.focused.id == "comparison-table"
        await pilot.press("slash", *"Board", "enter", "escape")  # Esc after Enter, outside the search line
        await pilot.pause()
        assert not app.query_one("#search").display and marked(app, "Board") == []


async def test_while_typing_letters_are_the_query_and_not_keys(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"lqpfo1")
        await pilot.pause()
        assert app.is_running and app.locale == "en" and not app.screen.is_modal
        assert app.query_one(Input).value == "lqpfo1"
        assert count_shown(app) == EN._("No matches")
        assert EN._("Language") not in footer_labels(app)


async def test_a_pasted_query_keeps_no_control_characters(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash")
        app.query_one(Input).value = "Gro\x1b[31mssi\x07"
        await pilot.pause()
        assert app.query_one(Input).value == "Grossi" and app.search.found == 12


async def test_a_paste_cleaned_of_control_characters_leaves_the_cursor_after_it(library):
    """Pasted between two letters, "sea\\x07son\\x1b[31mal" becomes "seasonal", and what is typed next
    follows it, not the end of the line."""
    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", "a", "b", "left")
        line = app.query_one(Input)
        line.insert_text_at_cursor("sea\x07son\x1b[31mal")
        await pilot.pause()
        await pilot.press("x")
        assert line.value == "aseasonalxb"


async def test_a_query_made_shorter_scrolls_back_into_view(library):
    """A query longer than the search line scrolls it; deleting most of it brings the query's start back,
    with its end at the right edge, never a line of blanks."""
    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW) as pilot:
        query = "the group reference to seasonality weaker demand quarter oil barrels"
        await pilot.press("slash", *("space" if key == " " else key for key in query))
        line = app.query_one(Input)
        await pilot.pause()
        assert line.scroll_x > 0
        await pilot.press(*["backspace"] * 30)
        await pilot.pause()
        width = line.scrollable_content_region.width
        assert line.scroll_x == max(0, len(line.value) + 1 - width)
        shown = next(text for text in screen_lines(app) if text.lstrip().startswith("/ "))
        assert line.value[-10:] in shown


async def test_search_looks_only_at_the_points_the_filter_shows(library):
    app = make_app(library, OPEC, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"Status:", "enter")
        await pilot.pause()
        assert app.search.found == 12  # one status line a point
        await pilot.press("f")
        await pilot.pause()
        assert app.search.found == 4  # the points that differ


# --- movement -------------------------------------------------------------------------------------

@pytest.mark.parametrize("down, up, first, last", [("j", "k", "g", "G"), ("о", "л", "п", "П"),
                                                    ("down", "up", "home", "end")])
async def test_table_keys_move_the_row_like_less_and_vim(library, down, up, first, last):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        table = app.query_one("#comparison-table", DataTable)
        await pilot.press("3", down, down, down, up)
        assert table.cursor_row == 2
        await pilot.press(last)
        assert table.cursor_row == table.row_count - 1 == 12
        await pilot.press(first)
        assert table.cursor_row == 0 and table.scroll_x == 0


async def test_ctrl_d_and_ctrl_u_move_half_the_rows_in_view(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        table = app.query_one("#comparison-table", DataTable)
        await pilot.press("3", "ctrl+d")
        half = table.cursor_row
        assert half == (table.scrollable_content_region.height - table.header_height) // 2 > 1
        await pilot.press("ctrl+d")
        assert table.cursor_row == 2 * half
        await pilot.press("ctrl+u", "ctrl+u", "ctrl+u")
        assert table.cursor_row == 0


@pytest.mark.parametrize("size, scrolled", [(WIDE, "#panel-2"), (NARROW, "#panels")])
async def test_prose_panels_scroll_with_j_k_g_G_and_ctrl_d(library, size, scrolled):
    """Side by side a panel scrolls itself; stacked, the keys scroll the column, as ↑ and ↓ do."""
    app = make_app(library, KZ, "en")
    async with app.run_test(size=size) as pilot:
        widget = app.query_one(scrolled)
        await pilot.press("2")
        await pilot.pause()
        top = widget.scroll_y
        await pilot.press("j", "j")
        assert widget.scroll_y == top + 2
        await pilot.press("k")
        assert widget.scroll_y == top + 1
        await pilot.press("G")
        await pilot.pause()
        assert widget.scroll_y == widget.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert widget.scroll_y == 0
        await pilot.press("2", "ctrl+d")
        await pilot.pause()
        assert widget.scroll_y == top + max(1, widget.scrollable_content_region.height // 2)


# --- every source in view, the filter ------------------------------------------------------------

@pytest.mark.parametrize("size", [WIDE, NARROW, (149, 40)])
async def test_right_and_left_bring_every_source_column_into_view(library, size):
    app = make_app(library, OPEC, "en")
    async with app.run_test(size=size) as pilot:
        every = ["marketwatch", "reuters-infovibe", "ria", "tass-rambler"]
        await pilot.press("3")
        await pilot.pause()
        shown = comparison_sources(app)
        seen = set(shown)
        for _ in range(len(every)):
            await pilot.press("right")
            await pilot.pause()
            seen |= set(comparison_sources(app))
        assert seen == set(every)
        assert comparison_sources(app)[-1] == every[-1]
        for _ in range(len(every)):
            await pilot.press("left")
        await pilot.pause()
        assert comparison_sources(app) == shown and shown[0] == every[0]
        if len(shown) < len(every):  # a last column counts those left out, and says which keys show them
            header = app.query_one("#comparison-table", DataTable).columns["more"].label.plain
            assert header == f"+{len(every) - len(shown)}\n← →"


async def test_the_third_source_column_shows_at_160_by_48(library):
    app = make_app(library, OPEC, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "right")
        await pilot.pause()
        assert "ria" in comparison_sources(app)
        assert any("RIA Novosti" in line for line in screen_lines(app))


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_f_narrows_the_comparison_and_says_so_in_the_title(library, locale):
    app = make_app(library, OPEC, locale)
    loc = localizer(locale)
    async with app.run_test(size=NARROW) as pilot:
        table = app.query_one("#comparison-table", DataTable)
        statuses = {}
        for filter_ in ("differ", "single", "all"):
            await pilot.press("f")
            await pilot.pause()
            statuses[filter_] = [table.get_row_at(n)[2].plain for n in range(table.row_count)]
            title = app.query_one("#panel-3")._border_title.plain
            if filter_ != "all":
                assert loc._(FILTER_NAMES[filter_]) in title and f"{table.row_count} " in title
            assert app.focused is table and table.cursor_row == 0
        assert statuses["differ"] and all(s.startswith("≠") for s in statuses["differ"])
        assert statuses["single"] and all(s.startswith("1") for s in statuses["single"])
        assert len(statuses["all"]) == 12 > len(statuses["differ"]) + len(statuses["single"])
        assert loc._("Filter") in footer_labels(app)


def bars_fit(table: DataTable) -> list[str]:
    """What is wrong with a table's scroll bars: shown when the rows fit or hidden when they do not, or a bar
    sized for other rows or another height than the table's now."""
    wrong = []
    overflows = table.virtual_size.height > table.container_size.height - table.scrollbar_size_horizontal
    if table.show_vertical_scrollbar != overflows:
        wrong.append(f"{table.id}: vertical bar shown {table.show_vertical_scrollbar}, rows overflow {overflows}")
    elif overflows:
        bar = table.vertical_scrollbar
        if bar.window_virtual_size != table.virtual_size.height:
            wrong.append(f"{table.id}: bar for {bar.window_virtual_size} lines, table has {table.virtual_size.height}")
        if bar.window_size != table.container_size.height - table.scrollbar_size_horizontal:
            wrong.append(f"{table.id}: bar for a window of {bar.window_size}")
        if bar.position != table.scroll_y:
            wrong.append(f"{table.id}: bar at {bar.position}, table scrolled to {table.scroll_y}")
    return wrong


async def test_scroll_bars_follow_the_rows_through_filters_switches_moves_and_resizes(library):
    """The bars are drawn again only when a table's size or rows change (tui/steady.py): after each of these
    keys every table's bar is still the one its rows and height call for."""
    brief = Briefing.model_validate(big_briefing(sources=10, points=60))  # the filters leave 11 and 17 rows
    app = make_app(Library(briefings={brief.id: brief}), locale="en")
    async with app.run_test(size=WIDE) as pilot:  # where the tables' height stays as their rows change
        steps = [("f", None), ("f", None), ("G", None), ("f", None), ("l", None), ("f", None), ("g", None),
                 (None, NARROW), ("f", None), ("G", None), ("l", None), (None, (80, 30)), ("slash", None),
                 ("5", None), ("escape", None)]
        for key, size in steps:
            if key:
                await pilot.press(key)
            else:
                await pilot.resize_terminal(*size)
            await pilot.pause()
            for table in app.query(DataTable):
                assert bars_fit(table) == [], (key, size)


async def test_a_filter_that_leaves_nothing_says_so(library):
    brief = build()  # no comparison at all
    app = make_app(Library(briefings={brief.id: brief}), locale="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert app.query_one("#comparison-table", DataTable).row_count == 0
        assert any(EN._("No points of this kind: f shows the others.") in line for line in screen_lines(app))


# --- addresses -------------------------------------------------------------------------------------

class Browser(webbrowser.BaseBrowser):
    """A graphical browser that records what it is asked to open."""

    def __init__(self) -> None:
        super().__init__("recorder")
        self.opened: list[str] = []

    def open(self, url, new=0, autoraise=True):
        self.opened.append(url)
        return True


@pytest.fixture
def browser(monkeypatch) -> Browser:
    recorder = Browser()
    monkeypatch.setattr(webbrowser, "get", lambda *_: recorder)
    return recorder


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_o_opens_the_selected_points_source_and_says_so_with_the_whole_address(library, browser, locale):
    app = make_app(library, OPEC, locale)
    loc = localizer(locale)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("3", "down", "down", "down", "down", "down", "down")  # point 7, cited by [1] and [2]
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, AddressesScreen)
        entry = app.screen.highlighted()
        assert entry.number == app.query_one("#panel-3").cited()[0]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert browser.opened == [entry.url]
        assert any(loc._("Opening %(address)s", address=entry.url) == toast for toast in toasts(app))


async def test_y_copies_the_address_whole(library, browser):
    app = make_app(library, OPEC, "en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("y", "G", "y")
        await pilot.pause()
        url = "https://finance-rambler.ru/economics/55560216-vosem-stran-opek-reshili-uvelichit-dobychu-nefti-v-dekabre/"
        assert app.clipboard == url and browser.opened == []
        assert any(EN._("Copied %(address)s", address=url) == toast for toast in toasts(app))


@pytest.mark.parametrize("address", ["javascript:alert(1)", "file:///etc/passwd", "https://", "ftp://example.org/x"])
async def test_only_web_addresses_are_ever_opened_or_copied(library, browser, address):
    from briefing.tui.links import copy_address, open_address

    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        open_address(app, address)
        copy_address(app, address)
        await pilot.pause()
        assert browser.opened == [] and app.clipboard == ""
        said = EN._("Not a web address (http or https), so not opened or copied: %(address)s", address=address)
        assert toasts(app).count(said) == 2


async def test_no_browser_says_so(library, monkeypatch):
    def none(*_):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("o", "enter")
        await pilot.pause()
        assert EN._("No web browser was found to open it: y copies the address.") in toasts(app)


async def test_a_click_on_an_address_opens_it(library, browser):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "G")
        await pilot.pause()
        for y, line in enumerate(screen_lines(app)):
            if "https://www.lada.kz/" in line:
                await pilot.click(offset=(line.index("https://www.lada.kz/") + 3, y))
                break
        else:
            pytest.fail("the address is not on screen")
        await app.workers.wait_for_complete()
        assert browser.opened == ["https://www.lada.kz/"]


async def test_an_address_takes_one_line_cut_with_an_ellipsis_and_links_to_the_whole_address(library):
    app = make_app(library, OPEC, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "G")
        await pilot.pause()
        url = "https://finance-rambler.ru/economics/55560216-vosem-stran-opek-reshili-uvelichit-dobychu-nefti-v-dekabre/"
        for strip in app.screen._compositor.render_strips():
            for segment in strip:
                if segment.style is not None and segment.style.link == url:
                    assert segment.text.endswith("…") and url.startswith(segment.text[:-1])
                    return
        pytest.fail("no link to the address on screen")


# --- help, b and e --------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_help_lists_every_key_with_its_russian_layout_key(library, locale):
    from briefing.tui.app import BriefingApp

    app = make_app(library, KZ, locale)
    loc = localizer(locale)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        shown = " ".join(" ".join(line.plain for line in app.screen.query_one("Prose").lines(110)).split())
        for keys, russian, message in KEYS:
            assert " ".join(loc._(message).split()) in shown
            assert (f"{keys} ({russian})" if russian else keys) in shown
        listed = {token.rstrip(",") if len(token) > 1 else token
                  for keys, russian, _ in KEYS for token in f"{keys} {russian}".split()}
        names = {"slash": "/", "full_stop": ".", "question_mark": "?", "comma": ",", "escape": "Esc"}
        for binding in BriefingApp.BINDINGS:
            for key in binding.key.split(","):
                name = names.get(key, key)
                if not name.startswith("ctrl+"):
                    assert name in listed, key
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("key", ["b", "и"])
async def test_b_with_one_briefing_says_there_is_no_other(library, key):
    one = Library(briefings={KZ: library.briefings[KZ]})
    app = make_app(one, locale="ru")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.screen.is_modal
        assert RU._("Only one briefing is loaded: there is no other to choose.") in toasts(app)
        assert RU._("Briefings") not in footer_labels(app)


@pytest.mark.parametrize("key", ["e", "у"])
async def test_e_without_errors_says_there_are_none(library, key):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.screen.is_modal
        assert EN._("Every briefing file loaded: there are no errors to show.") in toasts(app)


@pytest.mark.parametrize("key, screen", [("full_stop", None), ("comma", HelpScreen), ("щ", AddressesScreen),
                                         ("н", AddressesScreen)])
async def test_the_new_keys_work_with_a_russian_layout_on(library, key, screen):
    app = make_app(library, KZ, "ru")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press(key)
        await pilot.pause()
        if screen is None:
            assert isinstance(app.focused, Input)
        else:
            assert isinstance(app.screen, screen)


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_the_palette_offers_search_filter_and_addresses(library, locale):
    app = make_app(library, KZ, locale)
    loc = localizer(locale)
    async with app.run_test(size=NARROW) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {loc._("Search"), loc._("Filter the comparison"), loc._("Source addresses")} <= set(titles)
        await pilot.pause()



async def test_the_palettes_search_opens_the_search_line(library):
    app = make_app(library, KZ, "en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"Search", "enter")
        await pilot.pause(0.5)
        assert app.search is not None and app.search.display and isinstance(app.focused, Input)
