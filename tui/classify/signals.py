"""The evidence one block gives about itself: words, shape, lexicon and HTML structure.

Every signal is a weighted, named piece of :class:`Evidence` (positive weight
for boilerplate, negative for body) so that the final label can always say why.
All of it is computed once per block with precompiled patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.classify.lexicon import PHRASE_MAX_CHARS, Hit, Lexicon, block_key, fold, words_of
from tui.classify.vocabulary import structure_vocabulary
from tui.model import Block, StructureHints
from tui.scripts import dense_characters


@dataclass(frozen=True, slots=True)
class Evidence:
    """One signal: how much it points to boilerplate (positive) or body (negative), and why."""

    weight: float
    category: str | None
    reason: str
    place: bool = False
    """The evidence says where the block sits (an article container, an extractor's main text), not what it
    says; such evidence always points to body."""
    container: bool = False
    """The evidence is an enclosing element naming the article's own container (``<article>``, "story-body"):
    an opener's region never runs into such a block."""
    blind: bool = False
    """The evidence names nothing: a block's bare shape (a short line, a fragment), its place before or after
    the article's paragraphs, or its being in one version only. An article's own new line shares all of
    these with furniture, so such evidence alone never dims a changed block in the article's flow."""


#: Scores are kept to this many decimal places; weights are given to one or two.
SCORE_PLACES = 6


@dataclass(slots=True)
class Facts:
    """What is measured once about a block and reused by every signal."""

    count: int
    """How many words the block has."""
    key: bytes
    """Letters and digits only: equal keys mean the same words in both versions."""
    hits: list[Hit]
    prose: bool
    """A sentence-like block: long enough and ending like a sentence."""
    sentence: bool
    """The block ends like a sentence, whatever its length."""
    attributed: bool = False
    """The block reports what someone said ("said", "told", "according to"): news is written so; furniture never."""
    addressed: bool = False
    """The block speaks to the reader ("you", "we", "Join ..."), as appeals and prompts do and news does not."""
    linked: bool = False
    """The block is almost all link text: a teaser or a list of links, however long and well formed."""
    boxed: bool = False
    """The nearest telling element around the block names page furniture: a class such as "donation-box",
    or a tag such as <aside>, <nav>, <header>, <form> or <button>."""
    evidence: list[Evidence] = field(default_factory=list)
    score: float = 0.0
    """The sum of the evidence's weights, kept as evidence is added (to :data:`SCORE_PLACES` decimal places)."""

    def measured(self) -> Facts:
        """The same measurements with no evidence yet: a block shared by both versions is measured once."""
        return Facts(self.count, self.key, self.hits, self.prose, self.sentence, self.attributed, self.addressed)

    @property
    def named(self) -> bool:
        """Some evidence that is not blind points to furniture: a phrase, the page's structure, a link, a region."""
        return any(piece.weight > 0 and not piece.blind for piece in self.evidence)

    def add(self, evidence: Evidence | None) -> None:
        """Record one piece of evidence (None is ignored)."""
        if evidence is not None:
            self.evidence.append(evidence)
            # Rounded so that weights that add up to the threshold on paper (3.0 + 1.1 - 1.0 - 0.6 - 2.0 + 1.0)
            # reach it in floating point too, instead of falling short by 4e-16.
            self.score = round(self.score + evidence.weight, SCORE_PLACES)


#: How much of a long block's start is kept for matching openers such as "Related article:".
HEAD_CHARS = 80
_STOPS = tuple(".!?\u2026:;\u3002\uff01\uff1f")
_CLOSERS = "\"\u201d\u2019')]\u300d\u300f"


def ends_like_sentence(text: str) -> bool:
    """True when a block ends as a sentence does: a stop, perhaps inside a closing quote or bracket.

    A quote or bracket closing after a word is a title or a credit ("... 'Dancing With the Stars'",
    "(Grand Central Publishing, 2018)"), not the end of a sentence.
    """
    end = text.rstrip()
    return end.rstrip(_CLOSERS).endswith(_STOPS) if end.endswith(tuple(_CLOSERS)) else end.endswith(_STOPS)


#: Words that attribute a statement to someone. Page furniture speaks to the reader; it never reports.
_ATTRIBUTION = frozenset(("said", "says", "told", "according", "added", "asked", "announced", "explained"))
#: An attributed sentence this long reads as article text.
ATTRIBUTED_MIN_WORDS = 8
#: Words by which a block speaks to its reader or for the publication: furniture's voice, not a report's.
_ADDRESS = frozenset(("you", "your", "yours", "we", "our", "us", "please"))
#: Verbs that, first in a block, tell the reader to do something ("Join", "Sign up", "Reach him at").
_IMPERATIVE = frozenset((
    "become", "get", "join", "sign", "subscribe", "click", "tap", "download", "follow", "share", "support",
    "donate", "contribute", "give", "help", "reach", "contact", "email", "send", "tell", "learn", "discover", "try",
    "register", "log", "visit", "explore", "enjoy", "read", "watch", "listen", "see", "don't",
))  # fmt: skip


#: Capitalised words that may follow an imperative ("Join The Post"); any other makes a name ("Donate Life Week").
_DETERMINERS = frozenset(("The", "A", "An", "Our", "Your", "Us", "Me", "Them"))


def _imperative(plain: str) -> bool:
    """True when the block opens by telling the reader to do something, not with a name that starts so."""
    tokens = [token for token in plain.split(maxsplit=6) if token[0].isalnum() or any(c.isalnum() for c in token)][:2]
    if not tokens or fold(tokens[0]).strip(".,:;!?\"'()") not in _IMPERATIVE:
        return False
    second = tokens[1:2]
    return not second or not second[0][:1].isupper() or second[0] in _DETERMINERS


#: Quoted speech: what someone said in the first person is no voice of the page's.
_QUOTED_RE = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
#: "US" the country is no "us" the reader.
_US_RE = re.compile(r"\bUS\b")


def _addressed(plain: str, words: list[str]) -> bool:
    """True when the block speaks to its reader ("you", "we", "please", "Join ..."), outside quoted speech.

    ``words`` are the block's words (see ``words_of``): an imperative first word is among them.
    """
    if not _IMPERATIVE.isdisjoint(words) and _imperative(plain):
        return True
    if _ADDRESS.isdisjoint(words):
        return False
    unquoted = _QUOTED_RE.sub(" ", plain)
    if unquoted != plain:
        words = words_of(fold(unquoted))
    found = _ADDRESS.intersection(words)
    if found == {"us"}:
        return len(_US_RE.findall(unquoted)) < words.count("us")
    return bool(found)


_SPACED_DASHES = (" \u2014 ", " \u2013 ", " - ")


def facts_of(block: Block, lexicon: Lexicon) -> Facts:
    """Measure a block once: its words, key, lexicon hits and whether it reads as prose."""
    plain = block.plain
    if len(plain) <= PHRASE_MAX_CHARS:
        folded = fold(plain)
        words = words_of(folded)
        count = len(words)
    else:
        # Counting spaces is much cheaper than splitting; spaced dashes are not words (counted when there are dashes).
        count = plain.count(" ") + 1
        for dash in _SPACED_DASHES:
            if dash[1] in plain:
                count -= plain.count(dash)
        folded, words = fold(plain[:HEAD_CHARS]), []
    hits = lexicon.match(plain, folded, words, count)
    if not plain.isascii() and (dense := dense_characters(plain[:2000])):
        count += dense // 2
    sentence = ends_like_sentence(plain)
    attributed = sentence and count >= ATTRIBUTED_MIN_WORDS and not _ATTRIBUTION.isdisjoint(words)
    return Facts(
        count=count,
        key=block_key(plain),
        hits=hits,
        prose=sentence and count >= 12,
        sentence=sentence,
        attributed=attributed,
        addressed=not attributed and bool(words) and _addressed(plain, words),
    )


#: Blocks of up to this many characters may carry an id made from their own words.
ANCHOR_MAX_CHARS = 80


def _without_own_anchor(plain: str, hints: StructureHints) -> tuple[str, ...]:
    """The enclosing words less a class or id of the block's own element made from the block's own text.

    A subhead's id is often its words made into a link anchor (``<h3 id="credit-cards">Credit cards``,
    ``<h2 class="related-research">``): it says what the heading reads, not that the element is a photo
    credit or a box of related links. The words of an enclosing box still count (``<section
    class="author-bio"><h3>Author bio``), and one word is left alone: ``<h2 id="comments">Comments``
    may well head the comments.
    """
    ancestors = hints.ancestors
    if hints.own < 2 or len(plain) > ANCHOR_MAX_CHARS or " " not in plain:  # own words: the tag, then classes, id
        return ancestors
    words = words_of(fold(plain))
    if len(words) < 2:
        return ancestors
    slugs = {"-".join(words), "_".join(words), "".join(words)}
    own = ancestors[: hints.own]
    if slugs.isdisjoint(own):
        return ancestors
    return tuple(word for word in own if word not in slugs) + ancestors[hints.own :]


def structure_evidence(block: Block, memo: dict[tuple[str, ...], Evidence | None]) -> Evidence | None:
    """What the nearest telling enclosing element says about an HTML block, if anything.

    ``memo`` caches the answer per ancestor chain: blocks of one list share it.
    """
    hints = block.hints
    if hints is None or not hints.ancestors:
        return None
    ancestors = _without_own_anchor(block.plain, hints)
    if ancestors in memo:
        return memo[ancestors]
    found: Evidence | None = None
    vocabulary = structure_vocabulary()
    for word in ancestors:
        if word in vocabulary.silent:
            continue
        tagged = vocabulary.tags.get(word)
        if tagged is not None:
            category, weight = tagged
            found = _structure(category, weight, f"inside <{word}>")
            break
        for pattern, category, weight in vocabulary.marks:
            if pattern.search(word):
                found = _structure(category, weight, f"inside an element marked '{word}'")
                break
        if found is not None:
            break
    memo[ancestors] = found
    return found


def _structure(category: str | None, weight: float, reason: str) -> Evidence:
    if category is None:
        return Evidence(-weight, None, reason + " (article text)", place=True, container=True)
    return Evidence(weight, category, reason)


_MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<(?:https?://|www\.)[^>]*>")


#: A block with at least this share of link text is a link, not a sentence of the article.
LINKED_SHARE = 0.8


def link_ratio(block: Block) -> float:
    """The share of a block's text inside links: from HTML hints, or from Markdown link markup."""
    if block.hints is not None:
        return block.hints.link_ratio
    if "](" not in block.text and "<http" not in block.text:
        return 0.0
    inside = sum(
        len(m.group(1) if m.group(1) is not None else m.group(0)) for m in _MARKDOWN_LINK_RE.finditer(block.text)
    )
    visible = len(block.plain)
    return min(1.0, inside / visible) if visible else 0.0


def link_evidence(block: Block, facts: Facts, ratio: float) -> Evidence | None:
    """Blocks that are mostly link text (``ratio``, see :func:`link_ratio`) are menus and lists of other stories."""
    if ratio < 0.5 or facts.count == 0:
        return None
    category = "navigation" if facts.count <= 3 else "related-link"
    weight = 2.2 if ratio >= LINKED_SHARE else 1.0
    if facts.prose and facts.count >= 25 and not facts.linked:
        weight /= 2  # a long paragraph with a few links in it is the article's
    return Evidence(weight, category, f"link text is {round(ratio * 100)}% of the block")


_ITALIC_BLOCK_RE = re.compile(r"^(?:\*(?!\*)[^*\n]+\*|_(?!_)[^_\n]+_)\s*$")


_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))


def _is_capitals(text: str) -> bool:
    """True for a line written in capitals, as promotions and teasers are."""
    if text.isascii():  # letters and capitals counted by what deleting them takes away
        data = text.encode()
        letters, capitals = (len(data) - len(data.translate(None, kept)) for kept in (_ASCII_LETTERS, _ASCII_CAPITALS))
        return letters >= 12 and capitals >= 0.9 * letters
    alphabetic = [c for c in text if c.isalpha()]
    return len(alphabetic) >= 12 and sum(c.isupper() for c in alphabetic) >= 0.9 * len(alphabetic)


#: In a page, a line of up to this many words that does not end like a sentence is a hint of furniture.
LINE_MAX_WORDS_PAGE = 8
#: In plain text and Markdown, a line of up to this many words that does not end like a sentence is a
#: headline or a label more often than article text (a page says which with its tags; text cannot).
LINE_MAX_WORDS_TEXT = 20

# Evidence that recurs block after block is made once: building a frozen dataclass is not free.
_SENTENCE = Evidence(-0.6, None, "a sentence")
_ATTRIBUTED = Evidence(-1.8, None, "reports what someone said")
_SHORT_LINE = Evidence(0.5, None, "a short line, not a sentence", blind=True)
_CAPITALS_IN_PAGE = Evidence(1.5, "related-link", "a line in capitals")
_CAPITALS = Evidence(1.0, "related-link", "a line in capitals", blind=True)
_GLYPH = Evidence(2.5, "navigation", "a lone letter: an icon's glyph, not a word")
_ITALICS = Evidence(1.0, None, "set entirely in italics, as captions and notes are", blind=True)


def _is_glyph(plain: str) -> bool:
    """True for a block that is one letter of an alphabet: an icon font's glyph ("S", "K").

    A roman numeral ("I", "V", "X") heads a section; a character of a script without spaces (from U+2E80,
    where CJK begins) is a word.
    """
    text = plain.strip()
    return len(text) == 1 and text.isalpha() and text not in "IVXivx" and ord(text) < 0x2E80


@lru_cache(maxsize=1024)
def _counted(weight: float, template: str, count: int, blind: bool = False) -> Evidence:
    return Evidence(weight, None, template.format(count), blind=blind)


def shape_evidence(block: Block, facts: Facts) -> Evidence | None:
    """The block's shape: long sentences read as article text, fragments as page furniture."""
    count = facts.count
    if block.kind == "image":
        return Evidence(2.0, "photo-credit", "an image")
    if count == 0:
        return Evidence(4.0, "navigation", "no words, only marks")
    if count == 1 and _is_glyph(block.plain):
        return _GLYPH
    if facts.attributed and count < 40:
        return _ATTRIBUTED
    if facts.prose and not facts.linked:
        if count >= 40:
            return _counted(-2.5, "a long paragraph of {} words", count)
        if count >= 20:
            return _counted(-1.5, "a paragraph of {} words", count)
        return _SENTENCE
    if block.kind == "heading":
        return None
    if block.hints is None and _ITALIC_BLOCK_RE.match(block.text):
        return _ITALICS
    if 3 <= count <= 25 and _is_capitals(block.plain):
        # A page marks its subheads as headings, so a line in capitals there is a teaser; plain text
        # sets subheads in capitals too ("WHO IS THE FRONT-RUNNER?"), so there it is only a hint.
        return _CAPITALS_IN_PAGE if block.hints is not None else _CAPITALS
    if count <= 3:
        return _counted(0.8, "a fragment of {} words" if count > 1 else "a fragment of {} word", count, True)
    longest = LINE_MAX_WORDS_PAGE if block.hints is not None else LINE_MAX_WORDS_TEXT
    if count <= longest and not facts.sentence:
        return _SHORT_LINE
    return None
