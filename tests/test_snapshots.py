"""SVG snapshots of the viewer at fixed sizes (pytest-textual-snapshot): how it looks, not what it does.

Update after an intended change of looks with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tui.app.app import ArticleDiffApp
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.model import Comparison

SIZE = (150, 42)


@cache
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def demo_app(**kwargs: Any) -> ArticleDiffApp:
    # A headless run has no terminal to read a colour system from: each snapshot names its palette.
    palette = kwargs.pop("palette", "truecolor")
    return ArticleDiffApp(comparison=demo(), unified=kwargs.pop("unified", False), palette=palette, **kwargs)


def test_demo_pair(snap_compare: Callable[..., bool]) -> None:
    """You should see the demo article side by side in truecolor: the old Markdown left, the new text right.

    The headline and date are calm italic metadata ("title only in old", no red), the photo credit and
    related link are dimmed grey boilerplate with one category badge per region (no red or green of their
    own), paragraph 5 shows "two" struck through against "three" underlined, a blue "moved from old ¶8"
    row with a faint "old ¶8 moved to new ¶2" note at its old place, a bracket joining the two halves of
    the split paragraph, hatched fillers where a side has nothing, and "? Help  q Quit" at the footer's end.
    """
    assert snap_compare(demo_app(), terminal_size=SIZE)


@pytest.mark.parametrize("palette", ["256", "16", "none"])
def test_demo_pair_in_each_palette(snap_compare: Callable[..., bool], palette: str) -> None:
    """You should see the demo pair as a 256-colour, a 16-colour and a colourless terminal draws it.

    256: grey edited paragraphs (never black or saturated red), dark green and red whole-paragraph
    additions and removals, navy moves, grey panels. 16: the terminal's ANSI colours on the words, default
    backgrounds. None: greys only, every meaning carried by the gutter markers (+ - ~ » ├ ≈), struck-through
    removed words, bold underlined added words and reversed badges.
    """
    assert snap_compare(demo_app(palette=palette), terminal_size=SIZE)


def test_seed_pair(snap_compare: Callable[..., bool], seed_paths: tuple[Path, Path]) -> None:
    """You should see the real scrape pair: ten formatting-only rows (≈ markers, no word highlights),
    the headline and date as metadata, the caption, related link and original url dimmed on the left, and
    the donation appeal dimmed on the right; the verdict says the article body is unchanged.
    """
    old, new = seed_paths
    # Load under the bare file names, so the header (and the committed SVG) holds no machine path.
    comparison = compare_documents(load(old.name, data=old.read_bytes()), load(new.name, data=new.read_bytes()))
    app = ArticleDiffApp(comparison=comparison, unified=False, palette="truecolor")
    assert snap_compare(app, terminal_size=SIZE)


def test_boilerplate_hidden(snap_compare: Callable[..., bool]) -> None:
    """You should see the demo pair without boilerplate rows: each run of them is one italic
    "⋯ boilerplate hidden" line naming the categories, and the status line says "boilerplate hidden".
    """
    assert snap_compare(demo_app(boilerplate="hide"), terminal_size=SIZE)


def test_unified_view(snap_compare: Callable[..., bool]) -> None:
    """You should see one column at 90 columns: each edited paragraph twice, the old version with a "-"
    marker and struck red words, the new one with "+" and underlined green words; added and removed paragraphs
    once; every paragraph number saying its side ("old ¶5", "new ¶1"); "? Help" and "q Quit" at the footer's end.
    """
    assert snap_compare(ArticleDiffApp(comparison=demo(), palette="truecolor"), terminal_size=(90, 40))


def test_help_screen(snap_compare: Callable[..., bool]) -> None:
    """You should see the help panel over the dimmed diff: how to close and scroll it on its first line, every
    key with what it does, then the colour and marker legend (+ added, - removed, ~ edited, » moved,
    ├ split or merged, ≈ formatting, metadata, side-saying paragraph numbers, dimmed boilerplate).
    """
    assert snap_compare(demo_app(), press=["question_mark"], terminal_size=SIZE)


def test_help_screen_scrolled_at_90_columns(snap_compare: Callable[..., bool]) -> None:
    """You should see the help panel at 90x30 scrolled down one page by keyboard, its scrollbar moved and the
    colour legend in view.
    """
    assert snap_compare(demo_app(), press=["question_mark", "pagedown"], terminal_size=(90, 30))


def test_change_list(snap_compare: Callable[..., bool]) -> None:
    """You should see the change list docked on the right after pressing n, n and l: headings "Changes (5)",
    "Formatting only", "Boilerplate" and "Metadata"; each line with its marker, "old ¶6 → new ¶3" and first
    words; boilerplate named by region ("donation appeal · 7 paragraphs") and dimmed; the current change
    highlighted in the list and marked in the gutter of the panes; "esc Close list" in the footer.
    """
    assert snap_compare(demo_app(), press=["n", "n", "l"], terminal_size=SIZE)
