"""Turn decoded source text into a :class:`~tui.model.Document`, whatever its format."""

from __future__ import annotations

from tui.engine.read import SourceText
from tui.engine.segment_markdown import segment_markdown
from tui.engine.segment_text import segment_text
from tui.model import Document


def segment(source: SourceText) -> Document:
    """Split a source into blocks by its format."""
    title: str | None = None
    if source.format == "markdown":
        blocks, trailer, title = segment_markdown(source.text)
    elif source.format == "html":
        from tui.engine.segment_html import segment_html

        blocks, title = segment_html(source.text)
        trailer = ""
    else:
        blocks, trailer = segment_text(source.text)
    return Document(
        source=source.name,
        format=source.format,
        blocks=blocks,
        title=title,
        encoding=source.encoding,
        trailer=trailer,
        source_html=source.text if source.format == "html" else None,
    )
