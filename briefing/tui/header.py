"""The header: title, date, information cut-off, number of sources and the active language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from briefing.sanitize import one_line
from briefing.tui.language import Localized


class BriefHeader(Localized, Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="brief-title", markup=False)
        yield Static(id="language", markup=False)

    def localize(self) -> None:
        loc, brief = self.app.loc, self.app.analysis.brief
        meta = loc._("Briefing of %(date)s · information up to %(cutoff)s · %(sources)s",
                     date=loc.date(brief.date), cutoff=loc.moment(brief.cutoff),
                     sources=loc.n_("%(count)s source", "%(count)s sources", len(brief.sources)))
        self.query_one("#brief-title", Static).update(
            Content.assemble((one_line(loc.text(brief.title)), "bold"), "\n", meta))
        language = loc.language_name(loc.locale)
        self.query_one("#language", Static).update(Content(language[:1].upper() + language[1:]))
