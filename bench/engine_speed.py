"""Engine benchmark: time and peak memory per synthetic size, against git's word diff.

Run: ``python -m bench.engine_speed`` (``--sizes 15,150,3000`` to choose).
Each measurement runs in a fresh subprocess so peak memory is its own.
Prints, per size: engine time (median of 5), classification's share of it,
peak memory, ``git diff --no-index --word-diff`` on the same files and the
ratio; then the seed pair's JSON export end to end, interpreter start included.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

_CHILD = r"""
import json, resource, sys, time
from tui.compare import compare_documents, load
from tui.model import Options
old, new, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
times, classify_only = [], []
for _ in range(repeats):
    t = time.perf_counter()
    a, b = load(old), load(new)
    c = compare_documents(a, b)
    times.append(time.perf_counter() - t)
    t = time.perf_counter()
    from tui.classify import classify
    classify(a, b)
    classify_only.append(time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"times": times, "classify": classify_only, "peak_mb": peak,
                  "rows": len(c.rows), "counts": c.summary.counts}))
"""


def _median_run(command: list[str], repeats: int) -> float:
    """Median wall time of a command that must exit 0 or 1 (diff's "same" and "changed")."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"benchmark: {command[0]} failed: {done.stderr.decode(errors='replace').strip()}")
    return statistics.median(times)


def main() -> int:
    """Print the benchmark table."""
    from bench.synthetic import make_pair

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15,150,3000,20000")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'paragraphs':>10} {'MB':>6} {'engine s':>9} {'classify':>9} {'peak MB':>8} {'git s':>7} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            old_text, new_text = make_pair(size, seed=size)
            old, new = Path(tmp, f"old-{size}.txt"), Path(tmp, f"new-{size}.txt")
            old.write_text(old_text, encoding="utf-8")
            new.write_text(new_text, encoding="utf-8")
            repeats = args.repeats if size <= 3000 else max(1, min(args.repeats, 3))
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(old), str(new), str(repeats)],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )
            data = json.loads(out.stdout)
            engine = statistics.median(data["times"])
            classify = statistics.median(data["classify"])
            git = _median_run(["git", "diff", "--no-index", "--word-diff", str(old), str(new)], args.repeats)
            megabytes = (len(old_text) + len(new_text)) / 2e6
            print(
                f"{size:>10} {megabytes:>6.2f} {engine:>9.3f} {classify / engine:>8.0%} {data['peak_mb']:>8.0f}"
                f" {git:>7.3f} {engine / git:>6.0f}x"
            )
    if SEEDS.is_dir():
        seeds = sorted(SEEDS.glob("*.txt"))
        command = [sys.executable, "-m", "tui", str(seeds[0]), str(seeds[1]), "--format", "json", "-o", "-"]
        elapsed = _median_run(command, args.repeats)
        git = _median_run(["git", "diff", "--no-index", "--word-diff", str(seeds[0]), str(seeds[1])], args.repeats)
        print(f"seed pair JSON export end to end (interpreter start included): {elapsed:.3f} s")
        print(f"git word diff on the seed pair: {git:.3f} s")
    else:
        print("seed pair: ../shared/seeds not found, skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
