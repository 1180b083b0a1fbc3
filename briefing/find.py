"""Finding a reader's query in the brief's text: case-insensitive, ё read as е, any space as a space.

`fold` turns a text into the form matching is done on, character for
character, so a match's place in the folded text is its place in the shown
text and can be highlighted there.  `Texts` searches many texts (every row of
a panel, every panel) as one, in time linear in their length: a match never
runs from one text into the next.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

#: What folding changes beyond case: ё is written as е as often as not, and a no-break space (which ties a
#: number to its unit on screen) is typed as a plain space.
_SAME = str.maketrans({"ё": "е", "\u00a0": " ", "\u202f": " ", "\u2007": " "})
#: Between two texts searched as one: a character no query and no sanitized text holds.
_GAP = "\x00"


def fold(text: str) -> str:
    """`text` as matching sees it, as long as `text`: lower case (Unicode case folding), ё as е, a no-break
    space as a space.  A character whose case folding is longer than itself (ß, ŉ, ﬁ) keeps its lower case,
    or stays as it is, so that every character stays in its place."""
    folded = text.casefold()
    if len(folded) != len(text):
        folded = "".join(_fold_char(char) for char in text)
    return folded.translate(_SAME)


def _fold_char(char: str) -> str:
    for form in (char.casefold(), char.lower()):
        if len(form) == 1:
            return form
    return char


def needle(query: str) -> str:
    """The folded query that `Texts.find` and `spans` look for; '' when there is nothing to look for (the
    query is empty, only spaces, or holds the separator between texts)."""
    if not query.strip() or _GAP in query:
        return ""
    return fold(query)


def spans(folded_needle: str, folded_text: str) -> list[tuple[int, int]]:
    """Where the needle is in one folded text: (start, end) pairs, left to right, never overlapping."""
    found: list[tuple[int, int]] = []
    if not folded_needle:
        return found
    size = len(folded_needle)
    start = folded_text.find(folded_needle)
    while start >= 0:
        found.append((start, start + size))
        start = folded_text.find(folded_needle, start + size)
    return found


class Texts:
    """Many texts searched as one: a match's place is a position in all of them, in order."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.starts: list[int] = []  # where each text begins in the joined, folded text
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1
        self._joined = _GAP.join(fold(text) for text in texts)

    def __len__(self) -> int:
        return len(self.starts)

    def find(self, folded_needle: str) -> list[int]:
        """The positions of every match, in order; a match lies within one text."""
        return [start for start, _ in spans(folded_needle, self._joined)]

    def locate(self, position: int) -> tuple[int, int]:
        """(the text, the offset in it) of a position `find` gave."""
        index = bisect.bisect_right(self.starts, position) - 1
        return index, position - self.starts[index]

    def first_at(self, positions: Sequence[int], index: int) -> int:
        """How many of `positions` (sorted) lie before text `index` begins: the number of the first match in
        it or after it.  `index` may be len(self), the end."""
        start = self.starts[index] if index < len(self.starts) else len(self._joined) + 1
        return bisect.bisect_left(positions, start)
