"""What the boilerplate layer costs: classification time against the engine's own time.

Run: ``python -m bench.classify_speed`` (``--paragraphs 3000,20000`` to choose).
The target is that classification adds at most 20% to the engine's time on the
3,000-paragraph synthetic pair. Times are CPU seconds of this process, the best of
the repeats (as timeit advises), so other work on a shared machine skews the
ratio as little as possible.
:func:`measure` is what other benchmarks call.
"""

from __future__ import annotations

import argparse
import time

from tui.classify import classify
from tui.compare import compare_documents, load
from tui.model import Options


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


def main() -> int:
    """Print classification time against engine time per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", default="3000,20000")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"{'paragraphs':>10} {'engine s':>9} {'classify s':>11} {'adds':>6}  (target: at most 20% at 3,000)")
    for size in (int(s) for s in args.paragraphs.split(",")):
        repeats = args.repeats if size <= 3000 else min(args.repeats, 3)
        result = measure(size, repeats)
        print(f"{size:>10} {result['engine']:>9.3f} {result['classify']:>11.3f} {result['share']:>6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
