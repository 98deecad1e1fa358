"""One side of the diff (or the whole unified view), drawn line by line with the Line API.

A pane holds no widgets per paragraph: ``render_line`` asks the shared
:class:`~tui.app.layout.Layout` what sits on a screen line and turns it into a
strip, cached in an LRU cache, so the cost follows the visible lines and not the
document. Two panes mirror each other's vertical scroll, and both get their row
heights from the same layout, so rows start level on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.app.layout import Entry, Layout, Panel
from tui.app.widgets.styles import blended_style

MatchKey = tuple[int, int, int]
"""Where search matches sit: ``(entry, column, panel)``."""


@dataclass(slots=True)
class ViewState:
    """What both panes draw from: the layout, the current change and the search matches."""

    layout: Layout | None = None
    """The shared layout, or None before the first width is known."""
    cursor: int | None = None
    """Entry index of the current change, marked in the gutter."""
    matches: dict[MatchKey, list[tuple[int, int]]] = field(default_factory=dict)
    """Search match ranges per panel."""
    current_match: tuple[int, int, int, int] | None = None
    """The selected match as ``(entry, column, panel, start)``."""


_TONES: tuple[str, ...] = ("equal", "formatting", "modified", "inserted", "deleted", "moved", "split")
_TONES += ("boilerplate", "metadata", "note", "fold")
_HATCH = "╱"


class DiffColours(Widget):
    """The panes' colours, as component classes of one hidden widget that both panes read.

    Textual recomputes a widget's component classes whenever its own style changes: on
    the panes, that was every pane at every focus change, twice 36 classes, a sixth of
    the time to the first screen. Here they are computed when the theme or the palette
    changes, once for both panes. The rules match ``DiffColours > .diff-pane--*``
    (``palette.tcss`` gives other colour systems theirs).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-pane--gutter",
        "diff-pane--cursor",
        "diff-pane--filler",
        "diff-pane--dim",
        "diff-pane--emphasis",
        "diff-pane--insert-word",
        "diff-pane--delete-word",
        "diff-pane--typo-word",
        "diff-pane--badge",
        "diff-pane--badge-moved",
        "diff-pane--badge-metadata",
        "diff-pane--badge-formatting",
        "diff-pane--match",
        "diff-pane--match-current",
        *(f"diff-pane--{tone}" for tone in _TONES),
        *(f"diff-pane--marker-{tone}" for tone in _TONES),
    }

    DEFAULT_CSS = """
    DiffColours {
        display: none;
        & > .diff-pane--gutter { color: $foreground 55%; }
        & > .diff-pane--cursor { background: $accent 70%; text-style: bold; }
        & > .diff-pane--filler { color: $foreground 10%; }
        & > .diff-pane--dim { color: $foreground 55%; }
        & > .diff-pane--emphasis { text-style: bold; }
        & > .diff-pane--equal { }
        & > .diff-pane--formatting { }
        & > .diff-pane--modified { background: $warning 7%; }
        & > .diff-pane--inserted { background: $success 14%; }
        & > .diff-pane--deleted { background: $error 14%; }
        & > .diff-pane--moved { background: $primary 14%; }
        & > .diff-pane--split { background: $secondary 10%; }
        & > .diff-pane--boilerplate { }
        & > .diff-pane--metadata { color: $text-muted; text-style: italic; }
        & > .diff-pane--note { color: $text-primary; text-style: italic; }
        & > .diff-pane--fold { color: $foreground 55%; background: $boost; text-style: italic; }
        & > .diff-pane--marker-equal { color: $foreground 55%; }
        & > .diff-pane--marker-formatting { color: $foreground 55%; }
        & > .diff-pane--marker-modified { color: $text-warning; text-style: bold; }
        & > .diff-pane--marker-inserted { color: $text-success; text-style: bold; }
        & > .diff-pane--marker-deleted { color: $text-error; text-style: bold; }
        & > .diff-pane--marker-moved { color: $text-primary; text-style: bold; }
        & > .diff-pane--marker-split { color: $text-secondary; text-style: bold; }
        & > .diff-pane--marker-boilerplate { color: $foreground 40%; }
        & > .diff-pane--marker-metadata { color: $text-muted; }
        & > .diff-pane--marker-note { color: $text-primary; }
        & > .diff-pane--marker-fold { color: $foreground 55%; }
        & > .diff-pane--insert-word { background: $success 45%; text-style: underline; }
        & > .diff-pane--delete-word { background: $error 45%; text-style: strike; }
        & > .diff-pane--typo-word { text-style: underline; color: $text-warning; }
        & > .diff-pane--badge { background: $panel; color: $foreground 55%; text-style: italic; }
        & > .diff-pane--badge-moved { background: $primary 55%; text-style: bold; }
        & > .diff-pane--badge-metadata { background: $secondary 45%; }
        & > .diff-pane--badge-formatting { background: $panel; color: $text-warning; }
        & > .diff-pane--match { background: $warning 50%; }
        & > .diff-pane--match-current { background: $warning; color: $background; text-style: bold; }
    }
    """


class DiffPane(ScrollView, can_focus=True):
    """A scrolling view of one column of the layout."""

    DEFAULT_CSS = """
    DiffPane {
        background: $surface;
        scrollbar-gutter: stable;
        overflow-x: hidden;
        overflow-y: scroll;
        width: 1fr;
        height: 1fr;
    }
    DiffPane:focus { background-tint: $foreground 3%; }
    """

    class Scrolled(Message):
        """The pane's vertical position changed (status line and ruler follow it)."""

        def __init__(self, pane: DiffPane) -> None:
            super().__init__()
            self.pane = pane

    class WidthChanged(Message):
        """The pane's width changed, so the layout must be recomputed."""

        def __init__(self, pane: DiffPane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, state: ViewState, column: int, colours: DiffColours, *, id: str | None = None) -> None:
        """Draw ``column`` of the layout held in ``state`` in the ``colours`` both panes share."""
        super().__init__(id=id)
        self.state = state
        """The shared layout and marks."""
        self.colours = colours
        """Where the component styles come from (blended over this pane's own background)."""
        self.column = column
        """Which column of the layout this pane draws."""
        self.partner: DiffPane | None = None
        """The pane that scrolls with this one."""
        self._mirroring = False
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}
        self._last_width = -1

    # -- content -------------------------------------------------------------------------

    @property
    def text_region_width(self) -> int:
        """Cells available for the gutter and text (the scrollbar gutter excluded)."""
        return self.scrollable_content_region.width

    def layout_changed(self) -> None:
        """Take a new layout from the shared state: new height, fresh strips."""
        layout = self.state.layout
        self._strips.clear()
        height = layout.height if layout is not None else 0
        self.virtual_size = Size(self.text_region_width, height)
        self.refresh()

    def marks_changed(self) -> None:
        """Redraw after the cursor or the search matches changed."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """Forget cached colours when the theme or CSS changes."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def on_resize(self, event: events.Resize) -> None:
        """Ask for a new layout when the width changes."""
        width = self.text_region_width
        if width != self._last_width:
            self._last_width = width
            self.post_message(self.WidthChanged(self))

    # -- scrolling -----------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Move the partner pane to the same line and tell the screen."""
        super().watch_scroll_y(old_value, new_value)
        partner = self.partner
        if partner is not None and not self._mirroring and partner.display:
            partner._mirroring = True
            try:
                partner.scroll_target_y = new_value
                partner.scroll_y = new_value
            finally:
                partner._mirroring = False
        if round(old_value) != round(new_value) and not self._mirroring:
            self.post_message(self.Scrolled(self))

    # -- drawing -------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """Return the Rich style of a component class, translucent colours blended over the pane."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = blended_style(self, f"diff-pane--{name}", self.colours)
        return style

    def render_line(self, y: int) -> Strip:
        """Return screen line ``y`` of the pane."""
        _scroll_x, scroll_y = self.scroll_offset
        width = self.text_region_width
        line = scroll_y + y
        key = (line, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_document_line(line, width)
            self._strips[key] = strip
        return strip.apply_offsets(0, line)

    def _render_document_line(self, y: int, width: int) -> Strip:
        base = self._styles.get("")
        if base is None:
            base = self._styles[""] = self.rich_style
        layout = self.state.layout
        if layout is None or y >= layout.height or width <= 0:
            return Strip.blank(width, base)
        entry_index, panel_index, line_index = layout.locate(y, self.column)
        entry = layout.entries[entry_index]
        gutter = layout.number_width + 4
        column = entry.columns[self.column] if self.column < len(entry.columns) else ()
        if not column:
            segments = [
                Segment(" " * gutter, base),
                Segment(_HATCH * max(0, width - gutter), base + self._style("filler")),
            ]
            return Strip(segments).adjust_cell_length(width, base)
        if panel_index < 0:
            return Strip.blank(width, base)
        panel = column[panel_index]
        segments = self._gutter(entry, entry_index, panel, line_index, layout.number_width, base)
        segments.extend(self._text(entry, entry_index, panel_index, panel, line_index, base))
        return Strip(segments).adjust_cell_length(width, base + self._style(panel.tone))

    def _gutter(
        self, entry: Entry, entry_index: int, panel: Panel, line_index: int, digits: int, base: Style
    ) -> list[Segment]:
        number = panel.numbers.get(line_index)
        number_text = f" {number:>{digits}} " if number is not None else " " * (digits + 2)
        is_cursor = self.state.cursor == entry_index
        number_style = base + self._style("cursor" if is_cursor else "gutter")
        if is_cursor and line_index == 0 and number is None:
            number_text = " " + "▶".rjust(digits) + " "
        marker = panel.marker
        if panel.bracket:
            last = line_index == panel.height - 1
            marker = "┌" if line_index == 0 else ("└" if last else "│")
            marker_style = base + self._style("marker-split")
        else:
            if line_index > 0 and marker.strip():
                marker = "▏"
            marker_style = base + self._style(f"marker-{panel.tone}")
        if entry.dim:
            marker_style += self._style("dim")
        return [Segment(number_text, number_style), Segment(marker, marker_style), Segment(" ", base)]

    def _text(
        self, entry: Entry, entry_index: int, panel_index: int, panel: Panel, line_index: int, base: Style
    ) -> list[Segment]:
        start, end = panel.lines[line_index]
        text = panel.text
        line_style = base + self._style(panel.tone)
        if entry.emphasis:
            line_style += self._style("emphasis")
        if entry.dim:
            line_style += self._style("dim")
        # Cut points: run edges and match edges inside [start, end).
        runs = [(s, e, self._style(name)) for s, e, name in panel.runs if s < end and e > start]
        matches = self.state.matches.get((entry_index, self.column, panel_index), ())
        current = self.state.current_match
        for s, e in matches:
            if s < end and e > start:
                is_current = current is not None and current == (entry_index, self.column, panel_index, s)
                runs.append((s, e, self._style("match-current" if is_current else "match")))
        if not runs:
            return [Segment(text[start:end], line_style)]
        cuts = {start, end}
        for s, e, _style in runs:
            cuts.add(max(start, s))
            cuts.add(min(end, e))
        points = sorted(cuts)
        segments: list[Segment] = []
        for a, b in pairwise(points):
            style = line_style
            for s, e, run_style in runs:
                if s <= a and e >= b:
                    style = style + run_style
            segments.append(Segment(text[a:b], style))
        return segments

    def entry_at_top(self) -> int:
        """Return the entry index at the top of the view."""
        layout = self.state.layout
        return layout.entry_at(round(self.scroll_y)) if layout is not None else -1


__all__ = ["DiffColours", "DiffPane", "ViewState"]
