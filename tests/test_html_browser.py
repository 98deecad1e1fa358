"""The HTML report in a real browser: it renders, n/p move, the toggle hides boilerplate, nothing injected runs.

Drives Debian's headless Chromium through Playwright's Python package. Skipped,
with the reason, when either is missing. Set ``ARTICLE_DIFF_SCREENSHOTS=1`` to
refresh ``screenshots/report-*.png`` from this test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.export import write_report
from tui.export.browser import CHROMIUM_ARGS
from tui.model import Comparison

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS_ENV = "ARTICLE_DIFF_SCREENSHOTS"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def _open(browser: Any, path: Path, width: int = 1400, height: int = 900) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    page.errors = errors
    return page


def _current(page: Any) -> str | None:
    return page.evaluate("() => { const r = document.querySelector('.row.current'); return r ? r.id : null; }")


def test_report_renders_and_n_p_move_between_changes(browser: Any, demo: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "demo.html"
    write_report(demo, path)
    page = _open(browser, path)
    assert page.title().startswith("What changed")
    assert page.locator(".row").count() == len(demo.rows)
    change_ids = page.eval_on_selector_all(".row.change", "rows => rows.map(r => r.id)")
    listed = page.locator(".changes ol").first.locator("li a").count()
    assert len(change_ids) == listed >= 3, "n/p stop where the change list's article changes point"
    assert page.inner_text("#position") == f"{len(change_ids)} changes", "the count before a change is chosen"
    page.keyboard.press("n")
    assert _current(page) == change_ids[0]
    page.keyboard.press("n")
    page.keyboard.press("n")
    assert _current(page) == change_ids[2]
    assert page.locator(f"#{change_ids[2]}").is_visible()
    page.keyboard.press("p")
    assert _current(page) == change_ids[1]
    assert "Change 2 of" in page.inner_text("#position")
    assert page.errors == [], "the report's own script runs under its Content-Security-Policy"
    if os.environ.get(SCREENSHOTS_ENV):
        page.keyboard.press("p")
        page.screenshot(path=str(ROOT / "screenshots" / "report-demo.png"))
        narrow = _open(browser, path, width=420, height=900)
        narrow.screenshot(path=str(ROOT / "screenshots" / "report-narrow.png"))
        narrow.close()
    page.close()


def test_boilerplate_toggle_hides_the_appeal_and_n_skips_it(browser: Any, demo: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "demo.html"
    write_report(demo, path)
    page = _open(browser, path)
    appeal = page.locator(".row.bp", has_text="A Message from").first
    assert appeal.is_visible()
    page.click("#hide-bp")
    assert not appeal.is_visible()
    visible_changes = page.eval_on_selector_all(".row.change:not(.bp)", "rows => rows.map(r => r.id)")
    for _ in visible_changes:
        page.keyboard.press("n")
    assert _current(page) == visible_changes[-1]
    count = len(visible_changes)
    assert page.inner_text("#position") == f"Change {count} of {count}"
    page.keyboard.press("b")
    assert appeal.is_visible()
    # The selected change stays selected; its place is counted among all changes now.
    every = page.eval_on_selector_all(".row.change", "rows => rows.map(r => r.id)")
    assert page.inner_text("#position") == f"Change {every.index(visible_changes[-1]) + 1} of {len(every)}"
    page.close()


def test_script_in_an_article_shows_as_text_and_does_not_run(browser: Any, tmp_path: Path) -> None:
    old = "The mayor said the plan was fine.\n\nNothing else changed in this story today.\n"
    new = (
        "The mayor said the plan was <script>window.__pwned = 1</script> fine "
        '<img src=x onerror="window.__pwned = 2"> indeed.\n\n'
        "Nothing else changed in this story today.\n"
    )
    comparison = compare_documents(
        load("old.txt", "text", data=old.encode()), load("new.txt", "text", data=new.encode())
    )
    path = tmp_path / "hostile.html"
    write_report(comparison, path)
    page = _open(browser, path)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.inner_text(".cell.new")
    page.close()


def test_narrow_screen_stacks_the_columns(browser: Any, demo: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "demo.html"
    write_report(demo, path)
    page = _open(browser, path, width=420, height=800)
    row = page.locator(".row.op-modified").first
    old_box = row.locator(".cell.old").bounding_box()
    new_box = row.locator(".cell.new").bounding_box()
    assert new_box["y"] >= old_box["y"] + old_box["height"] - 1, "new side below the old side"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 420, "no sideways scrolling"
    page.close()
