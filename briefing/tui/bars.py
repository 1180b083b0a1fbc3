"""Horizontal bars: what is in operation beside what is under construction.

Any two reported figures whose measures end in -operating and -construction
and share a unit form a pair (reactors, gigawatts, countries).  Bars are
drawn to the width the widget has, so they reflow when the terminal resizes;
each is labelled with the figure as its source gives it, qualifier included.
"""

from __future__ import annotations

from typing import NamedTuple, TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing.analysis import Analysis
from briefing.figures import figure
from briefing.i18n import N_
from briefing.tui.language import Localized, PerLanguage

if TYPE_CHECKING:  # the views read validated briefings, cached ones included, without pydantic
    from briefing.model import Statistic

OPERATING, CONSTRUCTION = "-operating", "-construction"
#: What a pair of bars measures, by unit.
PAIR_TITLES = {"reactor": N_("Reactors"), "country": N_("Countries"), "gigawatt": N_("Capacity"),
               "megawatt": N_("Capacity"), "percent": N_("Share")}
EIGHTHS = " ▏▎▍▌▋▊▉"
#: Operating and under construction, told apart by colour where there is colour and by label always.
BAR_STYLES = ("$primary", "$secondary")
#: The shortest bar worth drawing beside its labels; narrower, labels go above the bars.
MIN_BAR = 8


class Pair(NamedTuple):
    operating: Statistic
    construction: Statistic


def reported(analysis: Analysis) -> list[Statistic]:
    """Figures from the brief's sources; reference datasets only serve as checks, as in print."""
    kinds = {s.id: s.kind for s in analysis.brief.sources}
    return [s for s in analysis.brief.statistics if not all(kinds[i] == "reference-dataset" for i in s.sources)]


def pairs(analysis: Analysis) -> list[Pair]:
    """Reported (non-reference) figures paired by measure, in file order."""
    figures = [s for s in reported(analysis) if s.measure]
    found = []
    for stat in figures:
        if not stat.measure.endswith(OPERATING):
            continue
        wanted = stat.measure.removesuffix(OPERATING) + CONSTRUCTION
        other = next((s for s in figures if s.measure == wanted and s.unit == stat.unit), None)
        if other is not None:
            found.append(Pair(stat, other))
    return found


def bar(value: float, largest: float, width: int) -> str:
    """A bar of up to `width` cells, `largest` filling them all, in eighths of a cell."""
    eighths = round(8 * width * value / largest) if largest else 0
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


class Bars(Localized, Widget):
    """The open briefing's pairs as labelled bars, redrawn at every width and in every language."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._drawn: PerLanguage[list[Content]] = PerLanguage()

    def localize(self) -> None:
        self.display = bool(pairs(self.app.analysis))
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.size.width))

    def _lines(self, width: int) -> list[Content]:
        return self._drawn.get(self.app, lambda: self._draw(width), width)

    def _draw(self, width: int) -> list[Content]:
        """One line per bar; where labels and bar do not fit side by side, the label goes above its bar."""
        loc = self.app.loc
        found = pairs(self.app.analysis)
        titles = [loc._(PAIR_TITLES[p.operating.unit]) for p in found]
        states = (loc._("in operation"), loc._("under construction"))
        texts = [(figure(loc, p.operating), figure(loc, p.construction)) for p in found]
        title_width = max((cell_len(t) for t in titles), default=0) + 2
        state_width = max(cell_len(s) for s in states) + 2
        text_width = max((cell_len(t) for pair in texts for t in pair), default=0)
        side_by_side = width - title_width - state_width - text_width - 1 >= MIN_BAR
        room = max(width - text_width - 1 - (title_width + state_width if side_by_side else 0), 1)
        lines = []
        for pair, title, pair_texts in zip(found, titles, texts):
            largest = max(pair.operating.value, pair.construction.value)
            for n, stat in enumerate(pair):
                drawn = ((bar(stat.value, largest, room), BAR_STYLES[n]), " ", pair_texts[n])
                if side_by_side:
                    lines.append(Content.assemble(
                        (_pad(title if n == 0 else "", title_width), "bold"), _pad(states[n], state_width), *drawn))
                else:
                    lines += [Content.assemble((title, "bold"), " · ", states[n]), Content.assemble(*drawn)]
        return lines
