"""Issue 17 item 7: no user text goes through markup parsing in the viewer (search, export, loading).

BBCode and WordPress shortcodes (``[/quote]``) are common in scraped text; read as Textual markup, a search for
one crashed the viewer with a MarkupError, and an export path holding ``[/x]`` did the same when the export failed.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.test_app import _until, sync, viewer
from tui.app.app import ArticleDiffApp
from tui.compare import compare_documents, load
from tui.model import Comparison

SHORTCODES = "[quote]The council met on Monday.[/quote]\n\n[b]It voted[/b] to build the [/x] barrier.\n"


def _shortcodes() -> Comparison:
    edited = SHORTCODES.replace("build", "fund")
    return compare_documents(load("old.txt", data=SHORTCODES.encode()), load("new.txt", data=edited.encode()))


def _status(screen: object) -> str:
    return str(screen.query_one("#status", Static).render())  # type: ignore[attr-defined]


@sync
async def test_searching_for_a_closing_shortcode_finds_it() -> None:
    async with viewer(_shortcodes()) as (pilot, screen):
        await pilot.press("slash", *"[/quote]", "enter")
        await pilot.pause()
        assert screen._match_list, "the text holds [/quote]"
        assert "[/quote]" in _status(screen)
        await pilot.press("escape")
        await pilot.press("slash", *"[/nowhere]", "enter")
        await pilot.pause()
        assert pilot.app.is_running
        assert "no match" in _status(screen)


@sync
async def test_an_export_path_with_markup_fails_and_succeeds_as_plain_text(tmp_path: Path) -> None:
    async with viewer(_shortcodes()) as (pilot, screen):
        await pilot.press("e")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "ExportScreen")
        dialog = pilot.app.screen
        dialog.query_one("#path", Input).value = str(tmp_path / "[/x]" / "[b]r.html")
        await pilot.click("#write")
        await _until(pilot, lambda: bool(str(dialog.query_one("#error", Static).render()).strip()))
        assert "[/x]" in str(dialog.query_one("#error", Static).render())
        (tmp_path / "[/x]").mkdir(parents=True)
        dialog.action_write()  # type: ignore[attr-defined]
        await _until(pilot, lambda: pilot.app.screen is screen)
        await pilot.pause()
        assert pilot.app.is_running
    assert (tmp_path / "[/x]" / "[b]r.html").read_text(encoding="utf-8").startswith("<!doctype html>")


@sync
async def test_the_loading_screen_shows_file_names_as_they_are() -> None:
    app = ArticleDiffApp(_shortcodes, title_hint="[/old].txt → [b]new.txt")
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: app.diff_screen is not None)
    assert app.error is None
