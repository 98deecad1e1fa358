"""Shared fixtures: where the seed pair and the tricky-case catalogue live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own config file and settings (~/.config/article-diff/config.toml, the environment's
    languages and lexicon files) never reach a test."""
    monkeypatch.setenv("ARTICLE_DIFF_CONFIG", "")
    monkeypatch.delenv("ARTICLE_DIFF_LANGUAGES", raising=False)
    monkeypatch.delenv("ARTICLE_DIFF_LEXICON", raising=False)


@pytest.fixture
def seed_paths() -> tuple[Path, Path]:
    """The reference pair from ../shared/seeds (Markdown scrape, plain-text scrape)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent: the reference pair ships with the workplace, not the project")
    old, new = sorted(SEEDS.glob("*.txt"))[:2]
    return old, new


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without ../shared, deselect the seed pair's snapshot test instead of skipping it.

    A skipped snapshot test leaves its SVG unused, and syrupy cannot tell a one-file-per-snapshot SVG from a
    stale one: it would advise ``--snapshot-update``, which deletes the seed pair's snapshot. Deselected after
    syrupy has counted the collected tests (trylast), the snapshot is one this run did not select, not unused.
    .ci/test says in one line why these tests do not run.
    """
    if SEEDS.is_dir():
        return
    absent = [i for i in items if {"snap_compare", "seed_paths"} <= set(getattr(i, "fixturenames", ()))]
    if absent:
        config.hook.pytest_deselected(items=absent)
        items[:] = [i for i in items if i not in absent]
