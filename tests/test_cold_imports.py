"""A report run imports only what it needs: the user waits for every import, before any work starts.

Each test runs ``article-diff OLD NEW --format json -o -`` as a fresh process under
``python -X importtime`` (which lists every module the run imported) and fails
when the run loaded a package it has no use for: the viewer (Textual, Rich), the
HTML readers (trafilatura, selectolax, lxml), the Markdown parser for two text
files, the encoding guesser for UTF-8, the ``regex`` engine without a user
lexicon, the network and archive libraries of the history sources. Together they
once cost a report of two short text files over 0.3 s of imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: Packages no report of two UTF-8 files reads as text or Markdown ever needs, with what they are for.
NEVER = {
    "textual": "the viewer",
    "rich": "the viewer and --print",
    "trafilatura": "HTML pages",
    "selectolax": "HTML pages",
    "lxml": "HTML pages",
    "charset_normalizer": "input that is not UTF-8",
    "regex": "a user's lexicon regular expressions",
    "httpx": "URL sources",
    "socket": "URL sources (email.utils, for HTTP dates, brings it)",
    "warcio": "WARC files",
    "playwright": "the HTML report's browser tests",
}

OLD = "Council votes on the barrier\n\nThe council met on Monday. Residents said they would return.\n"
NEW = "Council votes on the barrier\n\nThe council met on Tuesday. Residents said they would return.\n"


def imported_by_report(old: Path, new: Path) -> set[str]:
    """The top-level packages a JSON report run of ``old`` and ``new`` imported, from ``-X importtime``."""
    return {name.partition(".")[0] for name in modules_imported_by_report(old, new)}


def modules_imported_by_report(old: Path, new: Path) -> set[str]:
    """Every module, by its full name, a JSON report run of ``old`` and ``new`` imported."""
    command = [sys.executable, "-X", "importtime", "-m", "tui", str(old), str(new), "--format", "json", "-o", "-"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=_environment())
    assert done.returncode == 1, done.stderr  # the body changed: the report was made
    assert json.loads(done.stdout)["summary"]["body_changed"] is True
    names = {line.rpartition("|")[2].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return names - {"imported package"}  # the header line's last column


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTICLE_DIFF_")}
    env["ARTICLE_DIFF_CONFIG"] = ""  # a developer's config file could name a lexicon
    return env


def test_a_json_report_of_two_text_files_imports_no_viewer_html_markdown_or_network_library(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    modules = modules_imported_by_report(old, new)
    imported = {name.partition(".")[0] for name in modules}
    assert "tui" in imported and "fast_diff_match_patch" in imported  # the listing did list the run's imports
    wasted = {name: why for name, why in {**NEVER, "markdown_it": "Markdown input"}.items() if name in imported}
    assert not wasted, f"a text report imported what it never uses: {wasted}"
    # the command line asks whether the arguments name a history, never loading a source to do so (5 ms)
    history_sources = {name for name in modules if name.startswith("tui.history.sources.")}
    assert not history_sources, f"a pair's report loaded the history sources: {sorted(history_sources)}"
    assert not any(name.startswith("tui.batch") for name in modules), "a pair's report loaded the batch runner"
    # the JSON report is the contract's data: it needs no drawing of rows (8 ms of imports)
    assert not any(name.startswith("tui.present") for name in modules), "a JSON report loaded the presentation"


def test_a_json_report_of_markdown_imports_the_markdown_parser_and_nothing_for_html_or_the_viewer(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# " + OLD.replace("Monday", "`Monday`"), encoding="utf-8")  # code: beyond markdown_inline
    new.write_text("# " + NEW.replace("Tuesday", "[Tuesday](https://example.org)"), encoding="utf-8")
    imported = imported_by_report(old, new)
    assert "markdown_it" in imported
    wasted = {name: why for name, why in NEVER.items() if name in imported}
    assert not wasted, f"a Markdown report imported what it never uses: {wasted}"
