"""In-process benchmarks, each run in a fresh interpreter by the runner.

A fresh process per run keeps every run cold in the same way (no model or
locale already built by an earlier run) and lets the runner read the peak
RSS of exactly that benchmark from the kernel.  Each command prints one JSON
object on stdout.

    python -m benchmarks.workers load DIR [--cache]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def load(folder: str, *options: str) -> dict:
    """load_library over a folder, after the imports: reading, parsing and validating, or, with
    --cache, reading back what an earlier load validated (as print, list and the dashboard do)."""
    start = time.perf_counter()
    from briefing.cache import BriefingCache, cache_dir
    from briefing.store import load_library
    imported = time.perf_counter()
    library = load_library([Path(folder)], BriefingCache(cache_dir()) if "--cache" in options else None)
    done = time.perf_counter()
    return {"seconds": done - imported, "import_seconds": imported - start,
            "loaded": len(library.briefings), "errors": len(library.errors)}


def main(argv: list[str]) -> int:
    command, *args = argv
    result = {"load": load}[command](*args)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
