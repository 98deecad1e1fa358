"""The HTML history report: one self-contained page, the timeline, each step's verdict, loud steps open."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tui.cli import main

LEDE = "The council met on Monday to discuss the new harbour barrier and its cost to the town."
FISH = "Fishermen gathered outside the town hall, saying they had not been consulted on the plan."


class Steps(HTMLParser):
    """The <details class="step ..."> elements: their classes and whether they are open."""

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[tuple[str, bool]] = []
        self.scripts = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "details" and "step" in (found.get("class") or "").split():
            self.steps.append((found.get("class") or "", "open" in found))
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href"):
            value = found.get(key) or ""
            if value and not value.startswith("#"):
                self.external.append(value)


def write(folder: Path, name: str, *paragraphs: str) -> Path:
    path = folder / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def report(tmp_path: Path) -> str:
    """Four versions: a quiet step (quotes), a stealth edit, a quiet step (nothing)."""
    a = write(tmp_path, "1.txt", LEDE, 'He said "no".')
    b = write(tmp_path, "2.txt", LEDE, "He said “no”.")
    c = write(tmp_path, "3.txt", LEDE, "He said “no” to the <script>alert(1)</script> plan.")
    d = write(tmp_path, "4.txt", LEDE, "He said “no” to the <script>alert(1)</script> plan.")
    out = tmp_path / "history.html"
    assert main([str(a), str(b), str(c), str(d), "-o", str(out)]) == 1
    return out.read_text(encoding="utf-8")


def test_loud_steps_are_open_and_quiet_ones_folded(report: str) -> None:
    parser = Steps()
    parser.feed(report)
    assert parser.steps == [("step quiet", False), ("step changed", True), ("step quiet", False)]


def test_the_timeline_names_every_version_and_its_step(report: str) -> None:
    timeline = report[report.index('<table class="timeline">') : report.index("</table>")]
    assert timeline.count("<tr class=") == 4
    assert 'class="quiet"' in timeline and 'class="changed"' in timeline
    assert "quiet: formatting only" in timeline and 'href="#step1"' in timeline
    assert "Article body changed in 1 of 3 steps." in report


def test_self_contained_and_escaped(report: str) -> None:
    parser = Steps()
    parser.feed(report)
    assert parser.scripts == 0 and parser.external == []
    assert "script-src 'none'" in report
    assert "<script>alert(1)" not in report and "&lt;script&gt;" in report
    assert re.search(r'<p class="k-paragraph">He said “no” to the &lt;script&gt;alert\(1\)&lt;/script&gt; plan', report)
