"""The change list: a side panel naming every change, under headings, from the presentation.

The article's changes come first (the ones ``n`` walks and the status counts),
then formatting-only rows, then boilerplate (one dimmed line per region, named
by its one category) and metadata. Choosing a line jumps the panes there;
escape closes the panel.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.layout import Layout, first_words
from tui.present import BoilerplateMode, Presentation, ShownRow, plural

_COLOURS = {
    "modified": "$text-warning",
    "inserted": "$text-success",
    "deleted": "$text-error",
    "moved": "$text-primary",
    "split": "$text-secondary",
    "merged": "$text-secondary",
    "formatting": "$text-muted",
}


LABEL_WIDTH = 40
"""Characters of each change's first words: one line in the panel."""


class ChangeList(OptionList):
    """Every change in reading order under headings; choosing one jumps the panes there."""

    DEFAULT_CSS = """
    ChangeList {
        dock: right;
        width: 40%;
        min-width: 32;
        max-width: 48;
        height: 1fr;
        border: none;
        border-left: tall $primary 50%;
        background: $panel;
        display: none;
    }
    ChangeList:focus { border: none; border-left: tall $primary; }
    ChangeList.-shown { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close list", tooltip="Close the change list", id="close-change-list"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty; options are built the first time the list is shown."""
        super().__init__(id=id)
        self._layout: Layout | None = None
        self._mode: BoilerplateMode = "dim"
        self._built_for: tuple[Layout, BoilerplateMode] | None = None

    def action_close(self) -> None:
        """Close the list and give the focus back to the panes."""
        run = getattr(self.screen, "action_toggle_change_list", None)
        if run is not None:
            run()

    def select_entry(self, entry: int | None) -> None:
        """Highlight the option of layout entry ``entry`` (the current change), else the first change."""
        first = None
        for index, option in enumerate(self.options):
            if option.disabled:
                continue
            first = index if first is None else first
            if entry is not None and option.id == str(entry):
                self.highlighted = index
                return
        if self.highlighted is None and first is not None:
            self.highlighted = first

    def show_layout(self, layout: Layout, cursor: int | None = None, mode: BoilerplateMode = "dim") -> None:
        """Take a new layout; the options are rebuilt now if the list is shown, else when it is."""
        self._layout = layout
        self._mode = mode
        if self.has_class("-shown"):
            self.refresh_options(cursor)

    def refresh_options(self, cursor: int | None = None) -> None:
        """Build the options (an option's id is its layout entry index) and highlight ``cursor``."""
        layout = self._layout
        if layout is None:
            return
        if (layout, self._mode) != self._built_for:
            self._built_for = (layout, self._mode)
            self.clear_options()
            self.add_options(_options(layout, layout.presentation))
        self.select_entry(cursor)


def _heading(text: str) -> Option:
    return Option(Content.styled(text, "bold $text-primary"), disabled=True)


def _line(rr: ShownRow, entry: int, words: str, muted: bool = False) -> Option:
    prompt = Content.assemble(
        (f"{rr.marker} ", f"bold {_COLOURS.get(rr.op, '')}"),
        (f"{rr.location}  ", "dim" if muted else "$text-muted"),
        (first_words(words, LABEL_WIDTH), "dim italic" if muted else ""),
    )
    return Option(prompt, id=str(entry))


def _options(layout: Layout, presentation: Presentation) -> list[Option]:
    sections: list[tuple[str, list[Option]]] = [("Changes", []), ("Formatting only", []), ("Boilerplate", []),
                                                 ("Metadata", [])]
    changes, formatting, boilerplate, metadata = (options for _title, options in sections)
    for rr in presentation.rows:
        entry = layout.entry_for_row(rr.index)
        if entry is None or rr.is_boilerplate:
            continue
        if rr.is_change:
            changes.append(_line(rr, entry, rr.text))
        elif rr.is_metadata and rr.differs:
            metadata.append(_line(rr, entry, f"{rr.badge}, {rr.only_in or 'changed'}", muted=True))
        elif rr.lane == "body" and rr.op != "equal":
            formatting.append(_line(rr, entry, rr.text, muted=True))
    for region in presentation.regions:
        if region.lane != "boilerplate" or not presentation.region_changed(region):
            continue
        changed = [rr for rr in presentation.region_rows(region) if rr.differs]
        entry = layout.entry_for_row(changed[0].index)
        if entry is None:
            continue
        blocks = sum(len(rr.new or rr.old) for rr in changed)
        boilerplate.append(_line(changed[0], entry, f"{region.badge} · {plural(blocks, 'paragraph')}", muted=True))
    out: list[Option] = []
    for title, options in sections:
        if options:
            out.append(_heading(f"{title} ({len(options)})"))
            out.extend(options)
    if not out:
        out.append(_heading("No differences"))
    return out
