"""Pair the blocks of two versions: anchors first, then edits, splits, merges and moves.

The passes, each bounded in cost:

1. ``anchor``: keys that occur exactly once on each side pair up (Heckel,
   patience). The longest increasing run of them keeps its order; the rest
   are ``moved``. Recursion inside each gap finds keys unique *there*.
2. ``extend``: equal keys next to an anchor pair up too, whether unique or not.
3. ``gap``, ``split``, ``merge``: between two anchors, a dynamic programme pairs
   blocks whose word similarity reaches :data:`PAIR_THRESHOLD`, and tests one
   old block against the concatenation of 2-3 new ones (and the reverse).
   Large gaps use a band around the diagonal, so cost grows with n, not n*m.
4. ``global``: what is still unpaired is looked up through an index of rare
   words, so a paragraph that moved *and* was edited is found without an
   all-pairs search.

The result is a list of :class:`Pairing` in reading order, without word spans.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import Indel

from tui.engine.normalize import WORD_PATTERN
from tui.scripts import has_dense_script

#: Two blocks whose word similarity is below this are a rewrite, shown as
#: ``deleted`` + ``inserted`` rather than as a noisy ``modified`` row.
PAIR_THRESHOLD = 0.5
#: A split or merge must explain the joined blocks at least this well.
SPLIT_THRESHOLD = 0.75
#: Each part of a split (or merge) must take this share of its words from the whole: a part may also have
#: gained a clause (a split whose second half gained a number is still a split, so the number is shown).
PART_CONTAINMENT = 0.6
#: A block that moved and was edited must keep this much of its words.
MOVE_THRESHOLD = 0.6
#: Blocks shorter than this many words are not searched for as moved-and-edited.
MOVE_MIN_WORDS = 5
#: Gaps up to this many cells are aligned in full; larger ones in a band.
FULL_DP_CELLS = 3600
#: Half-width of the band for large gaps.
BAND = 24
#: Similarity of two blocks with equal keys but different typography: a hair
#: below 1 so that, among repeated paragraphs, identical copies pair first.
KEY_ONLY_SIMILARITY = 0.9999
#: Blocks longer than this many words are compared as word bags, not sequences,
#: so a pathological one-line "paragraph" of a megabyte costs linear time.
LONG_BLOCK_WORDS = 20_000
#: Splits, merges and rewrites are what happens to paragraphs: each block in one has at least this many words.
#: Menu entries that a new template runs together ("Downloads", "Getting Started") are not a paragraph merged.
MIN_PROSE_WORDS = 4
#: A gap holding up to this many old and as many new blocks, alone between paired ones, is a rewrite in place.
REWRITE_MAX = 3
#: Recursion into gaps stops this deep; what remains goes to the similarity pass.
MAX_DEPTH = 40
#: The global pass looks at no more than this many candidates per block.
MOVE_CANDIDATES = 8
#: Words in more than this many unpaired blocks are too common to find moves by.
RARE_WORD_LIMIT = 40

_ASCII_WORD_RE = re.compile(r"[0-9A-Za-z_]+")


@cache
def _word_re(dense: bool) -> re.Pattern[str]:
    """The word pattern for text that may hold dense-script characters, or for text that holds none (where a
    word is a run of \\w), compiled on first use: the dense scripts' ranges take 4 ms to compile, which a run
    over other text never needs to pay."""
    return re.compile(WORD_PATTERN if dense else r"\w+")


@dataclass(slots=True)
class Item:
    """One block as the aligner sees it."""

    id: int
    key: str
    _words: tuple[int, ...] | None = field(default=None, repr=False)
    """The key's words as hashes; None until first asked for (see :attr:`words`)."""
    exact: int = 0
    """Hash of the shown text: among equal keys, the identical copy pairs first."""
    heading: bool = False
    """A heading is never a part of a split or merge: it heads the paragraph after it, it is not half of it."""
    _bag: Counter[int] | None = field(default=None, repr=False)
    _set: frozenset[int] | None = field(default=None, repr=False)

    @property
    def words(self) -> tuple[int, ...]:
        """The key's words, as string hashes, cut on first use: most blocks pair by their key alone and never
        need them (cutting every block's words was half the aligner's time on long documents)."""
        if self._words is None:
            self._words = tuple(map(hash, _words(self.key.lower())))
        return self._words

    @property
    def word_set(self) -> frozenset[int]:
        """The block's distinct words, computed on first use."""
        if self._set is None:
            self._set = frozenset(self.words)
        return self._set

    @property
    def bag(self) -> Counter[int]:
        """The block's words as a multiset, computed on first use."""
        if self._bag is None:
            self._bag = Counter(self.words)
        return self._bag


@dataclass(frozen=True, slots=True)
class Pairing:
    """One row of the alignment before word spans: which blocks, how alike, found how."""

    kind: str
    """``pair``, ``split``, ``merge``, ``moved``, ``deleted`` or ``inserted``."""
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float | None = None
    matched_by: str | None = None


def items(
    keys: Sequence[str], shown: Sequence[str] | None = None, headings: Sequence[bool] | None = None
) -> list[Item]:
    """Build aligner items for blocks with the given matching keys.

    Words become their string hashes: similarity then runs on int sequences,
    and 64-bit hashes make a collision between two words vanishingly rare.
    """
    shown = shown if shown is not None else keys
    heads = headings if headings is not None else [False] * len(keys)
    return [
        Item(index, key, None, hash(text), heading)
        for index, (key, text, heading) in enumerate(zip(keys, shown, heads, strict=True))
    ]


def _words(key: str) -> list[str]:
    """A key's words; ASCII text through a plain character class, which matches exactly what the full pattern
    does there at a third of its cost (most of the aligner's time on long documents)."""
    if key.isascii():
        return _ASCII_WORD_RE.findall(key)
    return _word_re(has_dense_script(key)).findall(key)


def similarity(a: Item, b: Item) -> float:
    """Word-level similarity in [0, 1]: 1 for equal keys, Indel ratio of the word sequences otherwise."""
    if a.key == b.key:
        return 1.0 if a.exact == b.exact else KEY_ONLY_SIMILARITY
    if not a.words or not b.words:
        return 0.0
    if len(a.words) > LONG_BLOCK_WORDS or len(b.words) > LONG_BLOCK_WORDS:
        # Indel is quadratic in the worst case: past this size compare word bags (Dice), linear.
        return 2 * sum((a.bag & b.bag).values()) / (len(a.words) + len(b.words))
    return float(Indel.normalized_similarity(a.words, b.words))


def _joined(items: Sequence[Item]) -> Item:
    words: tuple[int, ...] = ()
    for item in items:
        words += item.words
    return Item(-1, " ".join(i.key for i in items), words)


def _upper_bound(a: int, b: int) -> float:
    """The highest Indel similarity two sequences of these lengths can reach."""
    return 2 * min(a, b) / (a + b) if a + b else 1.0


def _contained(part: Item, whole: Item) -> bool:
    if not part.words:
        return False
    # Distinct words first: cheap, and it rejects nearly every non-split at once.
    if len(part.word_set & whole.word_set) < PART_CONTAINMENT * len(part.word_set):
        return False
    shared = sum((part.bag & whole.bag).values())
    return shared >= PART_CONTAINMENT * len(part.words)


def _group_similarity(single: Item, group: Sequence[Item]) -> float:
    """Similarity of one block to several consecutive ones, or 0 unless every part belongs."""
    total = sum(len(g.words) for g in group)
    if (
        _upper_bound(len(single.words), total) < SPLIT_THRESHOLD
        or single.heading
        or any(g.heading or len(g.words) < MIN_PROSE_WORDS for g in group)
    ):
        return 0.0
    if not all(_contained(g, single) for g in group):
        return 0.0
    sim = similarity(single, _joined(group))
    return sim if sim >= SPLIT_THRESHOLD else 0.0


def _heaviest_increasing(values: Sequence[int], weights: Sequence[float]) -> list[int]:
    """Indices of the increasing subsequence of ``values`` with the largest total weight.

    A Fenwick tree of prefix maxima over the values keeps this O(n log n).
    """
    size = max(values, default=-1) + 2
    tree_best = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    best = [0.0] * len(values)
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        # prefix maximum over values < value
        k, top, at = value, 0.0, -1
        while k > 0:
            if tree_best[k] > top:
                top, at = tree_best[k], tree_at[k]
            k -= k & -k
        best[index] = top + weights[index]
        previous[index] = at
        k = value + 1
        while k <= size:
            if best[index] > tree_best[k]:
                tree_best[k], tree_at[k] = best[index], index
            k += k & -k
    if not values:
        return []
    index = max(range(len(values)), key=lambda i: (best[i], -i))
    out = []
    while index != -1:
        out.append(index)
        index = previous[index]
    return out[::-1]


def _unique_anchors(old: Sequence[Item], new: Sequence[Item]) -> list[tuple[int, int]]:
    """Pairs (position in old, position in new) of non-empty keys unique on both sides."""
    old_count = Counter(i.key for i in old)
    new_count = Counter(i.key for i in new)
    new_pos = {item.key: pos for pos, item in enumerate(new) if new_count[item.key] == 1}
    return [
        (pos, new_pos[item.key])
        for pos, item in enumerate(old)
        if item.key and old_count[item.key] == 1 and item.key in new_pos
    ]


#: A rewrite shares with what it replaced at least one word of this many characters, with a letter in it: two
#: telephone numbers sharing "55", or two sentences sharing "the", share no word that says they are one paragraph.
REWRITE_WORD_CHARS = 4


def _lettered(key: str) -> set[str]:
    """A block's words of some length that hold a letter."""
    return {
        word
        for word in _words(key.lower())
        if len(word) >= REWRITE_WORD_CHARS and any(c.isalpha() for c in word)
    }


class Aligner:
    """Aligns two lists of items; create one per comparison."""

    def __init__(self, old: Sequence[Item], new: Sequence[Item]) -> None:
        self.old = old
        self.new = new
        self.ordered: list[Pairing] = []
        self.moved: list[Pairing] = []
        self._old_counts = Counter(item.key for item in old)
        self._new_counts = Counter(item.key for item in new)

    def run(self) -> list[Pairing]:
        """Return every block of both sides in exactly one pairing, in reading order."""
        old_ids = list(range(len(self.old)))
        new_ids = list(range(len(self.new)))
        self._align(old_ids, new_ids, top=True)
        self._find_moves()
        return self._in_reading_order()

    # -- pass 1 and 2: anchors, recursively -------------------------------------------------

    def _align(self, old_ids: list[int], new_ids: list[int], *, top: bool = False, depth: int = 0) -> None:
        if not old_ids or not new_ids:
            return
        old_items = [self.old[i] for i in old_ids]
        new_items = [self.new[j] for j in new_ids]
        anchors = _unique_anchors(old_items, new_items) if depth < MAX_DEPTH else []
        if not anchors:
            self._fill_gap(old_ids, new_ids)
            return
        keep = _heaviest_increasing([j for _, j in anchors], [self._support(old_items, new_items, a) for a in anchors])
        kept = [anchors[k] for k in keep]
        if top:
            kept_set = set(kept)
            for anchor in anchors:
                if anchor not in kept_set:
                    i, j = anchor
                    self.moved.append(Pairing("moved", (old_ids[i],), (new_ids[j],), 1.0, "anchor"))
            moved_old = {p.old[0] for p in self.moved}
            moved_new = {p.new[0] for p in self.moved}
        else:
            # Out-of-order anchors inside a gap are left to the gap aligner and global pass.
            moved_old, moved_new = set(), set()
        previous_i, previous_j = -1, -1
        for i, j in [*kept, (len(old_ids), len(new_ids))]:
            gap_old = [old_ids[k] for k in range(previous_i + 1, i) if old_ids[k] not in moved_old]
            gap_new = [new_ids[k] for k in range(previous_j + 1, j) if new_ids[k] not in moved_new]
            if i < len(old_ids):
                gap_old, gap_new, tail = self._extend(gap_old, gap_new)
            else:
                tail = []
            self._align(gap_old, gap_new, depth=depth + 1)
            self.ordered.extend(tail)
            if i < len(old_ids):
                self.ordered.append(Pairing("pair", (old_ids[i],), (new_ids[j],), 1.0, "anchor"))
            previous_i, previous_j = i, j

    @staticmethod
    def _support(old: Sequence[Item], new: Sequence[Item], anchor: tuple[int, int]) -> float:
        """Weight of an anchor: 1, plus a little for each diagonal neighbour that also matches.

        Among orders that keep equally many anchors, this keeps the one whose
        anchors sit among matching neighbours, so the paragraph that really
        moved is the one called ``moved``.
        """
        i, j = anchor
        key = old[i].key
        # A hair more for longer blocks (then a content hash): ties break the same
        # way whichever side is called old, so swapping the sides mirrors the result.
        weight = 1.0 + min(len(key), 10_000) * 1e-7 + (zlib.crc32(key.encode()) % 1000) * 1e-11
        for di in (-1, 1):
            if 0 <= i + di < len(old) and 0 <= j + di < len(new):
                a, b = old[i + di], new[j + di]
                if a.key == b.key or (
                    _upper_bound(len(a.words), len(b.words)) >= PAIR_THRESHOLD and similarity(a, b) >= PAIR_THRESHOLD
                ):
                    weight += 0.25
        return weight

    def _extend(self, gap_old: list[int], gap_new: list[int]) -> tuple[list[int], list[int], list[Pairing]]:
        """Pair equal keys just before an anchor and at the start of the gap (after the previous one)."""
        head: list[Pairing] = []
        while gap_old and gap_new and self.old[gap_old[0]].key == self.new[gap_new[0]].key:
            head.append(Pairing("pair", (gap_old.pop(0),), (gap_new.pop(0),), 1.0, "extend"))
        tail: list[Pairing] = []
        while gap_old and gap_new and self.old[gap_old[-1]].key == self.new[gap_new[-1]].key:
            tail.append(Pairing("pair", (gap_old.pop(),), (gap_new.pop(),), 1.0, "extend"))
        self.ordered.extend(head)
        return gap_old, gap_new, tail[::-1]

    # -- pass 3: similarity inside a gap ---------------------------------------------------

    def _fill_gap(self, old_ids: list[int], new_ids: list[int]) -> None:
        n, m = len(old_ids), len(new_ids)
        old = [self.old[i] for i in old_ids]
        new = [self.new[j] for j in new_ids]
        full = n * m <= FULL_DP_CELLS
        old_len, new_len = [0], [0]  # prefix sums of word counts, for cheap length bounds
        for item in old:
            old_len.append(old_len[-1] + len(item.words))
        for item in new:
            new_len.append(new_len[-1] + len(item.words))

        def centre(i: int) -> int:
            return min(m, max(0, (i * m) // n))

        neg = float("-inf")
        score: dict[tuple[int, int], float] = {(0, 0): 0.0}
        back: dict[tuple[int, int], tuple[int, int, str, float]] = {}
        for i in range(n + 1):
            # In a band, each row reaches its neighbours' centres, so every row connects.
            j_range = range(m + 1) if full else range(max(0, centre(i - 1) - BAND), min(m, centre(i + 1) + BAND) + 1)
            for j in j_range:
                if i == 0 and j == 0:
                    continue
                best, choice = neg, (0, 0, "", 0.0)
                for di, dj, kind in ((1, 0, "deleted"), (0, 1, "inserted")):
                    prev = score.get((i - di, j - dj))
                    if prev is not None and prev > best:
                        best, choice = prev, (di, dj, kind, 0.0)
                if i and j:
                    prev = score.get((i - 1, j - 1))
                    if prev is not None:
                        a, b = old[i - 1], new[j - 1]
                        if _upper_bound(len(a.words), len(b.words)) >= PAIR_THRESHOLD or a.key == b.key:
                            sim = similarity(a, b)
                            # Longer blocks win ties, whichever side is called old.
                            gain = 2 * sim + min(len(a.words) + len(b.words), 2000) * 1e-7
                            if sim >= PAIR_THRESHOLD and prev + gain > best:
                                best, choice = prev + gain, (1, 1, "pair", sim)
                    single_old, single_new = old_len[i] - old_len[i - 1], new_len[j] - new_len[j - 1]
                    for k in (2, 3):
                        # A split's parts (a merge's sources) stand together: when a moved block left the gap
                        # between them, they are no longer one paragraph cut in two, and a row spanning the
                        # hole would hide the moved block.
                        if (
                            j >= k
                            and new_ids[j - 1] - new_ids[j - k] == k - 1
                            and _upper_bound(single_old, new_len[j] - new_len[j - k]) >= SPLIT_THRESHOLD
                            and (prev := score.get((i - 1, j - k))) is not None
                        ):
                            sim = _group_similarity(old[i - 1], new[j - k : j])
                            if sim and prev + (k + 1) * sim > best:
                                best, choice = prev + (k + 1) * sim, (1, k, "split", sim)
                        if (
                            i >= k
                            and old_ids[i - 1] - old_ids[i - k] == k - 1
                            and _upper_bound(single_new, old_len[i] - old_len[i - k]) >= SPLIT_THRESHOLD
                            and (prev := score.get((i - k, j - 1))) is not None
                        ):
                            sim = _group_similarity(new[j - 1], old[i - k : i])
                            if sim and prev + (k + 1) * sim > best:
                                best, choice = prev + (k + 1) * sim, (k, 1, "merge", sim)
                if best > neg:
                    score[(i, j)] = best
                    back[(i, j)] = choice
        if (n, m) not in score:  # the band missed the corner: pair nothing
            return
        steps: list[Pairing] = []
        i, j = n, m
        left_old: list[int] = []  # blocks the programme left unpaired since the last pairing, newest first
        left_new: list[int] = []
        while i or j:
            di, dj, kind, sim = back[(i, j)]
            if kind in ("pair", "split", "merge"):
                steps.extend(reversed(self._rewrites(left_old[::-1], left_new[::-1])))
                left_old, left_new = [], []
                by = "gap" if kind == "pair" else kind
                steps.append(
                    Pairing(kind, tuple(old_ids[i - di : i]), tuple(new_ids[j - dj : j]), round(sim, 4), by)
                )
            elif kind == "deleted":
                left_old.append(old_ids[i - 1])
            else:
                left_new.append(new_ids[j - 1])
            i, j = i - di, j - dj
        steps.extend(reversed(self._rewrites(left_old[::-1], left_new[::-1])))
        self.ordered.extend(reversed(steps))

    def _rewrites(self, old_ids: list[int], new_ids: list[int]) -> list[Pairing]:
        """Pair the blocks rewritten in place: as many old as new ones, alone between paired blocks.

        A rewritten lede, statistic or correction notice keeps its place between unchanged paragraphs while
        sharing few words with what it replaced. Shown as an unrelated deletion and insertion, the reader
        loses which paragraph became which; paired, it is one ``modified`` row with its low similarity. Only
        up to :data:`REWRITE_MAX` blocks a side, in the same order, and each pair must share a word: a block
        replaced by one with no word in common ("null" by a telephone number) is a deletion and an insertion.
        """
        if not old_ids or len(old_ids) != len(new_ids) or len(old_ids) > REWRITE_MAX:
            return []
        if any(len(self.old[i].words) < MIN_PROSE_WORDS for i in old_ids) or any(
            len(self.new[j].words) < MIN_PROSE_WORDS for j in new_ids
        ):
            return []  # a menu entry renamed or replaced is no paragraph rewritten
        pairs = list(zip(old_ids, new_ids, strict=True))
        if not all(
            self._old_counts[self.old[i].key] == 1
            and self._new_counts[self.new[j].key] == 1
            and _lettered(self.old[i].key) & _lettered(self.new[j].key)
            for i, j in pairs
        ):
            return []  # a repeated paragraph's copies are not one paragraph rewritten: which copy it was is a tie
        return [
            Pairing("pair", (i,), (j,), round(similarity(self.old[i], self.new[j]), 4), "rewrite") for i, j in pairs
        ]

    # -- pass 4: moved and edited ----------------------------------------------------------

    def _find_moves(self) -> None:
        paired_old = {i for p in self.ordered for i in p.old} | {p.old[0] for p in self.moved}
        paired_new = {j for p in self.ordered for j in p.new} | {p.new[0] for p in self.moved}
        left_old = [i for i in range(len(self.old)) if i not in paired_old and len(self.old[i].words) >= MOVE_MIN_WORDS]
        left_new = [j for j in range(len(self.new)) if j not in paired_new and len(self.new[j].words) >= MOVE_MIN_WORDS]
        if not left_old or not left_new:
            return
        index: dict[int, list[int]] = {}
        for j in left_new:
            for word in set(self.new[j].words):
                index.setdefault(word, []).append(j)
        candidates: list[tuple[float, int, int]] = []
        for i in left_old:
            item = self.old[i]
            votes: Counter[int] = Counter()
            for word in set(item.words):
                posting = index.get(word)
                if posting and len(posting) <= RARE_WORD_LIMIT:
                    votes.update(posting)
            for j, _ in votes.most_common(MOVE_CANDIDATES):
                sim = similarity(item, self.new[j])
                if sim >= MOVE_THRESHOLD:
                    candidates.append((sim, i, j))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        used_old: set[int] = set()
        used_new: set[int] = set()
        for sim, i, j in candidates:
            if i not in used_old and j not in used_new:
                used_old.add(i)
                used_new.add(j)
                self.moved.append(Pairing("moved", (i,), (j,), round(sim, 4), "global"))

    # -- reading order ---------------------------------------------------------------------

    def _in_reading_order(self) -> list[Pairing]:
        ordered = sorted(self.ordered, key=lambda p: (p.new[0], p.old[0]))
        moved_by_new = {p.new[0]: p for p in self.moved}
        moved_old = {p.old[0] for p in self.moved}
        out: list[Pairing] = []
        next_old = 0
        next_new = 0

        def flush(old_limit: int, new_limit: int) -> None:
            nonlocal next_old, next_new
            while next_old < old_limit:
                if next_old not in moved_old:
                    out.append(Pairing("deleted", (next_old,), ()))
                next_old += 1
            while next_new < new_limit:
                moved = moved_by_new.get(next_new)
                out.append(moved if moved else Pairing("inserted", (), (next_new,)))
                next_new += 1

        for pairing in ordered:
            flush(pairing.old[0], pairing.new[0])
            out.append(pairing)
            next_old = max(next_old, pairing.old[-1] + 1)
            next_new = max(next_new, pairing.new[-1] + 1)
        flush(len(self.old), len(self.new))
        return out


def align(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    old_shown: Sequence[str] | None = None,
    new_shown: Sequence[str] | None = None,
    old_headings: Sequence[bool] | None = None,
    new_headings: Sequence[bool] | None = None,
) -> list[Pairing]:
    """Align two documents given their blocks' matching keys (and shown texts, to prefer identical copies;
    which blocks are headings, never parts of a split or merge)."""
    return Aligner(items(old_keys, old_shown, old_headings), items(new_keys, new_shown, new_headings)).run()
