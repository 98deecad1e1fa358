"""Issue 17, what the user has is never lost: -o never replaces a device, a FIFO, a link or an input.

Each test is a reproduction from the issue. Those that need root (a device node, another user's file) skip
with the reason elsewhere; the device they use is one they create in a temporary directory, never a system path.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.test_cli import ARTICLE, EDITED, _env, run_cli
from tui.cli import main
from tui.compare import compare_documents, load
from tui.export.atomic import TEMP_PREFIX, write_atomic
from tui.export.json_report import render_json

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (a device node, another user's file)")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(EDITED)
    return str(tmp_path / "a.txt"), str(tmp_path / "b.txt")


def _leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.startswith(TEMP_PREFIX) or p.name.endswith(".tmp")]


# 1. Non-regular targets are written through; links are followed.


@ROOT_ONLY
def test_a_character_device_stays_a_device(pair: tuple[str, str], tmp_path: Path) -> None:
    """`-o /dev/null` as root once turned the system's /dev/null into a regular file (tested on our own node)."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this container may not create device nodes")
    assert main([*pair, "-o", str(null), "--format", "json"]) == 1
    assert stat.S_ISCHR(null.stat().st_mode)
    assert null.stat().st_rdev == os.makedev(1, 3)
    assert _leftovers(tmp_path) == []


def test_a_fifo_is_written_through_not_replaced(pair: tuple[str, str], tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main([*pair, "-o", str(fifo), "--format", "json"]) == 1
    reader.join(10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got[0])["format"] == "article-diff"
    assert _leftovers(tmp_path) == []


def test_a_symbolic_link_is_followed_and_kept(pair: tuple[str, str], tmp_path: Path) -> None:
    (tmp_path / "real.html").write_text("old report")
    link = tmp_path / "link.html"
    link.symlink_to("real.html")
    dangling = tmp_path / "later.json"
    dangling.symlink_to("sub/later-target.json")
    (tmp_path / "sub").mkdir()
    assert main([*pair, "-o", str(link)]) == 1
    assert main([*pair, "-o", str(dangling)]) == 1
    assert link.is_symlink() and os.readlink(link) == "real.html"
    assert (tmp_path / "real.html").read_text().startswith("<!doctype html>")
    assert dangling.is_symlink() and json.loads((tmp_path / "sub" / "later-target.json").read_text())
    assert _leftovers(tmp_path) == [] and _leftovers(tmp_path / "sub") == []


def test_dev_stdout_writes_into_the_shells_redirection(pair: tuple[str, str], tmp_path: Path) -> None:
    """`-o /dev/stdout >> log` appends to the log: the descriptor is written, the file behind it is not replaced."""
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with open(log, "ab") as out:
        done = subprocess.run(
            [sys.executable, "-m", "tui", *pair, "-o", "/dev/stdout", "--format", "json"],
            stdout=out, stderr=subprocess.PIPE, env=_env(), cwd=tmp_path, timeout=60, check=False,
        )
    assert done.returncode == 1, done.stderr
    text = log.read_text()
    assert text.startswith("earlier line\n{")
    assert json.loads(text.split("\n", 1)[1])["format"] == "article-diff"


def test_process_substitution_is_written_through(pair: tuple[str, str], tmp_path: Path) -> None:
    """`-o >(gzip > r.gz)` names /dev/fd/N, a pipe."""
    read_end, write_end = os.pipe()
    done = subprocess.Popen(
        [sys.executable, "-m", "tui", *pair, "-o", f"/dev/fd/{write_end}", "--format", "json"],
        pass_fds=(write_end,), env=_env(), cwd=tmp_path, stderr=subprocess.PIPE,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    assert done.wait(60) == 1
    assert json.loads(data)["format"] == "article-diff"


# 2. The output is one of the inputs.


def test_writing_over_an_input_is_refused(pair: tuple[str, str], tmp_path: Path) -> None:
    old, new = pair
    link = tmp_path / "alias.txt"
    link.symlink_to(new)
    for target in (new, str(link)):
        done = run_cli(old, new, "-o", target, "--format", "json", cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.decode().count("\n") == 1 and "one of the versions compared" in done.stderr.decode()
        assert Path(new).read_text() == EDITED
    with open(new, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "tui", old, "-", "-o", new, "--format", "json"],
            stdin=stdin, capture_output=True, env=_env(), cwd=tmp_path, timeout=60, check=False,
        )
    assert done.returncode == 2 and b"standard input" in done.stderr
    assert Path(new).read_text() == EDITED


# 3. No temporary file survives a signal.


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_the_write_leaves_no_temporary_file(
    pair: tuple[str, str], tmp_path: Path, signum: signal.Signals
) -> None:
    report = tmp_path / "r.json"
    report.write_text("the old report")
    code = (
        "import os, sys\n"
        "real = os.fsync\n"
        f"os.fsync = lambda fd: os.kill(os.getpid(), {int(signum)})\n"
        "from tui.cli import main\n"
        f"sys.exit(main([{pair[0]!r}, {pair[1]!r}, '-o', {str(report)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=_env(), cwd=tmp_path, capture_output=True, timeout=60)
    if signum == signal.SIGINT:
        assert done.returncode == 2 and done.stderr.decode().strip() == "article-diff: interrupted"
    else:
        assert done.returncode == -signum, done.stderr  # still ends the way the signal says
    assert _leftovers(tmp_path) == []
    assert report.read_text() == "the old report"


# 4. Owner, group and mode are kept.


def test_the_mode_of_an_existing_report_is_kept(pair: tuple[str, str], tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    report.write_text("old")
    report.chmod(0o604)
    assert main([*pair, "-o", str(report)]) == 1
    assert stat.S_IMODE(report.stat().st_mode) == 0o604


@ROOT_ONLY
def test_root_keeps_another_users_report_theirs(pair: tuple[str, str], tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    report.write_text("old")
    os.chown(report, 12345, 23456)
    report.chmod(0o640)
    assert main([*pair, "-o", str(report)]) == 1
    info = report.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o640)


# 5. Any name the file system accepts.


def test_a_250_byte_file_name_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 245 + ".html")
    write_atomic(target, b"report")
    assert target.read_bytes() == b"report"
    write_atomic(target, b"again")
    assert target.read_bytes() == b"again" and _leftovers(tmp_path) == []


# 6. The JSON report escapes bidi controls, losslessly.


def test_json_escapes_bidi_controls_losslessly() -> None:
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    old = load("old.txt", data=b"The council met.\n")
    new = load("new.txt", data=f"The council met {controls}today.\n".encode())
    report = render_json(compare_documents(old, new))
    assert not any(c in report for c in controls)
    assert "\\u202e" in report and "\\u061c" in report
    assert controls in json.loads(report)["new"]["blocks"][0]["text"]
