"""Mutation testing of the core: how many small planted faults the tests catch, module by module.

    python mutation/run.py                      # the whole core, one module after another
    python mutation/run.py --only analysis,figures
    python mutation/run.py --report             # print the last figures again, run nothing
    python mutation/run.py --retest --only analysis   # the survivors again, after tests were added

It runs mutmut (pinned in the `mutation` extra of pyproject.toml) on one module at
a time, in a copy of the project under mutation/work/MODULE/, with only the fast
test files that cover that module (MODULES below), under `nice -n 15`. mutmut
mutates the bodies of functions and methods (not module-level constants, nor
functions under a decorator other than staticmethod/classmethod), and runs for
each mutant only the tests that called the mutated function.

It prints each module's score (mutants killed / mutants made; a mutant no test
reaches counts as survived, one that makes the tests time out as killed), keeps
the latest figures of every module in mutation/scores.json and writes every
survivor, with its diff, to mutation/survivors.txt. A survivor whose change is
listed in mutation/equivalent.toml is written with the reason it cannot be
caught (it changes nothing a user or caller can observe); any other is marked
NOT EXPLAINED: it wants a test.

Not part of the test suite or CI: the whole core takes about an hour and a half
on two shared cores.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "mutation"
WORK = HERE / "work"
SCORES = HERE / "scores.json"
SURVIVORS = HERE / "survivors.txt"
EQUIVALENT = HERE / "equivalent.toml"

#: What the copy of the project needs to run the tests.
PROJECT_FILES = ["briefing", "tests", "data", "styles", "pyproject.toml", "README.md"]

#: The core modules, each with the fast test files that cover it (no dashboard, browser or wheel tests).
MODULES: dict[str, list[str]] = {
    "analysis": ["test_analysis", "test_generality", "test_figure_property", "test_text", "test_json_export",
                 "test_markdown", "test_model"],
    "figures": ["test_analysis", "test_generality", "test_figure_property", "test_text", "test_json_export",
                "test_i18n"],
    # test_corpus: the exact line, location included, that every bad file in tests/corpus gets
    "model": ["test_model", "test_generality", "test_toml_parse", "test_analysis", "test_store", "test_corpus"],
    # test_corpus: the exact line every bad file in tests/corpus gets (slow, but it is what checks the messages);
    # test_library_scan: the header scan (validate_header) that `briefing list` and the picker use
    "validate": ["test_corpus", "test_toml_parse", "test_model", "test_generality", "test_store", "test_library_scan"],
    "dates": ["test_generality", "test_model", "test_toml_parse", "test_i18n", "test_text", "test_json_export"],
    "date_parse": ["test_generality", "test_model", "test_toml_parse", "test_i18n", "test_json_export"],
    "intervals": ["test_intervals", "test_generality", "test_analysis", "test_figure_property", "test_model"],
    "units": ["test_generality", "test_figure_property", "test_model", "test_analysis", "test_text"],
    # not test_catalog: it reads every string of the mutated file, so each string mutant would fail it; a
    # changed message must be caught by what a reader sees (the golden files, the messages tested).
    "i18n": ["test_i18n", "test_text", "test_generality", "test_cli"],
    "sanitize": ["test_hostile_text", "test_text", "test_wrap", "test_markdown", "test_html"],
    "document": ["test_text", "test_markdown", "test_html", "test_json_export", "test_cross_face", "test_analysis",
                 "test_generality"],
    "text": ["test_text", "test_wrap", "test_save", "test_generality", "test_hostile_text"],
    "wrap": ["test_wrap", "test_text"],
}

#: mutmut's exit codes per mutant, read as killed or not (mutmut.stats.status_by_exit_code).
KILLED = {1: "killed", 3: "killed", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout",
          37: "caught by type check"}
NOT_KILLED = {0: "survived", 5: "no tests", 33: "no tests", None: "not checked", 35: "suspicious"}


def _pyproject_for(module: str) -> str:
    """The project's pyproject.toml with a [tool.mutmut] table for one module and the plain pytest options."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("addopts")]
    tests = [f"tests/{name}.py" for name in MODULES[module]]
    lines += [
        "",
        "[tool.mutmut]",
        'source_paths = ["briefing"]',
        f'only_mutate = ["briefing/{module}.py"]',
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
        # the timing tests (linear time) measure ratios that mutmut's trampolines and a busy machine distort
        # and two tests about where the program runs from, which the copy of the project mutmut runs in changes
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:xdist", "-k", '
        '"not linear_time and not from_any_directory and not relative_xdg_cache_home"]',
        'also_copy = ["data", "styles", "README.md"]',
        "use_git_change_detection = false",
    ]
    return "\n".join(lines) + "\n"


def copy_project(work: Path) -> None:
    """A fresh copy of the project's files in `work` (emptied first), without caches and test artifacts."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "artifacts", "*.pyc")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=ignore)
        else:
            shutil.copy2(source, work / name)


def _prepare(module: str) -> Path:
    """A fresh copy of the project for one module's run (the last run's mutants are thrown away)."""
    work = WORK / module
    copy_project(work)
    (work / "pyproject.toml").write_text(_pyproject_for(module), encoding="utf-8")
    return work


def _run_mutmut(module: str, work: Path, jobs: int, names: list[str] = ()) -> int:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MUTANT_UNDER_TEST")}
    command = ["nice", "-n", "15", sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *names]
    with (work / "mutmut.log").open("a" if names else "w", encoding="utf-8") as log:
        return subprocess.run(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT).returncode


def _retest(module: str, work: Path, jobs: int) -> int:
    """The last run's survivors of one module again, against the tests as they are now (same code); those
    explained as equivalent are not run again."""
    changed = [path.name for path in (ROOT / "briefing").rglob("*.py")
               if not (work / path.relative_to(ROOT)).is_file()
               or (work / path.relative_to(ROOT)).read_bytes() != path.read_bytes()]
    if changed:
        raise SystemExit(f"{module}: the code changed since its last run ({', '.join(changed)}): run it again whole")
    for where in (work / "tests", work / "mutants" / "tests"):
        shutil.rmtree(where)
        shutil.copytree(ROOT / "tests", where, ignore=shutil.ignore_patterns("__pycache__", "artifacts"))
    meta = work / "mutants" / "briefing" / f"{module}.py.meta"
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    reasons = _equivalents()
    explained = {name for name, _, diff in _load(SCORES, {}).get(module, {}).get("survivors", [])
                 if (_function(name), _change(diff)) in reasons}
    names = [name for name, code in codes.items() if code not in KILLED and name not in explained]
    return _run_mutmut(module, work, jobs, names) if names else 0


def _results(module: str, work: Path) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    """Counts per status, and (mutant, status, diff) for every mutant not killed."""
    meta = work / "mutants" / "briefing" / f"{module}.py.meta"
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    counts: dict[str, int] = {}
    left = []
    for name, code in sorted(codes.items(), key=lambda item: _natural(item[0])):
        status = KILLED.get(code) or NOT_KILLED.get(code, "suspicious")
        counts[status] = counts.get(status, 0) + 1
        if code not in KILLED:
            left.append((name, status))
    diffs = _diffs(work, module, [name for name, _ in left])
    return counts, [(name, status, diffs[name]) for name, status in left]


def _natural(name: str) -> tuple[str, int]:
    stem, _, number = name.rpartition("_")
    return (stem, int(number)) if number.isdigit() else (name, 0)


#: Run in the module's copy: each mutant's diff (mutmut's own, as `mutmut show` prints it), as JSON.
_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
path, names = sys.argv[1], json.loads(sys.stdin.read())
print(json.dumps({name: get_diff_for_mutant(name, path=path) for name in names}))
"""


def _diffs(work: Path, module: str, names: list[str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    shown = subprocess.run([sys.executable, "-c", _DIFFS, f"briefing/{module}.py"], cwd=work, env=env, check=True,
                           input=json.dumps(names), capture_output=True, text=True)
    return {name: "\n".join(line for line in diff.splitlines() if line[:1] in "-+ @"
                             and not line.startswith(("---", "+++")))
            for name, diff in json.loads(shown.stdout).items()}


def _change(diff: str) -> str:
    """The lines a mutant takes out and puts in, without their indentation: what equivalent.toml matches."""
    return "\n".join(line[0] + line[1:].strip() for line in diff.splitlines() if line[:1] in "-+")


def _function(name: str) -> str:
    return name.rpartition("__mutmut_")[0]


def _equivalents() -> dict[tuple[str, str], str]:
    if not EQUIVALENT.exists():
        return {}
    with EQUIVALENT.open("rb") as handle:
        entries = tomllib.load(handle).get("mutant", [])
    return {(entry["function"], entry["change"].strip()): entry["reason"] for entry in entries}


def _score(counts: dict[str, int]) -> tuple[int, int]:
    total = sum(counts.values())
    killed = sum(n for status, n in counts.items() if status in KILLED.values())
    return killed, total


def _percent(killed: int, total: int) -> str:
    return f"{100 * killed / total:.1f} %" if total else "—"


def _load(path: Path, default):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else default


def _write_survivors(scores: dict) -> int:
    """mutation/survivors.txt, module by module; the number of survivors with no reason given."""
    reasons = _equivalents()
    unexplained = 0
    out = ["# Mutants the tests did not kill, from `python mutation/run.py` (mutmut), with the reason each",
           "# is equivalent (mutation/equivalent.toml) or NOT EXPLAINED (it wants a test).", ""]
    for module in MODULES:
        if module not in scores:
            continue
        entry = scores[module]
        out.append(f"## {module}: {entry['killed']} of {entry['total']} killed "
                   f"({_percent(entry['killed'], entry['total'])}), {entry['date']}")
        out.append("")
        for name, status, diff in entry["survivors"]:
            reason = reasons.get((_function(name), _change(diff)))
            if reason is None:
                unexplained += 1
            out.append(f"{name}  [{status}]")
            out.extend("    " + line for line in diff.splitlines())
            out.append(f"    equivalent: {reason}" if reason else "    NOT EXPLAINED")
            out.append("")
    SURVIVORS.write_text("\n".join(out), encoding="utf-8")
    return unexplained


def _figures(scores: dict) -> tuple[list[tuple[str, dict | None, int]], tuple[int, int, int]]:
    """Per module in MODULES: its entry in `scores` (None when not run) and how many of its survivors are
    explained as equivalent; and the totals over the modules run: mutants, killed, explained."""
    reasons = _equivalents()
    rows, total, killed, explained = [], 0, 0, 0
    for module in MODULES:
        entry = scores.get(module)
        equivalent = 0
        if entry is not None:
            equivalent = sum((_function(name), _change(diff)) in reasons for name, _, diff in entry["survivors"])
            total, killed, explained = total + entry["total"], killed + entry["killed"], explained + equivalent
        rows.append((module, entry, equivalent))
    return rows, (total, killed, explained)


def _markdown(scores: dict) -> None:
    """The figures as the table README.md carries."""
    rows, (total, killed, explained) = _figures(scores)
    print("| module | mutants | killed | score | survivors explained as equivalent | score counting those |")
    print("|---|---|---|---|---|---|")
    for module, entry, equivalent in rows:
        if entry is None:
            print(f"| {module} | not run | | | | |")
            continue
        print(f"| {module} | {entry['total']:,} | {entry['killed']:,} | {_percent(entry['killed'], entry['total'])} "
              f"| {equivalent} | {_percent(entry['killed'] + equivalent, entry['total'])} |")
    print(f"| all run | {total:,} | {killed:,} | {_percent(killed, total)} | {explained} "
          f"| {_percent(killed + explained, total)} |")


def _report(scores: dict) -> None:
    """Per module: mutants, killed, the score (killed / mutants), survivors explained as equivalent, and the
    score counting those as caught too."""
    rows, (total, killed, explained) = _figures(scores)
    print(f"{'module':<12} {'mutants':>8} {'killed':>8} {'score':>8} {'equiv.':>7} {'with equiv.':>12}  run")
    for module, entry, equivalent in rows:
        if entry is None:
            print(f"{module:<12} {'not run':>8}")
            continue
        print(f"{module:<12} {entry['total']:>8} {entry['killed']:>8} {_percent(entry['killed'], entry['total']):>8} "
              f"{equivalent:>7} {_percent(entry['killed'] + equivalent, entry['total']):>12}  {entry['date']}")
    print(f"{'overall':<12} {total:>8} {killed:>8} {_percent(killed, total):>8} {explained:>7} "
          f"{_percent(killed + explained, total):>12}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated modules (default: all): " + ", ".join(MODULES))
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1: the machine is shared)")
    parser.add_argument("--report", action="store_true", help="print the last figures, run nothing")
    parser.add_argument("--markdown", action="store_true", help="with --report: the table for README.md")
    parser.add_argument("--retest", action="store_true",
                        help="run only the last run's survivors again, with the tests as they are now")
    args = parser.parse_args(argv)
    modules = args.only.split(",") if args.only else list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s): {', '.join(unknown)}")
    scores = _load(SCORES, {})
    if not args.report:
        for module in modules:
            print(f"{module}: mutating, tests {', '.join(MODULES[module])}", flush=True)
            work = WORK / module if args.retest else _prepare(module)
            code = _retest(module, work, args.jobs) if args.retest else _run_mutmut(module, work, args.jobs)
            if code != 0:
                print(f"{module}: mutmut failed (exit {code}); see {work / 'mutmut.log'}", file=sys.stderr)
                return 1
            counts, left = _results(module, work)
            killed, total = _score(counts)
            scores = _load(SCORES, {})  # again: another module's run may have finished meanwhile
            scores[module] = {"date": datetime.date.today().isoformat(), "total": total, "killed": killed,
                              "counts": counts, "survivors": left}
            print(f"{module}: {killed} of {total} killed ({_percent(killed, total)}): {counts}", flush=True)
            SCORES.write_text(json.dumps(scores, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    unexplained = _write_survivors(scores)
    if args.markdown:
        _markdown(scores)
        return 0
    _report(scores)
    print(f"survivors: {SURVIVORS.relative_to(ROOT)} ({unexplained} not explained)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
