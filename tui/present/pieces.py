"""Each side of a row cut into word pieces: equal to the other side, or only on this side.

Nothing here recomputes a diff: the pieces come from the row's word spans, cut at
block edges. A typography-only replacement ("Washington's" against
"Washington’s") is narrowed to the characters that differ, so every drawing
marks the apostrophe, not the word.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from tui.model import Block, Document, Row, Span, SpanOp
from tui.present.words import Side

Piece = Span
"""A run of words on one side (a span cut at block edges)."""


@dataclass(frozen=True, slots=True)
class SideBlock:
    """One block as shown on its side of a row."""

    block: Block
    pieces: tuple[Piece, ...]

    @property
    def number(self) -> int:
        """The paragraph number people see (block ids count from 0, people from 1)."""
        return self.block.id + 1


def narrow_typography(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Split each typographic delete+insert pair into the characters they share (equal) and those that differ."""
    if not any(s.typographic for s in spans):
        return spans
    out: list[Span] = []
    k = 0
    while k < len(spans):
        span = spans[k]
        after = spans[k + 1] if k + 1 < len(spans) else None
        if span.op == "delete" and span.typographic and after is not None and after.op == "insert":
            out.extend(_characters(span.text, after.text))
            k += 2
            continue
        out.append(span)
        k += 1
    return tuple(s for s in out if s.text)


def _characters(old: str, new: str) -> list[Span]:
    """Spans for a typographic replacement, character by character (the strings are a word or two long)."""
    out: list[Span] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Span("equal", old[i1:i2]))
            continue
        if i2 > i1:
            out.append(Span("delete", old[i1:i2], True))
        if j2 > j1:
            out.append(Span("insert", new[j1:j2], True))
    return out


def side_blocks(row: Row, doc: Document, side: Side) -> tuple[SideBlock, ...]:
    """The blocks of ``side`` of ``row`` with their pieces."""
    ids = row.old if side == "old" else row.new
    blocks = [doc.blocks[i] for i in ids]
    if row.spans is None:
        return tuple(SideBlock(b, (Piece("equal", b.plain),) if b.plain else ()) for b in blocks)
    if len(row.spans) == 1 and len(blocks) == 1 and row.spans[0].op == "equal" and "\n" not in row.spans[0].text:
        # Most rows of an article are one block the same on both sides: what the loop below gives, 4 times faster.
        return (SideBlock(blocks[0], row.spans if row.spans[0].text else ()),)
    own: SpanOp = "delete" if side == "old" else "insert"
    cut: list[list[Piece]] = [[]]
    for span in narrow_typography(row.spans):
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
