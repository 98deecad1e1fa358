"""Turn decoded source text into a :class:`~tui.model.Document`, whatever its format."""

from __future__ import annotations

from dataclasses import replace

from tui.engine.front_matter import read_front_matter
from tui.engine.limits import check_block_count, check_text_size
from tui.engine.read import SourceText
from tui.engine.segment_text import segment_text
from tui.model import Document


def segment(source: SourceText) -> Document:
    """Split a source into blocks by its format, within the size limits (:mod:`tui.engine.limits`).

    Raises:
        ArticleDiffError: The version has too many lines, tags or blocks.
    """
    title: str | None = None
    name = "standard input" if source.name == "-" else source.name
    check_text_size(source.text, source.format, name)
    if source.format == "markdown":
        # Imported here, as the HTML segmenter is: markdown-it costs 20 ms to import, which plain text never needs.
        from tui.engine.segment_markdown import segment_markdown

        blocks, trailer, title = segment_markdown(source.text)
    elif source.format == "html":
        from tui.engine.segment_html import segment_html

        front = read_front_matter(source.text)
        if front is None:
            blocks, title = segment_html(source.text)
        else:
            # A static site's post written in HTML: its front matter, then the page.
            page, title = segment_html(source.text[front.end :])
            title = front.title or title
            blocks = front.blocks + tuple(
                replace(b, id=len(front.blocks) + b.id, prefix=b.prefix or "\n\n") for b in page
            )
        trailer = ""
    else:
        blocks, trailer = segment_text(source.text)
    check_block_count(blocks, name)
    return Document(
        source=source.name,
        format=source.format,
        blocks=blocks,
        title=title,
        encoding=source.encoding,
        trailer=trailer,
        source_html=source.text if source.format == "html" else None,
    )
