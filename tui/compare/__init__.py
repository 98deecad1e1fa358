"""The whole comparison: read, segment, classify, align, word-diff, summarise.

This is the one entry point the viewer, the reports and the command line call.
It sits above the engine and the classifier, which never import it (nor each
other's callers), and it never imports Textual.
"""

from __future__ import annotations

from tui.classify import classify
from tui.compare.rows import build_row
from tui.engine.align import align
from tui.engine.normalize import match_key
from tui.engine.read import read_source
from tui.engine.segment import segment
from tui.engine.summary import summarise
from tui.model import Comparison, Document, Options, SourceFormat


def load(source: str, fmt: SourceFormat | None = None, *, data: bytes | None = None) -> Document:
    """Read and segment one version (a path, ``-`` for stdin, or the given ``data``)."""
    return segment(read_source(source, fmt, data=data))


def compare_documents(old: Document, new: Document, options: Options | None = None) -> Comparison:
    """Compare two segmented documents."""
    options = options or Options()
    if options.classify:
        old, new = classify(
            old, new, old_html=old.source_html, new_html=new.source_html, lexicons=options.lexicons
        )
    keys = (
        [match_key(b.plain, ignore_case=options.ignore_case) for b in old.blocks],
        [match_key(b.plain, ignore_case=options.ignore_case) for b in new.blocks],
    )
    pairings = align(
        keys[0],
        keys[1],
        [b.plain for b in old.blocks],
        [b.plain for b in new.blocks],
        [b.kind == "heading" for b in old.blocks],
        [b.kind == "heading" for b in new.blocks],
    )
    rows = tuple(build_row(p, old, new, keys, options) for p in pairings)
    return Comparison(old=old, new=new, rows=rows, summary=summarise(old, new, rows), options=options)


def compare(
    old_source: str,
    new_source: str,
    options: Options | None = None,
    *,
    old_format: SourceFormat | None = None,
    new_format: SourceFormat | None = None,
) -> Comparison:
    """Read, segment and compare two sources by path (or ``-``)."""
    return compare_documents(load(old_source, old_format), load(new_source, new_format), options)


__all__ = ["compare", "compare_documents", "load"]
