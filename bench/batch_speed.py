"""Batch benchmark: pairs per second on 1 and 2 Dask workers, memory per worker, and a 100,000-row manifest.

Run: ``python -m bench.batch_speed`` (``--pairs 2000`` for a quicker look).
Writes seed-sized pairs of its own (the embedded demo pair, 1.7 and 2.0 KB,
with the pair's number and one changed figure written into both versions, so
no two pairs are alike) into a temporary folder, then runs each measurement
in a fresh process so that its peak memory is its own:

- the engine alone in one process (no Dask), for the per-pair cost;
- ``article-diff batch`` on a local cluster of 1 and of 2 worker processes:
  pairs per second (cluster start-up and the workers' first imports included),
  the ratio, and each worker's peak resident memory;
- where one pair's time goes, stage by stage;
- a 100,000-row manifest of one-paragraph pairs against a 10,000-row one: the
  driver's and the workers' peak memory stay flat while the manifest grows
  tenfold (it is streamed, never loaded).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time this process used (user and system): the cost of its work, whatever else shares the cores."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def write_pairs(folder: Path, count: int) -> Path:
    """Write ``count`` distinct seed-sized pairs and their CSV manifest; return the manifest."""
    old = demo_bytes(DEMO_OLD).decode("utf-8")
    new = demo_bytes(DEMO_NEW).decode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "pairs.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "old", "new"])
        for n in range(count):
            figure = f"{3000 + n % 997:,}"
            (folder / f"{n}.old.md").write_text(
                old.replace("3,100 homes", f"{figure} homes").replace("March 3", f"March {1 + n % 28}"), "utf-8"
            )
            (folder / f"{n}.new.txt").write_text(
                new.replace("3,100 homes", f"{figure} homes").replace("52 million", f"{40 + n % 50} million"),
                "utf-8",
            )
            writer.writerow([f"pair-{n}", f"{n}.old.md", f"{n}.new.txt"])
    return manifest


def write_tiny_manifest(folder: Path, rows: int) -> Path:
    """A manifest of ``rows`` one-paragraph pairs (100 distinct files), cheap to compare, long to read."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(100):
        (folder / f"t{n}.txt").write_text(f"The bridge opens in {2000 + n}.\n", "utf-8")
    manifest = folder / f"tiny-{rows}.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "old", "new"])
        for n in range(rows):
            writer.writerow([f"tiny-{n}", f"t{n % 100}.txt", f"t{(n + 1) % 100}.txt"])
    return manifest


# --- children: each measurement in its own process ---------------------------------------------------------------


def _child_engine(manifest: str, count: int) -> dict[str, Any]:
    """The engine alone, in this process, over the first ``count`` pairs: the per-pair cost and its stages."""
    from tui.batch.manifest import read_manifest
    from tui.batch.worker import result_row
    from tui.classify import classify
    from tui.compare import compare_documents
    from tui.engine.read import read_source
    from tui.engine.segment import segment
    from tui.model import Options

    stages = {"read": 0.0, "segment": 0.0, "classify": 0.0, "align, word diff, summary": 0.0, "batch row": 0.0}
    pairs = [p for _, p in zip(range(count), read_manifest(manifest), strict=False)]
    unclassified = Options(classify=False)
    start = time.perf_counter()
    cpu = _cpu_seconds()
    for pair in pairs:
        t0 = time.perf_counter()
        texts = read_source(pair.path("old")), read_source(pair.path("new"))
        t1 = time.perf_counter()
        old, new = segment(texts[0]), segment(texts[1])
        t2 = time.perf_counter()
        old, new = classify(old, new, old_html=old.source_html, new_html=new.source_html)
        t3 = time.perf_counter()
        comparison = compare_documents(old, new, unclassified)  # what compare_documents does after classify
        t4 = time.perf_counter()
        result_row(pair, comparison, t4 - t0, None)
        t5 = time.perf_counter()
        for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            stages[name] += seconds
    elapsed = time.perf_counter() - start
    return {"pairs": len(pairs), "seconds": elapsed, "cpu": _cpu_seconds() - cpu, "stages": stages,
            "peak_mb": _peak_mb()}


def _child_dask(manifest: str, workers: int, output: str) -> dict[str, Any]:
    """``article-diff batch`` on a local cluster of ``workers`` processes, as the command runs it."""
    from tui.batch.driver import PARTITION, Totals, dask_client, partitions, run_on_dask
    from tui.batch.manifest import read_manifest
    from tui.batch.output import open_output
    from tui.batch.worker import Settings
    from tui.model import Options

    writer = open_output(output, "parquet", resume=False)
    totals = Totals()
    load = os.getloadavg()[0]
    wall = time.perf_counter()
    with dask_client(None, workers) as client:
        started = time.perf_counter() - wall
        run_on_dask(client, partitions(read_manifest(manifest), PARTITION), Settings(Options()), writer, totals, 30.0)
        worker_peaks = sorted(client.run(_peak_mb).values())
        worker_cpu = sum(client.run(_cpu_seconds).values())
    writer.close()
    return {
        "worker_cpu": worker_cpu,
        "driver_cpu": _cpu_seconds(),
        "load": (load, os.getloadavg()[0]),
        "pairs": totals.pairs,
        "errors": totals.errors,
        "seconds": time.perf_counter() - wall,
        "startup": started,
        "worker_peak_mb": worker_peaks,
        "driver_peak_mb": _peak_mb(),
    }


def _run_child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.batch_speed", "--child", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"batch_speed: a measurement failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000, help="seed-sized pairs (10,000)")
    parser.add_argument("--manifest-rows", type=int, default=100_000, help="long manifest rows (100,000; 0: none)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        result = _child_engine(rest[0], int(rest[1])) if kind == "engine" else _child_dask(rest[0], int(rest[1]),
                                                                                            rest[2])
        print(json.dumps(result))
        return 0
    print(f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}: other work shares them); {args.pairs:,}"
          " seed-sized pairs (the demo pair, 1.7 and 2.0 KB, varied per pair)")
    with tempfile.TemporaryDirectory(prefix="batch-speed-") as temp:
        root = Path(temp)
        t = time.perf_counter()
        manifest = write_pairs(root / "pairs", args.pairs)
        print(f"wrote {args.pairs:,} pairs in {time.perf_counter() - t:.1f} s\n")
        engine = _run_child("engine", str(manifest), str(min(args.pairs, 1000)))
        runs = {n: _run_child("dask", str(manifest), str(n), str(root / f"out-{n}.parquet")) for n in (1, 2)}
        per_pair = engine["seconds"] / engine["pairs"]
        print("| | pairs | time | pairs/s | CPU ms a pair (workers; driver) | peak memory | load before, after |")
        print("|---|---|---|---|---|---|---|")
        print(f"| engine alone, one process (no Dask) | {engine['pairs']:,} | {engine['seconds']:.1f} s "
              f"| {1 / per_pair:.0f} | {engine['cpu'] / engine['pairs'] * 1000:.1f} | {engine['peak_mb']:.0f} MB | |")
        for n, run in runs.items():
            peaks = ", ".join(f"{p:.0f}" for p in run["worker_peak_mb"])
            print(f"| batch, {n} worker{'s' * (n > 1)} | {run['pairs']:,} | {run['seconds']:.1f} s "
                  f"(start-up {run['startup']:.1f} s) | {run['pairs'] / run['seconds']:.0f} "
                  f"| {run['worker_cpu'] / run['pairs'] * 1000:.1f}; {run['driver_cpu'] / run['pairs'] * 1000:.1f} "
                  f"| workers {peaks} MB; driver {run['driver_peak_mb']:.0f} MB "
                  f"| {run['load'][0]:.1f}, {run['load'][1]:.1f} |")
        rate = {n: run["pairs"] / run["seconds"] for n, run in runs.items()}
        print(f"\n2 workers / 1 worker: {rate[2] / rate[1]:.2f}x; 1 worker / engine alone: "
              f"{rate[1] * per_pair:.2f} (Dask's share of a pair's cost: {1 - rate[1] * per_pair:.0%})")
        print(f"a million pairs at {rate[2]:.0f} pairs/s: {1e6 / rate[2] / 3600:.1f} h on this machine\n")
        print("Where a pair's time goes (engine alone, mean per pair):\n")
        print("| stage | ms | share |")
        print("|---|---|---|")
        total = sum(engine["stages"].values())
        for name, seconds in engine["stages"].items():
            print(f"| {name} | {seconds / engine['pairs'] * 1000:.2f} | {seconds / total:.0%} |")
        print("\nLong manifests, streamed (one-paragraph pairs, 2 workers):\n")
        print("| manifest rows | time | pairs/s | driver peak | worker peaks | load before, after |")
        print("|---|---|---|---|---|---|")
        for rows in sorted({args.manifest_rows // 10, args.manifest_rows} - {0}):
            tiny = write_tiny_manifest(root / "tiny", rows)
            run = _run_child("dask", str(tiny), "2", str(root / f"tiny-{rows}.parquet"))
            peaks = ", ".join(f"{p:.0f}" for p in run["worker_peak_mb"])
            print(f"| {rows:,} | {run['seconds']:.1f} s | {run['pairs'] / run['seconds']:.0f} "
                  f"| {run['driver_peak_mb']:.0f} MB | {peaks} MB | {run['load'][0]:.1f}, {run['load'][1]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
