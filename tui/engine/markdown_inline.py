"""The text of simple inline Markdown without the parser: links, addresses and emphasis among plain words.

An article written in Markdown marks up a few words of a few paragraphs: a
link, a bold credit, the source's address in angle brackets. Reading those
needs markdown-it-py's inline parser, and importing markdown-it-py costs a
fresh process some 25 ms, a sixth of a whole report on the seed pair. This
reader knows exactly what CommonMark makes of a narrow subset, and answers
None for anything outside it, which then goes to the parser:

- inline links ``[words](destination)`` whose words are plain and whose
  destination is a relative path or an http(s) address without spaces (so the
  parser accepts it and there is no title);
- autolinks ``<https://host/path>`` whose text the parser shows unchanged (no
  percent escapes, no punycode, lower-case host, no query);
- emphasis with ``*`` and ``_`` where every run of a character that can open
  or close has the same length, one or two (so CommonMark's rule of three never
  applies), and every run's neighbours are ASCII, whose punctuation and white
  space are the same in every version.

``tests/test_segment_markdown_fast.py`` checks it against the parser.
"""

from __future__ import annotations

import re

from tui.engine.normalize import collapse_space

#: Characters whose inline meaning this reader does not follow, outside the links it reads: escapes, code, HTML and
#: angle brackets, stray link brackets, NUL and carriage returns.
_OUTSIDE = ("\\", "`", "<", "[", "\0", "\r")
#: An inline link whose words are plain (on one line or several) and whose destination the parser takes as it is:
#: no spaces, controls, brackets, escapes or backticks, and no scheme but http(s), so nothing the parser refuses;
#: or an autolink whose text the parser leaves alone.
_SPAN_RE = re.compile(
    r"\[(?P<words>[^\[\]\\`*_<>&!]+)\]"
    r"\((?:https?://[^\s()<>\[\]\\`\x00-\x1f\x7f]+|[^\s()<>\[\]\\`:\x00-\x1f\x7f]+)\)"
    r"|<(?P<address>https?://[a-z0-9.\-]+(?:/[A-Za-z0-9\-._~/]*)?)>"
)
#: An entity or a numeric character reference (a superset of the ones the parser decodes).
_ENTITY_RE = re.compile(r"&#?[A-Za-z0-9]+;")
#: A run of emphasis delimiters.
_RUNS_RE = re.compile(r"\*+|_+")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ASCII_SPACE = frozenset(" \t\n\x0b\x0c")


def simple_inline_text(text: str) -> str | None:
    """The markup-free text the parser would give for this inline text, or None when it is beyond this reader."""
    if "![" in text:
        return None  # an image
    # (start, end, what shows): the links read as their words, then the matched emphasis runs taken out.
    edits: list[tuple[int, int, str]] = []
    if "[" in text or "<" in text:
        for span in _SPAN_RE.finditer(text):
            shown: str = span["words"] or span["address"]
            if shown.startswith("http") and "xn--" in shown:
                return None  # punycode in an address, which the parser shows decoded
            edits.append((span.start(), span.end(), shown))
    runs: list[tuple[int, int]] = []
    gaps = zip([0] + [stop for _, stop, _ in edits], [start for start, _, _ in edits] + [len(text)], strict=True)
    for start, end in gaps:
        between = text[start:end]
        if any(mark in between for mark in _OUTSIDE):
            return None
        if "&" in between and _ENTITY_RE.search(between):
            return None
        runs.extend((start + run.start(), start + run.end()) for run in _RUNS_RE.finditer(between))
    if runs:
        unmatched = _unmatched_runs(text, runs)
        if unmatched is None:
            return None
        edits = sorted(edits + [(start, end, "") for index, (start, end) in enumerate(runs) if index not in unmatched])
    out: list[str] = []
    cursor = 0
    for start, end, shown in edits:
        out += (text[cursor:start], shown)
        cursor = end
    out.append(text[cursor:])
    return collapse_space("".join(out))


def _unmatched_runs(text: str, runs: list[tuple[int, int]]) -> set[int] | None:
    """Which runs of ``*`` and ``_`` stay literal, CommonMark's way; None when the runs are beyond this reader.

    A closer takes the nearest opener of its character, and the delimiters between them stop being delimiters. With
    every run that can open or close of one length, one or two, per character, no run is split and the rule of three
    never applies.
    """
    flanks: list[tuple[str, bool, bool]] = []
    lengths: dict[str, set[int]] = {"*": set(), "_": set()}
    for start, stop in runs:
        before = text[start - 1] if start > 0 else " "
        after = text[stop] if stop < len(text) else " "
        if not (before.isascii() and after.isascii()):
            return None  # Unicode white space and punctuation differ between the parser's versions
        before_space, after_space = before in _ASCII_SPACE, after in _ASCII_SPACE
        before_punct, after_punct = before in _ASCII_PUNCTUATION, after in _ASCII_PUNCTUATION
        left = not after_space and (not after_punct or before_space or before_punct)
        right = not before_space and (not before_punct or after_space or after_punct)
        char = text[start]
        if char == "*":
            can_open, can_close = left, right
        else:  # an underscore opens and closes only at a word's edge
            can_open, can_close = left and (not right or before_punct), right and (not left or after_punct)
        if can_open or can_close:
            lengths[char].add(stop - start)
        flanks.append((char, can_open, can_close))
    if any(len(found) > 1 or max(found, default=0) > 2 for found in lengths.values()):
        return None
    openers: list[int] = []  # the runs that may still open, in order
    unmatched: set[int] = set()
    for index, (char, can_open, can_close) in enumerate(flanks):
        if can_close:
            nearest = next((k for k in range(len(openers) - 1, -1, -1) if flanks[openers[k]][0] == char), None)
            if nearest is not None:
                unmatched.update(openers[nearest + 1 :])  # the delimiters between are text now
                del openers[nearest:]
                continue
        if can_open:
            openers.append(index)
        else:
            unmatched.add(index)
    unmatched.update(openers)
    return unmatched
