"""The footer: every shown key, with help and quit pinned to the right so a narrow terminal never drops them.

Textual's footer lays keys out left to right and clips what does not fit; at 90
columns that cut "? Help" and "q Quit", the two keys a newcomer needs most. It
also rebuilds all its keys whenever the screen's bindings may have changed (the
diff screen's mount, focus moving to a pane): three rebuilds of the same keys
before the first screen, a third of the time from the comparison to the first
paint. This one rebuilds only when the keys it shows change.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
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
        self._shown: tuple[Any, ...] | None = None

    def _keys(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """Everything :meth:`compose` draws the keys from: equal keys compose equal widgets."""
        return tuple(
            (
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
                binding.group,
            )
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild the keys only when they would change: not for the same keys shown or already on their way."""
        if self._shown is not None and screen is self.screen and self._keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = self._keys(screen)  # Footer queued a rebuild that will show these

    def compose(self) -> ComposeResult:
        """The footer's keys; the pinned ones held back and put in one group docked at the right."""
        self._shown = self._keys(self.screen) if self._bindings_ready else None
        pinned = []
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Born as compact as the footer: else binding each key to the footer's value flips it and
                # restyles every key once more before the first screen.
                widget.set_reactive(FooterKey.compact, self.compact)
            if isinstance(widget, FooterKey) and widget.action in PINNED:
                pinned.append(widget)
            else:
                yield widget
        if pinned:
            pinned.sort(key=lambda key: PINNED.index(key.action))
            with HorizontalGroup(id="pinned"):
                yield from pinned
