"""The command line for a history: gather the versions from their source, compare them, report or view.

Reached from :mod:`tui.cli` when the arguments name more than two versions, a
folder, a URL, a WARC file, ``--git`` or ``--wayback``. Every failure is one
line and exit status 2, and nothing is written before every version was read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.errors import ArticleDiffError, ExitStatus
from tui.history.options import Time
from tui.history.sources import Snapshot, is_url, is_warc
from tui.history.sources.files import file_snapshot, folder_paths, ordered

if TYPE_CHECKING:
    import httpx

    from tui.history.model import History


def _slots(args: argparse.Namespace) -> list[str]:
    return [s for s in (args.old, args.new, *(args.more or [])) if s is not None]


def _check(args: argparse.Namespace) -> None:
    from tui.cli import check_drawing

    slots = _slots(args)
    sources = sum(bool(x) for x in (args.git, args.wayback)) + bool(slots)
    if sources > 1:
        raise ArticleDiffError("give versions as files, a folder, URLs, --git or --wayback: one source at a time")
    if "-" in slots:
        raise ArticleDiffError("a history cannot read a version from standard input (-); save it to a file")
    if args.max is not None and args.max < 1:
        raise ArticleDiffError("--max must be 1 or more")
    if isinstance(args.from_, Time) and not args.wayback:
        raise ArticleDiffError("--from DATE goes with --wayback (elsewhere --from names the input format)")
    if (args.since or args.until) and not (args.git or args.wayback):
        raise ArticleDiffError("--since and --until go with --git or --wayback")
    if args.url and not (len(slots) == 1 and is_warc(slots[0])):
        raise ArticleDiffError("--url goes with one .warc or .warc.gz file")
    if args.wayback_endpoint and not args.wayback:
        raise ArticleDiffError("--wayback-endpoint goes with --wayback")
    check_drawing(args)
    if args.print:
        raise ArticleDiffError("--print shows a pair; for a history use -o FILE or --format")


@contextmanager
def _http() -> Iterator[httpx.Client]:
    from tui.history.sources.http import client

    with client() as http:
        yield http


def _cdx_time(value: str | None) -> str | None:
    return "".join(ch for ch in value if ch.isdigit()) if value else None


def gather(args: argparse.Namespace) -> list[Snapshot]:
    """The snapshots the arguments name, oldest first, with ``--max`` applied."""
    slots = _slots(args)
    snapshots: list[Snapshot]
    if args.git:
        from tui.history.sources.git import git_snapshots

        snapshots = git_snapshots(args.git, since=args.since, until=args.until, most_recent=args.max)
    elif args.wayback:
        from tui.history.sources.wayback import DEFAULT_ENDPOINT, wayback_snapshots

        since = args.from_ if isinstance(args.from_, Time) else args.since
        with _http() as http:
            snapshots = wayback_snapshots(
                http,
                args.wayback,
                args.wayback_endpoint or DEFAULT_ENDPOINT,
                since=_cdx_time(since),
                until=_cdx_time(args.until),
                most_recent=args.max,
            )
    elif len(slots) == 1 and is_warc(slots[0]):
        from tui.history.sources.warc import warc_snapshots

        snapshots = warc_snapshots(slots[0], args.url)
    elif len(slots) == 1 and os.path.isdir(slots[0]):
        snapshots = [file_snapshot(p) for p in ordered(folder_paths(slots[0]), args.order)]
        if len(snapshots) < 2:
            raise ArticleDiffError(f"{slots[0]}: a history needs at least 2 version files; found {len(snapshots)}")
    else:
        snapshots = _versions(slots, args.order)
    if args.max is not None and not args.git and not args.wayback:
        snapshots = snapshots[-args.max :]
    return snapshots


def _versions(slots: list[str], order: str) -> list[Snapshot]:
    for slot in slots:
        if not is_url(slot) and os.path.isdir(slot):
            raise ArticleDiffError(f"{slot}: is a directory; a folder of versions must be the only argument")
    files = ordered([s for s in slots if not is_url(s)], order)  # type: ignore[arg-type]
    named = iter(files)
    in_order = slots if order == "given" else [s if is_url(s) else next(named) for s in slots]
    if not any(is_url(s) for s in in_order):
        return [file_snapshot(p) for p in in_order]
    from tui.history.sources.http import url_snapshot

    with _http() as http:
        return [url_snapshot(http, s) if is_url(s) else file_snapshot(s) for s in in_order]


def _report(history: History, args: argparse.Namespace) -> None:
    from tui.cli import _report_format, _write_stdout, report_options
    from tui.export import refuse_overwriting_inputs
    from tui.export.atomic import write_atomic
    from tui.history.report import render_history

    fmt = _report_format(args)
    to_stdout = args.output in (None, "-")
    options = report_options(args, fmt)
    text = render_history(history, fmt, **options)
    if to_stdout:
        _write_stdout(text)
    else:
        refuse_overwriting_inputs(args.output, [v.source for v in history.versions])
        write_atomic(args.output, text.encode("utf-8"))


def run_history(args: argparse.Namespace) -> int:
    """Gather, compare and report a history; the exit status says whether the body ever changed."""
    from tui.cli import _is_tty, _options
    from tui.history.build import build_history

    _check(args)
    options = _options(args)
    snapshots = gather(args)
    if args.from_ in ("text", "markdown", "html"):
        snapshots = [replace(s, format=args.from_) for s in snapshots]
    history = build_history(snapshots, options)
    wants_report = bool(args.output or args.format or args.quiet)
    if not wants_report and _is_tty(sys.stdout) and _is_tty(sys.stdin):
        from tui.app.history import run_history_viewer  # the only place a history loads Textual

        return run_history_viewer(history, boilerplate=args.boilerplate, unified=args.unified or None)
    if not (args.quiet and args.output in (None, "-")):
        _report(history, args)
    return int(ExitStatus.CHANGED if history.summary.body_may_have_changed else ExitStatus.SAME)
