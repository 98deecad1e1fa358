"""The verdict on real version pairs, beside the boilerplate evaluation: the two yardsticks in one run.

Run: ``python -m bench.eval_real_pairs`` (``--pairs DIR`` for another copy of
``real-pairs``; ``--show-misses`` for every missed unit; ``--no-boilerplate`` to
skip the ScrapingHub tables). Not part of the test run.

The real pairs (``../shared/eval/real-pairs``: 32 pairs of versions of real
posts, pages and advisories, each with a hand-checked truth) are scored by their
own standalone scorer, which runs this checkout's ``article-diff`` as a user
does (``python -m tui OLD NEW --format json -o -``, exit status as the verdict):
pairing, ops, verdict, body dimmed, boilerplate counted as change. Then the
adjudicated ScrapingHub tables of :mod:`bench.eval_boilerplate` are printed, the
raw gold's beside them, so a change that helps one yardstick and hurts the
other shows in one place.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT.parent / "shared" / "eval" / "real-pairs"


def run_real_pairs(pairs: Path, show_misses: bool) -> int:
    """Run the real pairs' scorer on this checkout and print its table and totals."""
    scorer = pairs / "score.py"
    if not scorer.is_file():
        print(f"real pairs: {scorer} not found; skipped", file=sys.stderr)
        return 0
    command = f"{shlex.quote(sys.executable)} -m tui"
    argv = [sys.executable, str(scorer), "--cmd", command]
    if show_misses:
        argv.append("--show-misses")
    print(f"Real version pairs ({pairs.name}): the verdict, pairing and dimmed body blocks", flush=True)
    return subprocess.run(argv, cwd=ROOT, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="a copy of the real-pairs folder")
    parser.add_argument("--show-misses", action="store_true", help="every missed unit, wrong op and mislabelled block")
    parser.add_argument("--no-boilerplate", action="store_true", help="skip the ScrapingHub boilerplate tables")
    args = parser.parse_args(argv)
    status = run_real_pairs(args.pairs, args.show_misses)
    if not args.no_boilerplate:
        from bench.eval_boilerplate import main as eval_boilerplate

        print(flush=True)
        eval_boilerplate(["--with-gold"])
        print(flush=True)
        eval_boilerplate(["--adjudicated"])
    return status


if __name__ == "__main__":
    sys.exit(main())
