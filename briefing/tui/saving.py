"""The `p` key: save the plain-text brief and say where, or why not, in the current language."""

from __future__ import annotations

import errno
from pathlib import Path

from textual.notifications import SeverityLevel

from briefing.analysis import Analysis
from briefing.i18n import N_, Localizer
from briefing.save import save_brief
from briefing.text import render
from briefing.tui.notices import Message

#: The printed brief's width: what `briefing print --width 80` writes.
WIDTH = 80
#: Reasons a save fails, in words; the system's own text (English only) is the fallback.
REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.ENOENT: N_("the folder no longer exists"),
    errno.EEXIST: N_("too many saved copies of this brief already"),
}


def save(analysis: Analysis, loc: Localizer) -> tuple[Message, SeverityLevel]:
    """Write the brief in `loc`'s language to a new file in the working folder; return what to tell the user."""
    try:
        path = save_brief(render(analysis, loc, WIDTH), Path.cwd(), f"{analysis.brief.id}.{loc.locale}")
    except OSError as exc:
        failure = exc  # `exc` is unbound once the except block ends; the message is built later
        return (lambda current: current._("The brief could not be saved in the current folder: %(reason)s",
                                          reason=reason(current, failure))), "error"
    return (lambda current: current._("Saved the brief to %(path)s", path=str(path))), "information"


def reason(loc: Localizer, exc: OSError) -> str:
    message = REASONS.get(exc.errno)
    return loc._(message) if message else exc.strerror or str(exc)
