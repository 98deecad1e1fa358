"""The Markdown blocks that need no parser: plain paragraphs and headings, found line by line.

Most of an article written in Markdown is paragraphs of plain words, and
markdown-it-py spends some 50 µs on each (every block rule tried, then the
inline rules run by run). This pass picks out the blocks whose extent and
markup-free text are certain from their own lines, so that the parser is handed
only the rest (see :mod:`tui.engine.segment_markdown`). A block is certain when

- it starts a fresh top-level block: after a blank line (or the start, or a
  heading of this pass) with no fenced code or HTML block of the kinds a blank
  line does not end possibly open, so every list, quote, table and indented
  code block before it is closed;
- no line of it could start or interrupt another block (list markers, quotes,
  fences, headings, setext underlines, rules, HTML, tables, reference
  definitions), and a paragraph ends at a blank line;
- its text is its words (no character that could start inline markup, an
  escape or an entity), or simple markup :mod:`tui.engine.markdown_inline`
  reads, or else it is handed to the inline parser alone, exactly as the block
  parser would have cut it out.

Any doubt leaves a block to the parser: a doubt costs time, never a different
block. ``tests/test_segment_markdown_fast.py`` checks this pass against the full
parser on every Markdown file the project has and on random documents.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from tui.engine.markdown_inline import simple_inline_text
from tui.engine.normalize import collapse_space

#: A line that could start or interrupt a block other than a paragraph, at any indent: a quote, a heading, HTML, a
#: table row, a reference definition, a list item, a rule, a setext underline or a fence. (A line that opens with
#: ``**bold**``, ``-1`` or an autolink such as ``<https://...>`` is none of these: no HTML tag name has a colon.)
_BLOCK_START_RE = re.compile(
    r"[ \t]*(?:[>#|\[]"
    r"|<(?![A-Za-z][A-Za-z0-9+.\-]*:)"
    r"|[-+*](?:[ \t]|$)"
    r"|\d{1,9}[.)](?:[ \t]|$)"
    r"|([-*_])[ \t]*(?:\1[ \t]*){2,}$"
    r"|(?:=+|-+)[ \t]*$"
    r"|`{3}|~{3})"
)
#: An entity or a numeric character reference (a superset of the ones the parser decodes).
_ENTITY_RE = re.compile(r"&#?[A-Za-z0-9]+;")
#: An ATX heading whose text has no ``#`` (so no closing sequence to cut).
_HEADING_RE = re.compile(r"(#{1,6})(?:[ \t]([^#]*))?")
#: An opening code fence at the top level: up to three spaces, then three or more backticks or tildes.
_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
#: The HTML blocks that blank lines do not end (CommonMark kinds 1 to 5), each with the line that ends it; they start
#: after up to three spaces. ASCII case folding only, as the parser does.
_HTML_BLOCKS = (
    (re.compile(r" {0,3}<(?a:script|pre|style|textarea)(?=\s|>|$)", re.IGNORECASE),
     re.compile(r"</(?a:script|pre|style|textarea)>", re.IGNORECASE)),
    (re.compile(r" {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r" {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r" {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r" {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)  # fmt: skip
#: The leading run of indentation, list markers and quote marks. Ten nested lists (twenty levels, markdown-it's
#: ``maxNesting``) put a list item's marker at column 18 or more, and the parser then drops the rest of the document;
#: a line that could be that deep ends this pass.
_PREFIX_CHARS = " \t>-+*0123456789.)"
_CONTAINER_PREFIX_RE = re.compile(f"[{re.escape(_PREFIX_CHARS)}]*")
DEEP_PREFIX = 16

_CLOSED = ("closed",)
"""The state in which nothing that outlives a blank line is open."""


class PlainBlock(NamedTuple):
    """A top-level paragraph or heading found without the block parser."""

    first: int
    """Its first line (0-based)."""
    last: int
    """The line after its last one."""
    kind: Literal["heading", "paragraph"]
    plain: str
    """Its text, markup-free and with white space collapsed, as the parser would have made it ("" with ``markup``)."""
    level: int = 0
    """The heading level (1 to 6); 0 for a paragraph."""
    markup: str | None = None
    """Its inline text for the inline parser, exactly as the block parser hands it on, when it has markup."""


def has_inline_markup(text: str) -> bool:
    """Whether the text has a character that could start inline markup (emphasis, code, a link or image, HTML, an
    autolink, an escape), an entity, a table cell, or that the parser rewrites (NUL, a carriage return).

    Without one, the parser's text for it is its words: softbreaks, hard breaks and trimmed spaces are all white
    space, which the plain text collapses anyway.
    """
    # One `in` per character is some 30 times faster than a regex character class on a paragraph.
    return (
        "\\" in text or "`" in text or "*" in text or "_" in text or "[" in text or "<" in text or "|" in text
        or "\0" in text or "\r" in text or ("&" in text and _ENTITY_RE.search(text) is not None)
    )  # fmt: skip


def _blank(line: str) -> bool:
    """A blank line as CommonMark sees it: spaces and tabs only."""
    return not line.strip(" \t")


def _paragraph_line(line: str) -> bool:
    """A line that is certainly paragraph text: it cannot start or interrupt another block, or be a table's."""
    return not _BLOCK_START_RE.match(line) and not _blank(line) and "|" not in line and "\0" not in line


def _trimmed(text: str) -> bool:
    """Whether no version of the parser would trim the text: it neither starts nor ends with white space.

    markdown-it-py trims a block's inline text with ``str.strip()`` (3.x) or JavaScript's set (4.x); both only take
    characters that ``str.isspace`` calls white space.
    """
    return not text or not (text[0].isspace() or text[-1].isspace())


def _heading(line: str, index: int) -> PlainBlock | None:
    """The line as an ATX heading, or None."""
    match = _HEADING_RE.fullmatch(line)
    if match is None or "|" in line or "\0" in line:
        return None
    level, text = len(match[1]), (match[2] or "").strip(" \t")
    if not _trimmed(text):
        return None
    plain = markup_free_text(text)
    return PlainBlock(index, index + 1, "heading", plain or "", level, None if plain is not None else text)


def _paragraph(lines: list[str], first: int, last: int) -> PlainBlock | None:
    """The lines as a paragraph, or None."""
    text = "\n".join(lines[first:last])
    if not has_inline_markup(text):
        return PlainBlock(first, last, "paragraph", collapse_space(text))
    text = text.rstrip(" \t")
    if not _trimmed(text):
        return None
    plain = markup_free_text(text)
    return PlainBlock(first, last, "paragraph", plain or "", 0, None if plain is not None else text)


def markup_free_text(text: str) -> str | None:
    """The markup-free text of a block's inline text, when it is plain or simple enough to read without the parser.

    None when it needs the inline parser.
    """
    return collapse_space(text) if not has_inline_markup(text) else simple_inline_text(text)


def _opened(line: str) -> tuple[str, ...] | None:
    """The state a fence or an HTML block opened by this line would leave, if the line could open one."""
    if line.lstrip(" ")[:1] not in ("`", "~", "<"):
        return None
    fence = _FENCE_RE.fullmatch(line)
    if fence is not None:
        marker, info = fence[1], fence[2]
        if marker[0] == "`" and "`" in info:
            return None  # backticks in the info string: inline code, not a fence
        return ("fence", marker[0], str(len(marker)))
    for start, end in _HTML_BLOCKS:
        if start.match(line):
            # The parser looks for the end on the opening line too, after its indentation.
            return None if end.search(line.lstrip(" ")) else ("html", str(_HTML_BLOCKS.index((start, end))))
    return None


def _still_open(state: tuple[str, ...], line: str) -> bool:
    """Whether a fence or HTML block is still open after this line (which is inside it)."""
    if state[0] == "fence":
        body = line.lstrip(" ")
        if len(line) - len(body) <= 3:
            body = body.rstrip(" \t")
            return not (len(body) >= int(state[2]) and body == state[1] * len(body))
        return True
    return not _HTML_BLOCKS[int(state[1])][1].search(line)


def plain_blocks(lines: list[str], start: int = 0) -> list[PlainBlock]:
    """The paragraphs and headings of ``lines[start:]`` that are certain without a parser, in order.

    The lines before ``start`` are read as blank (front matter the parser never sees).
    """
    found: list[PlainBlock] = []
    # Every state the parser could be in: closed, or inside a top-level fence or HTML block. A line that could
    # open one where it is not sure to (it is indented, so perhaps in a list; an HTML block that blank lines end
    # may be open) keeps both.
    states: set[tuple[str, ...]] = {_CLOSED}
    fresh = True  # after a blank line, the start or one of our headings
    angle = False  # a line since the last blank one had a "<": an HTML block may have swallowed what follows
    index, count = start, len(lines)
    while index < count:
        line = lines[index]
        if not line.strip(" \t"):
            # A blank line opens nothing, closes no fence or HTML block of these kinds, and ends every other one.
            fresh, angle = True, False
            index += 1
            continue
        closed = len(states) == 1 and _CLOSED in states
        if closed and fresh and line[0] not in (" ", "\t"):
            if line[0] == "#":
                heading = _heading(line, index)
                if heading is not None:
                    found.append(heading)
                    index += 1
                    continue
            else:
                end = index
                while end < count and _paragraph_line(lines[end]):
                    end += 1
                paragraph = (
                    _paragraph(lines, index, end) if end > index and (end == count or _blank(lines[end])) else None
                )
                if paragraph is not None:
                    found.append(paragraph)
                    index = end
                    continue
        if _CLOSED in states and _deep(line):
            break
        following: set[tuple[str, ...]] = set()
        for state in states:
            if state != _CLOSED:
                following.add(state if _still_open(state, line) else _CLOSED)
                continue
            opened = _opened(line)
            if opened is None:
                following.add(_CLOSED)
            elif closed and not angle and line[:1] != " " and "|" not in line:
                # At column 0 it is no list's or quote's, no table's header, and no HTML block holds it: it opens.
                following.add(opened)
            else:
                following.update((_CLOSED, opened))
        states = following
        fresh = False
        angle = angle or "<" in line
        index += 1
    return found


def _deep(line: str) -> bool:
    """Whether the line could open a list nested deeper than the parser follows."""
    if len(line) < DEEP_PREFIX // 4 or line[DEEP_PREFIX // 4 - 1] not in _PREFIX_CHARS:
        return False  # a prefix too short to reach the depth, however many tabs it has
    prefix = _CONTAINER_PREFIX_RE.match(line)
    return prefix is not None and len(prefix[0].expandtabs(4)) >= DEEP_PREFIX
