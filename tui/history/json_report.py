"""The history JSON: ``{"format": "article-history", "version": 1, ...}`` for pipelines.

Each comparison inside is the pair report of design.md, unchanged, so a tool
that reads one pair reads every step. Keys are stable: add, never rename. The
schema ships beside the pair's (``tui/data/schema/article-history.schema.json``).
"""

from __future__ import annotations

import json
from typing import Any

from tui.export.json_report import dumps_line, dumps_report, report_dict
from tui.history.model import History, Paragraph, Version

FORMAT_NAME = "article-history"
SCHEMA_VERSION = 1
SCHEMA_RESOURCE = "schema/article-history.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the history JSON; its comparisons refer to the pair report's schema."""
    from importlib.resources import files  # only the schema needs it; a history report does not load it

    schema: dict[str, Any] = json.loads(files("tui.data").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))
    return schema


def _version(index: int, version: Version) -> dict[str, Any]:
    doc = version.document
    return {
        "index": index,
        "label": version.label,
        "source": version.source,
        "time": version.time,
        "format": doc.format,
        "title": doc.title,
        "encoding": doc.encoding,
        "blocks": len(doc.blocks),
    }


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "id": paragraph.id,
        "role": paragraph.role,
        "origin": paragraph.origin,
        "from": list(paragraph.sources),
        "appeared": paragraph.appeared,
        "changed_in": list(paragraph.changed_in),
        "left": paragraph.left,
        "end": paragraph.end,
        "into": list(paragraph.into),
        "stops": [
            {"version": s.version, "block": s.block, "op": s.op, "changed": s.changed} for s in paragraph.stops
        ],
    }


def _summary(history: History) -> dict[str, Any]:
    summary = history.summary
    return {
        "versions": len(history.versions),
        "comparisons": len(history.comparisons),
        "body_changed": summary.body_changed,
        "body_may_have_changed": summary.body_may_have_changed,
        "body_changed_in": list(summary.body_changed_in),
        "body_may_have_changed_in": list(summary.body_may_have_changed_in),
        "quiet": list(summary.quiet),
        "headline_changes": [{"comparison": i, "old": old, "new": new} for i, old, new in summary.headline_changes],
        "metadata_changes": [{"comparison": i, "categories": list(c)} for i, c in summary.metadata_changes],
        "changes": list(summary.changes),
        "verdict": history.verdict,
    }


def history_dict(history: History) -> dict[str, Any]:
    """The history JSON as plain Python data, keys in a stable order."""
    return {
        "format": FORMAT_NAME,
        "version": SCHEMA_VERSION,
        "versions": [_version(i, v) for i, v in enumerate(history.versions)],
        "comparisons": [report_dict(c) for c in history.comparisons],
        "lineage": [_paragraph(p) for p in history.lineage],
        "summary": _summary(history),
    }


def _indented(text: str, pad: str) -> str:
    return text.replace("\n", "\n" + pad)


def render_history_json(history: History) -> str:
    """The history JSON as text: a version or a paragraph a line, each comparison laid out as its pair report."""
    parts = []
    for key, value in history_dict(history).items():
        head = f"  {json.dumps(key)}: "
        if key == "comparisons":
            items = ["    " + _indented(dumps_report(item), "    ") for item in value]
        elif key in ("versions", "lineage"):
            items = ["    " + dumps_line(item) for item in value]
        else:
            if isinstance(value, dict):
                fields = [f"    {json.dumps(k)}: {dumps_line(v)}" for k, v in value.items()]
                parts.append(head + "{\n" + ",\n".join(fields) + "\n  }")
            else:
                parts.append(head + dumps_line(value))
            continue
        parts.append(head + ("[\n" + ",\n".join(items) + "\n  ]" if items else "[]"))
    return "{\n" + ",\n".join(parts) + "\n}\n"
