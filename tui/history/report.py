"""Render a history in a report format: the one entry point of the history reports."""

from __future__ import annotations

from typing import Any

from tui.export import normalise_format
from tui.history.model import History


def render_history(history: History, fmt: str, **options: Any) -> str:
    """The report of ``history`` in ``fmt`` (html, md, json, text); ``options`` are the pair reports'."""
    kind = normalise_format(fmt)
    if kind == "json":
        from tui.history.json_report import render_history_json

        return render_history_json(history)
    if kind == "md":
        from tui.history.markdown_report import render_history_markdown

        return render_history_markdown(history, **options)
    if kind == "html":
        from tui.history.html_report import render_history_html

        return render_history_html(history, **options)
    from tui.history.text_report import render_history_text

    return render_history_text(history, **options)
