"""Turn a component class into a Rich style, with translucent theme colours blended in.

``get_component_rich_style(partial=True)`` drops the alpha of colours such as
``$success 14%``; the panes and the ruler need the blended colour instead, so
that a tint reads as a tint on every theme.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def blended_style(widget: Widget, component: str, source: Widget | None = None) -> Style:
    """Return ``component``'s style (of ``source``, else of ``widget``) with its colours blended over ``widget``'s
    background."""
    styles = (source or widget).get_component_styles(component)
    base = widget.background_colors[1]
    background = base + styles.background if styles.has_rule("background") else None
    over = background or base
    color = None
    if styles.has_rule("color"):
        wanted = styles.color
        # "auto" colours (as in $text-muted on some themes) mean: readable against what is behind.
        color = over.get_contrast_text(wanted.a) if wanted.auto else over + wanted
    return (
        Style(
            color=color.rich_color if color is not None else None,
            bgcolor=background.rich_color if background is not None else None,
        )
        + styles.text_style
    )
