"""The plain-text report: for email, logs and a terminal without the viewer.

Like ``diff -u`` but by paragraph: a header with the verdict and counts, the
metadata that differs said calmly on its own, then each change with its
paragraph numbers, the old side's lines after ``-`` and the new side's after
``+``. Changed words are marked ``[-so-]`` and ``{+so+}`` (as ``git diff
--word-diff`` does) unless colour is on, when they are coloured instead. Every
row's heading names its layer when it is not the article's body, so body and
boilerplate stay apart without colour. No escape code is written unless colour
is on, and the article's own control characters are always shown as visible
placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.export.options import DEFAULT_CONTEXT, ReportOptions
from tui.export.wrap import Chunk, wrap_chunks
from tui.model import Comparison, Document
from tui.present import Gap, Piece, Presentation, ShownRow, SideBlock, plural, present, split_edges, with_context
from tui.present.words import Side, paragraphs
from tui.safe_text import safe_line

_SGR = {
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32;4m",
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
    return f"{label}: {doc.source} ({doc.format}, {plural(len(doc.blocks), 'block')}{extra})"


def heading(rr: ShownRow) -> str:
    """The line over a row: marker, op, where, how alike, what typography differed, and its layer's badge."""
    row = rr.row
    head = f"{rr.marker} {rr.label} · {rr.location}"
    if rr.words_changed and row.similarity is not None:
        head += f" · {row.similarity:.0%} alike"
    if rr.differences:
        head += f" · {', '.join(rr.differences)} differ"
    if rr.is_boilerplate:
        head += f" · boilerplate: {rr.badge}"
    elif rr.is_metadata:
        head += f" · metadata: {rr.badge}"
    return head


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

    def region(self, run: list[ShownRow]) -> None:
        """A boilerplate region, added or removed together, under one heading with its one category."""
        ops = {rr.op for rr in run if rr.differs}
        one_sided = next(iter(ops)) if len(ops) == 1 and ops <= {"inserted", "deleted"} else None
        if one_sided is None or len(run) == 1:
            for k, rr in enumerate(run):
                if k:
                    self.lines.append("")
                self.row(rr)
            return
        side: Side = "new" if one_sided == "inserted" else "old"
        blocks = tuple(sb for rr in run for sb in (rr.new if side == "new" else rr.old))
        where = paragraphs(side, [sb.number for sb in blocks])
        head = f"{run[0].marker} {one_sided} · {where} · boilerplate: {run[0].badge} · {len(blocks)} paragraphs"
        self.add([(safe_line(head), "")], "", "head")
        self.side(blocks, "+" if one_sided == "inserted" else "-", False)

    def row(self, rr: ShownRow) -> None:
        self.add([(safe_line(heading(rr)), "")], "", "head")
        if rr.op == "inserted":
            self.side(rr.new, "+", False)
        elif rr.op == "deleted":
            self.side(rr.old, "-", False)
        elif rr.words_changed:
            self.side(rr.old, "-", True)
            self.side(rr.new, "+", True)
        else:
            self.side(rr.new, " ", False)


def metadata_lines(presentation: Presentation) -> list[str]:
    """The metadata that differs, one calm line each: "headline, only in the old version: Kremlin ..."."""
    out = []
    for difference in presentation.metadata:
        rr = presentation.rows[difference.row]
        if difference.how == "changed":
            old = " ".join(sb.block.plain for sb in rr.old)
            new = " ".join(sb.block.plain for sb in rr.new)
            out.append(f"{difference.name} changed: {old} → {new}")
        else:
            side = "old" if difference.how == "old only" else "new"
            out.append(f"{difference.name}, only in the {side} version: {rr.text}")
    return out


def body_rows(presentation: Presentation, options: ReportOptions) -> list[ShownRow]:
    """The rows a report's main flow shows: the article, and boilerplate too when it is shown like the article."""
    keep_boilerplate = options.boilerplate == "show"
    return [rr for rr in presentation.rows if not rr.is_metadata and (keep_boilerplate or not rr.is_boilerplate)]


def changed_regions(presentation: Presentation) -> list[list[ShownRow]]:
    """The rows of each boilerplate region that changed, for reports that list boilerplate apart."""
    return [
        [rr for rr in presentation.region_rows(region) if rr.differs]
        for region in presentation.regions
        if region.lane == "boilerplate" and presentation.region_changed(region)
    ]


def render_text(comparison: Comparison, options: ReportOptions) -> str:
    """Return the text report, ending with a newline."""
    presentation = present(comparison)
    writer = _Writer(options)
    title = presentation.headline
    writer.add([("article-diff report" + (f": {safe_line(title)}" if title else ""), "")], "", "head")
    writer.add([(safe_line(describe_document("Old", comparison.old)), "")], "")
    writer.add([(safe_line(describe_document("New", comparison.new)), "")], "")
    writer.add([(presentation.verdict, "")], "", "head")
    writer.add([(presentation.counts.line(), "")], "")
    metadata = metadata_lines(presentation)
    if metadata:
        writer.lines.append("")
        writer.add([("Metadata (not counted as changes):", "")], "", "head")
        for line in metadata:
            writer.add([(safe_line(line), "")], "  ")
    context = DEFAULT_CONTEXT if options.context is None else options.context
    shown = with_context(body_rows(presentation, options), context)
    if not presentation.change_count:
        writer.lines.append("")
        writer.lines.append("No changes to the article's words or order.")
    for item in shown:
        writer.lines.append("")
        if isinstance(item, Gap):
            writer.add([(f"… {item.phrase} …", "")], "", "dim")
        else:
            writer.row(item)
    regions = changed_regions(presentation)
    if options.boilerplate == "dim" and regions:
        writer.lines.append("")
        writer.add([("Boilerplate changes, listed apart (not counted as changes):", "")], "", "head")
        for run in regions:
            writer.lines.append("")
            writer.region(run)
    return "\n".join(writer.lines) + "\n"
