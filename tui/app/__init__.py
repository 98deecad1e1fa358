"""The interactive viewer (Textual). Importing this package is cheap: Textual loads on first use.

The command line calls :func:`run_viewer` with a function that computes the
comparison; the app runs it in a worker thread so the terminal answers at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model import Comparison


def run_viewer(
    comparison_factory: Callable[[], Comparison],
    *,
    title_hint: str | None = None,
    boilerplate: str = "dim",
    unified: bool | None = None,
) -> int:
    """Run the viewer until the user quits; return the exit status.

    Args:
        comparison_factory: Computes the comparison (run in a worker thread).
        title_hint: What is being compared, shown while the comparison runs.
        boilerplate: ``dim``, ``hide`` or ``show`` (the words of ``--boilerplate`` and of every report).
        unified: True or False to force the view; None picks unified below 100 columns.

    Returns:
        0 when the article bodies are the same, 1 when the body changed (as ``diff`` does),
        2 when the comparison failed (its message is printed on stderr).
    """
    from tui.app.app import ArticleDiffApp

    app = ArticleDiffApp(comparison_factory, title_hint=title_hint, boilerplate=boilerplate, unified=unified)
    app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return 2
    if app.return_code not in (None, 0):
        return int(app.return_code)
    return app.result_status


__all__ = ["run_viewer"]
