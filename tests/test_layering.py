"""The engine, classifier and reports never import Textual (only the viewer does)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CODE = """
import sys
import tui.engine.pipeline, tui.classify, tui.serialize, tui.cli
from tui.demo import demo_bytes, DEMO_OLD, DEMO_NEW
from tui.engine.pipeline import compare_documents, load
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
