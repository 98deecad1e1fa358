"""The embedded demo pair: a made-up article in two versions, shipped with the package.

Its traits mirror a real scrape pair: Markdown against one paragraph per line,
straight against curly quotes, link markup, a photo credit, a related-article
line, a donation appeal and "Remind me later.", plus a few real edits (a number
changed, a paragraph moved, one split, one added) so there is something to see.
"""

from __future__ import annotations

from importlib.resources import files

DEMO_OLD = "demo/old.md"
DEMO_NEW = "demo/new.txt"


def demo_bytes(name: str) -> bytes:
    """Return the bytes of one demo file (``DEMO_OLD`` or ``DEMO_NEW``)."""
    return files("tui.data").joinpath(name).read_bytes()
