"""Text that only a complete first screen shows, for the whole-process launch timings.

Kept apart from minimal_app.py and the dashboard so the runner can read the
markers without importing Textual: every child's peak RSS, as the kernel
reports it, starts from the runner's own RSS at the moment of the spawn, so
the runner stays small.
"""

import tomllib

from benchmarks.generate import BUNDLED

#: The minimal app's last table row and its footer key.
MINIMAL = ("row 5 ends here", "Quit")


def dashboard() -> tuple[str, ...]:
    """The title (header), the start of the key decision (first panel) and the footer's Quit."""
    data = tomllib.loads(BUNDLED.read_text("utf-8"))
    return data["title"]["en"], data["decision"]["what"]["text"]["en"][:21], "Quit"
