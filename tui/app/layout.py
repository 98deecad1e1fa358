"""The screen layout of a comparison: every row wrapped, padded and placed, once per width.

The diff panes draw with the Line API: they ask for one screen line at a time.
This module answers which text, which gutter and which styles sit on that line.
It is computed once per pane width and set of view options (boilerplate shown,
dimmed or hidden; formatting revealed; unchanged runs folded; unified or side by
side) and shared by both panes, so both always give a row the same height: the
taller side's. What a row shows (its op, word pieces, badge, region, numbers)
comes from :mod:`tui.present`, as in every report; this module only places it.
It knows nothing of Textual: styles are names that the pane turns into theme
colours.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from tui.collector import collector_paused
from tui.model import MARKERS, Block, Comparison
from tui.present import BoilerplateMode, Presentation, ShownRow, SideBlock, present
from tui.present.words import badge_name, paragraph
from tui.safe_text import safe_line, safe_text
from tui.wrap import Line, wrap

EntryKind = Literal["row", "fold", "hidden", "moved-to"]

Run = tuple[int, int, str]
"""A styled stretch of a panel's text: ``(start, end, style name)``."""

_Spec = tuple[int, str, tuple[Run, ...], int, Sequence[SideBlock], str]
"""What a panel shows before wrapping: side, text, runs, where the body starts, blocks, gutter marker."""

GUTTER_EXTRA = 4
"""Cells of the gutter besides the paragraph number: a space, the number, a space, the marker, a space."""

UNIFIED_LABEL = len("new ¶")
"""Cells a unified view's gutter adds so each number says its side ("old ¶8", "new ¶12")."""


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

    boilerplate: BoilerplateMode = "dim"
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
    numbers: dict[int, str]
    """Paragraph number shown beside the first line of each block ("8", or "old ¶8" in the unified view)."""
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
    panels: tuple[tuple[Panel, ...], ...] | None
    """Panels per column once made (see :attr:`columns`); None until a row entry is first drawn or searched."""
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
    covers: tuple[int, ...] = ()
    """For a ``hidden`` entry, the comparison rows it stands for."""
    source: Layout | None = None
    """The layout that makes a row entry's panels when they are first needed."""

    @property
    def columns(self) -> tuple[tuple[Panel, ...], ...]:
        """Panels per column (two side by side, one unified); an empty column is a hatched filler.

        A row's panels are made when first asked for: placing a row needs only its height, and a
        screen shows a few dozen of thousands.
        """
        if self.panels is None:
            assert self.source is not None and self.row is not None
            self.panels = self.source.row_panels(self.row)
        return self.panels

    @property
    def label(self) -> str:
        """The entry's first words, for one-line listings (computed on demand: few are ever listed)."""
        return first_words(self.text)


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


def _hidden_note(count: int, categories: Sequence[str]) -> str:
    """Say what a hidden run of boilerplate held: "⋯ 7 boilerplate blocks hidden: donation appeal"."""
    names = list(dict.fromkeys(badge_name(c) for c in categories))
    blocks = f"{count} boilerplate block{'' if count == 1 else 's'}"
    return f"⋯ {blocks} hidden" + (f": {', '.join(names[:3])}" if names else "")


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

    def __init__(
        self, comparison: Comparison | Presentation, widths: Sequence[int], options: ViewOptions
    ) -> None:
        """Wrap and place every row; ``widths`` are the text widths of each column."""
        self.presentation = comparison if isinstance(comparison, Presentation) else present(comparison)
        self.comparison = comparison = self.presentation.comparison
        self.options = options
        self.widths = tuple(max(4, w) for w in widths)
        self.number_width = self.label_width(comparison, unified=len(self.widths) == 1)
        self.entries: list[Entry] = []
        self._change_stops: list[int] | None = None
        # One scan per document instead of one per paragraph: most articles hold no control characters.
        self._clean = (_is_clean(comparison.old.blocks), _is_clean(comparison.new.blocks))
        with collector_paused():  # tens of thousands of small objects and no cycles
            self._build()
        self.starts = [e.y for e in self.entries]
        self.height = (self.entries[-1].y + self.entries[-1].height) if self.entries else 0
        self._row_entry = {e.row: i for i, e in enumerate(self.entries) if e.row is not None}
        for i, e in enumerate(self.entries):
            for row in e.covers:
                self._row_entry.setdefault(row, i)

    @staticmethod
    def label_width(comparison: Comparison, *, unified: bool = False) -> int:
        """Cells of a paragraph number in the gutter ("12", or "new ¶12" in the unified view)."""
        digits = len(str(max(len(comparison.old.blocks), len(comparison.new.blocks), 1)))
        return digits + (UNIFIED_LABEL if unified else 0)

    @staticmethod
    def gutter_width(comparison: Comparison, *, unified: bool = False) -> int:
        """Cells taken by the gutter, so callers can turn pane widths into text widths."""
        return Layout.label_width(comparison, unified=unified) + GUTTER_EXTRA

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
        """Return the entry index showing comparison row ``row`` (or the hidden entry standing for it)."""
        return self._row_entry.get(row)

    def stop_entries(self, rows: Iterable[int]) -> list[int]:
        """The entries showing comparison ``rows`` (the presentation's change stops), in order."""
        wanted = set(rows)
        return [i for i, e in enumerate(self.entries) if e.kind == "row" and e.row in wanted]

    def change_stops(self) -> list[int]:
        """The entries ``n`` stops at with these view options: the presentation's stops, as shown.

        Computed once per layout: the status line asks on every scroll, and the answer never changes.
        """
        if self._change_stops is None:
            options = self.options
            rows = self.presentation.stops(boilerplate=options.boilerplate, formatting=options.show_formatting)
            self._change_stops = self.stop_entries(rows)
        return self._change_stops

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
        options = self.options
        rows = self.presentation.rows
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
            if options.boilerplate == "hide" and row.is_boilerplate:
                end = index
                while end < count and rows[end].is_boilerplate and not moved_marks.get(end + 1):
                    end += 1
                end = max(end, index + 1)
                y = self._append(self._hidden_entry(rows[index:end]), y)
                index = end
                continue
            if options.fold_unchanged and _unchanged_body(row):
                end = index
                while end < count and _unchanged_body(rows[end]):
                    end += 1
                    if moved_marks.get(end):
                        break
                if end - index >= 2:
                    n = end - index
                    text = f"⋯ {n} unchanged paragraphs (u to unfold)"
                    y = self._append(self._note_entry("fold", text), y)
                    index = end
                    continue
            y = self._append(self._row_entry_for(row), y)
            index += 1

    def _append(self, entry: Entry, y: int) -> int:
        entry.y = y
        self.entries.append(entry)
        return y + entry.height

    def _hidden_entry(self, rows: Sequence[ShownRow]) -> Entry:
        """One line per side standing for a run of hidden boilerplate rows."""
        sides = ([sb for r in rows for sb in r.old], [sb for r in rows for sb in r.new])
        categories = [r.category or "" for r in rows if r.category]
        if self.unified:
            texts = [_hidden_note(len(sides[0]) + len(sides[1]), categories)]
        else:
            texts = [
                _hidden_note(len(blocks), [r.category or "" for r in rows if r.category and (r.old, r.new)[c]])
                if blocks
                else ""
                for c, blocks in enumerate(sides)
            ]
        columns = tuple(
            (self._plain_panel(text, self.widths[c], "fold"),) if text else () for c, text in enumerate(texts)
        )
        height = max((column[0].height for column in columns if column), default=1)
        return Entry(
            "hidden",
            columns,
            height=height,
            op="hidden",
            text=" ".join(t for t in texts if t),
            covers=tuple(r.index for r in rows),
        )

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
        text = f"↪ {paragraph('old', old_number)} moved to {paragraph('new', new_number)} (new position)"
        column = self._plain_panel(text, self.widths[0], "note")
        columns: tuple[tuple[Panel, ...], ...] = ((column,),)
        if not self.unified:
            columns = ((column,), (self._plain_panel("", self.widths[1], "note"),))
        return Entry("moved-to", columns, height=column.height, op="moved-to", old_number=old_number, text=text)

    def row_panels(self, row: int) -> tuple[tuple[Panel, ...], ...]:
        """The panels of comparison row ``row``, per column, wrapped to this layout's widths."""
        rr = self.presentation.rows[row]
        tone = self._tone(rr)
        return tuple(
            tuple(
                self._panel(side, text, runs, start, blocks, self.widths[c], marker, tone)
                for side, text, runs, start, blocks, marker in specs
            )
            for c, specs in enumerate(self._row_specs(rr))
        )

    def _row_specs(self, rr: ShownRow) -> tuple[list[_Spec], ...]:
        """What each column of a row shows, before wrapping."""
        highlight = self._highlight_words(rr)
        badge = self._badge(rr)
        if self.unified:
            return (self._unified_specs(rr, highlight, badge),)
        return tuple(self._side_specs(rr, side, highlight, badge) for side in (0, 1))

    def _row_entry_for(self, rr: ShownRow) -> Entry:
        # Only the height now: the panels (numbers, runs, wrapped lines kept) wait until the row is drawn.
        columns = self._row_specs(rr)
        if len(columns) == 2 and len(columns[0]) == len(columns[1]) == 1 and self.widths[0] == self.widths[1]:
            left, right = columns[0][0][1], columns[1][0][1]
            # Most rows read the same on both sides: one wrap gives both heights.
            height = len(wrap(left, self.widths[0]))
            if right != left:
                height = max(height, len(wrap(right, self.widths[1])))
        else:
            height = max(sum(len(wrap(spec[1], self.widths[c])) for spec in specs) for c, specs in enumerate(columns))
        return Entry(
            "row",
            None,
            height=max(1, height),
            row=rr.index,
            op=rr.op,
            lane=rr.lane,
            dim=rr.is_boilerplate and self.options.boilerplate == "dim",
            emphasis=rr.is_metadata,
            old_number=rr.old[0].number if rr.old else None,
            new_number=rr.new[0].number if rr.new else None,
            text=rr.text,
            source=self,
        )

    def _highlight_words(self, rr: ShownRow) -> bool:
        if rr.words_changed:
            return True
        return rr.typography_only and self.options.show_formatting

    def _badge(self, rr: ShownRow) -> list[tuple[str, str]]:
        """Labels drawn before a row's text: where a moved row came from, its region's one category."""
        badges: list[tuple[str, str]] = []
        if rr.op == "moved" and rr.old:
            badges.append((f" moved from {paragraph('old', rr.old[0].number)} ", "badge-moved"))
        if self.options.show_formatting and rr.differences and rr.op in ("formatting", "moved"):
            badges.append((f" {', '.join(rr.differences)} ", "badge-formatting"))
        if rr.is_metadata:
            where = " only in old" if not rr.new else " only in new" if not rr.old else ""
            badges.append((f" {rr.badge}{where if rr.differs else ''} ", "badge-metadata"))
        elif rr.is_boilerplate and rr.opens_region:
            badges.append((f" {rr.badge} ", "badge"))
        return badges

    def _number(self, side: int, block: SideBlock) -> str:
        return paragraph("old" if side == 0 else "new", block.number) if self.unified else str(block.number)

    def _side_text(
        self, side: int, blocks: Sequence[SideBlock], highlight: bool, badge: Sequence[tuple[str, str]]
    ) -> tuple[str, tuple[Run, ...], int]:
        if not highlight and not badge:  # most rows: the blocks' own text, nothing styled
            joined = "\n".join(sb.block.plain for sb in blocks)
            return (joined if self._clean[side] else safe_text(joined)), (), 0
        pieces = _Pieces()
        for text, style in badge:
            pieces.add(text, style)
            pieces.add(" ")
        body_start = pieces.length
        if highlight:
            keep = "delete" if side == 0 else "insert"
            self._add_pieces(pieces, blocks, keep)
        else:
            joined = "\n".join(sb.block.plain for sb in blocks)
            pieces.add(joined if self._clean[side] else safe_text(joined))
        return pieces.text(), tuple(pieces.runs), body_start

    @staticmethod
    def _add_pieces(pieces: _Pieces, blocks: Sequence[SideBlock], keep: str) -> None:
        style = f"{keep}-word"
        for k, sb in enumerate(blocks):
            if k:
                pieces.add("\n")
            raw = "".join(p.text for p in sb.pieces)
            clean = safe_text(raw) == raw  # usually: then one check covers every piece
            for piece in sb.pieces:
                text = piece.text if clean else safe_text(piece.text)
                # Typography-only changes ("" against “”) are marked faintly, not as edits.
                pieces.add(text, "" if piece.op == "equal" else "typo-word" if piece.typographic else style)

    def _panel(
        self,
        side: int,
        text: str,
        runs: tuple[Run, ...],
        body_start: int,
        blocks: Sequence[SideBlock],
        width: int,
        marker: str,
        tone: str,
    ) -> Panel:
        lines = wrap(text, width)
        if len(blocks) == 1 and (body_start == 0 or len(lines) == 1 or lines[1][0] > body_start):
            return Panel(text, runs, lines, {0: self._number(side, blocks[0])}, marker, tone)
        numbers: dict[int, str] = {}
        block_starts = [body_start]
        position = text.find("\n", body_start)
        while position >= 0:
            block_starts.append(position + 1)
            position = text.find("\n", position + 1)
        line_index = 0
        for block, start in zip(blocks, block_starts, strict=False):
            while line_index < len(lines) - 1 and lines[line_index + 1][0] <= start:
                line_index += 1
            numbers.setdefault(line_index, self._number(side, block))
        return Panel(text, runs, lines, numbers, marker, tone, bracket=len(blocks) > 1)

    def _tone(self, rr: ShownRow) -> str:
        """Dimmed boilerplate and metadata never take the red or green of a change to the article."""
        if rr.is_metadata and rr.differs:
            return "metadata"
        if rr.is_boilerplate and self.options.boilerplate == "dim":
            return "boilerplate"
        return TONES[rr.op]

    def _side_specs(
        self, rr: ShownRow, side: int, highlight: bool, badge: Sequence[tuple[str, str]]
    ) -> list[_Spec]:
        blocks = rr.old if side == 0 else rr.new
        if not blocks:
            return []
        text, runs, body_start = self._side_text(side, blocks, highlight, badge)
        marker = rr.marker
        if rr.op == "split":
            marker = MARKERS["split"] if side == 0 else "┌"
        elif rr.op == "merged":
            marker = "┌" if side == 0 else MARKERS["merged"]
        return [(side, text, runs, body_start, blocks, marker)]

    def _unified_specs(self, rr: ShownRow, highlight: bool, badge: Sequence[tuple[str, str]]) -> list[_Spec]:
        if rr.op == "deleted" or not rr.new:
            text, runs, start = self._side_text(0, rr.old, False, badge)
            return [(0, text, runs, start, rr.old, rr.marker)]
        if rr.op == "inserted" or not highlight or not rr.old:
            text, runs, start = self._side_text(1, rr.new, False, badge)
            return [(1, text, runs, start, rr.new, rr.marker)]
        old_text, old_runs, old_start = self._side_text(0, rr.old, True, badge)
        new_text, new_runs, new_start = self._side_text(1, rr.new, True, ())
        return [(0, old_text, old_runs, old_start, rr.old, "-"), (1, new_text, new_runs, new_start, rr.new, "+")]


def _unchanged_body(row: ShownRow) -> bool:
    return row.op in ("equal", "formatting") and not row.is_boilerplate
