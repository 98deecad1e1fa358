"""Matching keys and white space: reflowing a paragraph, or a run of spaces, never makes two texts differ."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui.engine.normalize import _QUOTE_PAIRS, _quotes, collapse_space, match_key
from tui.scripts import DENSE_SCRIPTS, has_dense_script

#: Every ASCII character and the Unicode spaces str.split() knows, between words: each one's class matters.
_PIECES = [*map(chr, range(128)), "\u00a0", "\u2009", "\u3000", "\u2028", "x", "yz"]
_SPACED = st.lists(st.sampled_from(_PIECES)).map("".join)


@given(_SPACED)
def test_collapse_space_is_splitting_on_white_space_and_joining_with_one_space(text: str) -> None:
    """The fast path for single-spaced ASCII text must give what splitting and joining gives, on every text."""
    assert collapse_space(text) == " ".join(text.split())


def test_every_ascii_white_space_character_is_collapsed() -> None:
    for char in map(chr, range(128)):
        assert collapse_space(f"a{char}b") == " ".join(f"a{char}b".split()), repr(char)


def test_keys_ignore_reflowing_curly_quotes_and_dashes() -> None:
    old = "The council\u2019s vote \u2014 at last\u2026\nwas  held."
    new = "The council's vote - at last...  was held."
    assert match_key(old) == match_key(new)
    assert match_key("A Vote", ignore_case=True) == match_key("a vote", ignore_case=True)
    assert match_key("A Vote") != match_key("a vote")


def test_the_byte_check_finds_a_dense_script_character_exactly_where_the_class_does() -> None:
    """Word and token patterns skip the dense scripts' ranges for text the byte check clears: it must never
    clear a text holding one of their characters, nor send other text the slow way (every code point of the
    plane is tried)."""
    dense = re.compile(f"[{DENSE_SCRIPTS}]")
    for point in range(0x80, 0x10000):
        char = chr(point)
        assert has_dense_script(f"caf\u00e9 {char}") == bool(dense.match(char)), hex(point)
    assert not has_dense_script("The council\u2019s vote \u2014 \u201cat last\u201d\u2026 caf\u00e9")
    assert not has_dense_script("plain ASCII")
    assert has_dense_script("\u4e2d\u6587")


@given(st.text(st.sampled_from(["a", " ", "`", "'", '"', "\u2019", "\u201c", "\u00b4", "\u00ab", "\u2039"])))
def test_every_quote_mark_becomes_its_straight_quote(text: str) -> None:
    """ASCII text takes a short path (the backtick is the one ASCII quote mark): the same key either way."""
    expected = text
    for curly, straight in _QUOTE_PAIRS:
        expected = expected.replace(curly, straight)
    assert _quotes(text) == expected
    assert _quotes("it`s") == "it's"
