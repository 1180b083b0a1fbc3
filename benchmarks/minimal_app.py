"""The floor for the dashboard: the smallest Textual app with the dashboard's kind of screen.

Header, a DataTable with a few rows and a Footer, started the same way as the
dashboard (a fresh interpreter in a terminal), so the ratio of the two shows
what the dashboard adds on top of Textual itself.
"""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

# The runner waits for benchmarks.markers.MINIMAL: the last row below and the footer's Quit.


class MinimalApp(App):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("point", "status", "source")
        for n in range(1, 6):
            table.add_row(f"point {n}", "agree", f"row {n} ends here")


if __name__ == "__main__":
    MinimalApp().run()
