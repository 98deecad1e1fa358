"""What the boilerplate layer costs: classification time against the engine's own time, warm and cold.

Run: ``python -m bench.classify_speed`` (``--paragraphs 3000,20000`` to choose).
The target is that classification adds at most 20% to the engine's time on the
3,000-paragraph synthetic pair. Times are CPU seconds of this process, the best of
the repeats (as timeit advises), so other work on a shared machine skews the
ratio as little as possible.

Warm is a process that has classified before (the lexicon is loaded and its
patterns compiled); cold is what a fresh interpreter pays for the classifier:
importing it, then the first classification of the seed pair (reading the
lexicon and compiling the patterns it needs), in a new process each time.
:func:`measure` is what other benchmarks call.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from tui.classify import classify
from tui.compare import compare_documents, load
from tui.model import Options

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

#: Run in a fresh interpreter: CPU milliseconds to import the classifier, to classify the seed pair the first
#: time, and the second time.
_COLD = """
import sys, time
start = time.process_time()
import tui.classify
imported = time.process_time()
from tui.compare import load
old, new = load(sys.argv[1]), load(sys.argv[2])
before = time.process_time()
tui.classify.classify(old, new)
first = time.process_time()
tui.classify.classify(old, new)
second = time.process_time()
print((imported - start) * 1e3, (first - before) * 1e3, (second - first) * 1e3)
"""


def measure(paragraphs: int = 3000, repeats: int = 5, seed: int | None = None) -> dict[str, float]:
    """Best CPU seconds to read and compare a synthetic pair without classification, and to classify it.

    Returns:
        ``engine`` (read, segment, align, word-diff; no classification), ``classify``
        (both versions) and ``share`` (classification time over engine time).
    """
    from bench.synthetic import make_pair

    old_text, new_text = make_pair(paragraphs, seed=paragraphs if seed is None else seed)
    engine_times, classify_times = [], []
    for _ in range(repeats):
        start = time.process_time()
        old = load("old.txt", data=old_text.encode())
        new = load("new.txt", data=new_text.encode())
        compare_documents(old, new, Options(classify=False))
        engine_times.append(time.process_time() - start)
        start = time.process_time()
        classify(old, new)
        classify_times.append(time.process_time() - start)
    engine = min(engine_times)
    spent = min(classify_times)
    return {"engine": engine, "classify": spent, "share": spent / engine}


def seed_pair() -> tuple[str, str] | None:
    """The seed pair's two files, when ../shared is beside the repository."""
    seeds = sorted(SEEDS.glob("*.txt"))
    return (str(seeds[0]), str(seeds[1])) if len(seeds) == 2 else None


def warm_seed(repeats: int = 7, runs: int = 100) -> float:
    """Best CPU milliseconds to classify the seed pair in a process that has classified it before."""
    pair = seed_pair()
    if pair is None:
        return float("nan")
    old, new = load(pair[0]), load(pair[1])
    classify(old, new)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(runs):
            classify(old, new)
        best = min(best, (time.process_time() - start) / runs)
    return best * 1e3


def cold_seed(repeats: int = 7) -> dict[str, float]:
    """Best CPU milliseconds, each in a fresh interpreter with bytecode, of ``import``, ``first`` and ``second``."""
    pair = seed_pair()
    if pair is None:
        return {}
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # users have bytecode
    runs = []
    for _ in range(repeats):
        output = subprocess.run(
            [sys.executable, "-c", _COLD, *pair], capture_output=True, text=True, check=True, env=environment
        ).stdout
        runs.append([float(value) for value in output.split()])
    return {name: min(run[i] for run in runs) for i, name in enumerate(("import", "first", "second"))}


def main() -> int:
    """Print the seed pair's cold and warm figures, then classification time against engine time per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", default="3000,20000")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    cold = cold_seed(max(args.repeats, 3))
    if cold:
        print(
            f"seed pair, cold (fresh process, CPU ms): import {cold['import']:.1f}, first classify {cold['first']:.1f},"
            f" second {cold['second']:.2f}"
        )
        print(f"seed pair, warm (CPU ms per pair): {warm_seed():.2f}")
    print(f"{'paragraphs':>10} {'engine s':>9} {'classify s':>11} {'adds':>6}  (target: at most 20% at 3,000)")
    for size in (int(s) for s in args.paragraphs.split(",")):
        repeats = args.repeats if size <= 3000 else min(args.repeats, 3)
        result = measure(size, repeats)
        print(f"{size:>10} {result['engine']:>9.3f} {result['classify']:>11.3f} {result['share']:>6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
