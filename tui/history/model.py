"""The history model: versions in order, each step's comparison, every paragraph's lineage, the summary.

Frozen dataclasses, as :mod:`tui.model` is for a pair: the reports, the
history JSON and the viewer read a :class:`History` and compute nothing of
their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.model import Comparison, Document, Role

Origin = Literal["first", "inserted", "split", "merged"]
"""How a paragraph came to be: in the first version, added later, or cut from or joined out of others."""

End = Literal["deleted", "split", "merged"]
"""How a paragraph left: removed, or cut into several, or joined with others into one."""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the article, read and segmented once."""

    label: str
    """What the user sees: a file name, a commit's date and hash, a capture's time."""
    source: str
    """Where it came from: a path, a URL, ``PATH@hash``, ``crawl.warc.gz#12``."""
    time: str | None
    """When it was made or captured, ISO 8601, when known."""
    document: Document


@dataclass(frozen=True, slots=True)
class Stop:
    """A paragraph in one version: which block it is there and what the step into that version did to it."""

    version: int
    block: int
    op: str
    """The row op that brought it into this version (``first``, ``inserted``, ``equal``, ``modified``, ...)."""
    changed: bool
    """Its words changed in the step into this version (a formatting-only change is not one)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph followed through the versions, from when it appeared to when it left."""

    id: int
    role: Role
    """Its layer where it was last seen."""
    origin: Origin
    stops: tuple[Stop, ...]
    """Where it sits in each version it is part of, consecutive, from the one it appeared in."""
    sources: tuple[int, ...] = ()
    """The paragraphs it was cut from (``split``) or joined out of (``merged``)."""
    end: End | None = None
    """How it left, or None when it is in the last version."""
    into: tuple[int, ...] = ()
    """The paragraphs it became, when it was split or merged."""

    @property
    def appeared(self) -> int:
        """The version it first appeared in."""
        return self.stops[0].version

    @property
    def left(self) -> int | None:
        """The first version it is no longer part of, or None."""
        return None if self.end is None else self.stops[-1].version + 1

    @property
    def changed_in(self) -> tuple[int, ...]:
        """The versions whose step changed its words."""
        return tuple(stop.version for stop in self.stops if stop.changed)


@dataclass(frozen=True, slots=True)
class HistorySummary:
    """What happened across the history, for the verdict and the exit status."""

    body_changed_in: tuple[int, ...]
    """Indexes of the comparisons (steps) where the article's body changed."""
    body_may_have_changed_in: tuple[int, ...]
    """Steps where the body changed or a dimmed change rests on a guess (the exit status's answer)."""
    headline_changes: tuple[tuple[int, str | None, str | None], ...]
    """Steps where the headline changed: (step, old headline, new headline)."""
    metadata_changes: tuple[tuple[int, tuple[str, ...]], ...]
    """Steps where metadata changed, with the categories that did."""
    changes: tuple[int, ...]
    """Changes to the article counted in each step (the number every pair report gives)."""

    @property
    def body_changed(self) -> bool:
        """True when some step changed the article's body."""
        return bool(self.body_changed_in)

    @property
    def body_may_have_changed(self) -> bool:
        """True when some step changed the body or may have (a guess): exit status 1."""
        return bool(self.body_may_have_changed_in)

    @property
    def quiet(self) -> tuple[int, ...]:
        """Steps where the story did not change: only formatting, boilerplate or nothing."""
        loud = set(self.body_may_have_changed_in)
        return tuple(i for i in range(len(self.changes)) if i not in loud)

    def verdict(self, versions: int) -> str:
        """One sentence for people: how many steps changed the body, of how many."""
        steps = len(self.changes)
        if not self.body_may_have_changed_in:
            return f"Article body unchanged across {versions} versions."
        changed = len(self.body_changed_in)
        guessed = len(self.body_may_have_changed_in) - changed
        said = f"Article body changed in {changed} of {steps} steps" if changed else "Article body may have changed"
        if guessed:
            said += f"; {guessed} more {'step rests' if guessed == 1 else 'steps rest'} on a guess"
        return said + "."


@dataclass(frozen=True, slots=True)
class History:
    """An article's versions in order and what changed between each and the next."""

    versions: tuple[Version, ...]
    comparisons: tuple[Comparison, ...]
    """``comparisons[i]`` compares ``versions[i]`` with ``versions[i + 1]``."""
    lineage: tuple[Paragraph, ...]
    summary: HistorySummary

    @property
    def verdict(self) -> str:
        """The history's one-sentence verdict."""
        return self.summary.verdict(len(self.versions))
