"""`briefing new ID`: a commented starter file that passes `briefing check`, for an author to fill in.

Every text is there in each content language, as a placeholder that starts
with the word TODO (briefing.lint.PLACEHOLDER): `check` warns about each
until it is replaced, and `check --strict` refuses the file.  The comments
are in the interface language; the placeholders are the same catalog
messages in each content language.  Dates are today's.  The file is written
whole or not at all, and never over an existing file (briefing.save.write_whole).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from briefing.i18n import CONTENT_LOCALES, N_, Localizer, localizer
from briefing.model import IDENT_PATTERN
from briefing.sanitize import escaped
from briefing.wording import PATTERN_FORMS, short

#: The longest id the model accepts.
MAX_ID_LENGTH = 80


class BadId(ValueError):
    """An id the model would refuse."""

    def __init__(self, brief_id: str):
        super().__init__(brief_id)
        self.brief_id = brief_id

    def describe(self, loc: Localizer) -> str:
        if len(self.brief_id) > MAX_ID_LENGTH:
            return loc._("an id is at most %(limit)s characters long", limit=MAX_ID_LENGTH)
        return escaped(loc._(PATTERN_FORMS[IDENT_PATTERN]).format(got=short(self.brief_id)))


def check_id(brief_id: str) -> str:
    """The id, when the model accepts it; BadId otherwise."""
    if len(brief_id) > MAX_ID_LENGTH or not re.fullmatch(IDENT_PATTERN, brief_id):
        raise BadId(brief_id)
    return brief_id


def write_starter(target, brief_id: str, loc: Localizer, today: dt.date | None = None) -> None:
    """Write the starter file for `brief_id` to `target`, never over an existing file.

    Raises BadId for an id the model refuses, FileExistsError when `target`
    exists, OSError when it cannot be written.
    """
    from briefing.save import write_whole

    write_whole(target, starter(check_id(brief_id), loc, today or dt.date.today()))


def _text(message: str) -> dict[str, str]:
    """A placeholder in each content language."""
    return {locale: localizer(locale)._(message) for locale in CONTENT_LOCALES}


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


class _Writer:
    def __init__(self, loc: Localizer):
        self.loc, self.lines = loc, []

    def comment(self, message: str, **values: object) -> None:
        for line in self.loc._(message, **values).split("\n"):
            self.lines.append(f"# {line}".rstrip())

    def raw(self, line: str = "") -> None:
        self.lines.append(line)

    def text(self, key: str, message: str) -> None:
        for locale, value in _text(message).items():
            self.lines.append(f"{key}.{locale} = {_string(value)}")

    def value(self, key: str, value: object) -> None:
        if isinstance(value, str):
            shown = _string(value)
        elif isinstance(value, list):
            shown = "[" + ", ".join(_string(v) for v in value) + "]"
        else:
            shown = str(value.isoformat() if isinstance(value, dt.date) else value)
        self.lines.append(f"{key} = {shown}")


def starter(brief_id: str, loc: Localizer, today: dt.date) -> str:
    """The starter file's text."""
    w = _Writer(loc)
    w.comment(N_("A briefing on one news event, written in English and Russian, compared source by source."))
    w.comment(N_("Replace every TODO with your own words, in each language; then run: briefing check FILE"))
    w.comment(N_("Watch the brief take shape as you write: briefing show FILE --watch"))
    w.comment(N_("Every key and what it takes: README.md, \"The data format\", or: briefing schema"))
    w.raw()
    w.value("format", 2)
    w.value("id", brief_id)
    w.text("title", N_("TODO: the headline of the briefing"))
    w.comment(N_("The day of the event; a full date is written unquoted."))
    w.value("date", today)
    w.comment(N_("The information cut-off: nothing published after it is used (a date, or a date and time)."))
    w.value("cutoff", today)
    w.raw()
    w.raw("[decision]")
    w.comment(N_("When it was decided: a full date unquoted, or a vaguer one in quotes, such as \"2025-11\" or "
                 "\"2026-Q1\"."))
    w.value("when", today)
    w.comment(N_("The ids of the sources that give that date."))
    w.value("when_sources", ["source-1"])
    for table, message in (("what", N_("TODO: what was decided, in one sentence")),
                           ("who", N_("TODO: who decided it")),
                           ("where", N_("TODO: where it was decided"))):
        w.raw()
        w.raw(f"[decision.{table}]")
        w.text("text", message)
        w.value("sources", ["source-1", "source-2"])
    w.raw()
    w.comment(N_("Why it matters: one [[decision.why]] table for each reason."))
    w.raw("[[decision.why]]")
    w.text("text", N_("TODO: why it matters"))
    w.value("sources", ["source-1"])
    w.raw()
    w.raw("[decision.confidence]")
    w.comment(N_("high, moderate or low"))
    w.value("level", "moderate")
    w.text("reason", N_("TODO: why the brief is this sure of the decision"))
    w.raw()
    w.comment(N_("Background: one [[background]] table for each earlier event, in any order."))
    w.raw("[[background]]")
    w.value("date", str(today.year))
    w.text("text", N_("TODO: an earlier event that explains this one"))
    w.value("sources", ["source-2"])
    for number, kind, language in ((1, "news-report", "en"), (2, "official-statement", "ru")):
        w.raw()
        if number == 1:
            w.comment(N_("Sources: one [[sources]] table for each report the brief rests on."))
        w.raw("[[sources]]")
        w.value("id", f"source-{number}")
        w.text("outlet", N_("TODO: the outlet's name"))
        if number == 1:
            w.comment(N_("news-report, wire, broadcast, official-statement, press-release, transcript, social-media, "
                         "aggregator, market-data or reference-dataset"))
        w.value("kind", kind)
        if number == 1:
            w.comment(N_("The language the source is written in, as a BCP 47 tag: en, ru, kk, en-GB…"))
        w.value("language", language)
        w.value("published", today)
        w.value("url", "https://example.org/TODO")
        w.text("reliability", N_("TODO: how far this source can be trusted, and why"))
    w.raw()
    w.comment(N_("Comparison: a question, and what each source says on it."))
    w.raw("[[comparison]]")
    w.value("id", "main-question")
    w.text("question", N_("TODO: a question the sources answer"))
    for number in (1, 2):
        w.raw()
        w.raw("[[comparison.positions]]")
        w.value("source", f"source-{number}")
        w.text("says", N_("TODO: what this source says on it"))
    w.raw()
    w.comment(N_("Figures as a source gives them; remove the # before each line to use this one."))
    w.raw("# [[statistics]]")
    w.raw('# id = "figure-1"')
    for locale, value in _text(N_("TODO: what the figure counts")).items():
        w.raw(f"# label.{locale} = {_string(value)}")
    w.raw("# value = 416")
    w.raw('# unit = "percent"')
    w.raw(f"# as_of = {today.isoformat()}")
    w.raw('# sources = ["source-1"]')
    w.raw()
    w.comment(N_("What to watch next: one [[watch]] table for each item."))
    w.raw("[[watch]]")
    w.text("text", N_("TODO: what to watch next"))
    w.value("sources", ["source-2"])
    return "\n".join(w.lines) + "\n"
