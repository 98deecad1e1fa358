"""Issue 17, no input hangs: deep nesting, huge block counts and long runs of short paragraphs are bounded.

Time bounds here are several times what this project's 2-core machine measures (given in each docstring),
so a busy machine does not fail them, while the quadratic behaviour they guard against (76 s, 34 s) would.
"""

from __future__ import annotations

import time

import pytest

from tui.classify.extraction import extract
from tui.compare import compare_documents, load
from tui.engine.html_depth import MAX_DEPTH, cap_depth
from tui.engine.limits import MAX_BLOCKS, MAX_LINES, MAX_TAGS
from tui.errors import ArticleDiffError

DEEP = 100_000


def _timed(html: str) -> tuple[float, list[str]]:
    start = time.perf_counter()
    document = load("deep.html", "html", data=html.encode())
    return time.perf_counter() - start, [block.plain for block in document.blocks]


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * DEEP + "deep text" + "</div>" * DEEP,  # 76 s before (measured 0.9 s)
        "<div><span>" * DEEP + "deep text",  # past 120 s before (0.6 s)
        "<table>" + "<tr><td>" * (DEEP - 1) + "deep text",  # 1.3 s
        "<p>" + "<b>" * DEEP + "deep text",  # 0.2 s
    ],
    ids=["nested-div", "unclosed-div-span", "unclosed-table-rows", "unclosed-bold"],
)
def test_deep_nesting_parses_in_bounded_time(page: str) -> None:
    seconds, blocks = _timed(page)
    assert seconds < 8, f"{seconds:.1f} s"
    assert any("deep text" in plain for plain in blocks), "the deep text is kept"


def test_a_page_within_the_cap_is_the_very_same_string() -> None:
    page = "<html><body>" + "<div><p>Paragraph <b>one</b>.</p></div>" * 400 + "</body></html>"
    assert cap_depth(page) is page
    nested = "<div>" * (MAX_DEPTH - 10) + "x" + "</div>" * (MAX_DEPTH - 10)
    assert cap_depth(nested) is nested
    many_paragraphs = "<p>unclosed paragraph " * 5000  # implied end tags: depth 1, nothing taken out
    assert cap_depth(many_paragraphs) is many_paragraphs


def test_past_the_cap_tags_go_and_text_stays() -> None:
    page = "<div>" * 600 + "<p>a</p><p>b</p>" + "</div>" * 600 + "<p>after</p>"
    capped = cap_depth(page)
    assert capped.count("<div>") == MAX_DEPTH and capped.count("</div>") == MAX_DEPTH
    document = load("p.html", "html", data=page.encode())
    assert [b.plain for b in document.blocks] == ["a", "b", "after"]


def test_script_and_comments_are_not_read_as_tags() -> None:
    page = "<script>" + "if (a <div> b) {}" * 1000 + "</script><!--" + "<div>" * 1000 + "--><p>shown</p>"
    assert cap_depth(page) is page


def test_too_many_blocks_is_one_line() -> None:
    with pytest.raises(ArticleDiffError, match=r"^a\.txt: too many paragraphs \(25,001; the limit is 25,000\)$"):
        load("a.txt", "text", data=b"w\n" * (MAX_BLOCKS + 1))
    with pytest.raises(ArticleDiffError, match=r"^b\.txt: too many lines \(100,002; the limit is 100,000\)$"):
        load("b.txt", "text", data=b"w\n" * (MAX_LINES + 1))
    with pytest.raises(ArticleDiffError, match=r"^c\.html: too many tags"):
        load("c.html", "html", data=b"<br>" * (MAX_TAGS + 1))


def test_32_mb_of_one_letter_lines_is_refused_quickly() -> None:
    """Before, this would have needed about 30 GB; 400,000 one-word lines took 34 s and 759 MB."""
    start = time.perf_counter()
    with pytest.raises(ArticleDiffError, match="too many lines"):
        load("letters.txt", "text", data=b"a\n" * (16 * 1024 * 1024 - 1))
    assert time.perf_counter() - start < 5


def test_a_long_run_of_short_paragraphs_does_not_stall_the_extractor() -> None:
    """jusText (trafilatura's fallback) took 35 s on 12,000 one-word paragraphs; now 1.1 s for 3,000."""
    start = time.perf_counter()
    extract("<div><p>word</p></div>" * 3000)
    assert time.perf_counter() - start < 8


def test_the_largest_pair_allowed_compares_in_bounded_time() -> None:
    """25,000 distinct one-word lines a side: about 4 s here (identical lines cost more: 14 s for 20,000)."""
    text = "".join(f"w{i}\n" for i in range(MAX_BLOCKS - 1)).encode()
    start = time.perf_counter()
    comparison = compare_documents(load("a.txt", data=text), load("b.txt", data=text + b"one more\n"))
    assert len(comparison.rows) == MAX_BLOCKS
    assert time.perf_counter() - start < 40
