"""The Comparison to and from the JSON contract (schema version 1 in design.md).

Other tools read this, so the keys are stable: add keys freely, never rename.
The round trip is lossless: ``comparison_from_dict(comparison_to_dict(c)) == c``.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tui.model import (
    Block,
    Comparison,
    Document,
    Options,
    Row,
    Span,
    StructureHints,
    Summary,
)

FORMAT_NAME = "article-diff"
SCHEMA_VERSION = 1


def _hints_to_dict(hints: StructureHints) -> dict[str, Any]:
    return {
        "tag": hints.tag,
        "ancestors": list(hints.ancestors),
        "link_ratio": hints.link_ratio,
        "links": list(hints.links),
    }


def _block_to_dict(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": block.id,
        "kind": block.kind,
        "text": block.text,
        "plain": block.plain,
        "role": block.role,
        "category": block.category,
        "reasons": list(block.reasons),
        "confidence": block.confidence,
        "region": block.region,
        "prefix": block.prefix,
    }
    if block.hints is not None:
        out["hints"] = _hints_to_dict(block.hints)
    return out


def _document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "format": doc.format,
        "title": doc.title,
        "date": doc.date,
        "encoding": doc.encoding,
        "trailer": doc.trailer,
        "blocks": [_block_to_dict(b) for b in doc.blocks],
    }


def _span_to_dict(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"op": span.op, "text": span.text}
    if span.typographic:
        out["typographic"] = True
    return out


def _row_to_dict(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {
        "op": row.op,
        "old": list(row.old),
        "new": list(row.new),
        "similarity": row.similarity,
        "lane": row.lane,
        "matched_by": row.matched_by,
        "edited": row.edited,
        "differences": list(row.differences),
    }
    if row.spans is not None:
        out["spans"] = [_span_to_dict(s) for s in row.spans]
    return out


def _summary_to_dict(summary: Summary) -> dict[str, Any]:
    out: dict[str, Any] = dict(summary.counts)
    out["boilerplate"] = {"old": summary.boilerplate_old, "new": summary.boilerplate_new}
    out["body_changed"] = summary.body_changed
    out["verdict"] = summary.verdict
    out["metadata_changes"] = list(summary.metadata_changes)
    out["body"] = dict(summary.body_counts)
    out["guessed"] = summary.guessed
    out["body_may_have_changed"] = summary.body_may_have_changed
    out["changes"] = summary.changes
    return out


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Return the JSON contract for ``comparison`` as plain Python data, keys in a stable order."""
    options = comparison.options
    return {
        "format": FORMAT_NAME,
        "version": SCHEMA_VERSION,
        "old": _document_to_dict(comparison.old),
        "new": _document_to_dict(comparison.new),
        "rows": [_row_to_dict(r) for r in comparison.rows],
        "summary": _summary_to_dict(comparison.summary),
        "options": {
            "formatting_is_change": options.formatting_is_change,
            "ignore_case": options.ignore_case,
            "classify": options.classify,
        },
    }


def _block_from_dict(data: dict[str, Any]) -> Block:
    hints = data.get("hints")
    return Block(
        id=data["id"],
        kind=data["kind"],
        text=data["text"],
        plain=data["plain"],
        role=data.get("role", "body"),
        category=data.get("category"),
        reasons=tuple(data.get("reasons", ())),
        confidence=data.get("confidence", 1.0),
        prefix=data.get("prefix", ""),
        region=data.get("region"),
        hints=StructureHints(
            tag=hints["tag"],
            ancestors=tuple(hints.get("ancestors", ())),
            link_ratio=hints.get("link_ratio", 0.0),
            links=tuple(hints.get("links", ())),
        )
        if hints
        else None,
    )


def _document_from_dict(data: dict[str, Any]) -> Document:
    return Document(
        source=data["source"],
        format=data["format"],
        blocks=tuple(_block_from_dict(b) for b in data["blocks"]),
        title=data.get("title"),
        date=data.get("date"),
        encoding=data.get("encoding", "utf-8"),
        trailer=data.get("trailer", ""),
    )


def _row_from_dict(data: dict[str, Any]) -> Row:
    spans = data.get("spans")
    return Row(
        op=data["op"],
        old=tuple(data["old"]),
        new=tuple(data["new"]),
        similarity=data.get("similarity"),
        spans=tuple(Span(s["op"], s["text"], s.get("typographic", False)) for s in spans)
        if spans is not None
        else None,
        differences=tuple(data.get("differences", ())),
        matched_by=data.get("matched_by"),
        lane=data.get("lane", "body"),
        edited=data.get("edited", False),
    )


def _summary_from_dict(data: dict[str, Any]) -> Summary:
    from tui.model import ROW_OPS

    return Summary(
        counts={op: data[op] for op in ROW_OPS},
        boilerplate_old=data["boilerplate"]["old"],
        boilerplate_new=data["boilerplate"]["new"],
        body_changed=data["body_changed"],
        metadata_changes=tuple(data.get("metadata_changes", ())),
        verdict=data.get("verdict", ""),
        body_counts=dict(data.get("body", {})),
        changes=data.get("changes", 0),
        guessed=data.get("guessed", 0),
    )


def comparison_from_dict(data: dict[str, Any]) -> Comparison:
    """Rebuild a Comparison from its JSON contract.

    Keys this version does not know are ignored, as the contract allows keys to be added.

    Raises:
        ValueError: When ``data`` is not an article-diff report of a known version, or is incomplete.
    """
    if data.get("format") != FORMAT_NAME or data.get("version") != SCHEMA_VERSION:
        raise ValueError("not an article-diff report of schema version 1")
    known = {f.name for f in fields(Options)}
    options = {k: v for k, v in data.get("options", {}).items() if k in known}
    try:
        return Comparison(
            old=_document_from_dict(data["old"]),
            new=_document_from_dict(data["new"]),
            rows=tuple(_row_from_dict(r) for r in data["rows"]),
            summary=_summary_from_dict(data["summary"]),
            options=Options(**options),
        )
    except (KeyError, TypeError) as error:
        raise ValueError(f"incomplete article-diff report: {error}") from None
