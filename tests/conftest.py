"""Shared fixtures: the bundled briefing, and synthetic briefings written in the tests."""

from __future__ import annotations

import copy
import difflib
import hashlib
import os
import tomllib
from pathlib import Path

import pytest

from briefing import resources
from briefing.model import Briefing

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
SNAPSHOTS = Path(__file__).parent / "__snapshots__"
#: Set to 1 to let `--snapshot-update` rewrite the dashboard's SVG snapshots.
SNAPSHOT_UPDATE_ENV = "BRIEFING_SNAPSHOT_UPDATE"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite the golden files (tests/golden) that differ from the output, print each "
                          "diff and fail those tests: read the diff, then run again without the flag")


def pytest_configure(config):
    """Refuse `--snapshot-update` unless asked for on purpose; remember the snapshots to report what changes."""
    if getattr(config.option, "update_snapshots", False):
        if os.environ.get(SNAPSHOT_UPDATE_ENV) != "1" or os.environ.get("CI"):
            raise pytest.UsageError(
                f"--snapshot-update rewrites the dashboard's SVG snapshots: set {SNAPSHOT_UPDATE_ENV}=1 to do it "
                "on purpose (never in CI), then look at every SVG it lists")
        config._snapshot_hashes = _snapshot_hashes()


def _snapshot_hashes() -> dict[str, str]:
    return {str(path.relative_to(SNAPSHOTS)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(SNAPSHOTS.rglob("*")) if path.is_file()}


def pytest_terminal_summary(terminalreporter, config):
    """After `--snapshot-update` (or `--update-goldens`): every snapshot file written, added or removed."""
    before = getattr(config, "_snapshot_hashes", None)
    if before is not None:
        after = _snapshot_hashes()
        changes = [f"changed  {name}" for name in after if name in before and after[name] != before[name]]
        changes += [f"new      {name}" for name in after if name not in before]
        changes += [f"removed  {name}" for name in before if name not in after]
        terminalreporter.section("snapshots written by --snapshot-update (look at each SVG)")
        for line in changes or ["none changed"]:
            terminalreporter.write_line(line)
    updated = getattr(config, "_updated_goldens", [])
    if updated:
        terminalreporter.section("golden files rewritten by --update-goldens (read the diffs above)")
        for name in updated:
            terminalreporter.write_line(name)


@pytest.fixture
def golden(request):
    """Compare a text with its golden file: `golden(name, text)`.

    A difference fails with the unified diff. With --update-goldens the file is
    rewritten and the test still fails, showing the diff that was accepted: a
    run that updates a golden never passes against what it has just written.
    """
    update = request.config.getoption("--update-goldens")

    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        expected = path.read_text(encoding="utf-8") if path.exists() else None
        if actual == expected:
            return
        diff = "".join(difflib.unified_diff((expected or "").splitlines(keepends=True),
                                            actual.splitlines(keepends=True),
                                            f"{name} (golden)", f"{name} (output)"))
        if update:
            path.write_text(actual, encoding="utf-8", newline="\n")
            request.config.__dict__.setdefault("_updated_goldens", []).append(name)
            pytest.fail(f"golden file {name} rewritten by --update-goldens; the change accepted:\n{diff}",
                        pytrace=False)
        if expected is None:
            pytest.fail(f"no golden file {name}: write it with --update-goldens and read it", pytrace=False)
        pytest.fail(f"output differs from golden file {name} (accept with --update-goldens after reading):\n"
                    f"{diff}", pytrace=False)

    return compare


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
@pytest.fixture(autouse=True)
def computed_anew():
    """Each test sees what the code computes now, not what an earlier test (or the parent of a process
    forked by mutation testing) left in a cache: parsed dates, the escape table, the emoji tag pattern and
    tied spaces. All cheap to rebuild."""
    from briefing import date_parse, sanitize, typography

    date_parse.parse.cache_clear()
    sanitize._escapes.cache_clear()
    sanitize._tag_sequence = None
    typography.tie.cache_clear()
    typography.tie_template.cache_clear()


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
