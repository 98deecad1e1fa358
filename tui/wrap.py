"""Word wrapping by terminal cells, as offsets into the text.

The layout needs the height of every row before anything is drawn, for tens of
thousands of paragraphs, so wrapping must be cheap: it returns line boundaries
(never copies of the text), breaks at spaces and only cuts a word that is wider
than the whole line. ASCII text takes a fast path built on ``str.rfind``.
"""

from __future__ import annotations

import re

from rich.cells import get_character_cell_size

_NARROW = re.compile(
    "[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u214f\n]*"
)
"""Characters one cell wide everywhere: Latin, Greek, Cyrillic, common punctuation (no combining marks)."""

Line = tuple[int, int]
"""A line as ``(start, end)`` offsets into the wrapped text, end exclusive."""


def _wrap_ascii(text: str, start: int, end: int, width: int, out: list[Line]) -> None:
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            space = text.find(" ", start, start + width + 1)
            if space == start:  # leading spaces: skip them rather than emit an empty line
                start += 1
                continue
            out.append((start, start + width))
            start += width
        else:
            out.append((start, cut))
            start = cut + 1
    out.append((start, end))


def _wrap_cells(text: str, start: int, end: int, width: int, out: list[Line]) -> None:
    line_start = start
    cells = 0
    last_space = -1
    index = start
    while index < end:
        char = text[index]
        size = get_character_cell_size(char)
        if char == " ":
            last_space = index
        if cells + size > width and index > line_start:
            if last_space > line_start:
                out.append((line_start, last_space))
                line_start = last_space + 1
                index = line_start
            else:
                out.append((line_start, index))
                line_start = index
            cells = 0
            last_space = -1
            continue
        cells += size
        index += 1
    out.append((line_start, end))


def wrap(text: str, width: int) -> list[Line]:
    """Return the lines of ``text`` wrapped to ``width`` cells; ``"\\n"`` forces a break.

    Always returns at least one line, so an empty text still takes a row.
    """
    width = max(1, width)
    # One cell per character (ASCII, most Latin, Cyrillic and Greek text) allows the fast path.
    fits = _wrap_ascii if text.isascii() or _NARROW.fullmatch(text) else _wrap_cells
    out: list[Line] = []
    start = 0
    while True:
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        fits(text, start, end, width, out)
        if newline < 0:
            return out
        start = newline + 1
