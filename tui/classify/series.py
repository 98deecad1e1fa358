"""Series: a line in one version only, shaped like the article's own list lines around it, is one more item.

An update adds "1. Ditch the diet" above "2. Avoid skipping meals", a tour date
above the others, one more "A: ..." answer to an interview. On its own such a
line is short and in one version only, which is how furniture looks; beside
lines of the same shape that both versions hold as article text, it is the
article's list growing, and a stealth edit a reader must see.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from tui.classify.signals import Evidence, Facts
from tui.model import Block

#: How far (in blocks) a line's fellow items may stand: a listicle's numbered subheads have paragraphs between.
SERIES_REACH = 12
#: Being a member of the article's own series takes back what being in one version only gave.
SERIES_WEIGHT = 1.0
#: How many of a line's first tokens make its shape.
SHAPE_TOKENS = 3

_TOKEN_RE = re.compile(r"\w+|[^\w\s]+")
#: What may follow a list item's first word: a number ("June 14") or a label's mark ("A:", "Ukraine (").
_LABEL_MARKS = frozenset(("9", "9a", ":", "(", "-", "--", "\u2013", "\u2014", "|", "/", ")"))


def line_shape(plain: str) -> tuple[str, ...] | None:
    """The shape of a line's start: "1. Ditch the diet" and "2. Avoid skipping meals" share ``('9', '.', 'a')``.

    Words count as words, numbers as numbers, punctuation as itself. A list marks its items at once: a
    number first, or a word and then a number or a label's mark ("June 14", "A:", "Ukraine (Group B)").
    A start of words ("Prisons plagued by"), or of a word and a comma ("Michael Conroy, AP", "However,
    the ...") has no shape: any two headlines, or a credit and a sentence, would share it.
    """
    shape = tuple(_token_class(token) for token in _TOKEN_RE.findall(plain[:60])[:SHAPE_TOKENS])
    if len(shape) < 2 or (shape[0] == "a" and shape[1] not in _LABEL_MARKS):
        return None
    return shape


@lru_cache(maxsize=1024)
def _token_class(token: str) -> str:
    if token.isdigit():
        return "9"
    if any(ch.isdigit() for ch in token):
        return "9a"
    if token[0].isalnum() or token[0] == "_":
        return "a"
    return token


def series_evidence(
    blocks: Sequence[Block], facts: Sequence[Facts], lone: Sequence[int], anchors: Sequence[bool]
) -> None:
    """Pull towards body each lone line whose nearest fellow of the same shape is article text in both versions.

    Both must be lines, not prose: sentences share starts by chance.

    Args:
        blocks: The version's blocks.
        facts: Their facts, to which the evidence is added.
        lone: The blocks found in this version only.
        anchors: Per block, whether both versions hold it as article text.
    """
    shapes: dict[int, tuple[str, ...] | None] = {}

    def shape_at(index: int) -> tuple[str, ...] | None:
        if index not in shapes:
            shapes[index] = line_shape(blocks[index].plain) if facts[index].count else None
        return shapes[index]

    for index in lone:
        shape = shape_at(index)
        if shape is None:
            continue
        fellow = _nearest_fellow(index, shape, len(blocks), shape_at)
        if fellow is not None and anchors[fellow] and not facts[fellow].prose and not facts[index].prose:
            facts[index].add(_member(blocks[fellow].plain))


def _nearest_fellow(
    index: int, shape: tuple[str, ...], size: int, shape_at: Callable[[int], tuple[str, ...] | None]
) -> int | None:
    for distance in range(1, SERIES_REACH + 1):
        for candidate in (index - distance, index + distance):
            if 0 <= candidate < size and shape_at(candidate) == shape:
                return candidate
    return None


def _member(fellow: str) -> Evidence:
    shown = fellow if len(fellow) <= 40 else fellow[:39].rstrip() + "\u2026"
    return Evidence(-SERIES_WEIGHT, None, f"shaped like the article's own line '{shown}'")
