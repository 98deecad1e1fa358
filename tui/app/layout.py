"""The screen layout of a comparison: every row wrapped, padded and placed, once per width.

The diff panes draw with the Line API: they ask for one screen line at a time.
This module answers which text, which gutter and which styles sit on that line.
It is computed once per pane width and set of view options (boilerplate shown,
dimmed or hidden; formatting revealed; unchanged runs folded; unified or side by
side) and shared by both panes, so both always give a row the same height: the
taller side's. It knows nothing of Textual: styles are names that the pane
turns into theme colours.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from tui.model import MARKERS, Block, Comparison, Row, Span, guessed_rows
from tui.safe_text import safe_line, safe_text
from tui.wrap import Line, wrap

BoilerplateMode = Literal["shown", "dimmed", "hidden"]
BOILERPLATE_MODES: tuple[BoilerplateMode, ...] = ("dimmed", "hidden", "shown")
"""The order the ``b`` key cycles through."""

EntryKind = Literal["row", "fold", "hidden", "moved-to"]

Run = tuple[int, int, str]
"""A styled stretch of a panel's text: ``(start, end, style name)``."""

GUTTER_EXTRA = 4
"""Cells of the gutter besides the paragraph number: a space, the number, a space, the marker, a space."""


TONES: dict[str, str] = {
    "equal": "equal",
    "formatting": "formatting",
    "modified": "modified",
    "inserted": "inserted",
    "deleted": "deleted",
    "moved": "moved",
    "split": "split",
    "merged": "split",
}
"""The colour family of each row op (split and merged share the bracket colour)."""


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """What the user chose to see; a change of any of these recomputes the layout."""

    boilerplate: BoilerplateMode = "dimmed"
    """Boilerplate rows shown in full colour, dimmed, or hidden behind one line."""
    show_formatting: bool = False
    """Reveal what differed in formatting-only rows (quotes, dashes, markup)."""
    fold_unchanged: bool = False
    """Fold runs of unchanged paragraphs into one line."""
    unified: bool = False
    """One column (old above new) instead of two side by side."""


@dataclass(slots=True)
class Panel:
    """A wrapped stretch of text on one side of one entry (one or more blocks)."""

    text: str
    """The safe text shown, badges included; ``"\\n"`` separates blocks."""
    runs: tuple[Run, ...]
    """Styled stretches of ``text``; the rest takes the panel's tone."""
    lines: list[Line]
    """The wrapped lines as offsets into ``text``."""
    numbers: dict[int, int]
    """Paragraph number (1-based block id) shown beside the first line of each block."""
    marker: str
    """The gutter marker, such as ``+`` or ``~``."""
    tone: str
    """The colour family: an op tone, ``note`` or ``fold``."""
    bracket: bool = False
    """Draw a bracket joining the blocks (the several-block side of split and merged rows)."""

    @property
    def height(self) -> int:
        """Lines the panel takes on screen."""
        return len(self.lines)


@dataclass(slots=True)
class Entry:
    """One row of the screen layout: a comparison row, a fold, or a note."""

    kind: EntryKind
    """What the entry stands for."""
    columns: tuple[tuple[Panel, ...], ...]
    """Panels per column (two side by side, one unified); an empty column is a hatched filler."""
    height: int
    """Lines on screen: the tallest column."""
    y: int = 0
    """First screen line."""
    row: int | None = None
    """Index into ``Comparison.rows`` for ``row`` entries."""
    op: str = "equal"
    """The row op (``fold``, ``hidden`` or ``moved-to`` for the other kinds)."""
    lane: str = "body"
    """The row's layer: body, boilerplate or metadata."""
    dim: bool = False
    """Draw faintly (dimmed boilerplate)."""
    emphasis: bool = False
    """Draw in bold (metadata such as the headline)."""
    old_number: int | None = None
    """First old paragraph number of the entry."""
    new_number: int | None = None
    """First new paragraph number of the entry."""
    text: str = ""
    """The entry's text (its first block's plain text, or the note), for the change list."""

    @property
    def label(self) -> str:
        """The entry's first words, for one-line listings (computed on demand: few are ever listed)."""
        return first_words(self.text)


def is_change(entry: Entry, *, include_formatting: bool = False, include_boilerplate: bool = False) -> bool:
    """True when ``n`` / ``p`` should stop at ``entry``.

    Formatting-only rows and boilerplate count only when asked, so that ``n``
    walks the edits a reader cares about.
    """
    if entry.kind != "row" or entry.op == "equal":
        return False
    if entry.op == "formatting" and not include_formatting:
        return False
    return entry.lane != "boilerplate" or include_boilerplate


def is_any_change(entry: Entry) -> bool:
    """True when ``]`` / ``[`` should stop at ``entry``: any row that is not equal."""
    return entry.kind == "row" and entry.op != "equal"


def first_words(text: str, limit: int = 60) -> str:
    """Return the start of ``text`` cut at a word, for one-line listings."""
    text = safe_line(text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def _is_clean(blocks: Sequence[Block]) -> bool:
    """True when no block's plain text needs :func:`safe_text`."""
    return all(b.plain.isprintable() or safe_text(b.plain) is b.plain for b in blocks)


def _hidden_note(blocks: Sequence[Block]) -> str:
    """Say what a hidden run of boilerplate held: "⋯ 7 boilerplate blocks hidden: donation appeal"."""
    categories: list[str] = []
    for block in blocks:
        name = _badge_name(block.category) if block.category else ""
        if name and name not in categories:
            categories.append(name)
    count = f"{len(blocks)} boilerplate block{'' if len(blocks) == 1 else 's'}"
    return f"⋯ {count} hidden" + (f": {', '.join(categories[:3])}" if categories else "")


def _badge_name(category: str) -> str:
    return category.replace("-", " ")


@dataclass(slots=True)
class _Pieces:
    """Text assembled piece by piece with its styled runs."""

    parts: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, style: str = "") -> None:
        if not text:
            return
        if style:
            self.runs.append((self.length, self.length + len(text), style))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


class Layout:
    """Every entry of a comparison wrapped to given widths, with screen positions."""

    def __init__(self, comparison: Comparison, widths: Sequence[int], options: ViewOptions) -> None:
        """Wrap and place every row; ``widths`` are the text widths of each column."""
        self.comparison = comparison
        self.options = options
        self.widths = tuple(max(4, w) for w in widths)
        self.number_width = len(str(max(len(comparison.old.blocks), len(comparison.new.blocks), 1)))
        self.entries: list[Entry] = []
        # One scan per document instead of one per paragraph: most articles hold no control characters.
        self._clean = (_is_clean(comparison.old.blocks), _is_clean(comparison.new.blocks))
        self._guesses = guessed_rows(comparison.old, comparison.new, comparison.rows)
        # Tens of thousands of small objects and no cycles: the collector would only rescan the heap.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build()
        finally:
            if collecting:
                gc.enable()
        self.starts = [e.y for e in self.entries]
        self.height = (self.entries[-1].y + self.entries[-1].height) if self.entries else 0
        self._row_entry = {e.row: i for i, e in enumerate(self.entries) if e.row is not None}

    @staticmethod
    def gutter_width(comparison: Comparison) -> int:
        """Cells taken by the gutter, so callers can turn pane widths into text widths."""
        digits = len(str(max(len(comparison.old.blocks), len(comparison.new.blocks), 1)))
        return digits + GUTTER_EXTRA

    @property
    def unified(self) -> bool:
        """True when the layout has one column."""
        return len(self.widths) == 1

    # -- queries -------------------------------------------------------------------------

    def entry_at(self, y: int) -> int:
        """Return the index of the entry covering screen line ``y`` (clamped)."""
        if not self.entries:
            return -1
        return max(0, min(len(self.entries) - 1, bisect_right(self.starts, y) - 1))

    def entry_for_row(self, row: int) -> int | None:
        """Return the entry index showing comparison row ``row``, if it is shown."""
        return self._row_entry.get(row)

    def locate(self, y: int, column: int) -> tuple[int, int, int]:
        """Return ``(entry, panel, line)`` at screen line ``y``; panel and line are -1 on padding."""
        index = self.entry_at(y)
        if index < 0:
            return -1, -1, -1
        entry = self.entries[index]
        local = y - entry.y
        if local >= entry.height or column >= len(entry.columns):
            return index, -1, -1
        for panel_index, panel in enumerate(entry.columns[column]):
            if local < panel.height:
                return index, panel_index, local
            local -= panel.height
        return index, -1, -1

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        comparison = self.comparison
        options = self.options
        rows = comparison.rows
        moved_marks = self._moved_marks()
        y = 0
        index = 0
        count = len(rows)
        while index <= count:
            for moved_row in moved_marks.get(index, ()):
                y = self._append(self._moved_to_entry(moved_row), y)
            if index == count:
                break
            row = rows[index]
            if options.boilerplate == "hidden" and row.lane == "boilerplate":
                end = index
                while end < count and rows[end].lane == "boilerplate" and not moved_marks.get(end + 1):
                    end += 1
                end = max(end, index + 1)
                y = self._append(self._hidden_entry(rows[index:end]), y)
                index = end
                continue
            if options.fold_unchanged and row.op in ("equal", "formatting") and row.lane != "boilerplate":
                end = index
                while end < count and rows[end].op in ("equal", "formatting") and rows[end].lane != "boilerplate":
                    end += 1
                    if moved_marks.get(end):
                        break
                if end - index >= 2:
                    n = end - index
                    text = f"⋯ {n} unchanged paragraphs (u to unfold)"
                    y = self._append(self._note_entry("fold", text), y)
                    index = end
                    continue
            y = self._append(self._row_entry_for(index, row), y)
            index += 1

    def _append(self, entry: Entry, y: int) -> int:
        entry.y = y
        self.entries.append(entry)
        return y + entry.height

    def _hidden_entry(self, rows: Sequence[Row]) -> Entry:
        """One line per side standing for a run of hidden boilerplate rows."""
        sides = (
            [self.comparison.old.blocks[i] for r in rows for i in r.old],
            [self.comparison.new.blocks[i] for r in rows for i in r.new],
        )
        if self.unified:
            texts = [_hidden_note(sides[0] + sides[1])]
        else:
            texts = [_hidden_note(blocks) if blocks else "" for blocks in sides]
        columns = tuple(
            (self._plain_panel(text, self.widths[c], "fold"),) if text else () for c, text in enumerate(texts)
        )
        height = max((column[0].height for column in columns if column), default=1)
        return Entry("hidden", columns, height=height, op="hidden", text=" ".join(t for t in texts if t))

    def _blocks(self, row: Row) -> list[Block]:
        return [self.comparison.old.blocks[i] for i in row.old] + [self.comparison.new.blocks[i] for i in row.new]

    def _note_entry(self, kind: EntryKind, text: str) -> Entry:
        panels = tuple((self._plain_panel(text, self.widths[c], "fold"),) for c in range(len(self.widths)))
        return Entry(kind, panels, height=max(p[0].height for p in panels), op=kind, text=text)

    def _plain_panel(self, text: str, width: int, tone: str) -> Panel:
        return Panel(text, (), wrap(text, width), {}, " ", tone)

    def _moved_marks(self) -> dict[int, list[int]]:
        """Where each moved row stood in the old text: the row index it should be marked before."""
        rows = self.comparison.rows
        moved = [i for i, r in enumerate(rows) if r.op == "moved" and r.old]
        if not moved:
            return {}
        anchors = [(min(r.old), i) for i, r in enumerate(rows) if r.old and r.op != "moved"]
        anchors.sort()
        keys = [a[0] for a in anchors]
        marks: dict[int, list[int]] = {}
        for row_index in moved:
            position = bisect_right(keys, min(rows[row_index].old))
            before = anchors[position][1] if position < len(anchors) else len(rows)
            marks.setdefault(before, []).append(row_index)
        return marks

    def _moved_to_entry(self, row_index: int) -> Entry:
        row = self.comparison.rows[row_index]
        old_number = row.old[0] + 1
        new_number = row.new[0] + 1 if row.new else old_number
        text = f"↪ ¶{old_number} moved to ¶{new_number} (new position)"
        column = self._plain_panel(text, self.widths[0], "note")
        columns: tuple[tuple[Panel, ...], ...] = ((column,),)
        if not self.unified:
            columns = ((column,), (self._plain_panel("", self.widths[1], "note"),))
        return Entry("moved-to", columns, height=column.height, op="moved-to", old_number=old_number, text=text)

    def _row_entry_for(self, index: int, row: Row) -> Entry:
        comparison = self.comparison
        old_blocks = [comparison.old.blocks[i] for i in row.old]
        new_blocks = [comparison.new.blocks[i] for i in row.new]
        highlight = self._highlight_words(row)
        badge = self._badge(index, row, old_blocks or new_blocks)
        if self.unified:
            column = self._unified_panels(row, old_blocks, new_blocks, highlight, badge)
            columns: tuple[tuple[Panel, ...], ...] = (column,)
        else:
            left = self._side_panel(row, 0, old_blocks, highlight, badge, self.widths[0])
            right = self._side_panel(row, 1, new_blocks, highlight, badge, self.widths[1])
            columns = (() if left is None else (left,), () if right is None else (right,))
        height = max(sum(p.height for p in column) for column in columns)
        label_blocks = new_blocks or old_blocks
        return Entry(
            "row",
            columns,
            height=max(1, height),
            row=index,
            op=row.op,
            lane=row.lane,
            dim=row.lane == "boilerplate" and self.options.boilerplate == "dimmed",
            emphasis=row.lane == "metadata",
            old_number=row.old[0] + 1 if row.old else None,
            new_number=row.new[0] + 1 if row.new else None,
            text=label_blocks[0].plain if label_blocks else "",
        )

    def _highlight_words(self, row: Row) -> bool:
        if row.spans is None or row.op == "equal":
            return False
        if row.op == "formatting":
            return self.options.show_formatting
        if row.op in ("moved", "split", "merged") and not row.edited:
            return self.options.show_formatting
        return True

    def _badge(self, index: int, row: Row, blocks: Sequence[Block]) -> list[tuple[str, str]]:
        """Labels drawn before a row's text: where a moved row came from, a boilerplate category."""
        badges: list[tuple[str, str]] = []
        if row.op == "moved" and row.old:
            badges.append((f" moved from ¶{row.old[0] + 1} ", "badge-moved"))
        if self.options.show_formatting and row.differences and row.op in ("formatting", "moved"):
            badges.append((f" {', '.join(row.differences)} ", "badge-formatting"))
        first = blocks[0] if blocks else None
        if first is not None and first.category and row.lane != "body" and not self._same_region_as_previous(index):
            style = "badge-metadata" if row.lane == "metadata" else "badge"
            guess = "?" if index in self._guesses else ""
            badges.append((f" {_badge_name(first.category)}{guess} ", style))
        return badges

    def _same_region_as_previous(self, index: int) -> bool:
        """True when the previous row continues the same boilerplate region (one badge per region)."""
        if index == 0:
            return False
        rows = self.comparison.rows
        here, before = rows[index], rows[index - 1]
        if here.lane != "boilerplate" or before.lane != "boilerplate":
            return False
        a, b = self._blocks(here), self._blocks(before)
        if not a or not b:
            return False
        if a[0].region is not None:
            return a[0].region == b[0].region
        return a[0].category == b[0].category

    def _side_text(
        self, row: Row, side: int, blocks: Sequence[Block], highlight: bool, badge: Iterable[tuple[str, str]]
    ) -> tuple[str, tuple[Run, ...], int]:
        pieces = _Pieces()
        for text, style in badge:
            pieces.add(text, style)
            pieces.add(" ")
        body_start = pieces.length
        if highlight and row.spans is not None:
            keep = "delete" if side == 0 else "insert"
            self._add_spans(pieces, row.spans, keep)
        else:
            joined = "\n".join(b.plain for b in blocks)
            pieces.add(joined if self._clean[side] else safe_text(joined))
        return pieces.text(), tuple(pieces.runs), body_start

    @staticmethod
    def _add_spans(pieces: _Pieces, spans: Sequence[Span], keep: str) -> None:
        shown = [s for s in spans if s.op == "equal" or s.op == keep]
        raw = "".join(s.text for s in shown)
        clean = safe_text(raw) == raw  # usually: then one check covers every span
        style = f"{keep}-word"
        for span in shown:
            text = span.text if clean else safe_text(span.text)
            # Typography-only changes ("" against “”) are marked faintly, not as edits.
            pieces.add(text, "" if span.op == "equal" else "typo-word" if span.typographic else style)

    def _panel(
        self,
        text: str,
        runs: tuple[Run, ...],
        body_start: int,
        blocks: Sequence[Block],
        width: int,
        marker: str,
        tone: str,
    ) -> Panel:
        lines = wrap(text, width)
        if len(blocks) == 1 and (body_start == 0 or len(lines) == 1 or lines[1][0] > body_start):
            return Panel(text, runs, lines, {0: blocks[0].id + 1}, marker, tone)
        numbers: dict[int, int] = {}
        block_starts = [body_start]
        position = text.find("\n", body_start)
        while position >= 0:
            block_starts.append(position + 1)
            position = text.find("\n", position + 1)
        line_index = 0
        for block, start in zip(blocks, block_starts, strict=False):
            while line_index < len(lines) - 1 and lines[line_index + 1][0] <= start:
                line_index += 1
            numbers.setdefault(line_index, block.id + 1)
        return Panel(text, runs, lines, numbers, marker, tone, bracket=len(blocks) > 1)

    def _side_panel(
        self,
        row: Row,
        side: int,
        blocks: Sequence[Block],
        highlight: bool,
        badge: Sequence[tuple[str, str]],
        width: int,
    ) -> Panel | None:
        if not blocks:
            return None
        text, runs, body_start = self._side_text(row, side, blocks, highlight, badge)
        marker = MARKERS[row.op]
        if row.op == "split":
            marker = MARKERS["split"] if side == 0 else "┌"
        elif row.op == "merged":
            marker = "┌" if side == 0 else MARKERS["merged"]
        return self._panel(text, runs, body_start, blocks, width, marker, TONES[row.op])

    def _unified_panels(
        self,
        row: Row,
        old_blocks: Sequence[Block],
        new_blocks: Sequence[Block],
        highlight: bool,
        badge: Sequence[tuple[str, str]],
    ) -> tuple[Panel, ...]:
        width = self.widths[0]
        tone = TONES[row.op]
        if row.op == "inserted" or (row.op == "equal" and new_blocks):
            text, runs, start = self._side_text(row, 1, new_blocks, False, badge)
            return (self._panel(text, runs, start, new_blocks, width, MARKERS[row.op], tone),)
        if row.op == "deleted":
            text, runs, start = self._side_text(row, 0, old_blocks, False, badge)
            return (self._panel(text, runs, start, old_blocks, width, MARKERS[row.op], tone),)
        if not highlight:
            text, runs, start = self._side_text(row, 1, new_blocks, False, badge)
            return (self._panel(text, runs, start, new_blocks, width, MARKERS[row.op], tone),)
        old_text, old_runs, old_start = self._side_text(row, 0, old_blocks, True, badge)
        new_text, new_runs, new_start = self._side_text(row, 1, new_blocks, True, ())
        return (
            self._panel(old_text, old_runs, old_start, old_blocks, width, "-", tone),
            self._panel(new_text, new_runs, new_start, new_blocks, width, "+", tone),
        )
