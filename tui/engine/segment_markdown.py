"""Markdown into blocks with a real parser (markdown-it-py).

Each leaf block keeps its exact source lines for display, and a markup-free
``plain`` text (link text kept, URLs and emphasis marks dropped) for matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.engine.front_matter import read_front_matter
from tui.engine.html_fragment import Piece, html_pieces
from tui.engine.normalize import collapse_space
from tui.model import Block, BlockKind

_parser = MarkdownIt("commonmark").enable("table")


def _inline_plain(token: Token) -> str:
    """Flatten an inline token to its visible text."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content or str(child.attrs.get("alt", "") or ""))
        elif child.type == "html_inline":
            continue
    return collapse_space("".join(parts))


def _is_image_only(token: Token) -> bool:
    children = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    return len(children) == 1 and children[0].type == "image"


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


def segment_markdown(text: str) -> tuple[tuple[Block, ...], str, str | None]:
    """Split Markdown into blocks.

    Returns:
        The blocks (front matter first, as metadata blocks), the trailer after
        the last one, and the title: the front matter's, else the first
        level-one heading's text, if there is one.
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    blocks: list[Block] = []
    title: str | None = None
    cursor_line = 0
    cursor = 0
    front = read_front_matter(text)
    parsed = text
    if front is not None:
        blocks.extend(front.blocks)
        title = front.title
        cursor = front.end
        cursor_line = front.body_line
        # The parser sees blank lines where the front matter was, so its line numbers stay the file's.
        parsed = "\n" * cursor_line + text[offsets[min(cursor_line, len(lines))] :]
    tokens = _parser.parse(parsed)
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
        kind: BlockKind
        plain: str
        if token.type == "heading_open":
            kind, plain = "heading", _inline_plain(tokens[index + 1])
            if title is None and token.tag == "h1":
                title = plain
        elif token.type == "paragraph_open":
            inline = tokens[index + 1]
            plain = _inline_plain(inline)
            if _is_image_only(inline):
                kind = "image"
            elif "blockquote_open" in containers:
                kind = "quote"
            elif "list_item_open" in containers:
                kind = "list-item"
            else:
                kind = "paragraph"
        elif token.type == "fence":
            kind, plain = "code", token.content.strip("\n")
        elif token.type in ("html_block", "code_block"):
            # Raw HTML: a block for each block-level element that shows text. Indented code: a block for
            # each of its chunks (CommonMark's own unit, between blank lines), so one changed line in a long
            # listing does not make the whole listing a rewrite.
            first, last = token.map
            first = max(first, cursor_line)
            if last <= first:
                continue
            start = offsets[first]
            region = text[start : offsets[last] - 1]
            pieces = html_pieces(region) if token.type == "html_block" else _code_chunks(region)
            for piece in pieces:
                blocks.append(
                    Block(
                        id=len(blocks),
                        kind=piece.kind,
                        text=text[start + piece.start : start + piece.end],
                        plain=piece.plain,
                        prefix=text[cursor : start + piece.start],
                    )
                )
                cursor = start + piece.end
            cursor_line = last
            continue
        elif token.type == "table_open":
            kind = "table"
            close = next(k for k in range(index, len(tokens)) if tokens[k].type == "table_close")
            cells = [_inline_plain(t) for t in tokens[index:close] if t.type == "inline"]
            plain = " | ".join(c for c in cells if c)
            skip_until = close
        else:
            continue
        first, last = token.map
        first = max(first, cursor_line)
        if last <= first:
            continue
        start = offsets[first]
        end = offsets[last] - 1  # without the final newline
        source = text[start:end].rstrip()
        end = start + len(source)
        if not source.strip():
            continue
        blocks.append(Block(id=len(blocks), kind=kind, text=source, plain=plain, prefix=text[cursor:start]))
        cursor, cursor_line = end, last
    return tuple(blocks), text[cursor:], title
