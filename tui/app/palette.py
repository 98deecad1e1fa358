"""Colours per colour system: truecolor, 256 colours, 16 colours and none.

Theme colours blended at a few percent over a dark surface (``$warning 7%``)
read as tints in truecolor, but a 256-colour terminal (tmux without
COLORTERM, macOS Terminal.app) rounds each to its nearest palette entry: an
edited paragraph turned black on one side and saturated red on the other, and
added boilerplate took the green of real additions. So the viewer picks a
palette per colour system (``palette.tcss``): colours that are exact palette
entries in 256 colours, the terminal's own ANSI colours in 16, and only bold,
italic, dim, strike-through, underline and reverse with none. Meaning never
rests on colour alone: every row has its gutter marker (+ - ~ » ├ ≈), removed
words are struck through and added words underlined.

:class:`Downgrade` shows on a truecolor screenshot what a smaller palette
would draw, for the SVG snapshots of each palette.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter, Monochrome

Palette = Literal["truecolor", "256", "16", "none"]
PALETTES: tuple[Palette, ...] = ("truecolor", "256", "16", "none")

_SYSTEMS = {"256": ColorSystem.EIGHT_BIT, "16": ColorSystem.STANDARD}


def detect(app: App[Any]) -> Palette:
    """The palette for the terminal the app draws on (NO_COLOR means none)."""
    if app.no_color:
        return "none"
    system = app.console.color_system
    if system == "truecolor":
        return "truecolor"
    if system == "256":
        return "256"
    if system in ("standard", "windows"):
        return "16"
    return "none" if system is None else "truecolor"


class Downgrade(LineFilter):
    """Round every colour to what a 256- or 16-colour terminal would show (for screenshots)."""

    def __init__(self, palette: Palette) -> None:
        super().__init__(enabled=palette in _SYSTEMS)
        self.system = _SYSTEMS.get(palette, ColorSystem.TRUECOLOR)

    @lru_cache(1024)  # noqa: B019 - one filter per app, a handful of styles
    def _style(self, style: Style) -> Style:
        def down(color: RichColor | None, foreground: bool) -> RichColor | None:
            if color is None or color.is_default:
                return color
            rounded = color.downgrade(self.system)
            return RichColor.from_triplet(rounded.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=foreground))

        return style + Style.from_color(down(style.color, True), down(style.bgcolor, False))

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """Round the colours of ``segments``."""
        return [Segment(text, None if style is None else self._style(style), None) for text, style, _ in segments]


def use_palette(app: App[Any], palette: Palette | None = None) -> Palette:
    """Give ``app`` the class of its palette (``-colors-256``...); an explicit ``palette`` is also simulated.

    Returns:
        The palette in use.
    """
    chosen = palette or detect(app)
    for name in PALETTES:
        app.set_class(name == chosen, f"-colors-{name}")
    if chosen == "16":
        # Send the palette's ANSI colours as they are: converted to RGB first, a terminal would round them anew.
        app.ansi_color = True
    if palette is not None:
        filters = app._filters  # the app's own line filters: the one hook for what reaches the screen
        if palette in _SYSTEMS:
            filters.append(Downgrade(palette))
        elif palette == "none" and not any(isinstance(f, Monochrome) for f in filters):
            filters.append(Monochrome())
    return chosen
