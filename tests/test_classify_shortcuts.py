"""The classifier's shortcuts give the answers of the plain code they stand for, so no label moves for speed."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.classify.lexicon import SHIPPED_LANGUAGES, TAIL_CHARS, fold, load_lexicon, words_of
from tui.classify.needles import EXOTIC_CASES, needles_of
from tui.classify.signals import _is_capitals
from tui.compare import load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.scripts import DENSE_SCRIPT_BYTES_RE, DENSE_SCRIPTS, dense_characters

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
CASES = Path(__file__).parent / "cases"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
_PUNCTUATION = str.maketrans(
    dict.fromkeys(
        '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\u00a0\u00ab\u00bb\u00b7\u201c\u201d\u201e\u2010\u2011\u2012\u2013'
        "\u2014\u2015\u2026\u2022\u2032\u2033\u00a9\u00ae\u2122",
        " ",
    )
)


def test_the_dense_script_bytes_find_exactly_the_dense_script_characters() -> None:
    found = re.findall(f"[{DENSE_SCRIPTS}]", EVERY_CHARACTER)
    assert dense_characters(EVERY_CHARACTER) == len(found) > 39_000
    encoded = EVERY_CHARACTER.encode("utf-8", "surrogatepass")
    assert [m.decode("utf-8") for m in DENSE_SCRIPT_BYTES_RE.findall(encoded)] == found


def test_words_and_folding_are_those_of_a_character_by_character_translation() -> None:
    apostrophes = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
    for start in range(0, len(EVERY_CHARACTER), 4096):
        # Every character between letters, beside apostrophes and at a word's edges.
        chunk = "x" + " y".join(EVERY_CHARACTER[start : start + 4096]) + "'z '\u2019"
        assert fold(chunk) == chunk.lower().translate(apostrophes)
        folded = fold(chunk)
        expected = [w for w in (w.strip("'") for w in folded.translate(_PUNCTUATION).split()) if w]
        assert words_of(folded) == expected


def _shipped_phrases() -> list[tuple[str, bool]]:
    lexicon = load_lexicon(SHIPPED_LANGUAGES)
    return [(phrase, rule.case_sensitive) for rule in lexicon.rules if rule.match == "regex" for phrase in rule.phrases]


PHRASES = _shipped_phrases()


def _admitted(phrase: str, case_sensitive: bool, text: str) -> bool:
    needles = needles_of([phrase], not case_sensitive)
    if needles is None or (not text.isascii() and any(c in text for c in EXOTIC_CASES)):
        return True
    return needles.admit(text, fold(text))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_needles_never_turn_away_a_text_a_shipped_pattern_matches(data: st.DataObject) -> None:
    phrase, case_sensitive = data.draw(st.sampled_from(PHRASES))
    pattern = re.compile(phrase, 0 if case_sensitive else re.IGNORECASE)
    text = data.draw(st.from_regex(pattern))
    assert _admitted(phrase, case_sensitive, text)


def test_needles_never_turn_away_a_block_of_the_test_pairs_a_shipped_pattern_matches() -> None:
    paths = sorted(CASES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    texts = {block.plain for path in paths for block in load(str(path)).blocks}
    for name, demo in (("old.md", DEMO_OLD), ("new.txt", DEMO_NEW)):
        texts.update(block.plain for block in load(name, data=demo_bytes(demo)).blocks)
    matched = 0
    for phrase, case_sensitive in PHRASES:
        pattern = re.compile(phrase, 0 if case_sensitive else re.IGNORECASE)
        for text in texts:
            for part in (text, text[-TAIL_CHARS:]):
                if pattern.search(part):
                    matched += 1
                    assert _admitted(phrase, case_sensitive, part), (phrase, part)
    assert matched > 5


def test_needles_are_the_text_every_match_holds() -> None:
    needles = needles_of([r"(?i:^also on (?:\S+\.[a-z]{2,}|[^.:,]{1,40}:))"], True)
    assert needles is not None
    assert needles.admit("Also on BBC: more", "also on bbc: more")
    assert not needles.admit("Also in BBC: more", "also in bbc: more")
    assert not needles.admit("Also on BBC more", "also on bbc more")
    # A repeated or optional character ends a needle; case-sensitive parts are looked for as written.
    photos = needles_of(["^photos? by (?-i:AP)"], True)
    assert photos is not None and photos.phrases == (((("photo", True),), ((" by ", True),), (("AP", False),)),)
    sensitive = needles_of(["(?-i:AP)x"], True)
    assert sensitive is not None and not sensitive.admit("ap x", "ap x") and sensitive.admit("AP x", "ap x")


def test_a_pattern_read_only_in_part_requires_nothing() -> None:
    assert needles_of([r"(?x) a b"], True) is None  # verbose mode
    assert needles_of([r"(?:\d+|b)c?"], True) is None  # an alternative without fixed text
    assert needles_of([r"(?(1)a|b)"], True) is None  # a conditional
    assert needles_of([r"caf\u00e9"], True) is None  # escapes for characters are not read
    assert needles_of([r"(a)\1"], True) is None  # nor back-references
    accented = needles_of(["été"], True)  # case-blind letters outside ASCII fold in other ways: left out
    assert accented is not None and accented.phrases == (((("t", True),),),)


@given(st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), max_size=60))
def test_a_line_in_capitals_is_counted_as_letter_by_letter(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    expected = len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    assert _is_capitals(text) == expected
