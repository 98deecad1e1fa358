"""The one description of what every drawing shows of a comparison (no Textual, no Rich).

The viewer's layout and every report (HTML, Markdown, text, ``--print``, the
JSON summary's change count) draw from :func:`present` and decide nothing of
their own: which op a row shows, its sides cut into word pieces, its region and
the region's one category, the guess flag, the labels and paragraph numbers,
the verdict line, the counts and the change stops.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from tui.engine.changes import metadata_changes, row_blocks, shows_any_text
from tui.model import Comparison, guessed_rows
from tui.present.context import Gap, with_context
from tui.present.counts import Counts, MetadataDifference, count, metadata_phrase
from tui.present.pieces import Piece, SideBlock, split_edges
from tui.present.regions import Region, find_regions
from tui.present.rows import ShownRow, Sides
from tui.present.words import BOILERPLATE_MODES, LABELS, MARKERS, BoilerplateMode, boilerplate_mode, plural


@dataclass(frozen=True)
class Presentation:
    """A comparison as every drawing shows it."""

    comparison: Comparison
    rows: tuple[ShownRow, ...]
    """Every row, in reading order."""
    regions: tuple[Region, ...]
    """Every run of boilerplate or metadata rows, each with one category."""

    @property
    def verdict(self) -> str:
        """The one-sentence verdict: did the article's body change, and how."""
        return self.comparison.summary.verdict

    @property
    def body_changed(self) -> bool:
        """True when the verdict says the article's words or order changed, or may have (a dimmed change rests
        on a guess): every drawing then marks the verdict as a change, never as "unchanged"."""
        return self.comparison.summary.body_may_have_changed

    @property
    def headline(self) -> str | None:
        """The article's headline, from the new side first."""
        return self.comparison.new.title or self.comparison.old.title

    @cached_property
    def counts(self) -> Counts:
        """Changes, formatting, boilerplate regions and metadata differences."""
        changed = sum(1 for region in self.regions if region.lane == "boilerplate" and self.region_changed(region))
        c = self.comparison
        return count(self.rows, changed, metadata_changes(c.old, c.new, c.rows))

    @property
    def metadata(self) -> tuple[MetadataDifference, ...]:
        """Metadata that differs, in reading order."""
        return self.counts.metadata

    def region_rows(self, region: Region) -> list[ShownRow]:
        """The rows of ``region``."""
        return [self.rows[i] for i in region.rows]

    def region_changed(self, region: Region) -> bool:
        """True when some row of ``region`` differs between the versions."""
        return any(self.rows[i].differs for i in region.rows)

    def stops(self, *, boilerplate: BoilerplateMode = "dim", formatting: bool = False) -> list[int]:
        """Row indexes that next/previous change stop at.

        Every change to the article; with ``formatting``, rows that differ only in typography too; with
        boilerplate shown, the first row of each changed boilerplate region. Metadata is never a stop.
        """
        out = []
        for rr in self.rows:
            typography = formatting and rr.lane == "body" and rr.op != "equal"
            region = self.regions[rr.region] if rr.region is not None and rr.opens_region else None
            furniture = boilerplate == "show" and region is not None and rr.is_boilerplate
            furniture = furniture and region is not None and self.region_changed(region)
            if rr.is_change or typography or furniture:
                out.append(rr.index)
        return out

    def any_stops(self) -> list[int]:
        """Row indexes that "any change" stops at: every row that is not equal."""
        return [rr.index for rr in self.rows if rr.op != "equal"]

    @property
    def change_count(self) -> int:
        """How many changes to the article: the one number every drawing gives."""
        return self.counts.total


def present(comparison: Comparison) -> Presentation:
    """Describe ``comparison`` for drawing."""
    guesses = guessed_rows(comparison.old, comparison.new, comparison.rows)
    regions = find_regions(comparison, guesses)
    region_of: dict[int, Region] = {i: region for region in regions for i in region.rows}
    rows = []
    for index, row in enumerate(comparison.rows):
        region = region_of.get(index)
        blocks = row_blocks(row, comparison.old, comparison.new)  # the old side's first
        category = region.category if region is not None else next(
            (b.category for b in (*blocks[len(row.old):], *blocks[: len(row.old)]) if b.category), None
        )
        rows.append(
            ShownRow(
                index=index,
                row=row,
                op=row.op,
                sides=Sides(row, comparison.old, comparison.new),
                category=category,
                region=region.index if region is not None else None,
                opens_region=region is not None and region.rows[0] == index,
                guess=index in guesses,
                region_guess=region is not None and region.guess,
                visible=shows_any_text(blocks),
            )
        )
    return Presentation(comparison, tuple(rows), tuple(regions))


__all__ = [
    "BOILERPLATE_MODES",
    "LABELS",
    "MARKERS",
    "BoilerplateMode",
    "Counts",
    "Gap",
    "MetadataDifference",
    "Piece",
    "Presentation",
    "Region",
    "ShownRow",
    "SideBlock",
    "boilerplate_mode",
    "metadata_phrase",
    "plural",
    "present",
    "split_edges",
    "with_context",
]
