"""The four panels of the briefing pane, numbered as keys 1–4 reach them."""

from briefing.tui.panels.background import BackgroundPanel
from briefing.tui.panels.base import Panel
from briefing.tui.panels.comparison import ComparisonPanel
from briefing.tui.panels.decision import DecisionPanel
from briefing.tui.panels.statistics import StatisticsPanel

__all__ = ["BackgroundPanel", "ComparisonPanel", "DecisionPanel", "Panel", "StatisticsPanel"]
