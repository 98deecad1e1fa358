"""Metadata: the headline, date, byline and dateline, found so they are compared on their own.

A changed headline is news, and a date line is not a paragraph of the story:
both are labelled ``metadata`` so the summary can report them first and the
body lane stays about the article's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.classify.lexicon import fold, words_of
from tui.classify.signals import ends_like_sentence
from tui.model import Block

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: Month names of the other shipped languages, written day first ("3. März 2026", "3 de marzo de 2026",
#: "3 марта 2026").
_FOREIGN_MONTHS = (
    "januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:\.|º|er)?\s+(?:de\s+)?(?:{_FOREIGN_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|(?:updated|published|posted)\b.{0,30}\b(?:ago|\d{1,2}:\d{2}))",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^(?:(?:by|written by|words by|text by|story by|reporting by)\s+[A-Z\u00c0-\u024f]"
    # "Von", "Par", "Por": only before a name of two capitalised words ("Von den Anwohnern ..." is a sentence).
    r"|(?:von|par|por)\s+(?-i:[A-Z\u00c0-\u00de][\w'-]+\s+[A-Z\u00c0-\u00de]))",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\s*\([A-Za-z .]+\))?\s*[\u2014\u2013-]+\s*$")

_ATTRIBUTION = ("\u2014", "\u2013", "-", "~")
#: Only the top of a document is searched for its headline (HTML pages put menus first).
TITLE_WINDOW = 12
#: Date and byline lines are short; a longer block mentioning a date is a sentence of the story.
MAX_METADATA_WORDS = 12
#: In a text without headings, a first line of this many words that does not end as a sentence does, over
#: a paragraph of the story, is the headline.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
#: The story's first paragraph, below the headline, has at least this many words.
STORY_MIN_WORDS = 12
#: A byline that carries its date ("By A and B on Monday, November 18th, 2019 at 11:08 a.m.") runs longer.
MAX_DATED_BYLINE_WORDS = 18


def _words(text: str) -> str:
    return " ".join(words_of(fold(text)))


def same_words(text: str, other: str | None) -> bool:
    """Whether two texts say the same words, typography and case aside."""
    return other is not None and _words(text) == _words(other)


def find_title(blocks: Sequence[Block], title: str | None, named: Sequence[bool] = ()) -> int | None:
    """The index of the headline block: the heading that matches the page title, else the first top heading.

    ``named`` says which blocks a phrase or their box names as furniture: such a first line of a text
    is no headline.
    """
    title_key = _words(title) if title else ""
    first_heading: int | None = None
    h1: int | None = None
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        key = _words(block.plain)
        if title_key and key and (key == title_key or (len(key) >= 12 and key in title_key)):
            if key != title_key and h1 is not None and key in _words(blocks[h1].plain):
                # An earlier <h1> says the same and more ("How to retire early so you can ..."): this heading
                # only repeats part of it (a recipe card's title, a section head), and the <h1> is the headline.
                return h1
            return index
        tag = block.hints.tag if block.hints else ""
        if h1 is None and tag == "h1":
            h1 = index
        if first_heading is None and index < TITLE_WINDOW:
            first_heading = index
    if h1 is not None:
        return h1
    if first_heading is not None and (blocks[first_heading].hints is None or not title_key):
        return first_heading
    if first_heading is None:
        return _leading_line(blocks, named)
    return None


def _leading_line(blocks: Sequence[Block], named: Sequence[bool]) -> int | None:
    """In a plain text or Markdown without headings, the first line when it stands as a headline over the story.

    Scraped text loses its markup, so "Stadtrat vertagt Entscheidung über neue Brücke" arrives as a line like
    any other. It is the headline when it is short, ends without a full stop or a colon, is no date, byline
    or named furniture, and the story's first paragraph follows (a date, byline or credit line may sit
    between). Its own role does not count: a headline that changed is in one version only, which alone
    would dim a short line.
    """
    worded = [i for i in range(min(len(blocks), TITLE_WINDOW)) if blocks[i].plain.strip()]
    if not worded:
        return None
    first = blocks[worded[0]]
    count = len(first.plain.split())
    if (
        first.hints is not None
        or first.kind != "paragraph"
        or (worded[0] < len(named) and named[worded[0]])
        or not HEADLINE_MIN_WORDS <= count <= HEADLINE_MAX_WORDS
        or first.plain.rstrip().endswith((".", ":", ";", ",", "…"))
        or metadata_category(first, count) is not None
    ):
        return None
    for index in worded[1:]:
        block = blocks[index]
        words = len(block.plain.split())
        if block.role != "body" or metadata_category(block, words) is not None:
            continue
        return worded[0] if words >= STORY_MIN_WORDS and ends_like_sentence(block.plain) else None
    return None


def metadata_category(block: Block, word_count: int) -> str | None:
    """``date``, ``byline`` or ``dateline`` for a short line that is one, else None."""
    if word_count > MAX_DATED_BYLINE_WORDS or block.kind in ("heading", "quote"):
        return None
    plain = block.plain
    if plain.startswith(_ATTRIBUTION):
        return None  # "— Name (@handle) November 3, 2019" closes a quoted post; it is not the article's date
    if _BYLINE_RE.match(plain) and (word_count <= 8 or _DATE_RE.search(plain)):
        return "byline"
    if word_count > MAX_METADATA_WORDS:
        return None
    if _DATELINE_RE.match(plain):
        return "dateline"
    match = _DATE_RE.search(plain)
    if match and (match.end() - match.start()) >= 0.35 * len(plain.strip()):
        return "date"
    return None
