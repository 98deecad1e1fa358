"""The overview ruler: where the changes are in the whole document, beside the scrollbar.

Each cell of the ruler stands for a slice of the layout; it takes the colour of
the most important change in that slice, and the slice on screen is shaded, so
a long article shows at a glance where to look. A click jumps there.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.app.layout import Layout
from tui.app.widgets.styles import blended_style

_PRIORITY = {"modified": 6, "moved": 5, "split": 5, "merged": 5, "inserted": 4, "deleted": 4, "formatting": 1}
_TONE = {"merged": "split"}


class OverviewRuler(Widget):
    """A narrow column mapping the whole document onto the pane's height."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview-ruler--view",
        "overview-ruler--modified",
        "overview-ruler--inserted",
        "overview-ruler--deleted",
        "overview-ruler--moved",
        "overview-ruler--split",
        "overview-ruler--formatting",
        "overview-ruler--boilerplate",
    }

    DEFAULT_CSS = """
    OverviewRuler {
        width: 2;
        height: 1fr;
        background: $panel;
        & > .overview-ruler--view { background: $foreground 18%; }
        & > .overview-ruler--modified { color: $warning; }
        & > .overview-ruler--inserted { color: $success; }
        & > .overview-ruler--deleted { color: $error; }
        & > .overview-ruler--moved { color: $primary; }
        & > .overview-ruler--split { color: $secondary; }
        & > .overview-ruler--formatting { color: $foreground 30%; }
        & > .overview-ruler--boilerplate { color: $foreground 20%; }
    }
    """

    class Jump(Message):
        """The user clicked the ruler: show the document at ``fraction`` of its height."""

        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty; :meth:`update_layout` fills the ruler."""
        super().__init__(id=id)
        self.tooltip = "Where the changes are; click to jump"
        self._layout: Layout | None = None
        self._view = (0, 0)
        self._cells: list[str | None] = []
        self._styles: dict[str, Style] = {}

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = blended_style(self, f"overview-ruler--{name}")
        return style

    def notify_style_update(self) -> None:
        """Forget cached colours when the theme changes."""
        super().notify_style_update()
        self._styles.clear()

    def update_layout(self, layout: Layout | None) -> None:
        """Recompute which change colours each cell."""
        self._layout = layout
        self._cells = []
        self.refresh()

    def update_view(self, top: int, height: int) -> None:
        """Shade the part of the document that is on screen."""
        if (top, height) != self._view:
            self._view = (top, height)
            self.refresh()

    def _compute_cells(self, cells: int) -> list[str | None]:
        layout = self._layout
        out: list[str | None] = [None] * cells
        if layout is None or layout.height == 0 or cells == 0:
            return out
        priority = [0] * cells
        scale = cells / layout.height
        for entry in layout.entries:
            if entry.kind != "row" or entry.op == "equal":
                continue
            tone = "boilerplate" if entry.lane == "boilerplate" else _TONE.get(entry.op, entry.op)
            rank = 0 if entry.lane == "boilerplate" else _PRIORITY.get(entry.op, 0)
            first = min(cells - 1, int(entry.y * scale))
            last = min(cells - 1, int((entry.y + entry.height - 1) * scale))
            for cell in range(first, last + 1):
                if rank >= priority[cell] or out[cell] is None:
                    out[cell] = tone
                    priority[cell] = rank
        return out

    def render_line(self, y: int) -> Strip:
        """Draw one cell of the ruler."""
        width = self.size.width
        height = self.size.height
        if len(self._cells) != height:
            self._cells = self._compute_cells(height)
        base = self._styles.get("")
        if base is None:  # the widget's own style, asked once per theme rather than once per cell
            base = self._styles[""] = self.rich_style
        layout = self._layout
        style = base
        if layout is not None and layout.height:
            scale = height / layout.height
            top, view = self._view
            first = int(top * scale)
            last = int((top + max(1, view) - 1) * scale)
            if first <= y <= last:
                style = base + self._style("view")
        tone = self._cells[y] if y < len(self._cells) else None
        if tone is None:
            return Strip([Segment(" " * width, style)], width)
        mark = self._style(tone)
        return Strip([Segment("▐" * width, style + Style(color=mark.color))], width)

    def on_resize(self, event: events.Resize) -> None:
        """Recompute the cells for the new height."""
        self._cells = []

    def on_click(self, event: events.Click) -> None:
        """Jump to the clicked place."""
        height = max(1, self.size.height)
        self.post_message(self.Jump(min(1.0, max(0.0, (event.y + 0.5) / height))))
