"""Greedy word wrapping of styled pieces, measured by what is visible.

``textwrap`` counts escape codes and markers as text; this wraps the words
first and styles them after, so coloured and plain output break at the same
places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len

_WORD_RE = re.compile(r"\S+|\s+")

Chunk = tuple[str, str]
"""A run of text and the name of its style ("" for none)."""


def wrap_chunks(chunks: Sequence[Chunk], width: int | None) -> list[list[Chunk]]:
    """Break ``chunks`` into lines of at most ``width`` cells (one line when ``width`` is None).

    White space at a break is dropped; a word longer than the line stands alone.
    """
    if not width or width < 8:
        return [list(chunks)]
    lines: list[list[Chunk]] = [[]]
    used = 0
    for text, style in chunks:
        for word in _WORD_RE.findall(text):
            size = cell_len(word)
            if word.isspace():
                if used and used + size < width:
                    lines[-1].append((word, style))
                    used += size
                elif used:
                    lines.append([])
                    used = 0
                continue
            if used and used + size > width:
                while lines[-1] and lines[-1][-1][0].isspace():
                    lines[-1].pop()
                lines.append([])
                used = 0
            lines[-1].append((word, style))
            used += size
    return lines
