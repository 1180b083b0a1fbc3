"""`briefing serve` from process start to a first painted dashboard in headless Chromium.

Run by the runner in a child of its own (it loads Playwright); prints one JSON
object.  Chromium is started first and is not timed (it is the user's browser,
already open).  Each run then starts `python -m briefing --lang en serve
kz-iaea-far-east-2025` on a free loopback port, waits until the port accepts a
connection, opens the page, and stops the clock once the page's terminal has
received the dashboard's title and the footer's "Quit" and drawn two more
frames.  The page loads as a user's would: textual-serve's link to Google
Fonts is left to fail (or load) on its own.  The first run is a warm-up, not
recorded.  Without Chromium it prints {"skipped": reason}.

    python -m benchmarks.serve RUNS
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.browser import GOOGLE_FONTS, Served, TerminalText, chromium, unavailable

BRIEF = "kz-iaea-far-east-2025"
TITLE, FOOTER = "Kazakhstan admitted", "Quit"


def _peak(pid: int) -> int:
    """The high-water mark of a live process's resident memory, in bytes (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def once(context, env: dict[str, str]) -> dict:
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    terminal = TerminalText(page)
    fonts: dict[str, float] = {}
    page.on("request", lambda r: fonts.setdefault("asked", time.perf_counter()) if r.url == GOOGLE_FONTS else None)
    page.on("requestfailed",
            lambda r: fonts.setdefault("failed", time.perf_counter()) if r.url == GOOGLE_FONTS else None)
    server = Served(["--lang", "en", "serve", BRIEF], env)
    try:
        listening = server.wait_listening()
        page.goto(server.url, wait_until="commit")
        terminal.wait_for(TITLE)
        terminal.wait_for(FOOTER)
        painted = terminal.painted() - server.started
        peaks = [_peak(pid) for pid in server.session_processes()]
    finally:
        page.close()
        status, left = server.stop()
    if status != 0 or left:
        raise RuntimeError(f"briefing serve ended with status {status}, leaving {left}")
    return {"seconds": painted, "listening_seconds": listening, "peak_bytes": max(peaks, default=0),
            "fonts_failed_after": fonts["failed"] - fonts["asked"] if len(fonts) == 2 else None}


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 3
    reason = unavailable()
    if reason:
        json.dump({"skipped": reason}, sys.stdout)
        return 0
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="briefing-serve-bench-") as folder, \
            chromium(Path(folder) / "profile", javascript=True) as context:
        results = [once(context, env) for _ in range(runs + 1)][1:]
    json.dump({"seconds": statistics.median(r["seconds"] for r in results),
               "samples": [r["seconds"] for r in results],
               "listening_seconds": statistics.median(r["listening_seconds"] for r in results),
               "fonts_failed_after": [r["fonts_failed_after"] for r in results],
               "peak_bytes": max(r["peak_bytes"] for r in results)}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
