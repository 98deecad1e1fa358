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

from tui.export.text import describe_document, metadata_lines
from tui.export.wrap import Chunk, wrap_chunks
from tui.model import Comparison
from tui.present import BoilerplateMode, Gap, Presentation, ShownRow, SideBlock, present, split_edges, with_context
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
_PIECE_STYLE = {"delete": "strike red on #3b1418", "insert": "underline bold green on #12301d"}
_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_RULE = " │ "


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


class SideBySide:
    """Two aligned columns of wrapped paragraphs, one string per terminal line."""

    def __init__(
        self,
        items: list[ShownRow | Gap],
        *,
        color_system: ColorSystem | None,
        boilerplate: BoilerplateMode,
        number_width: int,
    ) -> None:
        self.items = items
        self.color_system = color_system
        self.boilerplate = boilerplate
        self.number_width = number_width
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

    def _side(self, blocks: tuple[SideBlock, ...], rr: ShownRow, width: int) -> list[tuple[str, list[Chunk]]]:
        """Lines of one side: (paragraph number or "", chunks), a blank line between blocks."""
        marks = rr.words_changed
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
        previous_lane = "body"
        for item in self.items:
            if isinstance(item, Gap):
                yield self._paint(f"{indent}… {item.phrase} …", "dim")
                yield ""
                continue
            rr = item
            dim = (rr.is_boilerplate and self.boilerplate == "dim") or rr.is_metadata
            label = _label(rr, previous_lane)
            previous_lane = rr.lane
            if label:
                yield self._paint(indent + safe_line(label), "dim italic")
            old_marker = new_marker = rr.marker
            op_style = "dim" if rr.is_metadata else _OP_STYLE[rr.op]
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


def _label(rr: ShownRow, previous_lane: str) -> str:
    """The line over a row, when it needs one: a region's layer and category, a move or split, or the return to
    the article's body after boilerplate (so a body line never reads as part of the box above it)."""
    if rr.is_metadata:
        where = f" · {rr.only_in}" if rr.only_in else ""
        return f"{rr.label} · metadata: {rr.badge}{where if rr.differs else ''}"
    if rr.is_boilerplate:
        return f"{rr.label} · boilerplate: {rr.badge}" if rr.opens_region else ""
    if previous_lane != "body":
        return f"{rr.label} · body"
    return rr.label if rr.op not in ("equal", "modified", "inserted", "deleted") else ""


def _header(presentation: Presentation) -> Group:
    comparison = presentation.comparison
    title = presentation.headline
    header = Text()
    if title:
        header.append(safe_line(title) + "\n", style="bold")
    header.append(safe_line(describe_document("Old", comparison.old)) + "\n")
    header.append(safe_line(describe_document("New", comparison.new)) + "\n")
    header.append(presentation.verdict + "\n", style="bold yellow" if presentation.body_changed else "bold")
    header.append(presentation.counts.line(), style="dim")
    for line in metadata_lines(presentation):
        header.append("\nMetadata: " + safe_line(line), style="dim")
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
    presentation = present(comparison)
    console.print(_header(presentation))
    rows = list(presentation.rows)
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
