"""The viewer's pure parts: wrapping, sanitising, swapping and the shared layout (no Textual app)."""

from __future__ import annotations

import re
from functools import cache

import pytest
from rich.cells import cell_len

from tui.app.layout import Layout, ViewOptions
from tui.app.swap import swap_sides
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.model import Comparison
from tui.safe_text import safe_text
from tui.wrap import wrap


@cache
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def compare_texts(old: str, new: str) -> Comparison:
    return compare_documents(load("old.txt", data=old.encode()), load("new.txt", data=new.encode()))


TEXT = (
    "The Kestrel Harbour council on Monday postponed a vote on the proposed tidal barrier after "
    "more than two hundred fishermen gathered outside the town hall."
)


@pytest.mark.parametrize("width", [1, 5, 12, 20, 33, 80])
def test_wrap_keeps_every_word_and_fits_the_width(width: int) -> None:
    lines = wrap(TEXT, width)
    assert all(cell_len(TEXT[a:b]) <= width for a, b in lines)
    words = [w for a, b in lines for w in TEXT[a:b].split()]
    if width >= max(len(w) for w in TEXT.split()):
        assert words == TEXT.split(), "a word was cut although it fits on a line"
    assert "".join(words) == "".join(TEXT.split())


def test_wrap_cuts_only_words_wider_than_the_line() -> None:
    text = "see https://example.org/a/very/long/path/that/cannot/fit here"
    lines = [text[a:b] for a, b in wrap(text, 20)]
    assert lines[0] == "see"
    assert lines[-1].endswith("here")
    assert all(len(line) <= 20 for line in lines)


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    text = "東京の港で漁師たちが抗議した 🎉 and then English words"
    for a, b in wrap(text, 10):
        assert cell_len(text[a:b]) <= 10


def test_wrap_breaks_at_newlines() -> None:
    text = "first part\nsecond part"
    assert [text[a:b] for a, b in wrap(text, 80)] == ["first part", "second part"]


def test_safe_text_shows_control_characters_instead_of_sending_them() -> None:
    raw = "red \x1b[31mALERT\x1b[0m\r\x07 bell\tand tab \u202eevil"
    safe = safe_text(raw)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", safe)
    assert "␛[31mALERT" in safe
    assert "\t" not in safe and "tab" in safe


def test_layout_rows_start_level_on_both_sides() -> None:
    layout = Layout(demo(), (40, 55), ViewOptions())
    y = 0
    for entry in layout.entries:
        assert entry.y == y
        heights = [sum(p.height for p in column) for column in entry.columns]
        assert entry.height == max(heights), "a row is not as tall as its taller side"
        y += entry.height
    assert layout.height == y


def test_layout_shows_every_block_once() -> None:
    comparison = demo()
    layout = Layout(comparison, (60, 60), ViewOptions())
    rows = [e.row for e in layout.entries if e.row is not None]
    assert rows == list(range(len(comparison.rows)))
    numbers: dict[int, list[str]] = {0: [], 1: []}
    for entry in layout.entries:
        for side, column in enumerate(entry.columns):
            for panel in column:
                numbers[side].extend(panel.numbers.values())
    assert numbers[0] == [str(b.id + 1) for b in _ordered(comparison, "old")]
    assert sorted(numbers[1], key=int) == [str(b.id + 1) for b in comparison.new.blocks]


def _ordered(comparison: Comparison, side: str) -> list:  # type: ignore[type-arg]
    blocks = comparison.old.blocks if side == "old" else comparison.new.blocks
    ids = [i for row in comparison.rows for i in (row.old if side == "old" else row.new)]
    return [blocks[i] for i in ids]


def test_moved_row_is_labelled_and_its_old_place_marked() -> None:
    comparison = demo()
    layout = Layout(comparison, (60, 60), ViewOptions())
    moved = [e for e in layout.entries if e.op == "moved"]
    assert moved, "the demo pair has a moved paragraph"
    row = comparison.rows[moved[0].row or 0]
    label = f"moved from old ¶{row.old[0] + 1}"
    assert all(label in column[0].text for column in moved[0].columns)
    marks = [e for e in layout.entries if e.kind == "moved-to"]
    assert len(marks) == len(moved)
    assert layout.entries.index(marks[0]) > layout.entries.index(moved[0])


def test_hidden_boilerplate_leaves_one_line_per_run() -> None:
    comparison = demo()
    shown = Layout(comparison, (60, 60), ViewOptions(boilerplate="show"))
    hidden = Layout(comparison, (60, 60), ViewOptions(boilerplate="hide"))
    if not any(e.lane == "boilerplate" for e in shown.entries):
        pytest.skip("the classifier marked no boilerplate in the demo pair")
    assert not any(e.lane == "boilerplate" for e in hidden.entries)
    assert any(e.kind == "hidden" for e in hidden.entries)
    assert hidden.height < shown.height


def test_fold_replaces_unchanged_runs_with_a_count() -> None:
    old = "\n\n".join(f"Paragraph number {i} says something." for i in range(10))
    new = old.replace("number 5 says", "number 5 now says")
    layout = Layout(compare_texts(old, new), (60, 60), ViewOptions(fold_unchanged=True))
    kinds = [e.kind for e in layout.entries]
    assert kinds == ["fold", "row", "fold"]
    assert "5 unchanged paragraphs" in layout.entries[0].label
    assert "4 unchanged paragraphs" in layout.entries[2].label


def test_formatting_rows_are_not_changes_unless_asked() -> None:
    layout = Layout(demo(), (60, 60), ViewOptions())
    formatting = {e.row for e in layout.entries if e.op == "formatting"}
    assert formatting
    presentation = layout.presentation
    assert not formatting & set(presentation.stops())
    body = {i for i in formatting if i is not None and presentation.rows[i].lane == "body"}
    assert body <= set(presentation.stops(formatting=True))


def test_unified_layout_has_one_column_with_old_then_new() -> None:
    layout = Layout(demo(), (100,), ViewOptions(unified=True))
    modified = next(e for e in layout.entries if e.op == "modified")
    assert len(modified.columns) == 1
    old_panel, new_panel = modified.columns[0]
    assert (old_panel.marker, new_panel.marker) == ("-", "+")
    assert any(style == "delete-word" for _s, _e, style in old_panel.runs)
    assert any(style == "insert-word" for _s, _e, style in new_panel.runs)


def test_swap_puts_the_new_version_on_the_left() -> None:
    comparison = demo()
    swapped = swap_sides(comparison)
    assert swapped.old is comparison.new
    assert swapped.summary.counts["inserted"] == comparison.summary.counts["deleted"]
    assert swapped.summary.counts["split"] == comparison.summary.counts["merged"]
    assert swap_sides(swapped).rows == comparison.rows


def test_the_viewer_badges_boilerplate_dimmed_on_a_guess_with_a_question_mark() -> None:
    story = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, citing safety.",
        "Engineers found cracks in two of the bridge's four piers during an inspection last autumn, the report said.",
    ]
    # A line a phrase names only faintly ("newsletter"), new in the story's flow: dimmed, on a guess.
    old = load("old.txt", "text", data="\n\n".join(story).encode())
    new = load(
        "new.txt",
        "text",
        data="\n\n".join([story[0], "The harbour newsletter", story[1], "Related: Fares rise again"]).encode(),
    )
    comparison = compare_documents(old, new)
    layout = Layout(comparison, (60, 60), ViewOptions())
    text = "\n".join(column[0].text for entry in layout.entries for column in entry.columns if column)
    assert " newsletter? " in text
    assert " related link " in text and "related link?" not in text
    assert comparison.summary.guessed and comparison.summary.body_may_have_changed
