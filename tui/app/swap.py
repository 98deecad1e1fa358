"""Swap the two sides of a comparison, so the newer version can sit on the left.

Swapping is exact rather than a re-run: inserted rows become deleted, split
rows merged, and insert spans delete spans, so the reading order and the word
changes are the same ones the engine found, seen from the other side.
"""

from __future__ import annotations

from dataclasses import replace

from tui.engine.summary import summarise
from tui.model import Comparison, Row, RowOp, SpanOp

_OP_SWAP: dict[RowOp, RowOp] = {"inserted": "deleted", "deleted": "inserted", "split": "merged", "merged": "split"}
_SPAN_SWAP: dict[SpanOp, SpanOp] = {"insert": "delete", "delete": "insert", "equal": "equal"}


def _swap_row(row: Row) -> Row:
    spans = None if row.spans is None else tuple(replace(s, op=_SPAN_SWAP[s.op]) for s in row.spans)
    return replace(row, op=_OP_SWAP.get(row.op, row.op), old=row.new, new=row.old, spans=spans)


def swap_sides(comparison: Comparison) -> Comparison:
    """Return ``comparison`` seen from the other side (new on the left, old on the right).

    Rows keep their order: the new side's reading order is the order the
    engine chose, and a moved row stays where it stands in the new text.
    """
    rows = tuple(_swap_row(r) for r in comparison.rows)
    old, new = comparison.new, comparison.old
    return replace(comparison, old=old, new=new, rows=rows, summary=summarise(old, new, rows))
