"""What a Dask worker does with one partition: compare each pair exactly as a single run would, one row each.

The comparison is the one the command line makes (:func:`tui.compare.load`, then
:func:`tui.compare.compare_documents`), so a batch row says what
``article-diff OLD NEW`` says of the pair alone. A pair that fails (a missing
file, binary input, a version past the size limits, an internal error) is a
row carrying its error: one bad version never ends a run of millions.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from tui.batch.manifest import Pair
from tui.errors import ArticleDiffError
from tui.model import ROW_OPS, Comparison, Document, Options

#: The columns of a result row, in order (see :func:`result_row`).
COLUMNS: tuple[str, ...] = (
    "id",
    "group",
    "old",
    "new",
    "body_changed",
    "body_may_have_changed",
    "headline_changed",
    *ROW_OPS,
    "boilerplate_added",
    "boilerplate_removed",
    "guessed",
    "body_words_changed",
    "seconds",
    "error",
)


@dataclass(frozen=True, slots=True)
class Settings:
    """What every pair of a run is compared with; sent to the workers with each partition."""

    options: Options
    """The comparison's options, lexicons included, gathered once by the driver as a single run gathers them."""
    full_dir: str | None = None
    """Where each pair's JSON comparison is written (``--full``), or None."""


def full_name(pair_id: str) -> str:
    """The file name of a pair's JSON comparison under ``--full``: its id, with anything unsafe escaped."""
    return quote(pair_id, safe="") + ".json"


def _words(text: str) -> int:
    return len(text.split())


def body_words_changed(comparison: Comparison) -> float:
    """The share of the body's words (both versions counted) that were added or removed, typography aside."""
    old, new = comparison.old, comparison.new
    total = sum(_words(b.plain) for b in old.blocks if b.role == "body")
    total += sum(_words(b.plain) for b in new.blocks if b.role == "body")
    changed = 0
    for row in comparison.rows:
        if row.lane != "body" or row.op in ("equal", "formatting"):
            continue
        if row.spans is None:
            blocks = [old.blocks[i] for i in row.old] + [new.blocks[j] for j in row.new]
            changed += sum(_words(b.plain) for b in blocks)
        else:
            changed += sum(_words(s.text) for s in row.spans if s.op != "equal" and not s.typographic)
    return round(changed / total, 6) if total else 0.0


def _categories(document: Document, ids: Sequence[int]) -> set[str]:
    return {
        document.blocks[i].category or "boilerplate" for i in ids if document.blocks[i].role == "boilerplate"
    }


def _boilerplate_moves(comparison: Comparison) -> tuple[list[str], list[str]]:
    """The boilerplate categories that appear only in the new version, and only in the old one."""
    added: set[str] = set()
    removed: set[str] = set()
    for row in comparison.rows:
        if not row.old:
            added |= _categories(comparison.new, row.new)
        if not row.new:
            removed |= _categories(comparison.old, row.old)
    return sorted(added), sorted(removed)


def result_row(pair: Pair, comparison: Comparison | None, seconds: float, error: str | None) -> dict[str, Any]:
    """The output row of one pair: the verdict, the counts, what boilerplate came and went, or the error."""
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(id=pair.id, group=pair.group, old=pair.old, new=pair.new, seconds=round(seconds, 6), error=error)
    if comparison is None:
        return row
    summary = comparison.summary
    added, removed = _boilerplate_moves(comparison)
    row.update(
        body_changed=summary.body_changed,
        body_may_have_changed=summary.body_may_have_changed,
        headline_changed="title" in summary.metadata_changes,
        boilerplate_added=added,
        boilerplate_removed=removed,
        guessed=summary.guessed,
        body_words_changed=body_words_changed(comparison),
    )
    row.update({op: summary.counts.get(op, 0) for op in ROW_OPS})
    return row


def _compare(pair: Pair, options: Options) -> Comparison:
    from tui.compare import compare_documents, load

    if pair.problem:
        raise ArticleDiffError(pair.problem)
    for name in (pair.old, pair.new):
        if "://" in name:
            raise ArticleDiffError(f"{name}: URLs are not fetched; download the versions and name their paths")
    return compare_documents(load(pair.path("old")), load(pair.path("new")), options)


def _write_full(comparison: Comparison, pair: Pair, folder: str) -> None:
    from tui.export import render_report
    from tui.export.atomic import write_atomic

    write_atomic(os.path.join(folder, full_name(pair.id)), render_report(comparison, "json").encode("utf-8"))


def compare_pair(pair: Pair, settings: Settings) -> dict[str, Any]:
    """Compare one pair as ``article-diff OLD NEW`` would, and return its row (with ``error`` set on failure)."""
    start = time.perf_counter()
    comparison: Comparison | None = None
    error: str | None = None
    try:
        comparison = _compare(pair, settings.options)
    except ArticleDiffError as failure:
        error = str(failure)
    except MemoryError:
        error = "out of memory"
    except RecursionError:
        error = "internal error: RecursionError"
    except Exception as failure:  # one pair's bug must not end a run of millions
        error = f"internal error: {type(failure).__name__}: {failure}"
    seconds = time.perf_counter() - start
    if comparison is not None and settings.full_dir is not None:
        try:
            _write_full(comparison, pair, settings.full_dir)
        except ArticleDiffError as failure:
            error = str(failure)
    return result_row(pair, None if error else comparison, seconds, error)


def compare_partition(pairs: Sequence[Pair], settings: Settings) -> list[dict[str, Any]]:
    """The task a Dask worker runs: every pair of one partition, in order, one row each."""
    return [compare_pair(pair, settings) for pair in pairs]
