"""Horizontal bars: the figures the brief groups into each chart, side by side.

A briefing's [[charts]] name the figures to draw together (reactors in
operation beside those under construction; output before and after a cut).
Figures of one chart are converted to one base unit so their bars compare;
a chart whose figures measure different things is drawn per figure on its
own scale.  Bars are drawn to the width the widget has, so they reflow when
the terminal resizes; each is labelled with the figure as its source gives
it, qualifier included.  Titles and labels come from the data, never from code.
"""

from __future__ import annotations

from fractions import Fraction

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing.analysis import Analysis, figure_interval
from briefing.figures import figure
from briefing.sanitize import one_line
from briefing.tui.language import Localized, PerLanguage

EIGHTHS = " ▏▎▍▌▋▊▉"
#: Bars of a chart told apart by colour where there is colour, and by label always.
BAR_STYLES = ("$primary", "$secondary", "$accent", "$warning")
#: The shortest bar worth drawing beside its labels; narrower, labels go above the bars.
MIN_BAR = 8


def charts(analysis: Analysis) -> list:
    """The brief's charts, in file order (validation made sure each names figures of the brief)."""
    return list(getattr(analysis.brief, "charts", None) or ())


def bar(value: Fraction, largest: Fraction, width: int) -> str:
    """A bar of up to `width` cells, `largest` filling them all, in eighths of a cell; none for 0 or less."""
    eighths = int(round(8 * width * value / largest)) if largest > 0 and value > 0 else 0
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


class Bars(Localized, Widget):
    """The open briefing's charts as labelled bars, redrawn at every width and in every language."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._drawn: PerLanguage[list[Content]] = PerLanguage()

    def localize(self) -> None:
        self.display = bool(charts(self.app.analysis))
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.size.width))

    def _lines(self, width: int) -> list[Content]:
        return self._drawn.get(self.app, lambda: self._draw(width), width)

    def _draw(self, width: int) -> list[Content]:
        """One line per bar; where labels and bar do not fit side by side, the label goes above its bar."""
        loc, analysis = self.app.loc, self.app.analysis
        stats = {s.id: s for s in analysis.brief.statistics}
        found = charts(analysis)
        titles = [one_line(loc.text(chart.title)) for chart in found]
        groups = []
        for chart in found:
            members = [stats[i] for i in chart.figures]
            labels = ([one_line(loc.text(label)) for label in chart.labels] if chart.labels
                      else [one_line(loc.text(s.label)) for s in members])
            texts = [figure(loc, s, analysis.nouns) for s in members]
            groups.append((members, labels, texts))
        title_width = max((cell_len(t) for t in titles), default=0) + 2
        label_width = max((cell_len(lab) for _, labels, _ in groups for lab in labels), default=0) + 2
        text_width = max((cell_len(t) for _, _, texts in groups for t in texts), default=0)
        side_by_side = width - title_width - label_width - text_width - 1 >= MIN_BAR
        room = max(width - text_width - 1 - (title_width + label_width if side_by_side else 0), 1)
        lines = []
        for title, (members, labels, texts) in zip(titles, groups):
            measured = [figure_interval(s) for s in members]
            one_dimension = len({m[0].key for m in measured}) == 1
            largest = max((abs(m[1]) for m in measured), default=Fraction(0))
            for n, (label, text, (_, nominal, _)) in enumerate(zip(labels, texts, measured)):
                scale = largest if one_dimension else abs(nominal)
                drawn = ((bar(nominal, scale, room), BAR_STYLES[n % len(BAR_STYLES)]), " ", text)
                if side_by_side:
                    lines.append(Content.assemble(
                        (_pad(title if n == 0 else "", title_width), "bold"), _pad(label, label_width), *drawn))
                else:  # stacked: the chart's title once, then each label above its bar
                    if n == 0:
                        lines.append(Content.styled(title, "bold"))
                    lines += [Content(label), Content.assemble(*drawn)]
        return lines
