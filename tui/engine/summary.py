"""Counts and the one-sentence verdict, derived from the rows alone."""

from __future__ import annotations

from collections.abc import Sequence

from tui.engine.changes import changes_body, metadata_changes, row_blocks, shows_any_text
from tui.model import ROW_OPS, Document, Row, Summary, guessed_rows

_NOUNS = {
    "modified": "edited",
    "moved": "moved",
    "inserted": "added",
    "deleted": "removed",
    "split": "split",
    "merged": "merged",
}


def _paragraphs(n: int) -> str:
    return f"{n} paragraph" if n == 1 else f"{n} paragraphs"


def _and(words: Sequence[str]) -> str:
    """Join words as English does: "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe_changes(body_counts: dict[str, int]) -> str:
    """Say in words what happened to the body: "3 paragraphs edited, 1 moved"."""
    parts: list[str] = []
    for op, word in _NOUNS.items():
        n = body_counts.get(op, 0)
        if n:
            parts.append(f"{_paragraphs(n)} {word}" if not parts else f"{n} {word}")
    return ", ".join(parts)


def summarise(old: Document, new: Document, rows: Sequence[Row]) -> Summary:
    """Count rows per op (overall and in the body lane) and write the verdict."""
    counts: dict[str, int] = dict.fromkeys(ROW_OPS, 0)
    body_counts: dict[str, int] = dict.fromkeys(ROW_OPS, 0)
    for row in rows:
        counts[row.op] += 1
        if row.lane == "body":
            body_counts[row.op] += 1
    metadata = metadata_changes(old, new, rows)
    changes: dict[str, int] = dict.fromkeys(ROW_OPS, 0)
    for row in rows:
        if changes_body(row, visible=shows_any_text(row_blocks(row, old, new))):
            changes[row.op] += 1
    body_changed = any(changes.values())
    boilerplate_old = sum(b.role == "boilerplate" for b in old.blocks)
    boilerplate_new = sum(b.role == "boilerplate" for b in new.blocks)
    guessed = len(guessed_rows(old, new, rows))
    if body_changed:
        verdict = f"Article body changed: {describe_changes(changes)}."
    elif guessed:
        # Never "unchanged" on a guess: the reader checks the dimmed changes the classifier was unsure of.
        verdict = "Article body may have changed."
    else:
        extras = []
        if counts["formatting"]:
            extras.append("formatting")
        if any(r.op in ("split", "merged") for r in rows):
            extras.append("paragraph breaks")
        if boilerplate_old or boilerplate_new or any(r.lane == "boilerplate" and r.is_change for r in rows):
            extras.append("boilerplate")
        if any(r.lane == "metadata" and r.is_change for r in rows):
            extras.append("metadata")
        verdict = "Article body unchanged"
        verdict += f"; only {_and(extras)} {'differs' if len(extras) == 1 else 'differ'}." if extras else "."
    if guessed:
        verdict += f" {guessed} dimmed change{' rests' if guessed == 1 else 's rest'} on a guess."
    if any(m.category == "title" and m.how == "changed" for m in metadata):
        # A headline in one version only (a scrape that missed it) is listed with the metadata, calmly.
        verdict = "Headline changed. " + verdict
    return Summary(
        counts=counts,
        boilerplate_old=boilerplate_old,
        boilerplate_new=boilerplate_new,
        body_changed=body_changed,
        metadata_changes=tuple(dict.fromkeys(m.category for m in metadata)),
        verdict=verdict,
        body_counts=body_counts,
        changes=sum(changes.values()),
        guessed=guessed,
    )
