"""The change list: a side panel naming every change with its first words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.layout import MARKERS, Layout, first_words, is_any_change

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
        border-left: tall $primary 50%;
        background: $panel;
        display: none;
    }
    ChangeList.-shown { display: block; }
    """

    def select_entry(self, entry: int | None) -> None:
        """Highlight the option of layout entry ``entry`` (the current change)."""
        if entry is None:
            return
        for index, option in enumerate(self.options):
            if option.id == str(entry):
                self.highlighted = index
                return

    def show_layout(self, layout: Layout) -> None:
        """List the changes of ``layout``; each option's id is its entry index."""
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
