"""`python -m briefing` runs the same command as the `briefing` script."""

from briefing.cli import entry

entry()
