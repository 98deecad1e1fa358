"""The benchmark tools' tests run with no developer settings, like the product's (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's config file, languages and lexicon files never reach a test."""
    monkeypatch.setenv("ARTICLE_DIFF_CONFIG", "")
    monkeypatch.delenv("ARTICLE_DIFF_LANGUAGES", raising=False)
    monkeypatch.delenv("ARTICLE_DIFF_LEXICON", raising=False)
