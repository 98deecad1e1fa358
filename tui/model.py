"""The Comparison model: frozen dataclasses that every stage hands to the next.

The engine builds one :class:`Comparison`; the viewer and every report only
read it. Nothing here knows about screens, files or formats beyond names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

RowOp = Literal["equal", "formatting", "modified", "inserted", "deleted", "moved", "split", "merged"]
"""What happened to the blocks of one row."""

ROW_OPS: tuple[RowOp, ...] = (
    "equal",
    "formatting",
    "modified",
    "inserted",
    "deleted",
    "moved",
    "split",
    "merged",
)

SpanOp = Literal["equal", "insert", "delete"]
"""What happened to one run of words inside a paired row."""

Role = Literal["body", "boilerplate", "metadata"]
"""Which layer a block belongs to."""

BlockKind = Literal[
    "heading", "paragraph", "list-item", "quote", "caption", "image", "metadata", "code", "table", "other"
]

SourceFormat = Literal["text", "markdown", "html"]

BoilerplateMode = Literal["show", "dim", "hide"]
"""How boilerplate is drawn: like the article, dimmed (and listed apart in reports), or hidden behind one line."""

BOILERPLATE_MODES: tuple[BoilerplateMode, ...] = ("dim", "hide", "show")
"""Every mode, in the order the viewer's ``b`` key cycles through them."""

BOILERPLATE_CATEGORIES: tuple[str, ...] = (
    "donation-appeal",
    "newsletter",
    "related-link",
    "photo-credit",
    "source-link",
    "share-prompt",
    "consent",
    "navigation",
    "author-bio",
    "comments",
    "footer",
)
METADATA_CATEGORIES: tuple[str, ...] = ("title", "date", "byline", "dateline", "description", "front-matter")

#: The gutter marker of each row op, the same in the viewer and every report,
#: so a change reads without colour.
MARKERS: dict[str, str] = {
    "equal": " ",
    "formatting": "≈",
    "modified": "~",
    "inserted": "+",
    "deleted": "-",
    "moved": "»",
    "split": "├",
    "merged": "┤",
}

#: Row ops that pair blocks of both sides and so carry word spans.
PAIRED_OPS: frozenset[str] = frozenset({"equal", "formatting", "modified", "moved", "split", "merged"})
#: Row ops that are not a change to the text (typography aside).
UNCHANGED_OPS: frozenset[str] = frozenset({"equal", "formatting"})


@dataclass(frozen=True, slots=True)
class StructureHints:
    """Where an HTML block sat in its page: the boilerplate layer reads these."""

    tag: str
    """The block's own element name, such as ``p`` or ``figcaption``."""
    ancestors: tuple[str, ...] = ()
    """Tag names, classes and ids of enclosing elements, innermost first, lower-cased."""
    link_ratio: float = 0.0
    """Share of the block's characters that sit inside links."""
    links: tuple[str, ...] = ()
    """The hrefs of links inside the block."""
    own: int = 0
    """How many of the first ``ancestors`` words are the block's own element (its tag, classes and id)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of an article version."""

    id: int
    """Position in its document, from 0."""
    kind: BlockKind
    """Structural kind: heading, paragraph, list item, quote, caption, ..."""
    text: str
    """The original source text of the block, exactly as read (markup kept)."""
    plain: str
    """The block's text without markup and with white space collapsed: what is shown and diffed."""
    role: Role = "body"
    """Which layer the block belongs to."""
    category: str | None = None
    """A boilerplate or metadata category from the design vocabulary."""
    reasons: tuple[str, ...] = ()
    """Human-readable reasons for the role and category."""
    confidence: float = 1.0
    """How sure the classifier is of the role, in [0, 1]."""
    prefix: str = ""
    """Source text between the previous block and this one, so the document can be rebuilt."""
    hints: StructureHints | None = None
    """HTML structure hints, when the source was HTML."""
    region: int | None = None
    """Index of the boilerplate region the block belongs to, if any."""


def is_declared_metadata(block: Block) -> bool:
    """Whether the source itself declared the block metadata (a front-matter field): no classifier overrules it."""
    return block.kind == "metadata" and block.role == "metadata"


def declared_metadata(blocks: Sequence[Block]) -> frozenset[int]:
    """Positions of the blocks the source declared metadata (see :func:`is_declared_metadata`)."""
    return frozenset(index for index, block in enumerate(blocks) if is_declared_metadata(block))


#: Boilerplate whose region's surest block is less sure than this was dimmed on a guess: on its shape and on being
#: in one version only, with no phrase, box, link or opener naming it. On the benchmark's development pages, as
#: plain text, this flags 80 of the 136 added article lines wrongly dimmed and 33 of the 377 furniture lines.
GUESS_CONFIDENCE = 0.75


@dataclass(frozen=True, slots=True)
class Document:
    """One version of an article, segmented into blocks."""

    source: str
    """Where it came from, as the user named it (a path, ``-`` or a label)."""
    format: SourceFormat
    """The detected or requested input format."""
    blocks: tuple[Block, ...]
    """Blocks in reading order."""
    title: str | None = None
    """The article's headline when known."""
    date: str | None = None
    """The article's date line when known."""
    encoding: str = "utf-8"
    """The encoding the bytes were decoded with."""
    trailer: str = ""
    """Source text after the last block."""
    source_html: str | None = field(default=None, compare=False, repr=False)
    """The page's HTML when the input was HTML: the boilerplate layer reads it; reports do not carry it."""

    def rebuild(self) -> str:
        """Return the source text for text and Markdown inputs (the visible text for HTML)."""
        return "".join(b.prefix + b.text for b in self.blocks) + self.trailer

    def guessed(self) -> frozenset[int]:
        """Ids of the boilerplate blocks labelled on a guess (see :data:`GUESS_CONFIDENCE`).

        A region counts as a whole: "Dear readers," is no guess inside an appeal its opener names.
        """
        surest: dict[int | None, float] = {}
        for block in self.blocks:
            if block.role == "boilerplate" and block.region is not None:
                surest[block.region] = max(surest.get(block.region, 0.0), block.confidence)
        return frozenset(
            block.id
            for block in self.blocks
            if block.role == "boilerplate"
            and (surest[block.region] if block.region is not None else block.confidence) < GUESS_CONFIDENCE
        )

    def with_blocks(self, blocks: tuple[Block, ...]) -> Document:
        """Return a copy holding ``blocks`` (used by stages that relabel blocks)."""
        return replace(self, blocks=blocks)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text inside a paired row: equal on both sides, or on one only."""

    op: SpanOp
    text: str
    typographic: bool = False
    """For a ``delete`` and the ``insert`` right after it: only typography differs
    between them (``"`` against ``“``), so renderers can show them faintly."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the side-by-side view: blocks of the old and new side that belong together."""

    op: RowOp
    old: tuple[int, ...]
    """Block ids on the old side (empty for ``inserted``)."""
    new: tuple[int, ...]
    """Block ids on the new side (empty for ``deleted``)."""
    similarity: float | None = None
    """For paired rows, how alike the two sides are, in [0, 1]."""
    spans: tuple[Span, ...] | None = None
    """Word spans for paired rows: equal+delete rebuild the old plain text, equal+insert the new.

    Several blocks on one side (split and merged rows) are joined with ``"\\n"``.
    """
    differences: tuple[str, ...] = ()
    """For ``formatting`` (and edited ``moved``) rows: what kind of typography differed."""
    matched_by: str | None = None
    """Which alignment pass paired the row: anchor, extend, gap, split, merge, global."""
    lane: Role = "body"
    """The layer of the row: ``body`` unless all its blocks are boilerplate or metadata."""
    edited: bool = False
    """For ``moved``, ``split`` and ``merged`` rows: whether the words changed too."""

    @property
    def is_change(self) -> bool:
        """True when the row changes the words or the order of the article."""
        return self.op not in UNCHANGED_OPS


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts and the verdict that headers and exit statuses are drawn from."""

    counts: dict[str, int]
    """Rows per op, over every lane."""
    boilerplate_old: int
    """Boilerplate blocks on the old side."""
    boilerplate_new: int
    """Boilerplate blocks on the new side."""
    body_changed: bool
    """False when only boilerplate, metadata or formatting differ."""
    metadata_changes: tuple[str, ...] = ()
    """Metadata categories that differ, such as ``title``: changed, or present in one version only (see
    :func:`tui.engine.changes.metadata_changes`). A changed headline is news and leads the verdict; one a
    scrape missed is listed here, calmly."""
    verdict: str = ""
    """One sentence for people."""
    body_counts: dict[str, int] = field(default_factory=dict)
    """Rows per op in the body lane only."""
    changes: int = 0
    """Changes to the article's words or order (:func:`tui.engine.changes.changes_body`): the one change count
    every drawing gives, the viewer's stops and the reports' "4 changes"."""
    guessed: int = 0
    """Changes in the boilerplate lane that rest on a guess (see :data:`GUESS_CONFIDENCE`): a reader should check
    them, since a stealth edit dimmed by mistake would hide there."""

    @property
    def body_may_have_changed(self) -> bool:
        """The body changed, or a change dimmed as boilerplate rests on a guess: the exit status's answer.

        A false alarm costs the reader a glance; a correction hidden as furniture costs the product its reason
        to exist. So a guess never lets the verdict say "unchanged".
        """
        return self.body_changed or self.guessed > 0


@dataclass(frozen=True, slots=True)
class LexiconSettings:
    """Which phrase lexicons the classifier reads, handed to it as a parameter (it reads no environment).

    The command line gathers them once from its flags, the environment and the config file.
    """

    files: tuple[str, ...] = ()
    """The user's lexicon files (TOML, the shape of ``tui/data/boilerplate/en.toml``), in the order read."""
    languages: tuple[str, ...] | None = None
    """Shipped lexicons to use, such as ``("en", "de")``; None: English plus the languages the text is in."""


@dataclass(frozen=True, slots=True)
class Options:
    """Choices that change how two versions are compared."""

    formatting_is_change: bool = False
    """Treat typography (quotes, dashes, markup) as a real edit."""
    ignore_case: bool = False
    """Treat a change of letter case as formatting."""
    classify: bool = True
    """Run the boilerplate layer."""
    lexicons: LexiconSettings = LexiconSettings()
    """The phrase lexicons the boilerplate layer reads."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """The single source of truth: two documents and the rows that pair them."""

    old: Document
    new: Document
    rows: tuple[Row, ...]
    summary: Summary
    options: Options = Options()

    def old_block(self, block_id: int) -> Block:
        """Return the old side's block with ``block_id``."""
        return self.old.blocks[block_id]

    def new_block(self, block_id: int) -> Block:
        """Return the new side's block with ``block_id``."""
        return self.new.blocks[block_id]


def guessed_rows(old: Document, new: Document, rows: Sequence[Row]) -> frozenset[int]:
    """Indexes of the boilerplate changes that hold a block dimmed on a guess (see :data:`GUESS_CONFIDENCE`).

    That is where a stealth edit labelled furniture by mistake would hide; a row unchanged between the
    versions hides nothing, so it is never one.
    """
    old_guesses, new_guesses = old.guessed(), new.guessed()
    if not old_guesses and not new_guesses:
        return frozenset()
    return frozenset(
        index
        for index, row in enumerate(rows)
        if row.lane == "boilerplate"
        and row.is_change
        and (any(i in old_guesses for i in row.old) or any(j in new_guesses for j in row.new))
    )
