"""Issue 17, bad input is one clear line and a non-zero exit, never a traceback, a hang or a flood of memory.

Each test is a reproduction from the issue (items 9, 10, 15, 16, 18, 19).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import ARTICLE, EDITED, _env, run_cli
from tui.cli import main
from tui.engine.read import MAX_BYTES, decode
from tui.errors import InputWarning


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(EDITED)
    return str(tmp_path / "a.txt"), str(tmp_path / "b.txt")


def _one_line(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("article-diff: ") and "Traceback" not in err, err
    return err.strip()


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["sh", "-c", command], cwd=cwd, capture_output=True, env=_env(), timeout=60, check=False)


# 9. Closed standard streams.


def test_closed_stdin_and_stdout_are_one_line(pair: tuple[str, str], tmp_path: Path) -> None:
    python = sys.executable
    closed_in = _shell(f"exec '{python}' -m tui '{pair[0]}' - --format json -o - <&-", tmp_path)
    assert _one_line(closed_in) == "article-diff: standard input is closed"
    closed_out = _shell(f"exec '{python}' -m tui '{pair[0]}' '{pair[1]}' -o - >&-", tmp_path)
    assert _one_line(closed_out) == "article-diff: standard output is closed"
    closed_print = _shell(f"exec '{python}' -m tui '{pair[0]}' '{pair[1]}' --print >&-", tmp_path)
    assert _one_line(closed_print) == "article-diff: standard output is closed"


# 10. Every read is bounded.


def test_an_endless_device_is_too_large_not_a_flood(pair: tuple[str, str], tmp_path: Path) -> None:
    """`article-diff A.txt /dev/zero` read until memory ran out: the size check sees 0 for a device."""
    done = run_cli(pair[0], "/dev/zero", "-q", cwd=tmp_path)
    assert _one_line(done) == "article-diff: /dev/zero: too large (the limit is 32 MB)"
    config = run_cli(pair[0], pair[1], "-q", cwd=tmp_path, ARTICLE_DIFF_CONFIG="/dev/zero")
    assert _one_line(config) == "article-diff: /dev/zero: too large for a config file"


def test_an_endless_fifo_is_too_large(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)

    def flood() -> None:
        try:
            with open(fifo, "wb") as out:
                while True:
                    out.write(b"word " * 20_000)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=flood, daemon=True)
    writer.start()
    assert main([pair[0], str(fifo), "-q"]) == 2
    assert capsys.readouterr().err.strip() == f"article-diff: {fifo}: too large (the limit is 32 MB)"
    writer.join(10)


def test_oversized_stdin_is_named_standard_input(pair: tuple[str, str], tmp_path: Path) -> None:
    done = run_cli(pair[0], "-", "-q", cwd=tmp_path, stdin=b"a" * (MAX_BYTES + 1))
    assert _one_line(done) == "article-diff: standard input: too large (the limit is 32 MB)"


# 15. --width is bounded.


def test_a_huge_width_is_refused(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*pair, "--print", "--width", "1000000000"]) == 2
    assert capsys.readouterr().err == "article-diff: --width must be from 20 to 1000\n"


# 16. A stray byte in a UTF-8 file.


def test_one_stray_byte_keeps_utf8_with_a_warning(pair: tuple[str, str], tmp_path: Path) -> None:
    curly = "The \u201ccouncil\u201d met on Monday \u2014 at last.\n\nIt voted to build the barrier.\n"
    damaged = curly.encode().replace(b"Monday", b"Mon\xffday")
    with pytest.warns(InputWarning, match="a byte not valid UTF-8"):
        text, encoding = decode(damaged, "old.txt")
    assert encoding == "utf-8" and "\u201ccouncil\u201d" in text and "Mon\ufffdday" in text
    (tmp_path / "damaged.txt").write_bytes(damaged)
    (tmp_path / "clean.txt").write_text(curly.replace("Monday", "Mon\ufffdday"))
    done = run_cli(str(tmp_path / "damaged.txt"), str(tmp_path / "clean.txt"), "-q", cwd=tmp_path)
    assert done.returncode == 0, "the verdict does not flip: no mojibake"
    warning = f"article-diff: warning: {tmp_path / 'damaged.txt'}: a byte not valid UTF-8, shown as \ufffd\n"
    assert done.stderr.decode() == warning


def test_a_windows_1252_file_is_still_windows_1252() -> None:
    text, encoding = decode("Caf\u00e9 au lait, \u201cquoted\u201d and na\u00efve.\n".encode("cp1252") * 5, "x")
    assert "Caf\u00e9" in text and "\u201cquoted\u201d" in text, encoding


# 18. A config whose folder cannot be entered is no config.


def test_an_unreadable_home_is_no_config_with_a_warning(tmp_path: Path) -> None:
    """A service account's unreadable $HOME (or `sudo -u` keeping HOME=/root): no config, a warning, a run."""
    home = tmp_path / "home"
    (home / ".config" / "article-diff").mkdir(parents=True)
    config = home / ".config" / "article-diff" / "config.toml"
    config.write_text('lang = "klingon"\n')  # would be an error, were it read
    env = {k: v for k, v in _env(HOME=str(home)).items() if k not in ("ARTICLE_DIFF_CONFIG", "XDG_CONFIG_HOME")}
    kwargs: dict[str, Any] = {}
    if os.geteuid() == 0:  # root enters any folder: run as nobody, the home root's own
        home.chmod(0o700)
        tmp_path.chmod(0o755)
        kwargs = {"user": 65534, "group": 65534, "extra_groups": []}
    else:
        home.chmod(0)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui", "-q"], cwd="/", capture_output=True, env=env, timeout=60, check=False,
            **kwargs,
        )
    except PermissionError:
        pytest.skip("needs root and an interpreter another user may run (this one lives under /root)")
    finally:
        home.chmod(0o700)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.decode() == (
        f"article-diff: warning: {config}: cannot look for a config file there (permission denied); using none\n"
    )


def test_a_config_folder_that_cannot_be_entered_is_no_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, in process, where the folder's refusal is simulated (root enters any folder)."""
    from tui import config as config_module

    monkeypatch.delenv("ARTICLE_DIFF_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    real_stat = Path.stat

    def refuse(self: Path, **kwargs: Any) -> os.stat_result:
        if self.name == "config.toml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", refuse)
    with pytest.warns(InputWarning, match="cannot look for a config file there"):
        assert config_module.load_config() == config_module.Config()


# 19. Small things.


def test_a_config_with_a_byte_order_mark_is_read(pair: tuple[str, str], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes(b'\xef\xbb\xbflang = "klingon"\n')
    done = run_cli(*pair, "-q", cwd=tmp_path, ARTICLE_DIFF_CONFIG=str(config))
    assert "no boilerplate lexicon for 'klingon'" in _one_line(done), "the BOM is no error: the setting is read"


def test_a_lexicon_directory_says_so(pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*pair, "-q", "--lexicon", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"article-diff: {tmp_path}: is a directory, not a lexicon file\n"


def test_a_usage_error_is_one_line(pair: tuple[str, str], tmp_path: Path) -> None:
    for args in (["--width", "wide"], ["--boilerplate", "loud"], ["--no-such-option"], [*pair, "--order", "sideways"]):
        line = _one_line(run_cli(*args, cwd=tmp_path))
        assert line.endswith("(see article-diff --help)"), line
    assert run_cli("--help", cwd=tmp_path).returncode == 0


def test_a_pipe_in_a_file_name_keeps_the_markdown_table(tmp_path: Path) -> None:
    old, new = tmp_path / "old|draft.txt", tmp_path / "new.txt"
    old.write_text(ARTICLE)
    new.write_text(EDITED)
    done = run_cli(str(old), str(new), "--format", "md", "-o", "-", cwd=tmp_path)
    rows = [line for line in done.stdout.decode().splitlines() if line.startswith("| ")]
    cells = [len(line.replace("\\|", "").split("|")) for line in rows[:3]]
    assert len(set(cells)) == 1, rows[:3]


def test_json_of_an_input_with_controls_still_parses(pair: tuple[str, str], tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text("The council \u202emet\u202c on Monday.\n")
    done = run_cli(pair[0], str(tmp_path / "evil.txt"), "--format", "json", "-o", "-", cwd=tmp_path)
    assert "\u202e" not in done.stdout.decode()
    assert "\u202e" in json.loads(done.stdout)["new"]["blocks"][0]["text"]
