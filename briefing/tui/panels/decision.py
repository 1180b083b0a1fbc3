"""Panel 1: the key decision (what, who, when, where), why it matters, confidence, what to watch."""

from __future__ import annotations

from briefing.i18n import Localizer
from briefing.sanitize import plain
from briefing.document import CONFIDENCE_LEVELS, refs
from briefing.tui.panels.base import ProsePanel
from briefing.tui.prose import Row, blank, bullets, heading, labelled, para


class DecisionPanel(ProsePanel):
    NUMBER = 1

    def title(self, loc: Localizer) -> str:
        return loc._("Key decision")

    def rows(self) -> list[Row]:
        loc, analysis = self.app.loc, self.app.analysis
        decision = analysis.brief.decision

        def said(statement) -> str:
            return plain(loc.text(statement.text)) + refs(analysis, statement.sources)

        rows = [
            *labelled([
                (loc._("What"), said(decision.what)),
                (loc._("Who"), said(decision.who)),
                (loc._("When"), loc.moment(decision.when) + refs(analysis, decision.when_sources)),
                (loc._("Where"), said(decision.where)),
            ]),
            *blank(),
            *heading(loc._("Why it matters")),
            *bullets(said(why) for why in decision.why),
            *blank(),
            *para(loc._("Confidence: %(level)s. %(reason)s",
                        level=loc._(CONFIDENCE_LEVELS[decision.confidence.level]),
                        reason=plain(loc.text(decision.confidence.reason)))),
        ]
        if analysis.brief.watch:
            rows += [*blank(), *heading(loc._("What to watch")),
                     *bullets(plain(loc.text(item.text)) + refs(analysis, item.sources)
                              for item in analysis.brief.watch)]
        return rows
