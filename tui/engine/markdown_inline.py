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
- emphasis with ``*`` where every run has the same length, one or two (so
  CommonMark's rule of three never applies), and every run's neighbours are
  ASCII, whose punctuation and white space are the same in every version;
- underscores inside words (``snake_case``), which never open or close.

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
_STARS_RE = re.compile(r"\*+")
_UNDERSCORES_RE = re.compile(r"_+")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ASCII_SPACE = frozenset(" \t\n\x0b\x0c")


def simple_inline_text(text: str) -> str | None:
    """The markup-free text the parser would give for this inline text, or None when it is beyond this reader."""
    if "![" in text:
        return None  # an image
    # (start, end, what shows): the links read as their words, then the matched star runs taken out.
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
        if "_" in between and not _inert_underscores(between):
            return None
        runs.extend((start + run.start(), start + run.end()) for run in _STARS_RE.finditer(between))
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


def _inert_underscores(text: str) -> bool:
    """Whether every run of underscores sits inside a word of ASCII letters and digits (``snake_case``), where it can
    neither open nor close emphasis."""
    for run in _UNDERSCORES_RE.finditer(text):
        before = text[run.start() - 1] if run.start() > 0 else " "
        after = text[run.end()] if run.end() < len(text) else " "
        if not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
            return False
    return True


def _unmatched_runs(text: str, runs: list[tuple[int, int]]) -> set[int] | None:
    """Which star runs stay literal, CommonMark's way; None when the runs are beyond this reader."""
    if len({stop - start for start, stop in runs}) != 1 or runs[0][1] - runs[0][0] > 2:
        return None
    openers: list[int] = []
    unmatched: set[int] = set()
    for index, (start, stop) in enumerate(runs):
        before = text[start - 1] if start > 0 else " "
        after = text[stop] if stop < len(text) else " "
        if not (before.isascii() and after.isascii()):
            return None
        before_space, after_space = before in _ASCII_SPACE, after in _ASCII_SPACE
        before_punct, after_punct = before in _ASCII_PUNCTUATION, after in _ASCII_PUNCTUATION
        can_open = not after_space and (not after_punct or before_space or before_punct)
        can_close = not before_space and (not before_punct or after_space or after_punct)
        if can_close and openers:
            openers.pop()
        elif can_open:
            openers.append(index)
        else:
            unmatched.add(index)
    unmatched.update(openers)
    return unmatched
