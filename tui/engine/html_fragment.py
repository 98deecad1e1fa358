"""An HTML block inside Markdown cut into the blocks a reader sees, each an exact slice of the source.

Markdown lets a writer drop into HTML for a definition list, a captioned figure,
an embedded post or a ``<p class="authors">``. Kept whole, such a block turns a
whole section into one paragraph, and one changed word in it into a rewrite of
everything. Here every block-level element starts a new block, as in a browser;
the tags are kept in the block's source text (so the file can be rebuilt) and
left out of its plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.engine.normalize import collapse_space, shows_text
from tui.model import BlockKind

#: Elements that start or end a block; any other tag is inline.
_BLOCK_TAG_RE = re.compile(
    r"<(/?)(address|article|aside|blockquote|br|center|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header"
    r"|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]{0,2000}>",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"<[^>]{0,2000}>")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
#: Elements whose text is never shown.
_HIDDEN_RE = re.compile(r"<(script|style|template)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)

_KINDS: dict[str, BlockKind] = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
    **dict.fromkeys(("li", "dd", "dt"), "list-item"),
    "p": "paragraph",
    "blockquote": "quote",
    "figcaption": "caption",
    "pre": "code",
    "tr": "table",
}


@dataclass(frozen=True, slots=True)
class Piece:
    """One visible block of an HTML fragment: where its source lies, its kind and its text."""

    start: int
    end: int
    kind: BlockKind
    plain: str


def visible_text(source: str) -> str:
    """The text a browser shows for an HTML snippet: comments, hidden elements and tags out, entities decoded."""
    shown = _TAG_RE.sub(" ", _HIDDEN_RE.sub(" ", _COMMENT_RE.sub("", source)))
    return collapse_space(html.unescape(shown))


def _masked(source: str) -> str:
    """The source with comments and hidden elements blanked out, same length, so offsets still hold."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _HIDDEN_RE.sub(blank, _COMMENT_RE.sub(blank, source))


def html_pieces(source: str) -> Iterator[Piece]:
    """Cut an HTML fragment at its block-level tags, yielding each stretch that shows text.

    A stretch owns the opening tag just before it and the closing tag just after it, so the pieces never
    overlap and what lies between them (white space, a lone ``</div>``) is their separator.
    """
    masked = _masked(source)
    start = 0
    owner = ""  # the block element whose opening tag starts the current stretch
    for match in _BLOCK_TAG_RE.finditer(masked):
        closing, tag = match.group(1) == "/", match.group(2).lower()
        end = match.end() if closing else match.start()
        piece = _piece(source, start, end, owner)
        if piece is not None:
            yield piece
        if closing:
            start, owner = match.end(), ""
        else:
            start, owner = match.start(), tag
    piece = _piece(source, start, len(source), owner)
    if piece is not None:
        yield piece


def _piece(source: str, start: int, end: int, owner: str) -> Piece | None:
    text = source[start:end]
    plain = visible_text(text)
    if not shows_text(plain):
        return None
    # Trim the white space around the stretch: it belongs to the separators.
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return Piece(start + lead, end - trail, _KINDS.get(owner, "paragraph"), plain)
