"""article-diff batch: every pair of a manifest compared on Dask, one row each, as each pair alone would be.

The rows are checked against what a researcher relies on: the same answer as
``article-diff OLD NEW`` for every pair, whatever the manifest's format; a bad
pair is a row with its error, never the end of the run; a killed run resumed
writes what an uninterrupted one writes; and a cluster started apart (``dask
scheduler`` / ``dask worker``) runs it as the local one does.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from tui.batch import driver
from tui.batch.cli import main as batch_main
from tui.batch.manifest import Pair
from tui.batch.worker import COLUMNS, Settings, compare_partition, full_name
from tui.cli import main as cli_main
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.model import ROW_OPS

#: What differs between two runs of the same pair: the engine's time.
TIMED = "seconds"


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Dask cluster of 2 worker processes, shared by the tests of this module: its scheduler's address."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local.scheduler_address


def _pairs_folder(folder: Path) -> list[dict[str, str]]:
    """Write versions whose answers differ (changed, unchanged, headline, errors) and return the manifest records."""
    folder.mkdir(exist_ok=True)
    (folder / "old.md").write_bytes(demo_bytes(DEMO_OLD))
    (folder / "new.txt").write_bytes(demo_bytes(DEMO_NEW))
    (folder / "a.txt").write_text("Title one\n\nThe mayor said the bridge opens in May.\n\nIt cost 3 million.\n")
    (folder / "b.txt").write_text("Title two\n\nThe mayor said the bridge opens in June.\n\nIt cost 3 million.\n")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    return [
        {"id": "demo", "group": "demo", "old": "old.md", "new": "new.txt"},
        {"id": "same", "group": "demo", "old": "old.md", "new": "old.md"},
        {"id": "bridge", "group": "", "old": "a.txt", "new": "b.txt"},
        {"id": "swapped", "group": "demo", "old": "new.txt", "new": "old.md"},
        {"id": "missing", "group": "", "old": "a.txt", "new": "nowhere.txt"},
        {"id": "binary", "group": "", "old": "binary.bin", "new": "a.txt"},
    ]


def _write_csv(path: Path, records: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "group", "old", "new"])
        writer.writeheader()
        writer.writerows(records)


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _write_parquet(path: Path, records: list[dict[str, str]]) -> None:
    pq.write_table(pa.Table.from_pylist(records), path)


def _rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a result (a Parquet folder or a JSONL file), in order, without the engine's time."""
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        rows = pq.read_table(path).to_pylist()
    for row in rows:
        assert row[TIMED] >= 0
        del row[TIMED]
    return rows


def _batch(*args: str) -> int:
    return batch_main(list(args))


def test_manifest_formats_give_the_same_rows(tmp_path: Path, cluster: str) -> None:
    records = _pairs_folder(tmp_path / "v")
    outputs = []
    for name, write in (("m.csv", _write_csv), ("m.jsonl", _write_jsonl), ("m.parquet", _write_parquet)):
        write(tmp_path / "v" / name, records)
        out = tmp_path / f"{name}.results.parquet"
        assert _batch(str(tmp_path / "v" / name), "-o", str(out), "--scheduler", cluster, "-q") == 1  # 2 errors
        outputs.append(_rows(out))
    assert outputs[0] == outputs[1] == outputs[2]
    rows = outputs[0]
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert list(rows[0]) == [c for c in COLUMNS if c != TIMED]
    by_id = {r["id"]: r for r in rows}
    assert by_id["demo"]["body_changed"] and by_id["demo"]["group"] == "demo"
    assert by_id["demo"]["boilerplate_added"] == ["donation-appeal", "navigation"]
    assert "photo-credit" in by_id["demo"]["boilerplate_removed"]
    assert by_id["same"]["body_changed"] is False and by_id["same"]["body_words_changed"] == 0
    assert by_id["bridge"]["body_changed"] and by_id["bridge"]["modified"] == 2 and not by_id["bridge"]["deleted"]
    assert 0 < by_id["bridge"]["body_words_changed"] < 0.2  # "May" out, "June" in
    assert by_id["bridge"]["group"] is None


def test_a_failing_pair_is_a_row_with_its_error(tmp_path: Path, cluster: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    records = _pairs_folder(tmp_path)
    manifest = tmp_path / "m.jsonl"
    _write_jsonl(manifest, records)
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write("this line is not JSON\n")
        handle.write(json.dumps({"id": "half", "old": "a.txt"}) + "\n")
    out = tmp_path / "r.jsonl"
    assert _batch(str(manifest), "-o", str(out), "--scheduler", cluster) == 1
    errors = {r["id"]: r["error"] for r in _rows(out) if r["error"]}
    assert set(errors) == {"missing", "binary", "7", "half"}
    assert "nowhere.txt: no such file" in errors["missing"]
    assert "binary" in errors["binary"]
    assert errors["7"] == "line 7: not a JSON object"
    assert errors["half"] == "row 8: no new"
    line = capsys.readouterr().err.strip()
    assert line.startswith("article-diff batch: 8 pairs, 3 changed, 4 errors in ")
    assert "\n" not in line


def test_each_row_is_what_the_pair_alone_says(tmp_path: Path, cluster: str) -> None:
    """The --full JSON of every pair is byte for byte the single run's report, and the row agrees with it."""
    records = _pairs_folder(tmp_path)[:4]
    manifest = tmp_path / "m.csv"
    _write_csv(manifest, records)
    full = tmp_path / "full"
    out = tmp_path / "r.parquet"
    assert _batch(str(manifest), "-o", str(out), "--full", str(full), "--scheduler", cluster, "-q") == 0
    rows = {r["id"]: r for r in _rows(out)}
    for record in records:
        alone = tmp_path / f"{record['id']}.json"
        status = cli_main([str(tmp_path / record["old"]), str(tmp_path / record["new"]), "-o", str(alone)])
        assert (full / full_name(record["id"])).read_bytes() == alone.read_bytes()
        summary = json.loads(alone.read_text(encoding="utf-8"))["summary"]
        row = rows[record["id"]]
        assert row["body_may_have_changed"] == (status == 1)
        assert row["body_changed"] == summary["body_changed"]
        assert row["guessed"] == summary.get("guessed", 0)
        assert {op: row[op] for op in ROW_OPS} == {op: summary[op] for op in ROW_OPS}


def test_synchronous_and_the_default_local_cluster_give_the_dask_rows(tmp_path: Path, cluster: str) -> None:
    records = _pairs_folder(tmp_path)
    manifest = tmp_path / "m.csv"
    _write_csv(manifest, records)
    runs = {"dask": ["--scheduler", cluster], "sync": ["--scheduler", "synchronous"], "local": ["--workers", "2"]}
    results = {}
    for name, args in runs.items():
        out = tmp_path / f"{name}.parquet"
        assert _batch(str(manifest), "-o", str(out), "-q", "--partition", "2", *args) == 1
        results[name] = _rows(out)
    assert results["dask"] == results["sync"] == results["local"]


def test_versions_dir_compares_each_article_s_consecutive_versions(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    for article, versions in {"bridge": ["v1.txt", "v2.txt", "v10.txt"], "solo": ["only.txt"]}.items():
        (root / article).mkdir(parents=True)
        for n, name in enumerate(versions):
            (root / article / name).write_text(f"Bridge\n\nThe bridge opens in {2020 + n}.\n", encoding="utf-8")
    out = tmp_path / "h.jsonl"
    assert cli_main(["batch", "--versions-dir", str(root), "-o", str(out), "--scheduler", "synchronous", "-q"]) == 0
    rows = _rows(out)
    assert [(r["id"], r["group"], r["old"], r["new"]) for r in rows] == [
        ("bridge/v1.txt..v2.txt", "bridge", "bridge/v1.txt", "bridge/v2.txt"),
        ("bridge/v2.txt..v10.txt", "bridge", "bridge/v2.txt", "bridge/v10.txt"),
    ]
    assert all(r["body_changed"] for r in rows)


def test_an_existing_output_is_continued_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_csv(tmp_path / "m.csv", _pairs_folder(tmp_path)[:2])
    out = tmp_path / "r.jsonl"
    out.write_text("", encoding="utf-8")
    assert _batch(str(tmp_path / "m.csv"), "-o", str(out), "--scheduler", "synchronous") == 2
    refusal = f"article-diff batch: {out}: already exists; --resume continues it (or remove it first)\n"
    assert capsys.readouterr().err == refusal
    assert out.read_text(encoding="utf-8") == ""
    # A line cut short by a kill is dropped and its pair compared again.
    out.write_text(json.dumps({"id": "demo", "note": "kept"}) + "\n" + '{"id": "same", "bo', encoding="utf-8")
    assert _batch(str(tmp_path / "m.csv"), "-o", str(out), "--scheduler", "synchronous", "--resume", "-q") == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["demo", "same"] and lines[0] == {"id": "demo", "note": "kept"}


def test_bad_input_is_one_line_and_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "m.csv").write_text("before,after\na,b\n", encoding="utf-8")
    cases = {
        ("nowhere.csv", "-o", str(tmp_path / "x.parquet")): "nowhere.csv: no such manifest",
        (str(tmp_path / "m.csv"), "-o", str(tmp_path / "y.parquet")): "has no old or new column",
        (str(tmp_path / "m.txt"), "-o", str(tmp_path / "z.parquet")): "use --manifest-format",
        (str(tmp_path / "m.csv"),): "the following arguments are required: -o/--output",
    }
    for args, message in cases.items():
        assert _batch(*args, "--scheduler", "synchronous") == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1


def test_a_missing_extra_is_one_line(tmp_path: Path) -> None:
    code = "import sys; sys.modules['distributed'] = None; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, "batch", "m.csv", "-o", "r.parquet"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == ("article-diff batch: batch runs need the batch extra (missing distributed): "
                           "python -m pip install 'article-diff[batch]'\n")


def _many_pairs(folder: Path, count: int) -> Path:
    records = _pairs_folder(folder)[:4]
    manifest = folder / "m.csv"
    _write_csv(manifest, [dict(r, id=f"{r['id']}-{n}") for n in range(count // 4) for r in records])
    return manifest


def test_a_killed_run_resumed_writes_what_an_uninterrupted_one_writes(tmp_path: Path, cluster: str) -> None:
    manifest = _many_pairs(tmp_path, 240)
    out = tmp_path / "r.parquet"
    command = [sys.executable, "-m", "tui", "batch", str(manifest), "-o", str(out), "--workers", "2",
               "--partition", "5", "--checkpoint", "0.2", "-q"]
    run = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and run.poll() is None:
            if len(list(out.glob("part-*.parquet"))) >= 2:
                break
            time.sleep(0.05)
        assert run.poll() is None, run.stderr.read() if run.stderr else ""
        os.killpg(run.pid, signal.SIGKILL)  # the driver and its local workers, as an OOM killer or a pulled plug
    finally:
        run.wait(30)
    written = len(_rows(out))
    assert 0 < written < 240
    assert _batch(str(manifest), "-o", str(out), "--resume", "--scheduler", cluster, "-q") == 0
    whole = tmp_path / "whole.parquet"
    assert _batch(str(manifest), "-o", str(whole), "--scheduler", cluster, "-q") == 0
    assert _rows(out) == _rows(whole)


def test_a_cluster_started_apart_runs_the_batch(tmp_path: Path) -> None:
    """As a cluster user would: ``dask scheduler`` and ``dask worker`` as their own processes, then --scheduler."""
    records = _pairs_folder(tmp_path)
    _write_csv(tmp_path / "m.csv", records)
    info = tmp_path / "scheduler.json"
    dask = str(Path(sys.executable).with_name("dask"))
    started = [subprocess.Popen([dask, "scheduler", "--scheduler-file", str(info), "--port", "0", "--no-dashboard"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 30
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        started.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        out = tmp_path / "r.parquet"
        assert _batch(str(tmp_path / "m.csv"), "-o", str(out), "--scheduler", address, "--workers", "1", "-q") == 1
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(30)
    sync = tmp_path / "sync.parquet"
    assert _batch(str(tmp_path / "m.csv"), "-o", str(sync), "--scheduler", "synchronous", "-q") == 1
    assert _rows(out) == _rows(sync)


def _dies_on_boom(pairs: list[Pair], settings: Settings) -> list[dict[str, Any]]:
    """A partition function whose worker "dies" on the pair with id boom, as one run out of memory would."""
    if any(pair.id == "boom" for pair in pairs):
        raise RuntimeError("worker died")
    return compare_partition(pairs, settings)


def test_only_the_pair_that_kills_its_worker_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = _pairs_folder(tmp_path)[:4]
    records.insert(2, {"id": "boom", "group": "", "old": "a.txt", "new": "b.txt"})
    _write_csv(tmp_path / "m.csv", records)
    monkeypatch.setattr(driver, "compare_partition", _dies_on_boom)
    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as local:
        assert _batch(str(tmp_path / "m.csv"), "-o", str(tmp_path / "r.jsonl"), "--scheduler",
                      local.scheduler_address, "-q") == 1
    rows = _rows(tmp_path / "r.jsonl")
    assert [r["id"] for r in rows] == ["demo", "same", "boom", "bridge", "swapped"]
    assert [r["error"] for r in rows] == [None, None, "worker failed: RuntimeError: worker died", None, None]
