"""The export dialog: pick a report format and a path, and write the report.

The report writers live in ``tui.export`` and are imported only when the user
exports. The path starts in the folder the new version lives in (or the last
folder used this session), spelled out in full, never silently the current
directory; the format and folder chosen last are offered again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.errors import ArticleDiffError
from tui.model import Comparison

FORMATS: tuple[tuple[str, str, str], ...] = (
    ("HTML, one self-contained page", "html", ".html"),
    ("Markdown", "md", ".md"),
    ("JSON (schema version 1)", "json", ".json"),
    ("Plain text", "text", ".txt"),
)
"""Label, format name and file extension of each report format."""

DEFAULT_STEM = "article-diff-report"


@dataclass(slots=True)
class ExportMemory:
    """What the dialog remembers for the rest of the session."""

    format: str = "html"
    """The format last written."""
    folder: Path | None = None
    """The folder last written to."""
    last_report: Path | None = None
    """The report last written (``o`` opens it)."""


def default_folder(comparison: Comparison, memory: ExportMemory) -> Path:
    """The folder last used this session, else the new version's folder, else the current one (in full)."""
    if memory.folder is not None:
        return memory.folder
    source = Path(comparison.new.source)
    if comparison.new.source != "-" and source.parent.is_dir() and source.is_file():
        return source.resolve().parent
    return Path.cwd()


def write_export(comparison: Comparison, path: str, fmt: str, *, boilerplate: str = "dim") -> None:
    """Write the report in ``fmt`` to ``path`` atomically, boilerplate shown as in the viewer.

    Raises:
        ArticleDiffError: When the file cannot be written or the format is not available.
    """
    from tui.export import write_report  # writes atomically; its failures are ArticleDiffError already

    write_report(comparison, path, fmt, boilerplate=boilerplate)


class ExportScreen(ModalScreen[str | None]):
    """Ask for a format and a path, then write the report; dismissed with the path written."""

    CSS_PATH = "export.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without writing", id="cancel-export"),
    ]

    def __init__(
        self, comparison: Comparison, *, boilerplate: str = "dim", memory: ExportMemory | None = None
    ) -> None:
        """Export ``comparison`` with boilerplate as the viewer shows it (show, dim or hide)."""
        super().__init__()
        self.comparison = comparison
        self.boilerplate = boilerplate
        self.memory = memory or ExportMemory()
        """The session's last format and folder; updated when a report is written."""

    def compose(self) -> ComposeResult:
        """Format, path, buttons and a line for errors."""
        with Vertical(id="export"):
            yield Static("Export a report", classes="title")
            yield Label("Format")
            fmt = self.memory.format if self.memory.format in {name for _l, name, _e in FORMATS} else "html"
            extension = {name: ext for _label, name, ext in FORMATS}[fmt]
            yield Select([(label, name) for label, name, _ext in FORMATS], value=fmt, allow_blank=False, id="format")
            yield Label("Path (enter writes, escape cancels)")
            folder = default_folder(self.comparison, self.memory)
            yield Input(value=str(folder / (DEFAULT_STEM + extension)), id="path")
            yield Static(id="error")
            with Horizontal(id="buttons"):
                yield Button("Export", variant="primary", id="write")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#path", Input).focus()

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        """Keep the path's extension in step with the format."""
        path_input = self.query_one("#path", Input)
        extension = {name: ext for _label, name, ext in FORMATS}.get(str(event.value), "")
        path = Path(path_input.value or DEFAULT_STEM)
        known = {ext for _l, _n, ext in FORMATS}
        if path.suffix.lower() in known or not path.suffix:
            path_input.value = str(path.with_suffix(extension))

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#path")
    def action_write(self) -> None:
        """Write the report and close, or say what went wrong."""
        path = self.query_one("#path", Input).value.strip()
        fmt = str(self.query_one("#format", Select).value)
        if not path:
            self.query_one("#error", Static).update("Give a path to write to.")
            return
        try:
            write_export(self.comparison, path, fmt, boilerplate=self.boilerplate)
        except ArticleDiffError as error:
            self.query_one("#error", Static).update(Content(str(error)))  # a path like [/x] is no markup
            return
        written = Path(path).expanduser().resolve()
        self.memory.format = fmt
        self.memory.folder = written.parent
        self.memory.last_report = written
        self.app.notify(f"Report written to {written} (o opens it)", title="Export", timeout=4, markup=False)
        self.dismiss(str(written))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
