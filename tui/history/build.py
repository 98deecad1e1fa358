"""Build a history: read each version once, compare each with the next, follow the paragraphs.

A version is read and segmented once, whatever its source, and that one
Document is the new side of one step and the old side of the next; N versions
cost N reads and N - 1 comparisons with the pair engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from tui.compare import compare_documents, load
from tui.errors import ArticleDiffError
from tui.history.lineage import trace
from tui.history.model import History, HistorySummary, Version
from tui.history.sources import MIN_VERSIONS, Snapshot
from tui.model import Comparison, Document, Options


def read_version(snapshot: Snapshot) -> Version:
    """Read and segment one snapshot (its bytes, or its path when it has none)."""
    document: Document = load(snapshot.source, snapshot.format, data=snapshot.data)
    if snapshot.encoding:
        document = replace(document, encoding=snapshot.encoding)
    return Version(snapshot.label, snapshot.source, snapshot.time, document)


def summarise(comparisons: Sequence[Comparison]) -> HistorySummary:
    """Which steps changed the body (or may have), the headline, the metadata; the changes per step."""
    headlines = []
    metadata = []
    for step, comparison in enumerate(comparisons):
        categories = comparison.summary.metadata_changes
        if categories:
            metadata.append((step, tuple(categories)))
        if comparison.old.title != comparison.new.title and comparison.old.title and comparison.new.title:
            headlines.append((step, comparison.old.title, comparison.new.title))
    return HistorySummary(
        body_changed_in=tuple(i for i, c in enumerate(comparisons) if c.summary.body_changed),
        body_may_have_changed_in=tuple(i for i, c in enumerate(comparisons) if c.summary.body_may_have_changed),
        headline_changes=tuple(headlines),
        metadata_changes=tuple(metadata),
        changes=tuple(c.summary.changes for c in comparisons),
    )


def compare_versions(versions: Sequence[Version], options: Options | None = None) -> History:
    """The history of versions already read: each compared with the next."""
    if len(versions) < MIN_VERSIONS:
        raise ArticleDiffError(f"a history needs at least {MIN_VERSIONS} versions; found {len(versions)}")
    comparisons = tuple(
        compare_documents(older.document, newer.document, options)
        for older, newer in pairwise(versions)
    )
    return History(tuple(versions), comparisons, trace(comparisons), summarise(comparisons))


def build_history(snapshots: Sequence[Snapshot], options: Options | None = None) -> History:
    """Read every snapshot once and compare each version with the next."""
    if len(snapshots) < MIN_VERSIONS:
        raise ArticleDiffError(f"a history needs at least {MIN_VERSIONS} versions; found {len(snapshots)}")
    return compare_versions([read_version(s) for s in snapshots], options)
