"""Score the boilerplate layer on written corpora: furniture lines, and article lines that use furniture's words.

Run: ``python -m bench.eval_written``. Not part of the test run (the tests hold the
first corpus to a bar; this prints the figures for both).

Two corpora, each a ``category<TAB>line`` file of page furniture and a file of
article lines (sentences from reports, columns and how-to pieces; subheads, list
items and fact-box entries):

- ``tests/data/probe``: written first, and the lexicon was extended while reading
  its misses, so its figures show coverage, not generalisation;
- ``bench/data/written``: written later, by another hand, and never tuned on.

Each line is put between two article paragraphs of a plain-text version and
labelled twice: "added", when only the new version has it (the common case of
a stealth edit), and "alone", in a version read on its own. Plain text only:
the HTML signals are measured on real pages by ``bench.eval_boilerplate``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from tui.classify import classify, classify_one
from tui.classify.signals import ends_like_sentence
from tui.compare import load
from tui.model import Block, LexiconSettings

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "tuned (tests/data/probe)": (
        ROOT / "tests/data/probe/boilerplate_lines.tsv",
        ROOT / "tests/data/probe/article_sentences.txt",
    ),
    "unseen (bench/data/written)": (
        ROOT / "bench/data/written/furniture.tsv",
        ROOT / "bench/data/written/article_lines.txt",
    ),
}
BEFORE = "The council met on Monday to discuss the barrier, and the meeting ran late into the night, members said."
AFTER = "Residents said they would return for the hearing in April, when the engineers present their report."


def added(line: str, lexicons: LexiconSettings | None = None) -> Block:
    """The line as labelled when only the new version has it (with the default lexicons unless told)."""
    return added_guessed(line, lexicons)[0]


def alone(line: str) -> Block:
    """The line as labelled in a version read on its own."""
    return alone_guessed(line)[0]


def added_guessed(line: str, lexicons: LexiconSettings | None = None) -> tuple[Block, bool]:
    """The line as labelled when only the new version has it, and whether it was dimmed on a guess."""
    old = load("old.txt", data=f"{BEFORE}\n\n{AFTER}\n".encode())
    new = classify(old, load("new.txt", data=f"{BEFORE}\n\n{line}\n\n{AFTER}\n".encode()), lexicons=lexicons)[1]
    return new.blocks[1], 1 in new.guessed()


def alone_guessed(line: str) -> tuple[Block, bool]:
    """The line as labelled in a version read on its own, and whether it was dimmed on a guess."""
    new = classify_one(load("new.txt", data=f"{BEFORE}\n\n{line}\n\n{AFTER}\n".encode()))
    return new.blocks[1], 1 in new.guessed()


def read_furniture(path: Path) -> list[tuple[str, str]]:
    """``(category, line)`` pairs of a furniture file."""
    rows = (line.split("\t", 1) for line in path.read_text("utf-8").splitlines() if line.strip())
    return [(category, text) for category, text in rows]


def read_lines(path: Path) -> list[str]:
    """The lines of an article-lines file."""
    return [line for line in path.read_text("utf-8").splitlines() if line.strip()]


def is_sentence(line: str) -> bool:
    """A line that ends like a sentence, as the classifier reads it (the rest are subheads, list items, labels)."""
    return ends_like_sentence(line)


def _row(
    name: str,
    mode: str,
    furniture: list[tuple[str, str]],
    lines: list[str],
    label: Callable[[str], tuple[Block, bool]],
) -> str:
    found = [(category, *label(text)) for category, text in furniture]
    caught = sum(block.role == "boilerplate" for _, block, _ in found)
    named = sum(block.category == category for category, block, _ in found)
    guessed = sum(guess for *_, guess in found)
    sentences = [label(line) for line in lines if is_sentence(line)]
    short = [label(line) for line in lines if not is_sentence(line)]
    dimmed_sentences = sum(block.role != "body" for block, _ in sentences)
    dimmed_short = sum(block.role != "body" for block, _ in short)
    unmarked_short = sum(block.role != "body" and not guess for block, guess in short)
    return (
        f"{name:<28} {mode:<6} {len(furniture):>5} {caught / len(furniture):>7.1%} {named / len(furniture):>7.1%}"
        f" {guessed / len(furniture):>7.1%} {dimmed_sentences:>4} of {len(sentences):<4}"
        f" {dimmed_short:>4} of {len(short):<4} {unmarked_short:>8}"
    )


def main() -> int:
    """Print recall and category accuracy on furniture, and how many article lines are dimmed, per corpus."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    print(
        f"{'corpus':<28} {'mode':<6} {'lines':>5} {'caught':>7} {'named':>7} {'guessed':>7}"
        f" {'sentences dimmed':>16} {'short lines dimmed':>18} {'unmarked':>8}"
    )
    for name, (furniture_path, lines_path) in CORPORA.items():
        if not furniture_path.is_file() or not lines_path.is_file():
            print(f"{name:<28} missing")
            continue
        furniture, lines = read_furniture(furniture_path), read_lines(lines_path)
        for mode, label in (("added", added_guessed), ("alone", alone_guessed)):
            print(_row(name, mode, furniture, lines, label))
    print(
        "caught: furniture labelled boilerplate; named: with the right category; guessed: furniture dimmed on a"
        " guess ('navigation?'); dimmed: article lines labelled boilerplate or metadata; unmarked: short article"
        " lines dimmed with no '?' badge."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
