"""The settings file: language, formats, theme, data folders and print width, read once and written back in place.

The file is TOML at `$XDG_CONFIG_HOME/briefing/config.toml` (by default
`~/.config/briefing/config.toml`), or wherever BRIEFING_CONFIG points:

    language = "ru"            # the interface and the brief: en or ru
    locale = "en-GB"           # the formats' territory, a language tag (used when its language is shown)
    theme = "nord"             # the dashboard's colours
    data = ["~/briefings"]     # more folders of briefings (relative to this file's folder)
    width = 100                # what `briefing print` wraps at when --width is not given

Every key is optional.  A file that is missing is no problem; one that cannot
be read, is not TOML or holds an unknown key or a wrong value is reported as
ONE LoadError (path, line:column when known, what) and then not used at all:
the defaults apply.  Reading never follows more than MAX_BYTES, never blocks
on a FIFO, and never lets a value reach a terminal unescaped (LoadError
escapes).

`remember` writes chosen values back (the dashboard's theme and language),
keeping every other key and comment as written (tomlkit), whole or not at
all; a file that does not parse is never written.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing import xdg
from briefing.bounded import read_at_most
from briefing.i18n import N_, UI_LOCALES
from briefing.store import OS_REASONS, LoadError

ENV_CONFIG = "BRIEFING_CONFIG"
#: Larger files are refused unread: a settings file is a few lines.
MAX_BYTES = 64 * 1024
#: The narrowest print width (briefing.text.MIN_WIDTH, which imports the whole plain-text face).
MIN_WIDTH = 30
#: The keys a settings file may hold.
KEYS = ("language", "locale", "theme", "data", "width")
#: What a new file starts with, so that a reader who opens it knows what it is.
HEADER = "# briefing settings: see `briefing --help`\n"
#: A value quoted in a message is cut to this many characters.
QUOTED_CHARS = 40

_THEME_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TYPE_NAMES = {
    str: N_("text"), int: N_("a whole number"), decimal.Decimal: N_("a number"), bool: N_("true/false"),
    list: N_("a list"), dict: N_("a table"),
    dt.date: N_("a date"), dt.datetime: N_("a date and time"), dt.time: N_("a time of day"),
}


@dataclass(frozen=True)
class Settings:
    """What the settings file says; None (or empty) for what it leaves to the defaults.

    `path` is where the file is looked for (None: nowhere, as when HOME is
    unset).  `data` holds absolute or `~`-expanded folders, relative ones
    taken from the file's folder.
    """

    path: Path | None = None
    language: str | None = None
    locale: str | None = None
    theme: str | None = None
    data: tuple[Path, ...] = ()
    width: int | None = None

    @property
    def language_wish(self) -> str | None:
        """What to take as --lang: `locale` when it is in `language` (or language is not set), else `language`."""
        if self.locale and (self.language is None or _language_of(self.locale) == self.language):
            return self.locale
        return self.language


def config_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """BRIEFING_CONFIG when set, else `config.toml` in the XDG config folder's `briefing`; None when there is none."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_CONFIG):
        return Path(environ[ENV_CONFIG])
    base = xdg.base_dir(xdg.CONFIG, environ)
    return base / "briefing" / "config.toml" if base else None


def load(environ: Mapping[str, str] | None = None) -> tuple[Settings, LoadError | None]:
    """The settings, and the one problem that made them the defaults (None when there was none)."""
    path = config_path(environ)
    if path is None:
        return Settings(), None
    text = _read_text(path)
    if text is None:
        return Settings(path), None
    if isinstance(text, LoadError):
        return Settings(path), text
    from briefing.validate import parse_toml

    data = parse_toml(path, text)
    if isinstance(data, LoadError):
        return Settings(path), data
    values: dict[str, object] = {}
    for key, value in data.items():
        problem = _check(key, value)
        if problem:
            message, extra = problem
            return Settings(path), LoadError(path, message, {"key": key, **extra.get("values", {})},
                                             _key_place(text, key), extra.get("translated", {}))
        values[key] = value
    if "data" in values:
        values["data"] = tuple(path.parent / os.path.expanduser(folder) for folder in values["data"])
    return Settings(path, **values), None


def _check(key: str, value: object) -> tuple[str, dict] | None:
    """Why `value` is not fit for `key`: a message and its values; None when it is fit."""
    if key not in KEYS:
        return N_("unknown setting “{key}”; the settings are: {known}"), {"values": {"known": ", ".join(KEYS)}}
    expected = list if key == "data" else int if key == "width" else str
    if type(value) is not expected:  # noqa: E721 (a bool is not a width)
        return N_("“{key}” must be {expected}, got {got}"), {"translated": {
            "expected": (_TYPE_NAMES[expected],), "got": (_type_name(value),)}}
    if key == "language" and value not in UI_LOCALES:
        return N_("“{key}” must be one of {choices}, got “{got}”"), {
            "values": {"choices": ", ".join(UI_LOCALES), "got": _quoted(value)}}
    if key == "locale" and _language_of(value) is None:
        return N_("“{key}” must be a language tag such as en-GB or ru-RU, got “{got}”"), {
            "values": {"got": _quoted(value)}}
    if key == "theme" and not _THEME_NAME.fullmatch(value):
        return N_("“{key}” must be a theme name such as textual-dark, got “{got}”"), {
            "values": {"got": _quoted(value)}}
    if key == "width" and value < MIN_WIDTH:
        return N_("“{key}” must be at least {minimum}, got {got}"), {"values": {"minimum": MIN_WIDTH, "got": value}}
    if key == "data":
        for folder in value:
            if type(folder) is not str:
                return N_("“{key}” must be a list of folders, got {got} in it"), {
                    "translated": {"got": (_type_name(folder),)}}
            if not folder or _CONTROL.search(folder):
                return N_("“{key}” holds an empty folder name or one with a control character"), {}
    return None


def _language_of(tag: str) -> str | None:
    """The interface language of a language tag (en-GB, en_US, ru): None when it is not one, or not ours."""
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", tag):
        return None
    from babel import Locale, UnknownLocaleError

    try:
        language = Locale.parse(tag.replace("-", "_")).language
    except (ValueError, UnknownLocaleError):
        return None
    return language if language in UI_LOCALES else None


def _type_name(value: object) -> str:
    return next((name for kind, name in reversed(_TYPE_NAMES.items()) if isinstance(value, kind)), N_("text"))


def _quoted(value: str) -> str:
    return value if len(value) <= QUOTED_CHARS else value[:QUOTED_CHARS] + "…"


def _key_place(text: str, key: str) -> str:
    """Where `key` is first set at the top of the file, as "line:column"; "" when that cannot be told."""
    pattern = re.compile(rf"""[ \t]*(?:\[+[ \t]*)?(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')[ \t]*[=.\]]""")
    for number, line in enumerate(text.split("\n"), 1):
        match = pattern.match(line)
        if match:
            indent = len(line) - len(line.lstrip(" \t["))
            return f"{number}:{indent + 1}"
    return ""


def _read_text(path: Path) -> str | LoadError | None:
    """The file's text; None when there is no file; a LoadError when it cannot be read as text."""
    flags = os.O_RDONLY
    for name in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
        flags |= getattr(os, name, 0)
    try:
        fd = os.open(path, flags)  # non-blocking: a FIFO with no writer returns at once
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        return _os_error(path, exc)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return LoadError(path, N_("not a regular file: settings are read only from ordinary files"))
        raw = read_at_most(fd, MAX_BYTES)
    except OSError as exc:
        return _os_error(path, exc)
    finally:
        os.close(fd)
    if raw is None:
        return LoadError(path, N_("the file is larger than {limit} kB, too large for a settings file"),
                         {"limit": MAX_BYTES // 1024})
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        place = f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"
        return LoadError(path, N_("not UTF-8 text: byte {byte} cannot be decoded"),
                         {"byte": f"0x{raw[exc.start]:02x}"}, place)


def _os_error(path: Path, exc: OSError | ValueError) -> LoadError:
    message = N_("cannot read the settings file: {reason}")
    reason = OS_REASONS.get(getattr(exc, "errno", None) or 0)
    if reason:
        return LoadError(path, message, translated={"reason": (reason,)})
    return LoadError(path, message, {"reason": getattr(exc, "strerror", None) or type(exc).__name__})


def remember(path: Path, changes: Mapping[str, str]) -> LoadError | None:
    """Set `changes` (key: value) in the settings file at `path`, every other line kept as written.

    A link is followed, so a settings file kept elsewhere (a dotfiles
    repository) stays where it is.  A missing file (and its folder, mode 0700)
    is created.  The file is replaced whole, through a temporary file in its
    folder, or left as it was.  A file that cannot be read or does not parse
    is never written: the problem is returned, as is one that stops the
    writing (a read-only folder).
    """
    target = Path(os.path.realpath(path))
    text = _read_text(target)
    if isinstance(text, LoadError):
        return text
    if text is None:
        text = HEADER
    else:
        from briefing.validate import parse_toml

        parsed = parse_toml(path, text)
        if isinstance(parsed, LoadError):
            return parsed
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from briefing.save import write_whole

    try:
        document = tomlkit.parse(text)
        for key, value in changes.items():
            document[key] = value
        updated = tomlkit.dumps(document)
    except (TOMLKitError, ValueError) as exc:  # what the reader above accepts and tomlkit does not
        return LoadError(path, N_("cannot be edited: {reason}"), {"reason": str(exc)})
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_whole(target, updated, force=True)
    except OSError as exc:
        return LoadError(path, N_("cannot write the settings file: {reason}"),
                         {"reason": exc.strerror or type(exc).__name__})
    return None
