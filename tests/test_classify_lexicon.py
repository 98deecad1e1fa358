"""The phrase lexicon: shipped as data, extended by the user's own files, checked with clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.classify import classify, classify_one
from tui.classify.lexicon import load_lexicon
from tui.engine.segment_text import segment_text
from tui.errors import ArticleDiffError
from tui.model import Block, Document, LexiconSettings

ARTICLE = (
    "The ferry company said services would resume on Friday if the talks went well over the weekend.\n\n"
    "Brought to you by the Island Ferry Forum\n\n"
    "Union leaders said they had not yet seen the company's latest offer, which was sent late on Thursday."
)
USER_LEXICON = """
language = "en"

[[rule]]
category = "navigation"
match = "start"
weight = 4.0
phrases = ["brought to you by"]
"""


def _document() -> Document:
    blocks, trailer = segment_text(ARTICLE)
    return Document(source="a.txt", format="text", blocks=blocks, trailer=trailer)


def test_the_shipped_lexicon_covers_every_boilerplate_category() -> None:
    from tui.model import BOILERPLATE_CATEGORIES

    lexicon = load_lexicon()
    assert {rule.category for rule in lexicon.rules} == set(BOILERPLATE_CATEGORIES)


def test_a_phrase_unknown_to_the_shipped_lexicon_stays_body() -> None:
    assert classify_one(_document()).blocks[1].role == "body"


def test_a_user_lexicon_file_adds_phrases(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER_LEXICON, encoding="utf-8")
    lexicon = load_lexicon(extra=[path])
    block = classify_one(_document(), lexicon=lexicon).blocks[1]
    assert (block.role, block.category) == ("boilerplate", "navigation")
    assert "starts with 'brought to you by'" in block.reasons


def test_the_environment_variable_names_user_lexicon_files_for_the_command_line_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.config import LEXICON_ENV, lexicon_settings

    path = tmp_path / "mine.toml"
    path.write_text(USER_LEXICON, encoding="utf-8")
    monkeypatch.setenv(LEXICON_ENV, str(path))
    # The classifier reads no environment: a host program gets what it asks for, whatever the shell says.
    assert classify_one(_document()).blocks[1].role == "body"
    # The command line reads it, once, into the settings it hands down.
    settings = lexicon_settings(use_config=False)
    assert settings.files == (str(path),)
    block = classify_one(_document(), lexicon=load_lexicon(extra=settings.files)).blocks[1]
    assert block.role == "boilerplate"


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("not = [valid", "not a valid TOML lexicon"),
        ('[[rule]]\ncategory = "weather"\nphrases = ["sunny"]\n', "unknown category 'weather'"),
        ('[[rule]]\ncategory = "footer"\nmatch = "fuzzy"\nphrases = ["x"]\n', "match must be one of"),
        ('[[rule]]\ncategory = "footer"\nphrases = []\n', "phrases must be a list of non-empty strings"),
        ('[[rule]]\ncategory = "footer"\nmatch = "regex"\nphrases = ["(unclosed"]\n', "bad regular expression"),
    ],
)
def test_a_broken_user_lexicon_is_one_clear_error(tmp_path: Path, content: str, complaint: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleDiffError, match=complaint) as caught:
        load_lexicon(extra=[path])
    assert str(path) in str(caught.value)


def test_a_missing_user_lexicon_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleDiffError, match="no such lexicon file"):
        load_lexicon(extra=[tmp_path / "nowhere.toml"])


def test_a_user_lexicon_not_in_utf8_is_one_clear_error(tmp_path: Path) -> None:
    # An editor's file saved as Latin-1 ("café") was an internal error with a traceback hint.
    path = tmp_path / "latin1.toml"
    path.write_bytes('[[rule]]\ncategory = "footer"\nphrases = ["café"]\n'.encode("latin-1"))
    with pytest.raises(ArticleDiffError, match="lexicon is not UTF-8 text"):
        load_lexicon(extra=[path])


def test_every_shipped_language_loads_and_covers_most_categories() -> None:
    from tui.classify.lexicon import SHIPPED_LANGUAGES

    for language in SHIPPED_LANGUAGES:
        categories = {rule.category for rule in load_lexicon((language,)).rules}
        assert len(categories) >= 9, (language, categories)


def test_every_shipped_regular_expression_compiles_alone_with_its_rules_flags() -> None:
    """A run compiles the shipped phrases only joined; a phrase broken alone must fail here, not mislead there."""
    from tui.classify.lexicon import SHIPPED_LANGUAGES

    checked = 0
    for language in SHIPPED_LANGUAGES:
        for rule in load_lexicon((language,)).rules:
            if rule.match != "regex":
                continue
            for phrase in rule.phrases:
                re.compile(phrase, 0 if rule.case_sensitive else re.IGNORECASE)
                checked += 1
    assert checked >= 50  # the English lexicon alone has 59


def test_the_text_brings_its_language_and_a_named_list_overrides_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.classify.lexicon import SHIPPED_LANGUAGES, parse_languages
    from tui.config import LANGUAGES_ENV, lexicon_settings

    assert parse_languages("") is None and parse_languages(" Auto ") is None  # detect
    assert parse_languages("DE, fr") == ("en", "de", "fr")
    assert parse_languages("all") == SHIPPED_LANGUAGES
    with pytest.raises(ArticleDiffError, match="no boilerplate lexicon for 'xx'"):
        parse_languages("de,xx")
    with pytest.raises(ArticleDiffError, match="no boilerplate lexicon for 'xx'"):
        parse_languages("all,xx")
    german = (
        "Der Stadtrat hat am Montag über den Bau der neuen Brücke beraten, die Sitzung dauerte bis in die Nacht.\n\n"
        "Lesen Sie auch: Wie die Bahn ihre Pünktlichkeit verbessern will\n\n"
        "Die Anwohner wollen im April wiederkommen, wenn die Ingenieure ihren Bericht vorstellen."
    )
    blocks, trailer = segment_text(german)
    document = Document(source="a.txt", format="text", blocks=blocks, trailer=trailer)

    def labelled(languages: tuple[str, ...] | None) -> list[Block]:
        blocks = classify(document, document, lexicons=LexiconSettings(languages=languages))[1].blocks
        return list(blocks)

    monkeypatch.setenv(LANGUAGES_ENV, "en")
    assert lexicon_settings(use_config=False).languages == ("en",)
    assert labelled(("en",))[1].role == "body"  # English alone has no word for "Lesen Sie auch"
    assert classify_one(document).blocks[1].category == "related-link"  # the classifier never reads the shell
    for asked in ("de", "auto"):
        monkeypatch.setenv(LANGUAGES_ENV, asked)
        blocks = labelled(lexicon_settings(use_config=False).languages)
        assert (blocks[1].role, blocks[1].category) == ("boilerplate", "related-link"), asked
        assert blocks[0].role == blocks[2].role == "body"
    monkeypatch.delenv(LANGUAGES_ENV)
    assert lexicon_settings(use_config=False).languages is None
    assert labelled(None)[1].category == "related-link"  # detected, nothing asked
