"""List the blocks the boilerplate layer gets wrong, page by page, with its reasons: the input to tuning.

Run: ``python -m bench.boilerplate_errors [--format html|html-plain|text|markdown] [--whole]``, with
``--alone``, ``--twin`` or ``--added`` for the evaluation's other modes, ``--adjudicated`` for any of
them on the adjudicated gold (``bench.adjudicate``).
With ``--added``, the blocks of the paragraphs added in B that are labelled non-body (``ADD``) are listed too.
Only development pages are listed (the held-out part is for reporting, never for looking at).
By default only the article span is listed, where a reader sees the errors.

Each line: ``FP`` (gold body labelled boilerplate or metadata) or ``FN`` (boilerplate left as body),
``~`` when the gold match is a near miss (see :func:`bench.eval_boilerplate.gold_labels`), the block's
index, kind, category and text, then its reasons.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.adjudicate import adjudicated_body, load_adjudication
from bench.eval_boilerplate import ABSENT, BENCH, EXACT, NEAR, Gold, held_out, page_versions, read_truth, split_added


def page_errors(path: Path, gold_body: str, fmt: str, mode: str, whole: bool) -> list[str]:
    """The mislabelled blocks of one page, one description each, labelled as in the evaluation's ``mode``."""
    from tui.classify import classify, classify_one

    gold = Gold.of(gold_body)
    version_a, added = gold, None
    if mode == "added":
        kept, new_paragraphs = split_added(gold_body)
        if new_paragraphs:
            version_a, added = Gold.of(kept), Gold.of(new_paragraphs)
    document, source = page_versions(path)[fmt]
    if mode == "alone":
        labelled = classify_one(document, html=source)
    elif mode == "twin":
        labelled = classify(document, document, old_html=source, new_html=source)[1]
    else:
        labelled = classify(version_a.document, document, new_html=source)[1]
    flags = gold.flags(labelled.blocks)
    new_here = set() if added is None else {i for i, f in enumerate(added.flags(labelled.blocks)) if f != ABSENT}
    exact = [i for i, f in enumerate(flags) if f == EXACT] or [i for i, f in enumerate(flags) if f != ABSENT]
    if not exact:
        return []
    first, last = exact[0], exact[-1]
    lines = []
    for index, (block, match) in enumerate(zip(labelled.blocks, flags, strict=True)):
        flagged = block.role != "body"
        if flagged == (match == ABSENT) or not (whole or first <= index <= last):
            continue
        kind = ("ADD" if index in new_here else "FP" if flagged else "FN") + ("~" if match == NEAR else "")
        lines.append(f"  {kind} {index} {block.kind} [{block.category}] {block.plain[:110]!r}")
        lines.append(f"      {'; '.join(block.reasons)}")
    return lines


def main() -> int:
    """Print the development pages' errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--format", default="html", choices=("html", "html-plain", "text", "markdown"))
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--alone", action="store_true", help="label each page without the gold body as version A")
    modes.add_argument("--twin", action="store_true", help="label each page with itself as version A")
    modes.add_argument("--added", action="store_true", help="version A is the gold body less one paragraph in four")
    parser.add_argument("--adjudicated", action="store_true", help="use the adjudicated gold (bench.adjudicate)")
    parser.add_argument("--whole", action="store_true", help="list errors on the whole page, not just the span")
    args = parser.parse_args()
    truth = read_truth(args.bench, "boilerplate_errors")
    if truth is None:
        return 2
    marked = load_adjudication() if args.adjudicated else {}
    for name, entry in sorted(truth.items()):
        path = args.bench / "html" / f"{name}.html.gz"
        if not path.is_file() or held_out(path.name):
            continue
        mode = "alone" if args.alone else "twin" if args.twin else "added" if args.added else "with-gold"
        body = entry["articleBody"]
        if args.adjudicated:
            body = adjudicated_body(name, body, marked)
        lines = page_errors(path, body, args.format, mode, args.whole)
        if lines:
            print(f"== {name}")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
