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
from dataclasses import replace
from functools import cache
from importlib.resources import files

from tui.export.options import ReportOptions
from tui.export.text import body_rows, metadata_lines
from tui.model import Comparison, Document
from tui.present import Gap, Presentation, ShownRow, SideBlock, metadata_phrase, plural, present, with_context
from tui.present.words import Side, paragraphs
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


def _cell(side: str, blocks: tuple[SideBlock, ...], rr: ShownRow) -> str:
    if not blocks:
        return f'<div class="cell {side} empty" data-side="{side}" aria-hidden="true"></div>'
    marks = rr.words_changed or rr.typography_only
    numbers = ", ".join(str(sb.number) for sb in blocks)
    paragraphs = "".join(
        f'<p class="k-{esc(sb.block.kind)}">{_pieces(sb, marks, rr.typography_only)}</p>' for sb in blocks
    )
    return (
        f'<div class="cell {side}" data-side="{side}"><span class="gutter" aria-hidden="true">{esc(rr.marker)}</span>'
        f'<span class="num" title="{side} ¶{numbers}">{numbers}</span><div class="text">{paragraphs}</div></div>'
    )


def _label(rr: ShownRow) -> str:
    """The line above a row for everything but plain edits: moved from where, split, its layer and category."""
    row = rr.row
    bits: list[str] = []
    if rr.op in ("moved", "split", "merged"):
        text = f"{rr.label} · {rr.location}"
        if row.edited and row.similarity is not None:
            text += f" · {row.similarity:.0%} alike"
        bits.append(esc(text))
    elif rr.op == "formatting" and rr.differences:
        bits.append(esc("formatting: " + ", ".join(rr.differences)))
    if rr.opens_region and rr.is_boilerplate:
        title = ' title="dimmed on a guess: nothing names it; check it"' if rr.region_guess else ""
        bits.append(f'<span class="badge"{title}>boilerplate: {esc(rr.badge)}</span>')
    elif rr.is_metadata:
        side = f" · {rr.only_in}" if rr.only_in else ""
        bits.append(f'<span class="badge meta">metadata: {esc(rr.badge)}{esc(side) if rr.differs else ""}</span>')
    if not bits:
        return ""
    return f'<div class="label">{" ".join(bits)}</div>'


def _row(rr: ShownRow) -> str:
    classes = ["row", f"op-{rr.op}"]
    if rr.is_change:
        classes.append("change")
    if rr.is_boilerplate:
        classes.append("bp")
    if rr.is_metadata:
        classes.append("meta")
    sr = f'<span class="sr">{esc(rr.label)}: </span>' if rr.differs else ""
    return (
        f'<section class="{" ".join(classes)}" id="r{rr.index}" data-op="{rr.op}" tabindex="-1">{sr}'
        f"{_label(rr)}{_cell('old', rr.old, rr)}{_cell('new', rr.new, rr)}</section>\n"
    )


def _gist(rr: ShownRow) -> str:
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


def _entry(rr: ShownRow, cls: str, what: str, where: str, gist: str) -> str:
    return (
        f'<li class="{cls}"><a class="op-{rr.op}" href="#r{rr.index}"><span class="what">{esc(what)}</span>'
        f'<span class="where">{esc(where)}</span><span class="gist">{esc(gist)}</span></a></li>'
    )


def _change_list(presentation: Presentation) -> str:
    """The article's changes in order, then the boilerplate (one entry per region), then the metadata."""
    items = [_entry(rr, f"op-{rr.op}", rr.label, rr.location, _gist(rr)) for rr in presentation.rows if rr.is_change]
    apart = []
    for region in presentation.regions:
        if region.lane != "boilerplate" or not presentation.region_changed(region):
            continue
        run = presentation.region_rows(region)
        changed = [rr for rr in run if rr.differs]
        first = changed[0]
        blocks = [sb for rr in changed for sb in (rr.new or rr.old)]
        ops = sorted({rr.label for rr in changed})
        what = f"{region.badge} · {plural(len(blocks), 'paragraph')} {'/'.join(ops)}"
        side: Side = "new" if first.new else "old"
        where = paragraphs(side, [sb.number for sb in blocks])
        apart.append(_entry(first, f"op-{first.op} bp", what, where, first.text[:90]))
    inner = "\n".join(items) if items else '<li class="none">No changes to the words or order.</li>'
    html_list = f'<nav class="changes" aria-label="Changes"><h2>Changes</h2><ol>\n{inner}\n</ol>'
    if apart:
        html_list += '\n<h2 class="bp">Boilerplate</h2><ol class="bp">\n' + "\n".join(apart) + "\n</ol>"
    meta = [
        _entry(presentation.rows[d.row], "meta", "metadata", presentation.rows[d.row].location, line)
        for d, line in zip(presentation.metadata, metadata_lines(presentation), strict=True)
    ]
    if meta:
        html_list += '\n<h2 class="meta">Metadata</h2><ol class="meta">\n' + "\n".join(meta) + "\n</ol>"
    return html_list + "</nav>"


def _document(label: str, doc: Document) -> str:
    boilerplate = sum(b.role == "boilerplate" for b in doc.blocks)
    extra = f" · {boilerplate} boilerplate" if boilerplate else ""
    return (
        f"<dt>{label}</dt><dd><code>{esc(doc.source)}</code> · {esc(doc.format)} · "
        f"{plural(len(doc.blocks), 'block')}{extra}</dd>"
    )


def _counts(presentation: Presentation) -> str:
    """The counts as chips: the changes (by op), then what is not counted as a change."""
    counts = presentation.counts
    chips = [f'<li class="total"><b>{counts.total}</b> {"change" if counts.total == 1 else "changes"}</li>']
    chips += [f'<li class="op-{op}"><b>{n}</b> {op}</li>' for op, n in counts.changes.items()]
    if counts.formatting:
        chips.append(f'<li class="op-formatting"><b>{counts.formatting}</b> formatting only</li>')
    if counts.breaks:
        chips.append(f'<li class="op-split"><b>{counts.breaks}</b> paragraph breaks</li>')
    if counts.boilerplate:
        chips.append(f'<li class="bp"><b>{counts.boilerplate}</b> boilerplate changed</li>')
    line = f'<ul class="counts" aria-label="{esc(counts.line())}">{"".join(chips)}</ul>'
    if counts.metadata:
        line += f'\n<p class="metadata">Metadata, not counted as changes: {esc(metadata_phrase(counts.metadata))}.</p>'
    return line


def page_opening(*, kind: str, title: str, css: str, boilerplate: str, script: str | None) -> list[str]:
    """The start of a self-contained report page, up to its headline: the security policy (no network, the one
    inline script allowed by its hash, or none), the generator, the styles and the report's kind above the title.

    The comparison and the history reports open alike, so each shows the same way in a browser.
    """
    scripts = f"'{_script_hash(script)}'" if script is not None else "'none'"
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {scripts}; base-uri 'none'; form-action 'none'"
    )
    body_class = {"show": "bp-show", "dim": "bp-dim", "hide": "bp-dim hide-bp"}[boilerplate]
    return [
        "<!doctype html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="article-diff {esc(_version())}">\n',
        f"<title>{esc(kind)}: {esc(title)}</title>\n<style>\n{css}</style>\n</head>\n",
        f'<body class="{body_class}">\n',
        f'<header class="report-head">\n<p class="eyebrow">{esc(kind)}</p>\n',
        f"<h1>{esc(title)}</h1>\n",
    ]


def render_html(comparison: Comparison, options: ReportOptions) -> str:
    """Return the HTML report as one self-contained page."""
    script = _asset("report.js")
    css = _asset("report.css")
    presentation = present(comparison)
    title = options.title or presentation.headline or "Article comparison"
    rows = presentation.rows
    has_bp = any(rr.is_boilerplate for rr in rows)
    checked = " checked" if options.boilerplate == "hide" else ""
    parts = [
        *page_opening(kind="What changed", title=title, css=css, boilerplate=options.boilerplate, script=script),
        f'<p class="verdict {"changed" if presentation.body_changed else "same"}">{esc(presentation.verdict)}</p>\n',
        f'<dl class="sources">{_document("Old", comparison.old)}{_document("New", comparison.new)}</dl>\n',
        _counts(presentation),
        "\n</header>\n",
        '<div class="toolbar" role="toolbar" aria-label="Report controls">'
        '<button type="button" id="prev" title="Previous change (p)">&#8593; Previous <kbd>p</kbd></button>'
        '<button type="button" id="next" title="Next change (n)">Next <kbd>n</kbd> &#8595;</button>'
        f'<span class="position" id="position" aria-live="polite">{plural(presentation.change_count, "change")}</span>',
        (
            f'<label><input type="checkbox" id="hide-bp"{checked}> Hide boilerplate <kbd>b</kbd></label>'
            if has_bp
            else '<span class="bp-note">No boilerplate found</span>'
        ),
        '<span class="legend"><span><del>removed</del></span><span><ins>added</ins></span></span></div>\n',
        '<div class="layout">\n',
        _change_list(presentation),
        '\n<main class="diff">\n',
        f'<div class="colhead" aria-hidden="true"><div>Old · {esc(comparison.old.source)}</div>'
        f"<div>New · {esc(comparison.new.source)}</div></div>\n",
    ]
    if not presentation.change_count:
        parts.append('<p class="nochange">No changes to the article\'s words or order.</p>\n')
    # Metadata first, apart and calm; then the article with its boilerplate in place (dimmed or hidden by class).
    flow = [rr for rr in rows if rr.is_metadata] + body_rows(presentation, replace(options, boilerplate="show"))
    for item in with_context(flow, options.context):
        if isinstance(item, Gap):
            parts.append(f'<details class="fold"><summary>{esc(item.phrase)}</summary>\n')
            parts += [_row(rr) for rr in item.rows]
            parts.append("</details>\n")
            continue
        parts.append(_row(item))
    parts += [
        "</main>\n</div>\n",
        f'<footer class="footer">Made by article-diff {esc(_version())}. '
        '<span class="keys">Keys: <kbd>n</kbd> next change, <kbd>p</kbd> previous, '
        "<kbd>b</kbd> hide or show boilerplate.</span></footer>\n",
        f"<script>{script}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)
