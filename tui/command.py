"""A command's Unix manners, shared by ``article-diff`` and ``article-diff batch``.

A usage error or any failure is one line on stderr naming the command, and exit
status 2; never a traceback (unless ``ARTICLE_DIFF_DEBUG`` asks for one). Kept
apart from :mod:`tui.cli` so that the batch command can use it without reaching
the viewer the pair command line may open.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from tui.errors import ArticleDiffError, ExitStatus
from tui.safe_text import safe_line

DEBUG_ENV = "ARTICLE_DIFF_DEBUG"


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (``--help`` still prints the whole usage)."""

    def error(self, message: str) -> NoReturn:
        raise ArticleDiffError(f"{message} (see {self.prog} --help)")


def fail(message: str, prog: str) -> int:
    """Say what went wrong in one line on stderr; the exit status for trouble."""
    # A file name can hold escape sequences too: never echo them raw.
    print(f"{prog}: {safe_line(message)}", file=sys.stderr)
    return int(ExitStatus.TROUBLE)


def guarded(work: Callable[[], int], prog: str, interrupted: str = "interrupted") -> int:
    """Run a command's ``work``; whatever goes wrong is one line and status 2 (``interrupted`` for ^C)."""
    try:
        return work()
    except SystemExit as exit_:  # argparse: --help, --version and usage errors
        code = exit_.code
        if code is None:
            return int(ExitStatus.SAME)
        return code if isinstance(code, int) else int(ExitStatus.TROUBLE)
    except ArticleDiffError as error:
        return fail(str(error), prog)
    except KeyboardInterrupt:
        return fail(interrupted, prog)
    except MemoryError:
        return fail("out of memory", prog)
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        if isinstance(error, OSError):
            where = f"{error.filename}: " if error.filename else ""
            return fail(f"{where}{error.strerror or error}", prog)
        return fail(f"internal error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)", prog)
