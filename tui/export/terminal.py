"""``--print``: the comparison side by side in the terminal, styled by Rich.

Like ``icdiff`` but by paragraph: two columns sized to the terminal, a gutter
marker per row, changed words coloured (and marked ``[-``/``{+`` when colour is
off, so it still reads). Rich draws the header and supplies the colour system
and the escape codes of each style; the columns are wrapped here, once per
side, because Rich's ``Table`` measured every cell and took seconds for a
3,000-paragraph pair. Article text never passes through Rich markup and its
control characters are made visible, so neither a ``[bold]`` nor an ESC in an
article reaches the terminal as a command.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from typing import TextIO

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console, Group
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from tui.export.options import BoilerplateMode
from tui.export.rows import (
    Gap,
    ReportRow,
    SideBlock,
    headline,
    region_starts,
    report_rows,
    split_edges,
    with_context,
)
from tui.export.text import count_line, describe_document
from tui.export.wrap import Chunk, wrap_chunks
from tui.model import MARKERS, Comparison
from tui.safe_text import safe_line

_OP_STYLE = {
    "equal": "",
    "formatting": "",
    "modified": "yellow",
    "inserted": "green",
    "deleted": "red",
    "moved": "blue",
    "split": "cyan",
    "merged": "cyan",
}
_PIECE_STYLE = {"delete": "bold red on #3b1418", "insert": "bold green on #12301d"}
_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_RULE = " │ "


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


class SideBySide:
    """Two aligned columns of wrapped paragraphs, one string per terminal line."""

    def __init__(
        self,
        items: list[ReportRow | Gap],
        *,
        color_system: ColorSystem | None,
        boilerplate: BoilerplateMode,
        number_width: int,
    ) -> None:
        self.items = items
        self.color_system = color_system
        self.boilerplate = boilerplate
        self.number_width = number_width
        self.badges = region_starts([i for i in items if isinstance(i, ReportRow)])
        self._codes: dict[str, tuple[str, str]] = {}

    def _paint(self, text: str, style: str) -> str:
        """``text`` wrapped in the escape codes of ``style`` (Rich's), or as is without colour."""
        if not style or self.color_system is None or not text:
            return text
        codes = self._codes.get(style)
        if codes is None:
            rendered = Style.parse(style).render("\0", color_system=self.color_system)
            start, _, end = rendered.partition("\0")
            codes = self._codes[style] = (start, end)
        return f"{codes[0]}{text}{codes[1]}"

    def _chunks(self, sb: SideBlock, marks: bool) -> list[Chunk]:
        chunks: list[Chunk] = []
        for piece in sb.pieces:
            shown = safe_line(piece.text)
            if piece.op == "equal" or not marks:
                chunks.append((shown, ""))
            elif self.color_system is not None:
                chunks.append((shown, _PIECE_STYLE[piece.op]))
            else:
                lead, core, trail = split_edges(shown)
                start, end = _MARKS[piece.op]
                chunks.append((f"{lead}{start}{core}{end}{trail}" if core else shown, ""))
        return chunks

    def _side(self, blocks: tuple[SideBlock, ...], rr: ReportRow, width: int) -> list[tuple[str, list[Chunk]]]:
        """Lines of one side: (paragraph number or "", chunks), a blank line between blocks."""
        marks = rr.row.spans is not None and (rr.row.op == "modified" or rr.row.edited)
        lines: list[tuple[str, list[Chunk]]] = []
        for k, sb in enumerate(blocks):
            if k:
                lines.append(("", []))
            for n, line in enumerate(wrap_chunks(self._chunks(sb, marks), width)):
                lines.append((str(sb.number) if n == 0 else "", line))
        return lines

    def _cell(self, marker: str, number: str, chunks: list[Chunk], width: int, op_style: str, dim: bool) -> str:
        parts = [
            self._paint(marker or " ", op_style),
            self._paint(" " + number.rjust(self.number_width) + " ", "dim"),
        ]
        used = 0
        for text, style in chunks:
            parts.append(self._paint(text, f"dim {style}" if dim else style))
            used += _cells(text)
        parts.append(" " * max(0, width - used))
        return "".join(parts)

    def lines(self, width: int) -> Iterator[str]:
        """Yield the body, one terminal line at a time (no line longer than ``width`` cells)."""
        half = (width - len(_RULE)) // 2
        text_width = max(8, half - self.number_width - 3)
        indent = " " * (self.number_width + 3)
        rule = self._paint(_RULE, "dim")
        end_rule = self._paint(_RULE.rstrip(), "dim")
        blank = " " * (self.number_width + 3 + text_width)
        for item in self.items:
            if isinstance(item, Gap):
                yield self._paint(f"{indent}… {item.phrase} …", "dim")
                yield ""
                continue
            rr = item
            dim = rr.is_boilerplate and self.boilerplate == "dim"
            badge = rr.index in self.badges
            if badge or rr.op not in ("equal", "modified", "inserted", "deleted"):
                label = rr.label + (f" · {rr.badge}" if badge else "")
                yield self._paint(indent + safe_line(label), "dim italic")
            old_marker = new_marker = MARKERS[rr.op]
            op_style = _OP_STYLE[rr.op]
            left = self._side(rr.old, rr, text_width)
            right = self._side(rr.new, rr, text_width)
            for i in range(max(len(left), len(right))):
                if i < len(left):
                    number, chunks = left[i]
                    line = self._cell(old_marker if i == 0 else "", number, chunks, text_width, op_style, dim)
                else:
                    line = blank
                if i < len(right):
                    number, chunks = right[i]
                    line += rule + self._cell(new_marker if i == 0 else "", number, chunks, text_width, op_style, dim)
                else:
                    line += end_rule
                yield line.rstrip(" ")
            yield ""


def _header(comparison: Comparison) -> Group:
    title = headline(comparison)
    header = Text()
    if title:
        header.append(safe_line(title) + "\n", style="bold")
    header.append(safe_line(describe_document("Old", comparison.old)) + "\n")
    header.append(safe_line(describe_document("New", comparison.new)) + "\n")
    header.append(comparison.summary.verdict + "\n", style="bold yellow" if comparison.summary.body_changed else "bold")
    header.append("Rows: " + count_line(comparison), style="dim")
    return Group(header, Rule(style="dim"))


def print_comparison(
    comparison: Comparison,
    file: TextIO,
    *,
    color: bool,
    width: int,
    context: int | None = None,
    boilerplate: BoilerplateMode = "dim",
    pager: bool = False,
) -> None:
    """Print the side-by-side rendition to ``file`` (through ``less -R`` when ``pager`` and less exists)."""
    less = shutil.which("less") if pager else None
    target: TextIO = io.StringIO() if less else file
    console = Console(
        file=target,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="truecolor" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    console.print(_header(comparison))
    rows = report_rows(comparison)
    if boilerplate == "hide":
        rows = [r for r in rows if not r.is_boilerplate]
    number_width = len(str(max(len(comparison.old.blocks), len(comparison.new.blocks), 1)))
    body = SideBySide(
        with_context(rows, context),
        color_system=ColorSystem.TRUECOLOR if color else None,
        boilerplate=boilerplate,
        number_width=number_width,
    )
    target.write("\n".join(body.lines(width)) + "\n")
    target.flush()
    if less and isinstance(target, io.StringIO):
        subprocess.run([less, "-R"], input=target.getvalue().encode("utf-8"), check=False)
