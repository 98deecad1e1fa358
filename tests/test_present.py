"""The presentation (tui.present) is the one description every drawing shows: the viewer and every report agree.

The change count is held equal across the viewer, the HTML report, the text report and the JSON summary on the
demo pair, the seed pair and the real pairs of ../shared/eval/real-pairs (skipped, with the reason, when absent).
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from tests.conftest import SEEDS, SHARED
from tui.app.layout import Layout, ViewOptions
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.export import render_report
from tui.model import Comparison, Span
from tui.present import present
from tui.present.pieces import narrow_typography

REAL_PAIRS = SHARED / "eval" / "real-pairs"


@cache
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def seed() -> Comparison:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent: the reference pair ships with the workplace, not the project")
    old, new = sorted(SEEDS.glob("*.txt"))[:2]
    return compare_documents(load(old.name, data=old.read_bytes()), load(new.name, data=new.read_bytes()))


def real_pair(name: str) -> Comparison:
    folder = REAL_PAIRS / name
    old = next(folder.glob("old.*"))
    new = next(folder.glob("new.*"))
    return compare_documents(load(old.name, data=old.read_bytes()), load(new.name, data=new.read_bytes()))


def _real_pair_names() -> list[str]:
    if not REAL_PAIRS.is_dir():
        return ["(absent)"]
    return sorted(p.name for p in REAL_PAIRS.iterdir() if p.is_dir() and any(p.glob("old.*")))


def counts(comparison: Comparison) -> dict[str, int]:
    """The change count as each drawing gives it."""
    layout = Layout(comparison, (70, 70), ViewOptions())
    html = render_report(comparison, "html")
    position = re.search(r'id="position"[^>]*>(\d+) changes?<', html)
    assert position is not None
    text = render_report(comparison, "text").splitlines()
    told = re.match(r"(\d+) changes?\b", text[4])
    assert told is not None, text[4]
    return {
        "viewer": len(layout.change_stops()),
        "html": int(position.group(1)),
        "html rows": len(re.findall(r'<section class="row [^"]*\bchange\b', html)),
        "text": int(told.group(1)),
        "json": json.loads(render_report(comparison, "json"))["summary"]["changes"],
        "presentation": present(comparison).change_count,
    }


def _agree(comparison: Comparison) -> None:
    found = counts(comparison)
    assert len(set(found.values())) == 1, found
    assert (found["json"] > 0) == comparison.summary.body_changed
    # The metadata every drawing lists is the summary's, a headline in one version only included.
    listed = tuple(dict.fromkeys(d.category for d in present(comparison).metadata))
    assert listed == comparison.summary.metadata_changes


def test_every_drawing_counts_the_demo_pairs_changes_alike() -> None:
    _agree(demo())


def test_every_drawing_counts_the_seed_pairs_changes_alike() -> None:
    _agree(seed())


@pytest.mark.parametrize("name", _real_pair_names())
def test_every_drawing_counts_a_real_pairs_changes_alike(name: str) -> None:
    if not REAL_PAIRS.is_dir():
        pytest.skip("../shared/eval/real-pairs is absent: the real pairs ship with the workplace, not the project")
    _agree(real_pair(name))


def test_a_region_has_one_category_its_last_line_included() -> None:
    presentation = present(seed())
    appeal = [r for r in presentation.regions if r.category == "donation-appeal"]
    assert len(appeal) == 1
    rows = presentation.region_rows(appeal[0])
    assert any(rr.text == "Remind me later." for rr in rows)
    assert {rr.badge for rr in rows} == {"donation appeal"}
    for fmt in ("text", "md"):
        report = render_report(seed(), fmt)
        assert "navigation" not in report, fmt


def test_a_missing_headline_is_a_calm_metadata_difference_not_a_change() -> None:
    comparison = seed()
    presentation = present(comparison)
    assert [d.name for d in presentation.metadata] == ["headline", "date"]
    # The summary lists what the drawings list (one rule): a headline in one version only is a metadata
    # change, said calmly: the verdict never opens with "Headline changed" for it.
    assert comparison.summary.metadata_changes == ("title", "date")
    assert not comparison.summary.verdict.startswith("Headline changed")
    assert presentation.change_count == 0
    html = render_report(comparison, "html")
    assert "deleted · title" not in html and "inserted</li>" not in html
    assert "metadata: headline and date only in the old version" in render_report(comparison, "text")
    # Its badge names it as the line above does: "headline", never the category's "title".
    assert [rr.badge for rr in presentation.rows if rr.is_metadata and rr.differs] == ["headline", "date"]
    assert "metadata: headline · only in the old version" in html


def test_byte_identical_paragraphs_are_equal_whatever_the_formats() -> None:
    comparison = seed()
    presentation = present(comparison)
    for rr in presentation.rows:
        if rr.old and rr.new:
            same = [sb.block.text for sb in rr.old] == [sb.block.text for sb in rr.new]
            assert (rr.op == "equal") == same or rr.op != "formatting"
    assert any(rr.op == "equal" for rr in presentation.rows)


def test_a_curly_apostrophe_marks_the_apostrophe_not_the_word() -> None:
    spans = (Span("equal", "in "), Span("delete", "Washington's", True), Span("insert", "Washington’s", True))
    assert narrow_typography(spans) == (
        Span("equal", "in "),
        Span("equal", "Washington"),
        Span("delete", "'", True),
        Span("insert", "’", True),
        Span("equal", "s"),
    )
    html = render_report(seed(), "html")
    assert "<del class=\"fmt\">Washington's</del>" not in html
    assert 'Washington<del class="fmt">&#x27;</del>s' in html
    assert 'Washington<ins class="fmt">’</ins>s' in html


def test_a_body_line_after_boilerplate_is_never_listed_under_its_heading_without_colour() -> None:
    old = "The council met on Monday.\n\nIt voted to delay the barrier."
    new = (
        "The council met on Monday.\n\nSign up for our newsletter to get the news every morning.\n\n"
        "Correction: an earlier version misstated the council vote.\n\nIt voted to delay the barrier."
    )
    comparison = compare_documents(load("old.txt", data=old.encode()), load("new.txt", data=new.encode()))
    presentation = present(comparison)
    correction = next(rr for rr in presentation.rows if rr.text.startswith("Correction"))
    assert correction.lane == "body" and correction.is_change
    from io import StringIO

    from tui.export.terminal import print_comparison

    out = StringIO()
    print_comparison(comparison, out, color=False, width=100, boilerplate="show")
    lines = out.getvalue().splitlines()
    at = next(i for i, line in enumerate(lines) if "Correction" in line)
    label = next(line for line in reversed(lines[:at]) if line.strip() and "│" not in line)
    assert "body" in label or "boilerplate" not in label, label
