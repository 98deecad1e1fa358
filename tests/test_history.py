"""Histories of many versions: the model, lineage through moves, splits and merges, the reports, the exit status."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import referencing

import tui.compare
from tests.conftest import CASES
from tui.cli import main
from tui.export.json_report import load_schema as pair_schema
from tui.history.build import build_history
from tui.history.json_report import load_schema, render_history_json
from tui.history.sources.files import file_snapshot

LEDE = "The council met on Monday to discuss the new harbour barrier and its cost to the town."
MAYOR = "The mayor promised a public hearing before the end of April and a vote in May."
CLOSING = "Work on the barrier could begin next spring if the vote goes the council's way."
FISH = "Fishermen gathered outside the town hall, saying they had not been consulted on the plan."


def write(folder: Path, name: str, *paragraphs: str) -> Path:
    path = folder / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def history_of(*paths: Path):  # type: ignore[no-untyped-def]
    return build_history([file_snapshot(str(p)) for p in paths])


def validate(data: dict[str, object]) -> None:
    pair = pair_schema()
    registry = referencing.Registry().with_resource(pair["$id"], referencing.Resource.from_contents(pair))
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.Draft202012Validator(load_schema(), registry=registry).validate(data)


def test_each_version_is_segmented_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Five versions cost five segmentations, not eight (each inner version is both sides of a step)."""
    calls = []
    real = tui.compare.segment

    def counting(source):  # type: ignore[no-untyped-def]
        calls.append(source.name)
        return real(source)

    monkeypatch.setattr(tui.compare, "segment", counting)
    paths = [write(tmp_path, f"v{i}.txt", LEDE, f"Paragraph {i} says something new each time.", MAYOR)
             for i in range(5)]
    history = history_of(*paths)
    assert len(history.comparisons) == 4
    assert sorted(calls) == sorted(str(p) for p in paths)


def test_lineage_follows_a_paragraph_through_a_split_and_a_merge() -> None:
    """v1 -> v2 splits the second paragraph in two; v2 -> v3 joins them again."""
    old, new = CASES / "split.old.txt", CASES / "split.new.txt"
    history = history_of(old, new, old)
    ops = [[row.op for row in c.rows] for c in history.comparisons]
    assert ops == [["equal", "split", "equal"], ["equal", "merged", "equal"]]
    whole = next(p for p in history.lineage if p.appeared == 0 and p.stops[0].block == 1)
    assert whole.end == "split" and whole.left == 1
    halves = [history.lineage[i] for i in whole.into]
    assert [h.origin for h in halves] == ["split", "split"]
    assert all(h.sources == (whole.id,) and h.end == "merged" for h in halves)
    rejoined = history.lineage[halves[0].into[0]]
    assert rejoined.origin == "merged" and set(rejoined.sources) == {h.id for h in halves}
    assert rejoined.appeared == 2 and rejoined.end is None
    lede = next(p for p in history.lineage if p.appeared == 0 and p.stops[0].block == 0)
    assert [s.version for s in lede.stops] == [0, 1, 2] and lede.end is None and not lede.changed_in


def test_lineage_follows_a_moved_and_edited_paragraph(tmp_path: Path) -> None:
    """The paragraph keeps one identity through a move, and the step that edited it is named."""
    asked = FISH.replace("not been consulted", "never been asked")
    first = write(tmp_path, "a.txt", LEDE, FISH, MAYOR, CLOSING)
    edited = write(tmp_path, "b.txt", LEDE, asked, MAYOR, CLOSING)
    moved = write(tmp_path, "c.txt", LEDE, MAYOR, CLOSING, asked)
    history = history_of(first, edited, moved)
    fish = next(p for p in history.lineage if p.stops[0].block == 1)
    assert [(s.version, s.block) for s in fish.stops] == [(0, 1), (1, 1), (2, 3)]
    assert fish.changed_in == (1,)
    assert fish.stops[2].op == "moved" and fish.end is None


def test_history_json_validates_and_each_comparison_is_the_pair_contract(tmp_path: Path) -> None:
    a = write(tmp_path, "1.txt", LEDE, FISH)
    b = write(tmp_path, "2.txt", LEDE, FISH, MAYOR)
    c = write(tmp_path, "3.txt", LEDE.replace("Monday", "Tuesday"), FISH, MAYOR)
    data = json.loads(render_history_json(history_of(a, b, c)))
    validate(data)
    assert data["format"] == "article-history" and data["version"] == 1
    assert [v["label"] for v in data["versions"]] == [str(a), str(b), str(c)]
    assert [c["format"] for c in data["comparisons"]] == ["article-diff", "article-diff"]
    assert data["comparisons"][0]["old"]["source"] == str(a)
    assert data["summary"]["body_changed_in"] == [0, 1]
    assert data["summary"]["changes"] == [1, 1]


def test_a_history_that_never_changed_its_body_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Curly quotes in one version, straight in the next: quiet steps, exit 0."""
    a = write(tmp_path, "a.txt", LEDE, 'He said "no".')
    b = write(tmp_path, "b.txt", LEDE, "He said “no”.")
    c = write(tmp_path, "c.txt", LEDE, 'He said "no".')
    assert main([str(a), str(b), str(c), "-o", "-", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["body_changed"] is False and summary["quiet"] == [0, 1]


def test_a_history_whose_body_changed_once_exits_1_and_names_the_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", LEDE, FISH)
    b = write(tmp_path, "b.txt", LEDE, FISH)
    c = write(tmp_path, "c.txt", LEDE, FISH, MAYOR)
    assert main([str(a), str(b), str(c)]) == 1
    out = capsys.readouterr().out
    assert "Article body changed in 1 of 2 steps." in out
    assert "quiet: no change" in out
    assert "v2 → v3" in out and "+ " + MAYOR in out


def test_a_folder_is_read_in_name_order_and_skips_hidden_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "02.txt", LEDE, FISH)
    write(tmp_path, "01.txt", LEDE)
    write(tmp_path, ".03.txt", "A hidden draft that must not count.")
    (tmp_path / "sub").mkdir()
    assert main([str(tmp_path) + os.sep, "-o", "-", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [Path(v["source"]).name for v in data["versions"]] == ["01.txt", "02.txt"]
    assert data["summary"]["body_changed_in"] == [0]


def test_a_folder_reads_numbers_in_names_as_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "v1.txt", LEDE)
    write(tmp_path, "v2.txt", LEDE, FISH)
    write(tmp_path, "v10.txt", LEDE, FISH, MAYOR)
    main([str(tmp_path), "-o", "-", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [Path(v["source"]).name for v in data["versions"]] == ["v1.txt", "v2.txt", "v10.txt"]
    assert [p["appeared"] for p in data["lineage"]] == [0, 1, 2]  # each step adds one paragraph


def test_order_mtime_and_name_reorder_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    late = write(tmp_path, "a.txt", LEDE, FISH, MAYOR)
    early = write(tmp_path, "b.txt", LEDE, FISH)
    middle = write(tmp_path, "c.txt", LEDE, FISH, MAYOR)
    for path, when in ((early, 1_000), (middle, 2_000), (late, 3_000)):
        os.utime(path, (when, when))
    main([str(late), str(early), str(middle), "--order", "mtime", "-o", "-", "--format", "json"])
    versions = json.loads(capsys.readouterr().out)["versions"]
    assert [Path(v["source"]).name for v in versions] == ["b.txt", "c.txt", "a.txt"]
    assert versions[0]["time"] == "1970-01-01T00:16:40Z"
    main([str(middle), str(late), str(early), "--order", "name", "-o", "-", "--format", "json"])
    names = [Path(v["source"]).name for v in json.loads(capsys.readouterr().out)["versions"]]
    assert names == ["a.txt", "b.txt", "c.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{d}/one"], "a history needs at least 2 version files; found 1"),
        (["{d}/one/a.txt", "{d}/one/a.txt", "{d}/missing.txt"], "missing.txt: no such file"),
        (["{d}/one/a.txt", "{d}/one", "{d}/one/a.txt"], "is a directory"),
        (["{d}/one/a.txt", "-", "{d}/one/a.txt"], "standard input"),
        (["{d}/one/a.txt", "{d}/one/a.txt", "--since", "2024-01-01"], "--since and --until go with --git or --wayback"),
    ],
)
def test_trouble_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "one").mkdir()
    write(tmp_path / "one", "a.txt", LEDE)
    out = tmp_path / "report.json"
    assert main([a.format(d=tmp_path) for a in args] + ["-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_two_plain_files_still_make_the_pair_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, "a.txt", LEDE)
    b = write(tmp_path, "b.txt", LEDE, MAYOR)
    assert main([str(a), str(b), "-o", "-", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["format"] == "article-diff"


def test_markdown_report_has_the_timeline_and_only_loud_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.txt", LEDE, FISH)
    b = write(tmp_path, "b.txt", LEDE, FISH)
    c = write(tmp_path, "c.txt", LEDE, FISH.replace("town hall", "harbour office"))
    assert main([str(a), str(b), str(c), "-o", "-", "--format", "md"]) == 1
    md = capsys.readouterr().out
    assert md.startswith("# History")
    assert "| · | v2" in md and "| ● | v3" in md
    assert "## v2 → v3" in md and "## v1 → v2" not in md
    assert "~~town hall~~" in md and "**harbour office**" in md


def test_a_changed_headline_is_named_with_its_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def page(title: str) -> str:
        return f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>" \
               f"<p>{LEDE}</p><p>{FISH}</p></article></body></html>"

    a = tmp_path / "a.html"
    a.write_text(page("Council to build barrier"), encoding="utf-8")
    b = tmp_path / "b.html"
    b.write_text(page("Council to build barrier"), encoding="utf-8")
    c = tmp_path / "c.html"
    c.write_text(page("Council delays barrier vote"), encoding="utf-8")
    assert main([str(a), str(b), str(c), "-o", "-", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["headline_changes"] == [
        {"comparison": 1, "old": "Council to build barrier", "new": "Council delays barrier vote"}
    ]
    main([str(a), str(b), str(c), "-o", "-"])
    text = capsys.readouterr().out
    assert "Headline changed in v2 → v3:" in text and "+ Council delays barrier vote" in text


def test_a_history_report_never_loads_textual(tmp_path: Path) -> None:
    """Only the viewer loads Textual: a history written as a report starts no UI code."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    paths = [write(tmp_path, f"{i}.txt", LEDE, f"Paragraph {i}.") for i in range(3)]
    script = (
        "import sys; from tui.cli import main; "
        f"status = main({[str(p) for p in paths]!r} + ['-o', {str(tmp_path / 'h.html')!r}]); "
        "print(status, 'textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["1", "False"], done.stderr


def test_every_block_of_every_version_has_exactly_one_lineage(tmp_path: Path) -> None:
    """Twelve versions with edits, moves, merges and insertions: each block is one paragraph's stop, once."""
    paragraphs = [f"Paragraph {i} tells the reader about the harbour barrier, part {i} of the story." for i in range(8)]
    texts = [list(paragraphs)]
    for step in range(11):
        current = list(texts[-1])
        kind = step % 4
        if kind == 0:
            current[step % len(current)] += " A sentence added."
        elif kind == 1:
            current.append(current.pop(0))
        elif kind == 2 and len(current) > 2:
            current[1:3] = [current[1] + " " + current[2]]
        else:
            current.insert(3, f"A new paragraph in step {step} about the council's budget and the vote.")
        texts.append(current)
    paths = [write(tmp_path, f"{i:02d}.txt", *text) for i, text in enumerate(texts)]
    history = history_of(*paths)
    ops = {row.op for comparison in history.comparisons for row in comparison.rows}
    assert {"modified", "moved", "merged", "inserted"} <= ops
    seen = [(stop.version, stop.block) for p in history.lineage for stop in p.stops]
    expected = [(v, b) for v, version in enumerate(history.versions) for b in range(len(version.document.blocks))]
    assert sorted(seen) == expected
    for paragraph in history.lineage:
        versions = [stop.version for stop in paragraph.stops]
        assert versions == list(range(versions[0], versions[0] + len(versions)))
        assert all(history.lineage[i].sources and paragraph.id in history.lineage[i].sources for i in paragraph.into)
