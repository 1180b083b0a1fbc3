"""The dashboard under a thousand random keys, in both languages: it never fails.

Keys are sent as a terminal delivers them, several at once before the app has
drawn what the first one caused (Ctrl+P then PageUp, or Enter twice, typed
fast), which is how Textual's own faults in the command palette were reached.
A quit key, or the palette's Quit command, ends a run normally; the dashboard
is then opened again for the keys left.
"""

from __future__ import annotations

import random

import pytest
from textual import events

from briefing.store import Library, LoadError, load_library
from briefing.tui.app import make_app
from tests.conftest import FIRST_BRIEFING, build, text

#: Keys a reader may press, the dashboard's own among them, and Russian-layout letters (й, which quits, aside).
KEYS = (
    ["ctrl+p"] * 2 + ["pageup", "pagedown", "enter", "escape"] * 3
    + ["tab", "shift+tab"] + ["up", "down", "left", "right", "home", "end", "ctrl+home", "ctrl+end"] * 2
    + ["space", "backspace", "1", "2", "3", "4", "l", "b", "e", "p", "question_mark", "д", "з", "и", "у"]
    + list("acfhtsxz") + list("фывапролжэёъ")
)
#: Keys that end the dashboard: seldom, so that most keys land in a running one.
QUIT_KEYS = ["q", "й", "ctrl+q"]
PRESSES = 1000


def random_keys(seed: int) -> list[list[str]]:
    """PRESSES keys in bursts of one to twelve, as fast typing reaches the app."""
    rng = random.Random(seed)
    bursts, count = [], 0
    while count < PRESSES:
        burst = [rng.choice(QUIT_KEYS) if rng.random() < 0.003 else rng.choice(KEYS)
                 for _ in range(min(rng.randint(1, 12), PRESSES - count))]
        bursts.append(burst)
        count += len(burst)
    return bursts


def send(app, keys: list[str]) -> None:
    """Hand the keys to the app at once, as a terminal's read delivers them, without waiting between them."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_a_thousand_random_keys_never_break_the_dashboard(locale, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # `p` and the palette's Save write here
    first = load_library([FIRST_BRIEFING])
    other = build(id="other", title=text("Another event", "Другое событие"))
    library = Library(briefings={**first.briefings, other.id: other},
                      errors=[LoadError(tmp_path / "bad.toml", "unknown key", place="decision.whom")])
    bursts = random_keys(seed=11 if locale == "en" else 23)
    runs = 0
    while bursts:
        runs += 1
        app = make_app(library, brief_id=None, locale=locale)
        app.animation_level = "none"  # scrolls land at once: the keys, not the animations, are under test
        async with app.run_test(size=(80, 24)) as pilot:  # raises what the app raised, if anything
            while bursts and app.is_running:
                send(app, bursts.pop(0))
                await pilot.wait_for_scheduled_animations()
            if app.is_running:  # the keys are spent: the dashboard still answers
                for _ in range(6):  # a screen takes one Esc (the picker two: the filter first), each when it is up
                    await pilot.press("escape")
                    await pilot.pause()
                assert app.screen is app.pane
                await pilot.press("q")
        assert app.return_code == 0
    assert runs < 10  # the quit keys are rare: most keys reached a running dashboard


@pytest.mark.parametrize("keys", [
    ["ctrl+p", "pageup"], ["ctrl+p", "pagedown"],  # KeyError in Textual 8.2.8: the list had no size yet
    ["ctrl+p", "enter", "enter"], ["ctrl+p", "enter", "enter", "enter"],  # ScreenStackError: dismissed twice
    ["b", "enter", "enter"],  # the same with the briefing picker
    ["q", "b"], ["ctrl+q", "ctrl+p"],  # a screen built while the app takes its screens down
])
async def test_keys_typed_together_that_once_broke_the_dashboard(keys):
    first = load_library([FIRST_BRIEFING])
    other = build(id="other", title=text("Another event", "Другое событие"))
    app = make_app(Library(briefings={**first.briefings, other.id: other}), brief_id=other.id, locale="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send(app, keys)
        await pilot.pause()
        if "q" in keys or "ctrl+q" in keys:
            assert not app.is_running
        else:
            assert app.is_running and app.pane in app.screen_stack
            await pilot.press(*["escape"] * 4)
            assert app.screen is app.pane
    assert app.return_code in (None, 0)
