"""Reports drawn from one Comparison: HTML, Markdown, JSON, plain text and the terminal.

None of them recomputes a diff and none imports Textual. Files are written
atomically (a temporary file, then a rename), so a failed run never leaves a
half-written report or destroys an existing one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from tui.errors import ArticleDiffError
from tui.export.options import ReportOptions
from tui.model import Comparison

ReportFormat = Literal["html", "md", "json", "text"]

#: Format names and aliases people type, mapped to the canonical name.
FORMAT_ALIASES: dict[str, ReportFormat] = {
    "html": "html",
    "htm": "html",
    "md": "md",
    "markdown": "md",
    "json": "json",
    "text": "text",
    "txt": "text",
}

#: The file extension written for each format (and used by the golden files).
EXTENSIONS: dict[ReportFormat, str] = {"html": ".html", "md": ".md", "json": ".json", "text": ".txt"}


def format_for_path(path: str | os.PathLike[str]) -> ReportFormat | None:
    """Guess the report format from a file name's extension, or None."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return FORMAT_ALIASES.get(suffix)


def normalise_format(fmt: str) -> ReportFormat:
    """Return the canonical format name for ``fmt``.

    Raises:
        ArticleDiffError: When ``fmt`` names no report format.
    """
    found = FORMAT_ALIASES.get(fmt.lower())
    if found is None:
        raise ArticleDiffError(f"unknown report format {fmt!r} (use html, md, json or text)")
    return found


def render_report(comparison: Comparison, fmt: str, **options: Any) -> str:
    """Return the report for ``comparison`` in ``fmt`` as text.

    Args:
        comparison: What to report.
        fmt: ``html``, ``md`` (``markdown``), ``json`` or ``text`` (``txt``).
        **options: Fields of :class:`~tui.export.options.ReportOptions`
            (``context``, ``boilerplate``, ``markdown_style``, ``color``, ``width``, ``title``).
    """
    kind = normalise_format(fmt)
    opts = ReportOptions.from_kwargs(**options)
    if kind == "json":
        from tui.export.json_report import render_json

        return render_json(comparison)
    if kind == "md":
        from tui.export.markdown import render_markdown

        return render_markdown(comparison, opts)
    if kind == "html":
        from tui.export.html import render_html

        return render_html(comparison, opts)
    from tui.export.text import render_text

    return render_text(comparison, opts)


def write_report(
    comparison: Comparison, path: str | os.PathLike[str], fmt: str | None = None, **options: Any
) -> ReportFormat:
    """Write the report for ``comparison`` to ``path`` atomically; return the format used.

    The format is ``fmt`` when given, otherwise the path's extension, otherwise text.

    Raises:
        ArticleDiffError: When the format is unknown, ``path`` is one of the versions compared (the report
            would overwrite it), or the file cannot be written.
    """
    kind = normalise_format(fmt) if fmt else (format_for_path(path) or "text")
    refuse_overwriting_inputs(path, [comparison.old.source, comparison.new.source])
    text = render_report(comparison, kind, **options)
    from tui.export.atomic import write_atomic  # only a report written to a file needs it

    write_atomic(path, text.encode("utf-8"))
    return kind


def refuse_overwriting_inputs(path: str | os.PathLike[str], sources: list[str]) -> None:
    """Refuse a report path that is one of the versions compared (same device and inode, links followed).

    Raises:
        ArticleDiffError: It is.
    """
    from tui.export.atomic import same_file

    clash = same_file(os.fspath(path), sources)
    if clash is not None:
        what = "standard input" if clash == "-" else repr(clash)
        raise ArticleDiffError(f"{os.fspath(path)}: is {what}, one of the versions compared; not overwriting it")


__all__ = [
    "EXTENSIONS",
    "FORMAT_ALIASES",
    "ReportFormat",
    "ReportOptions",
    "format_for_path",
    "normalise_format",
    "refuse_overwriting_inputs",
    "render_report",
    "write_report",
]
