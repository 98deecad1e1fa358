"""Adjudicate the benchmark's gold bodies: which of their lines the issue's own vocabulary calls furniture.

Run: ``python -m bench.adjudicate prepare DIR`` writes the annotation input (every page's gold
body, line by line, in three groups) and ``python -m bench.adjudicate merge FILE...`` merges the
annotators' answers into ``bench/data/adjudicated-gold.json``. ``bench.eval_boilerplate`` then
prints an "adjudicated" table: the with-gold protocol, the gold being the benchmark's less the lines
both annotators of its page marked.

Why: the benchmark's annotators kept whatever sat in an article's container, so its gold bodies
hold photo credits (one page alone holds 35 "Фото: ..." lines), shop buttons, "originally published
by" lines and commission disclosures: what the issue and design.md name boilerplate. Scored against
that gold, labelling them as the issue asks counts as dimming article text. The adjudication was
done blind: annotators read only the gold text and the category list
(``bench/data/adjudication-instructions.md``), never the classifier or its output, and a line
leaves the gold only when both annotators of its page marked it. Held-out pages were adjudicated
the same way; their answers are merged by this script and counted, not read by whoever tunes.

The annotators' answers are kept in ``bench/data/adjudication/`` (page ids and line numbers of the
prepared input, so ``merge`` can be rerun); the merged file holds digests of the lines' words, not
the lines (the benchmark stays in ../shared).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from bench.eval_boilerplate import BENCH, _words, read_truth

ROOT = Path(__file__).resolve().parent.parent
ADJUDICATED = ROOT / "bench" / "data" / "adjudicated-gold.json"
INSTRUCTIONS = ROOT / "bench" / "data" / "adjudication-instructions.md"
#: Pages are dealt into this many groups; each group was read by two annotators.
GROUPS = 3
#: A line longer than this many words is shown as its first :data:`SHOWN_WORDS` words.
LONG_WORDS = 40
SHOWN_WORDS = 30
PAGE_ID_CHARS = 12


def line_digest(line: str) -> str:
    """A short digest of a line's folded words: names a gold line without holding its text."""
    return hashlib.sha256(_words(line).encode()).hexdigest()[:16]


def gold_lines(body: str) -> list[str]:
    """A gold body's non-empty lines, as the annotators saw them numbered from 1."""
    return [line.strip() for line in body.split("\n") if line.strip()]


def adjudicated_body(name: str, body: str, marked: dict[str, dict[str, str]]) -> str:
    """The gold body less the lines both of its annotators marked as furniture or metadata."""
    furniture = marked.get(name, {})
    return "\n".join(line for line in gold_lines(body) if line_digest(line) not in furniture)


def load_adjudication(path: Path = ADJUDICATED) -> dict[str, dict[str, str]]:
    """Page name -> {line digest: category} of the adjudicated furniture lines ({} when absent)."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["pages"]


def _prepare(out: Path, truth: dict[str, dict[str, str]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for group in range(GROUPS):
        text: list[str] = []
        for name in sorted(truth)[group::GROUPS]:
            lines = gold_lines(truth[name]["articleBody"])
            text.append(f"=== PAGE {name[:PAGE_ID_CHARS]}  ({len(lines)} lines)")
            for number, line in enumerate(lines, 1):
                words = line.split()
                if len(words) > LONG_WORDS:
                    line = " ".join(words[:SHOWN_WORDS]) + f" […+{len(words) - SHOWN_WORDS} words]"
                text.append(f"{number:3d}| {line}")
        (out / f"group{group + 1}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    shutil.copy(INSTRUCTIONS, out / "INSTRUCTIONS.md")
    print(f"wrote {GROUPS} groups to {out}")


def _merge(answers: Iterable[Path], truth: dict[str, dict[str, str]]) -> int:
    """Both annotators of a group must mark a line for it to leave the gold."""
    by_group: dict[str, list[dict[str, dict[str, str]]]] = {}
    for path in answers:
        group = path.stem.split("_")[0]
        by_group.setdefault(group, []).append(json.loads(path.read_text(encoding="utf-8")))
    full = {name[:PAGE_ID_CHARS]: name for name in truth}
    pages: dict[str, dict[str, str]] = {}
    marked_once = marked_both = 0
    for group, annotators in sorted(by_group.items()):
        if len(annotators) < 2:
            print(f"adjudicate: {group} has {len(annotators)} annotator(s); two are needed", file=sys.stderr)
            return 2
        ids = set().union(*(a.keys() for a in annotators))
        for page_id in sorted(ids):
            name = full.get(page_id)
            if name is None:
                print(f"adjudicate: unknown page {page_id} in {group}", file=sys.stderr)
                return 2
            lines = gold_lines(truth[name]["articleBody"])
            votes = [a.get(page_id, {}) for a in annotators]
            numbers = set().union(*(v.keys() for v in votes))
            marked_once += len(numbers)
            for number in sorted(numbers, key=int):
                if not all(number in v for v in votes) or not 1 <= int(number) <= len(lines):
                    continue
                marked_both += 1
                category = votes[0][number]
                pages.setdefault(name, {})[line_digest(lines[int(number) - 1])] = category
    about = {
        "method": "two blind annotators per page (bench/adjudicate.py); a line leaves the gold when both marked it",
        "lines_marked_by_any": marked_once,
        "lines_marked_by_both": marked_both,
    }
    ADJUDICATED.write_text(json.dumps({"about": about, "pages": pages}, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"{marked_both} of {marked_once} marked lines agreed, on {len(pages)} pages -> {ADJUDICATED}")
    return 0


def main() -> int:
    """Prepare the annotation input, or merge the answers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare").add_argument("out", type=Path)
    sub.add_parser("merge").add_argument("answers", type=Path, nargs="+")
    args = parser.parse_args()
    truth = read_truth(args.bench, "adjudicate")
    if truth is None:
        return 2
    if args.command == "prepare":
        _prepare(args.out, truth)
        return 0
    return _merge(args.answers, truth)


if __name__ == "__main__":
    raise SystemExit(main())
