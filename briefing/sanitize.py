"""Make text from data files inert: no escape codes, no control bytes, no bidi tricks.

Briefings are built from untrusted news text.  Whatever a file holds, the
printed brief must show it as characters, never let a terminal interpret it.
"""

import re
import unicodedata

# C0 controls except newline, DEL, C1 controls; bidi embeddings, overrides and
# isolates; zero-width characters and the BOM that can hide or reorder text.
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def plain(text: str) -> str:
    """The text with every unsafe character removed; tabs become spaces."""
    text = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    """Plain text folded onto one line, for labels and list entries."""
    return " ".join(plain(text).split())
