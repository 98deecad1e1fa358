"""How a headless Chromium opens an HTML report: offline, quiet, no first-run screens.

The browser tests and the report benchmark share these flags (neither imports the other).
"""

from __future__ import annotations

CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Flags for ``chromium --headless`` (``--no-sandbox`` because the test machines run as root)."""
