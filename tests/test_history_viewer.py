"""The viewer on a history: the version strip, keys that walk and pick pairs, a paragraph's history."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest
from textual.widgets import Static

from tests.test_app import sync
from tui.app.history import HistoryApp
from tui.app.screens.history import HistoryScreen, LineageScreen, parse_pair
from tui.app.widgets.version_strip import VersionStrip
from tui.history.build import build_history
from tui.history.model import History
from tui.history.sources import Snapshot

LEDE = "The council met on Monday to discuss the new harbour barrier and its cost to the town."
FISH = "Fishermen gathered outside the town hall, saying they had not been consulted on the plan."
MAYOR = "The mayor promised a public hearing before the end of April and a vote in May."
SIZE = (110, 30)


def version(label: str, *paragraphs: str) -> Snapshot:
    return Snapshot(label=label, source=f"{label}.txt", time=None, data="\n\n".join(paragraphs).encode() + b"\n")


@cache
def history() -> History:
    """Five versions: quiet (quotes), a stealth edit, quiet (nothing), a paragraph added."""
    return build_history([
        version("09:00", LEDE, 'Fishermen said "no".', MAYOR),
        version("10:00", LEDE, "Fishermen said “no”.", MAYOR),
        version("11:00", LEDE.replace("Monday", "Tuesday"), "Fishermen said “no”.", MAYOR),
        version("12:00", LEDE.replace("Monday", "Tuesday"), "Fishermen said “no”.", MAYOR),
        version("13:00", LEDE.replace("Monday", "Tuesday"), "Fishermen said “no”.", MAYOR, FISH),
    ])


def app() -> HistoryApp:
    return HistoryApp(history(), unified=False, palette="truecolor")


def screen_of(app: HistoryApp) -> HistoryScreen:
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def strip_line(app: HistoryApp) -> str:
    return str(app.screen.query_one(VersionStrip).strip_text(100)).split("\n")[0]


@sync
async def test_opens_on_the_first_step_that_changed_the_body() -> None:
    async with app().run_test(size=SIZE) as pilot:
        assert pilot.app.pair == (1, 2)
        assert screen_of(pilot.app).comparison is history().comparisons[1]
        assert strip_line(pilot.app).split() == ["○1", "·2", "●3", "·4", "●5"]


@sync
async def test_quiet_steps_are_drawn_dim_and_the_pair_reversed() -> None:
    async with app().run_test(size=SIZE) as pilot:
        content = pilot.app.screen.query_one(VersionStrip).strip_text(100)
        styles = {content.plain[span.start : span.end].strip(): str(span.style) for span in content.spans}
        assert styles["·4"] == "dim" and styles["○1"] == "dim"
        assert styles["·2"] == "reverse bold" and styles["●3"] == "reverse bold"
        assert "$warning" in styles["●5"]


@sync
async def test_next_and_previous_pair_keys_walk_the_steps() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert pilot.app.pair == (2, 3)
        assert screen_of(pilot.app).comparison is history().comparisons[2]
        assert "quiet: no change" in str(pilot.app.screen.query_one(VersionStrip).strip_text(100))
        for _ in range(3):
            await pilot.press("less_than_sign")
            await pilot.pause()
        assert pilot.app.pair == (0, 1)


@sync
async def test_story_change_keys_skip_quiet_steps() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert pilot.app.pair == (3, 4)  # the quiet step 2 -> 3 skipped


@sync
async def test_any_two_versions_can_be_picked() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.press("V")
        await pilot.press(*"1 5", "enter")
        await pilot.pause()
        assert pilot.app.pair == (0, 4)
        screen = screen_of(pilot.app)
        assert (screen.comparison.old.source, screen.comparison.new.source) == ("09:00.txt", "13:00.txt")
        assert screen.comparison.summary.body_changed
        assert "4 steps, 2 changed the body" in str(screen.query_one(VersionStrip).strip_text(100))


@sync
async def test_a_paragraphs_history_on_a_key() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        lineage = pilot.app.screen
        assert isinstance(lineage, LineageScreen)
        text = str(lineage.query_one("#lineage", Static).render())
        assert "v1 · 09:00 · first version" in text and LEDE in text
        assert "v3 · 11:00 · modified" in text and "v2 · 10:00 · equal: no change to its words" in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HistoryScreen)


@sync
async def test_the_exit_status_is_the_historys() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.press("greater_than_sign", "q")
    assert pilot.app.result_status == 1


@pytest.mark.parametrize(("text", "pair"), [("2 7", (1, 6)), ("v7 v2", (1, 6)), ("3-4", (2, 3)), ("1 1", None),
                                             ("0 3", None), ("1 9", None), ("two", None)])
def test_pair_field_reads_two_version_numbers(text: str, pair: tuple[int, int] | None) -> None:
    assert parse_pair(text, 8) == pair


def test_history_viewer_snapshot(snap_compare: Callable[..., bool]) -> None:
    """You should see the version strip over the pair: ○1 dim, ·2 and ●3 reversed (the pair on screen), ·4 dim,
    ●5 bold amber; under it "v2 10:00 → v3 11:00 · 1 change (1 modified)"; then the usual diff screen with
    "Monday" struck through against "Tuesday" underlined in the first paragraph."""
    assert snap_compare(app(), terminal_size=SIZE)
