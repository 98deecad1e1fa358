"""The progress screen: a quiet line while a slow comparison runs.

Most comparisons finish before a person notices, so the app shows this screen
only after :data:`SHOW_AFTER` (a quick start neither flashes a spinner nor pays
for building it). The line updates a few times a second only: an animated
indicator would compete with the worker thread for the interpreter and make the
comparison itself slower.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

SHOW_AFTER = 0.25
"""Seconds of comparing before the progress screen appears."""

_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class LoadingScreen(Screen[None]):
    """Shown while the comparison runs in a worker thread."""

    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
        #progress { width: auto; height: 1; color: $text-muted; }
    }
    """

    def __init__(self, message: str, *, started: float | None = None) -> None:
        """Show ``message`` with the time elapsed since ``started`` (``time.monotonic()``; None: now)."""
        super().__init__()
        self.message = message
        self._started = time.monotonic() if started is None else started
        self._frame = 0

    def compose(self) -> ComposeResult:
        """The progress line."""
        yield Static(id="progress")

    def on_mount(self) -> None:
        """Start the line and keep it current."""
        self._tick()
        self.set_interval(0.25, self._tick)

    def _tick(self) -> None:
        self._frame = (self._frame + 1) % len(_FRAMES)
        elapsed = time.monotonic() - self._started
        # The message names the user's files: plain text, never markup.
        self.query_one("#progress", Static).update(Content(f"{_FRAMES[self._frame]} {self.message} {elapsed:.1f} s"))
