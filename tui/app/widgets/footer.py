"""The footer: every shown key, with help and quit pinned to the right so a narrow terminal never drops them.

Textual's footer lays keys out left to right and clips what does not fit; at 90
columns that cut "? Help" and "q Quit", the two keys a newcomer needs most.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PINNED = ("help", "quit")
"""Actions whose keys always show, docked at the right end of the footer."""


class ViewerFooter(Footer):
    """A footer that keeps the help and quit keys in view at any width."""

    DEFAULT_CSS = """
    ViewerFooter #pinned {
        dock: right;
        width: auto;
        height: 1;
        background: $footer-background;
    }
    """

    def __init__(self) -> None:
        """The command palette's key is left out: ctrl+p still opens it and the help screen lists it."""
        super().__init__(show_command_palette=False)

    def compose(self) -> ComposeResult:
        """The footer's keys; the pinned ones held back and put in one group docked at the right."""
        pinned = []
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in PINNED:
                pinned.append(widget)
            else:
                yield widget
        if pinned:
            pinned.sort(key=lambda key: PINNED.index(key.action))
            with HorizontalGroup(id="pinned"):
                yield from pinned
