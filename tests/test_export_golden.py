"""Golden reports for the demo pair and the seed pair, one file per format.

A change to a report shows up here as a diff a person can read. When the change
is intended, regenerate the files and review them in ``git diff``:

    ARTICLE_DIFF_REGEN_GOLDEN=1 pytest tests/test_export_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.export import EXTENSIONS, render_report
from tui.model import Comparison

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN_ENV = "ARTICLE_DIFF_REGEN_GOLDEN"


def _demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def _seed() -> Comparison:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent: the reference pair ships with the workplace, not the project")
    old, new = sorted(SEEDS.glob("*.txt"))[:2]
    # Sources named relative to ../shared so the golden files do not depend on where the checkout lives.
    return compare_documents(
        load(f"seeds/{old.name}", data=old.read_bytes()), load(f"seeds/{new.name}", data=new.read_bytes())
    )


PAIRS = {"demo": _demo, "seed": _seed}


@pytest.fixture(scope="module", params=list(PAIRS))
def pair(request: pytest.FixtureRequest) -> tuple[str, Comparison]:
    name = str(request.param)
    return name, PAIRS[name]()


@pytest.mark.parametrize("fmt", ["html", "md", "json", "text"])
def test_report_matches_its_golden_file(pair: tuple[str, Comparison], fmt: str) -> None:
    name, comparison = pair
    report = render_report(comparison, fmt)
    path = GOLDEN / f"{name}{EXTENSIONS[fmt]}"  # type: ignore[index]
    if os.environ.get(REGEN_ENV):
        path.write_bytes(report.encode("utf-8"))
    assert path.is_file(), f"{path.name} is missing: run with {REGEN_ENV}=1 to write it"
    expected = path.read_bytes().decode("utf-8")
    assert "\r" not in expected, "golden files are pinned to LF"
    assert report == expected, f"{path.name} differs: if the change is intended, run with {REGEN_ENV}=1 and review"
