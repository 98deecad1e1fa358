"""The JSON report: the contract of design.md (schema version 1) for pipelines.

The keys and their order come from :mod:`tui.serialize`; this module only turns
them into text: the outline indented, each block and each row on one line.
Non-ASCII text stays readable (``ensure_ascii=False``), but C1 controls, DEL,
the Unicode line separators and the bidi controls (overrides, embeddings,
isolates and marks, which reorder what a terminal shows after them) are written
as ``\\u`` escapes, losslessly, so the JSON is safe to print to a terminal and to
embed in JavaScript.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.model import Comparison
from tui.serialize import comparison_to_dict

#: Characters json.dumps leaves raw with ensure_ascii=False that a terminal or a script may act on:
#: DEL and C1 controls, line and paragraph separators, bidi embeddings, overrides, isolates and marks.
_RISKY_RE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")

#: One encoder for every block and row: ``json.dumps`` with arguments builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


#: Where the JSON Schema of the report ships inside the package.
SCHEMA_RESOURCE = "schema/article-diff-report.schema.json"


def load_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every JSON report validates against."""
    from importlib.resources import files

    schema: dict[str, Any] = json.loads(files("tui.data").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))
    return schema


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _safe(text: str) -> str:
    """``text`` with its risky characters escaped; ASCII text (known in constant time) has none to look for."""
    return text if text.isascii() else _RISKY_RE.sub(_escape, text)


def _layout(value: Any, depth: int, out: list[str]) -> None:
    """Indent the outline (the top levels and the block and row lists); each block and row on one line.

    Compact items go through the C encoder, which ``indent=`` turns off: the
    3,000-paragraph report is written in a third of the time, and a block or
    row per line reads and diffs well.
    """
    expand = isinstance(value, dict | list) and value and (depth <= 1 or (depth == 2 and isinstance(value, list)))
    if not expand:
        out.append(_safe(_ENCODER.encode(value)))
        return
    pad = "  " * (depth + 1)
    if isinstance(value, dict):
        out.append("{")
        for k, (key, item) in enumerate(value.items()):
            out.append(("," if k else "") + "\n" + pad + _safe(_ENCODER.encode(key)) + ": ")
            _layout(item, depth + 1, out)
        out.append("\n" + "  " * depth + "}")
    else:
        out.append("[")
        for k, item in enumerate(value):
            out.append(("," if k else "") + "\n" + pad)
            _layout(item, depth + 1, out)
        out.append("\n" + "  " * depth + "]")


def report_dict(comparison: Comparison) -> dict[str, Any]:
    """The report's data: the contract of :mod:`tui.serialize`."""
    return comparison_to_dict(comparison)


def dumps_report(data: dict[str, Any]) -> str:
    """Report data as text: the outline indented, one block or row per line, risky characters escaped."""
    out: list[str] = []
    _layout(data, 0, out)  # escapes each piece it writes
    return "".join(out)


def dumps_line(value: Any) -> str:
    """One value as JSON on one line, risky characters escaped as in the report."""
    return _safe(_ENCODER.encode(value))


def render_json(comparison: Comparison) -> str:
    """Return the JSON report: the outline indented, one block or row per line, ending with a newline."""
    return dumps_report(report_dict(comparison)) + "\n"
