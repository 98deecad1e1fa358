"""Greedy word wrapping of styled pieces, measured by what is visible.

``textwrap`` counts escape codes and markers as text; this wraps the words
first and styles them after, so coloured and plain output break at the same
places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rich.cells import cell_len

Chunk = tuple[str, str]
"""A run of text and the name of its style ("" for none)."""


#: Characters one terminal cell wide: printable Latin, Greek, Cyrillic, typographic
#: punctuation (curly quotes, dashes, ellipsis) and the control pictures.
_NARROW = frozenset(
    chr(c)
    for lo, hi in (
        (0x20, 0x7E),
        (0xA0, 0xAC),
        (0xAE, 0x2FF),
        (0x370, 0x482),
        (0x2010, 0x2027),
        (0x2030, 0x205E),
        (0x2400, 0x2426),
    )
    for c in range(lo, hi + 1)
)


@cache
def _line_re(width: int) -> re.Pattern[str]:
    """The longest run of at most ``width`` characters that ends before a space or the end."""
    return re.compile(rf".{{1,{width}}}(?= |$)")


def _wrap_narrow(text: str, style: str, width: int) -> list[list[Chunk]]:
    """Wrap one run of one-cell characters with a regular expression: the common case, made fast."""
    rx = _line_re(width)
    lines: list[list[Chunk]] = []
    pos, end = 0, len(text)
    while pos < end:
        if text[pos] == " ":
            pos += 1
            continue
        match = rx.match(text, pos)
        if match:
            lines.append([(match.group().rstrip(" "), style)])
            pos = match.end()
        else:
            lines.append([(text[pos : pos + width], style)])
            pos += width
    return lines or [[]]


def wrap_chunks(chunks: Sequence[Chunk], width: int | None) -> list[list[Chunk]]:
    """Break ``chunks`` into lines of at most ``width`` cells (one line when ``width`` is None).

    Words are separated by spaces (article text has its white space collapsed
    and its control characters made visible before it gets here). Spaces at a
    break are dropped; a word longer than the line is folded across lines.
    Neighbouring pieces of one style are joined, so each line has few chunks.
    """
    if not width or width < 8:
        return [_merge(list(chunks))]
    if len(chunks) == 1 and _NARROW.issuperset(chunks[0][0]):
        return _wrap_narrow(chunks[0][0], chunks[0][1], width)
    lines: list[list[Chunk]] = []
    line: list[Chunk] = []
    used = 0
    spaces = 0
    space_style = ""

    def add(text: str, style: str) -> None:
        if line and line[-1][1] == style:
            line[-1] = (line[-1][0] + text, style)
        else:
            line.append((text, style))

    for text, style in chunks:
        for k, word in enumerate(text.split(" ")):
            if k:
                if not spaces:
                    space_style = style
                spaces += 1
            if not word:
                continue
            size = len(word) if word.isascii() else cell_len(word)
            gap = spaces if used else 0
            spaces = 0
            if used and used + gap + size > width:
                lines.append(line)
                line, used, gap = [], 0, 0
            if gap:
                add(" " * gap, space_style)
                used += gap
            while size > width - used:
                # A word longer than the line (a URL) is folded, so no line overflows.
                head, word = _fold(word, width - used)
                add(head, style)
                lines.append(line)
                line, used = [], 0
                size = len(word) if word.isascii() else cell_len(word)
            if word:
                add(word, style)
                used += size
    lines.append(line)
    return lines


def _fold(word: str, width: int) -> tuple[str, str]:
    """Split ``word`` into a head of at most ``width`` cells and the rest."""
    if word.isascii():
        return word[:width], word[width:]
    used = 0
    for i, ch in enumerate(word):
        used += cell_len(ch)
        if used > width:
            return word[: max(1, i)], word[max(1, i) :]
    return word, ""


def _merge(line: list[Chunk]) -> list[Chunk]:
    """Join neighbouring chunks of one style: fewer pieces for the terminal to draw."""
    out: list[Chunk] = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out
