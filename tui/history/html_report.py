"""The history as one self-contained HTML page: the timeline, each step's verdict, its diff folded.

Each step is a ``<details>`` element, open where the story changed and closed
where it was quiet (formatting, boilerplate or metadata only), so the page
opens on what matters and still holds everything. Rows are drawn by the pair
report's own row drawing, with its stylesheet; every piece of text goes through
its escaping. No script at all: the Content-Security-Policy forbids any.
"""

from __future__ import annotations

from typing import Any

from tui.export.html import _asset, _counts, _row, _version, esc, page_opening
from tui.export.options import ReportOptions
from tui.export.text import body_rows
from tui.history.model import History
from tui.history.timeline import StepView, describe_steps, version_name
from tui.present import Gap, with_context

#: Unchanged paragraphs kept around each change inside a step (the rest folded), unless --context says.
STEP_CONTEXT = 2

_CSS = """
main.history { padding: 0 clamp(1rem, 3vw, 2.5rem) 1rem; }
.timeline { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
.timeline th, .timeline td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; border-bottom: 1px solid var(--rule); }
.timeline .mark { font-size: 1.1rem; }
.timeline tr.quiet { color: var(--muted); }
.timeline tr.changed td.what { font-weight: 600; }
details.step { border-top: 2px solid var(--rule); margin-top: 0.6rem; }
details.step > summary { cursor: pointer; padding: 0.6rem 0; font-weight: 600; }
details.step.quiet > summary { color: var(--muted); font-weight: normal; }
details.step .step-verdict { margin: 0.2rem 0 0.6rem; }
"""


def _timeline(history: History, steps: list[StepView]) -> str:
    rows = ['<table class="timeline"><thead><tr><th></th><th>Version</th><th>Time</th><th>Source</th>'
            "<th>Step into it</th></tr></thead><tbody>"]
    for index, version in enumerate(history.versions):
        step = steps[index - 1] if index else None
        kind = step.kind if step else "first"
        what = step.gist if step else f"first version · {len(version.document.blocks)} blocks"
        link = f'<a href="#step{step.index}">{esc(what)}</a>' if step and step.loud else esc(what)
        rows.append(
            f'<tr class="{kind}"><td class="mark">{esc(step.mark) if step else ""}</td>'
            f"<td>{version_name(index)} · {esc(version.label)}</td><td>{esc(version.time or '')}</td>"
            f"<td><code>{esc(version.source)}</code></td><td class=\"what\">{link}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _step(history: History, step: StepView, options: ReportOptions) -> str:
    older, newer = history.versions[step.index], history.versions[step.index + 1]
    presentation = step.presentation
    head = (
        f"{step.mark} {version_name(step.index)} → {version_name(step.index + 1)}: "
        f"{older.label} → {newer.label} · {step.gist}"
    )
    parts = [
        f'<details class="step {step.kind}" id="step{step.index}"{" open" if step.loud else ""}>',
        f"<summary>{esc(head)}</summary>",
        f'<p class="verdict step-verdict {"changed" if step.loud else "same"}">{esc(presentation.verdict)}</p>',
        _counts(presentation),
        '<div class="diff">',
    ]
    context = STEP_CONTEXT if options.context is None else options.context
    flow = [rr for rr in presentation.rows if rr.is_metadata and rr.differs] + body_rows(presentation, options)
    for item in with_context(flow, context):
        if isinstance(item, Gap):
            parts.append(f'<details class="fold"><summary>{esc(item.phrase)}</summary>')
            parts += [_row(rr) for rr in item.rows]
            parts.append("</details>")
        else:
            parts.append(_row(item))
    parts.append("</div></details>")
    return "\n".join(parts)


def render_history_html(history: History, **options: Any) -> str:
    """The HTML report of ``history`` as one self-contained page."""
    opts = ReportOptions.from_kwargs(**options)
    steps = describe_steps(history)
    title = history.versions[-1].document.title or history.versions[0].document.title or "Article history"
    headlines = "".join(
        f"<li>{version_name(i)} → {version_name(i + 1)}: <del>{esc(old or '')}</del> <ins>{esc(new or '')}</ins></li>"
        for i, old, new in history.summary.headline_changes
    )
    css = _asset("report.css") + _CSS
    parts = [
        *page_opening(kind="History", title=title, css=css, boilerplate=opts.boilerplate, script=None),
        f'<p class="verdict {"changed" if history.summary.body_may_have_changed else "same"}">'
        f"{esc(history.verdict)} {len(history.versions)} versions, {len(history.comparisons)} steps.</p>\n",
        f'<ul class="headlines">{headlines}</ul>\n' if headlines else "",
        "</header>\n<main class=\"history\">\n",
        _timeline(history, steps),
        "\n",
        *(_step(history, step, opts) + "\n" for step in steps),
        f'</main>\n<footer class="footer">Made by article-diff {esc(_version())}.</footer>\n</body>\n</html>\n',
    ]
    return "".join(parts)
