"""The history in Markdown: a timeline table, then each step where the story changed, as the pair report.

The pair report's headings move down two levels so that each step sits under
the history's own heading.
"""

from __future__ import annotations

import re
from typing import Any

from tui.export import render_report
from tui.export.markdown import md_escape
from tui.history.model import History
from tui.history.timeline import describe_steps, version_name

_HEADING_RE = re.compile(r"^(#{1,4}) ", re.MULTILINE)


def _cell(text: str) -> str:
    return md_escape(text).replace("|", "\\|")


def render_history_markdown(history: History, **options: Any) -> str:
    """The Markdown report of ``history``; ``options`` are the pair reports' (context, boilerplate, markdown_style)."""
    title = history.versions[-1].document.title or history.versions[0].document.title
    lines = [f"# History: {md_escape(title)}" if title else "# History", ""]
    counted = f"{len(history.versions)} versions, {len(history.comparisons)} steps."
    lines += [f"**{md_escape(history.verdict)}** {counted}", ""]
    lines += ["| | Version | Time | Source | Step |", "|---|---|---|---|---|"]
    steps = describe_steps(history)
    for index, version in enumerate(history.versions):
        step = steps[index - 1] if index else None
        what = step.gist if step else "first version"
        mark = step.mark if step else ""
        lines.append(
            f"| {mark} | {version_name(index)} {_cell(version.label)} | {_cell(version.time or '')} "
            f"| {_cell(version.source)} | {_cell(what)} |"
        )
    lines.append("")
    for step_index, old, new in history.summary.headline_changes:
        lines.append(
            f"- Headline changed in {version_name(step_index)} → {version_name(step_index + 1)}: "
            f"~~{md_escape(old or '')}~~ **{md_escape(new or '')}**"
        )
    if history.summary.headline_changes:
        lines.append("")
    for step in steps:
        if not step.loud:
            continue
        older, newer = history.versions[step.index], history.versions[step.index + 1]
        lines += [f"## {version_name(step.index)} → {version_name(step.index + 1)}: "
                  f"{md_escape(older.label)} → {md_escape(newer.label)}", ""]
        pair = render_report(history.comparisons[step.index], "md", **options)
        pair = pair.split("\n", 2)[2] if pair.startswith("# What changed") else pair  # the step's heading says it
        lines.append(_HEADING_RE.sub(lambda m: "##" + m.group(1) + " ", pair).rstrip("\n"))
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
