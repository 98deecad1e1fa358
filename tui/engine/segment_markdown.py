"""Markdown into blocks with a real parser (markdown-it-py).

Each leaf block keeps its exact source lines for display, and a markup-free
``plain`` text (link text kept, URLs and emphasis marks dropped) for matching.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.engine.normalize import collapse_space
from tui.model import Block, BlockKind

_parser = MarkdownIt("commonmark").enable("table")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")


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


def segment_markdown(text: str) -> tuple[tuple[Block, ...], str, str | None]:
    """Split Markdown into blocks.

    Returns:
        The blocks, the trailer after the last one, and the first level-one
        heading's text (the title) if there is one.
    """
    tokens = _parser.parse(text)
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    blocks: list[Block] = []
    title: str | None = None
    containers: list[str] = []
    cursor_line = 0
    cursor = 0
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
        elif token.type in ("fence", "code_block"):
            kind, plain = "code", token.content.strip("\n")
        elif token.type == "html_block":
            # Raw HTML in Markdown: its visible text only (a comment shows nothing).
            kind, plain = "other", collapse_space(_TAG_RE.sub(" ", _COMMENT_RE.sub("", token.content)))
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
