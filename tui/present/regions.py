"""Regions: runs of boilerplate or metadata rows that are one thing, with ONE category.

A donation appeal of eight paragraphs is one region: it gets one badge, one
entry in a change list and one heading in a report, its last line ("Remind me
later.") included. The rule, applied everywhere: a region's category is the one
most of its blocks carry (the first of them on a tie), whatever the category of
any single block or side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.engine.changes import majority_category, row_blocks
from tui.model import Block, Comparison, Row
from tui.present.words import Side, badge_name

RegionKey = tuple[str, str, object]


@dataclass(frozen=True, slots=True)
class Region:
    """A run of rows of one boilerplate or metadata region."""

    index: int
    """Position in :attr:`Presentation.regions`."""
    lane: str
    """``boilerplate`` or ``metadata``."""
    category: str | None
    """The region's one category."""
    rows: tuple[int, ...]
    """Indexes of its rows in the comparison, in order."""
    guess: bool = False
    """Some change of the region rests on a guess."""

    @property
    def badge(self) -> str:
        """"donation appeal", "navigation?" after a guess."""
        return (badge_name(self.category, self.lane) if self.category else self.lane) + ("?" if self.guess else "")


def _blocks(comparison: Comparison, row: Row) -> tuple[Side, list[Block]]:
    if row.new:
        return "new", [comparison.new.blocks[i] for i in row.new]
    return "old", [comparison.old.blocks[i] for i in row.old]


def _key(comparison: Comparison, row: Row) -> RegionKey:
    side, blocks = _blocks(comparison, row)
    first = blocks[0] if blocks else None
    if first is not None and first.region is not None and row.lane == "boilerplate":
        return row.lane, side, first.region
    return row.lane, side, first.category if first is not None else None


def find_regions(comparison: Comparison, guesses: frozenset[int]) -> list[Region]:
    """Group consecutive boilerplate or metadata rows into regions and give each its category."""
    regions: list[Region] = []
    current: list[int] = []
    previous: RegionKey | None = None

    def close() -> None:
        if current:
            regions.append(_region(comparison, len(regions), list(current), guesses))
            current.clear()

    for index, row in enumerate(comparison.rows):
        if row.lane == "body":
            close()
            previous = None
            continue
        key = _key(comparison, row)
        # Metadata rows are each their own region: a headline and a date are two facts.
        if key != previous or row.lane == "metadata":
            close()
        current.append(index)
        previous = key
    close()
    return regions


def _region(comparison: Comparison, index: int, rows: Sequence[int], guesses: frozenset[int]) -> Region:
    blocks = [block for i in rows for block in row_blocks(comparison.rows[i], comparison.old, comparison.new)]
    category = majority_category(blocks)
    lane = comparison.rows[rows[0]].lane
    return Region(index, lane, category, tuple(rows), guess=any(i in guesses for i in rows))
