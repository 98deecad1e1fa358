"""Name what differs between two blocks with the same words: quotes, dashes, markup, ...

A character diff of the two texts is read change by change, so a ``formatting``
row can say *why* it is not ``equal``.
"""

from __future__ import annotations

from tui.engine.inline import char_changes
from tui.engine.normalize import collapse_space, match_key

_QUOTE_CHARS = frozenset(
    "'\"`\u2018\u2019\u201a\u201b\u2032\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"
)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_SPACE_CHARS = frozenset(" \t\r\n\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u2009\u202f\u2002\u2003")


def _family(chars: str) -> str:
    """Name the typographic family a run of changed characters belongs to."""
    used = set(chars)
    if used <= _QUOTE_CHARS | _SPACE_CHARS and used & _QUOTE_CHARS:
        return "quotes"  # a quote mark turned, perhaps with a stray space beside it
    if used <= _DASH_CHARS | _SPACE_CHARS and used & _DASH_CHARS:
        return "dashes"
    if used <= {".", "\u2026"}:
        return "ellipsis"
    if used <= _SPACE_CHARS:
        return "whitespace"
    if chars.casefold() != chars or chars.upper() != chars:
        return "case" if chars.isalpha() else "unicode"
    return "unicode"


def differences(old_plain: str, new_plain: str, old_text: str, new_text: str) -> tuple[str, ...]:
    """Name the typographic families that differ between two blocks with equal keys.

    A character diff of the two plain texts is read change by change; markup is
    reported when the plain texts agree but the source texts do not.
    """
    found: list[str] = []
    for chars in char_changes(collapse_space(old_plain), collapse_space(new_plain)):
        family = _family(chars)
        if family not in found:
            found.append(family)
    old_marked, new_marked = _has_markup(old_text, old_plain), _has_markup(new_text, new_plain)
    if old_marked != new_marked or (old_marked and match_key(old_text) != match_key(new_text)):
        found.append("markup")
    order = ("quotes", "dashes", "ellipsis", "whitespace", "unicode", "case", "markup")
    return tuple(sorted(found, key=order.index))


def _has_markup(text: str, plain: str) -> bool:
    """True when a block's source text carries markup beyond its plain text."""
    return text != plain and collapse_space(text) != collapse_space(plain)
