"""The whole comparison: read, segment, classify, align, word-diff, summarise.

This is the one entry point the viewer and the reports call. It never imports
Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.classify import classify
from tui.engine.align import Pairing, align
from tui.engine.inline import word_spans
from tui.engine.normalize import match_key
from tui.engine.read import read_source
from tui.engine.segment import segment
from tui.engine.summary import summarise
from tui.engine.typography import differences
from tui.model import Block, Comparison, Document, Options, Role, Row, RowOp, SourceFormat, Span

_SPACE_RE = re.compile(r"\s+")


def load(source: str, fmt: SourceFormat | None = None, *, data: bytes | None = None) -> Document:
    """Read and segment one version (a path, ``-`` for stdin, or the given ``data``)."""
    return segment(read_source(source, fmt, data=data))


def _lane(blocks: Sequence[Block]) -> Role:
    roles = {b.role for b in blocks}
    if "body" in roles or not roles:
        return "body"
    return "boilerplate" if "boilerplate" in roles else "metadata"


def _source(blocks: Sequence[Block]) -> str:
    return "\n".join(b.text for b in blocks)


def _joined(blocks: Sequence[Block]) -> str:
    return "\n".join(b.plain for b in blocks)


def _row(pairing: Pairing, old: Document, new: Document, keys: tuple[list[str], list[str]], options: Options) -> Row:
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
        diffs = differences(
            old_plain, new_plain, "\n".join(b.text for b in old_blocks), "\n".join(b.text for b in new_blocks)
        )
        if old.format != new.format and "markup" not in diffs and _source(old_blocks) != _source(new_blocks):
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


def compare_documents(old: Document, new: Document, options: Options | None = None) -> Comparison:
    """Compare two segmented documents."""
    options = options or Options()
    if options.classify:
        old, new = classify(old, new, old_html=old.source_html, new_html=new.source_html)
    keys = (
        [match_key(b.plain, ignore_case=options.ignore_case) for b in old.blocks],
        [match_key(b.plain, ignore_case=options.ignore_case) for b in new.blocks],
    )
    pairings = align(
        keys[0],
        keys[1],
        [b.plain for b in old.blocks],
        [b.plain for b in new.blocks],
        [b.kind == "heading" for b in old.blocks],
        [b.kind == "heading" for b in new.blocks],
    )
    rows = tuple(_row(p, old, new, keys, options) for p in pairings)
    return Comparison(old=old, new=new, rows=rows, summary=summarise(old, new, rows), options=options)


def compare(
    old_source: str,
    new_source: str,
    options: Options | None = None,
    *,
    old_format: SourceFormat | None = None,
    new_format: SourceFormat | None = None,
) -> Comparison:
    """Read, segment and compare two sources by path (or ``-``)."""
    return compare_documents(load(old_source, old_format), load(new_source, new_format), options)


__all__ = ["compare", "compare_documents", "load"]
