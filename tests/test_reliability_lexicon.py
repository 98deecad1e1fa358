"""Issue 17 items 8, 13, 17: a user's lexicon is checked as it will be used, its regexes cannot hang a run.

Each phrase of a user's regex rule is compiled alone (joined, a leading ``(?i)`` or a repeated group name was
an "internal error" and a back-reference pointed at another phrase's group) and run with a time limit.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.test_cli import ARTICLE
from tui.classify.lexicon import Lexicon, fold, load_lexicon, words_of
from tui.cli import main
from tui.errors import ArticleDiffError


def _lexicon(tmp_path: Path, rule: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text("[[rule]]\n" + rule)
    return path


def _hits(lexicon: Lexicon, plain: str) -> list[str]:
    folded = fold(plain)
    words = words_of(folded)
    return [hit.rule.category for hit in lexicon.match(plain, folded, words, len(words))]


def _user_only(path: Path) -> Lexicon:
    return load_lexicon(languages=(), extra=[path])


def test_inline_flags_group_names_and_back_references_work(tmp_path: Path) -> None:
    path = _lexicon(
        tmp_path,
        'category = "navigation"\nmatch = "regex"\n'
        'phrases = ["(?i)^subscribe", "^(?P<x>menu)$", "^(?P<x>close)$", "^(home)\\\\1$"]\n',
    )
    lexicon = _user_only(path)
    for line in ("Subscribe now", "menu", "close", "homehome"):
        assert _hits(lexicon, line) == ["navigation"], line
    assert _hits(lexicon, "home") == []


def test_a_bad_phrase_names_the_file_the_rule_and_the_phrase(tmp_path: Path) -> None:
    path = _lexicon(tmp_path, 'category = "navigation"\nmatch = "regex"\nphrases = ["ok", "(unclosed"]\n')
    with pytest.raises(ArticleDiffError, match=r"mine\.toml: rule 1: bad regular expression '\(unclosed'"):
        _user_only(path)


def test_a_catastrophic_regex_stops_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`^(a|aa)+$` backtracks without end on "aaa...a!"; the regex engine's timeout ends it."""
    path = _lexicon(tmp_path, 'category = "navigation"\nmatch = "regex"\nphrases = ["^(a|aa)+$"]\n')
    start = time.perf_counter()
    with pytest.raises(ArticleDiffError, match=r"the regular expression '\^\(a\|aa\)\+\$' ran over"):
        _hits(_user_only(path), "a" * 40 + "!")
    assert time.perf_counter() - start < 5
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + "\n" + "a" * 40 + "!\n")
    assert main([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-q", "--lexicon", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "simplify it" in err


def test_nested_quantifiers_that_the_engine_handles_still_match(tmp_path: Path) -> None:
    path = _lexicon(tmp_path, 'category = "navigation"\nmatch = "regex"\nphrases = ["^(a+)+$"]\n')
    lexicon = _user_only(path)
    assert _hits(lexicon, "a" * 40 + "!") == []
    assert _hits(lexicon, "aaaa") == ["navigation"]


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        ("weight = nan", "weight must be a finite number, not nan"),
        ("weight = inf", "weight must be a finite number, not inf"),
        ("weight = -inf", "weight must be a finite number, not -inf"),
        ("weight = true", "weight must be a finite number, not True"),
        ('weight = "3"', "weight must be a finite number, not '3'"),
        ("short = true", "short must be a whole number of words, 1 or more, not True"),
        ("short = 0", "short must be a whole number of words, 1 or more, not 0"),
        ("short = 2.5", "short must be a whole number of words, 1 or more, not 2.5"),
        ('closes = "no"', "closes must be true or false, not 'no'"),
        ("shape = 1", "shape must be true or false, not 1"),
        ('case_sensitive = "yes"', "case_sensitive must be true or false, not 'yes'"),
    ],
)
def test_rule_settings_are_type_checked_strictly(tmp_path: Path, setting: str, complaint: str) -> None:
    path = _lexicon(tmp_path, f'category = "navigation"\nphrases = ["remind me later"]\n{setting}\n')
    with pytest.raises(ArticleDiffError) as caught:
        _user_only(path)
    assert str(caught.value) == f"{path}: rule 1: {complaint}"


def test_nan_weight_no_longer_flips_the_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _lexicon(tmp_path, 'category = "navigation"\nphrases = ["remind me later"]\nweight = nan\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main([str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "-q", "--lexicon", str(path)]) == 2
    assert capsys.readouterr().err == f"article-diff: {path}: rule 1: weight must be a finite number, not nan\n"
