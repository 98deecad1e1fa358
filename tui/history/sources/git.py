"""Every committed version of one file, from the git command, following renames.

Git-scraping repositories commit a page every hour; each commit that touched
the file is a version. The log is read once with ``--follow`` (so a renamed
file keeps its past) and every blob through one ``git cat-file --batch``
process, so fifty versions cost two processes, not fifty.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from tui.engine.limits import MAX_BYTES
from tui.errors import ArticleDiffError
from tui.history.sources import Snapshot

#: Separates one commit's header from the next in the log's output.
_RECORD = "\x1e"


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched the file, and the file's path in it."""

    hash: str
    date: str
    """The committer date, ISO 8601 with its offset."""
    path: str
    """The file's path in this commit (it differs before a rename)."""


def _git(args: Sequence[str], cwd: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise ArticleDiffError("git: not found (install git to read a file's history)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ArticleDiffError(f"git: {message[-1] if message else 'failed'}")
    return done.stdout


def _locate(path: str) -> tuple[str, str]:
    """The repository's top folder and ``path`` relative to it (the file may be gone from the work tree)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise ArticleDiffError(f"{path}: no such folder {folder!r}")
    if os.path.isdir(path):
        raise ArticleDiffError(f"{path}: is a directory; --git takes one file")
    top = _git(["rev-parse", "--show-toplevel"], folder).decode().strip()
    prefix = _git(["rev-parse", "--show-prefix"], folder).decode().strip()
    return top, prefix + os.path.basename(path)


def parse_log(output: str) -> list[Commit]:
    """Commits from ``git log --format=<RS>%H %cI --name-status``, newest first as git prints them.

    A commit that deleted the file holds no version of it and is skipped.
    """
    commits = []
    for record in output.split(_RECORD)[1:]:
        lines = [line for line in record.split("\n") if line.strip()]
        if not lines:
            continue
        commit_hash, date = lines[0].split(" ", 1)
        path = None
        for line in lines[1:]:
            fields = line.split("\t")
            status = fields[0][:1]
            if status == "D":
                path = None
                break
            path = fields[-1]  # renames and copies list the old path, then the new
        if path is not None:
            commits.append(Commit(commit_hash, date.strip(), path))
    return commits


def commits_of(
    path: str, *, since: str | None = None, until: str | None = None, most_recent: int | None = None
) -> tuple[str, list[Commit]]:
    """The repository's top folder and the commits that hold a version of ``path``, oldest first."""
    top, relative = _locate(path)
    args = ["log", "--follow", f"--format={_RECORD}%H %cI", "--name-status", "-M"]
    if since:
        args.append(f"--since={since}")
    if until:
        args.append(f"--until={until}")
    args += ["--", relative]
    commits = parse_log(_git(args, top).decode("utf-8", "replace"))
    if most_recent is not None:
        commits = commits[:most_recent]
    if not commits:
        raise ArticleDiffError(f"{path}: no committed version in that range" if since or until
                               else f"{path}: no committed version (is it tracked by git?)")
    return top, commits[::-1]


def read_blobs(top: str, specs: Sequence[str]) -> list[bytes]:
    """The contents of ``HASH:PATH`` specs, through one ``git cat-file --batch``."""
    out = _git(["cat-file", "--batch"], top, stdin="".join(f"{spec}\n" for spec in specs).encode())
    blobs, at = [], 0
    for spec in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) < 3 or header[1] != b"blob":
            raise ArticleDiffError(f"git: {spec} is not a file")
        size = int(header[2])
        if size > MAX_BYTES:
            raise ArticleDiffError(f"{spec}: too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        blobs.append(out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return blobs


def git_snapshots(
    path: str, *, since: str | None = None, until: str | None = None, most_recent: int | None = None
) -> list[Snapshot]:
    """Every committed version of ``path``, oldest first, labelled by commit date and short hash."""
    top, commits = commits_of(path, since=since, until=until, most_recent=most_recent)
    blobs = read_blobs(top, [f"{c.hash}:{c.path}" for c in commits])
    return [
        Snapshot(
            label=f"{c.date[:16].replace('T', ' ')} {c.hash[:7]}",
            source=f"{c.path}@{c.hash[:7]}",
            time=c.date,
            data=blob,
        )
        for c, blob in zip(commits, blobs, strict=True)
    ]
