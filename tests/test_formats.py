"""The reader's territory, in every face: British and American English each meet only their own dates and clock.

The locale comes from LANG (or LC_ALL, LC_TIME, LC_NUMERIC, or --lang en-US);
plain English is British, as the briefings' English is.  JSON keeps its ISO
values whatever the territory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from textual.geometry import Region

from briefing.store import load_library
from briefing.tui.app import make_app
from tests.conftest import FIRST_BRIEFING

NBSP, NNBSP = "\u00a0", "\u202f"
#: What each reader must meet, and what belongs to the other and must not appear (the briefing's own prose
#: is British, "On 21 November 2025": only what the program writes follows the territory).
THEIRS = {
    "en_GB": ([f"21{NBSP}November{NBSP}2025", f"24{NBSP}November{NBSP}2025,{NBSP}15:21", f"1{NBSP}January{NBSP}2025"],
              [f"November{NBSP}21,", "PM", f"January{NBSP}1,"]),
    "en_US": ([f"November{NBSP}21,{NBSP}2025", f"November{NBSP}24,{NBSP}2025,{NBSP}3:21{NNBSP}PM", f"January{NBSP}1,"],
              [f"2025,{NBSP}15:21", f"1{NBSP}January{NBSP}2025"]),
}
FACES = [["print"], ["export", "--format", "markdown"], ["export", "--format", "html"],
         ["export", "--format", "json"]]


def run(args: list[str], environ: dict[str, str], tmp_path) -> str:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "BRIEFING"))},
           "XDG_CACHE_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8", **environ}
    result = subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


@pytest.mark.parametrize("face", FACES, ids=lambda face: face[-1])
@pytest.mark.parametrize("environ, territory", [
    ({"LANG": "en_GB.UTF-8"}, "en_GB"), ({"LANG": "en_US.UTF-8"}, "en_US"),
    ({"LC_TIME": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}, "en_US"), ({}, "en_GB"),
])
def test_every_face_speaks_the_readers_territory(face, environ, territory, tmp_path):
    out = run([face[0], "kz-iaea-far-east-2025", *face[1:]], environ, tmp_path)
    if face[-1] == "json":
        out = json.dumps(json.loads(out), ensure_ascii=False)
    own, foreign = THEIRS[territory]
    assert all(form in out for form in own) and not any(form in out for form in foreign), territory


def test_json_keeps_its_iso_values_in_every_territory(tmp_path):
    exported = [json.loads(run(["export", "kz-iaea-far-east-2025", "--format", "json"], {"LANG": lang}, tmp_path))
                for lang in ("en_GB.UTF-8", "en_US.UTF-8")]
    assert [e["cutoff"]["value"] for e in exported] == ["2025-11-24T15:21:12"] * 2
    assert [e["languages"] for e in exported] == [["en"], ["en"]]


def test_lang_takes_a_bcp47_tag_in_any_case(tmp_path):
    out = run(["print", "kz-iaea-far-east-2025", "--lang", "EN-us"], {"LANG": "en_GB.UTF-8"}, tmp_path)
    assert f"November{NBSP}24,{NBSP}2025,{NBSP}3:21{NNBSP}PM" in out


def header_text(app) -> str:
    header = app.query_one("#brief-title")
    width, height = header.region.size
    return " ".join(" ".join(s.text for s in header.render_lines(Region(0, 0, width, height))).split())


async def test_the_dashboard_keeps_the_readers_territory_across_a_language_switch():
    app = make_app(load_library([FIRST_BRIEFING]), locale="en_US")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "November 24, 2025, 3:21" in header_text(app).replace(NBSP, " ")
        await pilot.press("l", "l")
        await pilot.pause()
        assert app.locale == "en" and app.loc.formats == "en_US"
        assert "November 24, 2025, 3:21" in header_text(app).replace(NBSP, " ")


def test_the_settings_files_locale_gives_the_formats_and_lang_still_wins(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('locale = "en-US"\n', encoding="utf-8")
    us = run(["print", "kz-iaea-far-east-2025"], {"BRIEFING_CONFIG": str(config), "LANG": "en_GB.UTF-8"}, tmp_path)
    assert f"November{NBSP}24,{NBSP}2025,{NBSP}3:21{NNBSP}PM" in us
    british = run(["print", "kz-iaea-far-east-2025", "--lang", "en-GB"], {"BRIEFING_CONFIG": str(config)}, tmp_path)
    assert f"24{NBSP}November{NBSP}2025,{NBSP}15:21" in british
    both = json.loads(run(["export", "kz-iaea-far-east-2025", "--format", "json", "--lang", "all"],
                          {"BRIEFING_CONFIG": str(config)}, tmp_path))
    assert both["summary"]["en"].startswith(f"Event: November{NBSP}21,") and "г." in both["summary"]["ru"]


async def test_a_language_switched_to_takes_the_settings_files_locale():
    from briefing.settings import Settings
    from briefing.tui.persist import start_with

    app = make_app(load_library([FIRST_BRIEFING]), locale="ru")
    start_with(app, Settings(locale="en-US"), app.loc)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert app.loc.formats == "en_US" and "November 24, 2025, 3:21" in header_text(app).replace(NBSP, " ")
