"""The history as plain text: the timeline, then each step where the story changed, as the pair report.

Quiet steps (formatting, boilerplate or metadata only) stay one line in the
timeline, so a reader's eye goes to the versions where the story changed.
"""

from __future__ import annotations

from typing import Any

from tui.export import render_report
from tui.history.model import History
from tui.history.timeline import StepView, describe_steps, version_name
from tui.safe_text import safe_line


def timeline_lines(history: History, steps: list[StepView]) -> list[str]:
    """One line a version: its name, label and time, and what the step into it (``steps``) did."""
    width = max(len(safe_line(v.label)) for v in history.versions)
    lines = []
    for index, version in enumerate(history.versions):
        label = safe_line(version.label).ljust(width)
        if index == 0:
            what = f"  first version ({len(version.document.blocks)} blocks)"
            mark = " "
        else:
            step = steps[index - 1]
            what, mark = f"  {step.gist}", step.mark
        lines.append(f"{mark} {version_name(index):>4}  {label}{what}")
    return lines


def render_history_text(history: History, **options: Any) -> str:
    """The text report of ``history``; ``options`` are the pair reports' (context, boilerplate, width, color)."""
    title = history.versions[-1].document.title or history.versions[0].document.title
    lines = ["article-diff history" + (f": {safe_line(title)}" if title else "")]
    lines.append(f"{len(history.versions)} versions, {len(history.comparisons)} steps. {history.verdict}")
    lines.append("")
    steps = describe_steps(history)  # once: each step's description draws its comparison
    lines += timeline_lines(history, steps)
    for index, old, new in history.summary.headline_changes:
        lines += ["", f"Headline changed in {version_name(index)} → {version_name(index + 1)}:"]
        lines += [f"  - {safe_line(old or '')}", f"  + {safe_line(new or '')}"]
    for step in steps:
        if not step.loud:
            continue
        older, newer = history.versions[step.index], history.versions[step.index + 1]
        lines += ["", "═" * 8 + f" {version_name(step.index)} → {version_name(step.index + 1)}: "
                  f"{safe_line(older.label)} → {safe_line(newer.label)} " + "═" * 8, ""]
        lines.append(render_report(history.comparisons[step.index], "text", **options).rstrip("\n"))
    return "\n".join(lines) + "\n"
