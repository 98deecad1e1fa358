"""The viewer application: run the comparison in a worker, then show the diff screen.

The heavy comparison runs in a thread so the terminal answers at once; a
progress indicator appears only when it takes longer than a moment. Errors the
user can act on end the app with exit status 2 and one line for stderr.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.app import App
from textual.worker import Worker, WorkerState

from tui.app.commands import ViewerCommands
from tui.app.palette import Palette, use_palette
from tui.app.screens.export import ExportMemory
from tui.app.screens.loading import LoadingScreen
from tui.app.screens.main import DiffScreen
from tui.errors import ArticleDiffError, ExitStatus
from tui.model import Comparison


class ArticleDiffApp(App[int]):
    """Side-by-side article diff viewer."""

    TITLE = "article-diff"
    CSS_PATH = "palette.tcss"
    COMMANDS = App.COMMANDS | {ViewerCommands}

    def __init__(
        self,
        comparison_factory: Callable[[], Comparison] | None = None,
        *,
        comparison: Comparison | None = None,
        title_hint: str | None = None,
        boilerplate: str = "dim",
        unified: bool | None = None,
        palette: Palette | None = None,
    ) -> None:
        """Show ``comparison``, or the result of ``comparison_factory`` run in a worker thread.

        ``palette`` forces (and simulates) a colour system's palette; None follows the terminal.
        """
        super().__init__()
        self.palette: Palette = use_palette(self, palette)
        """The palette in use: truecolor, 256, 16 or none."""
        if comparison is None and comparison_factory is None:
            raise ValueError("give a comparison or a comparison factory")
        self.comparison_factory = comparison_factory
        self.comparison = comparison
        """The comparison on screen, once it exists."""
        self.title_hint = title_hint
        self.boilerplate = boilerplate
        self.unified = unified
        self.error: str | None = None
        """A message for stderr when the comparison failed."""
        self.result_status = int(ExitStatus.SAME)
        """The exit status the comparison calls for: 1 when the article body changed."""
        self.export_memory = ExportMemory()
        """The export dialog's last format and folder, and the last report written (for ``o``)."""
        self.first_paint = asyncio.Event()
        """Set once the diff screen has painted its first full screen (benchmarks wait for it)."""
        if title_hint:
            self.sub_title = title_hint

    def on_mount(self) -> None:
        """Show the comparison now, or start computing it."""
        if self.comparison is not None:
            self._show(self.comparison)
            return
        self.push_screen(LoadingScreen(f"Comparing {self.title_hint or 'the two versions'}…"))
        assert self.comparison_factory is not None
        self.run_worker(self.comparison_factory, thread=True, exit_on_error=False, name="compare")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show the result, or leave with the error."""
        worker = event.worker
        if worker.name != "compare":
            return
        if event.state == WorkerState.SUCCESS:
            result = worker.result
            assert isinstance(result, Comparison)
            self._show(result)
        elif event.state == WorkerState.ERROR:
            error = worker.error
            if isinstance(error, ArticleDiffError):
                self.error = f"article-diff: {error}"
            else:
                self.error = f"article-diff: internal error: {type(error).__name__}: {error}"
            self.exit(return_code=int(ExitStatus.TROUBLE))

    def _show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.result_status = int(ExitStatus.CHANGED if comparison.summary.body_may_have_changed else ExitStatus.SAME)
        screen = DiffScreen(comparison, boilerplate=self.boilerplate, unified=self.unified)
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @property
    def diff_screen(self) -> DiffScreen | None:
        """The diff screen, once the comparison is shown."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, DiffScreen):
                return screen
        return None
