"""The reference pair gives the answer design.md calls right (the engine's part of it)."""

from __future__ import annotations

from pathlib import Path

from tui.engine.pipeline import compare


def test_ten_body_paragraphs_are_formatting_and_nothing_is_modified(seed_paths: tuple[Path, Path]) -> None:
    comparison = compare(str(seed_paths[0]), str(seed_paths[1]))
    paired = [r for r in comparison.rows if r.old and r.new]
    assert len(paired) == 10
    assert {r.op for r in paired} == {"formatting"}
    assert comparison.summary.counts["modified"] == 0
    first = paired[0]
    assert set(first.differences) == {"quotes", "markup"}
    assert not comparison.summary.body_changed


def test_seed_documents_rebuild_exactly(seed_paths: tuple[Path, Path]) -> None:
    comparison = compare(str(seed_paths[0]), str(seed_paths[1]))
    assert comparison.old.rebuild() == seed_paths[0].read_text(encoding="utf-8")
    assert comparison.new.rebuild() == seed_paths[1].read_text(encoding="utf-8")


def test_json_round_trip_is_lossless(seed_paths: tuple[Path, Path]) -> None:
    import json

    from tui.serialize import comparison_from_dict, comparison_to_dict

    comparison = compare(str(seed_paths[0]), str(seed_paths[1]))
    assert comparison_from_dict(json.loads(json.dumps(comparison_to_dict(comparison)))) == comparison
