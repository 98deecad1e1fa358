"""The rows of a report: each side's blocks cut into word pieces, ready to draw.

Every format draws from these, so the HTML, Markdown, text and terminal
reports agree on what changed, on paragraph numbers and on labels. Nothing here
recomputes a diff: the pieces come from the row's word spans.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.model import Block, Comparison, Document, Row, Span, SpanOp, guessed_rows

Side = Literal["old", "new"]


#: Words for people, per row op (the op names stay as they are in JSON).
LABELS: dict[str, str] = {
    "equal": "unchanged",
    "formatting": "formatting",
    "modified": "modified",
    "inserted": "inserted",
    "deleted": "deleted",
    "moved": "moved",
    "split": "split",
    "merged": "merged",
}


Piece = Span
"""A run of words on one side: equal to the other side, or only on this side (a span cut at block edges)."""


@dataclass(frozen=True, slots=True)
class SideBlock:
    """One block as shown on its side of a row."""

    block: Block
    pieces: tuple[Piece, ...]

    @property
    def number(self) -> int:
        """The paragraph number people see (block ids count from 0, people from 1)."""
        return self.block.id + 1


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One row of the comparison, prepared for drawing."""

    index: int
    """Position of the row in the comparison, from 0."""
    row: Row
    old: tuple[SideBlock, ...]
    new: tuple[SideBlock, ...]
    guess: bool = False
    """A boilerplate change dimmed on a guess (see :func:`tui.model.guessed_rows`): its badge asks to be checked."""

    @property
    def op(self) -> str:
        """The row op."""
        return self.row.op

    @property
    def is_change(self) -> bool:
        """True for a change of words or order (formatting is not one unless asked)."""
        return self.row.is_change

    @property
    def is_boilerplate(self) -> bool:
        """True when every block of the row is boilerplate."""
        return self.row.lane == "boilerplate"

    @property
    def category(self) -> str | None:
        """The boilerplate or metadata category of the row's blocks, if any."""
        for side in (self.new, self.old):
            for sb in side:
                if sb.block.category:
                    return sb.block.category
        return None

    @property
    def badge(self) -> str:
        """The row's category as a badge shows it, "?" after a guess: "navigation?"."""
        return (self.category or self.row.lane) + ("?" if self.guess else "")

    @property
    def label(self) -> str:
        """The op in words, with "edited" for moved, split and merged rows whose words changed too."""
        label = LABELS[self.row.op]
        if self.row.edited:
            label += " and edited"
        return label

    @property
    def location(self) -> str:
        """Where the row sits: "old ¶ 5 → new ¶ 1", "new ¶ 9" for an insertion."""
        parts = []
        if self.old:
            parts.append("old " + paragraph_range(self.old))
        if self.new:
            parts.append("new " + paragraph_range(self.new))
        return " → ".join(parts)


def region_runs(rows: Sequence[ReportRow]) -> dict[int, list[ReportRow]]:
    """Runs of boilerplate or metadata rows of one category and region, keyed by the first row's index.

    A donation appeal of eight paragraphs is one run: it gets one badge and one
    entry in a change list, not eight.
    """
    runs: dict[int, list[ReportRow]] = {}
    previous: tuple[str, str | None, int | None] | None = None
    current: list[ReportRow] = []
    for rr in rows:
        if rr.is_boilerplate or rr.row.lane == "metadata":
            blocks = rr.new or rr.old
            key = (rr.row.lane, rr.category, blocks[0].block.region if blocks else None)
            if key != previous:
                current = runs[rr.index] = []
            current.append(rr)
            previous = key
        else:
            previous = None
    return runs


def region_starts(rows: Sequence[ReportRow]) -> set[int]:
    """Indexes of the rows that open a run of boilerplate or metadata (see :func:`region_runs`)."""
    return set(region_runs(rows))


def paragraph_range(blocks: Sequence[SideBlock]) -> str:
    """Paragraph numbers of consecutive blocks: "¶ 5" or "¶ 5–6"."""
    first, last = blocks[0].number, blocks[-1].number
    return f"¶ {first}" if first == last else f"¶ {first}–{last}"


def _side_pieces(row: Row, doc: Document, ids: tuple[int, ...], side: Side) -> tuple[SideBlock, ...]:
    blocks = [doc.blocks[i] for i in ids]
    if row.spans is None:
        return tuple(SideBlock(b, (Piece("equal", b.plain),) if b.plain else ()) for b in blocks)
    own: SpanOp = "delete" if side == "old" else "insert"
    cut: list[list[Piece]] = [[]]
    for span in row.spans:
        if span.op != "equal" and span.op != own:
            continue
        for k, part in enumerate(span.text.split("\n")):
            if k:
                cut.append([])
            if part:
                cut[-1].append(Piece(span.op, part, span.typographic))
    cut = [_coalesce(pieces) for pieces in cut]
    if len(cut) != len(blocks):
        # The spans do not line up with the blocks (a newline inside a block's
        # plain text): show each block whole rather than misplace highlights.
        return tuple(SideBlock(b, (Piece("equal", b.plain),)) for b in blocks)
    return tuple(SideBlock(b, tuple(p)) for b, p in zip(blocks, cut, strict=True))


def _coalesce(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring pieces of one op, so "[-which would-]" is one mark, not three."""
    out: list[Piece] = []
    for piece in pieces:
        if out and out[-1].op == piece.op and out[-1].typographic == piece.typographic:
            out[-1] = Piece(piece.op, out[-1].text + piece.text, piece.typographic)
        else:
            out.append(piece)
    return out


def split_edges(text: str) -> tuple[str, str, str]:
    """Split ``text`` into leading white space, the core and trailing white space.

    Marks go around the core, so "gates {+could+} stay" rather than "gates{+ could+} stay".
    """
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def report_rows(comparison: Comparison) -> list[ReportRow]:
    """Prepare every row of ``comparison`` for drawing, in reading order."""
    guesses = guessed_rows(comparison.old, comparison.new, comparison.rows)
    return [
        ReportRow(
            index=i,
            row=row,
            old=_side_pieces(row, comparison.old, row.old, "old"),
            new=_side_pieces(row, comparison.new, row.new, "new"),
            guess=i in guesses,
        )
        for i, row in enumerate(comparison.rows)
    ]


@dataclass(frozen=True, slots=True)
class Gap:
    """Unchanged rows folded away from a report (the HTML report keeps them behind a toggle)."""

    rows: tuple[ReportRow, ...]

    @property
    def count(self) -> int:
        """How many rows were folded."""
        return len(self.rows)

    @property
    def phrase(self) -> str:
        """What was folded, in words: "3 unchanged rows", "9 rows unchanged but for formatting"."""
        noun = "row" if self.count == 1 else "rows"
        if any(r.op == "formatting" for r in self.rows):
            return f"{self.count} {noun} unchanged but for formatting"
        return f"{self.count} unchanged {noun}"


def with_context(
    rows: Sequence[ReportRow], context: int | None, is_change: Callable[[ReportRow], bool] | None = None
) -> list[ReportRow | Gap]:
    """Keep every change and ``context`` unchanged rows around each; fold the rest into gaps.

    Args:
        rows: The rows to choose from, in order.
        context: Unchanged rows kept on each side of a change; ``None`` keeps all.
        is_change: What counts as a change (``ReportRow.is_change`` by default).
    """
    if context is None:
        return list(rows)
    test = is_change or (lambda r: r.is_change)
    keep = [False] * len(rows)
    for i, row in enumerate(rows):
        if test(row):
            for j in range(max(0, i - context), min(len(rows), i + context + 1)):
                keep[j] = True
    out: list[ReportRow | Gap] = []
    skipped: list[ReportRow] = []
    for row, kept in zip(rows, keep, strict=True):
        if kept:
            if skipped:
                out.append(Gap(tuple(skipped)))
                skipped = []
            out.append(row)
        else:
            skipped.append(row)
    if skipped:
        out.append(Gap(tuple(skipped)))
    return out


def headline(comparison: Comparison) -> str | None:
    """The article's headline, from the new side first."""
    return comparison.new.title or comparison.old.title


def plural_blocks(n: int) -> str:
    """ "1 block", "16 blocks": counts read as English in every report."""
    return f"{n} block" if n == 1 else f"{n} blocks"
