"""A page that holds its article twice (a pre-rendered and a live copy, a print copy) is read once.

Pages saved by a browser, or built by frameworks that hydrate a server-rendered
article, carry the same paragraphs twice in the DOM. Read twice, an unchanged
post compared with a capture that holds one copy shows a hundred paragraphs
"moved" and two hundred "removed". The second copy is recognised by its long
paragraphs: most of the page's long paragraphs occur twice, in the same order.
Only the repeated blocks of the second copy (from its headline to its last
repeated line) are dropped; anything the second copy alone holds stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.model import Block

#: A paragraph with at least this many words is the article's own text, not a label a page may repeat.
LONG_WORDS = 12
#: At least this many long paragraphs must repeat, and at least this share of the distinct long ones.
MIN_REPEATED = 3
REPEATED_SHARE = 0.6


def drop_second_copy(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks with a second copy of the article left out, renumbered; the blocks unchanged when there is none."""
    first_seen: dict[str, int] = {}
    second_seen: list[int] = []
    long_texts: set[str] = set()
    repeated: set[str] = set()
    for index, block in enumerate(blocks):
        if len(block.plain.split()) < LONG_WORDS:
            continue
        long_texts.add(block.plain)
        if block.plain in first_seen:
            if block.plain not in repeated:
                repeated.add(block.plain)
                second_seen.append(index)
        else:
            first_seen[block.plain] = index
    if len(repeated) < MIN_REPEATED or len(repeated) < REPEATED_SHARE * len(long_texts):
        return tuple(blocks)
    # The second copy must follow the first in the same order, or it is a page quoting itself, not a copy.
    firsts = [first_seen[blocks[i].plain] for i in second_seen]
    if firsts != sorted(firsts) or min(second_seen) <= max(firsts):
        return tuple(blocks)
    start, end = min(second_seen), max(second_seen)
    # The copy's own headline and short lines just before its first paragraph (and after its last) repeat too.
    first_at: dict[str, int] = {}
    for index, block in enumerate(blocks):
        first_at.setdefault(block.plain, index)
    while start > 0 and first_at[blocks[start - 1].plain] < start - 1:
        start -= 1
    earlier = {block.plain for block in blocks[:start]}
    while end + 1 < len(blocks) and blocks[end + 1].plain in earlier:
        end += 1
    kept = [block for index, block in enumerate(blocks) if not (start <= index <= end and block.plain in earlier)]
    return tuple(replace(block, id=number) for number, block in enumerate(kept))
