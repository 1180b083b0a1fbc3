"""The `briefing` command: the dashboard by default; print, export, list, check and schema.

Exit status: 0 success, 2 bad data or usage, 1 anything else, 130 interrupted.
User mistakes get one line on stderr, never a traceback.  Every line written
goes through briefing.sanitize, so no escape code from a file, a file name or
an argument reaches the terminal.  print, export, list, check and schema never import
Textual, so they start as fast as the platform allows.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import functools
import importlib
import json
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from briefing import __version__
from briefing.i18n import DEFAULT_LOCALE, N_, UI_LOCALES, Localizer, localizer, resolve_locale
from briefing.sanitize import escaped, output
from briefing.typography import NO_BREAK_SPACES

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: What `export --format` takes.
FORMATS = ("markdown", "html", "json")
#: What `check --format` takes.
CHECK_FORMATS = ("text", "json")

#: argparse's own messages, so the catalog carries them and help and errors are translated too.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("argument %(argument_name)s: %(message)s"), N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"), N_("expected one argument"),
    N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("%(prog)s: error: %(message)s\n"),
)
#: argparse's messages that quote what was typed with repr(), each as our catalog words it: in the language's own
#: quotes (“abc”, «abc»), the type's Python name left out.
ARGPARSE_QUOTING = {
    "invalid %(type)s value: %(value)r": N_("invalid value: “%(value)s”"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("invalid choice: “%(value)s” (choose from %(choices)s)"),
}


class UsageError(Exception):
    """A mistake in how the command was called; exit status 2."""


class DataError(Exception):
    """Bad briefing data; the lines are already printed.  Exit status 2."""


class OutputError(Exception):
    """Standard output is closed or failed; exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, writing help and errors the way the rest of the command writes (arguments are untrusted too)."""

    _loc: Localizer | None = None
    #: Makes the epilog (examples, keys, environment...) when help is shown: not at every run.
    _epilog: Callable[[], str] | None = None

    def format_help(self) -> str:
        if self._epilog:
            self.epilog = self._epilog()
        return super().format_help()

    def _print_message(self, message: str, file=None) -> None:
        if not message or file is None:  # argparse passes the stream itself: None when it is closed
            return
        if file is sys.stdout:
            _write_stdout("\n".join(escaped(line) for line in message.split("\n")),
                          self._loc or localizer(DEFAULT_LOCALE))
        else:
            for line in message.rstrip("\n").split("\n"):
                _err(line)


def _prescan_lang(argv: Sequence[str]) -> str | None:
    """The language asked for, needed before the parser exists, to build its help in that language.

    --lang is read the way the full parser reads it (no abbreviations, `--`
    ends the options), wherever it stands; given more than once, the last wins.
    """
    scan = _LangScan(add_help=False, allow_abbrev=False)
    scan.add_argument("--lang", action="append", default=[])
    try:
        found, _ = scan.parse_known_args(argv)
    except UsageError:  # --lang without a value: the full parser says so, in the default language
        return None
    return found.lang[-1] if found.lang else None


class _LangScan(argparse.ArgumentParser):
    """The pre-parser for --lang: its mistakes are left for the full parser to report."""

    def error(self, message: str):
        raise UsageError(message)


@contextlib.contextmanager
def _argparse_speaks(loc: Localizer) -> Iterator[None]:
    """Let argparse's own messages ("usage:", "invalid choice") go through our catalog."""
    original = argparse._, argparse.ngettext
    argparse._ = lambda message: loc._(ARGPARSE_QUOTING.get(message, message))
    argparse.ngettext = lambda s, p, n: loc._(s) if n == 1 else loc._(p)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = original


#: Where `serve` listens unless told otherwise: this machine only.
SERVE_HOST, SERVE_PORT = "127.0.0.1", 8000
#: What `export --lang` takes besides a language: every language, one after the other.
ALL_LANGUAGES = "all"


def _common(loc: Localizer, lang_help: str) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    common.add_argument("--lang", metavar=loc._("LANG"), default=argparse.SUPPRESS, help=lang_help)
    common.add_argument("--data", metavar=loc._("DIR"), action="append", default=argparse.SUPPRESS,
                        help=loc._("also load briefings from %(metavar)s (repeatable; see also BRIEFING_PATH)"))
    return common


#: Each command's description: what it does, in a sentence or two.
DESCRIPTIONS = {
    "show": N_("Open the dashboard: the key decision, the background, the sources compared claim by claim and "
               "the figures checked. Without an ID, a picker first when there are several briefings. Given a "
               "briefing file, it shows that file; with --watch, again each time the file is saved."),
    "print": N_("Print the brief as plain text, to read, mail or print. In a terminal, a brief taller than the "
                "screen goes through a pager."),
    "export": N_("Export the brief as Markdown or as one self-contained HTML file, or the analysed brief as JSON."),
    "serve": N_("Open the dashboard in a web browser. It listens on this machine only, unless --host says "
                "otherwise."),
    "list": N_("List the briefings found: id, date and title."),
    "check": N_("Check briefing files and say what is wrong, and where: every error and warning of a file at once, "
                "each at its line and column. Exit status 0 when all are good, 2 otherwise."),
    "new": N_("Write a starter briefing file, with comments, to fill in. An existing file is never replaced."),
    "schema": N_("Print the JSON Schema of briefing files, for editors that check TOML as it is typed."),
}


def build_parser(loc: Localizer, settings_path: Path | None = None,
                 width: int | None = None) -> argparse.ArgumentParser:
    """The command line in the Localizer's language; its help says where the settings file is looked for.

    Help is laid out `width` columns wide (default: cli_help.help_width(), for this terminal).
    """
    from briefing import cli_help

    width = width or cli_help.help_width()
    formatter = functools.partial(cli_help.HelpFormatter, width=width)
    languages = ", ".join(UI_LOCALES)
    common = _common(loc, loc._("language: %(choices)s, or a tag such as en-US that also sets the formats (default: "
                                "from the settings file, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG)", choices=languages))
    every = _common(loc, loc._("language: %(choices)s, a tag such as en-US that also sets the formats, or all for "
                               "each in turn (default: from the settings file, else LANGUAGE, LC_ALL, LC_MESSAGES, "
                               "LANG)", choices=languages))
    parser = _Parser(
        prog="briefing", parents=[common], add_help=False, allow_abbrev=False, formatter_class=formatter,
        description=cli_help.wrapped(loc._("Briefings on one news event, compared source by source, in Russian "
                                           "and English.") + " " + loc._("Without a command, the dashboard opens."),
                                     width))
    parser._loc = loc
    parser._epilog = lambda: cli_help.layout(cli_help.main_sections(loc, settings_path), width)
    _add_help(parser, loc)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}",
                        help=loc._("show the version and exit"))
    commands = parser.add_subparsers(dest="command", metavar=loc._("COMMAND"), title=loc._("commands"))
    file_ = loc._("FILE")

    def command(name: str, help_text: str, parent: argparse.ArgumentParser = common) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, parents=[parent], add_help=False, allow_abbrev=False, help=help_text,
            formatter_class=formatter, description=cli_help.wrapped(loc._(DESCRIPTIONS[name]), width))
        sub._loc = loc
        sub._epilog = lambda: cli_help.layout(cli_help.command_sections(loc, name), width)
        _add_help(sub, loc)
        return sub

    id_ = loc._("ID")
    show = command("show", loc._("open the dashboard"))
    show.add_argument("id", nargs="?", metavar=id_, help=loc._("briefing to open: its id, or a briefing file"))
    show.add_argument("--watch", action="store_true",
                      help=loc._("with a %(file)s: show it again each time it is saved", file=file_))
    print_ = command("print", loc._("print the brief as plain text"))
    print_.add_argument("id", nargs="?", metavar=id_, help=loc._("briefing to print"))
    print_.add_argument("--width", type=int, metavar=loc._("N"),
                        help=loc._("wrap at %(metavar)s columns (default: the settings file's width, else the "
                                   "terminal's width, or 80 when not a terminal)"))
    print_.add_argument("--no-pager", action="store_true",
                        help=loc._("write straight to the terminal, even when the brief is taller than it"))
    export = command("export", loc._("export the brief as Markdown or HTML, or the analysed brief as JSON"), every)
    export.add_argument("id", nargs="?", metavar=id_, help=loc._("briefing to export"))
    export.add_argument("--format", choices=FORMATS, default=FORMATS[0],
                        help=loc._("document format: %(choices)s (default: %(default)s)", choices=", ".join(FORMATS),
                                   default=FORMATS[0]))
    export.add_argument("-o", "--output", metavar=file_,
                        help=loc._("write to %(file)s, whole or not at all; without -o, or with -o -, to standard "
                                   "output", file=file_))
    export.add_argument("--force", action="store_true", help=loc._("replace %(file)s if it exists", file=file_))
    serve = command("serve", loc._("open the dashboard in a web browser, on this machine by default"))
    serve.add_argument("id", nargs="?", metavar=id_, help=loc._("briefing to open"))
    serve.add_argument("--host", default=SERVE_HOST, metavar=loc._("HOST"),
                       help=loc._("address to listen on (default: %(default)s, this machine only)",
                                  default=SERVE_HOST))
    serve.add_argument("--port", type=int, default=SERVE_PORT, metavar=loc._("PORT"),
                       help=loc._("port to listen on (default: %(default)s)", default=SERVE_PORT))
    list_ = command("list", loc._("list the briefings: id, date and title"))
    list_.add_argument("--ids", action="store_true", help=argparse.SUPPRESS)  # for shell completion: ids only
    check = command("check", loc._("validate briefing files; exit status 0 when all are good"))
    check.add_argument("files", nargs="*", metavar=file_,
                       help=loc._("files or folders to check (default: every briefing found)"))
    check.add_argument("--format", choices=CHECK_FORMATS, default=CHECK_FORMATS[0],
                       help=loc._("text: one line per problem; json: a list of objects, for editors and CI "
                                  "(default: %(default)s)", default=CHECK_FORMATS[0]))
    check.add_argument("--strict", action="store_true",
                       help=loc._("count warnings as errors (exit status 2)"))
    new = command("new", loc._("write a starter briefing file to fill in"))
    new.add_argument("new_id", metavar=id_, help=loc._("the new briefing's id, e.g. opec-2026-06-cut"))
    new.add_argument("-o", "--output", metavar=file_,
                     help=loc._("where to write it (default: %(id)s.toml in the current folder); never replaced",
                                id=id_))
    schema = command("schema", loc._("print the JSON Schema of briefing files"))
    schema.add_argument("--export", action="store_true",
                        help=loc._("print the JSON Schema of 'briefing export --format json' instead"))
    return parser


def _add_help(parser: argparse.ArgumentParser, loc: Localizer) -> None:
    parser._positionals.title = loc._("positional arguments")
    parser._optionals.title = loc._("options")
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                        help=loc._("show this help and exit"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from briefing import settings as settings_file

    settings, problem = settings_file.load(os.environ)
    wish = _prescan_lang(argv)
    # "all" is a wish for export only: its messages then speak the language of the settings or the environment
    locale, unsupported = resolve_locale(None if wish in (None, ALL_LANGUAGES) else wish, os.environ,
                                         settings.language_wish)
    loc = localizer(locale)
    try:
        if wish == ALL_LANGUAGES and _command_of(argv) != "export":
            locale, unsupported = resolve_locale(wish, os.environ)
            loc = localizer(locale)
        if problem:
            _err("briefing: " + loc._("%(problem)s; the defaults are used instead of this settings file",
                                      problem=problem.describe(loc)))
        if unsupported:
            _err(loc._("briefing: note: the language or region %(name)s is not available; using %(used)s",
                       name=loc.quote(unsupported), used=loc.language_name(loc.formats)))
        with _argparse_speaks(loc):
            args = build_parser(loc, settings.path).parse_args(argv)
        return _run(args, loc, settings)
    except (UsageError, DataError) as exc:
        if str(exc):
            _err(f"briefing: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILURE
    except OutputError as exc:
        _silence_stdout()
        _err(f"briefing: {exc}")
        return EXIT_FAILURE


def _command_of(argv: Sequence[str]) -> str | None:
    """The command the arguments name, or None when they name none (or are not valid)."""
    scan = _LangScan(add_help=False, allow_abbrev=False)
    scan.add_argument("--lang", action="append")
    scan.add_argument("--data", action="append")
    scan.add_argument("words", nargs="*")
    try:
        found, _ = scan.parse_known_args(argv)
    except UsageError:
        return None
    return found.words[0] if found.words else None


def _run(args: argparse.Namespace, loc: Localizer, settings) -> int:
    folders = getattr(args, "data", [])
    command = args.command or "show"
    if "" in folders or (command == "check" and "" in args.files) or (
            command in ("export", "new") and args.output == ""):
        # An empty path would mean the current folder, searched to the bottom: never what was meant.
        raise UsageError(loc._("an empty path was given where a file or folder was expected"))
    if command == "schema":
        return _export_schema(loc) if args.export else _schema(loc)
    if command == "check":
        return _check(loc, [Path(f) for f in args.files] or None, folders, settings.data, args.format, args.strict)
    if command == "new":
        return _new(loc, args.new_id, args.output)
    watch, wanted = getattr(args, "watch", False), getattr(args, "id", None)  # a bare `briefing` has neither
    if command == "show" and (watch or _names_a_file(wanted)):
        return _show_file(loc, wanted, watch, settings)
    from briefing.cache import BriefingCache, cache_dir
    from briefing.store import scan_library, search_folders

    library = scan_library(search_folders(folders, configured=settings.data), BriefingCache(cache_dir()))
    for error in library.errors:
        _err(error.describe(loc))
    status = EXIT_USAGE if library.errors else EXIT_OK
    if command == "list" and args.ids:
        _write(loc, "".join(f"{bid}\n" for bid in library.headers))
        return status
    if command == "list":
        return max(status, _list(loc, library))
    brief_id = _choose(loc, library, getattr(args, "id", None))
    if command == "print":
        if brief_id is None:
            raise UsageError(loc._("there are several briefings; name one: %(ids)s",
                                   ids=_named(loc, list(library.headers))))
        width = settings.width if args.width is None else args.width
        _print(loc, _open(loc, library, brief_id), width, args.no_pager)
        return status
    if command == "export":
        if brief_id is None:
            raise UsageError(loc._("there are several briefings; name one: %(ids)s",
                                   ids=_named(loc, list(library.headers))))
        return max(status, _export(loc, _open(loc, library, brief_id), args, settings.locale))
    if command == "serve":
        return max(status, _serve(loc, library, brief_id, args, folders))
    if not _is_utf8(sys.stdout):
        raise UsageError(loc._("the dashboard needs a terminal that uses UTF-8, not %(encoding)s; "
                               "use “briefing print” for plain text", encoding=sys.stdout.encoding))
    from briefing.tui.launch import run_dashboard

    if brief_id is not None:
        _open(loc, library, brief_id)
    else:
        _first(loc, library)  # the one shown under the picker
    return max(EXIT_USAGE if library.errors else EXIT_OK, run_dashboard(library, brief_id, loc.formats, settings))


def _names_a_file(wanted: str | None) -> bool:
    """Whether `show`'s argument is a briefing file rather than an id: it ends in .toml or names a folder."""
    return wanted is not None and (wanted.endswith(".toml") or os.sep in wanted or "/" in wanted)


def _show_file(loc: Localizer, wanted: str | None, watch: bool, settings) -> int:
    """The dashboard on one briefing file, followed as it is saved with --watch."""
    if not wanted:
        raise UsageError(loc._("--watch needs a briefing file: briefing show FILE --watch"))
    from briefing.tui.watch import file_library

    path = Path(wanted)
    library, errors = file_library(path)
    for error in errors:
        _err(error.describe(loc))
    if errors and watch:
        raise DataError(loc._("%(path)s cannot be shown until its errors are mended: mend them, then run "
                              "“briefing show %(path)s --watch” again", path=escaped(str(path))))
    if errors:
        raise DataError(loc._("%(path)s cannot be shown until its errors are mended",
                              path=escaped(str(path))))
    if not _is_utf8(sys.stdout):
        raise UsageError(loc._("the dashboard needs a terminal that uses UTF-8, not %(encoding)s; "
                               "use “briefing print” for plain text", encoding=sys.stdout.encoding))
    from briefing.tui.launch import run_dashboard

    return run_dashboard(library, next(iter(library.briefings)), loc.formats, settings, path if watch else None)


def _serve(loc: Localizer, library, brief_id: str | None, args: argparse.Namespace, folders) -> int:
    """The dashboard in a browser; a warning first when the address is reachable from other machines."""
    from briefing import serve
    from briefing.sanitize import one_line

    if not 0 < args.port < 65536:
        raise UsageError(loc._("the port must be between 1 and 65535, got %(port)s", port=args.port))
    if not serve.is_loopback(args.host):
        _err(loc._("warning: serving on %(host)s: anyone who can reach port %(port)s can drive the dashboard",
                   host=escaped(args.host), port=args.port))
    url = f"http://{args.host}:{args.port}"
    _err(loc._("the dashboard is at %(url)s; press Ctrl+C to stop", url=escaped(url)))
    title = one_line(loc.text(library.headers[brief_id].title)) if brief_id else "briefing"
    serve.serve(serve.dashboard_command(loc.formats, brief_id, folders), args.host, args.port, title)
    return EXIT_OK


def _choose(loc: Localizer, library, wanted: str | None) -> str | None:
    """The id asked for, or the only one; None when there are several to choose from."""
    ids = list(library.headers)
    if wanted:
        if wanted not in library.headers:
            raise UsageError(loc._("no briefing with the id “%(id)s”; available: %(ids)s",
                                   id=wanted, ids=_named(loc, ids)))
        return wanted
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise DataError(loc._("no briefing could be loaded"))
    return None


#: At most this many ids are named in a message; `briefing list` names them all.
NAMED_IDS = 20


def _named(loc: Localizer, ids: list[str]) -> str:
    """The ids, or the first NAMED_IDS of them and how many more: a library of thousands is no one line."""
    if len(ids) <= NAMED_IDS:
        return ", ".join(ids) or "—"
    return loc._("%(ids)s and %(count)s more (see “briefing list”)", ids=", ".join(ids[:NAMED_IDS]),
                 count=loc.number(len(ids) - NAMED_IDS))


def _open(loc: Localizer, library, brief_id: str):
    """The briefing read in full; when it cannot be, its line on stderr, and the command ends with status 2."""
    from briefing.store import LoadError

    result = library.load(brief_id)
    if isinstance(result, LoadError):
        _err(result.describe(loc))
        raise DataError("")
    return result


def _first(loc: Localizer, library) -> None:
    """Make sure some briefing loads in full (the first that does opens under the picker); each that does not,
    before it, gets its line on stderr."""
    known = len(library.errors)
    first = library.first()
    for error in library.errors[known:]:
        _err(error.describe(loc))
    if first is None:
        raise DataError(loc._("no briefing could be loaded"))


def _print(loc: Localizer, brief, width: int | None, no_pager: bool) -> None:
    from briefing.analysis import analyse
    from briefing.text import MIN_WIDTH, render

    terminal = _stdout_is_terminal()
    if width is None:
        # A terminal narrower than the brief's minimum gets the minimum, not an error.
        width = max(shutil.get_terminal_size().columns, MIN_WIDTH) if terminal else 80
    if width < MIN_WIDTH:
        raise UsageError(loc._("--width must be at least %(minimum)s", minimum=MIN_WIDTH))
    text = output(render(analyse(brief), loc, width))
    # The shell's prompt needs a line: a text as tall as the terminal already scrolls its first line away.
    if terminal and not no_pager and os.environ.get("TERM") != "dumb" \
            and text.count("\n") >= shutil.get_terminal_size().lines and _paged(loc, text):
        return
    _write_stdout(text, loc)


def _paged(loc: Localizer, text: str) -> bool:
    """Show `text` through the pager; False when there is none, or it failed (said in one line): print it then."""
    from briefing import pager

    try:
        command = pager.pager_command(os.environ)
    except ValueError as exc:
        _err("briefing: " + loc._("the pager command cannot be read: %(reason)s; printing without a pager",
                                  reason=str(exc)))
        return False
    if command is None:
        return False
    try:
        data = _encode(text, sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False  # writing it directly says why
    name = escaped(command[0])
    try:
        status = pager.page(command, data, os.environ)
    except OSError as exc:
        _err("briefing: " + loc._("cannot run the pager “%(name)s”: %(reason)s; printing without a pager",
                                  name=name, reason=exc.strerror or type(exc).__name__))
        return False
    if status > 0:  # below 0: a signal ended it, as the reader wished
        _err("briefing: " + loc._("the pager “%(name)s” failed with exit status %(status)s; printing without a pager",
                                  name=name, status=status))
        return False
    return True


def _export(loc: Localizer, brief, args: argparse.Namespace, configured: str | None = None) -> int:
    """The brief as Markdown or HTML, or the analysed brief as JSON, in one language or in all (Markdown: each
    in turn; HTML: one file with a switch; JSON: side by side), to stdout or to a file written whole."""
    from briefing.analysis import analyse

    analysis = analyse(brief)
    # each language in the reader's formats for it (`configured`: the settings file's locale): `--lang all`
    # under LANG=en_US.UTF-8 gives en_US and ru_RU
    locales = (tuple(resolve_locale(language, os.environ, configured)[0] for language in UI_LOCALES)
               if getattr(args, "lang", None) == ALL_LANGUAGES else (loc.formats,))
    to_stdout = args.output in (None, "-")
    if args.format == "json":
        from briefing import render_json

        # JSON text stays JSON in any encoding: where stdout is not UTF-8, every other character is a \u escape
        text = render_json.render(analysis, locales, ascii_only=to_stdout and not _is_utf8(sys.stdout))
    else:
        from briefing import document
        if args.format == "html":
            from briefing import render_html as face
        else:
            from briefing import render_markdown as face
        text = face.render_all([document.build(analysis, localizer(locale)) for locale in locales])
    if to_stdout:
        _write(loc, text)
        return EXIT_OK
    from briefing.save import write_whole  # only for a file: its imports (secrets) cost stdout exports 2 ms

    target = Path(args.output)
    try:
        write_whole(target, output(text), args.force)
    except FileExistsError:
        raise UsageError(loc._("%(path)s already exists; add --force to replace it",
                               path=escaped(args.output))) from None
    except OSError as exc:
        _err("briefing: " + loc._("cannot write %(path)s: %(reason)s", path=escaped(args.output),
                                  reason=exc.strerror or type(exc).__name__))
        return EXIT_FAILURE
    return EXIT_OK


def _list(loc: Localizer, library) -> int:
    """One line per briefing, from its header: id, date, title (in the order the files were found)."""
    from briefing.sanitize import one_line

    dates: dict = {}  # a library repeats its dates: each is worded once
    rows = [(bid, dates.get(h.date) or dates.setdefault(h.date, loc.date(h.date)), one_line(loc.text(h.title)))
            for bid, h in library.headers.items()]
    if not rows:
        _err(loc._("no briefing could be loaded"))
        return EXIT_USAGE
    id_width = max(len(r[0]) for r in rows)
    date_width = max(len(r[1]) for r in rows)
    _write(loc, "".join(f"{i.ljust(id_width)}  {d.ljust(date_width)}  {t}\n" for i, d, t in rows))
    return EXIT_OK


def _check(loc: Localizer, files: list[Path] | None, folders: list[str], configured: Sequence[Path], form: str,
           strict: bool) -> int:
    from briefing.checking import WARNING, check_all

    reports = check_all(files, folders, strict, configured)
    good = [r for r in reports if r.good]
    diagnostics = [d for r in reports for d in r.diagnostics]
    if form == "json":
        _write(loc, json.dumps([d.as_json(loc) for d in diagnostics], ensure_ascii=False, indent=2) + "\n")
        return EXIT_USAGE if len(good) < len(reports) or not good else EXIT_OK
    lines = [loc._("ok: %(path)s (%(id)s)", path=escaped(str(r.file)), id=r.brief.id) for r in good]
    if lines:
        _write(loc, "\n".join(lines) + "\n")
    for diagnostic in diagnostics:
        _err(diagnostic.describe(loc))
    bad, warnings = len(reports) - len(good), sum(d.severity == WARNING for d in diagnostics)
    checked = loc.n_("%(count)s file checked", "%(count)s files checked", len(reports))
    counts = {"good": loc.n_("%(count)s good", "%(count)s good", len(good)),
              "bad": loc.n_("%(count)s bad", "%(count)s bad", bad)}
    if warnings:
        _err(loc._("%(checked)s: %(good)s, %(bad)s, %(warnings)s", checked=checked, **counts,
                   warnings=loc.n_("%(count)s warning", "%(count)s warnings", warnings)))
    else:
        _err(loc._("%(checked)s: %(good)s, %(bad)s", checked=checked, **counts))
    return EXIT_USAGE if bad or not good else EXIT_OK


def _new(loc: Localizer, brief_id: str, output: str | None) -> int:
    """A starter file to fill in, written where asked and never over an existing file."""
    from briefing import authoring

    target = Path(output) if output else Path(f"{brief_id}.toml")
    try:
        authoring.write_starter(target, brief_id, loc)
    except authoring.BadId as exc:
        raise UsageError(exc.describe(loc)) from None
    except FileExistsError:
        raise UsageError(loc._("%(path)s already exists; it is left as it is",
                               path=escaped(str(target)))) from None
    except OSError as exc:
        _err("briefing: " + loc._("cannot write %(path)s: %(reason)s", path=escaped(str(target)),
                                  reason=exc.strerror or type(exc).__name__))
        return EXIT_FAILURE
    _err(loc._("wrote %(path)s; fill it in, then: briefing check %(path)s, or watch it as you write: "
               "briefing show %(path)s --watch", path=escaped(str(target))))
    return EXIT_OK


def _schema(loc: Localizer) -> int:
    from briefing.file_schema import schema

    _write(loc, json.dumps(schema(loc), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _export_schema(loc: Localizer) -> int:
    from briefing.render_json import schema_text

    _write(loc, schema_text())
    return EXIT_OK


#: What a character is written as in an output encoding that lacks it, or that writes it as a byte
#: a terminal may take for a C1 control: typography has plain-text stand-ins.
FALLBACKS = {
    "—": "-", "–": "-", "−": "-", "‐": "-", "‑": "-", "─": "-", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
    "‘": "'", "’": "'", "•": "*", "·": "-", "…": "...", "≈": "~", "÷": "/", "×": "x", "≠": "!=", "←": "<-", "→": "->", "✓": "v", "⚠": "!",
    **dict.fromkeys(NO_BREAK_SPACES, " "),
}


@functools.cache
def substitutes(encoding: str) -> dict[int, str]:
    """A str.translate table for text about to be encoded in `encoding`.

    Characters the encoding lacks map to their FALLBACKS.  In an 8-bit
    encoding, every character it writes as a byte 0x80-0x9F (in cp1251 "…" is
    0x85 and "—" 0x97; in KOI8-R "─" is 0x80), which many terminals read as a
    C1 control, maps to its fallback, or to "?" when it has none.  Empty for
    UTF-8.  An unknown encoding gives an empty table; encoding then fails and
    is reported.
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return {}
    table = {}
    for char, fallback in FALLBACKS.items():
        try:
            char.encode(name)
        except UnicodeEncodeError:
            table[ord(char)] = fallback
    try:
        decoding_table = importlib.import_module("encodings." + name.replace("-", "_")).decoding_table
    except (ImportError, AttributeError):  # not a one-byte table codec (UTF-8, ASCII, Latin-1, CJK)
        return table
    for byte in range(0x80, 0xA0):
        char = decoding_table[byte]
        if char != "\ufffe":  # a byte the encoding leaves undefined
            table[ord(char)] = FALLBACKS.get(char, "?")
    return table


def _write(loc: Localizer, text: str) -> None:
    """Text to stdout, control characters removed, all of it or (with a clear message) none of it."""
    _write_stdout(output(text), loc)


def _write_stdout(text: str, loc: Localizer) -> None:
    stream = sys.stdout
    if stream is None:  # started with stdout closed (briefing print >&-)
        raise OutputError(loc._("standard output is closed; there is nowhere to print"))
    encoding = stream.encoding or "utf-8"
    try:
        data = _encode(text, encoding)
    except (UnicodeEncodeError, LookupError):
        raise UsageError(_readable(loc, encoding)) from None
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(loc._("cannot write to standard output: %(reason)s",
                                reason=exc.strerror or type(exc).__name__)) from None


def _encode(text: str, encoding: str, errors: str = "strict") -> bytes:
    """`text` in `encoding`, with the stand-ins of `substitutes` where the encoding needs them."""
    table = substitutes(encoding)
    return (text.translate(table) if table else text).encode(encoding, errors)


def _readable(loc: Localizer, encoding: str) -> str:
    """The encoding message in the user's language, or in English when stderr cannot show that either."""
    message = loc._("the output encoding %(encoding)s cannot show this text; set PYTHONIOENCODING=utf-8",
                    encoding=encoding)
    stderr_encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    try:
        _encode(message, stderr_encoding)
    except (UnicodeEncodeError, LookupError):
        message = localizer(DEFAULT_LOCALE)._(
            "the output encoding %(encoding)s cannot show this text; set PYTHONIOENCODING=utf-8", encoding=encoding)
    return message


def _err(line: str) -> None:
    """One line on stderr: escape codes shown, never obeyed; quiet when stderr is gone."""
    stream = sys.stderr
    if stream is None:
        return
    encoding = stream.encoding or "utf-8"
    try:
        stream.write(_encode(escaped(line), encoding, "backslashreplace").decode(encoding) + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def _is_utf8(stream) -> bool:
    try:
        return stream is None or codecs.lookup(stream.encoding or "utf-8").name == "utf-8"
    except LookupError:
        return False


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _silence_stdout() -> None:
    """After a closed pipe or a failed write, point stdout at devnull so the interpreter's final flush stays quiet."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def entry() -> None:
    """The console script.  From here on Ctrl-C is a KeyboardInterrupt, which ends the command with 130."""
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        code = main()
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    sys.exit(code)
