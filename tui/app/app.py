"""The viewer application: run the comparison in a worker, then show the diff screen.

The heavy comparison runs in a thread so the terminal answers at once; a
progress screen is built and shown only when it takes longer than a moment
(most comparisons end first, and the first screen is then the diff itself).
Errors the user can act on end the app with exit status 2 and one line for
stderr.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import Worker, WorkerState

from tui.app.commands import ViewerCommands
from tui.app.palette import Palette, use_palette
from tui.app.screens.loading import SHOW_AFTER, LoadingScreen
from tui.app.screens.main import DiffScreen
from tui.errors import ArticleDiffError, ExitStatus
from tui.model import Comparison

if TYPE_CHECKING:
    from tui.app.screens.export import ExportMemory


class ArticleDiffApp(App[int]):
    """Side-by-side article diff viewer."""

    TITLE = "article-diff"
    # The diff screen's CSS is read with the app's: read when the screen is pushed, it made Textual parse every
    # stylesheet again and restyle the app on the way to the first screen.
    CSS_PATH = ["palette.tcss", "screens/main.tcss"]  # noqa: RUF012 - Textual's own class attribute
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
        self._export_memory: ExportMemory | None = None
        self._started = time.monotonic()
        self._collector_was_enabled = False
        self.first_paint = asyncio.Event()
        """Set once the diff screen has painted its first full screen (benchmarks wait for it)."""
        if title_hint:
            self.sub_title = title_hint

    @property
    def export_memory(self) -> ExportMemory:
        """The export dialog's last format and folder, and the last report written (for ``o``)."""
        if self._export_memory is None:
            from tui.app.screens.export import ExportMemory  # the dialog loads when first needed

            self._export_memory = ExportMemory()
        return self._export_memory

    def on_mount(self) -> None:
        """Show the comparison now, or start computing it (and show progress if it takes a while)."""
        # The comparison and the first screen are hundreds of thousands of objects that live as long as the app;
        # the cycle collector scanned them again and again while they were built. It rests until the first
        # screen is painted, and then leaves out of its scans everything made so far.
        self._collector_was_enabled = gc.isenabled()
        gc.disable()
        if self.comparison is not None:
            self._show(self.comparison)
            return
        assert self.comparison_factory is not None
        self.run_worker(self.comparison_factory, thread=True, exit_on_error=False, name="compare")
        self.set_timer(SHOW_AFTER, self._show_progress, name="progress")

    def first_screen_painted(self) -> None:
        """The diff screen painted its first full screen: the collector resumes, benchmarks are told."""
        self._resume_collector()  # the screen has just frozen what it built out of the collector's scans
        self.first_paint.set()

    def _resume_collector(self) -> None:
        if self._collector_was_enabled:
            self._collector_was_enabled = False
            gc.enable()

    def on_unmount(self) -> None:
        """Leave the collector as the app found it, whichever way it ends."""
        self._resume_collector()

    def _show_progress(self) -> None:
        if self.comparison is None and self.error is None:
            message = f"Comparing {self.title_hint or 'the two versions'}…"
            self.push_screen(LoadingScreen(message, started=self._started))

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
            self._resume_collector()
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
