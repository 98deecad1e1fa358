"""The Dask side of a batch: partitions out to the workers, rows back in manifest order, never the whole list.

The manifest is cut into partitions of a few dozen pairs as it is read, and at
most a window of them is out at once (submitted, running, or done but waiting
for an earlier one), so the driver's memory and every worker's stay bounded
whatever the manifest's length. Rows are written in manifest order, so what
is on disk is always a prefix of the run: a killed run resumed skips that
prefix and writes the rest after it, the output an uninterrupted run writes.

``synchronous`` compares every partition in this process, one after another,
with the same code and the same output, for debugging (a breakpoint or a
profiler sees the engine directly).
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui.batch.manifest import Pair
from tui.batch.output import ResultWriter
from tui.batch.worker import Settings, compare_partition, result_row
from tui.errors import ArticleDiffError

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

#: Pairs per partition: a partition is one Dask task (~0.5 s of work at 10 ms a pair).
PARTITION = 50
#: Partitions out at once per worker thread: enough to keep every worker busy while rows are written.
WINDOW_PER_THREAD = 4
#: How long to wait for a scheduler, and with --workers N for N workers to join it.
CONNECT_TIMEOUT = 30.0
SYNCHRONOUS = "synchronous"


@dataclass
class Totals:
    """What a run did, for the closing line."""

    pairs: int = 0
    """Rows written by this run."""
    changed: int = 0
    """Pairs whose body changed or may have changed (the single run's exit status 1)."""
    errors: int = 0
    """Rows carrying an error."""
    skipped: int = 0
    """Pairs skipped because an earlier run's output holds them (``--resume``)."""
    seconds: float = 0.0
    """Wall-clock time of the comparisons."""
    workers: int = 0
    """Worker processes the run had (0: synchronous)."""
    on_rows: Callable[[int], None] | None = field(default=None, repr=False)
    """Told how many rows were just written (the progress bar)."""

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Count rows just written."""
        self.pairs += len(rows)
        self.changed += sum(1 for row in rows if row["body_may_have_changed"])
        self.errors += sum(1 for row in rows if row["error"] is not None)
        if self.on_rows is not None:
            self.on_rows(len(rows))


def partitions(pairs: Iterable[Pair], size: int) -> Iterator[list[Pair]]:
    """Cut the pairs into lists of ``size``, reading only as far as the next list."""
    iterator = iter(pairs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def skip_done(pairs: Iterable[Pair], done: set[str], totals: Totals) -> Iterator[Pair]:
    """Leave out the pairs an earlier run already wrote (counted as skipped)."""
    for pair in pairs:
        if pair.id in done:
            totals.skipped += 1
        else:
            yield pair


def _local_cluster(workers: int | None) -> LocalCluster:
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,  # the engine is pure Python: processes, not threads, fill the cores
        processes=True,
        dashboard_address=":0",  # any free port: a cluster already on 8787 is no reason to warn
        silence_logs=logging.ERROR,
    )


@contextmanager
def _workers_ignore_interrupts() -> Iterator[None]:
    """Start the local workers with ^C ignored: the terminal sends it to the whole process group, and only the
    driver should answer it (by writing the rows done and shutting the cluster down), not every worker with a
    traceback. Python leaves an inherited SIG_IGN in place at start-up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A Dask client for the block: on the scheduler at ``scheduler``, or on a local cluster of processes, one a
    core, shut down afterwards.

    Raises:
        ArticleDiffError: The scheduler cannot be reached, or fewer than ``workers`` workers joined it in time.
    """
    from distributed import Client

    if scheduler is None:
        with _workers_ignore_interrupts():
            cluster = _local_cluster(workers)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise ArticleDiffError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
    if workers:
        try:
            client.wait_for_workers(workers, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            client.close()
            raise ArticleDiffError(
                f"{scheduler}: fewer than {workers} workers joined within {CONNECT_TIMEOUT:.0f} s"
            ) from None
    try:
        yield client
    finally:
        client.close()


def _failed(pair: Pair, error: BaseException) -> dict[str, Any]:
    """The row of a pair whose worker died under it, alone, every time (the scheduler already retried it)."""
    return result_row(pair, None, 0.0, f"worker failed: {type(error).__name__}: {error}")


class _Checkpoints:
    """Make the written rows durable every ``every`` seconds."""

    def __init__(self, writer: ResultWriter, every: float) -> None:
        self.writer, self.every, self.last = writer, every, time.monotonic()

    def tick(self) -> None:
        if time.monotonic() - self.last >= self.every:
            self.writer.checkpoint()
            self.last = time.monotonic()


def run_synchronous(chunks: Iterable[list[Pair]], settings: Settings, writer: ResultWriter, totals: Totals,
                    checkpoint_every: float) -> None:
    """Compare every partition in this process, in order."""
    checkpoints = _Checkpoints(writer, checkpoint_every)
    for chunk in chunks:
        rows = compare_partition(chunk, settings)
        writer.write(rows)
        totals.add(rows)
        checkpoints.tick()


@dataclass
class _Partition:
    """A partition out on the cluster: where its rows go, and those of its pairs retried one by one."""

    number: int
    pairs: list[Pair]
    rows: list[dict[str, Any] | None]


def run_on_dask(client: Client, chunks: Iterable[list[Pair]], settings: Settings, writer: ResultWriter,
                totals: Totals, checkpoint_every: float) -> None:
    """Send the partitions to the cluster, a window at a time, and write their rows in manifest order.

    A partition whose worker died (a pair that ran it out of memory, a machine lost) is sent again one pair a
    task, so that only the pair that kills a worker becomes an error row, not its neighbours.
    """
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    totals.workers = len(client.nthreads())
    window = max(8, WINDOW_PER_THREAD * threads)
    checkpoints = _Checkpoints(writer, checkpoint_every)
    numbered = enumerate(chunks)
    out: dict[object, tuple[_Partition, int | None]] = {}  # task key -> partition, and the pair's index if alone
    waiting: dict[int, _Partition] = {}
    following = 0
    completed = as_completed()

    def submit(pairs: list[Pair], partition: _Partition, index: int | None) -> None:
        future = client.submit(compare_partition, pairs, settings, pure=False)
        out[future.key] = (partition, index)
        completed.add(future)

    def fill() -> None:
        while len(waiting) < window:
            item = next(numbered, None)
            if item is None:
                return
            partition = _Partition(item[0], item[1], [None] * len(item[1]))
            waiting[partition.number] = partition
            submit(partition.pairs, partition, None)

    fill()
    for future in completed:
        partition, index = out.pop(future.key)
        try:
            rows: list[dict[str, Any]] = future.result()
        except Exception as error:  # the worker died (KilledWorker) or was lost
            if index is None and len(partition.pairs) > 1:
                for n, pair in enumerate(partition.pairs):
                    submit([pair], partition, n)
                future.release()
                continue
            rows = [_failed(partition.pairs[index or 0], error)]
        future.release()
        if index is None:
            partition.rows = list(rows)
        else:
            partition.rows[index] = rows[0]
        while following in waiting and None not in waiting[following].rows:
            written = [row for row in waiting.pop(following).rows if row is not None]
            writer.write(written)
            totals.add(written)
            following += 1
        checkpoints.tick()
        fill()
