"""The first screen: empty for a moment, then a quiet progress line while the comparison runs.

Most comparisons finish before a person notices; only a slow one shows the
progress line, so a quick start does not flash a spinner. The line updates a
few times a second only: an animated indicator would compete with the worker
thread for the interpreter and make the comparison itself slower.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

SHOW_AFTER = 0.25
"""Seconds before the progress line appears."""

_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class LoadingScreen(Screen[None]):
    """Shown while the comparison runs in a worker thread."""

    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
        #progress { width: auto; height: 1; color: $text-muted; display: none; }
        #progress.-shown { display: block; }
    }
    """

    def __init__(self, message: str) -> None:
        """Show ``message`` with the elapsed time."""
        super().__init__()
        self.message = message
        self._started = time.monotonic()
        self._frame = 0

    def compose(self) -> ComposeResult:
        """The (hidden) progress line."""
        yield Static(id="progress")

    def on_mount(self) -> None:
        """Reveal the progress line if the work takes longer than a moment."""
        self.set_timer(SHOW_AFTER, self._reveal)

    def _reveal(self) -> None:
        self.query_one("#progress").add_class("-shown")
        self._tick()
        self.set_interval(0.25, self._tick)

    def _tick(self) -> None:
        self._frame = (self._frame + 1) % len(_FRAMES)
        elapsed = time.monotonic() - self._started
        # The message names the user's files: plain text, never markup.
        self.query_one("#progress", Static).update(Content(f"{_FRAMES[self._frame]} {self.message} {elapsed:.1f} s"))
