"""``--print``: the comparison side by side in the terminal, drawn with Rich.

Like ``icdiff`` but by paragraph: two columns sized to the terminal, a gutter
marker per row, changed words coloured (and marked ``[-``/``{+`` when colour is
off, so it still reads). Article text enters Rich only as ``Text`` objects,
never as markup, and with its control characters made visible, so neither a
``[bold]`` nor an ESC in an article reaches the terminal as a command.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import TextIO

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from tui.export.options import BoilerplateMode
from tui.export.rows import MARKERS, Gap, ReportRow, SideBlock, headline, report_rows, split_edges, with_context
from tui.export.safe_text import visible
from tui.export.text import count_line, describe_document
from tui.model import Comparison

_OP_STYLE = {
    "equal": "",
    "formatting": "",
    "modified": "yellow",
    "inserted": "green",
    "deleted": "red",
    "moved": "magenta",
    "split": "blue",
    "merged": "blue",
}
_PIECE_STYLE = {"delete": "bold red on #3b1418", "insert": "bold green on #12301d"}
_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def _side_text(blocks: tuple[SideBlock, ...], rr: ReportRow, color: bool, dim: bool) -> Text:
    text = Text()
    marks = rr.row.spans is not None and (rr.row.op == "modified" or rr.row.edited)
    for k, sb in enumerate(blocks):
        if k:
            text.append("\n\n")
        for piece in sb.pieces:
            shown = visible(piece.text, keep_newlines=False)
            if piece.op == "equal" or not marks:
                text.append(shown)
            elif color:
                text.append(shown, style=_PIECE_STYLE[piece.op])
            else:
                lead, core, trail = split_edges(shown)
                start, end = _MARKS[piece.op]
                text.append(f"{lead}{start}{core}{end}{trail}" if core else shown)
    if dim:
        text.stylize("dim")
    return text


def _numbers(blocks: tuple[SideBlock, ...]) -> Text:
    return Text(",".join(str(sb.number) for sb in blocks), style="dim")


def build_renderable(
    comparison: Comparison,
    *,
    color: bool,
    width: int,
    context: int | None = None,
    boilerplate: BoilerplateMode = "dim",
) -> Group:
    """Return a Rich renderable of the whole comparison, header and rows."""
    rows = report_rows(comparison)
    if boilerplate == "hide":
        rows = [r for r in rows if not r.is_boilerplate]
    title = headline(comparison)
    header = Text()
    if title:
        header.append(visible(title, keep_newlines=False) + "\n", style="bold")
    header.append(visible(describe_document("Old", comparison.old), keep_newlines=False) + "\n")
    header.append(visible(describe_document("New", comparison.new), keep_newlines=False) + "\n")
    header.append(comparison.summary.verdict + "\n", style="bold yellow" if comparison.summary.body_changed else "bold")
    header.append("Rows: " + count_line(comparison), style="dim")
    table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False, padding=(0, 1))
    table.add_column("", width=1, no_wrap=True)
    table.add_column("", justify="right", no_wrap=True, style="dim")
    table.add_column(f"Old · {visible(comparison.old.source, keep_newlines=False)}", ratio=1, overflow="fold")
    table.add_column("", width=1, no_wrap=True)
    table.add_column("", justify="right", no_wrap=True, style="dim")
    table.add_column(f"New · {visible(comparison.new.source, keep_newlines=False)}", ratio=1, overflow="fold")
    for item in with_context(rows, context):
        if isinstance(item, Gap):
            table.add_row("", "", Text(f"… {item.phrase} …", style="dim"), "", "", "")
            continue
        rr = item
        dim = rr.is_boilerplate and boilerplate == "dim"
        style = _OP_STYLE[rr.op] if color else ""
        marker = MARKERS[rr.op]
        old_marker = "-" if rr.op == "modified" else marker
        new_marker = "+" if rr.op == "modified" else marker
        if rr.op not in ("equal", "modified", "inserted", "deleted") or rr.is_boilerplate:
            label = rr.label
            if rr.is_boilerplate or rr.row.lane == "metadata":
                label += f" · {rr.category or rr.row.lane}"
            table.add_row("", "", Text(visible(label, keep_newlines=False), style="dim italic"), "", "", "")
        table.add_row(
            Text(old_marker if rr.old else "", style=style),
            _numbers(rr.old),
            _side_text(rr.old, rr, color, dim),
            Text(new_marker if rr.new else "", style=style),
            _numbers(rr.new),
            _side_text(rr.new, rr, color, dim),
        )
        table.add_row("", "", "", "", "", "")
    return Group(header, Rule(style="dim"), table)


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
    renderable = build_renderable(comparison, color=color, width=width, context=context, boilerplate=boilerplate)
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
    console.print(renderable)
    if less and isinstance(target, io.StringIO):
        subprocess.run([less, "-R"], input=target.getvalue().encode("utf-8"), check=False)
