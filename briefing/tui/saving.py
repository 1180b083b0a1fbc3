"""The `p` key: save the plain-text brief and say where, or why not, in the current language."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from textual.notifications import SeverityLevel

from briefing.document import Document
from briefing.i18n import N_, Localizer
from briefing.sanitize import escaped
from briefing.save import save_brief
from briefing.text import render_document
from briefing.typography import NBSP
from briefing.tui.notices import Message

#: The printed brief's width: what `briefing print --width 80` writes.
WIDTH = 80
#: Reasons a save fails, in words; the system's own text (English only) is the fallback.
REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("the operation is not permitted here"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.ENOENT: N_("the folder no longer exists"),
    errno.EEXIST: N_("too many saved copies of this brief already"),
    errno.ENAMETOOLONG: N_("the file name would be too long"),
}
#: ENOENT from a folder that is still there: a virtual file system such as /proc, where no file can be made.
CANNOT_CREATE = N_("files cannot be created in this folder")


def save(doc: Document, brief_id: str) -> tuple[Message, SeverityLevel]:
    """Write the brief as the dashboard shows it (its document, in its language) to a new file in the working
    folder, the same bytes as `briefing print --width 80`; return what to tell the user."""
    try:
        folder = Path.cwd()  # raises FileNotFoundError when the working folder was removed
        path = save_brief(render_document(doc, WIDTH), folder, f"{brief_id}.{doc.locale}")
    except OSError as exc:
        failure = exc  # `exc` is unbound once the except block ends; the message is built later
        gone = _folder_gone()
        return (lambda current: current._("The brief could not be saved in the current folder: %(reason)s",
                                          reason=reason(current, failure, gone))), "error"
    return (lambda current: current._("Saved the brief to %(path)s", path=shown_path(path))), "information"


def _folder_gone() -> bool:
    try:
        return not os.path.isdir(os.getcwd())  # a removed working folder has no path any more
    except OSError:
        return True


def shown_path(path: Path) -> str:
    """A path as a notice shows it: control characters as visible escapes, and no line break inside it.

    Escape codes in a folder's name (an OSC 52 that would set the clipboard, an
    OSC 2 that would retitle the window) are shown as ``\\x1b]52;...``; its
    spaces become no-break spaces, so wrapping never splits a name in two.
    """
    return escaped(str(path)).replace(" ", NBSP)


def reason(loc: Localizer, exc: OSError, folder_gone: bool = True) -> str:
    """Why a save failed, in `loc`'s language; the system's own (escaped) text for an errno not listed.

    ENOENT means the folder is gone only when it is (`folder_gone`); from a
    folder that is still there it means no file can be made in it.
    """
    if exc.errno == errno.ENOENT and not folder_gone:
        return loc._(CANNOT_CREATE)
    message = REASONS.get(exc.errno)
    return loc._(message) if message else escaped(exc.strerror or str(exc))
