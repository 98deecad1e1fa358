"""The version strip: every version of a history in one line, the pair on screen highlighted.

Each version is its number and the mark of the step into it (● the body changed, ◐ it may have, · quiet),
so the eye goes to the versions where the story changed; quiet ones are drawn dim. A second line names the
two versions on screen (label and time) and what the step between them did. With more versions than fit,
the strip shows a window around the pair.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from tui.history.model import History
from tui.history.timeline import StepView, version_name
from tui.safe_text import safe_line


def _cell(index: int, steps: list[StepView], pair: tuple[int, int]) -> tuple[str, str]:
    """One version's text in the strip and its style."""
    step = steps[index - 1] if index else None
    mark = step.mark if step else "○"
    text = f" {mark}{index + 1} "
    older, newer = pair
    if index in (older, newer):
        return text, "reverse bold"
    if older < index < newer:
        return text, "underline"
    if step is None or step.kind == "quiet":
        return text, "dim"
    return text, "bold $warning" if step.kind == "changed" else "$warning"


class VersionStrip(Static):
    """Every version of the history, the pair on screen highlighted; quiet steps dim."""

    DEFAULT_CSS = """
    VersionStrip {
        height: 2;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, history: History, steps: list[StepView], pair: tuple[int, int], **kwargs: object) -> None:
        """Draw ``history``'s versions with ``pair`` (older, newer) highlighted."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history = history
        self.steps = steps
        self.pair = pair
        """The versions on screen: (older, newer) indexes."""

    def on_resize(self) -> None:
        """Redraw the window for the new width."""
        self.refresh_strip()

    def on_mount(self) -> None:
        """Draw the strip."""
        self.refresh_strip()

    def _window(self, width: int) -> range:
        cells = [cell_len(_cell(i, self.steps, self.pair)[0]) for i in range(len(self.history.versions))]
        if sum(cells) <= width:
            return range(len(cells))
        start = end = self.pair[1]
        used = cells[start]
        while True:
            grown = False
            for candidate in (start - 1, end + 1):
                if 0 <= candidate < len(cells) and used + cells[candidate] + 2 <= width:
                    used += cells[candidate]
                    start, end = min(start, candidate), max(end, candidate)
                    grown = True
            if not grown:
                return range(start, end + 1)

    def strip_text(self, width: int) -> Content:
        """The two lines of the strip for ``width`` cells."""
        window = self._window(max(10, width))
        pieces: list[tuple[str, str] | str] = []
        if window.start > 0:
            pieces.append(("…", "dim"))
        pieces += [_cell(i, self.steps, self.pair) for i in window]
        if window.stop < len(self.history.versions):
            pieces.append(("…", "dim"))
        older, newer = self.pair
        first, second = self.history.versions[older], self.history.versions[newer]
        if newer == older + 1:
            what = self.steps[older].gist
        else:
            loud = sum(1 for step in self.steps[older:newer] if step.loud)
            what = f"{newer - older} steps, {loud} changed the body"
        line = (
            f"{version_name(older)} {safe_line(first.label)} → {version_name(newer)} {safe_line(second.label)}"
            f" · {what}"
        )
        return Content.assemble(*pieces, "\n", (line, "bold"))

    def refresh_strip(self) -> None:
        """Redraw for the current width."""
        self.update(self.strip_text(self.size.width - 2 if self.size.width else 80))
