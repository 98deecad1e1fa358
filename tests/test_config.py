"""The config file: standing lexicons and languages, and a clear complaint when it is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.config import CONFIG_ENV, load_config
from tui.errors import ArticleDiffError

ARTICLE = (
    "The harbour board approved the new ferry timetable on Monday after a year of complaints from island"
    " residents about cancelled crossings.\n\n"
    "Residents welcomed the change but asked the board to publish its figures on cancellations every month.\n"
)
APPEAL = "Keep the Island Courier on the ferry: a pound a week keeps our reporters on the crossings."


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(ARTICLE, encoding="utf-8")
    new.write_text(ARTICLE + "\n" + APPEAL + "\n", encoding="utf-8")
    return old, new


def _outlet_lexicon(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "courier.toml").write_text(
        '[[rule]]\ncategory = "donation-appeal"\nmatch = "start"\nweight = 4.0\n'
        'phrases = ["keep the island courier"]\n',
        encoding="utf-8",
    )


def test_the_config_files_lexicon_names_an_outlets_appeal_on_every_run(
    tmp_path: Path, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    from tui.config import LANGUAGES_ENV, LEXICON_ENV

    _outlet_lexicon(tmp_path / "settings" / "outlets")
    config = tmp_path / "settings" / "config.toml"
    config.write_text('lexicon = ["outlets/courier.toml"]  # relative to this file\nlang = "auto"\n', "utf-8")

    def last_block(*extra: str) -> dict[str, object]:
        status = main([*map(str, pair), "-o", "-", "--format", "json", *extra])
        report = json.loads(capsys.readouterr().out)
        block = report["new"]["blocks"][-1]
        assert (status == 0) == (block["role"] != "body")  # the appeal is the only difference
        # A run hands its settings to the classifier as parameters: the environment is never touched.
        assert LEXICON_ENV not in os.environ and LANGUAGES_ENV not in os.environ
        return block

    assert last_block()["role"] == "body"  # nothing in the shipped lexicon names this outlet's appeal
    monkeypatch.setenv(CONFIG_ENV, str(config))
    for _ in range(2):
        block = last_block()
        assert (block["role"], block["category"]) == ("boilerplate", "donation-appeal")
    assert last_block("--no-config")["role"] == "body"


def test_the_command_line_and_the_environment_choose_languages_before_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.config import LANGUAGES_ENV

    old, new = tmp_path / "alt.txt", tmp_path / "neu.txt"
    article = "Der Stadtrat hat am Montag über die neue Brücke beraten, die Sitzung dauerte bis in die Nacht.\n"
    old.write_text(article, encoding="utf-8")
    new.write_text(article + "\nLesen Sie auch: Wie die Bahn pünktlicher werden will\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(config))

    def category(*extra: str) -> object:
        main([str(old), str(new), "-o", "-", "--format", "json", *extra])
        return json.loads(capsys.readouterr().out)["new"]["blocks"][-1]["category"]

    assert category() != "related-link"  # the config asks for English alone
    assert category("--lang", "de") == "related-link"
    monkeypatch.setenv(LANGUAGES_ENV, "auto")
    assert category() == "related-link"


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("lexikon = ['a.toml']\n", "unknown setting 'lexikon'"),
        ("lang = [\n", "not a valid TOML config"),
        ("lang = " + "[" * 5000 + "\n", "not a valid TOML config"),
        ("lexicon = 3\n", "'lexicon' must be a list of file paths"),
        ("lang = 2\n", "'lang' must be a string"),
        ("lang = 'klingon'\n", "no boilerplate lexicon for 'klingon'"),
        ("lexicon = ['missing.toml']\n", "no such lexicon file (named in"),
    ],
)
def test_a_wrong_config_is_one_line_naming_the_file_and_exit_2(
    tmp_path: Path,
    pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
    complaint: str,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(config))
    assert main([*map(str, pair), "-q"]) == 2
    err = capsys.readouterr().err
    assert complaint in err and "config.toml" in err and err.count("\n") == 1, err


def test_no_config_file_is_no_settings_unless_one_was_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONFIG_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config().lexicon == () and load_config().lang is None
    monkeypatch.setenv(CONFIG_ENV, "")  # turned off
    assert load_config().lexicon == ()
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "gone.toml"))
    with pytest.raises(ArticleDiffError, match="no such config file"):
        load_config()
    (tmp_path / "article-diff").mkdir()
    (tmp_path / "article-diff" / "config.toml").write_text("lexicon = '/srv/lexicons/outlet.toml'\n", "utf-8")
    monkeypatch.delenv(CONFIG_ENV)
    assert load_config().lexicon == ("/srv/lexicons/outlet.toml",)
