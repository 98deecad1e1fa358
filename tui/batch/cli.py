"""``article-diff batch``: compare every pair of a manifest (or a folder of versions) on Dask, one row each.

The single-pair command line hands over to :func:`main` when its first argument
is ``batch``; everything about batches lives in this package. Unix manners as
there: rows to a file (or JSONL on stdout), the bar and the closing line on
stderr, one line and status 2 on trouble, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Iterator, Sequence

from tui.batch.driver import (
    PARTITION,
    SYNCHRONOUS,
    Totals,
    dask_client,
    partitions,
    run_on_dask,
    run_synchronous,
    skip_done,
)
from tui.batch.manifest import Pair, count_pairs, read_manifest, read_versions_dir
from tui.batch.output import ResultWriter, open_output, output_format
from tui.batch.progress import closing_line, progress_bar
from tui.batch.worker import Settings
from tui.errors import ArticleDiffError, ExitStatus
from tui.model import Options

PROG = "article-diff batch"
#: What the batch extra brings, by import name.
EXTRA_MODULES = ("dask", "distributed", "pyarrow")
#: Seconds between checkpoints by default: what a kill can cost, at most.
CHECKPOINT = 30.0

EXAMPLES = """\
examples:
  article-diff batch pairs.csv -o results.parquet          every pair, on a local cluster (one worker a core)
  article-diff batch pairs.jsonl -o results.jsonl --full json/   rows as JSONL, and each pair's JSON report
  article-diff batch --versions-dir archive/ -o history.parquet  each folder's consecutive versions
  article-diff batch pairs.parquet -o r.parquet --scheduler tcp://10.0.0.5:8786   on a running Dask cluster
  article-diff batch pairs.csv -o results.parquet --resume  after a kill: skip the pairs already written

manifest: CSV, JSONL or Parquet with columns old and new (paths; relative ones are read from the
manifest's folder) and optionally id (what --resume skips by; the row number by default) and group.

exit status: 0 every pair compared, 1 the run finished but some rows carry an error, 2 trouble.
"""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < 86_400:
        raise argparse.ArgumentTypeError(f"must be more than 0 and less than a day: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The batch command's arguments (also ``--help``); usage errors are one line, as for a pair."""
    from tui.command import OneLineParser

    parser = OneLineParser(
        prog=PROG,
        description="Compare many pairs of article versions on Dask: one result row per pair.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = parser.add_argument_group("pairs")
    source.add_argument("manifest", nargs="?", metavar="MANIFEST", help="CSV, JSONL or Parquet (- for stdin)")
    source.add_argument("--manifest-format", choices=["csv", "jsonl", "parquet"], help="default: from the name")
    source.add_argument("--versions-dir", metavar="DIR", help="DIR/<article>/<versions>: consecutive versions")
    out = parser.add_argument_group("results")
    out.add_argument("-o", "--output", metavar="PATH", required=True,
                     help="Parquet folder (default) or .jsonl file; - for JSONL on stdout")
    out.add_argument("--format", choices=["parquet", "jsonl"], help="default: JSONL for .jsonl, else Parquet")
    out.add_argument("--full", metavar="DIR", help="also write each pair's JSON report to DIR/<id>.json")
    out.add_argument("--resume", action="store_true", help="continue an earlier run's output, skipping its ids")
    out.add_argument("--checkpoint", type=_seconds, default=CHECKPOINT, metavar="SECONDS",
                     help=f"make the rows written durable this often ({CHECKPOINT:.0f})")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no closing line")
    engine = parser.add_argument_group("Dask")
    engine.add_argument("--scheduler", metavar="ADDRESS",
                        help="a running Dask scheduler (tcp://host:8786), or 'synchronous' (in this process)")
    engine.add_argument("--workers", type=_positive, metavar="N",
                        help="local worker processes (default: one a core); with --scheduler, wait for N to join")
    engine.add_argument("--partition", type=_positive, default=PARTITION, metavar="N",
                        help=f"pairs per Dask task ({PARTITION})")
    comp = parser.add_argument_group("comparison (as for a single pair)")
    comp.add_argument("--formatting", action="store_true", help="treat typography as changes")
    comp.add_argument("--ignore-case", action="store_true", help="treat a change of letter case as formatting")
    comp.add_argument("--lexicon", metavar="PATH", action="append", help="extra boilerplate phrases (repeatable)")
    comp.add_argument("--lang", metavar="LANGS", help="boilerplate lexicons to use with English (as for a pair)")
    comp.add_argument("--no-config", action="store_true", help="ignore the config file")
    return parser


def missing_extra() -> list[str]:
    """The modules of the ``batch`` extra that cannot be imported."""
    missing = []
    for name in EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


def _settings(args: argparse.Namespace) -> Settings:
    """The comparison settings a single run with the same options, environment and config file would use."""
    from tui.config import lexicon_settings

    lexicons = lexicon_settings(args.lexicon or (), args.lang, use_config=not args.no_config)
    full = os.path.abspath(args.full) if args.full else None
    if full is not None:
        try:
            os.makedirs(full, exist_ok=True)
        except OSError as error:
            raise ArticleDiffError(f"{args.full}: cannot create ({error.strerror or error})") from None
    options = Options(formatting_is_change=args.formatting, ignore_case=args.ignore_case, lexicons=lexicons)
    return Settings(options=options, full_dir=full)


def _pairs(args: argparse.Namespace) -> Iterator[Pair]:
    if args.versions_dir is not None:
        return read_versions_dir(args.versions_dir)
    return read_manifest(args.manifest, args.manifest_format)


def _check(args: argparse.Namespace) -> None:
    if (args.manifest is None) == (args.versions_dir is None):
        raise ArticleDiffError("give a manifest or --versions-dir DIR (one of them)")
    if args.scheduler == SYNCHRONOUS and args.workers:
        raise ArticleDiffError("--workers has no meaning with --scheduler synchronous")
    if args.manifest == "-" and args.output == "-":
        raise ArticleDiffError("the manifest and the results cannot both be standard streams")


def _show_progress(args: argparse.Namespace) -> bool:
    try:
        return not args.quiet and sys.stderr is not None and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def run(argv: Sequence[str]) -> int:
    """Do the batch; ArticleDiffError escapes for :func:`main` to report."""
    args = build_parser().parse_args(argv)
    missing = missing_extra()
    if missing:
        raise ArticleDiffError(
            f"batch runs need the batch extra (missing {', '.join(missing)}): "
            "python -m pip install 'article-diff[batch]'"
        )
    _check(args)
    settings = _settings(args)
    pairs = _pairs(args)
    writer = open_output(args.output, output_format(args.output, args.format), resume=args.resume)
    totals = Totals()
    try:
        done = writer.done_ids() if args.resume else set()
        show = _show_progress(args)
        total = count_pairs(args.manifest, args.manifest_format, args.versions_dir) if show else None
        chunks = partitions(skip_done(pairs, done, totals), args.partition)
        with progress_bar(totals, None if total is None else max(0, total - len(done)), show=show):
            if args.scheduler == SYNCHRONOUS:
                start = time.monotonic()
                try:
                    run_synchronous(chunks, settings, writer, totals, args.checkpoint)
                finally:
                    totals.seconds = time.monotonic() - start
            else:
                _on_dask(args, chunks, settings, writer, totals)
    finally:
        writer.close()
    if not args.quiet:
        print(f"{PROG}: {closing_line(totals, args.output)}", file=sys.stderr)
    return int(ExitStatus.CHANGED if totals.errors else ExitStatus.SAME)


def _on_dask(args: argparse.Namespace, chunks: Iterator[list[Pair]], settings: Settings, writer: ResultWriter,
             totals: Totals) -> None:
    with dask_client(args.scheduler, args.workers) as client:
        start = time.monotonic()
        try:
            run_on_dask(client, chunks, settings, writer, totals, args.checkpoint)
        finally:
            totals.seconds = time.monotonic() - start


def main(argv: Sequence[str]) -> int:
    """Entry point of ``article-diff batch``: 0 all compared, 1 some rows carry errors, 2 trouble."""
    from tui.command import guarded
    from tui.export.atomic import signals_raise

    def work() -> int:
        with signals_raise():  # SIGTERM and SIGHUP, like ^C, still write the rows done so far
            return run(argv)

    return guarded(work, PROG, interrupted="interrupted; the rows written so far are kept (--resume continues)")
