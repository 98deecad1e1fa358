"""The diff screen: header, two synchronised panes, the ruler, the change list and the status line.

It owns the view state (layout, current change, search) and every key of the
viewer; the panes only draw what the state says. The layout is recomputed when
the pane width or a view option changes, keeping the same paragraph on top.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from tui.app.layout import Entry, Layout, ViewOptions, first_words
from tui.app.swap import swap_sides
from tui.app.widgets.change_list import ChangeList
from tui.app.widgets.diff_pane import DiffColours, DiffPane, MatchKey, ViewState
from tui.app.widgets.footer import ViewerFooter
from tui.app.widgets.header import ComparisonHeader
from tui.app.widgets.ruler import OverviewRuler
from tui.model import Comparison
from tui.present import BOILERPLATE_MODES, Presentation, boilerplate_mode, present

UNIFIED_BELOW = 100
"""Terminal width under which the view turns unified unless the user chose otherwise."""

CONTEXT_LINES = 2
"""Lines shown above a change the view jumps to."""

NAVIGATE = Binding.Group("Change")
SCROLL = Binding.Group("Scroll")
PAGE = Binding.Group("Page")
ENDS = Binding.Group("Top / bottom")
ANY_CHANGE = Binding.Group("Any change")


class SearchBar(Input):
    """The search field: enter and shift+enter walk the matches, escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "shift+enter", "previous_match", "Previous match", tooltip="Go to the previous match", id="previous-match"
        ),
        Binding(
            "escape", "close", "Close search", tooltip="Close the search and clear the highlights", id="close-search"
        ),
    ]

    def action_previous_match(self) -> None:
        """Go to the previous match (searching first if the query changed)."""
        screen = self.screen
        if isinstance(screen, DiffScreen):
            if self.value.strip() != screen.search_query:
                self.post_message(self.Submitted(self, self.value))
            else:
                screen.step_match(-1)

    def action_close(self) -> None:
        """Close the search."""
        screen = self.screen
        if isinstance(screen, DiffScreen):
            screen.clear_search()


class GotoBar(Input):
    """The go-to-paragraph field: enter jumps, escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close without moving", id="close-goto"),
    ]

    def action_close(self) -> None:
        """Close the field."""
        self.value = ""
        self.remove_class("-shown")
        screen = self.screen
        if isinstance(screen, DiffScreen):
            screen.left.focus()


def parse_paragraph(text: str) -> tuple[str, int] | None:
    """Read "12", "new 12", "old 8", "o8", "¶12" as (side, number); None when it names no paragraph."""
    words = text.replace("¶", " ").lower().split()
    side = "new"
    if words and words[0].rstrip("0123456789") in ("old", "o", "new", "n"):
        head = words[0].rstrip("0123456789")
        side = "old" if head.startswith("o") else "new"
        rest = words[0][len(head) :]
        words = ([rest] if rest else []) + words[1:]
    if len(words) != 1 or not words[0].isdigit():
        return None
    return side, int(words[0])


class DiffScreen(Screen[None]):
    """The main view of a comparison."""

    CSS_PATH = "main.tcss"
    AUTO_FOCUS = "#left"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "next_change",
            "Next",
            tooltip="Next change (edits, moves, additions, removals)",
            id="next-change",
            group=NAVIGATE,
        ),
        Binding("p", "previous_change", "Previous", tooltip="Previous change", id="previous-change", group=NAVIGATE),
        Binding(
            "]",
            "next_any",
            "Next any",
            tooltip="Next change of any kind, formatting and boilerplate too",
            id="next-any-change",
            group=ANY_CHANGE,
        ),
        Binding(
            "[",
            "previous_any",
            "Previous any",
            tooltip="Previous change of any kind",
            id="previous-any-change",
            group=ANY_CHANGE,
        ),
        Binding(
            "j,down",
            "scroll_lines(1)",
            "Down",
            tooltip="Scroll down one line",
            id="scroll-down",
            group=SCROLL,
            show=False,
        ),
        Binding(
            "k,up", "scroll_lines(-1)", "Up", tooltip="Scroll up one line", id="scroll-up", group=SCROLL, show=False
        ),
        Binding(
            "space,pagedown",
            "page(1)",
            "Page down",
            tooltip="Scroll down one page",
            id="page-down",
            group=PAGE,
            show=False,
        ),
        Binding("pageup", "page(-1)", "Page up", tooltip="Scroll up one page", id="page-up", group=PAGE, show=False),
        Binding("g,home", "top", "Top", tooltip="Go to the top", id="top", group=ENDS, show=False),
        Binding("G,end", "bottom", "Bottom", tooltip="Go to the bottom", id="bottom", group=ENDS, show=False),
        Binding("tab", "focus_other", "Other pane", tooltip="Focus the other pane", id="focus-other-pane", show=False),
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Search both sides; enter / shift+enter between matches",
            id="search",
            key_display="/",
        ),
        Binding(
            "b", "cycle_boilerplate", "Boilerplate", tooltip="Boilerplate: dim, hide or show", id="boilerplate"
        ),
        Binding(
            "f",
            "toggle_formatting",
            "Formatting",
            tooltip="Show what differed in formatting-only rows",
            id="formatting",
        ),
        Binding("u", "toggle_fold", "Fold", tooltip="Fold runs of unchanged paragraphs", id="fold-unchanged"),
        Binding(
            "v", "toggle_unified", "Unified", tooltip="Switch between side-by-side and unified views", id="unified"
        ),
        Binding("l", "toggle_change_list", "Changes", tooltip="Show the list of every change", id="change-list"),
        Binding("e", "export", "Export", tooltip="Write a report (HTML, Markdown, JSON, text)", id="export"),
        Binding(
            "o", "open_report", "Open report", tooltip="Open the last written report with the system's opener",
            id="open-report", show=False,
        ),
        Binding(
            "colon", "goto", "Go to ¶", tooltip="Go to a paragraph: 12 (new side), old 8 or new 12", id="go-to",
            key_display=":", show=False,
        ),
        Binding(
            "c", "copy", "Copy", tooltip="Copy the current change (or the top paragraph)",
            id="copy", show=False,
        ),
        Binding("s", "swap", "Swap", tooltip="Swap the old and new sides", id="swap"),
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="help", key_display="?"),
        Binding("q", "quit", "Quit", tooltip="Leave the viewer", id="quit"),
    ]

    def __init__(
        self, comparison: Comparison | Presentation, *, boilerplate: str = "dim", unified: bool | None = None
    ) -> None:
        """Show ``comparison`` (or one already presented); ``unified`` None means: unified when the terminal is
        narrow."""
        super().__init__()
        self.presentation = comparison if isinstance(comparison, Presentation) else present(comparison)
        """What every drawing shows of the comparison (tui.present): the header, the layout, the status and the
        change list draw from it."""
        self.comparison = self.presentation.comparison
        """The comparison on screen (swapped when the user swapped sides)."""
        self.options = ViewOptions(boilerplate=boilerplate_mode(boilerplate), unified=bool(unified))
        """What the user chose to see."""
        self.forced_unified = unified
        """The user's explicit choice of view, or None to follow the width."""
        self.state = ViewState()
        """The layout and marks both panes draw."""
        self.search_query = ""
        """The last search."""
        self._match_list: list[tuple[int, int, int, int, int]] = []
        self._match_index = -1
        # The panes are kept, not queried: the screen's own mount handler needs them even when the app is
        # closing and the DOM is being taken down around it.
        colours = DiffColours()
        self._panes = (DiffPane(self.state, 0, colours, id="left"), DiffPane(self.state, 1, colours, id="right"))

    # -- composition ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, panes with ruler, search bar, status line, footer."""
        yield ComparisonHeader(self.presentation, id="header")
        with Horizontal(id="body"):
            yield from self._panes
            yield self._panes[0].colours
            yield OverviewRuler(id="ruler")
            yield ChangeList(id="changes")
        yield SearchBar(
            placeholder="Search both sides: enter for next, shift+enter for previous, escape to close", id="search"
        )
        yield GotoBar(placeholder="Go to paragraph: 12 (new side), old 8 or new 12; escape to close", id="goto")
        yield Static(id="status")
        yield ViewerFooter()

    @property
    def left(self) -> DiffPane:
        """The old side (or the whole unified view)."""
        return self._panes[0]

    @property
    def right(self) -> DiffPane:
        """The new side."""
        return self._panes[1]

    @property
    def diff_layout(self) -> Layout | None:
        """The current layout (None until the panes have a width)."""
        return self.state.layout

    def on_mount(self) -> None:
        """Link the panes."""
        self.left.partner = self.right
        self.right.partner = self.left
        # The first layout waits for the panes' first resize (their width), which comes before the first paint.
        self._apply_view_mode(relayout=False)

    # -- layout --------------------------------------------------------------------------

    def _auto_unified(self) -> bool:
        if self.forced_unified is not None:
            return self.forced_unified
        return self.app.size.width < UNIFIED_BELOW

    def _apply_view_mode(self, *, relayout: bool = True) -> None:
        unified = self._auto_unified()
        if unified != self.options.unified:
            self.options = replace(self.options, unified=unified)
        self.right.display = not unified
        self.set_class(unified, "-unified")
        if relayout:
            self.call_after_refresh(self.relayout)

    def on_resize(self) -> None:
        """Follow the terminal width into or out of the unified view."""
        if self._auto_unified() != self.options.unified:
            self._apply_view_mode()

    @on(DiffPane.WidthChanged)
    def _width_changed(self) -> None:
        self.relayout()

    def relayout(self) -> None:
        """Recompute the layout for the current widths and options, keeping the same place on top."""
        gutter = Layout.gutter_width(self.comparison, unified=self.options.unified) + 1
        left_width = self.left.text_region_width
        if left_width <= gutter:
            return
        if self.options.unified:
            widths: tuple[int, ...] = (left_width - gutter,)
        else:
            right_width = self.right.text_region_width
            if right_width <= gutter:
                return
            widths = (left_width - gutter, right_width - gutter)
        old = self.state.layout
        if (
            old is not None
            and old.widths == widths
            and old.options == self.options
            and old.comparison is self.comparison
        ):
            return
        anchor = self._anchor()
        cursor_row = self._cursor_row()
        layout = Layout(self.presentation, widths, self.options)
        self.state.layout = layout
        # The comparison and the layout live as long as the screen: keep the collector from rescanning
        # them on every collection, which made page-downs stall at tens of thousands of paragraphs.
        gc.freeze()
        self.state.cursor = layout.entry_for_row(cursor_row) if cursor_row is not None else None
        if self.search_query:
            self._find(self.search_query, keep_index=True)
        for pane in (self.left, self.right):
            pane.layout_changed()
        self.query_one(ChangeList).show_layout(layout, self.state.cursor, self.options.boilerplate)
        self.query_one(OverviewRuler).update_layout(layout)
        if anchor is not None:
            row, offset = anchor
            index = layout.entry_for_row(row)
            if index is not None:
                entry = layout.entries[index]
                self.scroll_panes_to(entry.y + min(offset, entry.height - 1))
        self._update_status()
        if old is None:
            self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        gc.freeze()  # what the first paint built (styles, caches) stays too
        painted = getattr(self.app, "first_screen_painted", None)
        if painted is not None:
            painted()

    def _anchor(self) -> tuple[int, int] | None:
        """The comparison row at the top of the view and the line within it."""
        layout = self.state.layout
        if layout is None:
            return None
        top = round(self.left.scroll_y)
        for index in range(layout.entry_at(top), len(layout.entries)):
            entry = layout.entries[index]
            if entry.row is not None:
                return entry.row, max(0, top - entry.y)
        return None

    def _cursor_row(self) -> int | None:
        layout = self.state.layout
        if layout is None or self.state.cursor is None:
            return None
        return layout.entries[self.state.cursor].row

    # -- scrolling -----------------------------------------------------------------------

    def scroll_panes_to(self, y: int) -> None:
        """Scroll both panes to line ``y``."""
        for pane in (self.left, self.right):
            pane.scroll_to(y=max(0, y), animate=False, immediate=True)
        self._update_status()

    @property
    def _view_height(self) -> int:
        return max(1, self.left.scrollable_content_region.height)

    def action_scroll_lines(self, lines: int) -> None:
        """Scroll both panes by ``lines``."""
        self.scroll_panes_to(round(self.left.scroll_y) + lines)

    def action_page(self, pages: int) -> None:
        """Scroll both panes by whole pages."""
        self.scroll_panes_to(round(self.left.scroll_y) + pages * max(1, self._view_height - 1))

    def action_top(self) -> None:
        """Go to the start of the document."""
        self.scroll_panes_to(0)

    def action_bottom(self) -> None:
        """Go to the end of the document."""
        layout = self.state.layout
        self.scroll_panes_to(layout.height if layout is not None else 0)

    def action_focus_other(self) -> None:
        """Move the focus to the other pane."""
        if self.options.unified:
            self.left.focus()
        elif self.focused is self.left:
            self.right.focus()
        else:
            self.left.focus()

    @on(DiffPane.Scrolled)
    def _pane_scrolled(self) -> None:
        self._update_status()

    @on(OverviewRuler.Jump)
    def _ruler_jump(self, event: OverviewRuler.Jump) -> None:
        layout = self.state.layout
        if layout is not None:
            self.scroll_panes_to(round(event.fraction * layout.height - self._view_height / 2))

    # -- changes -------------------------------------------------------------------------

    def _stops(self, any_kind: bool) -> list[int]:
        layout = self.state.layout
        if layout is None:
            return []
        return layout.stop_entries(self.presentation.any_stops()) if any_kind else layout.change_stops()

    def _cursor_on_screen(self) -> bool:
        layout = self.state.layout
        cursor = self.state.cursor
        if layout is None or cursor is None:
            return False
        top = round(self.left.scroll_y)
        entry = layout.entries[cursor]
        return entry.y < top + self._view_height and entry.y + entry.height > top

    def _step(self, direction: int, *, any_kind: bool) -> None:
        """Go to the next or previous stop: from the current change when on screen, else from the view's top."""
        stops = self._stops(any_kind)
        layout = self.state.layout
        if not stops or layout is None:
            self.notify("No changes to go to.", severity="information", timeout=2)
            return
        target: int | None
        if self._cursor_on_screen():
            cursor = self.state.cursor
            assert cursor is not None
            if direction > 0:
                target = next((i for i in stops if i > cursor), None)
            else:
                target = next((i for i in reversed(stops) if i < cursor), None)
        else:
            top = round(self.left.scroll_y)
            if direction > 0:
                target = next((i for i in stops if layout.entries[i].y >= top), None)
            else:
                target = next((i for i in reversed(stops) if layout.entries[i].y < top), None)
        if target is None:
            self.notify("No more changes this way.", timeout=2)
            return
        self.go_to_entry(target)

    def go_to_entry(self, index: int) -> None:
        """Make entry ``index`` the current change and scroll it near the top."""
        layout = self.state.layout
        if layout is None:
            return
        self.state.cursor = index
        for pane in (self.left, self.right):
            pane.marks_changed()
        self.scroll_panes_to(layout.entries[index].y - CONTEXT_LINES)

    def action_next_change(self) -> None:
        """Go to the next change (formatting and boilerplate only when shown)."""
        self._step(1, any_kind=False)

    def action_previous_change(self) -> None:
        """Go to the previous change."""
        self._step(-1, any_kind=False)

    def action_next_any(self) -> None:
        """Go to the next change of any kind."""
        self._step(1, any_kind=True)

    def action_previous_any(self) -> None:
        """Go to the previous change of any kind."""
        self._step(-1, any_kind=True)

    @on(OptionList.OptionSelected, "#changes")
    def _change_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.go_to_entry(int(event.option.id))

    # -- toggles -------------------------------------------------------------------------

    def _set_options(self, **changes: object) -> None:
        self.options = replace(self.options, **changes)  # type: ignore[arg-type]
        self.relayout()

    def action_cycle_boilerplate(self) -> None:
        """Boilerplate: dimmed, then hidden, then shown."""
        modes = BOILERPLATE_MODES
        mode = modes[(modes.index(self.options.boilerplate) + 1) % len(modes)]
        self._set_options(boilerplate=mode)
        self.notify(f"Boilerplate: {mode} (b cycles {', '.join(modes)}).", timeout=2)

    def action_toggle_formatting(self) -> None:
        """Reveal or hide what differed in formatting-only rows."""
        self._set_options(show_formatting=not self.options.show_formatting)
        self.notify("Formatting differences " + ("shown." if self.options.show_formatting else "hidden."), timeout=2)

    def action_toggle_fold(self) -> None:
        """Fold or unfold runs of unchanged paragraphs."""
        self._set_options(fold_unchanged=not self.options.fold_unchanged)

    def action_toggle_unified(self) -> None:
        """Switch between the side-by-side and the unified view."""
        self.forced_unified = not self.options.unified
        self._apply_view_mode()

    def action_toggle_change_list(self) -> None:
        """Show or hide the change list (focused while shown)."""
        changes = self.query_one(ChangeList)
        changes.toggle_class("-shown")
        if changes.has_class("-shown"):
            changes.refresh_options(self.state.cursor)
            changes.focus()
        else:
            self.left.focus()

    def action_swap(self) -> None:
        """Swap the sides: the new version on the left."""
        self.comparison = swap_sides(self.comparison)
        self.presentation = present(self.comparison)
        self.state.cursor = None
        self.query_one(ComparisonHeader).show(self.presentation)
        self.state.layout = None
        self.relayout()
        self.notify("Sides swapped.", timeout=2)

    def action_export(self) -> None:
        """Open the export dialog."""
        from tui.app.screens.export import ExportScreen

        memory = getattr(self.app, "export_memory", None)
        self.app.push_screen(ExportScreen(self.comparison, boilerplate=self.options.boilerplate, memory=memory))

    def action_open_report(self) -> None:
        """Open the last written report with the system's opener (xdg-open, open or the Windows shell)."""
        from tui.app.opener import open_file

        memory = getattr(self.app, "export_memory", None)
        report = memory.last_report if memory is not None else None
        if report is None:
            self.notify("No report written yet: press e to write one, then o to open it.", timeout=4)
            return
        problem = open_file(report)
        if problem:
            self.notify(problem, severity="warning", timeout=5, markup=False)
        else:
            self.notify(f"Opening {report}", timeout=3, markup=False)

    def action_goto(self) -> None:
        """Ask for a paragraph number and go there."""
        goto = self.query_one("#goto", GotoBar)
        goto.add_class("-shown")
        goto.focus()

    @on(Input.Submitted, "#goto")
    def _goto_submitted(self, event: Input.Submitted) -> None:
        wanted = parse_paragraph(event.value)
        goto = self.query_one("#goto", GotoBar)
        if wanted is None:
            self.notify("Give a paragraph number: 12, old 8 or new 12.", severity="warning", timeout=3)
            return
        side, number = wanted
        layout = self.state.layout
        for rr in self.presentation.rows:
            blocks = rr.old if side == "old" else rr.new
            if layout is not None and any(sb.number == number for sb in blocks):
                entry = layout.entry_for_row(rr.index)
                if entry is not None:
                    goto.action_close()
                    self.go_to_entry(entry)
                    return
        self.notify(f"There is no {side} ¶{number}.", severity="warning", timeout=3)

    def action_copy(self) -> None:
        """Copy the current change, or the paragraph at the top, to the clipboard (the terminal's OSC 52)."""
        layout = self.state.layout
        if layout is None:
            return
        index = self.state.cursor if self._cursor_on_screen() else None
        entry = layout.entries[index] if index is not None else _top_entry(layout, round(self.left.scroll_y))
        if entry is None or entry.row is None:
            self.notify("Nothing to copy here.", timeout=2)
            return
        rr = self.presentation.rows[entry.row]
        old = "\n\n".join(sb.block.plain for sb in rr.old)
        new = "\n\n".join(sb.block.plain for sb in rr.new)
        both = old and new and old != new
        text = f"{rr.location}\n\nold:\n{old}\n\nnew:\n{new}\n" if both else (new or old) + "\n"
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {rr.location} (through the terminal's clipboard sequence, OSC 52).", timeout=3)

    def action_help(self) -> None:
        """Show every key."""
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.BINDINGS))

    async def action_quit(self) -> None:
        """Leave the viewer."""
        self.app.exit()

    # -- search --------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar."""
        search = self.query_one("#search", SearchBar)
        search.add_class("-shown")
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            return
        if query != self.search_query:
            self._find(query)
            if not self._match_list:
                self.notify(f"No match for {query!r}.", severity="warning", timeout=3, markup=False)
                self._update_status()
                return
            self._match_index = -1
        self.step_match(1)

    def _find(self, query: str, *, keep_index: bool = False) -> None:
        """Find every match of ``query`` (ignoring case) in the text on screen."""
        layout = self.state.layout
        self.search_query = query
        previous = self._match_index
        self._match_list = []
        matches: dict[MatchKey, list[tuple[int, int]]] = {}
        if layout is not None:
            needle = query.casefold()
            for entry_index, entry in enumerate(layout.entries):
                for column_index, column in enumerate(entry.columns):
                    for panel_index, panel in enumerate(column):
                        haystack = panel.text.lower()
                        if len(haystack) != len(panel.text):  # lower() moved offsets: match exactly instead
                            haystack = panel.text
                        start = haystack.find(needle)
                        while start >= 0:
                            end = start + len(needle)
                            matches.setdefault((entry_index, column_index, panel_index), []).append((start, end))
                            self._match_list.append((entry_index, column_index, panel_index, start, end))
                            start = haystack.find(needle, end)
        self.state.matches = matches
        self._match_index = min(previous, len(self._match_list) - 1) if keep_index else -1
        self.state.current_match = None
        if keep_index and self._match_index >= 0:
            found = self._match_list[self._match_index]
            self.state.current_match = found[:4]

    def step_match(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) search match."""
        if not self._match_list or self.state.layout is None:
            return
        self._match_index = (self._match_index + direction) % len(self._match_list)
        entry_index, column, panel_index, start, _end = self._match_list[self._match_index]
        self.state.current_match = (entry_index, column, panel_index, start)
        entry = self.state.layout.entries[entry_index]
        line = entry.y
        for panel in entry.columns[column][:panel_index]:
            line += panel.height
        panel = entry.columns[column][panel_index]
        line += next((i for i, (a, b) in enumerate(panel.lines) if a <= start <= b), 0)
        top = round(self.left.scroll_y)
        if not top <= line < top + self._view_height:
            self.scroll_panes_to(line - self._view_height // 3)
        for pane in (self.left, self.right):
            pane.marks_changed()
        self._update_status()

    def clear_search(self) -> None:
        """Close the search bar and remove the highlights."""
        search = self.query_one("#search", SearchBar)
        search.remove_class("-shown")
        search.value = ""
        self.search_query = ""
        self._match_list = []
        self.state.matches = {}
        self.state.current_match = None
        for pane in (self.left, self.right):
            pane.marks_changed()
        self.left.focus()
        self._update_status()

    # -- status --------------------------------------------------------------------------

    def _update_status(self) -> None:
        layout = self.state.layout
        if layout is None or not self.is_mounted:
            return
        top = round(self.left.scroll_y)
        self.query_one(OverviewRuler).update_view(top, self._view_height)
        parts = []
        stops = self._stops(any_kind=False)
        cursor = self.state.cursor
        current = layout.entries[cursor] if cursor is not None else None
        if cursor is not None and cursor in stops:
            parts.append(f"change {stops.index(cursor) + 1} of {len(stops)}")
        else:
            parts.append(f"{len(stops)} changes" if len(stops) != 1 else "1 change")
        if current is not None and current.row is not None and self._cursor_on_screen():
            # The current change's own paragraphs, on the side they belong to.
            parts.append(self.presentation.rows[current.row].location)
        else:
            entry = _top_entry(layout, top)
            if entry is not None and entry.new_number is not None:
                parts.append(f"new ¶{entry.new_number} of {len(self.comparison.new.blocks)}")
            elif entry is not None and entry.old_number is not None:
                parts.append(f"old ¶{entry.old_number} of {len(self.comparison.old.blocks)}")
        parts.append(f"boilerplate: {self.options.boilerplate}")
        if self.options.show_formatting:
            parts.append("formatting shown")
        if self.options.fold_unchanged:
            parts.append("unchanged folded")
        parts.append("unified" if self.options.unified else "side by side")
        if self.search_query:
            count = len(self._match_list)
            where = f"{self._match_index + 1} of {count}" if self._match_index >= 0 else f"{count}"
            parts.append(f"“{first_words(self.search_query, 20)}”: match {where}" if count else "no match")
        self.query_one("#status", Static).update(Content(" · ".join(parts)))


def _top_entry(layout: Layout, top: int) -> Entry | None:
    index = layout.entry_at(top)
    for entry in layout.entries[index : index + 20]:
        if entry.kind == "row":
            return entry
    return None
