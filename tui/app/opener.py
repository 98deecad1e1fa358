"""Open a file with the system's own opener: the ``o`` key shows the last written report.

The opener runs detached, its output discarded, so it never draws over the viewer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def opener_command(path: Path) -> list[str] | None:
    """The command that opens ``path`` on this system, or None when there is none (Windows uses startfile)."""
    if sys.platform == "darwin":
        return ["open", str(path)]
    for name in ("xdg-open", "gio", "wslview"):
        found = shutil.which(name)
        if found:
            return [found, "open", str(path)] if name == "gio" else [found, str(path)]
    return None


def open_file(path: Path) -> str | None:
    """Open ``path``; return None on success, else one sentence saying why not."""
    if not path.is_file():
        return f"The last report, {path}, is no longer there."
    if sys.platform == "win32":  # pragma: no cover - not the test platform
        os.startfile(path)  # type: ignore[attr-defined]
        return None
    command = opener_command(path)
    if command is None:
        return f"No program to open files with was found (xdg-open); the report is at {path}."
    try:
        subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        return f"Could not open {path}: {error.strerror or error}."
    return None
