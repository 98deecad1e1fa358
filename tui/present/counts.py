"""What every drawing counts: the article's changes, formatting, boilerplate regions and metadata differences.

The change count is the number of change stops (:attr:`ShownRow.is_change`): the
viewer's "change 2 of 4", the HTML report's "4 changes", the text report's
"Changes: 4" and the JSON summary's ``changes`` are this one number.
A missing or changed headline is a metadata difference, said calmly on its own
line; it is never counted as a change to the article. Both rules are the
summary's (:mod:`tui.engine.changes`): the counts never disagree with the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.engine.changes import MetadataChange
from tui.model import ROW_OPS
from tui.present.rows import ShownRow
from tui.present.words import METADATA_NAMES, english_list, plural


@dataclass(frozen=True, slots=True)
class MetadataDifference:
    """A headline, date, byline or dateline that differs between the versions."""

    category: str
    """``title``, ``date``, ``byline`` or ``dateline`` (``metadata`` when unnamed)."""
    how: str
    """``old only``, ``new only`` or ``changed``."""
    row: int
    """Index of its row in the comparison."""

    @property
    def name(self) -> str:
        """The category in prose: "headline"."""
        return METADATA_NAMES.get(self.category, self.category)


def metadata_differences(changes: Sequence[MetadataChange]) -> tuple[MetadataDifference, ...]:
    """The summary's metadata changes (:func:`tui.engine.changes.metadata_changes`), named for people."""
    return tuple(MetadataDifference(change.category, change.how, change.row) for change in changes)


def metadata_phrase(differences: Sequence[MetadataDifference]) -> str:
    """Say calmly what metadata differs: "headline and date only in the old version; byline changed"."""
    phrases = []
    for how, tail in (("old only", "only in the old version"), ("new only", "only in the new version"),
                      ("changed", "changed")):
        names = list(dict.fromkeys(d.name for d in differences if d.how == how))
        if names:
            phrases.append(f"{english_list(names)} {tail}")
    return "; ".join(phrases)


@dataclass(frozen=True, slots=True)
class Counts:
    """The numbers a header shows."""

    changes: dict[str, int]
    """Change stops per op, in vocabulary order, zeros left out."""
    formatting: int
    """Article rows that differ only in typography."""
    breaks: int
    """Article rows where only a paragraph break moved (split or merged, words the same)."""
    boilerplate: int
    """Boilerplate regions that changed."""
    metadata: tuple[MetadataDifference, ...]
    """Metadata that differs."""

    @property
    def total(self) -> int:
        """How many changes to the article's words or order: the change count everywhere."""
        return sum(self.changes.values())

    def line(self) -> str:
        """The counts in one line, the same in every drawing.

        "3 changes (2 modified, 1 inserted) · 10 formatting only · 3 boilerplate regions changed ·
        metadata: headline and date only in the old version".
        """
        head = plural(self.total, "change")
        if self.changes:
            head += " (" + ", ".join(f"{n} {op}" for op, n in self.changes.items()) + ")"
        parts = [head]
        if self.formatting:
            parts.append(f"{self.formatting} formatting only")
        if self.breaks:
            parts.append(plural(self.breaks, "paragraph break") + " moved")
        if self.boilerplate:
            parts.append(plural(self.boilerplate, "boilerplate region") + " changed")
        if self.metadata:
            parts.append("metadata: " + metadata_phrase(self.metadata))
        return " · ".join(parts)


def count(rows: Sequence[ShownRow], boilerplate_changed: int, metadata: Sequence[MetadataChange]) -> Counts:
    """Count ``rows``; ``boilerplate_changed`` is the number of regions holding a boilerplate change, ``metadata``
    the comparison's metadata changes."""
    changes = dict.fromkeys(ROW_OPS, 0)
    formatting = breaks = 0
    for rr in rows:
        if rr.is_change:
            changes[rr.op] += 1
        elif rr.lane == "body" and rr.differs and rr.visible:
            breaks += 1
        elif rr.lane == "body" and rr.op == "formatting":
            formatting += 1
    return Counts(
        changes={op: n for op, n in changes.items() if n},
        formatting=formatting,
        breaks=breaks,
        boilerplate=boilerplate_changed,
        metadata=metadata_differences(metadata),
    )
