"""Word diff inside a paragraph: whole words only, numbers as one token, lossless."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.engine.inline import side_text, tokenize, word_spans


def _changes(old: str, new: str) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in word_spans(old, new) if s.op != "equal"]


def test_a_changed_word_is_one_delete_and_one_insert() -> None:
    assert _changes("the red car", "the green car") == [("delete", "red"), ("insert", "green")]


def test_a_number_is_one_token() -> None:
    assert _changes("cost 12 dollars", "cost 14 dollars") == [("delete", "12"), ("insert", "14")]
    assert _changes("about 3,100 homes", "about 3,150 homes") == [("delete", "3,100"), ("insert", "3,150")]


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    assert "Washington's" in tokenize("Washington's well-known stance")
    assert "well-known" in tokenize("Washington's well-known stance")


def test_identical_text_is_one_equal_span() -> None:
    assert [(s.op, s.text) for s in word_spans("same words", "same words")] == [("equal", "same words")]


text = st.text(alphabet=st.sampled_from(list("ab cd,.12\u201c\u201d'\n")), max_size=60)


@given(text, text)
def test_spans_rebuild_both_sides(old: str, new: str) -> None:
    spans = word_spans(old, new)
    assert side_text(spans, "old") == old
    assert side_text(spans, "new") == new


@given(text, text)
def test_no_partial_word_is_highlighted(old: str, new: str) -> None:
    """Every changed span starts and ends on token boundaries of its own side."""
    for side, skip in (("old", "insert"), ("new", "delete")):
        source = old if side == "old" else new
        boundaries = {0}
        position = 0
        for token in tokenize(source):
            position += len(token)
            boundaries.add(position)
        position = 0
        for span in word_spans(old, new):
            if span.op == skip:
                continue
            assert position in boundaries
            position += len(span.text)
            assert position in boundaries
