"""The engine, classifier and reports never import Textual (only the viewer does)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CODE = """
import sys
import tui.compare, tui.classify, tui.serialize, tui.cli
from tui.demo import demo_bytes, DEMO_OLD, DEMO_NEW
from tui.compare import compare_documents, load
compare_documents(load("old.md", data=demo_bytes(DEMO_OLD)), load("new.txt", data=demo_bytes(DEMO_NEW)))
try:
    import tui.export
except ImportError:
    pass
print("textual" in sys.modules)
"""


def test_engine_and_reports_do_not_import_textual() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_tests_and_bench_never_import_each_other() -> None:
    """The product's tests and the benchmark's tools stay apart (bench/tests holds the tools' own tests)."""
    import ast

    for folder, other in (("tests", "bench"), ("bench", "tests")):
        for path in (ROOT / folder).rglob("*.py"):
            if folder == "bench" and "tests" in path.relative_to(ROOT / "bench").parts:
                continue  # the benchmark's own tests import the benchmark, as they should
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                assert not any(n == other or n.startswith(other + ".") for n in names), f"{path} imports {other}"
