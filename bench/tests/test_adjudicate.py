"""The benchmark's adjudicated gold: a line leaves the gold only when both annotators of its page marked it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench.adjudicate as adjudicate
from bench.adjudicate import adjudicated_body, line_digest, load_adjudication

PAGE = "a1b2c3d4e5f6" + "0" * 52
BODY = (
    "The council met on Monday to discuss the barrier.\n\n"
    "Photo: Ines Varga / Coastline Press\n"
    "Residents said they would return in April.\n"
    "Buy Now\n"
)


def test_a_line_leaves_the_gold_only_when_both_annotators_marked_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(adjudicate, "ADJUDICATED", tmp_path / "adjudicated.json")
    first = tmp_path / "group1_A.json"
    second = tmp_path / "group1_B.json"
    # Lines are numbered as the annotators saw them: non-empty lines from 1.
    first.write_text(json.dumps({PAGE[:12]: {"2": "photo-credit", "4": "navigation"}}), "utf-8")
    second.write_text(json.dumps({PAGE[:12]: {"2": "photo-credit"}}), "utf-8")

    assert adjudicate._merge([first, second], {PAGE: {"articleBody": BODY}}) == 0

    marked = load_adjudication(tmp_path / "adjudicated.json")
    assert marked == {PAGE: {line_digest("Photo: Ines Varga / Coastline Press"): "photo-credit"}}
    kept = adjudicated_body(PAGE, BODY, marked).splitlines()
    assert "Photo: Ines Varga / Coastline Press" not in kept
    assert "Buy Now" in kept  # one annotator is not enough
    assert kept[0].startswith("The council met")


def test_a_group_with_one_annotator_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adjudicate, "ADJUDICATED", tmp_path / "adjudicated.json")
    only = tmp_path / "group1_A.json"
    only.write_text(json.dumps({PAGE[:12]: {"2": "photo-credit"}}), "utf-8")
    assert adjudicate._merge([only], {PAGE: {"articleBody": BODY}}) == 2
    assert not (tmp_path / "adjudicated.json").exists()


def test_the_shipped_adjudication_names_lines_by_digest_not_text() -> None:
    marked = load_adjudication()
    if not marked:
        pytest.skip("no adjudicated gold in bench/data")
    digests = [digest for page in marked.values() for digest in page]
    assert digests and all(len(d) == 16 and int(d, 16) >= 0 for d in digests)
