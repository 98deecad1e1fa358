"""The tricky-case catalogue: each pair in tests/cases with the rows a reader expects.

A ``NAME.expected`` file lists one row per line: ``op old-ids new-ids [differences]``
with ids comma-separated and ``-`` for none. Each bug found becomes a new case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES
from tui.compare import compare
from tui.model import Options


def _expected(path: Path) -> list[tuple[str, tuple[int, ...], tuple[int, ...], tuple[str, ...]]]:
    rows = []
    for line in path.read_text().splitlines():
        op, old, new, *diffs = line.split()

        def ids(field: str) -> tuple[int, ...]:
            return () if field == "-" else tuple(int(x) for x in field.split(","))

        rows.append((op, ids(old), ids(new), tuple(diffs[0].split(",")) if diffs else ()))
    return rows


CASE_NAMES = sorted(p.name.removesuffix(".expected") for p in CASES.glob("*.expected"))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case(name: str) -> None:
    comparison = compare(str(CASES / f"{name}.old.txt"), str(CASES / f"{name}.new.txt"), Options(classify=False))
    got = [(r.op, r.old, r.new) for r in comparison.rows]
    expected = _expected(CASES / f"{name}.expected")
    assert got == [e[:3] for e in expected]
    for row, (_, _, _, diffs) in zip(comparison.rows, expected, strict=True):
        if diffs:
            assert row.differences == diffs


def test_moved_and_edited_row_says_it_was_edited() -> None:
    comparison = compare(str(CASES / "moved-edited.old.txt"), str(CASES / "moved-edited.new.txt"))
    moved = [r for r in comparison.rows if r.op == "moved"]
    assert len(moved) == 1 and moved[0].edited and moved[0].similarity is not None and moved[0].similarity < 1
    changed = [s.text for s in moved[0].spans or () if s.op != "equal"]
    assert changed == ["three", "four", "winter", "spring"]


def test_paragraph_rewritten_in_place_is_one_row_with_its_low_similarity() -> None:
    """Alone between unchanged paragraphs, a rewrite stays paired with what it replaced, and says how little
    of it is left, rather than passing for an unrelated deletion and insertion."""
    comparison = compare(str(CASES / "rewritten.old.txt"), str(CASES / "rewritten.new.txt"))
    (row,) = [r for r in comparison.rows if r.op != "equal"]
    assert (row.op, row.old, row.new, row.matched_by) == ("modified", (1,), (1,), "rewrite")
    assert row.similarity is not None and row.similarity < 0.5
    assert comparison.summary.body_changed


def test_identical_inputs_are_unchanged() -> None:
    comparison = compare(str(CASES / "identical.old.txt"), str(CASES / "identical.new.txt"))
    assert not comparison.summary.body_changed
    assert "unchanged" in comparison.summary.verdict


def test_one_side_empty_of_paragraphs(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("Only the headline survived\n")
    new.write_text((CASES / "identical.old.txt").read_text())
    comparison = compare(str(old), str(new), Options(classify=False))
    assert [r.op for r in comparison.rows] == ["deleted", "inserted", "inserted"]


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    """A 1 MB paragraph on one line is compared, with a word diff bounded in cost."""
    words = " ".join(f"word{i % 5000}" for i in range(120_000))
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(words + "\n")
    new.write_text(words.replace("word17 ", "changed ", 1) + "\n")
    assert old.stat().st_size > 1_000_000
    comparison = compare(str(old), str(new), Options(classify=False))
    assert [r.op for r in comparison.rows] == ["modified"]
    spans = comparison.rows[0].spans or ()
    assert "".join(s.text for s in spans if s.op != "insert") == comparison.old.blocks[0].plain
    assert [s.text for s in spans if s.op != "equal"] == ["word17", "changed"]


def test_moving_a_paragraph_break_is_not_a_change_to_the_words() -> None:
    """A split or merge with the very same words is re-paragraphing: the body is unchanged."""
    comparison = compare(str(CASES / "split.old.txt"), str(CASES / "split.new.txt"))
    assert [r.op for r in comparison.rows] == ["equal", "split", "equal"]
    assert not comparison.rows[1].edited
    assert not comparison.summary.body_changed
    assert "paragraph breaks" in comparison.summary.verdict


def test_an_html_comment_in_markdown_is_not_a_paragraph(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    text = (CASES / "identical.old.txt").read_text()
    old.write_text("# Title\n\n" + text)
    new.write_text("# Title\n\n<!-- edited by the night desk -->\n\n" + text)
    comparison = compare(str(old), str(new))
    assert not comparison.summary.body_changed


def test_a_script_without_spaces_is_diffed_by_character(tmp_path: Path) -> None:
    """Japanese has no spaces: an edit marks the changed characters, not the whole clause."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    rest = "、港では多くの漁師たちが新しい防潮堤の計画に抗議する集会を開いた。"
    old.write_text("東京は今日も朝から晴れていて" + rest + "\n", encoding="utf-8")
    new.write_text("東京は今日も朝から雨が降っていて" + rest + "\n", encoding="utf-8")
    comparison = compare(str(old), str(new))
    assert [r.op for r in comparison.rows] == ["modified"]
    assert comparison.summary.body_changed
    assert [s.text for s in comparison.rows[0].spans or () if s.op != "equal"] == ["晴れ", "雨が降っ"]
