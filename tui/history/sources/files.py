"""Versions held as files: several paths in a chosen order, or every file of a folder."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import UTC, datetime

from tui.errors import ArticleDiffError
from tui.history.sources import Order, Snapshot

_NUMBERS = re.compile(r"(\d+)")


def by_name(name: str) -> list[str | int]:
    """Sort key for version names: numbers read as numbers, so ``v2`` comes before ``v10``."""
    return [int(part) if part.isdigit() else part for part in _NUMBERS.split(name)]


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        raise ArticleDiffError(f"{path}: no such file") from None
    except OSError as error:
        raise ArticleDiffError(f"{path}: cannot read ({error.strerror or error})") from None


def iso_time(seconds: float) -> str:
    """A POSIX time as ISO 8601 in UTC, to the second."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_snapshot(path: str) -> Snapshot:
    """A version kept in a file, labelled by its path and timed by its modification time."""
    if os.path.isdir(path):
        raise ArticleDiffError(f"{path}: is a directory; a folder of versions must be the only argument")
    return Snapshot(label=path, source=path, time=iso_time(_mtime(path)))


def ordered(paths: Sequence[str], order: Order) -> list[str]:
    """``paths`` in the order asked for: as given, by name, or by modification time (ties by name)."""
    if order == "name":
        return sorted(paths, key=by_name)
    if order == "mtime":
        return sorted(paths, key=lambda p: (_mtime(p), by_name(p)))
    return list(paths)


def folder_paths(folder: str) -> list[str]:
    """The files of ``folder`` in name order (``v2`` before ``v10``); hidden files and subfolders are skipped.

    Raises:
        ArticleDiffError: When the folder cannot be listed.
    """
    try:
        names = sorted(os.listdir(folder), key=by_name)
    except FileNotFoundError:
        raise ArticleDiffError(f"{folder}: no such folder") from None
    except OSError as error:
        raise ArticleDiffError(f"{folder}: cannot list ({error.strerror or error})") from None
    paths = [os.path.join(folder, name) for name in names if not name.startswith(".")]
    return [path for path in paths if os.path.isfile(path)]
