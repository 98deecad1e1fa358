"""SVG snapshots of the viewer at fixed sizes (pytest-textual-snapshot): how it looks, not what it does.

Update after an intended change of looks with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from tui.app.app import ArticleDiffApp
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.engine.pipeline import compare_documents, load
from tui.model import Comparison

SIZE = (150, 42)


@cache
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def demo_app(**kwargs: Any) -> ArticleDiffApp:
    return ArticleDiffApp(comparison=demo(), unified=kwargs.pop("unified", False), **kwargs)


def test_demo_pair(snap_compare: Callable[..., bool]) -> None:
    """You should see the demo article side by side: the old Markdown on the left, the new text on the right.

    The headline and date carry metadata badges, the photo credit and related link are dimmed boilerplate
    with category badges, paragraph 5 shows "two" struck through in red against "three" in green, a blue
    "moved from ¶8" row with a faint "moved to" note at its old place, a bracket joining the two halves of
    the split paragraph, hatched fillers where a side has nothing, and the overview ruler on the right.
    """
    assert snap_compare(demo_app(), terminal_size=SIZE)


def test_seed_pair(snap_compare: Callable[..., bool], seed_paths: tuple[Path, Path]) -> None:
    """You should see the real scrape pair: ten formatting-only rows (≈ markers, no word highlights),
    the headline and date as metadata, the caption, related link and original url dimmed on the left, and
    the donation appeal dimmed on the right; the verdict says the article body is unchanged.
    """
    old, new = seed_paths
    # Load under the bare file names, so the header (and the committed SVG) holds no machine path.
    comparison = compare_documents(load(old.name, data=old.read_bytes()), load(new.name, data=new.read_bytes()))
    app = ArticleDiffApp(comparison=comparison, unified=False)
    assert snap_compare(app, terminal_size=SIZE)


def test_boilerplate_hidden(snap_compare: Callable[..., bool]) -> None:
    """You should see the demo pair without boilerplate rows: each run of them is one italic
    "⋯ boilerplate hidden" line naming the categories, and the status line says "boilerplate hidden".
    """
    assert snap_compare(demo_app(boilerplate="hide"), terminal_size=SIZE)


def test_unified_view(snap_compare: Callable[..., bool]) -> None:
    """You should see one column at 90 columns: each edited paragraph twice, the old version with a "-"
    marker and struck red words, the new one with "+" and green words; added and removed paragraphs once.
    """
    assert snap_compare(ArticleDiffApp(comparison=demo()), terminal_size=(90, 40))


def test_help_screen(snap_compare: Callable[..., bool]) -> None:
    """You should see the help panel over the dimmed diff: every key with what it does, then the
    colour and marker legend (+ added, - removed, ~ edited, » moved, ├ split or merged, ≈ formatting).
    """
    assert snap_compare(demo_app(), press=["question_mark"], terminal_size=SIZE)


def test_change_list(snap_compare: Callable[..., bool]) -> None:
    """You should see the change list docked on the right after pressing l and n: one line per change with
    its coloured marker, paragraph number and first words, the current change highlighted in the list
    and marked with an accent in the gutter of the panes.
    """
    assert snap_compare(demo_app(), press=["n", "n", "l"], terminal_size=SIZE)
