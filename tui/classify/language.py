"""Which shipped lexicons a pair of versions needs: the languages its article text is written in.

A German article's furniture says "Weitere Artikel" and "Foto:", not "Related" and
"Photo:", so without its lexicon a changed credit line would pass for an edit to
the story. The language is read from the words every sentence is made of
("der", "und", "nicht"; "и", "что", "не"): a few hundred of them settle it, and
counting them costs far less than matching the lexicon. English is always used
too, since pages in every language borrow its furniture ("Share", "Cookie").
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from tui.classify.lexicon import DEFAULT_LANGUAGES, fold, words_of
from tui.model import Block

#: The commonest short words of each shipped language, chosen to tell them apart: the words most languages
#: share ("de", "la", "que", "e") are left out. A few stay in two lists ("des", "il", "mais"); the rule that
#: a language must come near the best one keeps kin apart.
_FUNCTION_WORDS_TEXT: dict[str, str] = {
    "en": "the and of to is that for with was on are this have from by it be has were been which their would",
    "de": (
        "der die das und ist nicht ein eine mit von zu den dem auf für sich auch im wird dass sie werden "
        "des bei nach wie oder noch aus hat"
    ),
    "es": (
        "el los las del y en por para con una es se como más pero sus fue está también según sobre entre "
        "ha muy este esta"
    ),
    "fr": (
        "le les des du et est une dans qui pour pas sur au aux avec ce cette sont il elle plus été ont mais leur ses"
    ),
    "it": (
        "il di gli della delle dei degli che non è un per sono anche nel nella alla più ha questo questa "
        "era stato dal sul si ci quando loro"
    ),
    "pt": "o os do da dos das em no na não uma com ao pelo pela mais foi também seu sua são está ele ela isso",
    "ru": "и в не на что с по как это он она к из за от для но так уже его был была были также",
}
_FUNCTION_WORDS = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS_TEXT.items()}
#: Words read per document: enough to settle the language, few enough to cost nothing.
SAMPLE_WORDS = 1000
#: Blocks this long are read first: the article's sentences, not its menus.
SENTENCE_CHARS = 60
#: A language is used when at least this share of the sampled words are its function words...
MIN_SHARE = 0.12
#: ...and at least this many (a menu and a few foreign names say nothing; two sentences say enough).
MIN_HITS = 6


def detect_languages(documents: Iterable[Iterable[Block]]) -> tuple[str, ...]:
    """The shipped languages the documents' text is written in, English first and always.

    Each document is sampled apart (its sentences first), and a language counts when either version is
    clearly written in it: a translated page adds its new language.
    """
    found: list[str] = list(DEFAULT_LANGUAGES)
    for blocks in documents:
        for language in _languages_of(blocks):
            if language not in found:
                found.append(language)
    return tuple(found)


def _composed(text: str) -> str:
    """Accented letters as one code point ("für", not "fu" and a combining mark), as the word lists are."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _languages_of(blocks: Iterable[Block]) -> list[str]:
    words: list[str] = []
    short: list[Block] = []
    # Sentences first, in reading order: menus and labels are short, and a page's are in English as often
    # as in its own language.
    for block in blocks:
        if len(block.plain) < SENTENCE_CHARS:
            short.append(block)
            continue
        words.extend(words_of(fold(_composed(block.plain[:2000]))))
        if len(words) >= SAMPLE_WORDS:
            break
    else:
        for block in short:
            words.extend(words_of(fold(_composed(block.plain))))
            if len(words) >= SAMPLE_WORDS:
                break
    if not words:
        return []
    # Counted once per distinct word, then per language only its function words that occur.
    counts = Counter(words)
    present = counts.keys()
    hits = {
        language: sum([counts[word] for word in vocabulary & present])
        for language, vocabulary in _FUNCTION_WORDS.items()
    }
    best = max(hits.values())
    # Close kin share a few function words ("con", "per" in Italian and Spanish): only a language within
    # reach of the best one counts, so an Italian page does not bring the Spanish lexicon too.
    return [
        language
        for language, count in hits.items()
        if count >= MIN_HITS and count >= MIN_SHARE * len(words) and count >= 0.6 * best
    ]
