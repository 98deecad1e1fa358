"""The JSON report: the contract of design.md (schema version 1) for pipelines.

The keys and their order come from :mod:`tui.serialize`; this module only turns
them into text. Non-ASCII text stays readable (``ensure_ascii=False``), but C1
controls, DEL and the Unicode line separators are written as ``\\u`` escapes so
the JSON is safe to print to a terminal and to embed in JavaScript.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

from tui.model import Comparison
from tui.serialize import comparison_to_dict

#: Characters json.dumps leaves raw with ensure_ascii=False that a terminal or a script may act on.
_RISKY_RE = re.compile("[\x7f-\x9f\u2028\u2029]")


#: Where the JSON Schema of the report ships inside the package.
SCHEMA_RESOURCE = "schema/article-diff-report.schema.json"


def load_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every JSON report validates against."""
    schema: dict[str, Any] = json.loads(files("tui.data").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))
    return schema


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def render_json(comparison: Comparison) -> str:
    """Return the JSON report, two-space indented, ending with a newline."""
    text = json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2)
    return _RISKY_RE.sub(_escape, text) + "\n"
