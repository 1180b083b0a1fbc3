"""What `briefing --help` and each command's --help say beyond the options: examples, keys, files, environment, exit status.

Each part is a Section of rows (what to type, what it does), in the
Localizer's language, so that the same words make the help text (`epilog`,
laid out by `layout`) and the manual page (briefing.shell_files).  The help
formatter keeps these sections as laid out, shows an optional command as
optional, and never reads a `%` in a text as a format (a settings path may
hold one).
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from briefing.i18n import N_, UI_LOCALES, Localizer

#: Help is laid out for the terminal's width, but never wider than this: long lines are hard to read.
MAX_WIDTH = 100
#: The first column of a section is at most this wide; a longer entry has its text on the next line.
MAX_COLUMN = 30

#: Two briefings every installation has, for examples that work as typed.
_FIRST, _SECOND = "kz-iaea-far-east-2025", "opec-plus-q1-2026-pause"

#: Examples of each command: the command line as typed, and what it does.
EXAMPLES = {
    None: (
        ("briefing", N_("open the dashboard (a picker first when there are several briefings)")),
        (f"briefing print {_FIRST}", N_("print a brief as plain text, through a pager in a terminal")),
        (f"briefing export {_SECOND} --format html -o brief.html", N_("save a brief as one HTML file")),
        ("briefing --lang ru list", N_("list the briefings, in Russian")),
        ("briefing {COMMAND} --help", N_("help on one command")),
    ),
    "show": (
        (f"briefing show {_FIRST}", N_("open this briefing")),
        ("briefing show --lang ru", N_("open the dashboard in Russian")),
        ("briefing show draft.toml --watch", N_("show a file you are writing, again at each save")),
    ),
    "print": (
        (f"briefing print {_FIRST}", N_("print a brief as plain text, through a pager in a terminal")),
        (f"briefing print {_FIRST} --width 60 > brief.txt", N_("save it 60 columns wide")),
        (f"briefing print {_SECOND} --lang ru --no-pager", N_("print it in Russian, without a pager")),
    ),
    "export": (
        (f"briefing export {_FIRST} -o brief.md", N_("save the brief as Markdown")),
        (f"briefing export {_FIRST} --format html --lang all -o brief.html",
         N_("save one HTML file with both languages and a switch")),
        (f"briefing export {_SECOND} --format json", N_("write the analysed brief as JSON to standard output")),
    ),
    "serve": (
        ("briefing serve", N_("serve the dashboard at http://127.0.0.1:8000 until Ctrl+C")),
        (f"briefing serve {_FIRST} --port 8080", N_("serve this briefing on port 8080")),
    ),
    "list": (
        ("briefing list", N_("list the briefings")),
        ("briefing list --data ~/briefings", N_("list them with those in a folder of your own")),
    ),
    "check": (
        ("briefing check", N_("check every briefing found")),
        ("briefing check draft.toml", N_("check one file; exit status 0 when it is good")),
        ("briefing check draft.toml --strict --format json", N_("warnings count as errors; the findings as JSON")),
    ),
    "new": (
        ("briefing new opec-2026-06-cut", N_("write opec-2026-06-cut.toml in the current folder")),
        ("briefing new opec-2026-06-cut -o ~/briefings/cut.toml", N_("write it where you keep your briefings")),
    ),
    "schema": (
        ("briefing schema > briefing.schema.json", N_("save the schema for an editor that checks TOML")),
        ("briefing schema --export", N_("print the schema of the JSON export")),
    ),
}

#: The dashboard's main keys; its help (`?`) lists them all.  Key names are what is printed on the keys.
KEYS = (
    ("l", N_("switch the language between English and Russian")),
    ("1 2 3 4", N_("jump to a panel: key decision, background, source comparison, statistics")),
    ("/  n  N", N_("search every panel; the next and the previous match")),
    ("j k  g G", N_("move down and up; to the first and the last row")),
    ("← →", N_("in the comparison, bring other sources' columns into view")),
    ("f", N_("filter the comparison: every point, those that differ, those from one source")),
    ("o  y", N_("the sources' addresses: open one in the browser, or copy it")),
    ("p", N_("save the plain-text brief to a new file in the current folder")),
    ("b", N_("choose another briefing")),
    ("?", N_("show every key and what the marks mean")),
    ("Ctrl+P", N_("open the command palette")),
    ("q", N_("quit")),
)

#: Every environment variable the command reads, and what it does.
ENVIRONMENT = (
    ("BRIEFING_PATH", N_("more folders of briefings, separated by “:” (“;” on Windows)")),
    ("BRIEFING_CONFIG", N_("the settings file to read instead of the usual one")),
    ("BRIEFING_CACHE", N_("“off” turns off the cache of checked briefings")),
    ("BRIEFING_PAGER, PAGER", N_("the pager of “briefing print” (default: less, with LESS=FRX when LESS is not set)")),
    ("NO_COLOR", N_("draw the dashboard without colours")),
    ("LANGUAGE, LC_ALL, LC_MESSAGES, LANG", N_("the language, when neither --lang nor the settings file sets it")),
    ("LC_ALL, LC_TIME, LC_NUMERIC, LANG", N_("the formats of dates and numbers (such as en_US.UTF-8), when neither "
                                             "--lang nor the settings file gives a territory")),
    ("XDG_CONFIG_HOME, XDG_CACHE_HOME", N_("where the settings file and the cache are (default: ~/.config, ~/.cache)")),
)

#: The exit statuses (see briefing.cli).
EXIT_STATUS = (
    ("0", N_("success")),
    ("1", N_("failure, such as output that could not be written")),
    ("2", N_("bad data or a mistake in the command line")),
    ("130", N_("interrupted (Ctrl+C)")),
)

#: The keys of the settings file, and what each sets.
SETTINGS = (
    ('language = "ru"', N_("the language: %(choices)s")),
    ('locale = "en-GB"', N_("the formats of dates and numbers, as a language tag")),
    ('theme = "nord"', N_("the dashboard's colours (chosen in the dashboard, it is saved here)")),
    ('data = ["~/briefings"]', N_("more folders of briefings")),
    ("width = 100", N_("the width of “briefing print” without --width")),
)


@dataclass(frozen=True)
class Section:
    """A titled list of rows: what to type or read (left), and what it means (right; may be empty)."""

    title: str
    rows: tuple[tuple[str, str], ...]
    note: tuple[str, ...] = ()  # paragraphs under the title


def examples(loc: Localizer, command: str | None) -> Section:
    """The examples of `command` (None: of `briefing` itself), the metavar COMMAND in the language too."""
    return Section(loc._("examples"), tuple((line.replace("{COMMAND}", loc._("COMMAND")), loc._(text))
                                            for line, text in EXAMPLES[command]))


def main_sections(loc: Localizer, settings_path: Path | None) -> tuple[Section, ...]:
    """The sections of `briefing --help`: examples, keys, the settings file, environment, exit status.

    `settings_path` is where this run looks for the settings file; None
    describes where it is looked for (the manual page).
    """
    if settings_path is None:
        where = loc._("$XDG_CONFIG_HOME/briefing/config.toml, by default ~/.config/briefing/config.toml")
    else:
        from briefing.sanitize import escaped

        where = escaped(str(settings_path))
    return (
        examples(loc, None),
        Section(loc._("dashboard keys"), tuple((key, loc._(text)) for key, text in KEYS),
                (loc._("The dashboard's help (?) lists every key."),)),
        Section(loc._("settings file"), tuple((key, loc._(text, choices=", ".join(UI_LOCALES)))
                                              for key, text in SETTINGS),
                (where, loc._("TOML; every key is optional; the command line and BRIEFING_* variables win."))),
        Section(loc._("environment"), tuple((name, loc._(text)) for name, text in ENVIRONMENT)),
        Section(loc._("exit status"), tuple((code, loc._(text)) for code, text in EXIT_STATUS)),
    )


def command_sections(loc: Localizer, command: str) -> tuple[Section, ...]:
    """The sections of one command's --help: its examples, and where the rest is said."""
    return (examples(loc, command),
            Section(loc._("see also"), (("briefing --help", loc._("settings, environment and exit status")),)))


def help_width() -> int:
    """The width help is laid out for: the terminal's (or COLUMNS) less a margin, at most MAX_WIDTH."""
    return max(min(shutil.get_terminal_size().columns, MAX_WIDTH) - 2, 40)


def layout(sections: tuple[Section, ...], width: int) -> str:
    """The sections as help text: titles flush left, rows in two columns, texts wrapped to `width`."""
    blocks = []
    for section in sections:
        lines = [f"{section.title}:"]
        for paragraph in section.note:
            lines += textwrap.wrap(paragraph, width, initial_indent="  ", subsequent_indent="  ",
                                   break_on_hyphens=False, break_long_words=False)
        column = min(max(len(left) for left, _ in section.rows) + 4, MAX_COLUMN)
        for left, right in section.rows:
            head = f"  {left}"
            wrapped = textwrap.wrap(right, max(width - column, 20), break_on_hyphens=False)
            if len(head) + 2 > column and wrapped:
                lines.append(head)
                head = ""
            for piece in wrapped or [""]:
                lines.append(f"{head:<{column}}{piece}".rstrip())
                head = ""
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def wrapped(text: str, width: int) -> str:
    """A paragraph wrapped to `width` (for descriptions, which the formatter keeps as they are)."""
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False))


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout at `help_width`, with descriptions and epilogs as laid out, and `[COMMAND ...]`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or help_width())

    def _format_text(self, text: str) -> str:
        # argparse would read "%(prog)" in a text as a format, and fail on any other "%" there.
        return self._fill_text(text, self._width, "") + "\n\n" if text else ""

    def _format_args(self, action: argparse.Action, default_metavar: str) -> str:
        if action.nargs == argparse.PARSER and not action.required:
            # The command is optional: without one, the dashboard opens.
            return "[%s ...]" % self._metavar_formatter(action, default_metavar)(1)
        return super()._format_args(action, default_metavar)
