"""Word-level diff of two paragraphs with diff-match-patch.

The diff runs in fast-diff-match-patch, Google's own C++ port of the same
algorithm: the same diffs as the Python library (a test holds them to it on
random texts), seven times faster, which was most of the cost of a row.
Each token (a word, a number, one punctuation mark, a run of white space) is
mapped to one private code point, diffed, and mapped back, so a highlight never
covers part of a word: "red" -> "green" is one delete and one insert.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from fast_diff_match_patch import diff as _diff

from tui.engine.normalize import match_key
from tui.model import Span, SpanOp
from tui.scripts import DENSE_SCRIPTS, has_dense_script

#: Words (with inner apostrophes and hyphens), numbers (with inner , . :), one
#: other character, or a run of white space.
_SPACED_WORD = f"[^\\W{DENSE_SCRIPTS}]+"
TOKEN_PATTERN = (
    r"\d+(?:[.,:]\d+)*%?"
    rf"|{_SPACED_WORD}(?:['\u2019\-]{_SPACED_WORD})*"
    r"|\s+"
    r"|."  # one character: punctuation, or a character of a script without spaces
)
#: The same tokens in ASCII text, where a word character is [0-9A-Za-z_] and white space is what str.isspace()
#: says (\t to \r, \x1c to \x1f and the space): three times faster, and nothing to compile for Unicode.
_ASCII_TOKEN_RE = re.compile(r"[0-9]+(?:[.,:][0-9]+)*%?|[0-9A-Za-z_]+(?:['\-][0-9A-Za-z_]+)*|[\t-\r\x1c-\x20]+|.",
                             re.DOTALL)

#: Above this many differing tokens (after the common head and tail) on either side the
#: diff falls back to one delete and one insert, so one pathological paragraph cannot
#: stall a comparison.
MAX_TOKENS = 60_000

#: diff-match-patch's ops as this project names them.
_OPS: dict[str, SpanOp] = {"=": "equal", "+": "insert", "-": "delete"}


def dmp_diff(old: str, new: str, *, semantic: bool) -> list[tuple[str, str]]:
    """diff-match-patch's ``diff_main`` (no time limit: results must not depend on machine speed; size is
    bounded above), then ``diff_cleanupSemantic`` when ``semantic``: a list of (op, text), op one of = - +."""
    cleanup = "Semantic" if semantic else "No"
    return _diff(old, new, timelimit=0, checklines=False, cleanup=cleanup, counts_only=False)  # type: ignore[no-any-return]


#: The same tokens in text without dense-script characters, where a spaced-script word character is any \\w.
SPACED_TOKEN_PATTERN = r"\d+(?:[.,:]\d+)*%?|\w+(?:['\u2019\-]\w+)*|\s+|."


@cache
def _token_re(dense: bool) -> re.Pattern[str]:
    """The token pattern for text that may hold dense-script characters (5 ms to compile, for their ranges) or
    holds none (no ranges to compile), compiled on first use."""
    return re.compile(TOKEN_PATTERN if dense else SPACED_TOKEN_PATTERN, re.UNICODE | re.DOTALL)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into diff tokens; joining them gives ``text`` back."""
    if text.isascii():
        return _ASCII_TOKEN_RE.findall(text)
    return _token_re(has_dense_script(text)).findall(text)


def _encode(tokens: list[str], table: dict[str, str]) -> str:
    """Map each distinct token to one private-use code point (shared by both sides)."""
    for token in dict.fromkeys(tokens):
        if token not in table:
            # Both sides together hold at most 2 * MAX_TOKENS tokens: planes 15 and 16 suffice.
            table[token] = chr(0xF0000 + len(table))
    return "".join(map(table.__getitem__, tokens))


def word_spans(old: str, new: str) -> tuple[Span, ...]:
    """Diff two texts word by word.

    Returns:
        Spans whose ``equal`` + ``delete`` texts rebuild ``old`` and whose
        ``equal`` + ``insert`` texts rebuild ``new``.
    """
    if old == new:
        return (Span("equal", old),) if old else ()
    return _merged(_spans(old, new, *_shared_edges(old, new)))


def _shared_edges(old: str, new: str) -> tuple[int, int, int]:
    """Where to cut the texts' shared head and tail off before cutting them into tokens: (start, old end,
    new end), each at a token boundary of both texts.

    An edit to a paragraph is most often a few words in the middle: comparing characters (in C) and cutting
    only the rest into tokens was a quarter of the cost of a long document. A cut is made just before a space
    that follows a character that is not white space: no token holds white space and another character, so
    both texts' tokens break there, and the text on each side is cut into the same tokens as in the whole.
    """
    shared = _common_prefix(old, new)
    start = old.rfind(" ", 1, shared)  # old[start] is shared: a space in both texts
    while start > 0 and old[start - 1].isspace():
        start -= 1
    start = max(start, 0)
    shared_tail = _common_prefix(old[::-1], new[::-1])
    end = old.find(" ", len(old) - shared_tail + 1)  # old[end - 1] and old[end] are shared
    while end > 0 and old[end - 1].isspace():
        end = old.find(" ", end + 1)
    cut = len(old) - end if end > 0 else 0
    if len(old) - cut < start or len(new) - cut < start:
        cut = 0  # the shared head and tail overlap (a repeated phrase): keep the tail
    return start, len(old) - cut, len(new) - cut


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix of ``a`` and ``b``, by halving (each comparison runs in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _spans(old: str, new: str, start: int, old_end: int, new_end: int) -> list[Span]:
    """Spans of the two texts, ``old[:start]`` (= ``new[:start]``) and the tails from ``old_end`` and
    ``new_end`` (equal too) taken as they are; the rest cut into tokens, its own shared head and tail trimmed,
    and the middle diffed."""
    old_tokens, new_tokens = tokenize(old[start:old_end]), tokenize(new[start:new_end])
    head = 0
    limit = min(len(old_tokens), len(new_tokens))
    while head < limit and old_tokens[head] == new_tokens[head]:
        head += 1
    if head == limit and old_end < len(old):
        # One text's middle is a prefix of the other's: where the shared tail begins depends on the tail's
        # tokens, so take the texts whole, as the trimming never happened.
        return _spans(old, new, start, len(old), len(new))
    tail = 0
    while tail < limit - head and old_tokens[-1 - tail] == new_tokens[-1 - tail]:
        tail += 1
    middle_old = old_tokens[head : len(old_tokens) - tail]
    middle_new = new_tokens[head : len(new_tokens) - tail]
    spans: list[Span] = [Span("equal", old[:start] + "".join(old_tokens[:head]))]
    if len(middle_old) > MAX_TOKENS or len(middle_new) > MAX_TOKENS:
        # Too much changed to diff word by word in bounded time: one delete, one insert.
        spans += [Span("delete", "".join(middle_old)), Span("insert", "".join(middle_new))]
    else:
        spans += _diff_tokens(middle_old, middle_new)
    spans.append(Span("equal", "".join(old_tokens[len(old_tokens) - tail :]) + old[old_end:]))
    return spans


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Join neighbouring spans of one op, drop empty ones, and order each change's delete before its insert."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and merged[-1].op == span.op:
            merged[-1] = Span(span.op, merged[-1].text + span.text)
        else:
            merged.append(span)
    return _order_changes(merged)


def _diff_tokens(old_tokens: list[str], new_tokens: list[str]) -> list[Span]:
    """Diff two token lists with diff-match-patch, one code point per distinct token."""
    table: dict[str, str] = {}
    old_chars, new_chars = _encode(old_tokens, table), _encode(new_tokens, table)
    decode = {code: token for token, code in table.items()}
    return [
        Span(_OPS[op], "".join(map(decode.__getitem__, chars)))
        for op, chars in dmp_diff(old_chars, new_chars, semantic=True)
    ]


def _order_changes(spans: list[Span]) -> tuple[Span, ...]:
    """Put each delete before the insert it pairs with, and mark pairs that differ only in typography."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        if spans[i].op == "equal":
            out.append(spans[i])
            i += 1
            continue
        deleted: list[str] = []
        inserted: list[str] = []
        while i < len(spans) and spans[i].op != "equal":
            (deleted if spans[i].op == "delete" else inserted).append(spans[i].text)
            i += 1
        old_text, new_text = "".join(deleted), "".join(inserted)
        typographic = bool(old_text and new_text) and match_key(old_text) == match_key(new_text)
        if old_text:
            out.append(Span("delete", old_text, typographic))
        if new_text:
            out.append(Span("insert", new_text, typographic))
    return tuple(out)


def char_changes(old: str, new: str) -> Iterator[str]:
    """Yield the characters of each changed run between two short texts (deleted + inserted)."""
    run = ""
    for op, text in dmp_diff(old, new, semantic=False):
        if op == "=":
            if run:
                yield run
            run = ""
        else:
            run += text
    if run:
        yield run


def side_text(spans: tuple[Span, ...], side: str) -> str:
    """Rebuild one side's text from spans: ``side`` is ``"old"`` or ``"new"``."""
    skip = "insert" if side == "old" else "delete"
    return "".join(s.text for s in spans if s.op != skip)
