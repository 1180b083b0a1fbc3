"""Make text from data files inert: no escape codes, no control bytes, no bidi tricks.

Briefings are built from untrusted news text, and file names and parser
messages are untrusted too.  Whatever they hold, what the tool prints must show
it as characters, never let a terminal interpret it.

- `plain` and `one_line` are for briefing text: unsafe characters are removed.
- `escaped` is for messages about files (names, keys, parser reasons): unsafe
  characters are shown as visible escapes such as ``\\x1b``, so the user can still
  tell which file is meant.
- `output` is the last guard before bytes reach stdout.

Every function here takes time linear in the length of its input: each
character is looked at a bounded number of times, whatever the text holds
(tests/test_hostile_text.py compares 100 kB and 1 MB of every kind of
character).  What belongs to a grapheme cluster is kept: the zero-width joiner
and non-joiner (Persian, Hindi, family emoji), variation selectors, and emoji
tag sequences (the flags of England, Scotland and Wales).
"""

import functools
import itertools
import re
import unicodedata

# Every character a terminal or a text layout engine may act on instead of
# showing: C0 controls except newline, DEL and the C1 controls (ESC starts CSI
# and OSC sequences, U+009B is a one-byte CSI); the format characters (Unicode
# category Cf: soft hyphen, bidi marks, embeddings, overrides and isolates,
# zero-width space, the BOM, invisible tag characters) except the zero-width
# non-joiner and joiner, which shape Persian, Indic scripts and emoji; the line
# and paragraph separators; and lone surrogates, which cannot be encoded.
_UNSAFE_CLASS = (
    "\x00-\x09\x0b-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[\n{_UNSAFE_CLASS}]")
# Whole escape sequences, so that briefing text loses "[31m" along with the ESC:
# CSI (ESC [ or U+009B, parameters, final byte); OSC, DCS, SOS, PM and APC strings
# ended by BEL or ST; and two-byte escapes such as ESC ( B.  A string's body stops
# at a newline, an ESC or the introducer of another string, so each character is
# scanned from one introducer at most; an unended string loses only its introducer.
_STRING_INTRODUCERS = "\x90\x98\x9d\x9e\x9f"
_SEQUENCE = (
    "(?:\x1b\\[|\x9b)[0-?]*+[ -/]*+[@-~]"
    f"|(?:\x1b[\\]PX^_]|[{_STRING_INTRODUCERS}])[^\x07\x1b\x9c\n{_STRING_INTRODUCERS}]*+(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[ -/]*+[0-~]"
)
#: The unsafe characters that do not introduce a sequence, removed a whole run per match.
_INERT_UNSAFE_CLASS = "\x00-\x09\x0b-\x1a\x1c-\x1f\x7f-\x8f\x91-\x97\x99\x9a\x9c" + _UNSAFE_CLASS.split("\x9f", 1)[1]
#: One pass removes both: at each place a whole sequence if one starts there, else a run of unsafe
#: characters, else a lone introducer.
_STRIP = re.compile(f"(?:{_SEQUENCE})++|[{_INERT_UNSAFE_CLASS}]++|[\x1b\x9b{_STRING_INTRODUCERS}]")
_TAG = re.compile("[\U000e0020-\U000e007f]")
#: Characters whose canonical decomposition starts with a non-starter (combining class
#: other than 0), from Python's Unicode database; tests/test_hostile_text.py checks the list.
_NON_STARTERS = (
    "\u0300-\u034e\u0350-\u036f\u0483-\u0487\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed\u0711\u0730-\u074a\u07eb-\u07f3"
    "\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1"
    "\u08e3-\u08ff\u093c\u094d\u0951-\u0954\u09bc\u09cd\u09fe\u0a3c\u0a4d\u0abc\u0acd\u0b3c\u0b4d\u0bcd\u0c3c"
    "\u0c4d\u0c55-\u0c56\u0cbc\u0ccd\u0d3b-\u0d3c\u0d4d\u0dca\u0e38-\u0e3a\u0e48-\u0e4b\u0eb8-\u0eba"
    "\u0ec8-\u0ecb\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f71-\u0f75\u0f7a-\u0f7d\u0f80-\u0f84\u0f86-\u0f87\u0fc6"
    "\u1037\u1039-\u103a\u108d\u135d-\u135f\u1714-\u1715\u1734\u17d2\u17dd\u18a9\u1939-\u193b\u1a17-\u1a18"
    "\u1a60\u1a75-\u1a7c\u1a7f\u1ab0-\u1abd\u1abf-\u1ace\u1b34\u1b44\u1b6b-\u1b73\u1baa-\u1bab\u1be6"
    "\u1bf2-\u1bf3\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce0\u1ce2-\u1ce8\u1ced\u1cf4\u1cf8-\u1cf9\u1dc0-\u1dff"
    "\u20d0-\u20dc\u20e1\u20e5-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua806\ua82c\ua8c4\ua8e0-\ua8f1\ua92b-\ua92d\ua953\ua9b3\ua9c0"
    "\uaab0\uaab2-\uaab4\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaf6\uabed\ufb1e\ufe20-\ufe2f\U000101fd\U000102e0"
    "\U00010376-\U0001037a\U00010a0d\U00010a0f\U00010a38-\U00010a3a\U00010a3f\U00010ae5-\U00010ae6"
    "\U00010d24-\U00010d27\U00010eab-\U00010eac\U00010f46-\U00010f50\U00010f82-\U00010f85\U00011046\U00011070"
    "\U0001107f\U000110b9-\U000110ba\U00011100-\U00011102\U00011133-\U00011134\U00011173\U000111c0\U000111ca"
    "\U00011235-\U00011236\U000112e9-\U000112ea\U0001133b-\U0001133c\U0001134d\U00011366-\U0001136c"
    "\U00011370-\U00011374\U00011442\U00011446\U0001145e\U000114c2-\U000114c3\U000115bf-\U000115c0\U0001163f"
    "\U000116b6-\U000116b7\U0001172b\U00011839-\U0001183a\U0001193d-\U0001193e\U00011943\U000119e0\U00011a34"
    "\U00011a47\U00011a99\U00011c3f\U00011d42\U00011d44-\U00011d45\U00011d97\U00016af0-\U00016af4"
    "\U00016b30-\U00016b36\U00016ff0-\U00016ff1\U0001bc9e\U0001d165-\U0001d169\U0001d16d-\U0001d172"
    "\U0001d17b-\U0001d182\U0001d185-\U0001d18b\U0001d1aa-\U0001d1ad\U0001d242-\U0001d244\U0001e000-\U0001e006"
    "\U0001e008-\U0001e018\U0001e01b-\U0001e021\U0001e023-\U0001e024\U0001e026-\U0001e02a\U0001e130-\U0001e136"
    "\U0001e2ae\U0001e2ec-\U0001e2ef\U0001e8d0-\U0001e8d6\U0001e944-\U0001e94a"
)
#: The Stream-Safe Text Format of UAX #15: after 30 non-starters in a row a combining grapheme
#: joiner (U+034F, itself kept) is put in, so that normalizing, which reorders each run of
#: non-starters by sorting it, stays linear.
_NON_STARTER_RUN = re.compile(f"[{_NON_STARTERS}]{{31,}}")
_MAX_NON_STARTERS = 30
_CGJ = "\u034f"
_tag_sequence = None


def _emoji_tag_sequence():
    """An emoji followed by tag characters and the cancel tag: `regex` is imported only for text holding tags."""
    global _tag_sequence
    if _tag_sequence is None:
        import regex

        _tag_sequence = regex.compile(
            "\\p{Emoji}(?:\\p{Emoji_Modifier}|\ufe0f)?[\U000e0020-\U000e007e]++\U000e007f")
    return _tag_sequence


def _strip(text: str) -> str:
    """The text without escape sequences and unsafe characters, except the tags of an emoji tag sequence."""
    if _UNSAFE.search(text) is None:  # the common case, in one quick scan: nothing to remove
        return text
    if _TAG.search(text) is None:
        return _STRIP.sub("", text)
    pieces, last = [], 0
    for match in _emoji_tag_sequence().finditer(text):
        pieces += (_STRIP.sub("", text[last:match.start()]), match.group())
        last = match.end()
    pieces.append(_STRIP.sub("", text[last:]))
    return "".join(pieces)


def _stream_safe(match: re.Match[str]) -> str:
    run = match.group()
    return _CGJ.join(run[n:n + _MAX_NON_STARTERS] for n in range(0, len(run), _MAX_NON_STARTERS))


def _line_ends(text: str) -> str:
    """Tabs become spaces; Windows and old Mac line ends, a lone carriage return included, newlines."""
    return text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")


def plain(text: str) -> str:
    """The text, NFC-normalized, with escape sequences and every unsafe character removed.

    Tabs become spaces and line ends newlines (so a lone carriage return never
    joins two words); markup such as [bold] is left as the characters it is,
    since plain text never interprets it.
    """
    text = _strip(_line_ends(text))
    if unicodedata.is_normalized("NFC", text):  # a linear check; sorting marks is what can cost
        return text
    return unicodedata.normalize("NFC", _NON_STARTER_RUN.sub(_stream_safe, text))


def one_line(text: str) -> str:
    """Plain text folded onto one line, for labels and list entries."""
    return " ".join(plain(text).split())


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escaped(text: str) -> str:
    """One line in which every unsafe character, newlines included, is written as a visible escape.

    For file names, paths, ids and parser messages: ``red\\x1b[31m.toml`` names
    the file, and does not turn the terminal red.  Applying it twice changes
    nothing more.
    """
    if _UNSAFE_OR_NEWLINE.search(text) is None:
        return text
    return text.translate(_escapes())


@functools.cache
def _escapes() -> dict[int, str]:
    """str.translate's table: every unsafe character and the newline to its visible escape."""
    candidates = itertools.chain(range(0xAE), range(0x600, 0x2070), range(0xD800, 0xE000), range(0xFEFF, 0xFFFC),
                                 range(0x110BD, 0x110CE), range(0x13430, 0x13440), range(0x1BCA0, 0x1BCA4),
                                 range(0x1D173, 0x1D17B), range(0xE0001, 0xE0080))
    return {code: _escape(chr(code)) for code in candidates if _UNSAFE_OR_NEWLINE.match(chr(code))}


def output(text: str) -> str:
    """Text on its way to stdout: escape sequences and unsafe characters removed, newlines kept.

    A lone carriage return becomes a newline and a tab a space, as in `plain`.
    """
    return _strip(_line_ends(text))


def is_safe_line(text: str) -> bool:
    """True when the text is one line holding no character a terminal could act on."""
    return _UNSAFE_OR_NEWLINE.search(text) is None
