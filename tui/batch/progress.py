"""How a batch tells the person waiting how far it got: a bar on a terminal, one closing line everywhere.

The bar (rich) shows pairs done, pairs per second and the time left; it is
drawn only when standard error is a terminal, so a batch run by cron or a job
scheduler logs nothing but its closing line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Task
    from rich.text import Text

    from tui.batch.driver import Totals


def _speed_column() -> type:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class PairsPerSecond(ProgressColumn):
        """Pairs compared per second, over rich's recent window."""

        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:,.0f} pairs/s" if task.speed else "- pairs/s", style="progress.data.speed")

    return PairsPerSecond


@contextmanager
def progress_bar(totals: Totals, total: int | None, *, show: bool) -> Iterator[None]:
    """Draw the bar on standard error while the block runs (when ``show``), fed by ``totals.on_rows``."""
    if not show:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("comparing"),
        BarColumn(),
        MofNCompleteColumn(),
        _speed_column()(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("pairs", total=total)
    totals.on_rows = lambda n: progress.advance(task, n)
    with progress:
        yield
    totals.on_rows = None


def closing_line(totals: Totals, output: str) -> str:
    """One line that says what the run did: pairs, changed, errors, time, and where the rows went."""
    rate = totals.pairs / totals.seconds if totals.seconds > 0 else 0.0
    where = "this process" if totals.workers == 0 else f"{totals.workers} worker{'s' * (totals.workers != 1)}"
    parts = [
        f"{totals.pairs:,} pairs",
        f"{totals.changed:,} changed",
        f"{totals.errors:,} error{'s' * (totals.errors != 1)}",
    ]
    if totals.skipped:
        parts.append(f"{totals.skipped:,} already done")
    line = ", ".join(parts) + f" in {totals.seconds:.1f} s ({rate:,.0f} pairs/s on {where})"
    return line if output == "-" else f"{line} -> {output}"
