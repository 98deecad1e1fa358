"""The shipped lexicons kept between runs: used only when made from the same texts, and never needed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.classify import classify, lexicon_cache
from tui.classify.lexicon import SHIPPED_LANGUAGES, Lexicon, _load, _shipped
from tui.compare import load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, written to as when Python writes bytecode."""
    monkeypatch.setattr(lexicon_cache, "FOLDER", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    _load.cache_clear()
    yield tmp_path / "__pycache__"
    _load.cache_clear()


def _fresh(languages: tuple[str, ...]) -> Lexicon:
    _load.cache_clear()
    return _load(languages, ())


def _needles(lexicon: Lexicon) -> dict[str, object]:
    return {key: None if n is None else n.phrases for key, n in lexicon.shipped_needles().items()}


def _labels() -> list[tuple[object, ...]]:
    old = load("old.md", data=demo_bytes(DEMO_OLD))
    new = load("new.txt", data=demo_bytes(DEMO_NEW))
    return [(b.role, b.category, b.reasons, b.confidence, b.region) for d in classify(old, new) for b in d.blocks]


def test_a_kept_lexicon_is_the_lexicon_read_afresh(folder: Path) -> None:
    read = _fresh(SHIPPED_LANGUAGES)
    labels = _labels()
    assert any(folder.iterdir())
    kept = _fresh(SHIPPED_LANGUAGES)
    assert kept.rules == read.rules
    assert kept.forms == read.forms
    assert _needles(kept) == _needles(read)
    assert _labels() == labels


def test_an_entry_made_from_other_lexicon_texts_is_not_used(folder: Path) -> None:
    _fresh(("en",))
    texts = (_shipped("en"),)
    assert lexicon_cache.recall(("en",), texts) is not None
    assert lexicon_cache.recall(("en",), (texts[0] + "\n# edited",)) is None


def test_a_damaged_entry_is_ignored(folder: Path) -> None:
    read = _fresh(("en",))
    for entry in folder.iterdir():
        entry.write_bytes(b"\x00not marshal")
    assert _fresh(("en",)).rules == read.rules


def test_nothing_is_written_where_python_would_write_no_bytecode(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _fresh(("en",))
    assert not folder.exists()


def test_an_unwritable_folder_only_means_reading_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(lexicon_cache, "FOLDER", blocker / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    try:
        assert _fresh(("en",)).rules
        assert _fresh(("en",)).rules  # again: still nothing kept, still read
    finally:
        _load.cache_clear()
    assert list(tmp_path.iterdir()) == [blocker]
