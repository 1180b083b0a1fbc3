"""Which briefings of a library a typed filter matches: by id, title (in every language) and date.

A date matches as the current language writes it ("November 21, 2025",
"21 ноября 2025 г.") and in ISO form ("2025-11-21").  Matching ignores case
and reads ё as е, after Unicode NFC normalization (so a title that spells ё
as е and a combining diaeresis is read the same).  Each word of the filter
must appear in one of those texts, in any order: "iaea 2025" finds the
briefings about the IAEA dated 2025.  Every step is linear in the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from briefing.i18n import Localizer
from briefing.store import Header


def fold(text: str) -> str:
    """Text as the filter compares it: NFC, case folded, ё read as е."""
    return unicodedata.normalize("NFC", text).casefold().replace("ё", "е")


class LibraryFilter:
    """The headers of a library with the texts a filter is matched against, in one language."""

    def __init__(self, headers: Iterable[Header], loc: Localizer):
        self.headers = list(headers)
        self.locale = loc.locale
        worded: dict = {}  # a library repeats its dates: each is worded once
        for header in self.headers:
            if header.date not in worded:
                worded[header.date] = fold(loc.date(header.date))
        # One text per briefing, its fields apart on lines of their own: no word of a filter spans two.
        self._texts = [fold("\n".join((h.id, *h.title.values(), h.date.isoformat()))) + "\n" + worded[h.date]
                       for h in self.headers]
        #: The words of the last query and the indexes of its matches.
        self._last: tuple[list[str], Sequence[int]] = ([], range(len(self._texts)))

    def matching(self, query: str) -> list[Header]:
        """The headers whose texts hold every word of `query`, in library order; all of them for a blank one.

        A query that only adds to the last one (more words, or longer ones: "cop", then "copy 1") is looked
        for among the last one's matches alone: typing narrows the search as it narrows the list.
        """
        words = fold(query).split()
        last_words, found = self._last
        if not (len(words) >= len(last_words) and all(old in new for old, new in zip(last_words, words))):
            found = range(len(self._texts))
        texts = self._texts
        for word in words:
            found = [n for n in found if word in texts[n]]
        self._last = (words, found)
        return [self.headers[n] for n in found]
