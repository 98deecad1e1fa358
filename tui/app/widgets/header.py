"""The comparison header: both sources over their panes, and the verdict in one line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from tui.model import Comparison, Document
from tui.safe_text import safe_line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe_source(document: Document, side: str) -> Text:
    """Two lines about one version: its label, file, format and size; then title and date."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f" {side} ", style="bold reverse")
    text.append(f" {safe_line(document.source)}", style="bold")
    count = len(document.blocks)
    text.append(f"  {document.format} · {count:,} block{'' if count == 1 else 's'}", style="dim")
    text.append("\n ")
    if document.title:
        text.append(safe_line(document.title), style="italic")
    else:
        text.append("no headline found", style="dim italic")
    if document.date:
        text.append(f"  {safe_line(document.date)}", style="dim")
    return text


def boilerplate_note(comparison: Comparison) -> str:
    """Say where the boilerplate is: "boilerplate: 3 blocks on the left, 9 on the right"."""
    old, new = comparison.summary.boilerplate_old, comparison.summary.boilerplate_new
    parts = []
    if old:
        parts.append(f"{_plural(old, 'block')} on the left")
    if new:
        parts.append(f"{new if parts else _plural(new, 'block')} on the right")
    return "boilerplate: " + ", ".join(parts) if parts else "no boilerplate found"


class ComparisonHeader(Widget):
    """Sources side by side and the verdict below them."""

    DEFAULT_CSS = """
    ComparisonHeader {
        height: auto;
        background: $panel;
        #sources { height: auto; }
        .source { width: 1fr; height: 2; padding: 0 1 0 0; }
        #verdict { height: 1; padding: 0 1; }
        #verdict.-changed { background: $warning 25%; }
        #verdict.-unchanged { background: $success 25%; }
    }
    """

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:
        """Describe ``comparison``."""
        super().__init__(id=id)
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        """Two source descriptions and the verdict."""
        with Horizontal(id="sources"):
            yield Static(describe_source(self.comparison.old, "OLD"), classes="source", id="old-source")
            yield Static(describe_source(self.comparison.new, "NEW"), classes="source", id="new-source")
        yield Static(id="verdict")

    def on_mount(self) -> None:
        """Fill in the verdict."""
        self.show(self.comparison)

    def show(self, comparison: Comparison) -> None:
        """Describe ``comparison`` (after a swap, for instance)."""
        self.comparison = comparison
        self.query_one("#old-source", Static).update(describe_source(comparison.old, "OLD"))
        self.query_one("#new-source", Static).update(describe_source(comparison.new, "NEW"))
        summary = comparison.summary
        verdict = Text(no_wrap=True, overflow="ellipsis")
        verdict.append("● " if summary.body_changed else "✔ ", style="bold")
        verdict.append(safe_line(summary.verdict), style="bold")
        verdict.append(f"  ·  {boilerplate_note(comparison)}")
        widget = self.query_one("#verdict", Static)
        widget.update(verdict)
        widget.set_class(summary.body_changed, "-changed")
        widget.set_class(not summary.body_changed, "-unchanged")
