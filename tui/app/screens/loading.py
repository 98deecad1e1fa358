"""The first screen: empty for a moment, then a progress indicator while the comparison runs.

Most comparisons finish before a person notices; only a slow one shows the
indicator, so a quick start does not flash a spinner.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

SHOW_AFTER = 0.25
"""Seconds before the progress indicator appears."""


class LoadingScreen(Screen[None]):
    """Shown while the comparison runs in a worker thread."""

    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
        #progress { width: 60; height: 5; display: none; }
        #progress.-shown { display: block; }
        #progress Static { width: 100%; text-align: center; color: $text-muted; }
        #progress LoadingIndicator { height: 2; color: $primary; }
    }
    """

    def __init__(self, message: str) -> None:
        """Show ``message`` under the indicator."""
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        """The (hidden) indicator and message."""
        with Vertical(id="progress"):
            yield LoadingIndicator()
            yield Static(self.message, id="message")

    def on_mount(self) -> None:
        """Reveal the indicator if the work takes longer than a moment."""
        self.set_timer(SHOW_AFTER, lambda: self.query_one("#progress").add_class("-shown"))
