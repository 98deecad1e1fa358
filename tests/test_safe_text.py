"""Article text shown anywhere is safe: no control character, escape or reordering mark reaches the screen."""

from __future__ import annotations

from rich.cells import cell_len

from tui.safe_text import safe_line, safe_text


def test_escapes_and_controls_become_visible_pictures() -> None:
    shown = safe_text("red \x1b[31mtext\x1b[0m, bell \x07, CR \r here")
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown
    assert "\u241b[31m" in shown


def test_bidi_overrides_and_separators_are_neutralised() -> None:
    shown = safe_text("abc\u202edef\u2066x\u2069 \u061c line\u2028next")
    assert not set(shown) & {"\u202e", "\u2066", "\u2069", "\u061c", "\u2028"}


def test_newlines_kept_by_safe_text_and_folded_by_safe_line() -> None:
    assert safe_text("a\nb") == "a\nb"
    assert safe_line("a\nb") == "a b"


def test_joined_emoji_are_as_wide_as_every_measure_expects() -> None:
    """A ZWJ family is drawn at different widths by different terminals; shown apart it is not."""
    shown = safe_text("family \U0001f468\u200d\U0001f469\u200d\U0001f467 here")
    assert "\u200d" not in shown
    assert cell_len(shown) == len("family  here") + 3 * 2


def test_a_joiner_inside_a_word_of_an_indic_script_is_kept() -> None:
    assert safe_text("\u0915\u200d\u0937") == "\u0915\u200d\u0937"
