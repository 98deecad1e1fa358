"""Write a file so that a reader sees the old file or the whole new one, never half.

The report goes to a temporary file in the same directory, is flushed to disk,
and is renamed over the target with ``os.replace``. A failed run removes its
temporary file and leaves an existing report untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from tui.errors import ArticleDiffError


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; otherwise what ``open`` would give under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically.

    Raises:
        ArticleDiffError: When the directory is missing, the path is a directory,
            or the write fails; nothing is left behind.
    """
    target = Path(path)
    name = os.fspath(path)
    directory = target.parent
    if target.is_dir():
        raise ArticleDiffError(f"{name}: is a directory")
    if not directory.is_dir():
        raise ArticleDiffError(f"{name}: directory {os.fspath(directory)!r} does not exist")
    mode = _mode_for(target)
    try:
        fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except PermissionError:
        raise ArticleDiffError(f"{name}: permission denied") from None
    except OSError as error:
        raise ArticleDiffError(f"{name}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ArticleDiffError(f"{name}: cannot write ({error.strerror or error})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
