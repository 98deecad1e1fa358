"""The plain-text report: for email, logs and a terminal without the viewer.

Like ``diff -u`` but by paragraph: a header with the verdict and counts, then
each change with its paragraph numbers, the old side's lines after ``-`` and
the new side's after ``+``. Changed words are marked ``[-so-]`` and ``{+so+}``
(as ``git diff --word-diff`` does) unless colour is on, when they are coloured
instead. No escape code is written unless colour is on, and the article's own
control characters are always shown as visible placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.export.options import DEFAULT_CONTEXT, ReportOptions
from tui.export.rows import (
    Gap,
    Piece,
    ReportRow,
    SideBlock,
    headline,
    paragraph_range,
    region_runs,
    report_rows,
    split_edges,
    with_context,
)
from tui.export.rows import plural_blocks as _blocks
from tui.export.wrap import Chunk, wrap_chunks
from tui.model import MARKERS, ROW_OPS, Comparison, Document
from tui.safe_text import safe_line

_SGR = {
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32;1m",
    "head": "\x1b[1m",
    "dim": "\x1b[2m",
    "minus": "\x1b[31m",
    "plus": "\x1b[32m",
}
_RESET = "\x1b[0m"
_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _paint(chunks: Iterable[Chunk], color: bool) -> str:
    out = []
    for text, style in chunks:
        if style and color:
            out.append(f"{_SGR[style]}{text}{_RESET}")
        else:
            out.append(text)
    return "".join(out)


def _marked(piece: Piece, marks: bool, color: bool) -> list[Chunk]:
    """Chunks for one piece: coloured when colour is on, else inside ``[-`` ``-]`` or ``{+`` ``+}``."""
    text = safe_line(piece.text)
    if not marks or piece.op == "equal":
        return [(text, "")]
    if color:
        return [(text, piece.op)]
    lead, core, trail = split_edges(text)
    if not core:
        return [(text, "")]
    start, end = _MARKS[piece.op]
    return [(lead, ""), (f"{start}{core}{end}", ""), (trail, "")]


def describe_document(label: str, doc: Document) -> str:
    """One header line about a version: where it came from and what it holds."""
    boilerplate = sum(b.role == "boilerplate" for b in doc.blocks)
    extra = f", {boilerplate} boilerplate" if boilerplate else ""
    return f"{label}: {doc.source} ({doc.format}, {_blocks(len(doc.blocks))}{extra})"


def count_line(comparison: Comparison) -> str:
    """Row counts in vocabulary order, leaving out zeros: "5 formatting, 2 modified"."""
    counts = comparison.summary.counts
    parts = [f"{counts.get(op, 0)} {op}" for op in ROW_OPS if counts.get(op, 0)]
    return ", ".join(parts) or "no rows"


class _Writer:
    """Collects lines for one text report."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.lines: list[str] = []

    def add(self, chunks: list[Chunk], indent: str, style: str = "") -> None:
        width = self.options.width - len(indent) if self.options.width else None
        for k, line in enumerate(wrap_chunks(chunks, width)):
            prefix = indent if k == 0 else " " * len(indent)
            painted = _paint(line, self.options.color)
            if style and self.options.color:
                prefix = f"{_SGR[style]}{prefix}{_RESET}"
            self.lines.append((prefix + painted).rstrip())

    def side(self, blocks: tuple[SideBlock, ...], sign: str, marks: bool) -> None:
        style = {"-": "minus", "+": "plus"}.get(sign, "")
        for sb in blocks:
            chunks = [c for p in sb.pieces for c in _marked(p, marks, self.options.color)]
            self.add(chunks, f"  {sign} ", style)

    def region(self, run: list[ReportRow]) -> None:
        """A run of boilerplate of one category, added or removed together, under one heading."""
        op = _one_sided(run)
        if op is None or len(run) == 1:
            for k, rr in enumerate(run):
                if k:
                    self.lines.append("")
                self.row(rr)
            return
        side = "new" if op == "inserted" else "old"
        blocks = tuple(sb for rr in run for sb in (rr.new if side == "new" else rr.old))
        head = f"{MARKERS[op]} {op} · {side} {paragraph_range(blocks)} · {run[0].badge} · {len(blocks)} paragraphs"
        self.add([(safe_line(head), "")], "", "head")
        self.side(blocks, "+" if op == "inserted" else "-", False)

    def row(self, rr: ReportRow) -> None:
        row = rr.row
        head = f"{MARKERS[row.op]} {rr.label} · {rr.location}"
        words_changed = row.op == "modified" or row.edited
        if words_changed and row.similarity is not None:
            head += f" · {row.similarity:.0%} alike"
        if row.differences:
            head += f" · {', '.join(row.differences)} differ"
        if rr.is_boilerplate or row.lane == "metadata":
            head += f" · {rr.badge}"
        self.add([(safe_line(head), "")], "", "head")
        if row.op == "inserted":
            self.side(rr.new, "+", False)
        elif row.op == "deleted":
            self.side(rr.old, "-", False)
        elif words_changed:
            self.side(rr.old, "-", True)
            self.side(rr.new, "+", True)
        else:
            self.side(rr.new, " ", False)


def _one_sided(run: list[ReportRow]) -> str | None:
    """``inserted`` or ``deleted`` when every row of a run is, else None."""
    ops = {rr.row.op for rr in run}
    return next(iter(ops)) if len(ops) == 1 and ops <= {"inserted", "deleted"} else None


def _apart(rows: list[ReportRow]) -> list[ReportRow]:
    return [r for r in rows if r.is_boilerplate and r.is_change]


def render_text(comparison: Comparison, options: ReportOptions) -> str:
    """Return the text report, ending with a newline."""
    writer = _Writer(options)
    title = headline(comparison)
    writer.add(
        [("article-diff report" + (f": {safe_line(title)}" if title else ""), "")], "", "head"
    )
    writer.add([(safe_line(describe_document("Old", comparison.old)), "")], "")
    writer.add([(safe_line(describe_document("New", comparison.new)), "")], "")
    writer.add([(comparison.summary.verdict, "")], "", "head")
    writer.add([("Rows: " + count_line(comparison), "")], "")
    rows = report_rows(comparison)
    main = rows if options.boilerplate == "show" else [r for r in rows if not r.is_boilerplate]
    context = DEFAULT_CONTEXT if options.context is None else options.context
    shown = with_context(main, context)
    if not any(isinstance(item, ReportRow) and item.is_change for item in shown):
        writer.lines.append("")
        writer.lines.append("No changes to the article's words or order.")
    for item in shown:
        writer.lines.append("")
        if isinstance(item, Gap):
            writer.add([(f"… {item.phrase} …", "")], "", "dim")
        else:
            writer.row(item)
    apart = _apart(rows)
    if options.boilerplate == "dim" and apart:
        writer.lines.append("")
        writer.add([("Boilerplate changes, listed apart:", "")], "", "head")
        for run in region_runs(apart).values():
            writer.lines.append("")
            writer.region(run)
    return "\n".join(writer.lines) + "\n"
