"""A whole HTML page into visible blocks, in reading order, with structure hints.

Nothing visible is dropped here: navigation, footers, captions and appeals all
become blocks, each carrying where it sat in the page (its tag, the tags,
classes and ids around it, how much of it is link text), so that the
boilerplate layer can name the page's chrome instead of it silently vanishing.
Only what a reader never sees is skipped: scripts, styles, templates and
elements hidden with ``hidden``, ``aria-hidden="true"`` or ``display: none``.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.engine.duplicate_copies import drop_second_copy
from tui.engine.html_depth import cap_depth
from tui.engine.normalize import collapse_space, shows_text
from tui.model import Block, BlockKind, StructureHints


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Elements whose content a reader never sees.
SKIPPED_TAGS = _names(
    "script style template noscript svg math head iframe object embed canvas select option datalist textarea"
    " input audio video source track map area picture img meta link base param frame frameset"
)

#: Elements that start a new block; any other element is inline and adds to the current one.
BLOCK_TAGS = _names(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary"
    " table tbody tfoot thead tr ul"
)

_KINDS: dict[str, BlockKind] = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
    **dict.fromkeys(("li", "dd", "dt"), "list-item"),
    "p": "paragraph",
    "blockquote": "quote",
    **dict.fromkeys(("figcaption", "caption"), "caption"),
    "pre": "code",
    "tr": "table",
}

_PAGE_TAGS = frozenset({"html", "body"})
#: Table cells are inline: a row is one block, its cells separated by a space.
_CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT_RE = re.compile(r"\s+")

_EXIT = None  # stack marker: the element on top has been fully walked


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    """True for elements a browser would not show."""
    if "hidden" in attrs:
        return True
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def _words(tag: str, attrs: dict[str, str | None]) -> tuple[str, ...]:
    """The tag name, then class and id words of one element, lower-cased."""
    words = [tag]
    for name in ("class", "id"):
        value = attrs.get(name)
        if value:
            words.extend(w for w in _WORD_SPLIT_RE.split(value.lower()) if w)
    return tuple(words)


class _Builder:
    """Collects inline text into blocks as the walk enters and leaves elements.

    A ``<br>`` ends a line; each line of a block becomes a block of its own (a
    list of tour dates or an address is written that way), separated from the
    one before by a single newline instead of a blank line.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.links: list[str] = []
        self.lines: list[tuple[str, int, tuple[str, ...]]] = []
        self.first_h1: str | None = None

    def add_text(self, text: str, in_link: bool) -> None:
        self.parts.append(text)
        if in_link:
            self.link_chars += len(text.strip())

    def line_break(self) -> None:
        """End the current line (a ``<br>``)."""
        self.lines.append(("".join(self.parts), self.link_chars, tuple(self.links)))
        self.parts, self.link_chars, self.links = [], 0, []

    def flush(self, owner: str, context: list[tuple[str, ...]]) -> None:
        """Turn the text gathered since the last block boundary into blocks, if it shows anything."""
        if self.parts:
            self.line_break()
        if not self.lines:
            return
        lines, self.lines = self.lines, []
        ancestors: list[str] | None = None
        first = True
        for raw, link_chars, links in lines:
            plain = collapse_space(raw)
            if not shows_text(plain):
                continue  # white space or a lone zero-width space, as editors leave between photos
            if ancestors is None:
                ancestors = []
                for words in reversed(context):
                    ancestors.extend(words)
            kind = _KINDS.get(owner)
            if kind is None:
                kind = "quote" if "blockquote" in ancestors else "paragraph"
            elif kind == "paragraph":
                if "blockquote" in ancestors:
                    kind = "quote"
                elif "figcaption" in ancestors:
                    kind = "caption"
            if owner == "h1" and self.first_h1 is None:
                self.first_h1 = plain
            visible = len(plain) - plain.count(" ")
            hints = StructureHints(
                tag=owner,
                ancestors=tuple(ancestors),
                link_ratio=min(1.0, link_chars / visible) if visible else 0.0,
                links=links,
                own=len(context[-1]) if context and context[-1][:1] == (owner,) else 0,
            )
            prefix = ("\n\n" if first else "\n") if self.blocks else ""
            first = False
            self.blocks.append(
                Block(id=len(self.blocks), kind=kind, text=plain, plain=plain, prefix=prefix, hints=hints)
            )


def _title(parser: LexborHTMLParser) -> str | None:
    node = parser.css_first("title")
    if node is None:
        return None
    title = collapse_space(node.text(deep=True))
    return title or None


def segment_html(text: str) -> tuple[tuple[Block, ...], str | None]:
    """Split a whole HTML page into its visible blocks.

    Returns:
        The blocks in reading order (``text`` is the visible text, with ``<br>``
        kept as a line break; ``prefix`` is a blank line so that
        :meth:`~tui.model.Document.rebuild` gives the page's visible text) and
        the page title: ``<title>``, else the first ``<h1>``.
    """
    parser = LexborHTMLParser(cap_depth(text))  # the tree builder's time grows with the square of the depth
    root = parser.body if parser.body is not None else parser.root
    builder = _Builder()
    if root is None:
        return (), _title(parser)
    # Each element's context words, for the elements now open (outermost first),
    # and the open block-level elements that own the text being gathered.
    context: list[tuple[str, ...]] = []
    owners: list[str] = []
    link_depth = 0
    word_memo: dict[tuple[str, str | None, str | None], tuple[str, ...]] = {}  # pages repeat their classes
    stack: list[LexborNode | None] = [root]
    opened: list[tuple[bool, bool]] = []  # per open element: (is block, is link)
    while stack:
        node = stack.pop()
        if node is _EXIT:
            is_block, is_link = opened.pop()
            if is_block:
                builder.flush(owners[-1], context)
                owners.pop()
            if is_link:
                link_depth -= 1
            context.pop()
            continue
        assert node is not None
        tag = node.tag
        if tag == "-text":
            value = node.text_content
            if value:
                builder.add_text(value, link_depth > 0)
            continue
        if tag is None or tag.startswith(("_", "!", "-")) or tag in SKIPPED_TAGS:
            continue
        attrs = node.attributes
        if attrs and _is_hidden(attrs):
            continue
        if tag == "br":
            builder.line_break()
            continue
        if tag in _CELLS:
            builder.add_text(" ", False)
        is_block = tag in BLOCK_TAGS
        is_link = tag == "a"
        if is_block:
            builder.flush(owners[-1] if owners else tag, context)
            owners.append(tag)
        if is_link:
            link_depth += 1
            href = attrs.get("href") if attrs else None
            if href:
                builder.links.append(href)
        # The page's own <html> and <body> say nothing about one block: their words are left out.
        if tag in _PAGE_TAGS:
            context.append(())
        elif attrs:
            marks = (tag, attrs.get("class"), attrs.get("id"))
            words = word_memo.get(marks)
            if words is None:
                words = word_memo[marks] = _words(tag, attrs)
            context.append(words)
        else:
            context.append((tag,))
        opened.append((is_block, is_link))
        stack.append(_EXIT)
        child = node.last_child
        while child is not None:
            stack.append(child)
            child = child.prev
    builder.flush(owners[-1] if owners else "body", context)
    title = _title(parser) or builder.first_h1
    return drop_second_copy(builder.blocks), title
