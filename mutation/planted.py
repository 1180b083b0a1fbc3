"""The faults of issue #15, planted by hand one at a time: each must fail the test named for it.

    python mutation/planted.py            # every fault
    python mutation/planted.py --list     # the faults and their tests, run nothing
    python mutation/planted.py --find 3   # fault 3 against whole test files: which tests catch it

Each fault is a one-line change to the code (or to the Russian catalog), made
in a copy of the project under mutation/work/planted/; then the tests named
for it are run there, and must fail.  Several of these faults are outside
what mutmut mutates (module-level constants, regular expressions, property
bodies, the catalog), so they are checked here instead.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from run import copy_project  # mutation/run.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutation" / "work" / "planted"
RU_PO = "briefing/locale/ru/LC_MESSAGES/messages.po"


class Fault:
    def __init__(self, what: str, path: str, old: str, new: str, tests: list[str], catalogs: bool = False):
        self.what, self.path, self.old, self.new, self.tests, self.catalogs = what, path, old, new, tests, catalogs


FAULTS = [
    Fault("analysis: the 25 % tolerance `<=` made `<`", "briefing/analysis.py",
          "return self.distance <= REFERENCE_TOLERANCE", "return self.distance < REFERENCE_TOLERANCE",
          ["tests/test_generality.py::test_a_gap_of_exactly_25_percent_agrees_and_just_above_disagrees"]),
    Fault("analysis: the 'below half' ratio made 0.4", "briefing/analysis.py",
          "SIBLING_MIN_RATIO = Fraction(1, 2)", "SIBLING_MIN_RATIO = Fraction(2, 5)",
          ["tests/test_analysis.py::test_sibling_rule_fires_below_half_and_not_at_half"]),
    Fault("analysis: the sibling comparison `<` made `<=`", "briefing/analysis.py",
          "if average.in_base() < SIBLING_MIN_RATIO * sibling.in_base():",
          "if average.in_base() <= SIBLING_MIN_RATIO * sibling.in_base():",
          ["tests/test_analysis.py::test_sibling_rule_fires_below_half_and_not_at_half"]),
    Fault("intervals: a range divided by the wrong bound (1 / low as the low end of the reciprocal)",
          "briefing/intervals.py", "lo = Fraction(0) if i.hi is None else 1 / i.hi",
          "lo = Fraction(0) if i.hi is None else 1 / i.lo",
          ["tests/test_analysis.py::test_dividing_by_a_range_divides_by_its_high_end_for_the_low_result"]),
    Fault("intervals: the 'about' span made 20 %", "briefing/intervals.py",
          "ABOUT_SPAN = Fraction(1, 10)", "ABOUT_SPAN = Fraction(1, 5)",
          ["tests/test_analysis.py::test_about_allows_ten_percent_either_way_and_no_more"]),
    Fault("analysis: the zero-denominator guard removed", "briefing/analysis.py",
          "if nominal == 0 or crosses:", "if crosses:",
          ["tests/test_generality.py::test_a_zero_denominator_is_refused_naming_the_figure"]),
    Fault("analysis: 'all sources are reference datasets' made 'any' (the reference rule)", "briefing/analysis.py",
          "set(other.sources) <= reference_sources)", "bool(set(other.sources) & reference_sources))",
          ["tests/test_analysis.py::test_a_figure_is_a_reference_only_when_all_its_sources_are_reference_datasets"]),
    Fault("analysis: 'all sources are reference datasets' made 'any' (what is reported)", "briefing/analysis.py",
          "if not set(s.sources) <= reference_sources)", "if not set(s.sources) & reference_sources)",
          ["tests/test_analysis.py::test_a_figure_is_a_reference_only_when_all_its_sources_are_reference_datasets"]),
    Fault("figures: 2.5 reactors printed as 2 (written decimals dropped)", "briefing/i18n.py",
          "return max(0, -value.as_tuple().exponent)", "return 0",
          ["tests/test_analysis.py::test_a_figure_keeps_the_decimals_it_was_written_with"]),
    Fault("text: the minimum text column beside a label halved", "briefing/text.py",
          "if column + 20 > self.width:", "if column + 10 > self.width:",
          ["tests/test_text.py::test_a_label_keeps_its_column_only_with_20_cells_left_for_the_text"]),
    Fault("catalog: the Russian « » quotes dropped from a message", RU_PO,
          'msgstr "идентификатор справки «{id}» уже занят: {other}"',
          'msgstr "идентификатор справки {id} уже занят: {other}"',
          ["tests/test_i18n.py::test_russian_messages_quote_names_in_guillemets"], catalogs=True),
    Fault("i18n: LC_MESSAGES consulted before LC_ALL", "briefing/i18n.py",
          'for name in ("LC_ALL", "LC_MESSAGES", "LANG"):', 'for name in ("LC_MESSAGES", "LC_ALL", "LANG"):',
          ["tests/test_i18n.py::test_locale_resolution_order",
           "tests/test_cli.py::test_the_language_is_read_in_any_case_and_lc_all_wins_over_lc_messages"]),
    Fault("i18n: `--lang RU` not lower-cased", "briefing/i18n.py",
          'language = candidate.split("_", 1)[0].lower()', 'language = candidate.split("_", 1)[0]',
          ["tests/test_i18n.py::test_locale_resolution_order",
           "tests/test_cli.py::test_the_language_is_read_in_any_case_and_lc_all_wins_over_lc_messages"]),
    Fault("store: the file size limit off by one (the size told by fstat)", "briefing/store.py",
          "if info.st_size > MAX_FILE_BYTES:", "if info.st_size >= MAX_FILE_BYTES:",
          ["tests/test_corpus.py::test_a_file_of_exactly_the_size_limit_loads_and_one_byte_more_is_refused"]),
    Fault("bounded: the file size limit off by one (the bytes read)", "briefing/bounded.py",
          "return None if size > limit else", "return None if size >= limit else",
          ["tests/test_corpus.py::test_a_file_of_exactly_the_size_limit_loads_and_one_byte_more_is_refused"]),
    Fault("validate: the value-count limit off by one", "briefing/validate.py",
          "if count > MAX_VALUES:", "if count >= MAX_VALUES:",
          ["tests/test_toml_parse.py::test_a_file_of_exactly_the_most_values_loads_and_one_more_is_refused"]),
    Fault("validate: the nesting limit off by one", "briefing/validate.py",
          "if len(where) >= MAX_DEPTH:", "if len(where) > MAX_DEPTH:",
          ["tests/test_toml_parse.py::test_a_file_nested_exactly_to_the_limit_loads_and_one_level_more_is_refused"]),
    Fault("sanitize: Unicode normalisation (NFC) skipped", "briefing/sanitize.py",
          'if unicodedata.is_normalized("NFC", text):', "if True:",
          ["tests/test_hostile_text.py::test_plain_text_is_nfc_normalized"]),
    Fault("sanitize: a two-byte escape (ESC ( B) left as '(B'", "briefing/sanitize.py",
          '"|\\x1b[ -/]*+[0-~]"', '"|\\x1b[0-~]"',
          ["tests/test_hostile_text.py::test_plain_removes_sequences_and_keeps_markup_as_text"]),
    Fault("sanitize: a lone carriage return dropped, joining two words", "briefing/sanitize.py",
          '.replace("\\r", "\\n")', '.replace("\\r", "")',
          ["tests/test_hostile_text.py::test_a_lone_carriage_return_ends_a_line_and_never_joins_words"]),
    Fault("sanitize: the surrogate boundary moved", "briefing/sanitize.py",
          "if 0xDC80 <= code <= 0xDCFF:", "if 0xDC81 <= code <= 0xDCFF:",
          ["tests/test_hostile_text.py::test_a_byte_that_was_not_utf8_is_shown_as_that_byte"]),
    Fault("document: a message changed in the code, the catalog regenerated as README says", "briefing/document.py",
          'loc._("Status: %(status)s"', 'loc._("State: %(status)s"',
          ["tests/test_text.py::test_every_bundled_briefing_prints_as_its_golden_file"], catalogs=True),
]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(WORK)}


def _pytest(args: list[str]) -> subprocess.CompletedProcess:
    command = ["nice", "-n", "15", sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider",
               "-p", "no:xdist", "-o", "addopts=", *args]
    return subprocess.run(command, cwd=WORK, env=_env(), capture_output=True, text=True)


def _catalogs() -> None:
    subprocess.run([sys.executable, "-m", "briefing.catalogs"], cwd=WORK, env=_env(), check=True,
                   capture_output=True)


def plant(fault: Fault, find: bool = False) -> tuple[bool, list[str]]:
    """Plant one fault, run its tests (or, with `find`, their whole files), restore; (caught, failed tests)."""
    path = WORK / fault.path
    original = path.read_text(encoding="utf-8")
    if original.count(fault.old) != 1:
        raise SystemExit(f"{fault.what}: {fault.old!r} is not in {fault.path} exactly once; update FAULTS")
    saved = {p: p.read_bytes() for p in (WORK / "briefing" / "locale").rglob("*") if p.is_file()}
    try:
        path.write_text(original.replace(fault.old, fault.new), encoding="utf-8")
        if fault.catalogs:
            _catalogs()
        targets = sorted({t.split("::")[0] for t in fault.tests}) if find else fault.tests
        result = _pytest(targets)
    finally:
        path.write_text(original, encoding="utf-8")
        for p, content in saved.items():
            p.write_bytes(content)
    failed = [line.split(" ", 1)[1].split(" - ")[0] for line in result.stdout.splitlines()
              if line.startswith("FAILED ")]
    return bool(failed) and result.returncode == 1, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the faults and their tests")
    parser.add_argument("--find", type=int, help="one fault (its number) against its tests' whole files")
    args = parser.parse_args(argv)
    if args.list:
        for n, fault in enumerate(FAULTS, 1):
            print(f"{n:2}. {fault.what}\n    {fault.path}: {fault.old!r} -> {fault.new!r}")
            for test in fault.tests:
                print(f"    caught by {test}")
        return 0
    copy_project(WORK)
    named = sorted({test for fault in FAULTS for test in fault.tests})
    clean = _pytest(named)
    if clean.returncode != 0 and not args.find:
        print(clean.stdout[-3000:])
        raise SystemExit("the named tests do not all pass before any fault is planted")
    chosen = [(args.find, FAULTS[args.find - 1])] if args.find else list(enumerate(FAULTS, 1))
    missed = 0
    for n, fault in chosen:
        caught, failed = plant(fault, find=bool(args.find))
        missed += not caught
        print(f"{'caught' if caught else 'MISSED'}  {n:2}. {fault.what}", flush=True)
        for test in failed:
            print(f"          {test}")
    print(f"{len(chosen) - missed} of {len(chosen)} planted faults caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
