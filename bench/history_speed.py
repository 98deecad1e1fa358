"""History benchmark: 50 versions of a 30-paragraph article, end to end, beside git's word diff of the 49 pairs.

Run: ``python -m bench.history_speed`` (``--versions 50 --paragraphs 30 --repeats 3``). Writes the versions
into a temporary folder (seeded: an edit, a new or removed paragraph, a quote-only change or nothing between
each two), then times ``article-diff DIR/ --format json -o -`` as a user runs it (interpreter start
included; median of the repeats), the history built in one process, and ``git diff --no-index --word-diff``
over the same 49 pairs, one process each, as a script would run them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from bench.synthetic import _curly, _edit, _paragraph

#: The target for 50 versions of 30 paragraphs, end to end.
TARGET_SECONDS = 3.0


def make_versions(versions: int, paragraphs: int, seed: int = 0) -> list[str]:
    """Texts of one article through ``versions`` versions, each a small seeded step from the one before."""
    rng = random.Random(seed)
    current = [_paragraph(rng) for _ in range(paragraphs)]
    texts = ["\n\n".join(current) + "\n"]
    for _ in range(versions - 1):
        roll = rng.random()
        at = rng.randrange(len(current))
        if roll < 0.35:
            current[at] = _edit(rng, current[at])
        elif roll < 0.45:
            current.insert(at, _paragraph(rng))
        elif roll < 0.5 and len(current) > paragraphs // 2:
            del current[at]
        elif roll < 0.7:
            current[at] = _curly(current[at])
        texts.append("\n\n".join(current) + "\n")
    return texts


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {command[0]} failed: {done.stderr.decode(errors='replace').strip()}")
    return elapsed


def main() -> int:
    """Print the history's times beside git's."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "versions"
        folder.mkdir()
        paths = []
        for index, text in enumerate(make_versions(args.versions, args.paragraphs)):
            path = folder / f"{index:03d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        command = [sys.executable, "-m", "tui", f"{folder}/", "--format", "json", "-o", "-"]
        end_to_end = statistics.median(_timed(command) for _ in range(args.repeats))

        from tui.history.build import build_history
        from tui.history.sources.files import file_snapshot

        start = time.perf_counter()
        history = build_history([file_snapshot(str(p)) for p in paths])
        in_process = time.perf_counter() - start

        git = statistics.median(
            sum(_timed(["git", "diff", "--no-index", "--word-diff", str(a), str(b)]) for a, b in pairwise(paths))
            for _ in range(args.repeats)
        )
    steps = len(history.comparisons)
    print(f"{args.versions} versions of a {args.paragraphs}-paragraph article, {steps} steps "
          f"({len(history.summary.body_changed_in)} changed the body, {len(history.summary.quiet)} quiet)")
    verdict = "within" if end_to_end < TARGET_SECONDS else "OVER"
    print(f"article-diff DIR/ --format json, end to end (median of {args.repeats}): {end_to_end:.2f} s "
          f"({verdict} the {TARGET_SECONDS:.0f} s target)")
    print(f"  the history built in one process (read, segment, {steps} comparisons, lineage): {in_process:.2f} s")
    print(f"git diff --no-index --word-diff over the same {steps} pairs, one process each: {git:.2f} s "
          f"(ratio {end_to_end / git:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
