"""Where a batch's rows go, written as they come so a killed run loses minutes, not hours.

Parquet output is a folder of part files (``out.parquet/part-000000.parquet``,
...), as Dask and Spark write a dataset: pandas, pyarrow, DuckDB and Dask read
the folder as one table, in order. Each part is written atomically (through
:mod:`tui.export.atomic`) at every checkpoint, so the folder only ever holds
whole parts. JSONL output is one file, appended to and flushed as rows come; a
line cut short by a kill is dropped when the run is resumed.

Either way the rows already written are the run's memory: ``--resume`` reads
their ids back and the run skips them. A batch never silently replaces an
earlier one's results.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, Protocol

from tui.batch.worker import COLUMNS
from tui.errors import ArticleDiffError
from tui.export.atomic import TEMP_PREFIX, write_atomic
from tui.model import ROW_OPS

OutputFormat = Literal["parquet", "jsonl"]

#: Parquet parts hold at most this many rows (a checkpoint may write a smaller one).
PART_ROWS = 20_000
_PART_RE = re.compile(r"part-(\d+)\.parquet")


class ResultWriter(Protocol):
    """What the driver writes rows through."""

    def done_ids(self) -> set[str]:
        """The ids of the rows already written by an earlier run (for ``--resume``)."""

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Add rows, in order."""

    def checkpoint(self) -> None:
        """Make every row written so far durable."""

    def close(self) -> None:
        """Checkpoint and let go of the output."""


def output_format(path: str, given: str | None) -> OutputFormat:
    """``given``, else JSONL for a ``.jsonl``/``.ndjson`` name (or ``-``), else Parquet."""
    if given:
        return given  # type: ignore[return-value]  # argparse keeps it to the choices
    if path == "-" or Path(path).suffix.lower() in (".jsonl", ".ndjson"):
        return "jsonl"
    return "parquet"


def arrow_schema() -> Any:
    """The Parquet schema of a result row (the columns of :data:`tui.batch.worker.COLUMNS`)."""
    import pyarrow as pa

    types: dict[str, Any] = {
        "id": pa.string(),
        "group": pa.string(),
        "old": pa.string(),
        "new": pa.string(),
        "body_changed": pa.bool_(),
        "body_may_have_changed": pa.bool_(),
        "headline_changed": pa.bool_(),
        **dict.fromkeys(ROW_OPS, pa.int32()),
        "boilerplate_added": pa.list_(pa.string()),
        "boilerplate_removed": pa.list_(pa.string()),
        "guessed": pa.int32(),
        "body_words_changed": pa.float64(),
        "seconds": pa.float64(),
        "error": pa.string(),
    }
    return pa.schema([(name, types[name]) for name in COLUMNS])


class ParquetParts:
    """A folder of Parquet parts, each written whole and atomically."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._batches: list[Any] = []  # Arrow record batches: a tenth of the memory the rows take as dicts
        self._buffered = 0
        self._schema = arrow_schema()
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.startswith(TEMP_PREFIX):  # a part being written when the run was killed (SIGKILL)
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))
        numbers = [int(m.group(1)) for m in map(_PART_RE.fullmatch, os.listdir(folder)) if m]
        self._next = max(numbers, default=-1) + 1

    def _parts(self) -> list[str]:
        return sorted(name for name in os.listdir(self.folder) if _PART_RE.fullmatch(name))

    def done_ids(self) -> set[str]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        done: set[str] = set()
        for name in self._parts():
            path = os.path.join(self.folder, name)
            try:
                done.update(pq.read_table(path, columns=["id"]).column("id").to_pylist())
            except (OSError, pa.ArrowException) as error:
                raise ArticleDiffError(f"{path}: not a readable part of earlier results ({error})") from None
        return done

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        import pyarrow as pa

        batch = pa.RecordBatch.from_pylist(list(rows), schema=self._schema)
        self._batches.append(batch)
        self._buffered += batch.num_rows
        if self._buffered >= PART_ROWS:
            self.checkpoint()

    def checkpoint(self) -> None:
        if not self._buffered:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_batches(self._batches, schema=self._schema)
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink)
        write_atomic(os.path.join(self.folder, f"part-{self._next:06d}.parquet"), sink.getvalue().to_pybytes())
        self._next += 1
        self._batches, self._buffered = [], 0

    def close(self) -> None:
        self.checkpoint()


class JsonLines:
    """One JSON object a line, appended and flushed as rows come (``-``: standard output)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._stream: Any
        if path == "-":
            self._stream = sys.stdout.buffer
            return
        try:
            self._stream = open(path, "ab")  # noqa: SIM115  # kept open for the run
        except OSError as error:
            raise ArticleDiffError(f"{path}: cannot write ({error.strerror or error})") from None

    def done_ids(self) -> set[str]:
        if self.path == "-":
            return set()
        done: set[str] = set()
        good = 0
        with open(self.path, "rb") as handle:
            for line in handle:
                if not line.endswith(b"\n"):
                    break  # cut short by a kill: dropped below, and compared again
                try:
                    done.add(str(json.loads(line)["id"]))
                except (ValueError, KeyError, TypeError):
                    raise ArticleDiffError(f"{self.path}: line {len(done) + 1} is not a result row") from None
                good += len(line)
        self._stream.truncate(good)
        return done

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        try:
            self._stream.write(text.encode("utf-8"))
            self._stream.flush()
        except OSError as error:
            raise ArticleDiffError(f"{self.path}: cannot write ({error.strerror or error})") from None

    def checkpoint(self) -> None:
        if self.path != "-":
            with contextlib.suppress(OSError):
                os.fsync(self._stream.fileno())

    def close(self) -> None:
        self.checkpoint()
        if self.path != "-":
            self._stream.close()


def open_output(path: str, fmt: OutputFormat, *, resume: bool) -> ResultWriter:
    """Open the results for writing; an existing output is continued with ``resume`` and refused without.

    Raises:
        ArticleDiffError: The output exists and ``resume`` is not set, or it cannot be written.
    """
    if path == "-" and (fmt != "jsonl" or resume):
        raise ArticleDiffError("-o - writes JSONL to standard output, and cannot be resumed")
    if path != "-" and os.path.lexists(path) and not resume:
        raise ArticleDiffError(f"{path}: already exists; --resume continues it (or remove it first)")
    if fmt == "parquet":
        if os.path.exists(path) and not os.path.isdir(path):
            raise ArticleDiffError(f"{path}: not a folder of Parquet parts (Parquet results are written as a folder)")
        parent = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(parent):
            raise ArticleDiffError(f"{path}: directory {parent!r} does not exist")
        return ParquetParts(path)
    if os.path.isdir(path):
        raise ArticleDiffError(f"{path}: is a directory")
    return JsonLines(path)
