"""Word wrapping of styled pieces for the text report and ``--print``.

``textwrap`` counts escape codes and markers as text; this wraps the plain
words first (with the viewer's wrapper) and styles them after.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from tui.wrap import wrap

Chunk = tuple[str, str]
"""A run of text and the name of its style ("" for none)."""


def wrap_chunks(chunks: Sequence[Chunk], width: int | None) -> list[list[Chunk]]:
    """Break ``chunks`` into lines of at most ``width`` cells (one line when ``width`` is None).

    The line breaks are the viewer's (:func:`tui.wrap.wrap`, at spaces, a word
    wider than the line folded); the styles are then cut at those breaks, so
    coloured and plain output break at the same places. Neighbouring pieces of
    one style are joined, so each line has few chunks.
    """
    if not width or width < 8:
        return [_merge(list(chunks))]
    text = "".join(piece for piece, _ in chunks)
    starts: list[int] = []
    position = 0
    for piece, _ in chunks:
        starts.append(position)
        position += len(piece)
    lines: list[list[Chunk]] = []
    for line_start, line_end in wrap(text, width):
        line: list[Chunk] = []
        index = max(0, bisect_right(starts, line_start) - 1)
        while index < len(chunks) and starts[index] < line_end:
            piece, style = chunks[index]
            lo = max(line_start, starts[index]) - starts[index]
            hi = min(line_end, starts[index] + len(piece)) - starts[index]
            if hi > lo:
                line.append((piece[lo:hi], style))
            index += 1
        lines.append(_merge(line))
    return lines or [[]]


def _merge(line: list[Chunk]) -> list[Chunk]:
    """Join neighbouring chunks of one style: fewer pieces for the terminal to draw."""
    out: list[Chunk] = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out
