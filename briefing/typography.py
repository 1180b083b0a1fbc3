"""Where a line may not break: a number stays with what it counts, a dash never starts a line.

Writers type plain spaces; a reader should never see "376" end one line and
"GW" begin the next, "nearly" end one and "20 GW" begin the next, a line
open on "— " or a citation mark "[1]" stand alone on one.  Both the printed
brief and the dashboard wrap only at plain spaces, so the ties are made here,
once, with no-break spaces.
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
#: A qualifier written before a number (or before the placeholder of one in a message), and the space after it:
#: "nearly 20 GW", "more than 376 GW", «почти 20 ГВт», «более %(percent)s».
_QUALIFIER = re.compile(
    r"(?<![^\W\d_])(?:nearly|almost|about|around|approximately|roughly|some|over|under|(?:more|less|fewer) than"
    r"|at (?:least|most)|up to|close to|no (?:more|less|fewer) than|почти|около|примерно|приблизительно|порядка|более|менее"
    r"|свыше|больше|меньше|не (?:более|менее)|до) (?=[\d−]|%\()", re.IGNORECASE)
#: A space before a citation mark or a run of them: "… the venue. [1][2]".
_BEFORE_CITATION = re.compile(r" (?=\[\d+\])")


@functools.lru_cache(maxsize=4096)
def tie(text: str) -> str:
    """Prose from a briefing file with its unbreakable spaces made no-break: after a number, after a
    qualifier before a number, before a dash."""
    if not text or " " not in text:
        return text
    return tie_template(_AFTER_NUMBER.sub(NBSP, text))


@functools.lru_cache(maxsize=1024)
def tie_template(template: str) -> str:
    """An interface message, whose numbers come in as placeholders, with its dashes and qualifiers tied."""
    if not template or " " not in template:
        return template
    return _BEFORE_DASH.sub(NBSP, _QUALIFIER.sub(lambda found: found[0].replace(" ", NBSP), template))


def tie_lead(template: str, placeholder: str = "%(value)s") -> str:
    """A template's words before its placeholder tied to it and to each other: a qualifier ("nearly",
    "more than", «не более») stays with the number that follows it."""
    lead, found, rest = template.partition(placeholder)
    return lead.replace(" ", NBSP) + found + rest if found else template


def tie_citations(text: str, tie: str = NBSP) -> str:
    """Text with the space before each citation mark ("[1]") made no-break, so a mark never starts a line:
    it stays with the word it follows.  `tie` is the character put there instead: a no-break space, or a
    stand-in that a layout turns back into a space once it has wrapped the text."""
    return _BEFORE_CITATION.sub(tie, text) if " [" in text else text
