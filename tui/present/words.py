"""The words every drawing uses for a comparison: op labels, badge names, paragraph numbers, the boilerplate mode.

One vocabulary, so the viewer, the reports and the status line never name one thing two ways.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from tui.model import BOILERPLATE_MODES, MARKERS, BoilerplateMode

Side = Literal["old", "new"]

#: Words for people, per row op (the op names stay as they are in JSON).
LABELS: dict[str, str] = {
    "equal": "unchanged",
    "formatting": "formatting",
    "modified": "modified",
    "inserted": "inserted",
    "deleted": "deleted",
    "moved": "moved",
    "split": "split",
    "merged": "merged",
}

#: What a metadata category is called in prose ("the headline", not "the title").
METADATA_NAMES: dict[str, str] = {"title": "headline", "date": "date", "byline": "byline", "dateline": "dateline"}


__all__ = [
    "BOILERPLATE_MODES", "LABELS", "MARKERS", "METADATA_NAMES", "BoilerplateMode", "Side",
    "badge_name", "boilerplate_mode", "english_list", "paragraph", "paragraphs", "plural",
]


def boilerplate_mode(name: str) -> BoilerplateMode:
    """Return the mode ``name`` names (``show``, ``dim`` or ``hide``).

    Raises:
        ValueError: When ``name`` is none of them.
    """
    for mode in BOILERPLATE_MODES:
        if name == mode:
            return mode
    raise ValueError(f"unknown boilerplate mode: {name!r} (use show, dim or hide)")


def badge_name(category: str, lane: str = "boilerplate") -> str:
    """A category as a badge shows it: "donation appeal" for ``donation-appeal``, "headline" for a metadata ``title``
    (the name the verdict and the metadata line use)."""
    if lane == "metadata" and category in METADATA_NAMES:
        return METADATA_NAMES[category]
    return category.replace("-", " ")


def paragraph(side: Side, first: int, last: int | None = None) -> str:
    """A paragraph number that says its side: "old ¶8", "new ¶12–14"."""
    if last is None or last == first:
        return f"{side} ¶{first}"
    return f"{side} ¶{first}–{last}"


def paragraphs(side: Side, numbers: Sequence[int]) -> str:
    """The numbers of consecutive blocks on one side: "old ¶5" or "old ¶5–6"."""
    return paragraph(side, numbers[0], numbers[-1])


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 block", "16 blocks": counts read as English everywhere."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def english_list(words: Sequence[str]) -> str:
    """Join words as English does: "a", "a and b", "a, b and c"."""
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
