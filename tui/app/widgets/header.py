"""The comparison header: both sources over their panes, and the verdict in one line.

Each source takes two rows that never wrap into each other: the label, the file
name (shortened in the middle, keeping the distinguishing end) and its size on
the first; the headline and date on the second, cut with an ellipsis.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui.model import Comparison, Document
from tui.present import Presentation, metadata_phrase, plural
from tui.safe_text import safe_line


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending with an ellipsis when cut."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out.rstrip() + "…"


def shorten_middle(text: str, width: int) -> str:
    """``text`` cut in the middle to ``width`` cells ("/home/…/2025-02-25-new.html"): the end tells files apart."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = max(1, (width - 1) * 2 // 3)
    head = width - 1 - tail
    end = ""
    for char in reversed(text):
        if cell_len(char + end) > tail:
            break
        end = char + end
    return clip(text, head + 1)[:-1] + "…" + end if head else "…" + end


class SourceSummary(Widget):
    """Two rows about one version, fitted to the widget's width."""

    DEFAULT_CSS = """
    SourceSummary { width: 1fr; height: 2; padding: 0 1 0 0; }
    """

    def __init__(self, document: Document, side: str, *, id: str | None = None) -> None:
        """Describe ``document`` as the ``side`` ("OLD" or "NEW") version."""
        super().__init__(id=id)
        self.document = document
        self.side = side

    def show(self, document: Document) -> None:
        """Describe another document (after a swap)."""
        self.document = document
        self.refresh()

    def render(self) -> Content:
        """The label, shortened name and size; then the headline and date, each clipped to the width."""
        width = max(1, self.content_region.width)
        document = self.document
        label = f" {self.side} "
        size = f"  {document.format} · {plural(len(document.blocks), 'block')}"
        if cell_len(label) + 1 + cell_len(size) + 8 > width:
            size = f"  {len(document.blocks):,}"
        room = max(1, width - cell_len(label) - 1 - cell_len(size))
        name = shorten_middle(safe_line(document.source), room)
        first = Content.assemble((label, "bold reverse"), " ", (name, "bold"), (size, "$text-muted"))
        date = f"  {safe_line(document.date)}" if document.date else ""
        if document.title:
            title_room = max(1, width - 1 - min(cell_len(date), width // 3))
            title = clip(safe_line(document.title), title_room)
            second = Content.assemble(" ", (title, "italic"), (clip(date, width - 1 - cell_len(title)), "$text-muted"))
        else:
            second = Content.assemble(" ", ("no headline found", "italic $text-muted"), (clip(date, width - 18), ""))
        return Content("\n").join([first, second])


def boilerplate_note(comparison: Comparison) -> str:
    """Say where the boilerplate is: "boilerplate: 3 blocks on the left, 9 on the right"."""
    old, new = comparison.summary.boilerplate_old, comparison.summary.boilerplate_new
    parts = []
    if old:
        parts.append(f"{plural(old, 'block')} on the left")
    if new:
        parts.append(f"{new if parts else plural(new, 'block')} on the right")
    return "boilerplate: " + ", ".join(parts) if parts else "no boilerplate found"


class ComparisonHeader(Widget):
    """Sources side by side and the verdict below them."""

    DEFAULT_CSS = """
    ComparisonHeader {
        height: auto;
        background: $panel;
        #sources { height: auto; }
        #verdict { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
        #verdict.-changed { background: $warning 25%; }
        #verdict.-unchanged { background: $success 25%; }
    }
    """

    def __init__(self, presentation: Presentation, *, id: str | None = None) -> None:
        """Describe ``presentation`` (the screen's own: the header never computes a second one)."""
        super().__init__(id=id)
        self.presentation = presentation

    def compose(self) -> ComposeResult:
        """Two source descriptions and the verdict, filled in as they are made (nothing is left for on_mount)."""
        comparison = self.presentation.comparison
        with Horizontal(id="sources"):
            yield SourceSummary(comparison.old, "OLD", id="old-source")
            yield SourceSummary(comparison.new, "NEW", id="new-source")
        changed = self.presentation.body_changed
        yield Static(self._verdict(self.presentation), id="verdict", classes="-changed" if changed else "-unchanged")

    def show(self, presentation: Presentation) -> None:
        """Describe ``presentation`` (after a swap, for instance)."""
        self.presentation = presentation
        comparison = presentation.comparison
        self.query_one("#old-source", SourceSummary).show(comparison.old)
        self.query_one("#new-source", SourceSummary).show(comparison.new)
        changed = presentation.body_changed
        widget = self.query_one("#verdict", Static)
        widget.update(self._verdict(presentation))
        widget.set_class(changed, "-changed")
        widget.set_class(not changed, "-unchanged")

    @staticmethod
    def _verdict(presentation: Presentation) -> Content:
        verdict = Content.assemble(
            ("● " if presentation.body_changed else "✔ ", "bold"),
            (safe_line(presentation.verdict), "bold"),
            f"  ·  {boilerplate_note(presentation.comparison)}",
        )
        if presentation.metadata:
            verdict += Content(f"  ·  metadata: {metadata_phrase(presentation.metadata)}")
        return verdict
