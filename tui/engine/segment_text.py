"""Plain text into blocks, in any of its three conventions, even mixed in one file.

Blank lines always end a paragraph. Inside a run of lines, a line break is a
soft wrap (the lines are one paragraph) only when the line was long enough that
the next word would not have fitted: that is how hard-wrapped text at ~72
columns is told from one-paragraph-per-line text.
"""

from __future__ import annotations

import re

from tui.engine.normalize import collapse_space
from tui.model import Block

#: Lines longer than this are not hard-wrapped: they are whole paragraphs.
MAX_WRAP_WIDTH = 100
#: Text wrapped narrower than this is not prose wrapped by an editor.
MIN_WRAP_WIDTH = 40
_LIST_RE = re.compile(r"^\s*(?:[-*\u2022+]|\d+[.)])\s+")
_FIRST_WORD_RE = re.compile(r"\S+")


def _wrap_width(lines: list[str]) -> int:
    """Estimate the column text was wrapped at: the longest line up to the limit, or 0."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return 0
    wrapped = [n for n in lengths if n <= MAX_WRAP_WIDTH]
    if len(wrapped) < 0.5 * len(lengths) or len(wrapped) < 3:
        return 0
    width = wrapped[-1]
    # Wrapped text fills most of its lines to near the width; nobody wraps at 20 columns.
    full = sum(1 for n in wrapped if n >= 0.75 * width)
    if width < MIN_WRAP_WIDTH or full < 3 or full < 0.4 * len(wrapped):
        return 0
    return width


def _is_soft_break(line: str, following: str, width: int) -> bool:
    """True when ``line`` ends where a wrapping editor would have broken it."""
    if width == 0 or len(line.rstrip()) > MAX_WRAP_WIDTH or _LIST_RE.match(following):
        return False
    word = _FIRST_WORD_RE.search(following)
    next_word = len(word.group()) if word else 0
    return len(line.rstrip()) + 1 + next_word > width - 1 and len(line.rstrip()) >= 0.6 * width


def segment_text(text: str) -> tuple[tuple[Block, ...], str]:
    """Split plain text into paragraph blocks.

    Returns:
        The blocks (each ``text`` an exact slice of ``text``, each ``prefix`` the
        separator before it) and the trailer after the last block.
    """
    lines = text.split("\n")
    width = _wrap_width(lines)
    blocks: list[Block] = []
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    cursor = 0  # end of the previous block in ``text``
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() and _is_soft_break(lines[j], lines[j + 1], width):
            j += 1
        start, end = offsets[i], offsets[j] + len(lines[j])
        source = text[start:end]
        plain = collapse_space(source)
        blocks.append(Block(id=len(blocks), kind="paragraph", text=source, plain=plain, prefix=text[cursor:start]))
        cursor = end
        i = j + 1
    return tuple(blocks), text[cursor:]
