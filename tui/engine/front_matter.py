"""Front matter (YAML ``---``, TOML ``+++`` or a JSON object) at the top of a Markdown file, as metadata blocks.

Static-site posts carry their headline, date and authors there. Read as
paragraphs, a changed byline would count as an edit to the story and the
headline shown would be the whole front matter; read as metadata, each field
that a reader knows (title, date, authors, description) is a block of its own,
compared on its own, and the other fields (layout, tags, image ...) are
grouped into runs, so that a front-matter-only change is a metadata change.

Only the lines are cut up, never parsed as YAML or TOML: every block's text is
an exact slice of the source, so the document can be rebuilt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.engine.normalize import collapse_space
from tui.model import Block

#: The opening and closing fences of each front-matter syntax.
_FENCES = {"---": re.compile(r"^(?:---|\.\.\.)[ \t]*$"), "+++": re.compile(r"^\+\+\+[ \t]*$")}
#: Front matter longer than this many lines, or characters, is not front matter (a file that opens with a rule and
#: never closes it): only this much of a file is looked at, however large it is.
MAX_LINES = 400
MAX_CHARS = 64 * 1024
#: A top-level key: unindented ``key:`` (YAML) or ``key =`` (TOML), or a JSON member one level in.
_YAML_KEY_RE = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)")
_TOML_KEY_RE = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*=")
_TOML_TABLE_RE = re.compile(r"^\[")
_JSON_KEY_RE = re.compile(r'^[ \t]{1,8}"([^"\\]+)"[ \t]*:')

#: Field names mapped to the metadata category they carry; any other field is ``front-matter``.
FIELD_CATEGORIES: dict[str, str] = {
    **dict.fromkeys(("title", "headline"), "title"),
    **dict.fromkeys(("date", "published", "publishdate", "pubdate", "lastmod", "updated", "modified"), "date"),
    **dict.fromkeys(("author", "authors", "by", "byline", "creator", "creators"), "byline"),
    **dict.fromkeys(("description", "summary", "excerpt", "subtitle", "dek", "abstract"), "description"),
}
_QUOTES = "\"'"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter's blocks, where the Markdown after it starts, and the headline it names."""

    blocks: tuple[Block, ...]
    end: int
    """Offset in the text just after the last block (the closing fence goes into the next block's prefix)."""
    body_line: int
    """The first line after the closing fence."""
    title: str | None


def front_matter_span(text: str) -> tuple[str, int, int] | None:
    """The syntax (``---``, ``+++`` or ``{``), the first body line and the closing line index, when ``text`` opens
    with front matter."""
    lines = text[:MAX_CHARS].split("\n", MAX_LINES + 2)
    first = lines[0].rstrip()
    if first in ("---", "+++"):
        closing = _FENCES[first]
        for index in range(1, min(len(lines), MAX_LINES + 1)):
            if closing.match(lines[index]):
                return (first, 1, index) if _has_keys(lines[1:index], first) else None
        return None
    if first == "{":
        for index in range(1, min(len(lines), MAX_LINES + 1)):
            if lines[index].rstrip() == "}":
                return ("{", 1, index) if _has_keys(lines[1:index], "{") else None
    return None


def _key_of(line: str, syntax: str) -> str | None:
    pattern = _YAML_KEY_RE if syntax == "---" else _TOML_KEY_RE if syntax == "+++" else _JSON_KEY_RE
    match = pattern.match(line)
    return match.group(1).lower() if match else None


def _has_keys(lines: list[str], syntax: str) -> bool:
    """Front matter is mostly ``key: value`` lines; a Markdown file opening with a rule over prose is not."""
    worded = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return bool(worded) and _key_of(worded[0], syntax) is not None


def _value(line: str, syntax: str) -> str:
    """The value written on a key's own line, unquoted: the headline as a reader would say it."""
    separator = ":" if syntax != "+++" else "="
    value = line.split(separator, 1)[1].strip().rstrip(",").strip()
    if len(value) >= 2 and value[0] in _QUOTES and value[-1] == value[0]:
        value = value[1:-1]
    return value


def read_front_matter(text: str) -> FrontMatter | None:
    """Cut the front matter at the top of ``text`` into metadata blocks, or None when there is none."""
    span = front_matter_span(text)
    if span is None:
        return None
    syntax, first_line, closing = span
    lines = text[:MAX_CHARS].split("\n", closing + 1)
    offsets = [0]
    for line in lines[: closing + 1]:
        offsets.append(offsets[-1] + len(line) + 1)
    # Each field runs from its key line to the next key line (nested lines, list items and the like belong to it).
    fields: list[tuple[str | None, int, int]] = []
    for index in range(first_line, closing):
        key = _key_of(lines[index], syntax)
        if syntax == "+++" and _TOML_TABLE_RE.match(lines[index]):
            key = "[table]"
        if key is not None or not fields:
            fields.append((key, index, index + 1))
        else:
            name, start, _ = fields[-1]
            fields[-1] = (name, start, index + 1)
    # Fields a reader knows stand alone; runs of the others are grouped.
    groups: list[tuple[str, int, int]] = []
    for key, start, end in fields:
        category = FIELD_CATEGORIES.get(key or "", "front-matter")
        if groups and category == "front-matter" and groups[-1][0] == "front-matter":
            groups[-1] = (category, groups[-1][1], end)
        else:
            groups.append((category, start, end))
    blocks: list[Block] = []
    title: str | None = None
    cursor = 0
    for category, start, end in groups:
        source_start = offsets[start]
        source = text[source_start : offsets[end] - 1].rstrip()
        plain = collapse_space(" ".join(line.strip() for line in source.split("\n")))
        if not plain:
            continue
        if category == "title" and title is None:
            title = _value(source.split("\n", 1)[0], syntax) or None
        blocks.append(
            Block(
                id=len(blocks),
                kind="metadata",
                text=source,
                plain=plain,
                role="metadata",
                category=category,
                reasons=("front matter",),
                prefix=text[cursor:source_start],
            )
        )
        cursor = source_start + len(source)
    if not blocks:
        return None
    # The closing fence's line goes with what follows, in the next block's prefix.
    return FrontMatter(tuple(blocks), cursor, closing + 1, title)
