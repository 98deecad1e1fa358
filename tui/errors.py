"""Errors the user can act on, and the exit statuses of the command line."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit statuses, as ``diff`` uses them."""

    SAME = 0
    """The article bodies are the same (formatting and boilerplate aside)."""
    CHANGED = 1
    """The article body changed."""
    TROUBLE = 2
    """Bad input, a failed write, or another problem; a message went to stderr."""


class ArticleDiffError(Exception):
    """A problem with the input or the output, described in one line for the user."""


class InputWarning(UserWarning):
    """Something about the input the user should know, though the run goes on (one line on stderr)."""
