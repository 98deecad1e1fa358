"""Matching keys: the text two versions are compared by, never the text shown.

A key folds each typographic family (quotes, dashes, ellipsis, Unicode forms,
white space) so that two blocks with the same words get the same key;
:mod:`tui.engine.typography` then says which families differed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from tui.scripts import DENSE_SCRIPTS

#: Curly, low, angle and prime quotes, and the straight quote each stands for.
_QUOTE_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (curly, "'") for curly in "\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a"
) + tuple((curly, '"') for curly in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb")
#: Every dash and hyphen, alone or in a run: in a key they all become one spaced
#: dash, so "10-20" matches "10–20" and "a -- b" matches "a—b" (the words are the same).
_DASH_RUN_RE = re.compile("[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+")
#: Soft hyphen and zero-width characters: invisible, so never a difference in words.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def _quotes(text: str) -> str:
    if text.isascii():  # of the quote marks, only the backtick is ASCII: most paragraphs need one scan
        return text.replace("`", "'") if "`" in text else text
    # A scan per character beats str.translate with a dict, which is slow on non-ASCII text.
    for curly, straight in _QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _dashes(text: str) -> str:
    # White space around the dash is collapsed by the last step. ASCII text holds no dash but "-": most
    # paragraphs have none, and the check is 25 times faster than the regex finding nothing.
    if text.isascii() and "-" not in text:
        return text
    return _DASH_RUN_RE.sub(" - ", text)


def _ellipsis(text: str) -> str:
    return text.replace("\u2026", "...")


def _unicode(text: str) -> str:
    # ASCII is already in NFKC; most article text is, so skip the work.
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _whitespace(text: str) -> str:
    if not text.isascii():
        for char in _INVISIBLE:
            if char in text:
                text = text.replace(char, "")
    return collapse_space(text)


def _case(text: str) -> str:
    return text.casefold()


#: The typographic families, in the order they are applied: the named families
#: first (NFKC would turn "″" into two primes and "…" into dots before they are
#: seen), white space last.
STEPS: dict[str, Callable[[str], str]] = {
    "quotes": _quotes,
    "dashes": _dashes,
    "ellipsis": _ellipsis,
    "unicode": _unicode,
    "whitespace": _whitespace,
}


#: A word of a spaced script (letters and digits, no dense-script characters), or one
#: dense-script character.
WORD_PATTERN = f"[^\\W{DENSE_SCRIPTS}]+|[{DENSE_SCRIPTS}]"


def _single_spaced(text: str) -> bool:
    """True for ASCII text whose only white space is single spaces between words, as most paragraphs are."""
    if not text.isascii() or "  " in text or text[:1] == " " or text[-1:] == " ":
        return False
    # The white space str.split() splits ASCII text on, besides the space; written out, as a generator over
    # them took twice as long (this runs for every block, key and word diff).
    return not (
        "\n" in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text
        or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    )


def collapse_space(text: str) -> str:
    """Collapse runs of white space to one space and trim: reflowing a paragraph changes nothing."""
    # str.split() splits on every Unicode space (NBSP included) and is far faster than a regex; text that
    # needs nothing (checked 3 times faster than splitting it) is returned as it is.
    return text if _single_spaced(text) else " ".join(text.split())


def shows_text(text: str) -> bool:
    """True when the text shows anything: white space and zero-width characters alone show nothing."""
    # Stops at the first visible character, which is nearly always the first one.
    return any(not char.isspace() and char not in _INVISIBLE for char in text)


def match_key(plain: str, *, ignore_case: bool = False) -> str:
    """Return the key a block is matched by: equal keys mean "the same words".

    Args:
        plain: The block's markup-free text.
        ignore_case: Fold letter case as well.
    """
    text = plain
    for step in STEPS.values():
        text = step(text)
    return _case(text) if ignore_case else text
