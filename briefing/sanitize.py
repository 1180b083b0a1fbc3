"""Make text from data files inert: no escape codes, no control bytes, no bidi tricks.

Briefings are built from untrusted news text, and file names and parser
messages are untrusted too.  Whatever they hold, what the tool prints must show
it as characters, never let a terminal interpret it.

- `plain` and `one_line` are for briefing text: unsafe characters are removed.
- `escaped` is for messages about files (names, keys, parser reasons): unsafe
  characters are shown as visible escapes such as ``\\x1b``, so the user can still
  tell which file is meant.
- `output` is the last guard before bytes reach stdout.
"""

import re
import unicodedata

# Every character a terminal or a text layout engine may act on instead of
# showing: C0 controls except newline, DEL and the C1 controls (ESC starts CSI
# and OSC sequences, U+009B is a one-byte CSI); all format characters (Unicode
# category Cf: soft hyphen, bidi marks, embeddings, overrides and isolates,
# zero-width characters, the BOM, invisible tag characters); the line and
# paragraph separators; and lone surrogates, which cannot be encoded.
_UNSAFE_CLASS = (
    "\x00-\x09\x0b-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
# Whole escape sequences, so that briefing text loses "[31m" along with the ESC:
# CSI (ESC [ or U+009B, parameters, final byte); OSC, DCS, SOS, PM and APC strings
# ended by BEL or ST (an unended one loses only its ESC); and two-byte escapes.
_SEQUENCE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*+[ -/]*+[@-~]"
    "|(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*+(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[ -/]*+[0-~]"
)
_UNSAFE_OR_NEWLINE = re.compile(f"[\n{_UNSAFE_CLASS}]")


def plain(text: str) -> str:
    """The text with escape sequences and every unsafe character removed.

    Tabs become spaces and line ends newlines; markup such as [bold] is left as
    the characters it is, since plain text never interprets it.
    """
    text = _SEQUENCE.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))
    return _UNSAFE.sub("", unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    """Plain text folded onto one line, for labels and list entries."""
    return " ".join(plain(text).split())


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escaped(text: str) -> str:
    """One line in which every unsafe character, newlines included, is written as a visible escape.

    For file names and parser messages: ``red\\x1b[31m.toml`` names the file, and
    does not turn the terminal red.  Applying it twice changes nothing more.
    """
    return _UNSAFE_OR_NEWLINE.sub(_escape, text)


def output(text: str) -> str:
    """Text on its way to stdout: unsafe characters removed, newlines kept."""
    return _UNSAFE.sub("", text)


def is_safe_line(text: str) -> bool:
    """True when the text is one line holding no character a terminal could act on."""
    return _UNSAFE_OR_NEWLINE.search(text) is None
