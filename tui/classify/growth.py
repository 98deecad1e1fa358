"""Growth: short lines in one version only that are the article growing, not furniture coming and going.

On its own a short line in one version only looks like furniture: a teaser, a
menu entry, a label. Two kinds are the article's own, and stealth edits a reader
must see:

- one more item of the article's list: an update adds "1. Ditch the diet" above
  "2. Avoid skipping meals", a tour date above the others, one more "A: ..."
  answer, each shaped like lines both versions hold as article text;
- the heading of a new section: a short line over a new paragraph of prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from tui.classify.signals import Evidence, Facts
from tui.model import Block

#: How far (in blocks) a line's fellow items may stand: a listicle's numbered subheads have paragraphs between.
SERIES_REACH = 12
#: Being the article growing takes back what being in one version only gave.
GROWTH_WEIGHT = 1.0
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


def growth_evidence(
    blocks: Sequence[Block],
    facts: Sequence[Facts],
    lone: Sequence[int],
    anchors: Sequence[bool],
    absent: Sequence[bool],
) -> list[tuple[int, Evidence]]:
    """The pull towards body of the lone lines that are a new item of the article's list or a new section's heading.

    Args:
        blocks: The version's blocks.
        facts: Their facts.
        lone: The blocks that being in this version only pushed towards boilerplate.
        anchors: Per block, whether both versions hold it as article text.
        absent: Per block, whether the other version lacks its words.
    """
    found = [
        (index, _HEADING) for index in lone if _heads_new_prose(index, blocks[index].plain, facts, absent, anchors)
    ]
    return found + _series(blocks, facts, lone, anchors)


#: A new section's heading is words, at least this many and at most that many ("[+] Enlarge" over a caption is
#: a control); its paragraph is at least this many words.
HEADING_MIN_WORDS = 2
HEADING_MAX_WORDS = 12
NEW_PARAGRAPH_MIN_WORDS = 15
#: How many blocks a new section may run to before the article's shared text resumes.
SECTION_REACH = 12
_HEADING = Evidence(-GROWTH_WEIGHT, None, "heads the new paragraph below it")


def _heads_new_prose(
    index: int, plain: str, facts: Sequence[Facts], absent: Sequence[bool], anchors: Sequence[bool]
) -> bool:
    """Whether a lone line heads a new section set into the article: new paragraphs between its shared text.

    The line names nothing (no phrase, box or link); the article's text shared by both versions stands just
    above it and again just after the new paragraphs, which read as the article's on their own evidence. An
    author's bio or a teaser's card under its headline stands after the article, not inside it.
    """
    fact = facts[index]
    if (
        fact.count < HEADING_MIN_WORDS
        or not plain[:1].isalnum()
        or fact.sentence
        or fact.hits
        or fact.boxed
        or fact.linked
        or fact.count > HEADING_MAX_WORDS
    ):
        return False
    above = next((k for k in range(index - 1, -1, -1) if facts[k].count), None)
    if above is None or not anchors[above]:
        return False
    new_paragraphs = 0
    for below in range(index + 1, min(len(facts), index + SECTION_REACH)):
        paragraph = facts[below]
        if not paragraph.count:
            continue
        if not absent[below]:
            return new_paragraphs > 0 and anchors[below]
        if not (paragraph.prose and paragraph.count >= NEW_PARAGRAPH_MIN_WORDS and paragraph.score < 0):
            return False
        new_paragraphs += 1
    return False


def _series(
    blocks: Sequence[Block], facts: Sequence[Facts], lone: Sequence[int], anchors: Sequence[bool]
) -> list[tuple[int, Evidence]]:
    """The pull towards body of each lone line whose nearest fellow of the same shape is article text in both versions.

    Both must be lines, not prose: sentences share starts by chance.
    """
    shapes: dict[int, tuple[str, ...] | None] = {}

    def shape_at(index: int) -> tuple[str, ...] | None:
        if index not in shapes:
            shapes[index] = line_shape(blocks[index].plain) if facts[index].count else None
        return shapes[index]

    found: list[tuple[int, Evidence]] = []
    for index in lone:
        shape = shape_at(index)
        if shape is None:
            continue
        fellow = _nearest_fellow(index, shape, len(blocks), shape_at)
        if fellow is not None and anchors[fellow] and not facts[fellow].prose and not facts[index].prose:
            found.append((index, _member(blocks[fellow].plain)))
    return found


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
    return Evidence(-GROWTH_WEIGHT, None, f"shaped like the article's own line '{shown}'")
