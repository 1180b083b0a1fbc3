"""`briefing serve` in a real browser: headless Chromium, with JavaScript on (textual-serve's page needs it).

The server is started as a process of its own on a free loopback port; the
page's terminal must show the dashboard's title, and after `l` the Russian
title; stopping the server (SIGTERM) must leave no process behind.  Nothing
may be requested beyond 127.0.0.1 except the Google Fonts stylesheet that
textual-serve's page links, which is refused here (as it fails on a machine
without network) and must cost the page nothing.  Chromium and the terminal's
text come from tests/browser.py; without Chromium the test skips in one line.
"""

from __future__ import annotations

import os

import pytest

from tests.browser import GOOGLE_FONTS, Served, TerminalText, browser_or_skip, is_loopback_url
from tests.conftest import REPO

BRIEF = "kz-iaea-far-east-2025"
ARTIFACTS = REPO / "tests" / "artifacts" / "serve"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from browser_or_skip(tmp_path_factory.mktemp("chromium-profile"), javascript=True)


def _environment(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING", "TEXTUAL"))}
    return dict(env, LANG="C.UTF-8", XDG_CACHE_HOME=cache)


def test_the_dashboard_runs_in_the_browser_offline_and_stops_cleanly(browser, tmp_path, capsys):
    requested: list[str] = []
    failed: list[str] = []

    def route(route_) -> None:
        # Never reach past this machine, network or not: what leaves it is refused, and recorded below.
        if is_loopback_url(route_.request.url):
            route_.continue_()
        else:
            route_.abort("internetdisconnected")

    def record(request) -> None:
        requested.append(request.url)

    def record_failure(request) -> None:
        failed.append(request.url)

    browser.route("**/*", route)
    browser.on("request", record)
    browser.on("requestfailed", record_failure)
    server = Served(["--lang", "en", "serve", BRIEF], _environment(str(tmp_path / "cache")))
    page = None
    try:
        server.wait_listening()
        page = browser.new_page()
        page.set_viewport_size({"width": 1280, "height": 900})
        terminal = TerminalText(page)
        page.goto(server.url, wait_until="domcontentloaded")
        terminal.wait_for("Kazakhstan admitted")
        terminal.wait_for("Quit")  # the footer: the first screen is complete
        terminal.painted()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{BRIEF}.en.png"))

        page.focus(".xterm-helper-textarea")  # xterm.js takes keys through this element
        before = len(terminal.raw)
        page.keyboard.press("l")
        terminal.wait_for("Казахстан принят", since=before)
        terminal.painted()
        page.screenshot(path=str(ARTIFACTS / f"{BRIEF}.ru.png"))
        assert "-closed" not in page.evaluate("document.body.className")  # the session never ended
    finally:
        if page is not None:
            page.close()
        status, left = server.stop()
        browser.unroute("**/*", route)
        browser.remove_listener("request", record)
        browser.remove_listener("requestfailed", record_failure)
    assert status == 0, f"briefing serve ended with status {status}"
    assert left == [], f"processes left running after the server stopped: {left}"

    assert terminal.sockets and all(is_loopback_url(url) for url in terminal.sockets), terminal.sockets
    beyond = {url for url in requested if not is_loopback_url(url)}
    assert beyond == {GOOGLE_FONTS}, requested
    assert GOOGLE_FONTS in failed
    assert server.url in requested
    with capsys.disabled():
        print(f"\nscreenshots of briefing serve: {ARTIFACTS}")
