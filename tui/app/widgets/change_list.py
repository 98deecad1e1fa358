"""The change list: a side panel naming every change with its first words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.layout import Layout, first_words, is_any_change
from tui.model import MARKERS

_COLOURS = {
    "modified": "$text-warning",
    "inserted": "$text-success",
    "deleted": "$text-error",
    "moved": "$text-primary",
    "split": "$text-secondary",
    "merged": "$text-secondary",
    "formatting": "$text-muted",
}


LABEL_WIDTH = 28
"""Characters of each change's first words: one line in the panel."""


class ChangeList(OptionList):
    """Every change in reading order; choosing one jumps the panes there."""

    DEFAULT_CSS = """
    ChangeList {
        dock: right;
        width: 44;
        height: 1fr;
        border: none;
        border-left: tall $primary 50%;
        background: $panel;
        display: none;
    }
    ChangeList:focus { border: none; border-left: tall $primary; }
    ChangeList.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty; options are built the first time the list is shown."""
        super().__init__(id=id)
        self._layout: Layout | None = None
        self._built_for: Layout | None = None

    def select_entry(self, entry: int | None) -> None:
        """Highlight the option of layout entry ``entry`` (the current change), else the first option."""
        for index, option in enumerate(self.options):
            if entry is not None and option.id == str(entry):
                self.highlighted = index
                return
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def show_layout(self, layout: Layout, cursor: int | None = None) -> None:
        """Take a new layout; the options are rebuilt now if the list is shown, else when it is."""
        self._layout = layout
        if self.has_class("-shown"):
            self.refresh_options(cursor)

    def refresh_options(self, cursor: int | None = None) -> None:
        """Build one option per change (its id is the layout entry index) and highlight ``cursor``."""
        layout = self._layout
        if layout is None:
            return
        if layout is not self._built_for:
            self._built_for = layout
            self._build(layout)
        self.select_entry(cursor)

    def _build(self, layout: Layout) -> None:
        options = []
        for index, entry in enumerate(layout.entries):
            if not is_any_change(entry):
                continue
            marker = MARKERS.get(entry.op, "?")
            number = entry.new_number or entry.old_number or 0
            prompt = Content.assemble(
                (f"{marker} ", f"bold {_COLOURS.get(entry.op, '')}"),
                (f"¶{number:<4} ", "$text-muted"),
                (first_words(entry.label, LABEL_WIDTH), "$text-muted" if entry.lane == "boilerplate" else ""),
            )
            options.append(Option(prompt, id=str(index)))
        self.clear_options()
        self.add_options(options)
