"""The diff screen of a history: the version strip over the pair on screen, keys to walk and pick pairs.

``>`` and ``<`` step to the next and previous pair, ``}`` and ``{`` jump to the next and previous step
where the body changed (quiet steps skipped), ``V`` asks for any two versions, ``h`` shows the history of
the paragraph in view: each version's text and the word changes between them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.screens.main import DiffScreen, _top_entry
from tui.app.widgets.version_strip import VersionStrip
from tui.history.model import History, Paragraph
from tui.history.timeline import StepView, version_name
from tui.model import Comparison, Document
from tui.present import Presentation
from tui.safe_text import safe_text

HISTORY = Binding.Group("History")


def document_of(history: History, version: int) -> Document:
    """Version ``version``'s document as its comparisons classified it (the step into it, or the first)."""
    return history.comparisons[version - 1].new if version else history.comparisons[0].old


def parse_pair(text: str, versions: int) -> tuple[int, int] | None:
    """Read "2 7", "v2 v7" or "2-7" as two version indexes, older first; None when they name no pair."""
    words = text.replace("-", " ").replace(",", " ").replace("v", " ").split()
    if len(words) != 2 or not all(w.isdigit() for w in words):
        return None
    a, b = sorted(int(w) - 1 for w in words)
    if a == b or a < 0 or b >= versions:
        return None
    return a, b


def lineage_text(history: History, paragraph: Paragraph) -> Text:
    """A paragraph's life: where it came from, its text in each version it changed in, how it left."""
    out = Text()
    if paragraph.sources:
        how = "split from" if paragraph.origin == "split" else "merged from"
        out.append(f"{how} {len(paragraph.sources)} earlier paragraph(s) in {version_name(paragraph.appeared)}\n\n",
                   style="italic")
    previous = None
    for stop in paragraph.stops:
        version = history.versions[stop.version]
        text = document_of(history, stop.version).blocks[stop.block].plain
        head = f"{version_name(stop.version)} · {version.label}"
        if previous is None:
            out.append(f"{head} · {stop.op if stop.op != 'first' else 'first version'}\n", style="bold")
            out.append(safe_text(text) + "\n\n")
        elif stop.changed:
            out.append(f"{head} · {stop.op}\n", style="bold")
            row = next(
                (r for r in history.comparisons[stop.version - 1].rows if stop.block in r.new and previous in r.old),
                None,
            )
            if row is not None and row.spans is not None:
                for span in row.spans:
                    style = {"delete": "strike red", "insert": "underline green"}.get(span.op, "")
                    out.append(safe_text(span.text), style=style)
                out.append("\n\n")
            else:
                out.append(safe_text(text) + "\n\n")
        else:
            out.append(f"{head} · {stop.op}: no change to its words\n", style="dim")
        previous = stop.block
    last = paragraph.stops[-1].version
    if paragraph.end == "deleted":
        out.append(f"removed in {version_name(last + 1)}\n", style="bold red")
    elif paragraph.end is not None:
        out.append(f"{paragraph.end} in {version_name(last + 1)}\n", style="bold")
    else:
        out.append(f"still there in {version_name(len(history.versions) - 1)}\n", style="dim")
    return out


class LineageScreen(ModalScreen[None]):
    """One paragraph's history across the versions; escape or h closes it."""

    DEFAULT_CSS = """
    LineageScreen { align: center middle; }
    LineageScreen > VerticalScroll {
        width: 90%; height: 85%; border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h,q", "dismiss", "Close", tooltip="Close the paragraph's history", id="close-lineage"),
    ]

    def __init__(self, title: str, body: Text) -> None:
        """Show ``body`` under ``title``."""
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        """The paragraph's history, scrollable."""
        with VerticalScroll() as scroll:
            scroll.border_title = self.title_text
            yield Static(self.body, id="lineage")


class PairBar(Input):
    """The field that asks for two versions: enter compares them, escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close without changing the pair", id="close-pair"),
    ]

    def action_close(self) -> None:
        """Close the field."""
        self.value = ""
        self.remove_class("-shown")
        self.screen.query_one("#left").focus()


class HistoryScreen(DiffScreen):
    """A pair of a history's versions, with the version strip and the keys that walk the history."""

    DEFAULT_CSS = """
    HistoryScreen #pair { display: none; height: 1; border: none; padding: 0 1; background: $boost; }
    HistoryScreen #pair.-shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *DiffScreen.BINDINGS,
        Binding("greater_than_sign", "step(1)", "Next pair", tooltip="Show the next pair of versions",
                id="next-pair", key_display=">", group=HISTORY),
        Binding("less_than_sign", "step(-1)", "Previous pair", tooltip="Show the previous pair of versions",
                id="previous-pair", key_display="<", group=HISTORY),
        Binding("right_curly_bracket", "loud(1)", "Next story change",
                tooltip="Jump to the next step where the article's body changed (quiet steps skipped)",
                id="next-story-change", key_display="}", show=False),
        Binding("left_curly_bracket", "loud(-1)", "Previous story change",
                tooltip="Jump to the previous step where the article's body changed", id="previous-story-change",
                key_display="{", show=False),
        Binding("V", "pick_pair", "Pick versions", tooltip="Compare any two versions: 2 7", id="pick-versions"),
        Binding("h", "lineage", "¶ history",
                tooltip="The history of the paragraph in view: its text in each version and the word changes",
                id="paragraph-history"),
    ]

    def __init__(
        self,
        history: History,
        steps: list[StepView],
        pair: tuple[int, int],
        comparison: Comparison | Presentation,
        *,
        boilerplate: str = "dim",
        unified: bool | None = None,
    ) -> None:
        """Show versions ``pair`` of ``history`` through ``comparison`` (a step's is already presented)."""
        super().__init__(comparison, boilerplate=boilerplate, unified=unified)
        self.history = history
        self.steps = steps
        self.pair = pair
        """The versions on screen: (older, newer) indexes."""

    def compose(self) -> ComposeResult:
        """The version strip, then the diff screen, then the field that asks for two versions."""
        yield VersionStrip(self.history, self.steps, self.pair, id="strip")
        yield from super().compose()
        yield PairBar(placeholder="Compare versions: two numbers, like 2 7; escape to close", id="pair")

    def _show_pair(self, pair: tuple[int, int]) -> None:
        show = getattr(self.app, "show_pair", None)
        if show is not None:
            show(pair, boilerplate=self.options.boilerplate, unified=self.forced_unified)

    def action_step(self, direction: int) -> None:
        """Show the next (1) or previous (-1) pair of consecutive versions."""
        older, newer = self.pair
        count = len(self.history.versions)
        target = (newer, newer + 1) if direction > 0 else (older - 1, older)
        if target[0] < 0 or target[1] >= count:
            self.notify("That is the " + ("last" if direction > 0 else "first") + " pair.", timeout=2)
            return
        self._show_pair(target)

    def action_loud(self, direction: int) -> None:
        """Jump to the next or previous step where the body changed."""
        older, newer = self.pair
        if direction > 0:
            found = next((s.index for s in self.steps[newer:] if s.loud), None)
        else:
            found = next((s.index for s in reversed(self.steps[:older]) if s.loud), None)
        if found is None:
            self.notify("No " + ("later" if direction > 0 else "earlier") + " step changed the body.", timeout=2)
            return
        self._show_pair((found, found + 1))

    def action_pick_pair(self) -> None:
        """Ask for two versions to compare."""
        bar = self.query_one("#pair", PairBar)
        bar.add_class("-shown")
        bar.focus()

    @on(Input.Submitted, "#pair")
    def _pair_submitted(self, event: Input.Submitted) -> None:
        pair = parse_pair(event.value, len(self.history.versions))
        if pair is None:
            self.notify(f"Give two version numbers from 1 to {len(self.history.versions)}: 2 7.",
                        severity="warning", timeout=3, markup=False)
            return
        self.query_one("#pair", PairBar).action_close()
        self._show_pair(pair)

    def paragraph_in_view(self) -> tuple[int, int] | None:
        """(version, block) of the paragraph at the current change, or at the top: the newer side first."""
        layout = self.state.layout
        if layout is None:
            return None
        index = self.state.cursor if self._cursor_on_screen() else None
        entry = layout.entries[index] if index is not None else _top_entry(layout, round(self.left.scroll_y))
        if entry is None or entry.row is None:
            return None
        row = self.comparison.rows[entry.row]
        if row.new:
            return self.pair[1], row.new[0]
        return self.pair[0], row.old[0]

    def action_lineage(self) -> None:
        """Show the history of the paragraph in view."""
        found = self.paragraph_in_view()
        if found is None:
            self.notify("No paragraph here.", timeout=2)
            return
        version, block = found
        paragraph = next(
            (p for p in self.history.lineage if any(s.version == version and s.block == block for s in p.stops)),
            None,
        )
        if paragraph is None:  # pragma: no cover - every block of every version has a lineage
            return
        title = f"¶{block + 1} of {version_name(version)}: its history"
        self.app.push_screen(LineageScreen(title, lineage_text(self.history, paragraph)))
