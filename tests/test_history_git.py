"""A file's git history as versions: every commit that touched it, renames followed, oldest first."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tui.cli import main

LEDE = "The council met on Monday to discuss the new harbour barrier and its cost to the town."
MAYOR = "The mayor promised a public hearing before the end of April and a vote in May."
FISH = "Fishermen gathered outside the town hall, saying they had not been consulted on the plan."


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit(repo: Path, date: str, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "--short=7", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Four versions of story.txt (the third renamed from draft.txt) and a commit touching another file."""
    repo = tmp_path / "scrape"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "draft.txt").write_text(f"{LEDE}\n\n{FISH}\n", encoding="utf-8")
    commit(repo, "2024-05-01T09:00:00+00:00", "first scrape")
    (repo / "draft.txt").write_text(f"{LEDE}\n\n{FISH}\n\n{MAYOR}\n", encoding="utf-8")
    commit(repo, "2024-05-01T10:00:00+00:00", "the mayor's promise added")
    git(repo, "mv", "draft.txt", "story.txt")
    commit(repo, "2024-05-01T11:00:00+00:00", "renamed")
    (repo / "other.txt").write_text("unrelated\n", encoding="utf-8")
    commit(repo, "2024-05-01T11:30:00+00:00", "another page")
    (repo / "story.txt").write_text(f"{LEDE.replace('Monday', 'Tuesday')}\n\n{FISH}\n\n{MAYOR}\n", encoding="utf-8")
    commit(repo, "2024-05-01T12:00:00+00:00", "a stealth edit")
    return repo


def history(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    status = main([*args, "-o", "-", "--format", "json"])
    out = capsys.readouterr().out
    return status, json.loads(out) if out else {}


def test_every_commit_of_the_file_oldest_first_through_a_rename(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, data = history(capsys, "--git", str(repo / "story.txt"))
    assert status == 1
    versions = data["versions"]
    assert [v["label"][:16] for v in versions] == [
        "2024-05-01 09:00", "2024-05-01 10:00", "2024-05-01 11:00", "2024-05-01 12:00"
    ]
    hashes = git(repo, "log", "--format=%h", "--abbrev=7", "--", ".").split()
    assert all(v["label"].split()[-1] in hashes for v in versions)
    assert versions[0]["source"].startswith("draft.txt@") and versions[-1]["source"].startswith("story.txt@")
    assert versions[0]["time"] == "2024-05-01T09:00:00+00:00"
    assert data["summary"]["body_changed_in"] == [0, 2]
    assert data["summary"]["quiet"] == [1]  # the rename changed nothing


def test_max_keeps_the_most_recent_versions_and_since_until_cut_by_date(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, data = history(capsys, "--git", str(repo / "story.txt"), "--max", "2")
    assert [v["label"][11:16] for v in data["versions"]] == ["11:00", "12:00"]
    _, data = history(capsys, "--git", str(repo / "story.txt"), "--since", "2024-05-01T09:30:00+00:00",
                      "--until", "2024-05-01T11:10:00+00:00")
    assert [v["label"][11:16] for v in data["versions"]] == ["10:00", "11:00"]


def test_a_history_with_no_body_change_exits_0(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, data = history(capsys, "--git", str(repo / "story.txt"), "--since", "2024-05-01T09:30:00+00:00",
                           "--until", "2024-05-01T11:10:00+00:00")
    assert status == 0 and data["summary"]["body_changed"] is False


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("untracked.txt", "untracked.txt: no committed version"),
        ("../outside.txt", "git: "),
    ],
)
def test_trouble_is_one_line(repo: Path, capsys: pytest.CaptureFixture[str], where: str, message: str) -> None:
    (repo / "untracked.txt").write_text("never committed\n", encoding="utf-8")
    (repo.parent / "outside.txt").write_text("not in a repository\n", encoding="utf-8")
    assert main(["--git", str(repo / where), "-o", "-"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_one_committed_version_is_not_a_history(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--git", str(repo / "other.txt"), "-q"]) == 2
    assert "at least 2 versions; found 1" in capsys.readouterr().err
