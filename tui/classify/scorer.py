"""One scored, explainable model: sum the evidence of every signal and label each block.

A block is boilerplate when its evidence adds up to :data:`THRESHOLD` or more.
The reasons kept are the strongest pieces of evidence on the winning side, so
the label can always be explained in words. Everything is one linear pass (plus
one for regions), cheap enough to run on every comparison.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from tui.classify.extraction import Extraction
from tui.classify.growth import growth_evidence
from tui.classify.lexicon import Lexicon
from tui.classify.lone import BODY, FURNITURE, Shared, lone_evidence
from tui.classify.metadata import TITLE_WINDOW, find_title, metadata_category, same_words
from tui.classify.regions import carry_openers, number_regions
from tui.classify.signals import (
    LINKED_SHARE,
    SCORE_PLACES,
    Evidence,
    Facts,
    facts_of,
    link_evidence,
    link_ratio,
    shape_evidence,
    structure_evidence,
)
from tui.classify.teasers import headline_link, teaser_evidence
from tui.model import GUESS_CONFIDENCE, Block, Document, Role, declared_metadata

#: Evidence at or above this sum makes a block boilerplate.
THRESHOLD = 1.5
#: How many reasons a block keeps.
MAX_REASONS = 3
#: A block between two boilerplate blocks joins them when it is this short and not clearly body.
NEUTRAL_MAX_WORDS = 12


class OtherVersion:
    """The other version's blocks: where a block's words lie there, and how that version reads them on its own."""

    #: Containment scans the other version's text; this many bytes in all, per document, keeps the
    #: cost bounded (a few milliseconds) however many fragments a page has.
    SCAN_BUDGET = 40_000_000
    #: Words found inside a differently cut block only count as that block's when the key is this long:
    #: a short key ("home") lies in any long text by chance.
    MIN_CONTAINED = 16

    def __init__(self, facts: Sequence[Facts], standalone: Sequence[float], side: str, plains: Sequence[str]) -> None:
        self.side = side
        self.plains = plains
        """Each block's plain text, where an edited block's counterpart is looked for."""
        self.standalone = standalone
        """Each block's score on its own evidence and regions, before either version looked at the other."""
        self._where: dict[bytes, int] = {}
        for index, fact in enumerate(facts):
            if fact.key:
                self._where.setdefault(fact.key, index)
        self._text: bytes | None = None
        self._starts: list[int] = []
        self._facts = facts
        self._budget = self.SCAN_BUDGET

    def locate(self, key: bytes, scan: bool = True) -> tuple[int | None, bool]:
        """The other version's block holding these words, if any, and whether that block may speak for them.

        A block cut the same way matches whole; otherwise, when ``scan`` is true, its words are
        looked for inside the other version's blocks (the two were cut differently).
        """
        index = self._where.get(key)
        if index is not None:
            return index, True
        if not scan:
            return None, False
        if self._text is None:
            self._text = b"\n".join(f.key for f in self._facts)
            self._starts = list(accumulate((len(f.key) + 1 for f in self._facts), initial=0))
        if self._budget < len(self._text):
            return None, False
        self._budget -= len(self._text)
        position = self._text.find(key)
        if position < 0:
            return None, False
        # Counted in letters, not bytes: a Cyrillic word is twice as many bytes as letters.
        long_enough = len(key) >= self.MIN_CONTAINED and (
            key.isascii() or len(key.decode("utf-8", "ignore")) >= self.MIN_CONTAINED
        )
        return bisect_right(self._starts, position) - 1, long_enough


def measure(document: Document, lexicon: Lexicon, seen: dict[str, Facts] | None = None) -> list[Facts]:
    """Measure every block of a document once.

    Args:
        document: The version to measure.
        lexicon: The phrases to look for.
        seen: Blocks already measured, by their text: two versions share most of their blocks, and a
            shared block is measured once (its evidence list is its own).
    """
    if seen is None:
        return [facts_of(block, lexicon) for block in document.blocks]
    facts = []
    for block in document.blocks:
        known = seen.get(block.plain)
        if known is None:
            known = seen[block.plain] = facts_of(block, lexicon)
            facts.append(known)
        else:
            facts.append(known.measured())
    return facts


def _own_evidence(
    block: Block, facts: Facts, memo: dict[tuple[str, ...], Evidence | None], links: bool = True
) -> None:
    """Add what a block says about itself: lexicon phrases, enclosing elements, link share and shape.

    A phrase that names the block's shape (a lone URL) already says what the link share and the
    shape would: they are not counted a second time.
    """
    shaped = False
    if facts.hits:
        seen: dict[str, int] = {}
        for hit in sorted(facts.hits, key=lambda h: -h.rule.weight):
            category = hit.rule.category
            # Several phrases of one category add up, each half the weight of the one before.
            repeats = seen.get(category, 0)
            seen[category] = repeats + 1
            facts.add(Evidence(hit.rule.weight / 2**repeats, category, hit.reason))
            shaped = shaped or hit.rule.shape
    if block.hints is not None:
        where = structure_evidence(block, memo)
        facts.add(where)
        facts.boxed = where is not None and where.category is not None
    if shaped:
        return
    if links and block.kind != "image":  # an image's alt text sits in its markup like a link's
        ratio = link_ratio(block)
        facts.linked = ratio >= LINKED_SHARE
        facts.add(link_evidence(block, facts, ratio))
    facts.add(shape_evidence(block, facts))


#: How much of the pull of where a block sits a block that names itself keeps: half, as if the article
#: container and the extractor's main text, which mostly say the same thing, were counted once between them.
NAMED_PLACE_SHARE = 0.5


def _names_itself(block: Block, fact: Facts) -> bool:
    """Whether a block's markup says what it is: a link shaped as another story's headline, or a box that
    names furniture.

    A phrase is not enough here: on the benchmark's pages, lines such as "Sign up for a Hulu account
    ..." in a how-to list or an affiliate note in the body are article text as often as furniture.
    """
    return fact.boxed or headline_link(block, fact)


def _named_in_place(block: Block, fact: Facts) -> Evidence | None:
    """Give back part of the pull of where a block sits when the block names itself (see :func:`_names_itself`).

    The article container and the extractor's main text both say the block stands among the
    article's paragraphs; furniture set into the body stands there too, and the extractor often
    takes it in. (A boxed block's nearest telling element is its box, so only the extractor's
    pull applies to it.)
    """
    if not _names_itself(block, fact):
        return None
    pull = sum(piece.weight for piece in fact.evidence if piece.place)
    if not pull:
        return None
    return _place_given_back(round(-pull * (1 - NAMED_PLACE_SHARE), 2))


@lru_cache(maxsize=16)
def _place_given_back(weight: float) -> Evidence:
    return Evidence(weight, None, "names itself, though set among the article's paragraphs")


_OUTSIDE = Evidence(0.8, None, "outside the article's paragraphs", blind=True)
_IN_PAGE_CHROME = Evidence(0.8, None, "among a page's menu or footer lines, outside the article's paragraphs")
#: A line this short that is not a sentence may be a menu entry, a label or a headline of another story.
LINE_MAX_WORDS = 8
#: At least this many short lines on one side of the article's paragraphs are a page's menus or footer, not an
#: article's own headline, date and byline: there, where a line sits is the page's structure naming it.
PAGE_LINES = 6


@dataclass(frozen=True, slots=True)
class Position:
    """Where a version's short lines stand against its article paragraphs, and the evidence that gives."""

    before: list[int]
    """Short lines before the first long paragraph."""
    after: list[int]
    """Short lines after the last long paragraph."""
    chrome: frozenset[int]
    """Those of them that are a page's menu or footer (many short lines that are nearly all there is)."""
    pieces: list[tuple[int, Evidence]]
    """The evidence, by block index."""


def position_evidence(blocks: Sequence[Block], facts: Sequence[Facts]) -> Position:
    """Position: short lines before the article's first or after its last long paragraph.

    That is where pages keep their furniture. (A run of short lines is *not* a
    signal: on the benchmark pages it is as often a list in the article as a menu.)
    Among many such lines (a page's menus or footer) the position names the
    line; among a few (an article's headline, date and byline) it is only a
    hint, which never dims a changed block on its own (see :mod:`tui.classify.lone`).
    """
    before: list[int] = []
    after: list[int] = []
    long_prose = [i for i, f in enumerate(facts) if f.prose and f.count >= 20]
    if not long_prose:
        return Position(before, after, frozenset(), [])  # a short text has no article paragraphs to stand outside of
    first, last = long_prose[0], long_prose[-1]
    declared = declared_metadata(blocks)
    for index, (block, fact) in enumerate(zip(blocks, facts, strict=True)):
        outside = index < first or index > last
        if (
            outside
            and block.kind != "heading"
            and not fact.prose
            and 0 < fact.count <= LINE_MAX_WORDS
            and index not in declared
        ):
            (before if index < first else after).append(index)
    counted = [i for i, f in enumerate(facts) if f.count and i not in declared]
    chrome = _chrome(before, [i for i in counted if i < first]) | _chrome(after, [i for i in counted if i > last])
    pieces = [(index, _IN_PAGE_CHROME if index in chrome else _OUTSIDE) for index in (*before, *after)]
    return Position(before, after, chrome, pieces)


#: Of the blocks between a document's edge and its article paragraphs, at least this share are short lines on a
#: page's menu or footer; an article's lists under their own paragraphs and subheads leave more text between.
CHROME_SHARE = 0.75


def _chrome(lines: Sequence[int], zone: Sequence[int]) -> frozenset[int]:
    """The short lines between a document's edge and its article paragraphs (``zone``), when they are many and
    nearly all there is: a page's menu or footer. Short lines with much of the article's own text between them
    (a list under its paragraph, subheads) are no menu, however many."""
    if len(lines) >= PAGE_LINES and len(lines) >= CHROME_SHARE * len(zone):
        return frozenset(lines)
    return frozenset()


def _is_page(before: Sequence[int], after: Sequence[int]) -> bool:
    return len(before) >= PAGE_LINES and len(after) >= PAGE_LINES


@lru_cache(maxsize=4096)
def _confidence(score: float) -> float:
    return round(0.5 + 0.5 * math.tanh(abs(score - THRESHOLD) / 2), 3)


def _category(evidence: Sequence[Evidence]) -> str | None:
    totals: dict[str, float] = {}
    for piece in evidence:
        if piece.category is not None and piece.weight > 0:
            totals[piece.category] = totals.get(piece.category, 0.0) + piece.weight
    return max(totals, key=lambda c: totals[c]) if totals else None


def _reasons(evidence: Sequence[Evidence], boilerplate: bool) -> tuple[str, ...]:
    if len(evidence) == 1:
        only = evidence[0]
        return (only.reason,) if (only.weight > 0) == boilerplate and only.weight != 0 else ()
    chosen = [e for e in evidence if (e.weight > 0) == boilerplate and e.weight != 0]
    if len(chosen) <= 2:
        if not chosen:
            return ()
        first = chosen[0]
        if len(chosen) == 1:
            return (first.reason,)
        second = chosen[1]
        if abs(second.weight) > abs(first.weight):
            first, second = second, first
        return (first.reason,) if first.reason == second.reason else (first.reason, second.reason)
    chosen.sort(key=lambda e: -abs(e.weight))
    reasons: list[str] = []
    for piece in chosen:
        if piece.reason not in reasons:
            reasons.append(piece.reason)
        if len(reasons) == MAX_REASONS:
            break
    return tuple(reasons)


def _apply(facts: Sequence[Facts], pieces: Iterable[tuple[int, Evidence]]) -> None:
    """Add evidence that a signal returned to the blocks it names: the one place facts change."""
    for index, piece in pieces:
        facts[index].add(piece)


def _standalone(
    document: Document,
    own: Sequence[float],
    position: Position,
    teasers: Sequence[tuple[int, Evidence]],
    carried: Sequence[tuple[int, Evidence]],
) -> list[float]:
    """How a version reads each block on its own: what it tells the other version, derived here and only here.

    Its words, shape and structure (``own``) and its regions (``carried``) always; its teaser shapes only when it
    is a page (in plain text or Markdown an article's own list of short lines is not a list of other stories, but
    a page marks its links); its position only when it is a whole page, menus above and footer below (a plain
    text's first short lines are not a page's menu). Without the page's position, two snapshots of one page would
    each hold the other's menu lines as "article text in both versions".
    """
    standalone = list(own)

    def add(index: int, weight: float) -> None:
        standalone[index] = round(standalone[index] + weight, SCORE_PLACES)

    if _is_page(position.before, position.after):
        for index in (*position.before, *position.after):
            add(index, _OUTSIDE.weight)
    if document.format == "html":
        for index, piece in teasers:
            add(index, piece.weight)
    for index, piece in carried:
        add(index, piece.weight)
    return standalone


class Prepared:
    """One version with every block's own evidence added, ready to meet the other version."""

    def __init__(self, document: Document, facts: list[Facts], extraction: Extraction | None = None) -> None:
        self.document = document
        self.facts = facts
        memo: dict[tuple[str, ...], Evidence | None] = {}
        links = document.format != "text"  # plain text has no link markup: "[1](2)" there is just text
        for block, fact in zip(document.blocks, facts, strict=True):
            _own_evidence(block, fact, memo, links)
            if extraction is not None:
                fact.add(extraction.evidence(fact))
            fact.add(_named_in_place(block, fact))
        own = [fact.score for fact in facts]
        position = position_evidence(document.blocks, facts)
        _apply(facts, position.pieces)
        self.masthead = position.chrome.intersection(position.before)
        """The short lines above a page's article paragraphs, when there are many: its menus, by the page's
        structure (an article's own headline, date and byline are a few lines, not a menu's dozens)."""
        teasers = teaser_evidence(document.blocks, facts)
        _apply(facts, teasers)
        carried = carry_openers(document.blocks, facts, [False] * len(facts), THRESHOLD)
        self.standalone = _standalone(document, own, position, teasers, carried)
        """Each block's score on its own evidence and its regions: how this version reads without the other."""

    def as_other(self, side: str) -> OtherVersion:
        """This version as the other version of the one being labelled (``side`` names this one)."""
        return OtherVersion(self.facts, self.standalone, side, [b.plain for b in self.document.blocks])


#: A block scoring this low on its own is body whatever the other version says: its words are not looked
#: for inside the other version's blocks (the scan is the costliest step on long documents).
CLEARLY_BODY = -2.0
#: Words that the other version holds as article text weigh this much towards body, plus how clearly
#: that version reads them as body (up to :data:`SHARED_MAX_EXTRA` more).
SHARED_WEIGHT = 4.0
SHARED_MAX_EXTRA = 2.0


def _shared_evidence(other_score: float, side: str) -> Evidence:
    weight = SHARED_WEIGHT + min(SHARED_MAX_EXTRA, THRESHOLD - other_score)
    return _shared(round(weight * 2) / 2, side)


@lru_cache(maxsize=64)
def _shared(weight: float, side: str) -> Evidence:
    return Evidence(-weight, None, f"article text in the {side} version too")


#: A block in both versions, named by no phrase of the lexicon but shape ones, between two blocks both versions
#: hold as article text, is the article's own line (a product's link in a shopping list, a reference URL): this
#: much towards body.
FLANKED_WEIGHT = 4.0
_FLANKED = Evidence(-FLANKED_WEIGHT, None, "in both versions, between article paragraphs")
#: How many shared blocks in a row may stand between article text and still be the article's own lines.
FLANKED_RUN = 12


def _flanked_by_article(
    blocks: Sequence[Block], facts: Sequence[Facts], anchors: list[bool], shared: Sequence[bool]
) -> list[tuple[int, Evidence]]:
    """The pull towards body of the shared blocks, named by no phrase but their shape, that stand between article text.

    A run of them counts as a whole (a list of short items under an article's paragraph, a row of issue
    numbers), up to :data:`FLANKED_RUN` blocks between two blocks both versions hold as article text. Not a
    block whose box names furniture (a ``<figcaption>``, a "credit" element): in two snapshots of one page
    every caption and credit stands between article paragraphs of both versions.
    """
    worded = [i for i, f in enumerate(facts) if f.count]
    found: list[tuple[int, Evidence]] = []
    position = 0
    while position < len(worded):
        if not anchors[worded[position]]:
            position += 1
            continue
        end = position + 1
        while end < len(worded) and not anchors[worded[end]] and end - position <= FLANKED_RUN:
            end += 1
        if end < len(worded) and anchors[worded[end]] and end - position > 1:
            run = worded[position + 1 : end]
            for index in run:
                fact = facts[index]
                # In a run, not a link shaped as a headline: a row of them between paragraphs is a list of other
                # stories, which two snapshots of one page both hold.
                if (
                    shared[index]
                    and all(h.rule.shape for h in fact.hits)
                    and not fact.boxed
                    and (len(run) == 1 or not headline_link(blocks[index], fact))
                ):
                    found.append((index, _FLANKED))
        position = end
    return found


def _named(fact: Facts) -> float:
    """The block's score without its blind evidence: what names it, and what says it is article text."""
    return sum(piece.weight for piece in fact.evidence if not piece.blind)


@lru_cache(maxsize=256)
def _guessed(score: float) -> float:
    """The confidence of a block dimmed only because blind evidence (its shape, its place, its being new) tipped
    what names it over the threshold: a guess, which the verdict reports (see ``GUESS_CONFIDENCE``)."""
    return min(_confidence(score), GUESS_CONFIDENCE - 0.05)


@lru_cache(maxsize=256)
def _unnamed(score: float) -> Evidence:
    """Take back what bare shape and place gave a block that nothing names: they alone never dim a block."""
    return Evidence(round(THRESHOLD - score - 0.5, SCORE_PLACES), None, "nothing names it furniture")


def label_document(prepared: Prepared, other: OtherVersion | None, side: str) -> Document:
    """Label every block of one version.

    Args:
        prepared: The version to label, its own evidence added.
        other: The other version (None when there is none).
        side: ``old`` or ``new``, for the reasons' wording.
    """
    document, facts = prepared.document, prepared.facts
    blocks = document.blocks
    anchors: list[bool] = [False] * len(blocks)
    shared: list[bool] = [False] * len(blocks)
    if other is not None:
        context = Shared(len(blocks))
        for index, fact in enumerate(facts):
            if not fact.count:
                continue
            where, trusted = other.locate(fact.key, scan=fact.score > CLEARLY_BODY)
            if where is None:
                context.absent[index] = True
            elif not trusted:
                continue
            elif other.standalone[where] >= THRESHOLD:
                shared[index] = True
                context.where[index], context.status[index] = where, FURNITURE
            elif index in prepared.masthead:
                # A whole page's menu line that neither version dims on its own evidence ("Flink 1.15 (Latest
                # stable release)") is still furniture to a line added or edited among such lines.
                context.where[index], context.status[index] = where, FURNITURE
            else:
                # The other version holds these words as article text: a strong sign they are, here too.
                fact.add(_shared_evidence(other.standalone[where], other.side))
                anchors[index] = True
                context.where[index], context.status[index] = where, BODY
        pieces, lone = lone_evidence(
            facts, context, other.plains, other.standalone, [b.plain for b in blocks], THRESHOLD, side, other.side
        )
        _apply(facts, pieces)
        _apply(facts, _flanked_by_article(blocks, facts, anchors, shared))
        _apply(facts, growth_evidence(blocks, facts, lone, anchors, context.absent))
    _apply(facts, carry_openers(blocks, facts, anchors, THRESHOLD))
    # Blind evidence alone never dims a block both versions hold (a list item, a short subhead). A block in one
    # version only was read by its context (tui.classify.lone): at the article's edges it may be dimmed on a guess.
    absent = context.absent if other is not None else [False] * len(blocks)
    for fact, lone_block in zip(facts, absent, strict=True):
        if not lone_block and fact.score >= THRESHOLD and not fact.named:
            fact.add(_unnamed(fact.score))

    scores = [fact.score for fact in facts]
    roles: list[Role] = ["boilerplate" if s >= THRESHOLD else "body" for s in scores]
    # Short neutral lines between boilerplate blocks ("Dear readers,") belong with them.
    for index in range(1, len(blocks) - 1):
        if (
            roles[index] == "body"
            and roles[index - 1] == "boilerplate"
            and roles[index + 1] == "boilerplate"
            and facts[index].count <= NEUTRAL_MAX_WORDS
            and scores[index] > -1.0
            and not anchors[index]
        ):
            roles[index] = "boilerplate"
            facts[index].add(Evidence(THRESHOLD - scores[index], None, "between boilerplate blocks"))
            scores[index] = THRESHOLD

    labelled: list[Block] = []
    declared = declared_metadata(blocks)  # front matter says what it is
    for block, fact, score, role in zip(blocks, facts, scores, roles, strict=True):
        if block.id in declared:
            labelled.append(block)
            continue
        boilerplate = role == "boilerplate"
        # Built positionally, field by field: dataclasses.replace costs several times more, once per block.
        labelled.append(
            Block(
                block.id,
                block.kind,
                block.text,
                block.plain,
                role,
                _category(fact.evidence) if boilerplate else None,
                _reasons(fact.evidence, boilerplate),
                _confidence(score) if not boilerplate or _named(fact) >= THRESHOLD else _guessed(score),
                block.prefix,
                block.hints,
                None,
            )
        )
    labelled = _label_metadata(document, labelled, facts, scores, declared)
    labelled = number_regions(labelled)
    date = next((b.plain for b in labelled if b.category == "date"), document.date)
    title = document.title
    if title is None:
        title = next((b.plain for b in labelled if b.category == "title"), None)
    return replace(document, blocks=tuple(labelled), title=title, date=date)


def _label_metadata(
    document: Document,
    blocks: list[Block],
    facts: Sequence[Facts],
    scores: Sequence[float],
    declared: frozenset[int],
) -> list[Block]:
    """Mark the headline, date, byline and dateline near the top of the document (``declared``: the blocks the
    source itself declared metadata, which keep what they are)."""
    named = [bool(fact.hits) or fact.boxed for fact in facts[:TITLE_WINDOW]]  # a text's headline is near the top
    declared_title = any(blocks[i].category == "title" for i in declared)
    title_index = find_title(blocks, document.title, named)
    if declared_title and title_index is not None and not same_words(blocks[title_index].plain, document.title):
        title_index = None  # the front matter holds the headline; a first heading is only one if it repeats it
    if title_index is not None:
        blocks[title_index] = replace(
            blocks[title_index],
            role="metadata",
            category="title",
            reasons=("the headline",),
            confidence=0.9,
        )
    for index, block in enumerate(blocks):
        if index == title_index or scores[index] >= THRESHOLD + 2.0 or index in declared:
            continue
        category = metadata_category(block, facts[index].count)
        if category is not None:
            blocks[index] = replace(
                block, role="metadata", category=category, reasons=(f"a {category} line",), confidence=0.8
            )
    return blocks
