"""Teasers: a page's lists and cards of other stories, found by their shape rather than their words.

A list of other stories often sits inside the article's own container (an
"article-body" div holding "More from Space.com" links), where the structure
and an extractor both call it article text and no "Related" heading opens it.
Its shape still gives it away: several headline-shaped links in a row (a few
words each, no full stop, mostly link text). An article's paragraphs are
sentences, and its own link lists rarely run to three headlines.

A grid of cards is harder: each card's summary is a sentence or two, and the
grid may sit inside an ``<article>``. But every card repeats one shape: a
headline link, then the summary, in the same place of the page (the same
enclosing elements) card after card, while the article's own paragraphs
seldom follow a headline link. Both are hints the other version's article
text outweighs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
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

#: In a run of headings, those of at least this many words are headlines (shorter ones are labels: "Polls").
HEADINGS_MIN_WORDS = 4
#: A heading gets no shape evidence of its own: this alone makes it boilerplate.
HEADINGS_WEIGHT = 2.0
#: A card's headline is a link (this share of its text or more) of at least this many words...
CARD_HEAD_LINKED = 0.8
CARD_HEAD_MIN_WORDS = 4
#: ...among the blocks just before the card's summary (this many back: a line of labels may sit between).
CARD_REACH = 2
#: A card's headline and summary each sit in a wrapper of their own this many enclosing words deep (tag,
#: classes and id count one each), under an element they share.
CARD_WRAPPER_MIN = 2
CARD_WRAPPER_MAX = 6
#: A place in the page holds cards when at least this many of its blocks follow a headline link...
CARD_MIN = 3
#: ...and they are at least this share of its blocks (an article's paragraphs rarely follow one).
CARD_SHARE = 0.75
#: Enough to outweigh a summary's sentences and an enclosing <article>.
CARD_WEIGHT = 4.0


@lru_cache(maxsize=64)
def _headings(length: int) -> Evidence:
    return Evidence(HEADINGS_WEIGHT, "related-link", f"one of {length} headings in a row, with no text between")


@lru_cache(maxsize=64)
def _run(length: int) -> Evidence:
    return Evidence(RUN_WEIGHT, "related-link", f"one of {length} headline-like links in a row")


def headline_link(block: Block, fact: Facts) -> bool:
    """A paragraph or list item, mostly link text, shaped as a headline: another story's title."""
    return (
        block.hints is not None
        and block.hints.link_ratio >= LINKED
        and block.kind in ("paragraph", "list-item")
        and not fact.sentence
        and HEADLINE_MIN_WORDS <= fact.count <= HEADLINE_MAX_WORDS
        and block.plain.count(" ") >= HEADLINE_MIN_WORDS - 1  # words, not the parts of a lone URL
    )


def teaser_evidence(blocks: Sequence[Block], facts: Sequence[Facts]) -> list[tuple[int, Evidence]]:
    """The evidence for runs of headline-shaped links and for the summaries of teaser cards, by block index."""
    return [*_runs(blocks, facts), *_cards(blocks, facts)]


def _runs(blocks: Sequence[Block], facts: Sequence[Facts]) -> list[tuple[int, Evidence]]:
    found: list[tuple[int, Evidence]] = []
    for start, end in _stretches(blocks, facts, headline_link):
        if end - start >= RUN_MIN:
            evidence = _run(end - start)
            found.extend((index, evidence) for index in range(start, end))
    # Headings back to back, with no text between them, head nothing: they are other stories' titles.
    for start, end in _stretches(blocks, facts, lambda block, fact: block.kind == "heading"):
        if end - start >= RUN_MIN:
            evidence = _headings(end - start)
            found.extend((index, evidence) for index in range(start, end) if facts[index].count >= HEADINGS_MIN_WORDS)
    return found


def _stretches(
    blocks: Sequence[Block], facts: Sequence[Facts], test: Callable[[Block, Facts], bool]
) -> Iterator[tuple[int, int]]:
    """The maximal runs of consecutive blocks that pass ``test``, as (start, end) index pairs."""
    start = 0
    total = len(blocks)
    while start < total:
        if not test(blocks[start], facts[start]):
            start += 1
            continue
        end = start + 1
        while end < total and test(blocks[end], facts[end]):
            end += 1
        yield start, end
        start = end


@lru_cache(maxsize=64)
def _card(count: int) -> Evidence:
    return Evidence(CARD_WEIGHT, "related-link", f"a teaser card: after a headline link, {count} times in one place")


def _common_tail(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    """How many enclosing words (outermost first) two blocks share."""
    shared = 0
    for a, b in zip(reversed(first), reversed(second), strict=False):
        if a != b:
            break
        shared += 1
    return shared


def _in_one_card(summary: Block, head: Block) -> bool:
    """True when a headline and a summary sit in their own wrappers inside one small shared element.

    A card is ``card > (header > h2) + (div.summary > p)``: each side has a wrapper of its own, a
    few elements deep. An article's paragraph and a link list embedded beside it share only the
    article's container, far above both; a flat list's title and text share everything.
    """
    assert summary.hints is not None and head.hints is not None
    own, theirs = summary.hints.ancestors, head.hints.ancestors
    shared = _common_tail(own, theirs)
    return CARD_WRAPPER_MIN <= len(own) - shared <= CARD_WRAPPER_MAX and (
        CARD_WRAPPER_MIN <= len(theirs) - shared <= CARD_WRAPPER_MAX
    )


def _cards(blocks: Sequence[Block], facts: Sequence[Facts]) -> list[tuple[int, Evidence]]:
    heads = [
        block.hints is not None
        and block.hints.link_ratio >= CARD_HEAD_LINKED
        and fact.count >= CARD_HEAD_MIN_WORDS
        and block.plain.count(" ") >= CARD_HEAD_MIN_WORDS - 1  # words, not the parts of a lone URL
        for block, fact in zip(blocks, facts, strict=True)
    ]
    if sum(heads) < CARD_MIN:
        return []
    places: dict[tuple[str, ...], list[int]] = {}
    followed: dict[tuple[str, ...], list[int]] = {}
    for index, block in enumerate(blocks):
        if block.hints is None or heads[index] or block.kind == "heading":
            continue
        place = block.hints.ancestors
        places.setdefault(place, []).append(index)
        before = range(max(0, index - CARD_REACH), index)
        if any(heads[k] and _in_one_card(block, blocks[k]) for k in before):
            followed.setdefault(place, []).append(index)
    found: list[tuple[int, Evidence]] = []
    for place, members in followed.items():
        if len(members) >= CARD_MIN and len(members) >= CARD_SHARE * len(places[place]):
            evidence = _card(len(members))
            found.extend((index, evidence) for index in members)
    return found
