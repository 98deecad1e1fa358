"""What counts as a change: to the article's body, and to its metadata.

One rule each, read by the summary (the verdict, the JSON's ``metadata_changes``)
and by the presentation (change stops, counts, the metadata line), so that no
drawing can disagree with the verdict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.engine.normalize import shows_text
from tui.model import UNCHANGED_OPS, Block, Document, Row

MetadataHow = Literal["old only", "new only", "changed"]


def row_blocks(row: Row, old: Document, new: Document) -> list[Block]:
    """The row's blocks, the old side's first."""
    return [old.blocks[i] for i in row.old] + [new.blocks[j] for j in row.new]


def shows_any_text(blocks: Iterable[Block]) -> bool:
    """True when some block shows text (an HTML comment, an empty image or a lone zero-width space do not)."""
    return any(shows_text(b.plain) for b in blocks)


def changes_body(row: Row, *, visible: bool) -> bool:
    """True when a row changes the article's words or order: a change stop, counted as a change.

    Boilerplate and metadata are never changes to the article; nor is a split or merge that only moved a
    paragraph break, nor a row whose blocks show no text (``visible`` false).
    """
    if row.lane != "body" or row.op in UNCHANGED_OPS or not visible:
        return False
    return row.op not in ("split", "merged") or row.edited


def majority_category(blocks: Iterable[Block]) -> str | None:
    """The category most of ``blocks`` carry, the first of them on a tie (None when none has one)."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    for block in blocks:
        if block.category:
            counts[block.category] += 1
            if block.category not in order:
                order.append(block.category)
    return max(order, key=lambda c: (counts[c], -order.index(c))) if order else None


@dataclass(frozen=True, slots=True)
class MetadataChange:
    """A headline, date, byline or dateline that differs between the versions."""

    category: str
    """``title``, ``date``, ``byline`` or ``dateline`` (``metadata`` when unnamed)."""
    how: MetadataHow
    """``old only``, ``new only`` or ``changed``."""
    row: int
    """Index of its row in the comparison."""


def metadata_changes(old: Document, new: Document, rows: Sequence[Row]) -> tuple[MetadataChange, ...]:
    """Every metadata row that differs, in reading order: changed, or present in one version only.

    A headline missing from one scrape is a metadata difference like a changed one, never a change to the
    article; each row's category is the one most of its blocks carry.
    """
    out = []
    for index, row in enumerate(rows):
        if row.lane != "metadata" or row.op in UNCHANGED_OPS:
            continue
        how: MetadataHow = "old only" if not row.new else "new only" if not row.old else "changed"
        category = majority_category(row_blocks(row, old, new)) or "metadata"
        out.append(MetadataChange(category, how, index))
    return tuple(out)
