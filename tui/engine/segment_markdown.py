"""Markdown into blocks with a real parser (markdown-it-py), and without it where the result is certain.

Each leaf block keeps its exact source lines for display, and a markup-free
``plain`` text (link text kept, URLs and emphasis marks dropped) for matching.
Plain top-level paragraphs and headings are found line by line
(:mod:`tui.engine.markdown_plain`) and simple inline markup is read directly
(:mod:`tui.engine.markdown_inline`); the parser, imported only when a block
needs it, sees the rest. ``segment_markdown(text, shortcuts=False)`` hands it
everything: the reference the shortcuts are tested against, block for block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from tui.engine.front_matter import read_front_matter
from tui.engine.html_fragment import Piece, html_pieces
from tui.engine.markdown_plain import PlainBlock, markup_free_text, plain_blocks
from tui.engine.normalize import collapse_space
from tui.model import Block, BlockKind

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_parsers: dict[bool, MarkdownIt] = {}


def _markdown_parser(*, whole: bool = False) -> MarkdownIt:
    """The parser, imported on first need (26 ms): a document of plain paragraphs and headings never needs it.

    Unless ``whole``, it stops at the block structure: the segmenter parses the inline text of a block only when it
    has markup (:meth:`_Segmenter._inline`), and reads entities and escapes as text itself (``text_join``'s work).
    """
    parser = _parsers.get(whole)
    if parser is None:
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark").enable("table")
        _parsers[whole] = parser if whole else parser.disable(["inline", "text_join"])
    return _parsers[whole]


def _inline_plain(children: Sequence[Token]) -> str:
    """Flatten an inline token's children to their visible text."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content or str(child.attrs.get("alt", "") or ""))
        elif child.type == "html_inline":
            continue
    return collapse_space("".join(parts))


def _is_image_only(children: Sequence[Token]) -> bool:
    shown = [c for c in children if not (c.type in ("text", "text_special") and not c.content.strip())]
    return len(shown) == 1 and shown[0].type == "image"


_BLANK_RUN_RE = re.compile(r"\n(?:[ \t]*\n)+")
_CODE_INDENT_RE = re.compile(r"^(?: {1,4}|\t)", re.MULTILINE)


def _code_chunks(region: str) -> Iterator[Piece]:
    """The chunks of an indented code block, between its blank lines, each with its indent taken off."""
    start = 0
    for gap in [*_BLANK_RUN_RE.finditer(region), None]:
        end = gap.start() if gap is not None else len(region.rstrip())
        chunk = region[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip("\n"))
            yield Piece(start + lead, end, "code", _CODE_INDENT_RE.sub("", chunk.strip("\n")))
        if gap is not None:
            start = gap.end()


def segment_markdown(text: str, *, shortcuts: bool = True) -> tuple[tuple[Block, ...], str, str | None]:
    """Split Markdown into blocks.

    Args:
        text: The Markdown source.
        shortcuts: Take plain paragraphs and headings without the parser (:mod:`tui.engine.markdown_plain`) and
            parse inline text only where it has markup. False hands everything to the parser: the reference the
            shortcuts are tested against, block for block.

    Returns:
        The blocks (front matter first, as metadata blocks), the trailer after
        the last one, and the title: the front matter's, else the first
        level-one heading's text, if there is one.
    """
    return _Segmenter(text, shortcuts=shortcuts).run()


class _Segmenter:
    """One document's blocks, made in source order from the parser's tokens and the plain blocks found without it."""

    def __init__(self, text: str, *, shortcuts: bool) -> None:
        self.text = text
        self.shortcuts = shortcuts
        self.lines = text.split("\n")
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.blocks: list[Block] = []
        self.title: str | None = None
        self.cursor = 0
        self.cursor_line = 0
        self.env: dict[str, Any] = {}
        """The parser's environment: the link reference definitions the inline parser resolves."""

    def run(self) -> tuple[tuple[Block, ...], str, str | None]:
        text, lines = self.text, self.lines
        front = read_front_matter(text)
        if front is not None:
            self.blocks.extend(front.blocks)
            self.title = front.title
            self.cursor = front.end
            self.cursor_line = front.body_line
        # The parser rewrites carriage returns, so its line numbers would not be these: it is handed everything.
        plain = plain_blocks(lines, self.cursor_line) if self.shortcuts and "\r" not in text else []
        parsed, stand_ins = _parser_input(lines, self.cursor_line, plain)
        tokens = _markdown_parser(whole=not self.shortcuts).parse(parsed, self.env) if parsed else []
        upcoming = iter(plain)
        waiting = next(upcoming, None)
        containers: list[str] = []
        skip_until = -1
        for index, token in enumerate(tokens):
            if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open", "list_item_open"):
                containers.append(token.type)
                continue
            if token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close", "list_item_close"):
                containers.pop()
                continue
            if index <= skip_until or token.map is None or token.nesting == -1:
                continue
            while waiting is not None and waiting.first < token.map[0]:
                self._add_plain(waiting)
                waiting = next(upcoming, None)
            if token.map[0] in stand_ins:
                continue
            kind: BlockKind
            plain_text: str
            if token.type == "heading_open":
                kind, plain_text = "heading", self._inline(tokens[index + 1])
                if self.title is None and token.tag == "h1":
                    self.title = plain_text
            elif token.type == "paragraph_open":
                inline = tokens[index + 1]
                plain_text = self._inline(inline)
                if inline.children and _is_image_only(inline.children):
                    kind = "image"
                elif "blockquote_open" in containers:
                    kind = "quote"
                elif "list_item_open" in containers:
                    kind = "list-item"
                else:
                    kind = "paragraph"
            elif token.type == "fence":
                kind, plain_text = "code", token.content.strip("\n")
            elif token.type in ("html_block", "code_block"):
                self._add_pieces(token)
                continue
            elif token.type == "table_open":
                kind = "table"
                close = next(k for k in range(index, len(tokens)) if tokens[k].type == "table_close")
                cells = [self._inline(t) for t in tokens[index:close] if t.type == "inline"]
                plain_text = " | ".join(c for c in cells if c)
                skip_until = close
            else:
                continue
            self._add(kind, plain_text, token.map[0], token.map[1])
        while waiting is not None:
            self._add_plain(waiting)
            waiting = next(upcoming, None)
        return tuple(self.blocks), text[self.cursor :], self.title

    def _inline(self, token: Token) -> str:
        """An inline token's visible text, parsing it (into its children) only when it has markup beyond the simple
        reader's."""
        if not self.shortcuts:
            return _inline_plain(token.children or ())  # the whole parser has parsed it
        plain = markup_free_text(token.content)
        if plain is not None:
            return plain
        token.children = self._parse_inline(token.content)
        return _inline_plain(token.children)

    def _parse_inline(self, text: str) -> list[Token]:
        """The inline parser's tokens for a block's text, with the document's link reference definitions."""
        parser = _markdown_parser()
        children: list[Token] = []
        parser.inline.parse(text, parser, self.env, children)
        return children

    def _add(self, kind: BlockKind, plain: str, first: int, last: int) -> None:
        """Add the block on lines ``first`` to ``last`` (exclusive), trailing white space left to the next prefix."""
        text, offsets = self.text, self.offsets
        first = max(first, self.cursor_line)
        if last <= first:
            return
        start = offsets[first]
        end = offsets[last] - 1  # without the final newline
        source = text[start:end].rstrip()
        end = start + len(source)
        if not source.strip():
            return
        self.blocks.append(
            Block(id=len(self.blocks), kind=kind, text=source, plain=plain, prefix=text[self.cursor : start])
        )
        self.cursor, self.cursor_line = end, last

    def _add_plain(self, block: PlainBlock) -> None:
        kind: BlockKind = block.kind
        plain = block.plain
        if block.markup is not None:
            children = self._parse_inline(block.markup)
            plain = _inline_plain(children)
            if kind == "paragraph" and _is_image_only(children):
                kind = "image"
        if kind == "heading" and self.title is None and block.level == 1:
            self.title = plain
        self._add(kind, plain, block.first, block.last)

    def _add_pieces(self, token: Token) -> None:
        """Raw HTML: a block for each block-level element that shows text. Indented code: a block for each of its
        chunks (CommonMark's own unit, between blank lines), so one changed line in a long listing does not make the
        whole listing a rewrite."""
        assert token.map is not None
        text, offsets = self.text, self.offsets
        first, last = token.map
        first = max(first, self.cursor_line)
        if last <= first:
            return
        start = offsets[first]
        region = text[start : offsets[last] - 1]
        pieces = html_pieces(region) if token.type == "html_block" else _code_chunks(region)
        for piece in pieces:
            self.blocks.append(
                Block(
                    id=len(self.blocks),
                    kind=piece.kind,
                    text=text[start + piece.start : start + piece.end],
                    plain=piece.plain,
                    prefix=text[self.cursor : start + piece.start],
                )
            )
            self.cursor = start + piece.end
        self.cursor_line = last


def _parser_input(lines: list[str], body_line: int, plain: list[PlainBlock]) -> tuple[str, frozenset[int]]:
    """The text the parser needs to see, with the lines where a plain block stands in for itself.

    Front matter and the plain blocks become blank lines, so the parser's line numbers stay the file's. A plain block
    that follows lines the parser does see keeps a one-line stand-in (``x`` for a paragraph, ``#`` for a heading): it
    closes the lists, quotes and indented code before it just as the block did. Empty when no line needs the parser.
    """
    if sum(block.last - block.first for block in plain) == sum(1 for line in lines[body_line:] if _shows(line)):
        return "", frozenset()  # every line that shows is in a plain block (whose lines all show)
    seen = [""] * body_line + lines[body_line:]
    stand_ins: set[int] = set()
    previous = body_line
    for block in plain:
        after_parsed = any(_shows(seen[k]) for k in range(previous, block.first))
        seen[block.first : block.last] = [""] * (block.last - block.first)
        if after_parsed:
            seen[block.first] = "#" if block.kind == "heading" else "x"
            stand_ins.add(block.first)
        previous = block.last
    if not stand_ins and not any(_shows(line) for line in seen[previous:]):
        return "", frozenset()
    return "\n".join(seen), frozenset(stand_ins)


def _shows(line: str) -> bool:
    """A line the parser reads as more than a blank line."""
    return bool(line.strip(" \t"))
