"""The command line: exit statuses like diff, stdout for reports only, clean errors, colour manners."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.cli import main
from tui.config import LEXICON_ENV
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes

ARTICLE = "The council met on Monday.\n\nIt voted to build the barrier.\n"
EDITED = "The council met on Monday.\n\nIt voted against the barrier.\n"
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m tui`` as a user would, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=_env(**env),
        timeout=60,
        check=False,
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "a": tmp_path / "a.txt",
        "a_again": tmp_path / "a_again.txt",
        "b": tmp_path / "b.txt",
        "curly": tmp_path / "curly.txt",
    }
    paths["a"].write_text(ARTICLE)
    paths["a_again"].write_text(ARTICLE)
    paths["b"].write_text(EDITED)
    paths["curly"].write_text(ARTICLE.replace("barrier.", "barrier \u2014 \u201cfinally.\u201d"))
    return paths


def test_exit_status_is_0_for_the_same_body_and_1_for_a_changed_one(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(files["a"]), str(files["a_again"]), "-q"]) == 0
    assert main([str(files["a"]), str(files["b"]), "-q"]) == 1
    assert capsys.readouterr().out == "", "--quiet prints nothing"


def test_a_report_run_pauses_the_cycle_collector_and_restores_it(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The collector's rescans of a growing comparison cost 15% of a long report's time: a report run pauses
    it, and gives it back (a caller in the same process, a test run, keeps its collector), even on failure."""
    import gc

    import tui.compare

    seen: list[bool] = []
    real = tui.compare.compare_documents

    def spying(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tui.compare, "compare_documents", spying)
    assert gc.isenabled()
    assert main([str(files["a"]), str(files["b"]), "--format", "json", "-o", str(tmp_path / "r.json")]) == 1
    assert seen == [False] and gc.isenabled()
    assert main([str(files["a"]), str(files["b"]), "-o", str(tmp_path / "missing" / "r.json")]) == 2
    assert gc.isenabled()


def test_quiet_still_writes_a_report_file(files: dict[str, Path], tmp_path: Path) -> None:
    assert main([str(files["a"]), str(files["b"]), "-q", "-o", str(tmp_path / "r.json")]) == 1
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["body_changed"] is True


def test_formatting_only_is_the_same_body_unless_asked(tmp_path: Path) -> None:
    straight = tmp_path / "straight.txt"
    curly = tmp_path / "curly.txt"
    straight.write_text('He said "no" -- twice.\n')
    curly.write_text("He said \u201cno\u201d \u2014 twice.\n")
    assert main([str(straight), str(curly), "-q"]) == 0
    assert main([str(straight), str(curly), "-q", "--formatting"]) == 1


def test_seed_pair_body_is_unchanged(seed_paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = seed_paths
    assert main([str(old), str(new), "--format", "json", "-o", "-"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["body_changed"] is False


def test_json_on_stdout_without_importing_textual(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_bytes(demo_bytes(DEMO_OLD))
    (tmp_path / "new.txt").write_bytes(demo_bytes(DEMO_NEW))
    code = (
        "import sys\nfrom tui.cli import main\n"
        "status = main(['old.md', 'new.txt', '--format', 'json', '-o', 'out.json'])\n"
        "print(status, 'textual' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=_env(), check=True
    )
    assert out.stdout.split() == ["1", "False"]
    assert json.loads((tmp_path / "out.json").read_text())["format"] == "article-diff"


def test_report_goes_to_stdout_and_nothing_else_does(files: dict[str, Path], tmp_path: Path) -> None:
    done = run_cli(str(files["a"]), str(files["b"]), "--format", "json", "-o", "-", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == b""
    assert json.loads(done.stdout)["summary"]["body_changed"] is True
    written = run_cli(str(files["a"]), str(files["b"]), "-o", "report.html", cwd=tmp_path)
    assert written.returncode == 1 and written.stdout == b"" and written.stderr == b""
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_without_a_terminal_the_text_report_is_printed(files: dict[str, Path], tmp_path: Path) -> None:
    done = run_cli(str(files["a"]), str(files["b"]), cwd=tmp_path)
    assert done.returncode == 1
    text = done.stdout.decode()
    assert "[-to build-]" in text and "{+against+}" in text
    assert "\x1b" not in text, "no escape codes when stdout is not a terminal"


def test_new_version_read_from_stdin(files: dict[str, Path], tmp_path: Path) -> None:
    done = run_cli(str(files["a"]), "-", "--format", "json", "-o", "-", cwd=tmp_path, stdin=EDITED.encode())
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["new"]["source"] == "-"


def _unreadable(tmp_path: Path) -> Path:
    if os.geteuid() == 0:
        pytest.skip("root can read a file without read permission")
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    return path


BAD_INPUTS = {
    "missing": lambda tmp: tmp / "nope.txt",
    "directory": lambda tmp: tmp,
    "unreadable": _unreadable,
    "binary": lambda tmp: _write(tmp / "photo.jpg", bytes(range(256)) * 8),
    "empty": lambda tmp: _write(tmp / "empty.txt", b""),
    "undecodable": lambda tmp: _write(tmp / "odd.txt", b"\xff\xfe" + "text\udc00".encode("utf-16-le", "surrogatepass")),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_gives_one_line_and_status_2(
    kind: str, files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = BAD_INPUTS[kind](tmp_path)
    status = main([str(files["a"]), str(bad), "--format", "json", "-o", "-"])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("article-diff: ") and str(bad) in lines[0]
    assert "Traceback" not in captured.err


def test_bad_input_in_a_real_process_has_no_traceback(files: dict[str, Path], tmp_path: Path) -> None:
    done = run_cli(str(files["a"]), str(tmp_path / "gone.txt"), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().splitlines() == [f"article-diff: {tmp_path / 'gone.txt'}: no such file"]


def test_report_in_a_missing_directory_fails_and_leaves_nothing(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(tmp_path.iterdir())
    assert main([str(files["a"]), str(files["b"]), "-o", str(tmp_path / "no" / "such" / "r.html")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == before


def test_a_failed_run_keeps_the_existing_report(files: dict[str, Path], tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("yesterday's report")
    assert main([str(files["a"]), str(tmp_path / "missing.txt"), "-o", str(report)]) == 2
    assert report.read_text() == "yesterday's report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_unknown_report_extension_asks_for_a_format(files: dict[str, Path], tmp_path: Path) -> None:
    assert main([str(files["a"]), str(files["b"]), "-o", str(tmp_path / "report.pdf")]) == 2
    assert main([str(files["a"]), str(files["b"]), "-o", str(tmp_path / "report.pdf"), "--format", "md"]) == 1
    assert (tmp_path / "report.pdf").read_text(encoding="utf-8").startswith("# What changed")


def test_one_side_only_and_two_stdins_are_refused(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(files["a"])]) == 2
    assert main(["-", "-"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 2


def test_help_has_examples_and_version_names_the_program(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "-o diff.html" in out and "exit status" in out
    assert main(["--version"]) == 0
    assert re.fullmatch(r"article-diff \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


def _print_in_a_terminal(args: list[str], tmp_path: Path, **env: str) -> bytes:
    """Run ``--print`` with stdout on a pseudo-terminal, as a person would see it."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui", *args, "--print", "--width", "100"],
            cwd=tmp_path,
            stdout=follower,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=_env(TERM="xterm-256color", COLUMNS="100", **env),
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
    finally:
        os.close(leader)
    return b"".join(chunks)


def test_print_is_coloured_on_a_terminal_and_not_with_no_color(files: dict[str, Path], tmp_path: Path) -> None:
    args = [str(files["a"]), str(files["b"])]
    coloured = _print_in_a_terminal(args, tmp_path).decode()
    plain = _print_in_a_terminal(args, tmp_path, NO_COLOR="1").decode()
    forced = _print_in_a_terminal([*args, "--color", "always"], tmp_path, NO_COLOR="1").decode()
    assert COLOUR_SGR.search(coloured)
    assert not COLOUR_SGR.search(plain) and "[-to build-]" in plain
    assert COLOUR_SGR.search(forced), "--color always overrides NO_COLOR"


def test_color_never_and_always_for_the_text_report(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    main([str(files["a"]), str(files["b"]), "-o", "-", "--color", "always"])
    assert COLOUR_SGR.search(capsys.readouterr().out)
    main([str(files["a"]), str(files["b"]), "-o", "-", "--color", "never"])
    assert "\x1b" not in capsys.readouterr().out


def test_width_wraps_the_text_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    long_old = tmp_path / "long_old.txt"
    long_new = tmp_path / "long_new.txt"
    words = " ".join(f"word{n}" for n in range(60))
    long_old.write_text(words + "\n")
    long_new.write_text(words.replace("word30", "changed") + "\n")
    main(["long_old.txt", "long_new.txt", "-o", "-", "--width", "40"])
    assert max(len(line) for line in capsys.readouterr().out.splitlines()) <= 40


def test_from_overrides_content_sniffing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("# Title\n\nSome **bold** text and a [link](#).\n")
    new.write_text("# Title\n\nSome **bold** text and a [link](#).\n")
    main([str(old), str(new), "--format", "json", "-o", "-"])
    assert json.loads(capsys.readouterr().out)["old"]["format"] == "markdown"
    main([str(old), str(new), "--format", "json", "-o", "-", "--from", "text", "--new-from", "html"])
    report = json.loads(capsys.readouterr().out)
    assert (report["old"]["format"], report["new"]["format"]) == ("text", "html")


def test_no_arguments_without_a_terminal_reports_on_the_demo_pair(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 1
    out = capsys.readouterr().out
    assert "demo/old.md" in out and "Article body changed" in out


def test_lexicon_reaches_the_classifier(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    appended = tmp_path / "appended.txt"
    appended.write_text(ARTICLE + "\nKeep the Island Courier on the ferry: a pound a week keeps it sailing.\n")
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(
        '[[rule]]\ncategory = "donation-appeal"\nmatch = "start"\nweight = 4.0\nphrases = ["keep the island courier"]\n'
    )

    def last_category(*extra: str) -> object:
        main([str(files["a"]), str(appended), "-o", "-", "--format", "json", *extra])
        return json.loads(capsys.readouterr().out)["new"]["blocks"][-1]["category"]

    assert last_category() != "donation-appeal"
    assert last_category("--lexicon", str(lexicon)) == "donation-appeal"
    assert LEXICON_ENV not in os.environ  # handed to the classifier as a parameter, never through the environment
    assert main([str(files["a"]), str(files["b"]), "-q", "--lexicon", str(tmp_path / "none.toml")]) == 2
    assert "no such lexicon file" in capsys.readouterr().err


def test_an_escape_in_a_file_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    """The error line names the file, but an ESC in its name is shown as a picture."""
    import subprocess
    import sys

    missing = str(tmp_path / "nope\x1b[31mred.txt")
    done = subprocess.run(
        [sys.executable, "-m", "tui", missing, missing, "-o", "-"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "\x1b" not in done.stderr
    assert "\u241b[31mred.txt" in done.stderr


def test_lang_chooses_shipped_lexicons_and_refuses_unknown_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.config import LANGUAGES_ENV

    monkeypatch.delenv(LANGUAGES_ENV, raising=False)
    article = (
        "Der Stadtrat hat am Montag über den Bau der neuen Brücke beraten, die Sitzung dauerte bis in die Nacht.\n\n"
        "Die Anwohner wollen im April wiederkommen, wenn die Ingenieure ihren Bericht vorstellen.\n"
    )
    old, new = tmp_path / "alt.txt", tmp_path / "neu.txt"
    old.write_text(article, encoding="utf-8")
    first, last = article.split("\n\n")
    new.write_text(f"{first}\n\nLesen Sie auch: Wie die Bahn pünktlicher werden will\n\n{last}", encoding="utf-8")

    def categories(*extra: str, status: int = 0) -> list[object]:
        assert main([str(old), str(new), "-o", "-", "--format", "json", *extra]) == status
        blocks = json.loads(capsys.readouterr().out)["new"]["blocks"]
        return [b["category"] for b in blocks]

    assert categories()[1] == "related-link"  # the text is German: its lexicon is used unasked
    # Without the German lexicon nothing names the new line: it is shown as a change to the story.
    assert categories("--lang", "en", status=1)[1] is None
    assert categories("--lang", "de")[1] == "related-link"
    assert main([str(old), str(new), "-q", "--lang", "klingon"]) == 2
    err = capsys.readouterr().err
    assert "no boilerplate lexicon for 'klingon'" in err and err.count("\n") == 1
