"""An optional second opinion for HTML pages: what trafilatura takes to be the main text.

trafilatura is an optional extra. It is one signal among several, never the
verdict: a block inside its extraction leans towards body, one outside leans
towards boilerplate, and the other signals can outweigh either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.classify.lexicon import block_key
from tui.classify.signals import Evidence, Facts

#: Below this many words the extraction is treated as a failure and ignored.
MIN_EXTRACTED_WORDS = 40
#: On a page with more block elements than this, trafilatura runs without its fallback extractors: jusText's
#: time grows with the square of a run of short paragraphs (12,000 one-word paragraphs took 35 s). The
#: benchmark's 181 real pages have at most 928.
FALLBACK_MAX_ELEMENTS = 1500
#: Past this many tags (ten times the benchmark's largest page) trafilatura is not asked: it takes about
#: 40 microseconds an element, 8 s on a page of 200,000 tags, for one signal among several.
EXTRACTION_MAX_TAGS = 30_000
_ELEMENT_RE = re.compile(r"<(?:p|div|li|td|tr|dd|dt|h[1-6]|pre|blockquote|section|article)[\s/>]", re.IGNORECASE)


_INSIDE = Evidence(-2.0, None, "in the main text an extractor finds", place=True)
_OUTSIDE = Evidence(1.5, None, "outside the main text an extractor finds")


@dataclass(frozen=True, slots=True)
class Extraction:
    """The main text of a page as block keys (letters and digits), for containment tests."""

    lines: frozenset[bytes]
    joined: bytes

    def evidence(self, facts: Facts) -> Evidence | None:
        """Lean a block towards body when its words are part of the main text."""
        if facts.count == 0:
            return None
        inside = facts.key in self.lines or (facts.count >= 4 and facts.key in self.joined)
        if inside:
            return _INSIDE
        return _OUTSIDE


def extract(html: str) -> Extraction | None:
    """Run trafilatura on a page, or return None when it is not installed or finds nothing."""
    if html.count("<") > EXTRACTION_MAX_TAGS:
        return None
    try:
        import trafilatura
    except ImportError:
        return None
    import logging  # only here: a run without HTML never pays its import

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        fast = sum(1 for _ in _ELEMENT_RE.finditer(html)) > FALLBACK_MAX_ELEMENTS
        text = trafilatura.extract(
            html, include_comments=False, include_tables=True, include_images=False, deduplicate=False, fast=fast
        )
    except Exception:  # a third-party parser failing on odd input must not stop the comparison
        return None
    if not text:
        return None
    if text.count(" ") + 1 < MIN_EXTRACTED_WORDS:
        return None
    lines = [key for key in map(block_key, text.splitlines()) if key]
    return Extraction(lines=frozenset(lines), joined=b"\n".join(lines))
