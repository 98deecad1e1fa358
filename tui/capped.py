"""Read no more than a limit from a path or a stream, whatever it is.

A device or a FIFO reports a size of 0 (``/dev/zero``, an endless pipe), so a
size check alone lets them fill memory: every read of user input goes through
here and takes at most one byte more than the limit, which tells the caller the
source was too large without reading the rest.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO


def read_capped(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the file at ``path`` (more than ``limit``: the file is too large).

    Raises:
        OSError: It cannot be opened or read (``IsADirectoryError`` for a directory).
    """
    with open(path, "rb") as handle:
        if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):  # pragma: no cover - open() refuses first on Linux
            raise IsADirectoryError(21, "Is a directory", os.fspath(path))
        return stream_capped(handle, limit)


def stream_capped(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``stream``, read to its end or to the cap."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
