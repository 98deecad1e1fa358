"""The class, id and tag words that name page furniture, read from ``tui/data/structure.toml``.

They are data beside the phrase lexicons, not code: a new site's furniture class
is one word added to a list, and what each word says (category, weight) can be
read and reviewed without reading the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

#: The category that means "article text" in the file; the classifier calls it None.
ARTICLE = "article"


@dataclass(frozen=True, slots=True)
class StructureVocabulary:
    """What enclosing elements say about a block, compiled once."""

    tags: dict[str, tuple[str | None, float]]
    """A tag that speaks for itself: its category (None: article text) and weight."""
    marks: tuple[tuple[re.Pattern[str], str | None, float], ...]
    """Class and id word patterns, in the order they are tried, with their category and weight."""
    silent: frozenset[str]
    """Words that say nothing about a block and are skipped."""


def _pattern(mark: dict[str, object]) -> re.Pattern[str]:
    """One pattern for a mark's words: anywhere in a class name, as whole tokens of it, or as the whole name."""
    parts: list[str] = []
    anywhere = mark.get("anywhere", [])
    tokens = mark.get("tokens", [])
    whole = mark.get("whole", [])
    assert isinstance(anywhere, list) and isinstance(tokens, list) and isinstance(whole, list)
    parts.extend(re.escape(str(word)) for word in anywhere)
    if tokens:
        parts.append(r"(?:^|[-_])(?:" + "|".join(re.escape(str(word)) for word in tokens) + r")(?:$|[-_])")
    if whole:
        parts.append(r"^(?:" + "|".join(re.escape(str(word)) for word in whole) + r")$")
    return re.compile("|".join(parts))


def _category(value: object) -> str | None:
    return None if value == ARTICLE else str(value)


@cache
def structure_vocabulary() -> StructureVocabulary:
    """The shipped vocabulary, read and compiled once per process."""
    import tomllib
    from importlib import resources  # here: plain text and Markdown never read this file, nor pay the imports

    data = tomllib.loads(resources.files("tui.data").joinpath("structure.toml").read_text(encoding="utf-8"))
    tags = {
        name: (_category(entry["category"]), float(entry["weight"])) for name, entry in data.get("tags", {}).items()
    }
    marks = tuple(
        (_pattern(mark), _category(mark["category"]), float(mark["weight"])) for mark in data.get("marks", [])
    )
    return StructureVocabulary(tags, marks, frozenset(data.get("silent", [])))
