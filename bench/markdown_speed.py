"""Markdown segmentation speed: warm per size, and the cold cost of a seed-pair run.

Run: ``python -m bench.markdown_speed`` (``--sizes 300,3000,20000`` to choose).
The pairs are :mod:`bench.synthetic`'s articles dressed as Markdown (headings,
list items, links, emphasis, quotes, code), so that both the plain paragraphs
most articles are made of and the markup that needs a real parser are timed.
Prints, per size, the best and median of a few ``segment_markdown`` calls on
both versions, then the seed pair cold: the whole run in fresh processes
(``--format json -o -``), and what segmenting it costs a fresh process
(importing the segmenter and the parser, compiling, the first calls).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.synthetic import make_pair

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_SIZES = "300,3000,20000"


def _dress(paragraph: str, rng: random.Random) -> str:
    """One paragraph as a Markdown writer might have written it."""
    roll = rng.random()
    words = paragraph.split(" ")
    if roll < 0.06:
        return "## " + " ".join(words[:6]).rstrip(".")
    if roll < 0.12:
        return "- " + paragraph
    if roll < 0.15:
        return "> " + paragraph
    if roll < 0.17:
        return "```\n" + " ".join(words[:8]) + "\n```"
    if roll < 0.25:
        cut = rng.randrange(len(words))
        words[cut] = f"[{words[cut]}](https://example.org/{cut})"
    elif roll < 0.32:
        cut = rng.randrange(len(words))
        words[cut] = f"*{words[cut]}*"
    elif roll < 0.35:
        cut = rng.randrange(len(words))
        words[cut] = f"`{words[cut]}`"
    return " ".join(words)


def markdown_pair(paragraphs: int, seed: int = 0) -> tuple[str, str]:
    """(old, new) Markdown versions: the synthetic pair's paragraphs, each dressed the same way in both."""
    old, new = make_pair(paragraphs, seed=seed)

    def dress(text: str, separator: str) -> str:
        out = []
        for paragraph in text.strip("\n").split(separator):
            # Seeded by the paragraph itself, so an unchanged paragraph is dressed alike in both versions.
            out.append(_dress(paragraph, random.Random(paragraph)) if paragraph.strip() else paragraph)
        return "# A synthetic article\n\n" + "\n\n".join(p for p in out if p.strip()) + "\n"

    return dress(old, "\n\n"), dress(new, "\n")


def _warm_ms(texts: tuple[str, str], repeats: int) -> tuple[float, float]:
    """Best and median milliseconds to segment both versions."""
    from tui.engine.segment_markdown import segment_markdown

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            segment_markdown(text)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def _cold_seconds(command: list[str], repeats: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of fresh processes."""
    walls, cpus = [], []
    for _ in range(repeats):
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"markdown_speed: {command} failed: {done.stderr.decode(errors='replace').strip()}")
    return statistics.median(walls), statistics.median(cpus)


_FIRST_CALL = """
import sys, time
start = time.perf_counter()
from tui.engine.segment_markdown import segment_markdown
for path in sys.argv[1:]:
    segment_markdown(open(path, encoding="utf-8").read())
print((time.perf_counter() - start) * 1000)
"""


def _first_call_ms(paths: list[Path]) -> float:
    """Milliseconds a fresh process takes to import the Markdown segmenter and segment the files once."""
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_CALL, *map(str, paths)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"pair sizes in paragraphs ({DEFAULT_SIZES})")
    parser.add_argument("--repeats", type=int, default=5, help="calls per size, and fresh processes for the cold run")
    args = parser.parse_args(argv)
    print(f"{'pair':<16} {'KB':>7} {'best ms':>9} {'median ms':>10} {'µs per ¶':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        texts = markdown_pair(size, seed=size)
        repeats = max(2, args.repeats if size <= 3000 else args.repeats // 2)
        best, median = _warm_ms(texts, repeats)
        kb = sum(len(t.encode()) for t in texts) / 1024
        print(f"{f'{size:,} ¶ Markdown':<16} {kb:>7.0f} {best:>9.1f} {median:>10.1f} {best * 1000 / (2 * size):>9.1f}")
    seeds = sorted(SEEDS.glob("*.txt"))
    if len(seeds) == 2:
        texts = (seeds[0].read_text(encoding="utf-8"), seeds[1].read_text(encoding="utf-8"))
        best, median = _warm_ms(texts, 50)
        print(f"{'seed pair':<16} {sum(len(t.encode()) for t in texts) / 1024:>7.0f} {best:>9.2f} {median:>10.2f}")
        run = [sys.executable, "-m", "tui", str(seeds[0]), str(seeds[1]), "--format", "json", "-o", "-"]
        wall, cpu = _cold_seconds(run, args.repeats)
        print(f"seed pair cold, whole process: {wall:.3f} s (CPU {cpu:.3f} s)")
        first = statistics.median(_first_call_ms(seeds) for _ in range(args.repeats))
        print(f"seed pair cold, segmenting it in a fresh process (imports and first call): {first:.1f} ms")
    else:
        print("(seed pair skipped: ../shared/seeds is absent)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
