"""How large a version may be, and the one-line refusal past it.

Every stage's cost grows with the input, some of it faster than the bytes do:
32 MB of one-letter lines would become 16 million blocks and need about 30 GB.
So a version is bounded three ways, each checked before the work it would make:
its bytes (when read), its lines or tags (before segmenting), its blocks (after).
The limits sit far above any article (the benchmark's largest real page has
about 3,000 tags and 900 block elements) and at the largest size benchmarked
(20,000 paragraphs, 11 MB). Measured worst cases at the limits are in the README.
"""

from __future__ import annotations

from tui.errors import ArticleDiffError
from tui.model import Block, SourceFormat

#: Bytes per version; larger input is refused when read.
MAX_BYTES = 32 * 1024 * 1024
#: Lines of a text or Markdown version (four per paragraph at the paragraph limit): segmenting costs per line.
MAX_LINES = 100_000
#: Tags of an HTML version: parsing and walking the page cost per element.
MAX_TAGS = 200_000
#: Blocks (paragraphs, headings, list items, ...) per version: classifying and pairing cost per block.
MAX_BLOCKS = 25_000


def _refuse(name: str, what: str, count: int, limit: int) -> ArticleDiffError:
    return ArticleDiffError(f"{name}: too many {what} ({count:,}; the limit is {limit:,})")


def check_text_size(text: str, fmt: SourceFormat, name: str) -> None:
    """Refuse a version whose lines or tags would take too long to segment (counted in C, no copies).

    Raises:
        ArticleDiffError: It has too many.
    """
    if fmt == "html":
        tags = text.count("<")
        if tags > MAX_TAGS:
            raise _refuse(name, "tags", tags, MAX_TAGS)
        return
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise _refuse(name, "lines", lines, MAX_LINES)


def check_block_count(blocks: tuple[Block, ...], name: str) -> None:
    """Refuse a version with more blocks than classifying and pairing can take in bounded time and memory.

    Raises:
        ArticleDiffError: It has too many.
    """
    if len(blocks) > MAX_BLOCKS:
        raise _refuse(name, "paragraphs", len(blocks), MAX_BLOCKS)
