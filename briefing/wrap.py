"""Wrap text at a width in terminal cells, breaking long words only between grapheme clusters.

`wrap` makes the same lines as textwrap.TextWrapper(width, break_long_words=True,
break_on_hyphens=False) wherever every character takes one cell (ASCII,
Cyrillic, Greek, Latin), so plain-text output stays byte for byte what it
was; but it measures display cells (a CJK ideograph takes two, a combining
mark none), never splits a grapheme cluster (a letter and its marks, a
conjunct with its virama, an emoji sequence), and takes time linear in the
length of the text, however long its words.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Where lines may break: the ASCII whitespace textwrap splits on (never a no-break space).
_BREAKABLE = "\t\n\x0b\x0c\r "
_CHUNKS = re.compile(f"([{_BREAKABLE}]+)")
_TO_SPACE = str.maketrans(dict.fromkeys(_BREAKABLE, " "))
#: Text made only of these is one cell per character and one grapheme cluster per character: ASCII, Latin,
#: Greek, Cyrillic, general punctuation, currency signs, letterlike symbols, arrows, mathematical operators
#: and box drawing.  Anything else is measured character by character.
_NARROW = re.compile(
    "[ -~\u00a0-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u052f"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff\u2500-\u259f]*")


def cells(text: str) -> int:
    """How many terminal cells `text` takes: 2 for wide and full-width characters, 0 for marks and joiners."""
    if _NARROW.fullmatch(text):
        return len(text)
    return sum(map(_char_cells, text))


@functools.lru_cache(maxsize=8192)
def _char_cells(char: str) -> int:
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc") or "\u1160" <= char <= "\u11ff":
        return 0  # combining marks, joiners and selectors, Hangul medial vowels and final consonants
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _clusters(word: str) -> list[str]:
    """The extended grapheme clusters of `word` (UAX #29); `regex` is imported only for text that needs it."""
    if _NARROW.fullmatch(word):
        return list(word)
    import regex

    return regex.findall(r"\X", word)


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """The lines of one paragraph, each at most `width` cells wide with its indent, when that can be.

    Breaks at ASCII whitespace (tabs expanded, each whitespace character a
    space); whitespace at the start and end of a line is dropped, except at
    the start of the paragraph.  A word longer than a line is broken between
    grapheme clusters, filling the line it starts on; a single cluster wider
    than the room left on an empty line stands alone.  Empty text gives no
    lines.  `width` must be at least 1.
    """
    text = text.expandtabs().translate(_TO_SPACE)
    chunks = [chunk for chunk in _CHUNKS.split(text) if chunk]
    sizes = list(map(len if _NARROW.fullmatch(text) else cells, chunks))
    lines: list[str] = []
    #: A long word being broken: its clusters, the first one left, and the last that is not whitespace.
    broken: dict[int, tuple[list[str], int, int]] = {}

    def remainder(i: int) -> str:
        if i not in broken:
            return chunks[i]
        clusters, start, _ = broken[i]
        return "".join(clusters[start:])

    def blank(i: int) -> bool:  # as textwrap asks: str.strip() leaves nothing (no-break spaces are blank too)
        if i not in broken:
            return chunks[i].strip() == ""
        _, start, last_ink = broken[i]
        return start > last_ink

    i, count = 0, len(chunks)
    while i < count:
        indent = subsequent_indent if lines else initial_indent
        room = width - cells(indent)
        if lines and blank(i):
            i += 1  # a line never starts with whitespace, but the paragraph may
        line: list[str] = []
        used = 0
        while i < count and used + sizes[i] <= room:
            line.append(remainder(i))
            used += sizes[i]
            i += 1
        if i < count and sizes[i] > room:  # too long for any line: break it
            if i not in broken:
                clusters = _clusters(chunks[i])
                broken[i] = (clusters, 0, max((n for n, c in enumerate(clusters) if c.strip()), default=-1))
            clusters, start, last_ink = broken[i]
            end, taken = start, 0
            while end < len(clusters):
                size = cells(clusters[end])
                if used + taken + size > room and (end > start or line):
                    break
                taken += size
                end += 1
            line.append("".join(clusters[start:end]))
            sizes[i] -= taken
            broken[i] = (clusters, end, last_ink)
            if end == len(clusters):  # nothing left of it (a cluster wider than the room took a line alone)
                i += 1
        if line and line[-1].strip() == "":
            line.pop()
        if line:
            lines.append(indent + "".join(line))
    return lines
