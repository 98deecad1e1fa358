"""Regions: runs of boilerplate that belong together and share one category.

A donation appeal is eight paragraphs, most of which say nothing about money
on their own ("We are facing unprecedented challenges..."); a "Related" heading
is followed by a list of headlines. What marks them is the block that opens
them. This module carries an opener's verdict forward to the blocks it governs,
then numbers the runs of boilerplate so short neutral lines inherit from their
neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.classify.signals import Evidence, Facts
from tui.model import Block

#: How many blocks an appeal may run to after its opener, unless a closing phrase ends it first.
PROSE_BUDGET = 10
#: How many lines a list opened by "Related" or "Read more" may run to.
LINKS_BUDGET = 30
#: A list opened by "Related" stops at a block longer than this that reads as prose.
LINKS_MAX_WORDS = 15
#: How much an opener's verdict weighs on the blocks it governs: an appeal's opener outweighs its prose, and a
#: player's button outweighs the full pull of the article container and the extractor (3.0) on its title.
_CARRY = {"prose": 4.0, "links": 3.0, "tail": 3.0, "title": 4.5}
#: The budgets of the regions that do not run to the page's end.
_BUDGETS = {"prose": PROSE_BUDGET, "links": LINKS_BUDGET, "title": 1}


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def carry_openers(
    blocks: Sequence[Block], facts: Sequence[Facts], is_anchor: Sequence[bool], threshold: float
) -> list[tuple[int, Evidence]]:
    """The evidence for blocks governed by an opener such as "A Message from ...:" or "Original url:".

    Nothing is changed: the caller adds the evidence (or, before the other
    version is consulted, only counts it).

    Args:
        blocks: The document's blocks.
        facts: Their measured facts.
        is_anchor: Per block, whether it is article text shared with the other
            version: an open region never swallows one.
        threshold: The score at which a block counts as boilerplate.

    Returns:
        (block index, evidence) for each governed block, in order.
    """
    carried: list[tuple[int, Evidence]] = []
    mode: str | None = None
    category = ""
    opener = ""
    budget = 0
    for index, (block, fact) in enumerate(zip(blocks, facts, strict=True)):
        if mode is not None:
            joins = budget > 0 and not is_anchor[index]
            says_body = any(e.container for e in fact.evidence)
            if mode == "prose":
                joins = joins and block.kind != "heading" and not says_body
            elif mode == "title":
                # A player's "Play Video" is followed by the video's title, wherever the player sits.
                joins = joins and not fact.sentence and fact.count <= LINKS_MAX_WORDS
            else:  # a list of links, or the tail after "Original url:": lines, not prose
                link_heavy = block.hints is not None and block.hints.link_ratio >= 0.5
                joins = joins and (link_heavy or not (fact.prose and fact.count > LINKS_MAX_WORDS)) and not says_body
            if joins:
                carried.append((index, Evidence(_CARRY[mode], category, f"after '{opener}'")))
                budget -= 1
                if mode == "prose" and any(h.rule.closes for h in fact.hits):
                    mode = None
                continue
            mode = None
        if fact.score < threshold:
            continue
        for hit in fact.hits:
            if hit.rule.opens:
                mode, category, opener = hit.rule.opens, hit.rule.category, _clip(block.plain)
                budget = _BUDGETS.get(mode, len(blocks))
                break
    return carried


def number_regions(blocks: list[Block]) -> list[Block]:
    """Give each run of consecutive boilerplate blocks one region id and fill in missing categories.

    A block with no category of its own (a short neutral line such as "Dear
    readers,") takes the category that weighs most in its region.
    """
    result = list(blocks)
    region = -1
    index = 0
    while index < len(result):
        if result[index].role != "boilerplate":
            index += 1
            continue
        end = index
        while end < len(result) and result[end].role == "boilerplate":
            end += 1
        region += 1
        tally: dict[str, float] = {}
        for block in result[index:end]:
            if block.category:
                tally[block.category] = tally.get(block.category, 0.0) + block.confidence
        main = max(tally, key=lambda c: tally[c]) if tally else "navigation"
        for k in range(index, end):
            block = result[k]
            if block.category is None:
                reasons = (*block.reasons, f"part of a {main.replace('-', ' ')} region")
                result[k] = replace(block, category=main, region=region, reasons=reasons)
            else:
                result[k] = replace(block, region=region)
        index = end
    return result
