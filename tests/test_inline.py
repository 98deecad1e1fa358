"""Word diff inside a paragraph: whole words only, numbers as one token, lossless."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.engine.align import _words
from tui.engine.inline import TOKEN_PATTERN, _merged, _spans, dmp_diff, side_text, tokenize, word_spans
from tui.engine.normalize import WORD_PATTERN


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


#: Characters the diffs meet: words, spaces, newlines, accents, a dense script, emoji and the private-use
#: planes the word diff encodes its tokens in (astral code points are one character to both libraries).
_DIFF_ALPHABET = st.sampled_from(["a", "b", "c", " ", "\n", "é", "\u2019", "\u4e2d", "\U0001f600", "\U000f0001",
                                  "\U000f0002", "\U00100000"])


@given(st.text(_DIFF_ALPHABET, max_size=80), st.text(_DIFF_ALPHABET, max_size=80), st.booleans())
def test_the_compiled_diff_gives_the_reference_libraries_diffs(old: str, new: str, semantic: bool) -> None:
    """The word diff runs in diff-match-patch's C++ port for speed: it must give the Python library's diffs,
    cleanup included, or highlights would move."""
    from diff_match_patch import diff_match_patch

    reference = diff_match_patch()
    reference.Diff_Timeout = 0
    expected = reference.diff_main(old, new, False)
    if semantic:
        reference.diff_cleanupSemantic(expected)
    ops = {0: "=", 1: "+", -1: "-"}
    assert dmp_diff(old, new, semantic=semantic) == [(ops[op], text) for op, text in expected]


@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_ascii_text_is_cut_into_the_same_tokens_as_by_the_full_pattern(text: str) -> None:
    """ASCII text takes a faster pattern: it must cut exactly where the Unicode one does (white space as
    str.isspace() sees it, digits, words with inner apostrophes and hyphens)."""
    full = re.compile(TOKEN_PATTERN, re.UNICODE | re.DOTALL)
    assert tokenize(text) == full.findall(text)
    # Every ASCII character between words and digits, doubled: each one's class is checked, not only likely ones.
    every = "".join(f"a{c}{c}b 1{c}2 " for c in map(chr, range(128)))
    assert tokenize(every) == full.findall(every)


_PIECES = st.sampled_from(["the", "vote", " ", "  ", "\n", ",", ".", "3", "3.5", "it's", "well-known", "’", "é", "中"])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=400)
@given(_TEXTS, _TEXTS, _TEXTS, _TEXTS)
@example("a  ", "", " ", "b")  # a run of spaces that grew: the cut must not fall inside the shared part of the run
def test_trimming_the_shared_head_and_tail_changes_no_span(head: str, old_mid: str, new_mid: str, tail: str) -> None:
    """The word diff cuts the texts' shared head and tail off by comparing characters before cutting tokens: the
    spans must be the very ones of cutting both texts whole (repeated phrases, edits at an edge included)."""
    old, new = head + old_mid + tail, head + new_mid + tail
    if old == new:
        return
    assert word_spans(old, new) == _merged(_spans(old, new, 0, len(old), len(new)))


#: Letters of spaced and dense scripts, the characters at the dense ranges' edges, quotes, dashes and spaces.
_SCRIPTS = st.lists(st.sampled_from(["a", "é", "ß", "ж", "\u0dff", "\u0e01", "\u0e80", "\u303f", "\u3041", "\u30ff",
                                     "\u3100", "\u4e2d", "\uac00", "\ud7b0", "\uf900", "\ufb00", "\u2019", "\u2014",
                                     "-", "'", " ", "\u00a0", "1", ".", "\U0001f600"]), max_size=40).map("".join)


@given(_SCRIPTS)
def test_text_without_dense_scripts_is_cut_as_by_the_full_pattern(text: str) -> None:
    """Text the quick check clears of dense scripts takes a pattern without their ranges: same tokens."""
    full = re.compile(TOKEN_PATTERN, re.UNICODE | re.DOTALL)
    assert tokenize(text) == full.findall(text)
    assert _words(text) == re.findall(WORD_PATTERN, text)
