"""Cap how deeply a page's elements nest before any HTML parser sees it, as browsers do.

A tree builder looks through the open elements on every tag, so its time grows
with the square of the depth: 100,000 nested ``<div>`` took 76 s to parse, and
Ctrl-C waited for it. Browsers stop nesting at a depth (Chromium at 512) and
put deeper elements beside the deepest one. Here, in one linear pass over the
tags, the elements past the cap are taken out with their end tags (a block
element leaves a ``<br>``, so its text still starts a new line): their text
joins the deepest element's. A page within the cap comes back unchanged, the
very same string.
"""

from __future__ import annotations

import re
from functools import cache

#: Elements nest at most this deep (Chromium's limit); no real page comes near it.
MAX_DEPTH = 512


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TAG_START = re.compile(r"<(?:(!--)|[!?]|(/?)([A-Za-z][^\t\n\f\r />]*))")
_VOID = _names("area base br col embed hr img input keygen link meta param source track wbr basefont bgsound frame")
#: Elements whose content is text, not tags: skipped to their end tag.
_RAW_TEXT = _names("script style textarea title xmp iframe noembed noframes noscript plaintext")
_BLOCKS = _names(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer"
    " form h1 h2 h3 h4 h5 h6 header hgroup li main menu nav ol p pre section summary table tbody td tfoot th thead"
    " tr ul"
)
#: A start tag of the key closes an open element of the value's names (the tree builder's implied end tags).
_CLOSES: dict[str, frozenset[str]] = {
    **dict.fromkeys(_BLOCKS - {"dd", "dt", "li", "td", "th", "tr", "tbody", "thead", "tfoot"}, frozenset({"p"})),
    "li": frozenset({"li", "p"}),
    **dict.fromkeys(("dd", "dt"), frozenset({"dd", "dt", "p"})),
    "tr": frozenset({"tr", "td", "th"}),
    **dict.fromkeys(("td", "th"), frozenset({"td", "th"})),
    **dict.fromkeys(("tbody", "thead", "tfoot"), frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})),
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option", "optgroup"}),
}
#: Elements an implied end tag does not reach past (the scope boundaries of the HTML standard, roughly).
_SCOPES = _names("table td th caption html template object applet marquee button ul ol select")
#: How far down the open elements an implied end tag is looked for (keeps each tag's work constant).
_LOOK_DOWN = 64


@cache
def _raw_end(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.IGNORECASE)


class _Open:
    """The open elements, their names counted, and the tags taken out past the cap."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.count: dict[str, int] = {}
        self.dropped: dict[str, int] = {}

    def push(self, name: str) -> None:
        self.names.append(name)
        self.count[name] = self.count.get(name, 0) + 1

    def pop_to(self, name: str) -> None:
        while self.names:
            top = self.names.pop()
            self.count[top] -= 1
            if top == name:
                return

    def close_implied(self, closes: frozenset[str]) -> None:
        for name in closes:
            if self.count.get(name):
                break
        else:
            return
        for index in range(len(self.names) - 1, max(-1, len(self.names) - 1 - _LOOK_DOWN), -1):
            name = self.names[index]
            if name in closes:
                self.pop_to(name)
                return
            if name in _SCOPES:
                return


def _cut(cuts: list[tuple[int, int, str]], start: int, end: int, name: str) -> None:
    """Take a tag out; a run of tags taken out leaves one ``<br>`` at most."""
    replacement = "<br>" if name in _BLOCKS else ""
    if cuts and cuts[-1][1] == start:
        first, _end, before = cuts[-1]
        cuts[-1] = (first, end, before or replacement)
    else:
        cuts.append((start, end, replacement))


def cap_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with elements nested past ``limit`` taken out (their text kept); unchanged when within it."""
    if html.count("<") <= limit:
        return html
    open_ = _Open()
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement) of the tags taken out
    pos = 0
    while True:
        match = _TAG_START.search(html, pos)
        if match is None:
            break
        if match.group(1):  # a comment
            end = html.find("-->", match.end())
            if end < 0:
                break
            pos = end + 3
            continue
        end = html.find(">", match.end())
        if end < 0:
            break
        pos = end + 1
        if match.group(3) is None:  # <!doctype ...>, <?xml ...?>
            continue
        name = match.group(3).lower()
        if match.group(2):
            if open_.dropped.get(name):
                open_.dropped[name] -= 1
                _cut(cuts, match.start(), pos, name)
            elif open_.count.get(name):
                open_.pop_to(name)
            continue
        if name in _VOID or html[end - 1] == "/":
            continue
        if name in _RAW_TEXT:
            close = _raw_end(name).search(html, pos)
            if close is None:
                break
            pos = close.start()
            continue
        closes = _CLOSES.get(name)
        if closes is not None:
            open_.close_implied(closes)
        if len(open_.names) >= limit:
            open_.dropped[name] = open_.dropped.get(name, 0) + 1
            _cut(cuts, match.start(), pos, name)
        else:
            open_.push(name)
    if not cuts:
        return html
    pieces: list[str] = []
    last = 0
    for start, end, replacement in cuts:
        pieces.append(html[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(html[last:])
    return "".join(pieces)
