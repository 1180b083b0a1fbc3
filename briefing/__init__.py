"""briefing: news briefings compared source by source, in Russian and English."""

__version__ = "0.1.0"
