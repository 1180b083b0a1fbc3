"""Measure start-up, the language switch and scale against their budgets: `python benchmarks/run.py`.

Prints a Markdown table, writes JSON (default benchmarks/results/latest.json)
and exits 1 when a budget is missed.  Every timing is a median over repeated
runs; every whole-process comparison alternates the two commands in the same
run and reports the ratio of their medians, because absolute times drift on
shared machines.  Budgets are in benchmarks/budgets.py and README.md.

    python benchmarks/run.py              # everything, a few minutes
    python benchmarks/run.py --quick      # fewer repetitions, under a minute or so
    python benchmarks/run.py --only a,c   # some of: a print and export, b dashboard, c switch and watch, d scale,
                                          # f serve in Chromium, g search, h a library of 10,000 files
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import budgets, markers, process  # noqa: E402

PY = sys.executable
FLOOR = [PY, "-c", "import pydantic, babel.dates, tomllib"]
FLOOR_LABEL = '`python -c "import pydantic, babel.dates, tomllib"`'
MB = 1024 * 1024
EXPORT_FORMATS = ("markdown", "html", "json")


@dataclass
class Row:
    """One benchmark's result, as printed and as written to JSON."""

    key: str
    group: str
    title: str
    median: float | None = None  # seconds
    samples: list[float] = field(default_factory=list)
    floor: str | None = None
    floor_median: float | None = None
    floor_samples: list[float] = field(default_factory=list)
    ratio: float | None = None
    budget: str = ""
    time_ok: bool | None = None  # None: no time budget
    peak_bytes: int = 0
    mem_ok: bool = True
    extra: dict = field(default_factory=dict)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.time_ok is not False and self.mem_ok


def environment(cache_home: Path) -> dict[str, str]:
    """The child environment: English, no user briefing folders, no colour overrides.

    The briefing cache lives in the run's own folder: warm-up rounds fill it, as
    a user's first run does, and the user's own cache is left alone.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG", "BRIEFING", "TEXTUAL", "NO_COLOR", "PYTHON", "XDG_CACHE"))
           or k == "BRIEFING_CHROMIUM"}  # which browser (f) uses, as in the tests
    env["LANG"] = "C.UTF-8"
    env["XDG_CACHE_HOME"] = str(cache_home)
    return env


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _check_memory(row: Row) -> Row:
    row.mem_ok = row.peak_bytes <= budgets.MAX_PEAK_BYTES
    return row


# --- (a) briefing print against the platform floor ------------------------------------------------

def bench_print(runs: int, env: dict) -> list[Row]:
    samples = process.alternate({"print": [PY, "-m", "briefing", "print", "kz-iaea-far-east-2025"], "floor": FLOOR},
                                runs=runs, warmup=2, env=env, cwd=str(REPO))
    row = Row("print", "a", "`briefing print kz-iaea-far-east-2025` (whole process)", floor=FLOOR_LABEL)
    _fill_ratio(row, samples["print"], samples["floor"], budgets.MAX_RATIO["print"])
    row.extra["floor_peak_bytes"] = samples["floor"].peak_bytes
    rows = [_check_memory(row)]
    for fmt in EXPORT_FORMATS:
        argv = [PY, "-m", "briefing", "export", "kz-iaea-far-east-2025", "--format", fmt]
        samples = process.alternate({"export": argv, "floor": FLOOR}, runs=runs, warmup=2, env=env, cwd=str(REPO))
        row = Row(f"export-{fmt}", "a", f"`briefing export kz-iaea-far-east-2025 --format {fmt}` (whole process)",
                  floor=FLOOR_LABEL)
        _fill_ratio(row, samples["export"], samples["floor"], budgets.MAX_RATIO[f"export-{fmt}"])
        row.extra["floor_peak_bytes"] = samples["floor"].peak_bytes
        rows.append(_check_memory(row))
    return rows


def _fill_ratio(row: Row, measured: process.Samples, floor: process.Samples, limit: float | None) -> None:
    row.samples, row.floor_samples = measured.seconds, floor.seconds
    row.median, row.floor_median = _median(row.samples), _median(row.floor_samples)
    row.ratio = row.median / row.floor_median
    row.peak_bytes = measured.peak_bytes
    if limit is not None:
        row.budget = f"ratio ≤ {limit}"
        row.time_ok = row.ratio <= limit


# --- (b) dashboard launch against a minimal Textual app -------------------------------------------

def bench_dashboard(runs: int, env: dict) -> list[Row]:
    screens = {"dashboard": list(markers.dashboard()), "minimal": list(markers.MINIMAL)}
    commands = {"dashboard": [PY, "-m", "briefing", "--lang", "en", "show", "kz-iaea-far-east-2025"],
                "minimal": [PY, str(REPO / "benchmarks" / "minimal_app.py")]}
    names = {tuple(argv): name for name, argv in commands.items()}

    def measure(argv):
        return process.launch_until_screen(argv, screens[names[tuple(argv)]], env=env, cwd=str(REPO))

    samples = process.alternate(commands, runs=runs, warmup=1, measure=measure)
    row = Row("dashboard", "b", "dashboard: launch to first complete screen (pty, 160×48)",
              floor="minimal Textual app (Header, DataTable, Footer), same way")
    _fill_ratio(row, samples["dashboard"], samples["minimal"], budgets.MAX_RATIO["dashboard"])
    row.extra["floor_peak_bytes"] = samples["minimal"].peak_bytes
    row.extra["markers"] = screens
    return [_check_memory(row)]


# --- (c) language switch in process ---------------------------------------------------------------

def _worker(args: list[str], env: dict, timeout: float = 300) -> tuple[dict, int]:
    result = process.run([PY, "-m", *args], env=env, cwd=str(REPO), capture=True, timeout=timeout)
    if result.status != 0:
        raise RuntimeError(f"{' '.join(args)}: exit status {result.status}")
    return json.loads(result.output), result.peak_bytes


def bench_switch(switches: int, env: dict) -> list[Row]:
    data, peak = _worker(["benchmarks.dashboard", "switch", "--switches", str(switches)], env)
    limit = budgets.MAX_SECONDS["switch"]
    row = Row("switch", "c", f"language switch, key to repainted screen ({switches} switches, in process)",
              median=data["seconds"], samples=data["samples"], budget=f"≤ {limit * 1000:.0f} ms",
              time_ok=data["seconds"] <= limit, peak_bytes=peak,
              extra={k: data[k] for k in ("files_opened", "validations", "analyses", "checked", "frames_per_switch")})
    if data["files_opened"] or data["validations"] or data["analyses"]:
        row.error = "the language switch read, validated or analysed a briefing again"
    return [_check_memory(row)]


def bench_watch(saves: int, env: dict) -> list[Row]:
    data, peak = _worker(["benchmarks.dashboard", "watch", "--saves", str(saves)], env)
    limit = budgets.MAX_SECONDS["watch"]
    row = Row("watch", "c", f"`show FILE --watch`: a save to the new brief on screen ({saves} saves, in process)",
              median=data["seconds"], samples=data["samples"], budget=f"≤ {limit * 1000:.0f} ms",
              time_ok=data["seconds"] <= limit, peak_bytes=peak)
    return [_check_memory(row)]


# --- (d) scale --------------------------------------------------------------------------------------

def bench_scale(data_dir: Path, runs: dict[str, int], env: dict) -> list[Row]:
    rows = []
    many, big = data_dir / "many", data_dir / "big"
    started = time.perf_counter()
    # In a child, so the runner stays small (see benchmarks/markers.py on peak RSS).
    made = process.run([PY, "-m", "benchmarks.generate", str(data_dir)], env=env, cwd=str(REPO))
    if made.status != 0:
        raise RuntimeError(f"generating the data failed: exit status {made.status}")
    generated = time.perf_counter() - started

    row = Row("load-1000", "d", "1,000 briefing files loaded and validated (in a fresh process, imports excluded)")
    results = [_worker(["benchmarks.workers", "load", str(many)], env) for _ in range(runs["load"])]
    if any(r["loaded"] != 1000 or r["errors"] for r, _ in results):
        row.error = f"expected 1,000 good files: {results[0][0]}"
    _fill_absolute(row, [r["seconds"] for r, _ in results], max(p for _, p in results), "load-1000")
    row.extra["generated_seconds"] = generated
    rows.append(row)

    row = Row("load-1000-again", "d",
              "the same 1,000 files loaded again, validated before (cache; in a fresh process, imports excluded)")
    _worker(["benchmarks.workers", "load", str(many), "--cache"], env)  # the first load fills the cache
    results = [_worker(["benchmarks.workers", "load", str(many), "--cache"], env) for _ in range(runs["load"])]
    if any(r["loaded"] != 1000 or r["errors"] for r, _ in results):
        row.error = f"expected 1,000 good files: {results[0][0]}"
    _fill_absolute(row, [r["seconds"] for r, _ in results], max(p for _, p in results), "load-1000-again")
    rows.append(row)

    row = Row("print-big", "d", "`briefing --data DIR print big`: 100 sources, 1,000 points (whole process)",
              floor=FLOOR_LABEL)
    samples = process.alternate({"big": [PY, "-m", "briefing", "--data", str(big), "print", "big"],
                                 "floor": FLOOR}, runs=runs["print"], warmup=1, env=env, cwd=str(REPO))
    _fill_ratio(row, samples["big"], samples["floor"], None)
    _fill_absolute(row, samples["big"].seconds, samples["big"].peak_bytes, "print-big")
    rows.append(row)

    for fmt in EXPORT_FORMATS:
        row = Row(f"export-big-{fmt}", "d", f"`briefing --data DIR export big --format {fmt}` (whole process)",
                  floor=FLOOR_LABEL)
        argv = [PY, "-m", "briefing", "--data", str(big), "export", "big", "--format", fmt]
        samples = process.alternate({"big": argv, "floor": FLOOR}, runs=runs["print"], warmup=1, env=env,
                                    cwd=str(REPO))
        _fill_ratio(row, samples["big"], samples["floor"], None)
        _fill_absolute(row, samples["big"].seconds, samples["big"].peak_bytes, f"export-big-{fmt}")
        rows.append(row)

    results = [_worker(["benchmarks.dashboard", "big", str(big)], env) for _ in range(runs["dashboard"])]
    row = Row("dashboard-big", "d", "the same briefing in the dashboard: first complete screen (in process)")
    _fill_absolute(row, [r["seconds"] for r, _ in results], max(p for _, p in results), "dashboard-big")
    rows.append(row)
    row = Row("jump-big", "d", "… then ctrl+end to the last of 1,000 rows, to repainted screen")
    row.samples = [r["jump_seconds"] for r, _ in results]
    row.median = _median(row.samples)
    row.peak_bytes = rows[-1].peak_bytes
    rows.append(_check_memory(row))
    return rows


# --- (g) search on the large briefing ---------------------------------------------------------------

def bench_search(data_dir: Path, runs: int, env: dict) -> list[Row]:
    big = data_dir / "big"
    if not (big / "big.toml").exists():  # (d) writes it; alone, (g) writes the large briefing only
        made = process.run([PY, "-m", "benchmarks.generate", str(data_dir), "0"], env=env, cwd=str(REPO))
        if made.status != 0:
            raise RuntimeError(f"generating the data failed: exit status {made.status}")
    results = [_worker(["benchmarks.dashboard", "search", str(big)], env) for _ in range(runs)]
    row = Row("search", "g", "search on the large briefing: a key typed into the query (/ then “point 99”) "
              "to repainted screen, in process")
    _fill_absolute(row, [s for r, _ in results for s in r["samples"]], max(p for _, p in results), "search")
    row.extra.update(first_key=[r["first_key"] for r, _ in results], matches=results[0][0]["matches"])
    return [row]


# --- (h) a library of 10,000 files: list, the picker, its filter ----------------------------------

#: The dated library's size (benchmarks.generate.write_dated_library); the bundled two come with it.
LIBRARY_FILES = 10_000


def bench_library(data_dir: Path, runs: dict[str, int], env: dict) -> list[Row]:
    folder = data_dir / "library"
    made = process.run([PY, "-m", "benchmarks.generate", str(data_dir), "--library", str(LIBRARY_FILES)], env=env,
                       cwd=str(REPO), timeout=600)
    if made.status != 0:
        raise RuntimeError(f"generating the library failed: exit status {made.status}")
    cache_home = data_dir / "library-cache"  # a cache of its own, emptied for the cold runs
    env = dict(env, XDG_CACHE_HOME=str(cache_home))
    listing = [PY, "-m", "briefing", "--data", str(folder), "list"]
    rows = []

    cold = []
    for _ in range(runs["cold"]):
        shutil.rmtree(cache_home, ignore_errors=True)
        cold.append(process.run(listing, env=env, cwd=str(REPO), timeout=600))
    row = Row("list-10000-cold", "h", f"`briefing --data DIR list`, {LIBRARY_FILES:,} files, the cache empty "
              "(whole process; no budget: the figure)")
    row.samples = [r.seconds for r in cold]
    row.median, row.peak_bytes = _median(row.samples), max(r.peak_bytes for r in cold)
    rows.append(_check_memory(row))

    warm = process.alternate({"list": listing}, runs=runs["list"], warmup=1, env=env, cwd=str(REPO))["list"]
    row = Row("list-10000", "h", "the same, the cache warm (whole process)")
    rows.append(_fill_absolute(row, warm.seconds, warm.peak_bytes, "list-10000"))
    lines = process.run(listing, env=env, cwd=str(REPO), capture=True).output.count(b"\n")
    if lines != LIBRARY_FILES + 2:
        row.error = f"listed {lines} lines, not {LIBRARY_FILES + 2:,}"

    size = sum(f.stat().st_size for f in cache_home.rglob("*") if f.is_file())
    rows.append(Row("cache-10000", "h", f"… the cache folder then: {size / MB:.1f} MB "
                                        f"(the files: {sum(f.stat().st_size for f in folder.iterdir()) / MB:.0f} MB)",
                    extra={"cache_bytes": size}))

    markers = ["Choose a briefing", f"{LIBRARY_FILES + 2:,}\u00a0briefings", "Quit"]
    picker = [PY, "-m", "briefing", "--lang", "en", "--data", str(folder)]
    screens = process.alternate({"picker": picker}, runs=runs["picker"], warmup=1, env=env,
                                measure=lambda argv: process.launch_until_screen(argv, markers, env=env,
                                                                                cwd=str(REPO)))["picker"]
    row = Row("picker-10000", "h", "the dashboard, launch to the picker's first complete screen (pty, 160×48, "
              "the cache warm)")
    row.extra["markers"] = markers
    rows.append(_fill_absolute(row, screens.seconds, screens.peak_bytes, "picker-10000"))

    data, peak = _worker(["benchmarks.dashboard", "picker", str(folder)], env)
    row = Row("filter-10000", "h", f"… typing a filter in the picker, key to repainted screen (median of "
              f"{len(data['samples'])} keys; in process)")
    row.extra.update(worst_seconds=data["worst"], first_screen_seconds=data["first_screen_seconds"])
    rows.append(_fill_absolute(row, data["samples"], peak, "filter-10000"))
    return rows


# --- (f) serve: to a first painted dashboard in Chromium -------------------------------------------

def bench_serve(runs: int, env: dict) -> list[Row]:
    data, peak = _worker(["benchmarks.serve", str(runs)], env)
    row = Row("serve", "f", "`briefing serve`: process start to first painted dashboard in headless Chromium")
    if "skipped" in data:
        row.extra["skipped"] = data["skipped"]
        row.title += f" (skipped: {data['skipped']})"
        return [row]
    _fill_absolute(row, data["samples"], data["peak_bytes"], "serve")
    row.extra.update(listening_seconds=data["listening_seconds"], fonts_failed_after=data["fonts_failed_after"],
                     worker_peak_bytes=peak)
    return [row]


def _fill_absolute(row: Row, seconds: list[float], peak: int, key: str) -> Row:
    limit = budgets.MAX_SECONDS[key]
    row.samples, row.median, row.peak_bytes = seconds, _median(seconds), peak
    row.budget = f"≤ {limit:g} s" if limit >= 1 else f"≤ {limit * 1000:.0f} ms"
    row.time_ok = row.median <= limit
    return _check_memory(row)


# --- report ---------------------------------------------------------------------------------------

def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def table(rows: list[Row]) -> str:
    lines = ["| | benchmark | median | compared with | its median | ratio | budget | peak RSS | result |",
             "|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        if row.error:
            result = f"**error**: {row.error}"
        elif row.extra.get("skipped"):
            result = "skipped"
        elif row.ok:
            result = "pass"
        else:
            missed = [what for what, ok in (("time", row.time_ok is not False), ("memory", row.mem_ok)) if not ok]
            result = "**FAIL** (" + ", ".join(missed) + ")"
        lines.append(" | ".join([
            f"| {row.group}", row.title, _ms(row.median), row.floor or "—", _ms(row.floor_median),
            f"{row.ratio:.2f}" if row.ratio is not None else "—", row.budget or "—",
            f"{row.peak_bytes / MB:.0f} MB" if row.peak_bytes else "—", result]) + " |")
    return "\n".join(lines)


def machine() -> dict:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except OSError:
        commit = ""
    import resource

    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "load_average": os.getloadavg(), "commit": commit,
            # A child's peak RSS as the kernel reports it is at least the runner's RSS when it was spawned.
            "runner_peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
    parser.add_argument("--only", default="a,b,c,d,f,g", help="comma-separated groups: a print and export, "
                        "b dashboard, c language switch and watch, d scale, f serve in Chromium, g search, "
                        "h a library of 10,000 files (default: all)")
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "latest.json",
                        help="where to write the results (default: %(default)s)")
    parser.add_argument("--keep-data", type=Path, default=None, help="generate the scale data here and keep it")
    args = parser.parse_args(argv)
    groups = {g.strip() for g in args.only.split(",") if g.strip()}
    unknown = groups - set("abcdfgh")
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    runs = ({"print": 6, "dashboard": 3, "switch": 20, "watch": 10, "load": 1, "print-big": 2, "dashboard-big": 1,
             "search": 1, "serve": 2, "list-cold": 1, "list": 3, "picker": 3}
            if args.quick else
            {"print": 15, "dashboard": 10, "switch": 20, "watch": 20, "load": 3, "print-big": 5, "dashboard-big": 3,
             "search": 3, "serve": 5, "list-cold": 3, "list": 7, "picker": 7})

    data_dir = args.keep_data or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    env = environment(data_dir / "cache")
    started = time.perf_counter()
    rows: list[Row] = []
    plan = [
        ("a", "print", lambda: bench_print(runs["print"], env)),
        ("b", "dashboard", lambda: bench_dashboard(runs["dashboard"], env)),
        ("c", "switch", lambda: bench_switch(runs["switch"], env)),
        ("c", "watch", lambda: bench_watch(runs["watch"], env)),
        ("d", "scale", lambda: bench_scale(data_dir, {"load": runs["load"], "print": runs["print-big"],
                                                       "dashboard": runs["dashboard-big"]}, env)),
        ("f", "serve", lambda: bench_serve(runs["serve"], env)),
        ("g", "search", lambda: bench_search(data_dir, runs["search"], env)),
        ("h", "library", lambda: bench_library(data_dir, {"cold": runs["list-cold"], "list": runs["list"],
                                                          "picker": runs["picker"]}, env)),
    ]
    try:
        for group, key, bench in plan:
            if group not in groups:
                continue
            print(f"… ({group}) {key}", file=sys.stderr, flush=True)
            try:
                rows += bench()
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                rows.append(Row(key, group, key, error=f"{type(exc).__name__}: {exc}"[:300]))
    finally:
        if args.keep_data is None:
            shutil.rmtree(data_dir, ignore_errors=True)

    report = table(rows)
    print(report)
    passed = all(row.ok for row in rows)
    elapsed = time.perf_counter() - started
    print(f"\n{'all budgets met' if passed else 'budget missed'}; {elapsed:.0f} s; "
          f"JSON: {args.json}", file=sys.stderr)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full", "elapsed_seconds": elapsed, "machine": machine(),
        "budgets": {"max_ratio": budgets.MAX_RATIO, "max_seconds": budgets.MAX_SECONDS,
                    "max_peak_bytes": budgets.MAX_PEAK_BYTES},
        "passed": passed, "rows": [dict(asdict(row), ok=row.ok) for row in rows], "table": report,
    }, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
