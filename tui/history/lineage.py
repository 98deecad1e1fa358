"""Follow every paragraph through the steps of a history: through moves, edits, splits and merges.

Each step's rows say which block of one version became which of the next, so
a paragraph is followed by chaining the rows: a one-to-one row (equal,
formatting, modified, moved) carries it on; a split ends it and starts each
part as a new paragraph that names it as its source; a merge ends each joined
paragraph and starts one that names them all. Linear in the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tui.history.model import End, Origin, Paragraph, Stop
from tui.model import Comparison, Role, Row

#: Ops that carry one paragraph into the next version as itself.
_CARRIED = frozenset({"equal", "formatting", "modified", "moved"})


@dataclass
class _Open:
    """A paragraph being followed."""

    id: int
    role: Role
    origin: Origin
    stops: list[Stop]
    sources: tuple[int, ...] = ()
    end: End | None = None
    into: tuple[int, ...] = ()

    def frozen(self) -> Paragraph:
        return Paragraph(self.id, self.role, self.origin, tuple(self.stops), self.sources, self.end, self.into)


def _words_changed(row: Row) -> bool:
    return row.op == "modified" or (row.op in ("moved", "split", "merged") and row.edited)


def trace(comparisons: Sequence[Comparison]) -> tuple[Paragraph, ...]:
    """The lineage of every block of every version, in order of appearance."""
    if not comparisons:
        return ()
    paragraphs: list[_Open] = []

    def start(version: int, block: int, role: Role, origin: Origin, op: str, changed: bool,
              sources: tuple[int, ...] = ()) -> _Open:
        paragraph = _Open(len(paragraphs), role, origin, [Stop(version, block, op, changed)], sources)
        paragraphs.append(paragraph)
        return paragraph

    first = comparisons[0].old
    current = {b.id: start(0, b.id, b.role, "first", "first", False) for b in first.blocks}
    for step, comparison in enumerate(comparisons):
        version = step + 1
        blocks = comparison.new.blocks
        following: dict[int, _Open] = {}
        for row in comparison.rows:
            if row.op in _CARRIED and len(row.old) == 1 and len(row.new) == 1:
                paragraph = current[row.old[0]]
                new_id = row.new[0]
                paragraph.stops.append(Stop(version, new_id, row.op, _words_changed(row)))
                paragraph.role = blocks[new_id].role
                following[new_id] = paragraph
                continue
            ended = [current[i] for i in row.old]
            if row.op == "inserted" or not ended:
                for j in row.new:
                    following[j] = start(version, j, blocks[j].role, "inserted", "inserted", True)
                continue
            if not row.new:
                for paragraph in ended:
                    paragraph.end = "deleted"
                continue
            how: Literal["split", "merged"] = "merged" if len(row.old) > 1 else "split"
            sources = tuple(p.id for p in ended)
            born = [start(version, j, blocks[j].role, how, row.op, _words_changed(row), sources) for j in row.new]
            for paragraph in ended:
                paragraph.end = how
                paragraph.into = tuple(p.id for p in born)
            for j, paragraph in zip(row.new, born, strict=True):
                following[j] = paragraph
        current = following
    return tuple(p.frozen() for p in paragraphs)
