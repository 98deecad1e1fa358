"""Blocks in one version only: read by where they sit and what they replace, never by their absence.

Being different across versions is evidence of change, never evidence of
furniture: an advisory's corrected version number, an appended history line, a
replaced list item are each in one version only, and each is a stealth edit a
reader must see. So a block the other version lacks is read by its context:

- **an edit**: the other version holds a close counterpart between the same
  shared neighbours (the same list item with one number changed): it is what
  that counterpart is, article text or furniture;
- **among furniture**: the blocks around it that both versions hold are
  furniture (a menu gaining an entry): it is furniture too, named by its region;
- **in the article's flow**: the blocks on both sides of it are article text both
  versions hold, or it is one of a few new blocks before the first or after the
  last of them (a new lead, an appended update): when nothing names it furniture
  (a phrase of the lexicon, the page's structure, a link, an opener's region), it
  is article text: its bare shape and its place before or after the long
  paragraphs (``blind`` evidence) do not count;
- **at a boundary** between the two, among many new blocks at the article's edge
  (a page's menu or footer), or in the flow but named, however faintly ("Send
  any friend a story"): furniture comes and goes between snapshots, so being in
  one version only may tip it. Unless what names it is sure, the label is a
  guess, and the verdict says the body may have changed (see
  :data:`tui.model.GUESS_CONFIDENCE`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from tui.classify.signals import Evidence, Facts

#: Similarity (0-100, rapidfuzz's ratio on the lower-cased text) at which a block in the other version is the
#: counterpart this one was edited from.
COUNTERPART_RATIO = 60.0
#: How many of the other version's blocks between the shared neighbours are compared, at most.
COUNTERPART_REACH = 40
#: A block among furniture both versions share is named by that region: this much towards furniture.
AMONG_FURNITURE_WEIGHT = 2.0
#: An edit of the other version's article text: this much towards body.
EDIT_OF_BODY_WEIGHT = 3.0
#: An edit of the other version's furniture: this much towards furniture.
EDIT_OF_FURNITURE_WEIGHT = 1.5

#: At least this many blocks in one version only before the first shared block (or after the last) are a page's
#: menu or footer, not the article's flow.
EDGE_LINES = 6

BODY = "body"
FURNITURE = "furniture"


class Shared:
    """What the other version says about the blocks both hold: for each block, its index there and its reading."""

    def __init__(self, size: int) -> None:
        self.where: list[int | None] = [None] * size
        """The other version's block holding the same words, for blocks both versions hold."""
        self.status: list[str | None] = [None] * size
        """``body`` or ``furniture`` as the other version reads the block, None when it lacks it (or cannot say)."""
        self.absent: list[bool] = [False] * size
        """The other version lacks the block's words."""


def lone_evidence(
    facts: Sequence[Facts],
    shared: Shared,
    other_plains: Sequence[str],
    other_standalone: Sequence[float],
    plains: Sequence[str],
    threshold: float,
    side: str,
    other_side: str,
) -> tuple[list[tuple[int, Evidence]], list[int]]:
    """The evidence each block in this version only gets from its context (see the module's docstring).

    Returns:
        The evidence by block index, and the blocks that being in one version only tipped towards furniture
        (at a boundary), for :func:`tui.classify.growth.growth_evidence` to reconsider.
    """
    found: list[tuple[int, Evidence]] = []
    known = [i for i, status in enumerate(shared.status) if status is not None]
    # How many blocks in this version only stand before the first shared block and after the last: a few are
    # the article's own new lead or appended update; many are a page's menu or footer the other version lacks.
    first_known = known[0] if known else len(facts)
    last_known = known[-1] if known else -1
    lead = sum(1 for i in range(first_known) if shared.absent[i])
    tail = sum(1 for i in range(last_known + 1, len(facts)) if shared.absent[i])
    tipped: list[int] = []
    position = 0  # index into ``known`` of the first shared block after the current one
    for index, fact in enumerate(facts):
        while position < len(known) and known[position] < index:
            position += 1
        if not shared.absent[index] or not fact.count:
            continue
        before = known[position - 1] if position > 0 else None
        after = known[position] if position < len(known) else None
        context = {shared.status[k] for k in (before, after) if k is not None}
        if context == {FURNITURE}:
            found.append((index, _among_furniture(other_side)))
            continue
        counterpart = _counterpart(plains[index], before, after, shared, other_plains)
        if counterpart is not None:
            if other_standalone[counterpart] < threshold:
                found.append((index, _edit_of_body(other_side)))
            else:
                found.append((index, _edit_of_furniture(other_side)))
            continue
        in_flow = context == {BODY} and (
            (before is not None and after is not None)
            or (before is None and after is not None and lead < EDGE_LINES)
            or (after is None and before is not None and tail < EDGE_LINES)
        )
        if in_flow and not fact.named:
            blind = round(sum(e.weight for e in fact.evidence if e.blind and e.weight > 0), 6)
            if blind:
                found.append((index, _in_flow(blind)))
            continue
        # At a boundary, or with nothing shared around it: furniture comes and goes between snapshots; an
        # article's sentences are edited, so a sentence is never tipped by this alone, nor one that only a
        # hint of a phrase points at, unless it speaks to the reader as furniture does.
        if fact.score > 0 and (not fact.sentence or fact.linked or (fact.hits and may_tip(fact))):
            found.append((index, _only_here(side)))
            tipped.append(index)
    return found, tipped


#: A lexicon phrase at least this strong names its block whatever its voice ("... is a reporter covering courts").
NAMING_WEIGHT = 2.5


def may_tip(fact: Facts) -> bool:
    """Whether being in one version only may tip a sentence that a phrase points at into boilerplate."""
    return fact.addressed or max((hit.rule.weight for hit in fact.hits), default=0.0) >= NAMING_WEIGHT


def _counterpart(
    plain: str, before: int | None, after: int | None, shared: Shared, other_plains: Sequence[str]
) -> int | None:
    """The other version's block, between the same shared neighbours, that this block was edited from."""
    start = shared.where[before] if before is not None else None
    end = shared.where[after] if after is not None else None
    first = start + 1 if start is not None else 0
    last = end if end is not None else len(other_plains)
    if start is not None and end is not None and end <= start:
        return None  # the neighbours moved: no one gap to look in
    if last - first > COUNTERPART_REACH:
        # Only the blocks nearest the neighbours: an edit stays where it was.
        candidates = [*range(first, first + COUNTERPART_REACH // 2), *range(last - COUNTERPART_REACH // 2, last)]
    else:
        candidates = list(range(first, last))
    text = plain.lower()
    best, best_score = None, COUNTERPART_RATIO
    for candidate in candidates:
        score = ratio(text, other_plains[candidate].lower())
        if score >= best_score:
            best, best_score = candidate, score
    return best


@lru_cache(maxsize=4)
def _among_furniture(other_side: str) -> Evidence:
    return Evidence(AMONG_FURNITURE_WEIGHT, None, f"among furniture the {other_side} version has too")


@lru_cache(maxsize=4)
def _edit_of_body(other_side: str) -> Evidence:
    return Evidence(-EDIT_OF_BODY_WEIGHT, None, f"an edit of article text in the {other_side} version")


@lru_cache(maxsize=4)
def _edit_of_furniture(other_side: str) -> Evidence:
    return Evidence(EDIT_OF_FURNITURE_WEIGHT, None, f"an edit of furniture in the {other_side} version")


@lru_cache(maxsize=64)
def _in_flow(blind: float) -> Evidence:
    return Evidence(-blind, None, "in the article's flow, and nothing names it furniture")


@lru_cache(maxsize=4)
def _only_here(side: str) -> Evidence:
    return Evidence(1.0, None, f"only in the {side} version", blind=True)
