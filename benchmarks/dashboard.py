"""In-process dashboard timings with Textual's headless pilot, one JSON object on stdout.

    python -m benchmarks.dashboard switch [--switches 20]
    python -m benchmarks.dashboard big DIR
    python -m benchmarks.dashboard watch [--saves 20]
    python -m benchmarks.dashboard search DIR [--query "point 99"]
    python -m benchmarks.dashboard picker DIR

What "repainted" means here: Textual repaints on its own refresh timer (at
most 60 frames a second) by asking the compositor for the changed regions and
handing them to `App._display`.  The headless driver skips the final step of
turning that update into escape codes, so this module wraps `_display` to do
it anyway (into a throw-away string) and stamps the time of every non-empty
frame.  A latency is then: from just before the key is sent to the last frame
drawn once the app has handled everything the key caused.  The pilot's own
waiting (it sleeps until the process looks idle) is not counted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

#: Size of the terminal the dashboard is measured in, as in the whole-process benchmark.
SIZE = (160, 48)
#: How long to let the app settle after the last message before reading the frame times.
SETTLE = 0.12


class Frames:
    """Time stamps of the frames an app has drawn."""

    def __init__(self, app) -> None:
        from textual._compositor import CompositorUpdate

        self.times: list[float] = []
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is not None and not app._batch_count:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)  # what a real terminal driver would write
                self.times.append(time.perf_counter())

        app._display = display

    def last_since(self, start: float) -> float | None:
        after = [t for t in self.times if t >= start]
        return after[-1] - start if after else None

    def count_since(self, start: float) -> int:
        return sum(1 for t in self.times if t >= start)


async def settle(pilot) -> None:
    """Wait until every widget has handled its messages, then let the refresh timer draw."""
    await pilot._wait_for_screen()
    await asyncio.sleep(SETTLE)
    await pilot._wait_for_screen()


def screen_text(app) -> str:
    """The characters on the current screen, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class Reloads:
    """Counts the file reads, validations and analyses that happen while it is on."""

    def __init__(self) -> None:
        import briefing.analysis
        import briefing.model
        import briefing.tui.app

        self.on = False
        self.opened = self.validated = self.analysed = 0

        def audit(event: str, args: tuple) -> None:
            if self.on and event == "open" and str(args[0]).endswith(".toml"):
                self.opened += 1

        sys.addaudithook(audit)
        validate = briefing.model.Briefing.model_validate.__func__

        def counted_validate(cls, *args, **kwargs):
            if self.on:
                self.validated += 1
            return validate(cls, *args, **kwargs)

        briefing.model.Briefing.model_validate = classmethod(counted_validate)
        analyse = briefing.analysis.analyse

        def counted_analyse(*args, **kwargs):
            if self.on:
                self.analysed += 1
            return analyse(*args, **kwargs)

        briefing.analysis.analyse = counted_analyse
        if hasattr(briefing.tui.app, "analyse"):
            briefing.tui.app.analyse = counted_analyse

    def as_dict(self) -> dict[str, int]:
        return {"files_opened": self.opened, "validations": self.validated, "analyses": self.analysed}


async def language_switch(switches: int) -> dict:
    """Press `l` `switches` times on the bundled briefing; latency of each from press to repainted screen."""
    from briefing.i18n import localizer
    from briefing.store import load_library, search_folders
    from briefing.tui.app import make_app

    reloads = Reloads()
    library = load_library(search_folders([]))
    app = make_app(library, "kz-iaea-far-east-2025", "en")  # one briefing shown, as in (b); no picker
    frames = Frames(app)
    latencies, frames_drawn, checked = [], [], 0
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reloads.on = True
        for _ in range(switches):
            before = app.locale
            start = time.perf_counter()
            await pilot.press("l")
            await settle(pilot)
            latency = frames.last_since(start)
            if latency is None:
                raise RuntimeError("no frame was drawn after the language switch")
            latencies.append(latency)
            frames_drawn.append(frames.count_since(start))
            if app.locale == before:
                raise RuntimeError("the language did not change")
            label = localizer(app.locale)._("Language")
            if label not in screen_text(app):
                raise RuntimeError(f"the footer does not show {label!r} after switching to {app.locale}")
            checked += 1
        reloads.on = False
    return {"seconds": statistics.median(latencies), "samples": latencies, "checked": checked,
            "frames_per_switch": statistics.median(frames_drawn), **reloads.as_dict()}


async def big_dashboard(folder: str) -> dict:
    """The large briefing: launch to first complete screen, then ctrl+end in the comparison table."""
    from textual.widgets import DataTable

    from briefing.store import load_library
    from briefing.tui.app import make_app

    library = load_library([Path(folder)])
    (brief_id,) = library.briefings
    brief = library.briefings[brief_id]
    start = time.perf_counter()
    app = make_app(library, brief_id, "en")
    frames = Frames(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first_paint = frames.last_since(start)
        text = screen_text(app)
        if brief.title.get("en") not in text:
            raise RuntimeError(f"the first screen does not show the title: {text[:300]!r}")
        table = max(app.screen.query(DataTable), key=lambda t: t.row_count)
        if table.row_count != len(brief.comparison):
            raise RuntimeError(f"the largest table has {table.row_count} rows, not {len(brief.comparison)}")
        table.focus()
        await settle(pilot)
        start = time.perf_counter()
        await pilot.press("ctrl+end")
        await settle(pilot)
        jump = frames.last_since(start)
        if table.cursor_row != table.row_count - 1:
            raise RuntimeError(f"ctrl+end left the cursor on row {table.cursor_row}")
        last = f"Point {len(brief.comparison) - 1}:"
        if last not in screen_text(app):
            raise RuntimeError(f"the last row ({last}) is not on screen after ctrl+end")
    return {"seconds": first_paint, "jump_seconds": jump, "rows": table.row_count}


async def watched_saves(saves: int) -> dict:
    """`show FILE --watch` on a copy of the bundled briefing: from a save (the write of the file) to the
    last frame drawn once the new brief is on screen, for `saves` saves that each change a figure's label."""
    import shutil
    import tempfile

    from briefing.resources import briefings_dir
    from briefing.tui.watch import WatchingApp, file_library

    folder = Path(tempfile.mkdtemp(prefix="briefing-watch-"))
    try:
        path = Path(shutil.copy(briefings_dir() / "kz-iaea-far-east-2025.toml", folder / "kz.toml"))
        original = path.read_text(encoding="utf-8")
        library, errors = file_library(path)
        if errors:
            raise RuntimeError("the bundled briefing has errors")
        app = WatchingApp(library, path, "en")
        frames = Frames(app)
        latencies = []
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await asyncio.sleep(0.5)  # the watcher starts with the app
            for n in range(saves):
                label = f"Reactors in operation, save {n}"
                before = app.reloads
                start = time.perf_counter()
                path.write_text(original.replace("Reactors in operation worldwide", label, 1), encoding="utf-8")
                for _ in range(500):
                    if app.reloads > before:
                        break
                    await asyncio.sleep(0.002)
                else:
                    raise RuntimeError("the save was not read within a second")
                await settle(pilot)
                if label not in screen_text(app):
                    raise RuntimeError(f"save {n}: the new label is not on screen")
                latency = frames.last_since(start)
                if latency is None:
                    raise RuntimeError("no frame was drawn after the save")
                latencies.append(latency)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"seconds": statistics.median(latencies), "samples": latencies}


async def typed(pilot, frames: Frames, text: str) -> list[float]:
    """Type `text` a key at a time; each key's latency, from just before it is sent to the last frame drawn."""
    latencies = []
    for key in text:
        start = time.perf_counter()
        await pilot.press("space" if key == " " else key)
        await settle(pilot)
        latency = frames.last_since(start)
        if latency is None:
            raise RuntimeError(f"no frame was drawn after typing {key!r}")
        latencies.append(latency)
    return latencies


async def search_keys(folder: str, query: str) -> dict:
    """The large briefing: `/`, then `query` typed a key at a time; each key's latency to the repainted
    screen (the search over every panel, the marks, the first match brought into view)."""
    from briefing.store import load_library
    from briefing.tui.app import make_app

    library = load_library([Path(folder)])
    (brief_id,) = library.briefings
    app = make_app(library, brief_id, "en")
    frames = Frames(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        latencies = await typed(pilot, frames, query)
        found = app.search.found
        shown = f"1 of {found:,}"
        if not found or shown not in screen_text(app):
            raise RuntimeError(f"the search line does not say {shown!r} after typing {query!r}")
    return {"seconds": statistics.median(latencies), "samples": latencies, "first_key": latencies[0],
            "matches": found, "query": query}
#: What is typed into the picker of the dated library, a key at a time: ends on one briefing.
PICKER_QUERY = "copy 1234"


async def picker_filter(folder: str) -> dict:
    """The dated library of benchmarks.generate in the dashboard: launch (the cache warm) to the picker's first
    complete screen, then each key of PICKER_QUERY, from the key to the repainted screen.  The filter's
    blinking cursor draws frames of its own, twice a second, which would be counted as the key's: it is
    kept still while the keys are timed."""
    from textual.widgets import Input

    from briefing.cache import BriefingCache, cache_dir
    from briefing.store import scan_library, search_folders
    from briefing.tui.app import make_app

    start = time.perf_counter()
    library = scan_library(search_folders([folder], environ={}), BriefingCache(cache_dir()))
    app = make_app(library, None, "en")
    frames = Frames(app)
    total = f"{len(library.headers):,}"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first_paint = frames.last_since(start)
        if f"{total}\u00a0briefings" not in screen_text(app):
            raise RuntimeError(f"the first screen is not the picker of {total} briefings: {screen_text(app)[:300]!r}")
        app.screen.query_one(Input).cursor_blink = False
        await settle(pilot)
        latencies = await typed(pilot, frames, PICKER_QUERY)
        shown = screen_text(app)
        if f"Matching: 1 of {total}" not in shown or "(copy 1234)" not in shown:
            raise RuntimeError(f"{PICKER_QUERY!r} did not narrow the list to one briefing: {shown[-600:]!r}")
    return {"seconds": statistics.median(latencies), "samples": latencies, "worst": max(latencies),
            "first_screen_seconds": first_paint, "briefings": len(library.headers)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("switch").add_argument("--switches", type=int, default=20)
    commands.add_parser("big").add_argument("folder")
    commands.add_parser("watch").add_argument("--saves", type=int, default=20)
    search = commands.add_parser("search")
    search.add_argument("folder")
    search.add_argument("--query", default="point 99")
    commands.add_parser("picker").add_argument("folder")
    args = parser.parse_args(argv)
    if args.command == "switch":
        result = asyncio.run(language_switch(args.switches))
    elif args.command == "watch":
        result = asyncio.run(watched_saves(args.saves))
    elif args.command == "search":
        result = asyncio.run(search_keys(args.folder, args.query))
    elif args.command == "big":
        result = asyncio.run(big_dashboard(args.folder))
    else:
        result = asyncio.run(picker_filter(args.folder))
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
