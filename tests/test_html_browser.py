"""The HTML export in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright.

Each bundled briefing is exported with `--lang all` and opened from a file://
address with JavaScript switched off: both languages' text is there, the
language switch works by CSS alone, and the browser asked the network for
nothing (the only request is the page itself).  Screenshots of each language
at a phone width and a desktop width go to tests/artifacts/html/ (ignored by
git), which the test prints.

Chromium is found and launched by tests/browser.py ($BRIEFING_CHROMIUM, then
`chromium` or `chromium-browser` on PATH); without it (or without Playwright)
the tests skip with one line saying why.  Playwright's own browser download is
never used.
"""

from __future__ import annotations

import pytest

from briefing import document, render_html
from briefing.analysis import analyse
from briefing.i18n import localizer
from briefing.store import load_library, search_folders
from tests.browser import browser_or_skip
from tests.conftest import BUNDLED_IDS, REPO


def recorder():
    """A list of requested addresses, and the listener that fills it."""
    requests: list[str] = []
    return requests, lambda request: requests.append(request.url)


LOCALES = ["en", "ru"]
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
ARTIFACTS = REPO / "tests" / "artifacts" / "html"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from browser_or_skip(tmp_path_factory.mktemp("chromium-profile"), javascript=False)


@pytest.fixture(scope="module")
def library():
    return load_library(search_folders([]))


@pytest.mark.parametrize("brief_id", BUNDLED_IDS)
def test_both_languages_show_and_nothing_is_requested(browser, library, brief_id, tmp_path, capsys):
    analysis = analyse(library.briefings[brief_id])
    docs = [document.build(analysis, localizer(locale)) for locale in LOCALES]
    page_file = tmp_path / f"{brief_id}.html"
    page_file.write_text(render_html.render_all(docs), encoding="utf-8")
    url = page_file.as_uri()
    folder = ARTIFACTS
    folder.mkdir(parents=True, exist_ok=True)

    requests, record = recorder()
    browser.on("request", record)
    page = browser.new_page()
    try:
        for name, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url, wait_until="load")
            for doc in docs:
                if doc.locale != docs[0].locale:
                    page.click(f'#{docs[0].locale}-brief label[for="lang-{doc.locale}"]')
                article = page.locator(f"article#{doc.locale}-brief")
                assert article.is_visible()
                assert [a.is_visible() for a in page.locator("article").all()] == [d is doc for d in docs]
                shown = article.inner_text()
                assert doc.title in shown.replace("\n", " ") or doc.title.split()[0] in shown
                for section in doc.sections:
                    assert section.heading in shown
                entry = next(b for s in doc.sections for b in s.blocks if isinstance(b, document.Sources))
                assert all(e.url in shown for e in entry.entries)
                width_used = page.evaluate("document.documentElement.scrollWidth")
                assert width_used <= width, f"{doc.locale} at {width}px scrolls sideways ({width_used}px)"
                page.screenshot(path=str(folder / f"{brief_id}.{doc.locale}.{name}.png"), full_page=True)
                # and back, to check the switch each way
                if doc.locale != docs[0].locale:
                    page.click(f'#{doc.locale}-brief label[for="lang-{docs[0].locale}"]')
                    assert page.locator(f"article#{docs[0].locale}-brief").is_visible()
    finally:
        page.close()
        browser.remove_listener("request", record)
    assert set(requests) == {url}, requests
    with capsys.disabled():
        print(f"\nscreenshots of {brief_id}: {folder}")


def test_the_request_count_sees_what_a_page_asks_for(browser, tmp_path):
    """The control: a page that does ask for a stylesheet and an image is caught asking."""
    page_file = tmp_path / "asks.html"
    page_file.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title>'
                         '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'
                         '<body><img src="http://127.0.0.1:9/x.png" alt=""></body></html>', encoding="utf-8")
    requests, record = recorder()
    browser.on("request", record)
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri(), wait_until="load")
    finally:
        page.close()
        browser.remove_listener("request", record)
    assert {"http://127.0.0.1:9/x.css", "http://127.0.0.1:9/x.png"} <= set(requests)
