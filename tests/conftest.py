"""Shared fixtures: the bundled briefing, and synthetic briefings written in the tests."""

from __future__ import annotations

import copy
import os
import tomllib
from pathlib import Path

import pytest

from briefing import resources
from briefing.model import Briefing

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """Keep the briefing cache of every command the tests run out of the user's home."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True, scope="session")
def no_locale_from_the_developer():
    """The same results whatever locale runs the tests: a dashboard switching language reads the formats of
    the language it switches to from LANG and the LC_ variables; a test that wants a locale sets it.  What
    remains is C.UTF-8: English, no territory, and UTF-8 for the programs the tests run (man)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME", "LC_NUMERIC"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    """Each test starts without a settings file, in a config folder of its own: never the user's, and never one
    that a dashboard of an earlier test wrote its language or theme to."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)


FIRST_BRIEFING = resources.briefings_dir() / "kz-iaea-far-east-2025.toml"


def _bundled_ids() -> list[str]:
    """The ids of the bundled briefings, in the order the loader finds their files."""
    ids = []
    for path in sorted(resources.briefings_dir().glob("*.toml")):
        with path.open("rb") as handle:
            ids.append(tomllib.load(handle)["id"])
    return ids


BUNDLED_IDS = _bundled_ids()


def text(en: str, ru: str | None = None) -> dict[str, str]:
    return {"en": en, "ru": ru or f"ru:{en}"}


def minimal_briefing_data(**overrides) -> dict:
    """The smallest valid briefing, as the dict a TOML file would give."""
    data = {
        "id": "synthetic",
        "title": text("A synthetic briefing", "Синтетическая справка"),
        "date": tomllib.loads("d = 2025-01-02")["d"],
        "cutoff": tomllib.loads("d = 2025-01-03")["d"],
        "decision": {
            "what": {"text": text("Something was decided."), "sources": ["a"]},
            "who": {"text": text("A board."), "sources": ["a"]},
            "when": tomllib.loads("d = 2025-01-02")["d"],
            "when_sources": ["a"],
            "where": {"text": text("At a meeting."), "sources": ["a"]},
            "why": [{"text": text("It matters."), "sources": ["a"]}],
            "confidence": {"level": "moderate", "reason": text("One source.")},
        },
        "sources": [source("a")],
    }
    data.update(overrides)
    return data


def source(source_id: str, kind: str = "news-report", language: str = "en") -> dict:
    return {
        "id": source_id,
        "outlet": text(f"Outlet {source_id.upper()}"),
        "kind": kind,
        "language": language,
        "published": tomllib.loads("d = 2025-01-02")["d"],
        "url": f"https://example.org/{source_id}",
        "reliability": text("A note."),
    }


#: A `python -c` program that runs the command line and fails if Textual or Rich was imported on the way.
NO_TEXTUAL = (
    "import sys\n"
    "from briefing.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')], 'textual imported'\n"
    "sys.exit(code)\n"
)


def position(source_id: str, value=None, says: str = "says so") -> dict:
    """What one source says on a comparison point, with a structured value when given."""
    data = {"source": source_id, "says": text(says)}
    if value is not None:
        data["value"] = value
    return data


def point(point_id: str, *positions: dict, verdict: str | None = None) -> dict:
    """A comparison point with a question made from its id."""
    data = {"id": point_id, "question": text(f"Question {point_id}?"), "positions": list(positions)}
    if verdict:
        data["verdict"] = verdict
    return data


def walk(node):
    """Every value of a JSON-like tree, the tree itself first, depth first."""
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def build(**overrides) -> Briefing:
    return Briefing.model_validate(minimal_briefing_data(**overrides))


@pytest.fixture(scope="session")
def first_data() -> dict:
    with FIRST_BRIEFING.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture
def first_copy(first_data) -> dict:
    return copy.deepcopy(first_data)


@pytest.fixture(scope="session")
def first_briefing(first_data) -> Briefing:
    return Briefing.model_validate(first_data)
