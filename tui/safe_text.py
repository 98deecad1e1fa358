"""Make article text safe to show: no control character or escape reaches a terminal or report raw.

Article text is kept exactly in the model, but it comes from scraped pages and
files: an ESC byte or a carriage return would move the cursor or recolour the
terminal, a bidi override would reorder what follows. The viewer and every
report draw text through here. Each control character becomes a visible
placeholder one cell wide (U+241B for ESC), so layouts stay predictable, and a
tab becomes spaces.
"""

from __future__ import annotations

import re

TAB_SIZE = 4
"""Spaces a tab expands to (paragraph text rarely has tabs; code blocks may)."""

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\t")


#: A zero-width joiner between emoji (a family, a profession): terminals disagree on
#: how wide the joined glyph is, so the emoji are shown side by side instead, each as
#: wide as every measure of cells expects, and layouts stay aligned.
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_EMOJI_JOINER = re.compile(f"(?<=[{_EMOJI}\ufe0f])\u200d(?=[{_EMOJI}])")


def _placeholder(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\t":
        return " " * TAB_SIZE
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return "\ufffd"  # a C1 control: no picture exists
    if char in "\u2028\u2029":
        return " "  # line and paragraph separators: terminals would break the line
    return ""  # bidi overrides and marks: they would reorder the rest of the terminal line


def safe_text(text: str) -> str:
    """Return ``text`` with control characters replaced by visible placeholders, tabs expanded.

    Newlines are kept: they separate the blocks of split and merged rows.
    """
    if "\u200d" in text:
        text = _EMOJI_JOINER.sub("", text)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_placeholder, text)


def safe_line(text: str) -> str:
    """Return ``text`` made safe and on one line (for headers, titles and list entries)."""
    return safe_text(text).replace("\n", " ")
