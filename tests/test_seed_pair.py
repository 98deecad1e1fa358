"""The reference pair gives the answer design.md calls right (the engine's part of it)."""

from __future__ import annotations

from pathlib import Path

from tui.compare import compare


def test_ten_body_paragraphs_are_formatting_and_nothing_is_modified(seed_paths: tuple[Path, Path]) -> None:
    comparison = compare(str(seed_paths[0]), str(seed_paths[1]))
    paired = [r for r in comparison.rows if r.old and r.new]
    assert len(paired) == 10
    # As the design says: formatting where quotes or markup differ, equal where the source text is identical
    # (even though one file is Markdown and the other plain text).
    for row in paired:
        same = [comparison.old.blocks[i].text for i in row.old] == [comparison.new.blocks[j].text for j in row.new]
        assert row.op == ("equal" if same else "formatting")
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


def test_a_report_with_keys_from_a_newer_version_still_loads() -> None:
    """The contract lets keys be added: a reader ignores what it does not know."""
    import pytest

    from tui.compare import compare_documents, load
    from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
    from tui.serialize import comparison_from_dict, comparison_to_dict

    comparison = compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))
    data = comparison_to_dict(comparison)
    data["options"]["a_future_option"] = True
    data["rows"][0]["a_future_key"] = 1
    assert comparison_from_dict(data) == comparison
    del data["rows"]
    with pytest.raises(ValueError, match="incomplete"):
        comparison_from_dict(data)
