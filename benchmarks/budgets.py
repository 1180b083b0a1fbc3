"""The performance budgets, as README.md states them; the runner exits 1 when one is missed.

Budgets live here and are checked by `python benchmarks/run.py`, never by
timed unit tests: a test suite on a busy machine must not fail on a slow minute.
"""

#: Whole-process ratios: the command's median over its floor's, measured alternately in one run.
MAX_RATIO = {
    "print": 1.5,       # `briefing print` / `python -c "import pydantic, babel.dates, tomllib"`
    "export-markdown": 1.5,  # `briefing export --format markdown`, the same floor
    "export-html": 1.5,      # `briefing export --format html`, the same floor
    "export-json": 1.5,      # `briefing export --format json`, the same floor
    "dashboard": 1.3,   # dashboard launch to first complete screen / a minimal Textual app's
}

#: Medians, in seconds.
MAX_SECONDS = {
    "switch": 0.100,         # language switch, key press to repainted screen (20 switches)
    "watch": 0.300,          # `show FILE --watch`: a save of the file to the new brief on screen (20 saves)
    "search": 0.050,         # search on the large briefing: a key typed into the query to repainted screen
    "load-1000": 2.0,        # 1,000 briefing files loaded and validated
    "load-1000-again": 2.0,  # the same files loaded again, read back from the cache
    "print-big": 1.0,        # 100 sources, 1,000 points, printed by a whole process
    "export-big-markdown": 1.0,  # the same briefing exported by a whole process, in each format
    "export-big-html": 1.0,
    "export-big-json": 1.0,
    "dashboard-big": 2.0,    # the same briefing in the dashboard: first complete screen
    "serve": 5.0,            # `briefing serve`, process start to a first painted dashboard in Chromium (generous:
                             # a browser's timing varies; it catches a serve that hangs or regresses badly)
    "list-10000": 1.0,       # `briefing list` of 10,000 files, the cache warm, by a whole process
    "picker-10000": 1.0,     # the dashboard of those files: launch to the picker's first complete screen
    "filter-10000": 0.050,   # a key typed into that picker's filter, to the repainted screen
}

#: Peak resident memory of every benchmark's process, in bytes.
MAX_PEAK_BYTES = 300 * 1024 * 1024
