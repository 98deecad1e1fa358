"""Where versions come from: each source yields :class:`Snapshot` objects, oldest first.

The tests that tell a source by its name (:func:`is_url`, :func:`is_warc`) and the
file orders live here, not in the sources' modules: the command line asks them on
every run, and a run of two plain files must not load the sources themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.model import SourceFormat

#: The fewest versions a history holds: one version has nothing to compare with.
MIN_VERSIONS = 2

Order = Literal["given", "name", "mtime"]
#: How version files may be ordered (``--order``).
ORDERS: tuple[Order, ...] = ("given", "name", "mtime")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_url(text: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return text.lower().startswith(("http://", "https://"))


def is_warc(path: str) -> bool:
    """True for a path named like a WARC (or ARC) file, compressed or not."""
    return path.lower().endswith(_WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One version before it is read: where it is, what to call it, when it was."""

    label: str
    """What the user sees: a file name, a commit's date and hash, a capture's time."""
    source: str
    """Where it came from: a path, a URL, ``PATH@hash``; a path is read from disk when ``data`` is None."""
    time: str | None = None
    """When the version was made or captured, ISO 8601, when known."""
    data: bytes | None = None
    """The bytes, when they did not come from a path (a commit, a download, a WARC record)."""
    format: SourceFormat | None = None
    """The format the source declared (a ``text/html`` response), or None to sniff it."""
    encoding: str | None = None
    """The charset the source declared, when the bytes were decoded with it."""
