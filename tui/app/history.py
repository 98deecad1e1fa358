"""The viewer on a history: the pair on screen changes, the app and its exit status stay.

Consecutive pairs come from the history itself; any other pair is compared once, when picked, from the
versions already read, and kept.
"""

from __future__ import annotations

import sys

from tui.app.app import ArticleDiffApp
from tui.app.palette import Palette
from tui.app.screens.history import HistoryScreen
from tui.compare import compare_documents
from tui.errors import ExitStatus
from tui.history.model import History
from tui.history.timeline import describe_steps
from tui.model import Comparison


def first_pair(history: History) -> tuple[int, int]:
    """The pair to open on: the first step where the body changed (or may have), else the last step."""
    loud = history.summary.body_may_have_changed_in
    step = loud[0] if loud else len(history.comparisons) - 1
    return step, step + 1


class HistoryApp(ArticleDiffApp):
    """The viewer, walking a history's pairs."""

    def __init__(
        self,
        history: History,
        *,
        pair: tuple[int, int] | None = None,
        boilerplate: str = "dim",
        unified: bool | None = None,
        palette: Palette | None = None,
    ) -> None:
        """Open ``history`` on ``pair`` (by default the first step that changed the body)."""
        self.history = history
        self.steps = describe_steps(history)
        self.pair = pair or first_pair(history)
        """The versions on screen: (older, newer) indexes."""
        self._pairs: dict[tuple[int, int], Comparison] = {}
        super().__init__(
            comparison=self.comparison_for(self.pair), boilerplate=boilerplate, unified=unified, palette=palette
        )

    def comparison_for(self, pair: tuple[int, int]) -> Comparison:
        """The comparison of two versions: the history's own step, or one made now and kept."""
        older, newer = pair
        if newer == older + 1:
            return self.history.comparisons[older]
        if pair not in self._pairs:
            options = self.history.comparisons[0].options
            self._pairs[pair] = compare_documents(
                self.history.versions[older].document, self.history.versions[newer].document, options
            )
        return self._pairs[pair]

    def _show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        summary = self.history.summary
        self.result_status = int(ExitStatus.CHANGED if summary.body_may_have_changed else ExitStatus.SAME)
        older, newer = self.pair
        # A step of the history was presented when the steps were described: draw that one, not a second.
        shown = self.steps[older].presentation if newer == older + 1 else comparison
        screen = HistoryScreen(
            self.history, self.steps, self.pair, shown, boilerplate=self.boilerplate, unified=self.unified
        )
        if self.diff_screen is not None:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_pair(self, pair: tuple[int, int], *, boilerplate: str = "dim", unified: bool | None = None) -> None:
        """Show versions ``pair``, keeping the view choices the user made."""
        self.pair = pair
        self.boilerplate = boilerplate
        self.unified = unified
        self._show(self.comparison_for(pair))


def run_history_viewer(history: History, *, boilerplate: str = "dim", unified: bool | None = None) -> int:
    """Run the viewer on ``history`` until the user quits; the exit status is the history's."""
    app = HistoryApp(history, boilerplate=boilerplate, unified=unified)
    app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return int(ExitStatus.TROUBLE)
    return app.result_status
