"""Whole-process benchmark: what a user waits for, interpreter start and imports included.

Run: ``python -m bench.cold_speed`` (``--sizes 15,150,3000 --repeats 3`` to choose).
``bench.engine_speed`` times the engine inside a warm process; this runs
``article-diff OLD NEW --format json -o -`` as a fresh process per run, as a
user does, and prints per pair the median wall time, its CPU time (user +
system: the machines are shared, and CPU time moves less when another job takes
a core), the cost per 1,000 paragraphs (flat when cost grows linearly), the
process's peak memory, ``git diff --no-index --word-diff`` on the same files in
the same run and the ratio. Then the seed pair warm, in one process: what a
batch run pays per pair. Targets from issue 18 (20,000 paragraphs in 5 s, and
scaled to 6 s for 24,000, the doubling that shows the cost grows linearly).

The children write and read bytecode as an installed copy does (with
``PYTHONDONTWRITEBYTECODE`` every run would compile the package from source, a
cost no user pays), under a prefix of their own so the working tree is left as
it was; one untimed run writes it first. A developer's config file is ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import make_pair

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_SIZES = "15,150,3000,6000,12000,20000,24000"
#: ``/usr/bin/time`` reports a process's own peak memory; see :func:`run_process`.
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

#: Issue 18's targets for the whole process, in seconds, by case name.
TARGETS = {"seed pair": 0.15, "3,000 ¶": 0.8, "20,000 ¶": 5.0, "24,000 ¶": 5.0 * 24 / 20}
PEAK_TARGET_MB = 1024
WARM_TARGET_MS = 4.0
#: Pairs compared in the warm process: a batch compares thousands, so the figure is the steady state's median,
#: not the first few pairs', which still compile patterns the lexicon compiles on first use.
WARM_PAIRS = 200

_WARM_CHILD = r"""
import json, sys, time
from tui.compare import compare_documents, load
old, new, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
compare_documents(load(old), load(new))  # the first run compiles the lexicons
times = []
for _ in range(repeats):
    start = time.perf_counter()
    compare_documents(load(old), load(new))
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def child_environment(workdir: Path) -> dict[str, str]:
    """This process's environment, with bytecode kept under ``workdir`` and no config file."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    env["ARTICLE_DIFF_CONFIG"] = ""
    return env


def run_process(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Run ``command`` once (exit 0 or 1, as diff's "same" and "changed"); return wall and CPU seconds, peak MB.

    The figures come from ``/usr/bin/time`` when there is one: Linux carries a
    process's peak memory across ``exec`` from the process it was forked from,
    so ``wait4`` on a child of this (large) process would report this process's
    size. Without it, that larger figure is printed.
    """
    with tempfile.NamedTemporaryFile("r") as figures:
        timed = [TIME, "-f", "%M %U %S", "-o", figures.name, *command] if TIME else command
        start = time.perf_counter()
        with subprocess.Popen(timed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env) as child:
            assert child.stderr is not None
            errors = child.stderr.read()
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):
            message = errors.decode(errors="replace").strip()
            raise SystemExit(f"cold_speed: {' '.join(command[:3])} failed: {message}")
        if TIME:
            kilobytes, user, system = figures.read().split()[-3:]
            return elapsed, float(user) + float(system), int(kilobytes) / 1024
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_run(command: list[str], env: dict[str, str], repeats: int) -> tuple[float, float, float]:
    """Median wall and CPU seconds, and the largest peak MB, over ``repeats`` fresh runs."""
    runs = [run_process(command, env) for _ in range(repeats)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs)


def _cases(workdir: Path, sizes: list[int]) -> list[tuple[str, int, Path, Path]]:
    """(name, paragraphs, old, new): the seed pair when ../shared is there, then the synthetic pairs."""
    cases: list[tuple[str, int, Path, Path]] = []
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(seeds) >= 2:
        cases.append(("seed pair", 0, seeds[0], seeds[1]))
    else:
        print("(seed pair skipped: ../shared/seeds is absent)")
    for size in sizes:
        old_text, new_text = make_pair(size, seed=size)
        old, new = workdir / f"old-{size}.txt", workdir / f"new-{size}.txt"
        old.write_text(old_text, encoding="utf-8")
        new.write_text(new_text, encoding="utf-8")
        cases.append((f"{size:,} ¶", size, old, new))
    return cases


def _warm_seed_ms(env: dict[str, str], repeats: int) -> float | None:
    """The seed pair compared again and again in one process: median milliseconds per pair."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(seeds) < 2:
        return None
    command = [sys.executable, "-c", _WARM_CHILD, str(seeds[0]), str(seeds[1]), str(repeats)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return float(statistics.median(json.loads(out.stdout))) * 1000


def _line(name: str, size: int, old: Path, new: Path, env: dict[str, str], repeats: int) -> str:
    """One pair's line of the table."""
    command = [sys.executable, "-m", "tui", str(old), str(new), "--format", "json", "-o", "-"]
    tool, cpu, peak = median_run(command, env, repeats)
    git, _, _ = median_run(["git", "diff", "--no-index", "--word-diff", str(old), str(new)], env, repeats)
    megabytes = (old.stat().st_size + new.stat().st_size) / 2e6
    per_thousand = f"{tool / size * 1000:.2f} s" if size >= 3000 else ""
    target = TARGETS.get(name)
    verdict = "" if target is None else f"{'ok' if tool <= target else 'over'} {target:g} s"
    if size >= 20000 and peak > PEAK_TARGET_MB:
        verdict += f", memory over {PEAK_TARGET_MB} MB"
    return (
        f"{name:<10} {megabytes:>6.2f} {tool:>11.3f} s {cpu:>6.2f} s {per_thousand:>9} {peak:>5.0f} MB"
        f" {git:>11.3f} s {tool / git:>5.0f}x  {verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the table: one line per pair, then the warm seed pair."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"synthetic pair sizes in paragraphs ({DEFAULT_SIZES})")
    parser.add_argument("--repeats", type=int, default=3, help="fresh runs per pair (median reported)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(
        f"whole process, cold: python -m tui OLD NEW --format json -o -; median of {args.repeats};"
        f" Python {sys.version.split()[0]}; {os.cpu_count()} CPUs"
    )
    header = (
        f"{'pair':<10} {'MB':>6} {'article-diff':>13} {'(CPU)':>8} {'per 1k ¶':>9} {'peak':>8}"
        f" {'git word-diff':>13} {'ratio':>6}  target"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        env = child_environment(Path(tmp))
        cases = _cases(Path(tmp), sizes)
        if cases:  # one untimed run writes the bytecode, as the first run after installing does
            run_process([sys.executable, "-m", "tui", str(cases[0][2]), str(cases[0][3]), "-q"], env)
        for name, size, old, new in cases:
            print(_line(name, size, old, new, env, args.repeats), flush=True)
        warm = _warm_seed_ms(env, WARM_PAIRS)
    if warm is not None:
        state = "ok" if warm <= WARM_TARGET_MS else "over"
        print(f"seed pair warm, in one process: {warm:.1f} ms a pair ({state} {WARM_TARGET_MS:g} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
