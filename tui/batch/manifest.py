"""The pairs a batch compares, read one at a time from a manifest or a folder of versions.

An archive can hold millions of pairs, so nothing here ever holds the whole
list: CSV and JSONL are read line by line, Parquet a record batch at a time,
and a versions folder one article's folder at a time. A row that cannot be a
pair (no ``old``, a line that is not JSON) is still yielded, with its problem,
so that it becomes an error row of the output instead of ending the run.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tui.errors import ArticleDiffError
from tui.history.sources.files import by_name

ManifestFormat = Literal["csv", "jsonl", "parquet"]

#: Manifest formats by file extension.
EXTENSIONS: dict[str, ManifestFormat] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
#: Columns a manifest must have; ``id`` and ``group`` are optional.
REQUIRED = ("old", "new")
#: Parquet manifests are read this many rows at a time.
PARQUET_BATCH = 4096


@dataclass(frozen=True, slots=True)
class Pair:
    """Two versions to compare, named as the manifest names them."""

    id: str
    """Unique in the run: the manifest's ``id``, else the row's number (from 1); what ``--resume`` skips by."""
    group: str | None
    """The article the versions belong to (a history's consecutive versions share it)."""
    old: str
    """The older version's path, as written in the manifest."""
    new: str
    """The newer version's path, as written in the manifest."""
    base: str = ""
    """The folder relative paths are read from (the manifest's own folder)."""
    problem: str | None = None
    """Why this row cannot be compared (it becomes the row's error), or None."""

    def path(self, side: str) -> str:
        """The path to read for ``side`` (``old`` or ``new``): relative paths are taken from the manifest's folder."""
        name = self.old if side == "old" else self.new
        return name if not self.base or os.path.isabs(name) else os.path.join(self.base, name)


def manifest_format(path: str, given: str | None = None) -> ManifestFormat:
    """The manifest's format: ``given``, else from the extension.

    Raises:
        ArticleDiffError: The extension names no manifest format.
    """
    if given:
        return given  # type: ignore[return-value]  # argparse keeps it to the choices
    found = EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise ArticleDiffError(f"{path}: cannot tell the manifest format from the name; use --manifest-format")
    return found


def _text(value: Any) -> str | None:
    """A cell as text: None for a missing or empty cell."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _pair(record: Mapping[str, Any], number: int, base: str) -> Pair:
    """One manifest record as a pair; a record lacking a side is a pair with a problem."""
    pair_id = _text(record.get("id")) or str(number)
    group = _text(record.get("group"))
    old, new = _text(record.get("old")), _text(record.get("new"))
    missing = [name for name, value in (("old", old), ("new", new)) if value is None]
    problem = f"row {number}: no {' and no '.join(missing)}" if missing else None
    return Pair(pair_id, group, old or "", new or "", base, problem)


def _check_columns(columns: list[str], where: str) -> None:
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ArticleDiffError(f"{where}: the manifest has no {' or '.join(missing)} column (it needs old and new)")


def _open_text(path: str) -> Any:
    try:
        return sys.stdin if path == "-" else open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise ArticleDiffError(f"{path}: {error.strerror or error}") from None


def _csv_pairs(path: str, base: str) -> Iterator[Pair]:
    handle = _open_text(path)
    try:
        reader = csv.DictReader(handle)
        _check_columns(list(reader.fieldnames or []), path)
        for number, record in enumerate(reader, 1):
            yield _pair(record, number, base)
    except (csv.Error, UnicodeDecodeError) as error:
        raise ArticleDiffError(f"{path}: not a readable CSV manifest ({error})") from None
    finally:
        if handle is not sys.stdin:
            handle.close()


def _jsonl_pairs(path: str, base: str) -> Iterator[Pair]:
    handle = _open_text(path)
    try:
        number = 0
        for line in handle:
            if not line.strip():
                continue
            number += 1
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                yield Pair(str(number), None, "", "", base, f"line {number}: not a JSON object")
                continue
            yield _pair(record, number, base)
    except UnicodeDecodeError as error:
        raise ArticleDiffError(f"{path}: not UTF-8 ({error.reason})") from None
    finally:
        if handle is not sys.stdin:
            handle.close()


def _parquet_pairs(path: str, base: str) -> Iterator[Pair]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise ArticleDiffError(f"{path}: not a readable Parquet manifest ({error})") from None
    names = list(source.schema_arrow.names)
    _check_columns(names, path)
    columns = [name for name in ("id", "group", "old", "new") if name in names]
    number = 0
    for batch in source.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
        for record in batch.to_pylist():
            number += 1
            yield _pair(record, number, base)


def read_manifest(path: str, fmt: str | None = None) -> Iterator[Pair]:
    """Yield the manifest's pairs in order, never holding more than a batch of its rows.

    Raises:
        ArticleDiffError: The manifest cannot be opened or lacks the ``old`` and ``new`` columns.
    """
    kind = manifest_format(path, fmt)
    if path == "-" and kind == "parquet":
        raise ArticleDiffError("a Parquet manifest cannot be read from standard input")
    if path != "-" and os.path.isdir(path):
        raise ArticleDiffError(f"{path}: is a directory (use --versions-dir for a folder of versions)")
    if path != "-" and not os.path.exists(path):
        raise ArticleDiffError(f"{path}: no such manifest")
    base = os.path.dirname(os.path.abspath(path)) if path != "-" else ""
    readers = {"csv": _csv_pairs, "jsonl": _jsonl_pairs, "parquet": _parquet_pairs}
    return readers[kind](path, base)


def _versions(folder: str) -> list[str]:
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if not e.name.startswith(".") and e.is_file()]
    return sorted(names, key=by_name)


def read_versions_dir(root: str) -> Iterator[Pair]:
    """Yield each article's consecutive versions as pairs: ``root/<article>/<version files>``, in name order.

    The article folder is the pair's group, and ``<article>/<old>..<new>`` its id. Versions sort by name with
    numbers read as numbers (``v2`` before ``v10``), so name them by time or by number.

    Raises:
        ArticleDiffError: ``root`` is not a folder.
    """
    if not os.path.isdir(root):
        raise ArticleDiffError(f"{root}: no such folder of versions")
    with os.scandir(root) as entries:
        articles = sorted((e.name for e in entries if e.is_dir() and not e.name.startswith(".")), key=by_name)
    base = os.path.abspath(root)
    for article in articles:
        names = _versions(os.path.join(root, article))
        for older, newer in itertools.pairwise(names):
            yield Pair(f"{article}/{older}..{newer}", article, f"{article}/{older}", f"{article}/{newer}", base)


def count_pairs(path: str | None, fmt: str | None, versions_dir: str | None) -> int | None:
    """How many pairs a run will see (for the progress bar's estimate), or None when it cannot be told cheaply."""
    if versions_dir is not None:
        return sum(1 for _ in read_versions_dir(versions_dir))
    if path is None or path == "-":
        return None
    kind = manifest_format(path, fmt)
    if kind == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    return sum(1 for _ in read_manifest(path, fmt))
