"""Screens over the briefing pane: help, the briefing picker and the list of bad files."""
