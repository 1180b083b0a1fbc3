"""The dashboard: a Textual app showing the same computed brief as `briefing print`.

Only `briefing.tui.launch.run_dashboard` is called from outside; everything
here imports Textual, so the rest of the package never imports this.
"""
