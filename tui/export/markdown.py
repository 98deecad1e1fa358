"""The Markdown report: what changed, readable on a code forge or in a chat.

The verdict and counts first, then each change with its paragraph numbers and
its words marked ``~~deleted~~`` and ``**inserted**`` (or CriticMarkup with
``markdown_style="critic"``), then the boilerplate listed apart by category.
Article text is escaped so that its asterisks, brackets, ``#123`` or ``@name``
stay text instead of becoming emphasis, links, issue references or mentions.
"""

from __future__ import annotations

import re

from tui.export.options import DEFAULT_CONTEXT, ReportOptions
from tui.export.text import body_rows, changed_regions, metadata_lines
from tui.model import Comparison, Document
from tui.present import Gap, Piece, ShownRow, SideBlock, present, split_edges, with_context
from tui.present.pieces import narrow_typography
from tui.safe_text import safe_line

_ESCAPE_RE = re.compile(r"([\\`*_{}\[\]<>#|~&$@])")
_LINE_START_RE = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def md_escape(text: str) -> str:
    """Escape ``text`` so Markdown shows it literally (control characters made visible)."""
    text = _ESCAPE_RE.sub(r"\\\1", safe_line(text))
    return _LINE_START_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _code(text: str) -> str:
    """Inline code for a file name in a table cell, with a fence longer than any backtick run inside.

    A ``|`` is escaped: a GFM table splits its cells at a bare pipe even inside code.
    """
    text = safe_line(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _mark(op: str, text: str, critic: bool) -> str:
    lead, core, trail = split_edges(text)
    if not core:
        return text
    escaped = md_escape(core)
    if critic:
        wrapped = f"{{--{escaped}--}}" if op == "delete" else f"{{++{escaped}++}}"
    else:
        wrapped = f"~~{escaped}~~" if op == "delete" else f"**{escaped}**"
    return f"{lead}{wrapped}{trail}"


def _track_changes(rr: ShownRow, critic: bool) -> str:
    """One paragraph holding both versions: kept words plain, removed and added ones marked."""
    out: list[str] = []
    spans = narrow_typography(rr.row.spans or ())
    k = 0
    while k < len(spans):
        span = spans[k]
        if span.op == "equal":
            out.append(md_escape(span.text))
        elif critic and span.op == "delete" and k + 1 < len(spans) and spans[k + 1].op == "insert":
            old_lead, old_core, _ = split_edges(span.text)
            _, new_core, new_trail = split_edges(spans[k + 1].text)
            if old_core and new_core:
                out.append(f"{old_lead}{{~~{md_escape(old_core)}~>{md_escape(new_core)}~~}}{new_trail}")
                k += 2
                continue
            out.append(_mark(span.op, span.text, critic))
        else:
            out.append(_mark(span.op, span.text, critic))
            replaced = span.op == "delete" and k + 1 < len(spans) and spans[k + 1].op == "insert"
            if replaced and not critic and not span.text[-1:].isspace() and not spans[k + 1].text[:1].isspace():
                out.append(" ")  # "~~12~~ **14**" reads as a replacement; "~~12~~**14**" as a smudge
        k += 1
    return "".join(out)


def _side_text(sb: SideBlock, critic: bool, marks: bool) -> str:
    parts = []
    for piece in sb.pieces:
        parts.append(_mark(piece.op, piece.text, critic) if marks and piece.op != "equal" else md_escape(piece.text))
    return "".join(parts)


def _whole(sb: SideBlock, op: str, critic: bool) -> str:
    """A whole inserted or deleted paragraph: plain text (the heading says what happened), or CriticMarkup."""
    text = md_escape(sb.block.plain)
    if critic:
        return f"{{++{text}++}}" if op == "inserted" else f"{{--{text}--}}"
    return text


def _heading(rr: ShownRow, number: int) -> str:
    row = rr.row
    parts = [f"{number}. {rr.label.capitalize()}", rr.location]
    if rr.words_changed and row.similarity is not None:
        parts.append(f"{row.similarity:.0%} alike")
    if rr.differences:
        parts.append(", ".join(rr.differences) + " differ")
    if rr.is_boilerplate:
        parts.append("boilerplate: " + md_escape(rr.badge))
    return "### " + " · ".join(parts)


def _change(rr: ShownRow, number: int, critic: bool) -> list[str]:
    lines = [_heading(rr, number), ""]
    if rr.op == "inserted":
        lines += [p for sb in rr.new for p in (_whole(sb, "inserted", critic), "")]
    elif rr.op == "deleted":
        lines += [p for sb in rr.old for p in (_whole(sb, "deleted", critic), "")]
    elif rr.op in ("split", "merged"):
        for label, side in (("old", rr.old), ("new", rr.new)):
            for sb in side:
                lines += [f"*{label} ¶{sb.number}:* " + _side_text(sb, critic, rr.words_changed), ""]
    elif rr.words_changed:
        lines += [_track_changes(rr, critic), ""]
    else:
        lines += [p for sb in rr.new for p in (md_escape(sb.block.plain), "")]
    return lines


def _context(rr: ShownRow) -> list[str]:
    label = "Unchanged" if rr.op == "equal" else "Formatting only"
    text = " ".join(md_escape(sb.block.plain) for sb in rr.new)
    return [f"> *{label} · {rr.location}:* {text}", ""]


def _document_row(label: str, doc: Document) -> str:
    boilerplate = sum(b.role == "boilerplate" for b in doc.blocks)
    return f"| {label} | {_code(doc.source)} | {doc.format} | {len(doc.blocks)} | {boilerplate} |"


def _boilerplate_apart(regions: list[list[ShownRow]]) -> list[str]:
    """One heading per changed region, named by the region's one category, then its paragraphs."""
    if not regions:
        return []
    lines = [
        "## Boilerplate",
        "",
        "Listed apart and not counted as changes: these blocks are the site's furniture (appeals, links, credits).",
        "",
    ]
    for run in regions:
        lines += [f"### {md_escape(run[0].badge)}", ""]
        for rr in run:
            side = "new" if rr.new else "old"
            guess = " (dimmed on a guess: check it)" if rr.guess else ""
            for sb in rr.new or rr.old:
                lines.append(f"- {side} ¶{sb.number}, {rr.label}{guess}: {md_escape(sb.block.plain)}")
        lines.append("")
    return lines


def render_markdown(comparison: Comparison, options: ReportOptions) -> str:
    """Return the Markdown report, ending with a newline."""
    critic = options.markdown_style == "critic"
    presentation = present(comparison)
    title = options.title or presentation.headline
    lines = [f"# What changed: {md_escape(title)}" if title else "# What changed", ""]
    lines += [f"**{md_escape(presentation.verdict)}**", ""]
    lines += [
        "| | Source | Format | Blocks | Boilerplate |",
        "|---|---|---|---:|---:|",
        _document_row("Old", comparison.old),
        _document_row("New", comparison.new),
        "",
        md_escape(presentation.counts.line()),
        "",
    ]
    metadata = metadata_lines(presentation)
    if metadata:
        lines += ["## Metadata", "", "Not counted as changes.", ""]
        lines += [f"- {md_escape(line)}" for line in metadata]
        lines.append("")
    context = DEFAULT_CONTEXT if options.context is None else options.context
    lines += ["## Changes", ""]
    number = 0
    for item in with_context(body_rows(presentation, options), context):
        if isinstance(item, Gap):
            lines += [f"*… {item.phrase} …*", ""]
        elif item.differs:
            number += 1
            lines += _change(item, number, critic)
        else:
            lines += _context(item)
    if not presentation.change_count:
        lines += ["No changes to the article's words or order.", ""]
    if options.boilerplate == "dim":
        lines += _boilerplate_apart(changed_regions(presentation))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


__all__ = ["Piece", "md_escape", "render_markdown"]
