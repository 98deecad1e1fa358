"""Every key of the viewer in the command palette, found by its description."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ViewerCommands(Provider):
    """Offer each binding of the diff screen as a command."""

    def _bindings(self) -> list[Binding]:
        from tui.app.screens.main import DiffScreen

        screen = next((s for s in reversed(self.app.screen_stack) if isinstance(s, DiffScreen)), None)
        if screen is None:
            return []
        return [b for b in screen.BINDINGS if isinstance(b, Binding)]

    def _run(self, action: str) -> None:
        from tui.app.screens.main import DiffScreen

        screen = next((s for s in reversed(self.app.screen_stack) if isinstance(s, DiffScreen)), None)
        if screen is not None:
            self.app.call_later(screen.run_action, action)

    async def discover(self) -> Hits:
        """List every key when the palette opens."""
        from tui.app.screens.help import key_label

        for binding in self._bindings():
            yield DiscoveryHit(
                f"{binding.tooltip or binding.description} ({key_label(binding)})",
                partial(self._run, binding.action),
                help=binding.description,
            )

    async def search(self, query: str) -> Hits:
        """Match the query against descriptions and tooltips."""
        from tui.app.screens.help import key_label

        matcher = self.matcher(query)
        for binding in self._bindings():
            text = f"{binding.tooltip or binding.description} ({key_label(binding)})"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, binding.action), help=binding.description)
