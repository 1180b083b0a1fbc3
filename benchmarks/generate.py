"""Synthetic briefing files, written on the fly so the scale benchmarks need no checked-in data.

Three shapes: many copies of the bundled briefing (a realistic file, 1,000 times
over, each with its own id); a library of 10,000 such copies, each also with a
date of its own, a day apart, as a library gathered over the years is; and one
large briefing built from scratch (100 sources, 1,000 comparison points whose
positions are spread across the sources).  The standard library reads TOML but cannot write it, hence the
small writer below, which covers exactly the types a briefing holds.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "briefings" / "kz-iaea-far-east-2025.toml"
BIG_ID = "big"


# --- a TOML writer for briefing data --------------------------------------------------------------

def _value(value: object) -> str:
    """One TOML value on one line (inline tables and arrays included)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string: same escapes, \uXXXX for controls.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else json.dumps(key)


def dumps(data: dict) -> str:
    """A briefing as TOML: top-level tables as [table], lists of tables as [[list]], the rest inline."""
    plain, tables, arrays = [], [], []
    for key, value in data.items():
        if isinstance(value, dict) and any(isinstance(v, (dict, list)) for v in value.values()):
            tables.append((key, value))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            arrays.append((key, value))
        else:
            plain.append(f"{_key(key)} = {_value(value)}")
    out = plain
    for key, table in tables:
        out += ["", f"[{_key(key)}]"] + [f"{_key(k)} = {_value(v)}" for k, v in table.items()]
    for key, items in arrays:
        for item in items:
            out += ["", f"[[{_key(key)}]]"] + [f"{_key(k)} = {_value(v)}" for k, v in item.items()]
    return "\n".join(out) + "\n"


# --- many realistic files -------------------------------------------------------------------------

def write_library(folder: Path, count: int) -> list[Path]:
    """`count` copies of the bundled briefing, each with its own id and title; returns the paths."""
    base = tomllib.loads(BUNDLED.read_text("utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        data = dict(base, id=f"copy-{n:04d}",
                    title={"en": f"{base['title']['en']} (copy {n})", "ru": f"{base['title']['ru']} (копия {n})"})
        path = folder / f"copy-{n:04d}.toml"
        path.write_text(dumps(data), "utf-8")
        paths.append(path)
    return paths


def write_dated_library(folder: Path, count: int) -> list[Path]:
    """`count` copies of the bundled briefing, each with its own id, title and date (a day apart, going back
    from the bundled briefing's): the library the picker and `list` are measured on."""
    base = tomllib.loads(BUNDLED.read_text("utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        data = dict(base, id=f"dated-{n:05d}", date=base["date"] - dt.timedelta(days=n),
                    title={"en": f"{base['title']['en']} (copy {n})", "ru": f"{base['title']['ru']} (копия {n})"})
        path = folder / f"dated-{n:05d}.toml"
        path.write_text(dumps(data), "utf-8")
        paths.append(path)
    return paths


# --- one large briefing ---------------------------------------------------------------------------

def _text(en: str, ru: str) -> dict[str, str]:
    return {"en": en, "ru": ru}


def big_briefing(sources: int = 100, points: int = 1000) -> dict:
    """A valid briefing with `sources` sources (a tenth of them reference datasets) and `points` points.

    Each point has 0 to 3 positions from sources spread over the whole list;
    a third carry numbers, some agreeing and some not, so the comparison has
    conflicts to show.  Texts are short so that the file stays within the
    loader's limits (1 MB, 20,000 values): at 1,000 points those allow about
    two positions a point on average.
    """
    n_reference = max(1, sources // 10)
    n_reported = sources - n_reference
    ids = [f"s{n:03d}" for n in range(sources)]
    kinds = ["news-report", "official-statement"]
    source_list = []
    for n, sid in enumerate(ids):
        reference = n >= n_reported
        source_list.append({
            "id": sid,
            "outlet": _text(f"Outlet number {n} (example.org)", f"Издание номер {n} (example.org)"),
            "kind": "reference-dataset" if reference else kinds[n % 2],
            "language": "ru" if n % 3 == 0 else "en",
            "published": dt.date(2025, 1 + n % 12, 1 + n % 28),
            "url": f"https://example.org/source/{n}",
            "reliability": _text(
                f"Source {n} relays the official account and adds background of its own; it is not independent.",
                f"Источник {n} пересказывает официальное сообщение и добавляет собственную справку; "
                "независимым он не является."),
        })
    statement = {"text": _text("The board admitted a new member to the regional group.",
                               "Совет принял нового члена в региональную группу."),
                 "sources": ids[:3]}
    comparison = []
    for p in range(points):
        count = p % 4  # 0..3 positions
        chosen = []
        for j in range(count):
            sid = ids[(p * 7 + j * 13) % n_reported]
            if sid not in chosen:
                chosen.append(sid)
        positions = []
        for j, sid in enumerate(chosen):
            position = {"source": sid,
                        "says": _text(f"{sid} gives the figure for point {p}, with caveats on its date.",
                                      f"{sid} приводит показатель пункта {p} с оговорками о дате.")}
            if p % 3 == 0:
                position["value"] = 100 + p + (j if p % 2 else 0)  # every other numbered point differs
            elif p % 3 == 1 and p % 5 == 0:
                position["value"] = dt.date(2025, 1 + p % 12, 1 + j % 28)
            positions.append(position)
        point = {"id": f"p{p:04d}",
                 "question": _text(f"Point {p}: what does each source say of the figure?",
                                   f"Пункт {p}: что источники говорят о показателе?"),
                 "positions": positions}
        if p % 11 == 0 and count > 1:
            point["verdict"] = "differ"
            point["note"] = _text("The sources differ in wording rather than in value.",
                                  "Источники расходятся в формулировках, а не в значениях.")
        comparison.append(point)
    units = ["reactor", "gigawatt", "country", "megawatt", "percent"]
    statistics, derived = [], []
    for n in range(20):
        unit = units[n % len(units)]
        for kind, sid in (("rep", ids[n % n_reported]), ("ref", ids[n_reported + n % n_reference])):
            statistics.append({
                "id": f"{kind}-{n:02d}", "label": _text(f"Figure {n} ({kind})", f"Показатель {n} ({kind})"),
                "value": 400 + n * 3 if kind == "rep" else 380 + n * 5, "unit": unit,
                "qualifier": ["exact", "more-than", "nearly", "about"][n % 4],
                "as_of": "2025-06", "measure": f"measure-{n:02d}", "sources": [sid]})
    for n in range(0, 20, 2):
        derived.append({"id": f"avg-{n:02d}", "label": _text(f"Average {n}", f"Среднее {n}"),
                        "numerator": f"rep-{n + 1:02d}", "denominator": f"rep-{n:02d}", "kind": "average"})
    return {
        "id": BIG_ID,
        "title": _text("A large synthetic briefing for benchmarks", "Большой синтетический брифинг для замеров"),
        "date": dt.date(2025, 11, 21),
        "cutoff": dt.datetime(2025, 11, 24, 15, 21, 12),
        "decision": {
            "what": statement, "who": statement, "when": dt.date(2025, 11, 21), "when_sources": ids[:2],
            "where": statement, "why": [statement] * 3,
            "confidence": {"level": "moderate", "reason": _text("Many sources, few independent.",
                                                                "Много источников, мало независимых.")},
        },
        "background": [{"date": f"{2000 + n}", "text": _text(f"Event {n} of the background.", f"Событие {n}."),
                        "sources": [ids[n % n_reported]]} for n in range(20)],
        "sources": source_list,
        "comparison": comparison,
        "statistics": statistics,
        "derived": derived,
        "watch": [{"text": _text(f"What to watch, item {n}.", f"Что отслеживать, пункт {n}."),
                   "sources": [ids[n]]} for n in range(10)],
    }


def write_big(folder: Path, sources: int = 100, points: int = 1000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{BIG_ID}.toml"
    path.write_text(dumps(big_briefing(sources, points)), "utf-8")
    return path


if __name__ == "__main__":
    # python -m benchmarks.generate DIR [COPIES]: DIR/many/*.toml and DIR/big/big.toml
    # python -m benchmarks.generate DIR --library COUNT: DIR/library/*.toml, COUNT dated copies
    import sys

    target = Path(sys.argv[1])
    if sys.argv[2:3] == ["--library"]:
        write_dated_library(target / "library", int(sys.argv[3]))
    else:
        write_library(target / "many", int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
        write_big(target / "big")
