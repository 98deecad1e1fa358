"""Seeded synthetic article pairs for benchmarks: edits, moves, splits, merges, quote changes.

The old version is blank-line separated text with straight quotes; the new one
has one paragraph per line, curly quotes in some paragraphs, and a donation
appeal appended, so every pass of the engine has work to do.
"""

from __future__ import annotations

import random

_WORDS = (
    "council", "harbour", "barrier", "vote", "residents", "engineers", "report", "flood", "storm", "surge",
    "minister", "budget", "government", "official", "said", "told", "reporters", "on", "Tuesday", "Monday",
    "week", "year", "plan", "public", "hearing", "cooperative", "fishermen", "quay", "homes", "water",
    "authority", "regional", "decision", "expected", "election", "party", "court", "ruling", "appeal",
    "judge", "police", "inquiry", "evidence", "witness", "statement", "company", "shares", "market",
    "prices", "energy", "gas", "supply", "winter", "schools", "teachers", "union", "strike", "talks",
    "agreement", "deal", "border", "security", "forces", "army", "ceasefire", "talks", "envoy", "summit",
    "president", "prime", "leader", "opposition", "protest", "square", "thousands", "crowd", "march", "city",
    "mayor", "transport", "railway", "station", "bridge", "road", "the", "a", "of", "to", "in", "and", "for",
    "with", "that", "was", "were", "is", "are", "has", "had", "would", "could", "will", "not", "by", "from",
    "at", "an", "as", "it", "its", "their", "they", "he", "she", "we", "our", "this", "these", "those",
    "more", "than", "about", "after", "before",
)

APPEAL = [
    "A Message from The Daily Example:",
    "Dear readers,",
    "Independent reporting costs money, and we rely on readers like you to keep it going.",
    "If you can, please support us monthly starting from just 3 euros. Every contribution helps.",
    "Thank you for standing with us.",
    "",
    "Remind me later.",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(12, 26))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), str(rng.randint(2, 2000)))
    text = " ".join(words)
    if rng.random() < 0.25:
        start = rng.randint(0, max(0, len(words) - 4))
        quoted = " ".join(words[start : start + 4])
        text = text.replace(quoted, f'"{quoted}"', 1)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _edit(rng: random.Random, paragraph: str) -> str:
    words = paragraph.split(" ")
    for _ in range(rng.randint(1, 4)):
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
    return " ".join(words)


def _curly(paragraph: str) -> str:
    out, opening = [], True
    for ch in paragraph:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out).replace("'", "\u2019")


def make_pair(paragraphs: int, seed: int = 0) -> tuple[str, str]:
    """Return (old, new) texts of an article with ``paragraphs`` paragraphs and seeded changes."""
    rng = random.Random(seed)
    old = [_paragraph(rng) for _ in range(paragraphs)]
    new: list[str] = []
    moved: list[str] = []
    i = 0
    while i < len(old):
        p = old[i]
        roll = rng.random()
        if roll < 0.05:
            new.append(_edit(rng, p))
        elif roll < 0.06:
            moved.append(p)
        elif roll < 0.07:
            cut = p.find(". ", len(p) // 3)
            if cut > 0:
                new.extend([p[: cut + 1], p[cut + 2 :]])
            else:
                new.append(p)
        elif roll < 0.08 and i + 1 < len(old):
            new.append(p + " " + old[i + 1])
            i += 1
        elif roll < 0.10:
            pass  # deleted
        elif roll < 0.12:
            new.extend([p, _paragraph(rng)])  # inserted after
        elif roll < 0.22:
            new.append(_curly(p))
        else:
            new.append(p)
        i += 1
    for p in moved:
        new.insert(rng.randrange(len(new) + 1), p)
    return "\n\n".join(old) + "\n", "\n".join(new + APPEAL) + "\n"


if __name__ == "__main__":
    import sys

    a, b = make_pair(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
    print(f"old {len(a) / 1e6:.2f} MB, new {len(b) / 1e6:.2f} MB")
