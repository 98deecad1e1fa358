"""The boilerplate layer: label every block body, boilerplate or metadata."""

from __future__ import annotations

from tui.model import Document


def classify(old: Document, new: Document) -> tuple[Document, Document]:
    """Return both documents with each block's role, category and reasons set."""
    return old, new
