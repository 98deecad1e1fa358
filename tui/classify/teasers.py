"""Teaser lists: a page's lists of other stories, found by their shape rather than their words.

A list of other stories often sits inside the article's own container (an
"article-body" div holding "More from Space.com" links), where the structure
and an extractor both call it article text and no "Related" heading opens it.
Its shape still gives it away: several headline-shaped links in a row (a few
words each, no full stop, mostly link text). An article's paragraphs are
sentences, and its own link lists rarely run to three headlines. It is a hint,
not a verdict: the other version's article text outweighs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tui.classify.signals import Evidence, Facts
from tui.model import Block

#: A headline of another story: at least this many words...
HEADLINE_MIN_WORDS = 5
#: ...and at most this many, with no sentence end.
HEADLINE_MAX_WORDS = 20
#: In a page, a headline of another story is a link: at least this share of its text is link text.
#: (Plain text and Markdown are left alone: there a run of such lines is as often the article's own list.)
LINKED = 0.5
#: This many headline-shaped links in a row make a list of other stories.
RUN_MIN = 3
#: The run's weight: with a block's own link evidence, enough to outweigh its container's "article-body".
RUN_WEIGHT = 1.6


@lru_cache(maxsize=64)
def _run(length: int) -> Evidence:
    return Evidence(RUN_WEIGHT, "related-link", f"one of {length} headline-like links in a row")


def _headline_link(block: Block, fact: Facts) -> bool:
    return (
        block.hints is not None
        and block.hints.link_ratio >= LINKED
        and block.kind in ("paragraph", "list-item")
        and not fact.sentence
        and HEADLINE_MIN_WORDS <= fact.count <= HEADLINE_MAX_WORDS
    )


def teaser_evidence(blocks: Sequence[Block], facts: Sequence[Facts]) -> None:
    """Add evidence to each block of a run of headline-shaped links."""
    start = 0
    total = len(blocks)
    while start < total:
        if not _headline_link(blocks[start], facts[start]):
            start += 1
            continue
        end = start + 1
        while end < total and _headline_link(blocks[end], facts[end]):
            end += 1
        if end - start >= RUN_MIN:
            evidence = _run(end - start)
            for index in range(start, end):
                facts[index].add(evidence)
        start = end
