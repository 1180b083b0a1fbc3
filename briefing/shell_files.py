"""Shell completion (bash, zsh, fish) and the manual page (English, Russian), generated from the argument parser.

    python -m briefing.shell_files          write them all under share/

They are written by shtab and argparse-manpage (the `test` extra) from
`briefing.cli.build_parser`, so they always name the commands and options the
parser takes; tests/test_shell_files.py fails when a file here is not what
this module generates.  The wheel installs share/ under its prefix
(`share/bash-completion/completions/briefing`, `share/man/man1/briefing.1`,
...), where bash-completion, fish and man look for them.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from briefing import __version__, cli, cli_help
from briefing.i18n import N_, localizer

SHARE = Path(__file__).resolve().parent.parent / "share"
#: Each generated file, by its path under share/.
COMPLETIONS = {
    "bash": "bash-completion/completions/briefing",
    "zsh": "zsh/site-functions/_briefing",
    "fish": "fish/vendor_completions.d/briefing.fish",
}
MANUALS = {"en": "man/man1/briefing.1", "ru": "man/ru/man1/briefing.1"}
#: The ids a briefing argument completes to: those `briefing list --ids` finds (settings and BRIEFING_PATH too).
IDS_COMMAND = "briefing list --ids 2>/dev/null"
#: The fixed width help is laid out at in the manual page (man reflows it), so the file does not depend on a terminal.
MAN_WIDTH = 78
#: The date in the manual page's footer: that of the version's release (not of the day the page is made, so that
#: the file is the same whenever it is generated).  Change it with the version.
RELEASE_DATE = "2026-12-01"


def completion(shell: str) -> str:
    """The completion script for `shell`: commands, options, files and folders where they go, and briefing ids."""
    import shtab

    parser = cli.build_parser(localizer("en"), width=MAN_WIDTH)
    ids = shtab.cmd(IDS_COMMAND)
    for action in _actions(parser):
        if action.dest == "id":
            action.complete = ids
        elif action.dest in ("files", "output"):
            action.complete = shtab.FILE
        elif action.dest == "data":
            action.complete = shtab.DIRECTORY
    return shtab.complete(parser, shell=shell)


def manual(locale: str) -> str:
    """The manual page in `locale`: synopsis, description, every command and option, then the help's sections."""
    from argparse_manpage.manpage import Manpage

    loc = localizer(locale)
    with cli._argparse_speaks(loc):  # "usage:" in the language too
        parser = cli.build_parser(loc, width=MAN_WIDTH)
        parser._epilog = None  # its sections come below, as manual page sections
        page = Manpage(parser, {"date": RELEASE_DATE, "project_name": "briefing", "version": __version__,
                                "manual_title": loc._("briefing manual"),
                                "description": loc._("news briefings compared source by source")})
        sections = list(cli_help.main_sections(loc, None))
        sections[0] = cli_help.Section(sections[0].title, tuple(dict.fromkeys(  # the examples of every command
            row for command in cli_help.EXAMPLES for row in cli_help.examples(loc, command).rows)))
        for section in sections:
            page.add_section(section.title, "=", _roff(section))
        return _HEADING.sub(lambda match: _heading(match, loc), str(page))


#: The headings argparse-manpage writes in English, whatever the parser's language.
HEADINGS = {"NAME": N_("NAME"), "SYNOPSIS": N_("SYNOPSIS"), "DESCRIPTION": N_("DESCRIPTION"),
            "COMMAND": N_("COMMAND")}
_HEADING = re.compile(r"^\.SH (\S+)(.*)$", re.M)


def _heading(match: re.Match[str], loc) -> str:
    """A heading in the page's language, with the language's quotes around a command's name."""
    rest = re.sub(r"'([^']*)'", lambda quoted: loc._("“%(command)s”", command=quoted[1]), match[2])
    word = loc._(HEADINGS[match[1]]) if match[1] in HEADINGS else match[1]
    return f".SH {word}{rest}"


def _roff(section: cli_help.Section) -> str:
    lines = "\n.br\n".join(_escape(paragraph) for paragraph in section.note).split("\n") if section.note else []
    for left, right in section.rows:
        lines += [".TP", f"\\fB{_escape(left)}\\fR", _escape(right)]
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Text as roff shows it: backslashes and hyphens literal, no line taken for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def _actions(parser: argparse.ArgumentParser):
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _actions(sub)


def generated() -> dict[Path, str]:
    """Every file this module makes, by its path."""
    files = {SHARE / path: completion(shell) for shell, path in COMPLETIONS.items()}
    files.update({SHARE / path: manual(locale) for locale, path in MANUALS.items()})
    return files


def main() -> None:
    for path, text in generated().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(path.relative_to(SHARE.parent))


if __name__ == "__main__":
    main()
