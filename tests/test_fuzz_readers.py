"""Fuzz the readers and segmenters (issue 17): any input is text or a one-line refusal, in bounded time.

Hypothesis draws raw bytes (mixed encodings, byte-order marks, stray bytes, NULs), HTML built from its
structure (nesting, unclosed tags, entities, comments, raw text) and Markdown built from its constructs,
plus one snippet repeated thousands of times (the shape that made parsers quadratic). Each input gets a
time bound (generous, for a shared machine; the quadratic shapes took 18 to 120 s): past it, the test fails
with the input that took too long.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.engine.read import SourceText, decode, read_source, sniff_format
from tui.engine.segment import segment
from tui.errors import ArticleDiffError
from tui.model import Document, SourceFormat

FORMATS: tuple[SourceFormat, ...] = ("text", "markdown", "html")
#: Seconds per input, for reading and segmenting it in all three formats (measured: under 0.5 s each).
SECONDS = 10.0
SETTINGS = settings(
    deadline=None,  # Hypothesis's deadline reruns a slow input and calls a noisy machine flaky: timed here instead
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def bounded(test: Callable[..., None]) -> Callable[..., None]:
    """Fail an input that takes longer than :data:`SECONDS` (under ``@given``: each input is timed)."""

    @wraps(test)
    def timed(*args: Any, **kwargs: Any) -> None:
        start = time.perf_counter()
        test(*args, **kwargs)
        elapsed = time.perf_counter() - start
        assert elapsed < SECONDS, f"{elapsed:.1f} s for one input"

    return timed


def _read_and_segment(data: bytes) -> None:
    """Read ``data`` as a file would be read, then segment it as every format: text or a clean refusal."""
    try:
        source = read_source("fuzz.txt", data=data)
    except ArticleDiffError as error:
        assert "\n" not in str(error)
        return
    assert sniff_format(source.text) in FORMATS
    for fmt in FORMATS:
        _segment(source.text, fmt)


def _segment(text: str, fmt: SourceFormat) -> Document | None:
    """Segment text as the reader hands it over: line ends already made LF (decode does that)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        document = segment(SourceText("fuzz", text, "utf-8", fmt))
    except ArticleDiffError as error:
        assert "\n" not in str(error)
        return None
    assert [block.id for block in document.blocks] == list(range(len(document.blocks)))
    return document


_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r", "shift_jis"])


@st.composite
def mixed_encodings(draw: st.DrawFn) -> bytes:
    """Pieces of text, each in its own encoding, with stray bytes between some."""
    pieces = draw(st.lists(st.tuples(st.text(max_size=80), _ENCODINGS, st.binary(max_size=2)), max_size=6))
    return b"".join(text.encode(encoding, "replace") + stray for text, encoding, stray in pieces)


_TAGS = st.sampled_from(
    ["div", "p", "span", "a", "b", "i", "li", "ul", "ol", "table", "tr", "td", "h1", "h2", "blockquote",
     "figure", "figcaption", "section", "article", "nav", "footer", "pre", "br", "img", "font", "select",
     "option", "svg", "math", "template", "noscript", "dl", "dt", "dd"]
)
_ATTRS = st.sampled_from(
    ["", ' class="a b"', ' id="x"', " hidden", ' style="display:none"', ' aria-hidden="true"', ' href="/x?a=1&b=2"',
     ' title="a>b"', " data-x='<p>'", ' class="unclosed']
)
_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["&amp;", "&lt;div&gt;", "&#x202e;", "&#0;", "&nbsp;", "&bogus;", "&#99999999;", "&", "<", ">"]),
    st.sampled_from(["<!-- c -->", "<!--", "-->", "<![CDATA[x]]>", "<?xml?>", "<!doctype html>", "</", "< p>"]),
    st.sampled_from(["<script>if (a<b) {}</script>", "<script>", "<style>p{}</style>", "<textarea><b></textarea>"]),
)


def _html_tree(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
        _TAGS, _ATTRS, st.lists(children, max_size=4), st.booleans(),
    )


HTML = st.recursive(_TEXT, _html_tree, max_leaves=40).map(lambda body: f"<html><body>{body}</body></html>")

_MARKDOWN_LINES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "# Heading", "## Sub *heading*", "- item", "  - nested item", "1. first", "> quote", "> > deeper",
         "```", "```python", "    indented code", "| a | b |", "|---|---|", "[link](http://x)", "![img](a.png)",
         "**bold** and _em_", "***", "---", "title: front", "+++", "<div>", "</div>", "<p class=x>html</p>",
         "[ref]: http://example.com", "<https://auto.link>", "\\*escaped\\*", "[" * 50, "*" * 50, "`" * 20]
    ),
)
MARKDOWN = st.lists(_MARKDOWN_LINES, max_size=40).map("\n".join)

SNIPPETS = st.sampled_from(
    ["<div>", "<div><span>", "<tr><td>", "<p>", "<li>", "<b>", "<a href=x>", "<!--", "<font>", "<table>",
     "[", "*", "> ", "- ", "  ", "#", "`", "_", "|", "\n", "\n\n", "a\n", "&amp;", "<", "\ufeff", "\u202e"]
)


pytestmark = pytest.mark.filterwarnings("ignore::tui.errors.InputWarning")


@SETTINGS
@given(st.binary(max_size=4096))
@bounded
def test_any_bytes_read_and_segment_or_are_refused_in_one_line(data: bytes) -> None:
    _read_and_segment(data)


@SETTINGS
@given(mixed_encodings())
@bounded
def test_mixed_encodings_decode_to_text_or_a_refusal(data: bytes) -> None:
    try:
        text, encoding = decode(data, "mixed")
    except ArticleDiffError as error:
        assert "\n" not in str(error)
        return
    assert text.strip() and "\r" not in text and encoding
    _read_and_segment(data)


@SETTINGS
@given(HTML)
@bounded
def test_html_of_any_structure_segments(page: str) -> None:
    document = _segment(page, "html")
    if document is not None:
        for block in document.blocks:
            assert "<script" not in block.plain.lower() or "&lt;" in page or "<script" in page


@SETTINGS
@given(MARKDOWN)
@bounded
def test_markdown_of_any_structure_segments(text: str) -> None:
    for fmt in FORMATS:
        _segment(text, fmt)


@SETTINGS
@given(SNIPPETS, st.integers(min_value=1, max_value=10_000), st.text(max_size=20))
@example("<div>", 10_000, "deep")
@example("<div><span>", 10_000, "")
@example("<tr><td>", 10_000, "")
@example("[", 10_000, "")  # one 10 KB line of '[': 18 s in sniffing at 64 KB before
@example("a\n", 10_000, "")
@example("<p>x</p>", 10_000, "")
@bounded
def test_a_snippet_repeated_thousands_of_times_stays_linear(snippet: str, times: int, tail: str) -> None:
    """The shapes that were quadratic: deep nesting, a long line of '[', runs of short paragraphs."""
    text = snippet * times + tail
    assert sniff_format(text) in FORMATS
    for fmt in FORMATS:
        _segment(text, fmt)
