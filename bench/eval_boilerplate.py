"""Score the boilerplate layer on real news pages with human-marked article bodies.

Run: ``python -m bench.eval_boilerplate`` (``--bench DIR`` for another copy of
``article-extraction-benchmark``; ``--jobs N``; ``--with-gold``, ``--added``, ``--alone``
or ``--twin`` for some tables only). Not part of the test run.

For each page, version A is the gold article body (plain text) and version B is
the page itself: as HTML, as plain text derived from the page, and as Markdown
derived from the page. A block of B is gold body when its words lie in the gold
body; every other block should be labelled boilerplate or metadata. Reported per
input format, pooled over pages: precision, recall and F1 of the non-body label
over the whole page and inside the article span (first to last gold body
block), the share of gold body blocks labelled non-body, and the share of the
gold body's paragraphs that the comparison pairs rather than inserts or deletes.

Six tables, one per version A (the last two on the adjudicated gold):

- "with-gold": the gold body, the issue's protocol (the other-version signal is
  strong there: words version A holds as article text are body);
- "added": the gold body less one paragraph in four, so those paragraphs are new
  in B, as in a stealth edit; its column added->bp is how many of their blocks
  are dimmed, the price of any rule that tips one-version-only blocks, and
  "unmarked" how many of those are dimmed with no "?" badge to warn the reader;
- "alone": none, the classifier's own signals only;
- "twin": the page itself, two snapshots in which nothing changed: every block
  is in both versions, so this shows how the dimmed layer reads on the shared
  text of a real pair of snapshots.
- "adjudicated": the with-gold protocol on an adjudicated gold: the benchmark's
  gold body less the lines that two blind annotators both marked as furniture
  or metadata (photo credits, shop buttons, "originally published by" lines
  the benchmark's gold keeps; see ``bench.adjudicate``) is version A and the
  truth, and the "added" protocol on it too; printed when
  ``bench/data/adjudicated-gold.json`` exists, beside the raw gold's tables,
  never instead of them.

Pages are split deterministically by a hash of their file name into a
development part and a held-out part (about one page in three), reported apart.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model import Block, Document

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "eval" / "article-extraction-benchmark"

#: Formats scored. "html" uses the extractor signal when trafilatura is installed; "html-plain" never does.
FORMATS = ("html", "html-plain", "text", "markdown", "trafilatura", "under-13")


def held_out(name: str) -> bool:
    """The deterministic split: about one page in three is held out."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 3 == 0


@dataclass
class Tally:
    """Block counts for one format over many pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    span_tp: int = 0
    span_fp: int = 0
    span_fn: int = 0
    body_blocks: int = 0
    body_flagged: int = 0
    gold_paragraphs: int = 0
    gold_paired: int = 0
    gold_flagged: int = 0
    added_blocks: int = 0
    added_flagged: int = 0
    added_silent: int = 0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Pool another tally into this one."""
        for name in (
            "tp", "fp", "fn", "span_tp", "span_fp", "span_fn", "body_blocks", "body_flagged",
            "gold_paragraphs", "gold_paired", "gold_flagged", "added_blocks", "added_flagged", "added_silent",
            "pages",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def read_truth(bench: Path, tool: str) -> dict[str, dict[str, str]] | None:
    """A benchmark copy's gold bodies by page name, or None (said in one line on stderr) when it has none."""
    truth_path = bench / "ground-truth.json"
    if not truth_path.is_file():
        print(f"{tool}: {truth_path} not found", file=sys.stderr)
        return None
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    return truth


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


#: A block of at least this many words is gold body wherever its words occur in the gold body.
GOLD_MIN_WORDS = 5
#: A block of at least this many words is gold body when this share of its word trigrams is in the gold body.
NEAR_MIN_WORDS = 15
NEAR_SHARE = 0.8
#: Blocks written mostly in scripts without spaces between words (Chinese, Japanese) are looked for letter by
#: letter once they have this many letters.
UNSPACED_MIN_CHARS = 15


def _unspaced(key: str) -> bool:
    """True for text written mostly in a script without spaces between words (CJK, Thai)."""
    letters = [c for c in key if c.isalpha()]
    return len(letters) >= UNSPACED_MIN_CHARS and sum(c >= "\u0e00" for c in letters) >= 0.5 * len(letters)


def _trigrams(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[k : k + 3]) for k in range(len(words) - 2)}


def _near_share(trigrams: Sequence[tuple[str, ...]], where_trigram: dict[tuple[str, ...], set[int]]) -> float:
    """The largest share of a block's word trigrams that one gold paragraph holds, or two neighbours in order."""
    places = [where_trigram.get(trigram, set()) for trigram in trigrams]
    best = 0
    for first in set().union(*places):
        current, held = first, 0
        for place in places:
            if current in place:
                held += 1
            elif current == first and first + 1 in place:
                current, held = first + 1, held + 1
        best = max(best, held)
    return best / len(trigrams) if trigrams else 0.0


#: How a block of the page lies in the gold body: not at all, nearly (see :func:`gold_labels`), or word for word.
ABSENT, NEAR, EXACT = 0, 1, 2


def gold_labels(keys: list[str], gold_text: str, gold_lines: frozenset[str]) -> list[int]:
    """Which blocks of a page are gold body (:data:`NEAR` or :data:`EXACT`): their words lie in the gold body.

    A short block ("Home", "News") lies in almost any text by chance, so a block
    under :data:`GOLD_MIN_WORDS` words counts only when it is a whole gold
    paragraph or directly continues the text matched by the block before it,
    and not when the next block matches those same words again (protocol
    change, round 2: a caption "Sonos" above the line "Sonos Move for $400"
    continues the previous paragraph's text only by chance).

    Two near misses count as body (protocol change, round 2): the gold bodies
    were copied by hand and some paragraphs differ from the page by a cut-off
    end or a split word ("expand ed"), so a block of :data:`NEAR_MIN_WORDS`
    words or more counts when :data:`NEAR_SHARE` of its word trigrams occur in
    the gold body (a page-long paragraph that shares a sentence or two with
    the story stays out), all of them in one gold paragraph or two neighbours, in order
    (protocol change, round 3: a photo caption pieced together from phrases
    of three different paragraphs is not the story's text); and a block in an unspaced script (Japanese) is one
    "word" to the word matcher, so it is looked for letter by letter. Near
    misses are body but do not widen the article span: a teaser far down the
    page that repeats a paragraph says nothing about where the article is.
    """
    flags = []
    cursor = -1
    # Which gold paragraphs hold each word trigram: a near miss must lie in one paragraph (or two
    # neighbours, cut differently), not be pieced together from phrases scattered over the story.
    where_trigram: dict[tuple[str, ...], set[int]] = {}
    for number, paragraph in enumerate(gold_text.split("\n")):
        for trigram in _trigrams(paragraph.split()):
            where_trigram.setdefault(trigram, set()).add(number)
    squeezed = gold_text.replace(" ", "").replace("\n", "")
    pending: tuple[int, int] | None = None  # a short block matched by continuation: (index, end of its match)
    for index, key in enumerate(keys):
        if not key:
            flags.append(ABSENT)
            continue
        needle = f" {key} "
        count = key.count(" ") + 1
        if count >= GOLD_MIN_WORDS:
            position = gold_text.find(needle)
            if position >= 0 and cursor >= 0:
                # Prefer the occurrence after the previous match when the words repeat.
                later = gold_text.find(needle, max(0, cursor - 1))
                position = later if later >= 0 else position
            continued = False
        else:
            position = gold_text.find(needle, max(0, cursor - 1)) if cursor >= 0 else -1
            if position >= 0 and position > cursor + 3:
                position = -1
            continued = position >= 0
            if position < 0 and key in gold_lines:
                position = gold_text.find(needle)
        if pending is not None and 0 <= position < pending[1]:
            flags[pending[0]] = ABSENT
        pending = None
        if position >= 0:
            flags.append(EXACT)
            cursor = position + len(needle) - 1
            if continued and key not in gold_lines:
                pending = (index, cursor)
        elif count >= NEAR_MIN_WORDS:
            words = key.split()
            trigrams = [tuple(words[k : k + 3]) for k in range(len(words) - 2)]
            flags.append(NEAR if _near_share(trigrams, where_trigram) >= NEAR_SHARE else ABSENT)
        elif _unspaced(key):
            flags.append(NEAR if key.replace(" ", "") in squeezed else ABSENT)
        else:
            flags.append(ABSENT)
    return flags


def _markdown_of(blocks: Iterable[object]) -> str:
    """Markdown derived from a page's visible blocks: headings, list items, quotes and links marked up."""
    lines = []
    for block in blocks:
        plain = block.plain  # type: ignore[attr-defined]
        hints = block.hints  # type: ignore[attr-defined]
        kind = block.kind  # type: ignore[attr-defined]
        if hints is not None and hints.link_ratio >= 0.9 and len(hints.links) == 1:
            plain = f"[{plain}]({hints.links[0]})"
        if kind == "heading" and hints is not None and hints.tag[1:].isdigit():
            lines.append("#" * int(hints.tag[1:]) + " " + plain)
        elif kind == "list-item":
            lines.append("- " + plain)
        elif kind == "quote":
            lines.append("> " + plain)
        elif kind == "caption":
            lines.append(f"*{plain}*")
        else:
            lines.append(plain)
    return "\n\n".join(lines) + "\n"


def _text_of(blocks: Iterable[object]) -> str:
    """Plain text derived from a page: its visible blocks, one paragraph each, blank-line separated."""
    return "\n\n".join(block.plain for block in blocks) + "\n"  # type: ignore[attr-defined]


def _words(text: str) -> str:
    """A text's words, folded as the classifier folds them, one space apart."""
    from tui.classify.lexicon import fold, words_of

    return " ".join(words_of(fold(text)))


@dataclass(frozen=True)
class Gold:
    """A page's gold article body: as a document (version A), and as words to look blocks up in."""

    document: Document
    text: str
    """The gold paragraphs' words, paragraphs apart, padded with spaces for whole-word search."""
    lines: frozenset[str]

    @classmethod
    def of(cls, body: str) -> Gold:
        """The gold of a page from its ``articleBody``."""
        from tui.compare import load

        document = load("gold.txt", "text", data=body.encode())
        paragraphs = [_words(b.plain) for b in document.blocks]
        return cls(document, " " + " \n ".join(paragraphs) + " ", frozenset(paragraphs))

    def flags(self, blocks: Sequence[Block]) -> list[int]:
        """How each block lies in the gold body (see :func:`gold_labels`)."""
        return gold_labels([_words(b.plain) for b in blocks], self.text, self.lines)


def page_versions(path: Path) -> dict[str, tuple[Document, str | None]]:
    """The page in every scored format: the document to label and, for "html", the HTML source for the extractor."""
    from tui.compare import load
    from tui.engine.read import read_source

    raw = gzip.decompress(path.read_bytes())
    page = load(path.name, "html", data=raw)
    return {
        "html": (page, read_source(path.name, "html", data=raw).text),
        "html-plain": (page, None),
        "text": (load("page.txt", "text", data=_text_of(page.blocks).encode()), None),
        "markdown": (load("page.md", "markdown", data=_markdown_of(page.blocks).encode()), None),
    }


#: In the "added" mode, every this-many-th gold paragraph (from the third) is left out of version A.
ADDED_EVERY = 4


def split_added(gold_body: str) -> tuple[str, str]:
    """The gold body less one paragraph in :data:`ADDED_EVERY` (version A), and those paragraphs (new in B)."""
    paragraphs = [line for line in gold_body.split("\n") if line.strip()]
    kept = [p for i, p in enumerate(paragraphs) if i % ADDED_EVERY != 2]
    added = [p for i, p in enumerate(paragraphs) if i % ADDED_EVERY == 2]
    return "\n".join(kept), "\n".join(added)


def score_page(path: str, gold_body: str, mode: str = "with-gold", baselines: bool = True) -> dict[str, Tally]:
    """Score one page in every format.

    Args:
        path: The page (gzipped HTML).
        gold_body: Its gold article body.
        mode: One of :data:`MODES`: what version A is.
        baselines: Score the trafilatura and under-13 baselines too.
    """
    from tui.classify import classify, classify_one
    from tui.classify.extraction import extract
    from tui.classify.lexicon import block_key
    from tui.compare import compare_documents
    from tui.engine.normalize import shows_text
    from tui.model import PAIRED_OPS, Options

    gold = Gold.of(gold_body)
    version_a, added = gold, None
    if mode == "added":
        kept_body, added_body = split_added(gold_body)
        if added_body:
            version_a, added = Gold.of(kept_body), Gold.of(added_body)
    versions = page_versions(Path(path))
    result: dict[str, Tally] = {}
    for fmt, (document, source) in versions.items():
        if mode == "alone":
            labelled_gold, labelled = classify_one(gold.document), classify_one(document, html=source)
        elif mode == "twin":
            labelled_gold = classify_one(gold.document)
            labelled = classify(document, document, old_html=source, new_html=source)[1]
        else:
            labelled_gold, labelled = classify(version_a.document, document, new_html=source)
        comparison = compare_documents(labelled_gold, labelled, Options(classify=False))
        gold_flags = gold.flags(labelled.blocks)
        tally = _tally(fmt, path, labelled.blocks, [b.role != "body" for b in labelled.blocks], gold_flags)
        if added is not None:
            new_here = [i for i, match in enumerate(added.flags(labelled.blocks)) if match != ABSENT]
            tally.added_blocks = len(new_here)
            tally.added_flagged = sum(labelled.blocks[i].role != "body" for i in new_here)
            guesses = labelled.guessed()
            tally.added_silent = sum(labelled.blocks[i].role != "body" and i not in guesses for i in new_here)
        paired = set()
        for row in comparison.rows:
            if row.op in PAIRED_OPS:
                paired.update(row.old)
        # A gold "paragraph" that shows nothing (a lone zero-width space) is no paragraph a reader could pair.
        visible = {b.id for b in labelled_gold.blocks if shows_text(b.plain)}
        tally.gold_paragraphs = len(visible)
        tally.gold_paired = len(paired & visible)
        tally.gold_flagged = sum(b.role != "body" for b in labelled_gold.blocks)
        result[fmt] = tally
    if not baselines:
        return result
    # Baselines for scale, on the page's HTML blocks: the extractor alone, and "under 13 words".
    page, page_html = versions["html"]
    gold_flags = gold.flags(page.blocks)
    extraction = extract(page_html or "")
    if extraction is not None:
        outside = [
            not (key in extraction.lines or (len(b.plain.split()) >= 4 and key in extraction.joined)) if key else True
            for b, key in ((b, block_key(b.plain)) for b in page.blocks)
        ]
        result["trafilatura"] = _tally("trafilatura", path, page.blocks, outside, gold_flags)
    short = [len(b.plain.split()) < 13 for b in page.blocks]
    result["under-13"] = _tally("under-13", path, page.blocks, short, gold_flags)
    return result


def _tally(
    fmt: str, path: str, blocks: Sequence[Block], predicted: Sequence[bool], gold_flags: Sequence[int]
) -> Tally:
    """Count one page's labels against the gold: whole page and inside the article span."""
    tally = Tally(pages=1)
    body_indices = [i for i, match in enumerate(gold_flags) if match == EXACT]
    if not body_indices:  # a page in an unspaced script may match only letter by letter
        body_indices = [i for i, match in enumerate(gold_flags) if match != ABSENT]
    first, last = (body_indices[0], body_indices[-1]) if body_indices else (1, 0)
    name = Path(path).name[:10]
    for index, (block, flagged, match) in enumerate(zip(blocks, predicted, gold_flags, strict=True)):
        is_body = match != ABSENT
        actual = not is_body
        inside = first <= index <= last
        if flagged and actual:
            tally.tp += 1
            tally.span_tp += inside
        elif flagged:
            tally.fp += 1
            tally.span_fp += inside
            tally.misses.append(f"{fmt}\tFP\t{name}\t{block.category}\t{block.plain[:100]}")
        elif actual:
            tally.fn += 1
            tally.span_fn += inside
            if inside:
                tally.misses.append(f"{fmt}\tFN\t{name}\t{block.kind}\t{block.plain[:100]}")
        if is_body:
            tally.body_blocks += 1
            tally.body_flagged += flagged
    return tally


#: The ways a page is labelled, by what version A is (see the module's docstring).
MODES = {
    "with-gold": "the gold body as the other version",
    "added": f"the gold body less one paragraph in {ADDED_EVERY} as the other version: paragraphs added in B",
    "alone": "each page alone",
    "twin": "the page itself as the other version: two snapshots, nothing changed",
    "adjudicated": "as with-gold, the gold being the benchmark's less the lines two blind annotators marked as"
    " furniture or metadata (bench/adjudicate.py)",
    "adjudicated-added": "as added, on the adjudicated gold",
}


def _score(item: tuple[str, str, tuple[str, ...], str]) -> tuple[str, dict[tuple[str, str], Tally]]:
    path, body, modes, adjudicated = item
    tallies: dict[tuple[str, str], Tally] = {}
    for number, mode in enumerate(modes):
        if mode.startswith("adjudicated"):
            base = "added" if mode.endswith("added") else "with-gold"
            scored = score_page(path, adjudicated, base, baselines=False)
        else:
            scored = score_page(path, body, mode, baselines=number == 0)
        for fmt, tally in scored.items():
            tallies[mode, fmt] = tally
    return path, tallies


def _print_rows(parts: dict[str, dict[tuple[str, str], Tally]], mode: str) -> None:
    """One table's rows: each part, each format labelled in ``mode``."""
    for part_name, tallies in parts.items():
        for fmt in FORMATS:
            t = tallies.get((mode, fmt))
            if t is None:  # the baselines do not depend on the mode: they are scored with the first one
                continue
            p, r, f1 = _f1(t.tp, t.fp, t.fn)
            sp, sr, sf1 = _f1(t.span_tp, t.span_fp, t.span_fn)
            flagged = t.body_flagged / t.body_blocks if t.body_blocks else 0.0
            paired = f"{t.gold_paired / t.gold_paragraphs:>7.2%}" if t.gold_paragraphs else f"{'-':>7}"
            added = (
                f" {t.added_flagged / t.added_blocks:>10.2%} {t.added_silent / t.added_blocks:>8.2%}"
                if t.added_blocks
                else ""
            )
            print(
                f"{part_name:<12} {fmt:<11} {t.pages:>5} {p:>7.3f} {r:>7.3f} {f1:>8.3f} {sp:>7.3f} {sr:>7.3f}"
                f" {sf1:>8.3f} {flagged:>9.2%} {paired}{added}"
            )


def breakdown(tally: Tally) -> str:
    """What the gold body blocks labelled non-body were labelled, by category, and on how many pages.

    The pooled body->bp share hides whether one page's convention (its photo credits kept in the
    marked body) or a rule that misfires everywhere is behind it.
    """
    blocks: dict[str, int] = {}
    pages: dict[str, set[str]] = {}
    for miss in tally.misses:
        _fmt, kind, page, category, _text = miss.split("\t", 4)
        if kind == "FP":
            blocks[category] = blocks.get(category, 0) + 1
            pages.setdefault(category, set()).add(page)
    ranked = sorted(blocks, key=lambda c: (-blocks[c], c))
    return "; ".join(
        f"{c} {blocks[c]} on {len(pages[c])} page{'s' if len(pages[c]) > 1 else ''}" for c in ranked
    )


def main() -> int:
    """Score every page and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages (for a quick look)")
    parser.add_argument(
        "--alone", action="store_true", help="only label each page on its own, without the other-version signal"
    )
    parser.add_argument("--with-gold", action="store_true", help="only label each page with the gold body as A")
    parser.add_argument(
        "--added", action="store_true", help="only label each page with the gold body less some paragraphs as A"
    )
    parser.add_argument("--twin", action="store_true", help="only label each page with itself as the other version")
    parser.add_argument(
        "--adjudicated", action="store_true", help="only the with-gold and added protocols on the adjudicated gold"
    )
    parser.add_argument("--misses", type=Path, help="write misclassified blocks here (tab-separated)")
    args = parser.parse_args()
    truth = read_truth(args.bench, "eval_boilerplate")
    if truth is None:
        return 2
    from bench.adjudicate import adjudicated_body, load_adjudication

    chosen = {
        "with-gold": args.with_gold, "added": args.added, "alone": args.alone, "twin": args.twin,
        "adjudicated": args.adjudicated, "adjudicated-added": args.adjudicated,
    }  # fmt: skip
    marked = load_adjudication() if args.bench == BENCH else {}
    if args.adjudicated and not marked:
        print(f"eval_boilerplate: no adjudicated gold for {args.bench}", file=sys.stderr)
        return 2
    everything = tuple(m for m in MODES if marked or not m.startswith("adjudicated"))
    modes = tuple(m for m, only in chosen.items() if only) or everything
    items = sorted(
        (
            str(args.bench / "html" / f"{name}.html.gz"),
            entry["articleBody"],
            modes,
            adjudicated_body(name, entry["articleBody"], marked),
        )
        for name, entry in truth.items()
        if (args.bench / "html" / f"{name}.html.gz").is_file()
    )
    if args.limit:
        items = items[: args.limit]
    parts: dict[str, dict[tuple[str, str], Tally]] = {"development": {}, "held-out": {}}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, tallies in pool.map(_score, items, chunksize=2):
            part = parts["held-out" if held_out(Path(path).name) else "development"]
            for key, tally in tallies.items():
                part.setdefault(key, Tally()).add(tally)
    try:
        import trafilatura  # noqa: F401

        extractor = "with trafilatura as one signal"
    except ImportError:
        extractor = "trafilatura not installed: html = html-plain"
    print(f"Boilerplate evaluation on {len(items)} pages ({extractor}); the non-body label, pooled.")
    header = (
        f"{'part':<12} {'format':<11} {'pages':>5} {'P page':>7} {'R page':>7} {'F1 page':>8} {'P span':>7}"
        f" {'R span':>7} {'F1 span':>8} {'body->bp':>9} {'paired':>7}"
    )
    for mode in modes:
        print(f"\n{mode}: {MODES[mode]}")
        print(header + (f" {'added->bp':>10} {'unmarked':>8}" if mode.endswith("added") else ""))
        print("-" * len(header))
        _print_rows(parts, mode)
        for part_name, tallies in parts.items():
            if (found := tallies.get((mode, "html"))) is not None and found.body_flagged:
                print(f"  {part_name} html body->bp by category: {breakdown(found)}")
    print(
        "body->bp: gold body blocks of the page labelled boilerplate or metadata;"
        " paired: gold body paragraphs paired rather than inserted or deleted;"
        " added->bp: blocks of the paragraphs added in B labelled boilerplate or metadata (a stealth edit dimmed);"
        " unmarked: those of them not badged as a guess ('navigation?'), so dimmed with no warning.\n"
        "Baselines on the HTML blocks: trafilatura = its extraction alone; under-13 = a block under 13 words."
    )
    if args.misses:
        misses = [f"{name}\t{m}" for name, part in parts.items() for t in part.values() for m in t.misses]
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
