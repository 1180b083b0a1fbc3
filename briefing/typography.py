"""Where a line may not break: a number stays with what it counts, a dash never starts a line.

Writers type plain spaces; a reader should never see "376" end one line and
"GW" begin the next, or a line open on "— ".  Both the printed brief and the
dashboard wrap only at plain spaces, so the ties are made here, once, with
no-break spaces.
"""

from __future__ import annotations

import functools
import re

NBSP = "\u00a0"
#: The spaces a line must not break at: the no-break space, and the narrow one CLDR puts in "2025 г." and "3:21 PM".
NO_BREAK_SPACES = (NBSP, "\u202f")
#: A space after a number and before a word, unit or percent sign: "376 GW", "21 ноября", "10 %".
_AFTER_NUMBER = re.compile(r"(?<=\d) (?=[^\W\d_]|%)")
#: A space before a dash, so the dash ends the line rather than opening the next.
_BEFORE_DASH = re.compile(r" (?=[—–] )")


@functools.lru_cache(maxsize=4096)
def tie(text: str) -> str:
    """Prose from a briefing file with its unbreakable spaces made no-break."""
    if not text or " " not in text:
        return text
    return _BEFORE_DASH.sub(NBSP, _AFTER_NUMBER.sub(NBSP, text))


@functools.lru_cache(maxsize=1024)
def tie_dashes(template: str) -> str:
    """An interface message, whose numbers come in as placeholders, with its dashes tied."""
    return _BEFORE_DASH.sub(NBSP, template) if template and " " in template else template
