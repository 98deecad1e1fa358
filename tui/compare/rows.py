"""One row per pairing: the op it shows, its word spans and its lane.

The aligner says which blocks belong together; this decides what the pairing
is to a reader (equal, formatting, modified, moved and edited ...) from the
blocks' words and typography.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.engine.align import Pairing
from tui.engine.inline import word_spans
from tui.engine.typography import differences
from tui.model import Block, Document, Options, Role, Row, RowOp, Span

_SPACE_RE = re.compile(r"\s+")


def _lane(blocks: Sequence[Block]) -> Role:
    roles = {b.role for b in blocks}
    if "body" in roles or not roles:
        return "body"
    return "boilerplate" if "boilerplate" in roles else "metadata"


def _source(blocks: Sequence[Block]) -> str:
    return "\n".join(b.text for b in blocks)


def _joined(blocks: Sequence[Block]) -> str:
    return "\n".join(b.plain for b in blocks)


def build_row(
    pairing: Pairing, old: Document, new: Document, keys: tuple[list[str], list[str]], options: Options
) -> Row:
    """The row for ``pairing``; ``keys`` are each side's match keys, block by block."""
    old_blocks = [old.blocks[i] for i in pairing.old]
    new_blocks = [new.blocks[j] for j in pairing.new]
    lane = _lane(old_blocks + new_blocks)
    if pairing.kind in ("deleted", "inserted"):
        op: RowOp = pairing.kind  # type: ignore[assignment]
        return Row(op, pairing.old, pairing.new, lane=lane)
    if (
        pairing.kind == "pair"
        and old.format == new.format
        and old_blocks[0].text == new_blocks[0].text
    ):
        # The common case, kept cheap: the very same source text.
        text = old_blocks[0].plain
        return Row("equal", pairing.old, pairing.new, 1.0, (Span("equal", text),) if text else (), (),
                   pairing.matched_by, lane)
    old_key = " ".join(keys[0][i] for i in pairing.old)
    new_key = " ".join(keys[1][j] for j in pairing.new)
    # Words run together or pulled apart by re-formatted markup ("twowords", a stray space inside a quote
    # mark) are the same words: spacing is formatting, never an edit.
    same_words = old_key == new_key or _SPACE_RE.sub("", old_key) == _SPACE_RE.sub("", new_key)
    old_plain, new_plain = _joined(old_blocks), _joined(new_blocks)
    spans = word_spans(old_plain, new_plain)
    diffs: tuple[str, ...] = ()
    if same_words:
        old_source, new_source = _source(old_blocks), _source(new_blocks)
        diffs = differences(old_plain, new_plain, old_source, new_source)
        if old.format != new.format and "markup" not in diffs and old_source != new_source:
            # The same words carried by another markup language (Markdown on one
            # side, plain text on the other) are a change of markup, not equal text.
            diffs = (*diffs, "markup")
    if pairing.kind != "pair":
        op = {"moved": "moved", "split": "split", "merge": "merged"}[pairing.kind]  # type: ignore[assignment]
    elif not same_words:
        op = "modified"
    elif not diffs:
        op = "equal"
    else:
        op = "modified" if options.formatting_is_change else "formatting"
    edited = not same_words or (options.formatting_is_change and bool(diffs))
    return Row(
        op,
        pairing.old,
        pairing.new,
        similarity=1.0 if same_words else pairing.similarity,
        spans=spans,
        differences=diffs,
        matched_by=pairing.matched_by,
        lane=lane,
        edited=edited and op in ("moved", "split", "merged"),
    )
