"""The HTML report: one self-contained page that editors send each other.

Side by side and aligned by row like the viewer, with word highlights in
``<del>`` and ``<ins>`` (so it reads without colour and copies cleanly), a
change list, keys n/p, a boilerplate toggle, a stacked layout on narrow
screens and a print stylesheet. Every piece of article text goes through
:func:`esc`; a Content-Security-Policy allows only the page's own script (by
hash) and inline styles, so nothing loads from the network and an article's
``<script>`` could not run even if it slipped through.
"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import cache
from importlib.resources import files

from tui.export.options import ReportOptions
from tui.export.rows import Gap, ReportRow, SideBlock, headline, region_runs, report_rows, with_context
from tui.export.rows import plural_blocks as _blocks
from tui.model import MARKERS, ROW_OPS, Comparison, Document
from tui.safe_text import safe_line


def esc(text: str) -> str:
    """Escape article text for HTML: markup characters and quotes, control characters made visible."""
    return html.escape(safe_line(text), quote=True)


@cache
def _asset(name: str) -> str:
    return files("tui.export").joinpath(name).read_text(encoding="utf-8")


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _version() -> str:
    from tui import __version__

    return str(__version__)


def _pieces(sb: SideBlock, marks: bool, fmt_only: bool) -> str:
    out = []
    for piece in sb.pieces:
        text = esc(piece.text)
        if piece.op == "equal" or not marks:
            out.append(text)
        else:
            tag = "del" if piece.op == "delete" else "ins"
            cls = ' class="fmt"' if fmt_only or piece.typographic else ""
            out.append(f"<{tag}{cls}>{text}</{tag}>")
    return "".join(out)


def _cell(side: str, blocks: tuple[SideBlock, ...], rr: ReportRow) -> str:
    if not blocks:
        return f'<div class="cell {side} empty" data-side="{side}" aria-hidden="true"></div>'
    row = rr.row
    marks = row.spans is not None and row.op != "equal"
    fmt_only = row.op == "formatting" or (row.op in ("moved", "split", "merged") and not row.edited)
    marker = MARKERS[row.op]
    numbers = ", ".join(str(sb.number) for sb in blocks)
    paragraphs = "".join(f'<p class="k-{esc(sb.block.kind)}">{_pieces(sb, marks, fmt_only)}</p>' for sb in blocks)
    return (
        f'<div class="cell {side}" data-side="{side}"><span class="gutter" aria-hidden="true">{esc(marker)}</span>'
        f'<span class="num" title="paragraph {numbers}">{numbers}</span><div class="text">{paragraphs}</div></div>'
    )


def _label(rr: ReportRow, badge: bool) -> str:
    """The line above a row for everything but plain edits: moved from where, split, boilerplate category."""
    row = rr.row
    bits: list[str] = []
    if row.op in ("moved", "split", "merged"):
        text = f"{rr.label} · {rr.location}"
        if row.edited and row.similarity is not None:
            text += f" · {row.similarity:.0%} alike"
        bits.append(esc(text))
    elif row.op == "formatting" and row.differences:
        bits.append(esc("formatting: " + ", ".join(row.differences)))
    if badge:
        title = ' title="dimmed on a guess: nothing names it; check it"' if rr.guess else ""
        bits.append(f'<span class="badge"{title}>{esc(rr.badge)}</span>')
    if not bits:
        return ""
    return f'<div class="label">{" ".join(bits)}</div>'


def _row(rr: ReportRow, badge: bool, navigable: bool) -> str:
    row = rr.row
    classes = ["row", f"op-{row.op}"]
    if navigable:
        classes.append("change")
    if rr.is_boilerplate:
        classes.append("bp")
    if row.lane == "metadata":
        classes.append("meta")
    sr = f'<span class="sr">{esc(rr.label)}: </span>' if rr.is_change else ""
    return (
        f'<section class="{" ".join(classes)}" id="r{rr.index}" data-op="{row.op}" tabindex="-1">{sr}'
        f"{_label(rr, badge)}{_cell('old', rr.old, rr)}{_cell('new', rr.new, rr)}</section>\n"
    )


def _gist(rr: ReportRow) -> str:
    """A few words for the change list: the new text around its first changed word."""
    side = rr.new or rr.old
    if not side:
        return ""
    text = "".join(p.text for p in side[0].pieces)
    offset = 0
    if rr.row.spans is not None:
        for piece in side[0].pieces:
            if piece.op != "equal":
                break
            offset += len(piece.text)
        else:
            offset = 0
    start = max(0, offset - 25)
    if start:
        start = text.find(" ", start) + 1 or start
    snippet = text[start : start + 90]
    return ("… " if start else "") + snippet


def _entry(rr: ReportRow, cls: str, what: str, where: str, gist: str, badge: str = "") -> str:
    return (
        f'<li class="{cls}"><a class="op-{rr.op}" href="#r{rr.index}"><span class="what">{esc(what)}</span>'
        f'{badge}<span class="where">{esc(where)}</span><span class="gist">{esc(gist)}</span></a></li>'
    )


def _change_list(rows: list[ReportRow], runs: dict[int, list[ReportRow]]) -> str:
    """The article's changes in order, then the boilerplate, one entry per region."""
    items = [
        _entry(rr, f"op-{rr.op}", rr.label, rr.location, _gist(rr))
        for rr in rows
        if rr.is_change and not rr.is_boilerplate
    ]
    apart = []
    for run in runs.values():
        changed = [rr for rr in run if rr.is_change]
        if not changed or not run[0].is_boilerplate:
            continue
        first = run[0]
        blocks = [sb for rr in run for sb in (rr.new or rr.old)]
        noun = "paragraph" if len(blocks) == 1 else "paragraphs"
        ops = sorted({rr.label for rr in changed})
        what = f"{first.badge} · {len(blocks)} {noun} {'/'.join(ops)}"
        side = "new" if first.new else "old"
        where = f"{side} ¶ {blocks[0].number}" + (f"–{blocks[-1].number}" if len(blocks) > 1 else "")
        apart.append(
            _entry(first, f"op-{first.op} bp", what, where, first.new[0].block.plain[:90] if first.new else "")
        )
    inner = "\n".join(items) if items else '<li class="none">No changes to the words or order.</li>'
    html_list = f'<nav class="changes" aria-label="Changes"><h2>Changes</h2><ol>\n{inner}\n</ol>'
    if apart:
        html_list += '\n<h2 class="bp">Boilerplate</h2><ol class="bp">\n' + "\n".join(apart) + "\n</ol>"
    return html_list + "</nav>"


def _navigable(rr: ReportRow, runs: dict[int, list[ReportRow]]) -> bool:
    """Whether n/p stop at this row: every change in the article, the first row of a changed boilerplate region."""
    if not rr.is_boilerplate:
        return rr.is_change
    run = runs.get(rr.index)
    return run is not None and any(r.is_change for r in run)


def _document(label: str, doc: Document) -> str:
    boilerplate = sum(b.role == "boilerplate" for b in doc.blocks)
    extra = f" · {boilerplate} boilerplate" if boilerplate else ""
    return (
        f"<dt>{label}</dt><dd><code>{esc(doc.source)}</code> · {esc(doc.format)} · "
        f"{_blocks(len(doc.blocks))}{extra}</dd>"
    )


def _counts(comparison: Comparison) -> str:
    counts = comparison.summary.counts
    chips = []
    for op in ROW_OPS:
        n = counts.get(op, 0)
        zero = " zero" if not n else ""
        chips.append(f'<li class="op-{op}{zero}"><b>{n}</b> {op}</li>')
    return f'<ul class="counts" aria-label="Rows by kind">{"".join(chips)}</ul>'


def render_html(comparison: Comparison, options: ReportOptions) -> str:
    """Return the HTML report as one self-contained page."""
    script = _asset("report.js")
    css = _asset("report.css")
    title = options.title or headline(comparison) or "Article comparison"
    summary = comparison.summary
    rows = report_rows(comparison)
    runs = region_runs(rows)
    body_class = {"show": "bp-show", "dim": "bp-dim", "hide": "bp-dim hide-bp"}[options.boilerplate]
    has_bp = any(rr.is_boilerplate for rr in rows)
    checked = " checked" if options.boilerplate == "hide" else ""
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{_script_hash(script)}'; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!doctype html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="article-diff {esc(_version())}">\n',
        f"<title>What changed: {esc(title)}</title>\n<style>\n{css}</style>\n</head>\n",
        f'<body class="{body_class}">\n',
        '<header class="report-head">\n<p class="eyebrow">What changed</p>\n',
        f"<h1>{esc(title)}</h1>\n",
        f'<p class="verdict {"changed" if summary.body_changed else "same"}">{esc(summary.verdict)}</p>\n',
        f'<dl class="sources">{_document("Old", comparison.old)}{_document("New", comparison.new)}</dl>\n',
        _counts(comparison),
        "\n</header>\n",
        '<div class="toolbar" role="toolbar" aria-label="Report controls">'
        '<button type="button" id="prev" title="Previous change (p)">&#8593; Previous <kbd>p</kbd></button>'
        '<button type="button" id="next" title="Next change (n)">Next <kbd>n</kbd> &#8595;</button>'
        '<span class="position" id="position" aria-live="polite"></span>',
        (
            f'<label><input type="checkbox" id="hide-bp"{checked}> Hide boilerplate <kbd>b</kbd></label>'
            if has_bp
            else '<span class="bp-note">No boilerplate found</span>'
        ),
        '<span class="legend"><span><del>removed</del></span><span><ins>added</ins></span></span></div>\n',
        '<div class="layout">\n',
        _change_list(rows, runs),
        '\n<main class="diff">\n',
        f'<div class="colhead" aria-hidden="true"><div>Old · {esc(comparison.old.source)}</div>'
        f"<div>New · {esc(comparison.new.source)}</div></div>\n",
    ]
    if not any(rr.is_change for rr in rows):
        parts.append('<p class="nochange">No changes to the article\'s words or order.</p>\n')
    for item in with_context(rows, options.context):
        if isinstance(item, Gap):
            parts.append(f'<details class="fold"><summary>{esc(item.phrase)}</summary>\n')
            parts += [_row(rr, rr.index in runs, _navigable(rr, runs)) for rr in item.rows]
            parts.append("</details>\n")
            continue
        parts.append(_row(item, item.index in runs, _navigable(item, runs)))
    parts += [
        "</main>\n</div>\n",
        f'<footer class="footer">Made by article-diff {esc(_version())}. '
        '<span class="keys">Keys: <kbd>n</kbd> next change, <kbd>p</kbd> previous, '
        "<kbd>b</kbd> hide or show boilerplate.</span></footer>\n",
        f"<script>{script}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)
