"""The viewer's behaviour, driven with Pilot: keys, toggles, sync, search, help and export."""

from __future__ import annotations

import asyncio
import functools
import json
import re
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tui.app.app import ArticleDiffApp
from tui.app.screens.main import DiffScreen
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.errors import ArticleDiffError
from tui.model import Comparison


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test without an asyncio plugin (pytest-textual-snapshot needs plain tests anyway)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@cache
def demo() -> Comparison:
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


def long_pair(paragraphs: int = 60) -> Comparison:
    sentence = "Paragraph {i} of the article says the council met on day {i} and argued at length."
    old = [sentence.format(i=i) for i in range(paragraphs)]
    new = list(old)
    for i in range(5, paragraphs, 11):
        new[i] = new[i].replace("argued", "agreed")
    new.insert(20, "An inserted paragraph about the harbour barrier and its cost.")
    old_doc = load("old.txt", data="\n\n".join(old).encode())
    return compare_documents(old_doc, load("new.txt", data="\n\n".join(new).encode()))


@asynccontextmanager
async def viewer(
    comparison: Comparison, size: tuple[int, int] = (140, 40), **kwargs: object
) -> AsyncIterator[tuple[Pilot[int], DiffScreen]]:
    app = ArticleDiffApp(comparison=comparison, **kwargs)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.diff_screen
        assert screen is not None
        await pilot.pause()
        yield pilot, screen


def top_entry(screen: DiffScreen) -> int:
    layout = screen.diff_layout
    assert layout is not None
    return layout.entry_at(round(screen.left.scroll_y))


@sync
async def test_next_and_previous_change_land_on_changes_in_order() -> None:
    async with viewer(demo()) as (pilot, screen):
        layout = screen.diff_layout
        assert layout is not None
        visited = []
        for _ in range(4):
            await pilot.press("n")
            assert screen.state.cursor is not None
            visited.append(screen.state.cursor)
        entries = [layout.entries[i] for i in visited]
        assert all(e.op not in ("equal", "formatting") and e.lane != "boilerplate" for e in entries)
        assert visited == sorted(visited) and len(set(visited)) == 4
        # The change is on screen, just below the top.
        current = layout.entries[visited[-1]]
        assert screen.left.scroll_y <= current.y < screen.left.scroll_y + screen.left.size.height
        await pilot.press("p")
        assert screen.state.cursor == visited[-2]
        status = str(screen.query_one("#status").render())
        assert "change 3 of" in status


@sync
async def test_any_change_also_stops_at_formatting_rows() -> None:
    async with viewer(demo()) as (pilot, screen):
        layout = screen.diff_layout
        assert layout is not None
        ops = []
        for _ in range(12):
            await pilot.press("]")
            assert screen.state.cursor is not None
            ops.append(layout.entries[screen.state.cursor].op)
        assert "formatting" in ops


@sync
async def test_panes_stay_in_sync_after_page_down_resize_and_search() -> None:
    async with viewer(long_pair(), size=(120, 30)) as (pilot, screen):
        await pilot.press("pagedown", "pagedown")
        assert screen.left.scroll_y > 0
        assert screen.left.scroll_y == screen.right.scroll_y
        row_before = screen._anchor()
        await pilot.resize_terminal(150, 30)
        await pilot.pause()
        await pilot.pause()
        assert screen.left.scroll_y == screen.right.scroll_y
        assert screen._anchor() is not None and row_before is not None
        assert screen._anchor()[0] == row_before[0], "the same paragraph should stay on top after a resize"  # type: ignore[index]
        await pilot.press("slash", *"day 50", "enter")
        await pilot.pause()
        assert screen.state.current_match is not None
        assert screen.left.scroll_y == screen.right.scroll_y
        entry = screen.state.current_match[0]
        layout = screen.diff_layout
        assert layout is not None
        y = layout.entries[entry].y
        assert screen.left.scroll_y <= y < screen.left.scroll_y + screen.left.size.height
        # Scrolling the right pane by itself (as the wheel or its scrollbar do) moves the left one too.
        before = screen.left.scroll_y
        screen.right.scroll_to(y=before + 5, animate=False)
        await pilot.pause()
        await pilot.pause()
        assert screen.left.scroll_y == screen.right.scroll_y != before


@sync
async def test_search_walks_matches_both_ways_and_escape_clears() -> None:
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("slash", *"council", "enter")
        count = len(screen._match_list)
        assert count >= 3
        first = screen.state.current_match
        await pilot.press("enter")
        assert screen.state.current_match != first
        await pilot.press("shift+enter")
        assert screen.state.current_match == first
        await pilot.press("escape")
        assert screen.state.matches == {} and screen.state.current_match is None


@sync
async def test_boilerplate_cycles_dimmed_hidden_shown() -> None:
    async with viewer(demo()) as (pilot, screen):
        assert screen.options.boilerplate == "dim"
        layout = screen.diff_layout
        assert layout is not None
        has_boilerplate = any(e.lane == "boilerplate" for e in layout.entries)
        await pilot.press("b")
        assert screen.options.boilerplate == "hide"
        hidden = screen.diff_layout
        assert hidden is not None
        assert not any(e.lane == "boilerplate" for e in hidden.entries)
        if has_boilerplate:
            assert hidden.height < layout.height
        await pilot.press("b")
        assert screen.options.boilerplate == "show"
        shown = screen.diff_layout
        assert shown is not None
        assert not any(e.dim for e in shown.entries)


@sync
async def test_formatting_fold_unified_and_swap_toggles() -> None:
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("f")
        layout = screen.diff_layout
        assert layout is not None
        formatting = next(e for e in layout.entries if e.op == "formatting")
        assert any("quotes" in p.text or "markup" in p.text for column in formatting.columns for p in column)
        await pilot.press("u")
        assert screen.options.fold_unchanged
        await pilot.press("v")
        assert screen.options.unified and not screen.right.display
        layout = screen.diff_layout
        assert layout is not None and layout.unified
        await pilot.press("v")
        assert not screen.options.unified and screen.right.display
        old_source = screen.comparison.old.source
        await pilot.press("s")
        assert screen.comparison.new.source == old_source


@sync
async def test_narrow_terminal_opens_unified() -> None:
    async with viewer(demo(), size=(90, 30)) as (_pilot, screen):
        assert screen.options.unified
        layout = screen.diff_layout
        assert layout is not None and layout.unified


@sync
async def test_help_opens_and_closes() -> None:
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("question_mark")
        assert type(pilot.app.screen).__name__ == "HelpScreen"
        text = " ".join(str(w.render()) for w in pilot.app.screen.query("Static"))
        assert "Next change" in text and "Swap" in text
        await pilot.press("escape")
        assert pilot.app.screen is screen


@sync
async def test_change_list_jumps_to_the_chosen_change() -> None:
    async with viewer(long_pair(), size=(140, 30)) as (pilot, screen):
        await pilot.press("n", "n", "l")
        changes = screen.query_one("#changes", OptionList)
        assert changes.has_focus
        # The list opens on the current change, even though showing it narrowed the panes (a relayout).
        highlighted = changes.highlighted
        assert highlighted is not None
        assert changes.get_option_at_index(highlighted).id == str(screen.state.cursor)
        await pilot.press("end", "enter")
        await pilot.pause()
        layout = screen.diff_layout
        assert layout is not None and screen.state.cursor is not None
        last_change = max(i for i, e in enumerate(layout.entries) if e.op not in ("equal",) and e.kind == "row")
        assert screen.state.cursor == last_change
        assert screen.left.scroll_y > 0


async def _until(pilot: Any, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until ``condition`` holds (a loaded machine can take a few frames), or fail."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), "the viewer did not get there in time"


@sync
async def test_export_dialog_writes_a_report(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("e")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "ExportScreen")
        from textual.widgets import Input, Select

        pilot.app.screen.query_one("#format", Select).value = "json"
        await pilot.pause()
        pilot.app.screen.query_one("#path", Input).value = str(target)
        await pilot.click("#write")
        await _until(pilot, lambda: pilot.app.screen is screen)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "article-diff"
    assert len(data["rows"]) == len(demo().rows)


@sync
async def test_export_dialog_reports_an_unwritable_path(tmp_path: Path) -> None:
    async with viewer(demo()) as (pilot, _screen):
        await pilot.press("e")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "ExportScreen")
        from textual.widgets import Input

        pilot.app.screen.query_one("#path", Input).value = str(tmp_path / "missing" / "dir" / "r.html")
        await pilot.click("#write")
        await _until(pilot, lambda: bool(str(pilot.app.screen.query_one("#error").render()).strip()))
        assert type(pilot.app.screen).__name__ == "ExportScreen"


@sync
async def test_hostile_text_never_reaches_the_terminal_raw() -> None:
    old = "Plain start.\n\nA \x1b[31mred\x1b[0m alert\r with a bell\x07 and\ttab.\n\n東京の港で漁師たちが抗議した。"
    new = "Plain start.\n\nA \x1b[32mgreen\x1b[0m alert\r with a bell\x07 and\ttab. 🎉\n\nשלום עולם, مرحبا بالعالم"
    comparison = compare_documents(load("old.txt", data=old.encode()), load("new.txt", data=new.encode()))
    async with viewer(comparison, size=(100, 30), unified=False) as (_pilot, screen):
        for pane in (screen.left, screen.right):
            width = pane.text_region_width
            for y in range(pane.size.height):
                strip = pane.render_line(y)
                assert strip.cell_length == width
                text = "".join(segment.text for segment in strip)
                assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), repr(text)


@sync
async def test_the_comparison_runs_in_a_worker_and_errors_end_with_status_2() -> None:
    app = ArticleDiffApp(demo)
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: app.diff_screen is not None)
    assert app.result_status == (1 if demo().summary.body_changed else 0)

    def fail() -> Comparison:
        raise ArticleDiffError("cannot read old.txt: No such file or directory")

    failing = ArticleDiffApp(fail)
    async with failing.run_test(size=(120, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if failing.error:
                break
    assert failing.error == "article-diff: cannot read old.txt: No such file or directory"
    assert failing.return_code == 2


@sync
async def test_a_slow_comparison_shows_its_progress_and_a_quick_one_goes_straight_to_the_diff() -> None:
    from textual.widgets import Static

    from tui.app.screens.loading import SHOW_AFTER, LoadingScreen

    release = threading.Event()

    def slow() -> Comparison:
        release.wait(10)
        return demo()

    app = ArticleDiffApp(slow, title_hint="old.txt → new.txt")
    async with app.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, LoadingScreen) and app.screen.is_mounted)
        progress = app.screen.query_one("#progress", Static)
        await _until(pilot, lambda: "Comparing old.txt → new.txt…" in str(progress.render()))
        release.set()
        await _until(pilot, lambda: app.diff_screen is not None and app.screen is app.diff_screen)
        assert not any(isinstance(screen, LoadingScreen) for screen in app.screen_stack)

    quick = ArticleDiffApp(demo)
    async with quick.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: quick.diff_screen is not None)
        await pilot.pause(SHOW_AFTER + 0.1)  # past the moment the progress screen would have appeared
        assert quick.screen is quick.diff_screen
        assert not any(isinstance(screen, LoadingScreen) for screen in quick.screen_stack)


@sync
async def test_the_cycle_collector_rests_while_the_first_screen_is_built_and_resumes_after() -> None:
    import gc

    assert gc.isenabled()
    during: list[bool] = []

    def comparing() -> Comparison:
        during.append(gc.isenabled())
        return demo()

    app = ArticleDiffApp(comparing)
    async with app.run_test(size=(120, 30)):
        await asyncio.wait_for(app.first_paint.wait(), 10)
        assert gc.isenabled(), "a viewer that lives on must collect its garbage after the first screen"
    assert during == [False]

    def fail() -> Comparison:
        raise ArticleDiffError("cannot read old.txt")

    failing = ArticleDiffApp(fail)
    async with failing.run_test(size=(120, 30)) as pilot:
        await _until(pilot, lambda: failing.error is not None)
    assert gc.isenabled()


def test_importing_the_viewer_package_does_not_load_textual() -> None:
    code = "import sys, tui.app; assert 'textual' not in sys.modules, 'textual imported'"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("mode", ["dim", "hide", "show"])
def test_the_viewer_and_the_reports_name_the_boilerplate_mode_alike(mode: str) -> None:
    from tui.app.layout import ViewOptions
    from tui.export.options import ReportOptions
    from tui.present import boilerplate_mode

    assert ViewOptions(boilerplate=boilerplate_mode(mode)).boilerplate == ReportOptions(boilerplate=mode).boilerplate


@sync
async def test_a_theme_change_redraws_the_panes_in_the_new_colours() -> None:
    async with viewer(demo()) as (pilot, screen):
        before = {segment.style.bgcolor for segment in screen.left.render_line(0) if segment.style}
        pilot.app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        after = {segment.style.bgcolor for segment in screen.left.render_line(0) if segment.style}
        assert before and after and before.isdisjoint(after)


@sync
async def test_clicking_the_ruler_jumps_and_tab_switches_panes() -> None:
    async with viewer(long_pair(), size=(140, 30)) as (pilot, screen):
        ruler = screen.query_one("#ruler")
        await pilot.click("#ruler", offset=(0, ruler.size.height - 1))
        await pilot.pause()
        assert screen.left.scroll_y == screen.left.max_scroll_y > 0, "a click at the foot of the ruler shows the end"
        assert screen.right.scroll_y == screen.left.scroll_y
        assert pilot.app.focused is screen.left
        await pilot.press("tab")
        assert pilot.app.focused is screen.right
        await pilot.press("tab")
        assert pilot.app.focused is screen.left


@sync
async def test_help_and_quit_always_show_in_the_footer_at_90_columns() -> None:
    from textual.widgets._footer import FooterKey

    async with viewer(demo(), size=(90, 30)) as (_pilot, screen):
        keys = {k.action: k for k in screen.query(FooterKey)}
        for action in ("help", "quit"):
            region = keys[action].region
            assert region.width > 0 and region.right <= 90, action


@sync
async def test_the_footer_is_built_once_and_rebuilt_only_when_its_keys_change() -> None:
    """Focus moving between the panes left the keys as they were but rebuilt them all (three builds per start)."""
    from textual.widgets._footer import FooterKey

    async with viewer(demo()) as (pilot, screen):
        await pilot.pause()
        first = list(screen.query(FooterKey))
        await pilot.press("tab")
        await pilot.pause()
        assert pilot.app.focused is screen.right
        assert list(screen.query(FooterKey)) == first, "the same keys were rebuilt"
        await pilot.press("slash")
        await _until(pilot, lambda: "Close search" in {k.description for k in screen.query(FooterKey)})
        assert "Boilerplate" not in {k.description for k in screen.query(FooterKey)}
        await pilot.press("escape")
        await _until(pilot, lambda: "Boilerplate" in {k.description for k in screen.query(FooterKey)})
        assert [(k.key, k.description) for k in screen.query(FooterKey)] == [(k.key, k.description) for k in first]


@sync
async def test_the_help_screen_scrolls_by_keyboard_and_says_how_to_close() -> None:
    async with viewer(demo(), size=(90, 24)) as (pilot, _screen):
        await pilot.press("question_mark")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "HelpScreen")
        scroll = pilot.app.screen.query_one("#help-scroll")
        assert pilot.app.screen.focused is scroll
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        assert "escape, ? or q closes" in str(pilot.app.screen.query_one(".title").render())
        await pilot.press("escape")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "DiffScreen")


@sync
async def test_the_status_names_the_current_changes_paragraphs_with_their_side() -> None:
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("n")
        await pilot.pause()
        status = str(screen.query_one("#status").render())
        assert status.startswith("change 1 of 5 · old ¶5 → new ¶1"), status


@sync
async def test_colon_goes_to_a_paragraph_of_either_side() -> None:
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("colon")
        await pilot.press(*"old 10", "enter")
        await pilot.pause()
        layout = screen.diff_layout
        assert layout is not None and screen.state.cursor is not None
        assert layout.entries[screen.state.cursor].old_number == 10
        await pilot.press("colon")
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert layout.entries[screen.state.cursor].new_number == 12


def test_paragraph_references_read_as_people_type_them() -> None:
    from tui.app.screens.main import parse_paragraph

    assert parse_paragraph("12") == ("new", 12)
    assert parse_paragraph("old 8") == ("old", 8)
    assert parse_paragraph("o8") == ("old", 8)
    assert parse_paragraph("new ¶12") == ("new", 12)
    assert parse_paragraph("eight") is None


@sync
async def test_c_copies_the_current_change_through_the_terminal() -> None:
    async with viewer(demo()) as (pilot, _screen):
        copied: list[str] = []
        pilot.app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("n", "c")
        await pilot.pause()
        assert copied and copied[0].startswith("old ¶5 → new ¶1")
        assert "three hundred" in copied[0] and "two hundred" in copied[0]


@sync
async def test_o_says_so_when_no_report_was_written_and_opens_the_last_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app.opener as opener

    opened: list[list[str]] = []
    monkeypatch.setattr(opener.subprocess, "Popen", lambda command, **_kw: opened.append(command))
    monkeypatch.setattr(opener, "opener_command", lambda path: ["xdg-open", str(path)])
    async with viewer(demo()) as (pilot, _screen):
        await pilot.press("o")
        await pilot.pause()
        assert any("No report written yet" in n.message for n in pilot.app._notifications)
        report = tmp_path / "r.html"
        report.write_text("x", encoding="utf-8")
        pilot.app.export_memory.last_report = report  # type: ignore[attr-defined]
        await pilot.press("o")
        await pilot.pause()
    assert opened == [["xdg-open", str(report)]]


@sync
async def test_the_export_dialog_starts_beside_the_new_version_and_remembers_format_and_folder(tmp_path: Path) -> None:
    from textual.widgets import Input, Select

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("One paragraph.\n\nTwo.", encoding="utf-8")
    new.write_text("One paragraph.\n\nTwo, edited.", encoding="utf-8")
    comparison = compare_documents(load(str(old)), load(str(new)))
    out = tmp_path / "reports"
    out.mkdir()
    async with viewer(comparison) as (pilot, _screen):
        await pilot.press("e")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "ExportScreen")
        path = pilot.app.screen.query_one("#path", Input)
        assert Path(path.value).parent == tmp_path.resolve()
        pilot.app.screen.query_one("#format", Select).value = "md"
        await pilot.pause()
        path.value = str(out / "diff.md")
        await pilot.press("enter")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "DiffScreen")
        await pilot.press("e")
        await _until(pilot, lambda: type(pilot.app.screen).__name__ == "ExportScreen")
        assert pilot.app.screen.query_one("#format", Select).value == "md"
        assert Path(pilot.app.screen.query_one("#path", Input).value).parent == out.resolve()
    assert (out / "diff.md").is_file()


@sync
async def test_the_change_list_has_headings_and_closes_with_escape() -> None:
    async with viewer(demo()) as (pilot, screen):
        await pilot.press("l")
        await pilot.pause()
        changes = screen.query_one("#changes", OptionList)
        headings = [str(o.prompt) for o in changes.options if o.disabled]
        assert [h.split(" (")[0] for h in headings] == ["Changes", "Formatting only", "Boilerplate", "Metadata"]
        assert any("donation appeal" in str(o.prompt) for o in changes.options)
        await pilot.press("escape")
        await pilot.pause()
        assert not changes.has_class("-shown")


def test_the_header_shortens_long_names_in_the_middle_and_clips_with_an_ellipsis() -> None:
    from rich.cells import cell_len

    from tui.app.widgets.header import clip, shorten_middle

    name = "/srv/archive/scrapes/2025/02/25/kremlin-applauds-us-position-new.html"
    short = shorten_middle(name, 30)
    assert cell_len(short) == 30 and short.endswith("position-new.html") and "…" in short
    assert clip("Harbour Council Delays Vote", 12) == "Harbour Cou…"
    assert clip("short", 12) == "short"
