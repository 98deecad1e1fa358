"""The command line: compare two versions, then open the viewer or write a report.

Unix manners: the report goes to stdout or a file, diagnostics to stderr, and
the exit status says what happened, as ``diff`` does (0 same body, 1 changed,
2 trouble). The report path never imports Textual; only the viewer path does,
and only when it is taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from tui import __version__
from tui.collector import collector_paused
from tui.command import OneLineParser, guarded
from tui.errors import ArticleDiffError, ExitStatus, InputWarning
from tui.safe_text import safe_line

if TYPE_CHECKING:
    from tui.model import Comparison, Document, Options, SourceFormat

PROG = "article-diff"
#: The widest --width accepted: a line this wide already fills any screen, and memory grows with it.
MAX_WIDTH = 1000

EXAMPLES = """\
examples:
  article-diff                                 open the viewer on the built-in demo pair
  article-diff old.md new.txt                  open the viewer on two versions
  article-diff old.html new.html -o diff.html  write a self-contained HTML report
  article-diff old.txt new.txt --print         side by side in the terminal
  article-diff old.txt new.txt --format json -o -   the JSON contract on stdout
  curl -s URL | article-diff old.html - -o changes.md   the new version from stdin
  article-diff -q old.txt new.txt && echo "body unchanged"

config: ~/.config/article-diff/config.toml (or under $XDG_CONFIG_HOME, or the file
$ARTICLE_DIFF_CONFIG names) may hold  lexicon = ["my-outlet.toml"]  and  lang = "de" .
Its lexicon files are added to --lexicon's; --lang and $ARTICLE_DIFF_LANGUAGES win
over its lang; --no-config ignores it.

exit status: 0 when the article bodies are the same (formatting and boilerplate
aside), 1 when the body changed, 2 on trouble (a message goes to stderr).
NO_COLOR in the environment turns colour off unless --color always is given.
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (also used to print ``--help``)."""
    parser = OneLineParser(
        prog=PROG,
        description="See how a news article changed: paragraphs paired, words diffed, boilerplate named.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", nargs="?", metavar="OLD", help="the older version: a path, or - for stdin")
    parser.add_argument("new", nargs="?", metavar="NEW", help="the newer version: a path, or - for stdin")
    out = parser.add_argument_group("output")
    out.add_argument(
        "-o", "--output", metavar="PATH", help="write a report to PATH (- for stdout) instead of the viewer"
    )
    out.add_argument(
        "-f",
        "--format",
        choices=["html", "md", "markdown", "json", "text", "txt"],
        help="report format (default: from the -o extension; text on stdout)",
    )
    out.add_argument("--print", action="store_true", help="print a side-by-side coloured rendition to the terminal")
    out.add_argument("--pager", action="store_true", help="with --print, page through less -R")
    out.add_argument("-q", "--quiet", action="store_true", help="print nothing; only the exit status tells")
    out.add_argument("--color", "--colour", choices=["auto", "always", "never"], default="auto", help="colour (auto)")
    out.add_argument("--width", type=int, metavar="N", help="columns for --print and text (default: the terminal's)")
    out.add_argument(
        "--context",
        type=int,
        metavar="N",
        help="unchanged paragraphs around each change (text and Markdown: 1; HTML and --print: all)",
    )
    out.add_argument(
        "--boilerplate", choices=["show", "dim", "hide"], default="dim", help="how boilerplate is shown (dim)"
    )
    out.add_argument(
        "--markdown-style",
        choices=["plain", "critic"],
        default="plain",
        help="Markdown word marks: plain or CriticMarkup",
    )
    out.add_argument("--unified", action="store_true", help="open the viewer with one column instead of two")
    comp = parser.add_argument_group("comparison")
    comp.add_argument("--from", dest="from_", choices=["text", "markdown", "html"], help="input format of both sides")
    comp.add_argument("--old-from", choices=["text", "markdown", "html"], help="input format of OLD")
    comp.add_argument("--new-from", choices=["text", "markdown", "html"], help="input format of NEW")
    comp.add_argument("--formatting", action="store_true", help="treat typography (quotes, dashes, markup) as changes")
    comp.add_argument("--ignore-case", action="store_true", help="treat a change of letter case as formatting")
    comp.add_argument(
        "--lexicon",
        metavar="PATH",
        action="append",
        help="a TOML file of extra boilerplate phrases for the classifier (repeatable)",
    )
    comp.add_argument(
        "--lang",
        metavar="LANGS",
        help="boilerplate lexicons to use with English, comma-separated: de,es,fr,it,pt,ru, all, or auto"
        " (the default: the languages the text is written in)",
    )
    comp.add_argument(
        "--no-config",
        action="store_true",
        help="ignore the config file ($XDG_CONFIG_HOME/article-diff/config.toml or $ARTICLE_DIFF_CONFIG)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    from tui.history.options import add_history_options

    add_history_options(parser)
    return parser


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(choice: str, stream: TextIO) -> bool:
    """Decide on colour: ``always`` and ``never`` win; ``auto`` needs a terminal, no NO_COLOR, no TERM=dumb."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_tty(stream)


def _load_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    from tui.compare import load

    if args.old is None:
        from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes

        return load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW))
    old_fmt: SourceFormat | None = args.old_from or args.from_
    new_fmt: SourceFormat | None = args.new_from or args.from_
    return load(args.old, old_fmt), load(args.new, new_fmt)


def _options(args: argparse.Namespace) -> Options:
    """The run's options, with the lexicons gathered once from the flags, the environment and the config file."""
    from tui.config import lexicon_settings
    from tui.model import Options

    lexicons = lexicon_settings(args.lexicon or (), args.lang, use_config=not args.no_config)
    return Options(formatting_is_change=args.formatting, ignore_case=args.ignore_case, lexicons=lexicons)


def _stdout() -> TextIO:
    """Standard output, or a one-line complaint when the process was started with it closed (``>&-``)."""
    if sys.stdout is None:
        raise ArticleDiffError("standard output is closed")
    return sys.stdout


def _write_stdout(text: str) -> None:
    """Write UTF-8 to stdout whatever the locale says; a closed pipe (``| head``) is not an error."""
    data = text.encode("utf-8")
    stdout = _stdout()
    try:
        buffer = getattr(stdout, "buffer", None)
        if buffer is not None:
            stdout.flush()
            buffer.write(data)
            buffer.flush()
        else:
            stdout.write(text)
            stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        raise ArticleDiffError(f"standard output: cannot write ({error.strerror or error})") from None


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so Python's exit flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def _report_format(args: argparse.Namespace) -> str:
    from tui.export import format_for_path, normalise_format

    if args.format:
        return normalise_format(args.format)
    if args.output and args.output != "-":
        found = format_for_path(args.output)
        if found is None:
            raise ArticleDiffError(f"{args.output}: cannot tell the report format from the name; use --format")
        return found
    return "text"


def report_options(args: argparse.Namespace, fmt: str) -> dict[str, Any]:
    """The drawing options a report takes from the command line: one place for pairs and histories alike."""
    to_stdout = args.output in (None, "-")
    color = use_color(args.color, sys.stdout) if to_stdout else args.color == "always"
    width = args.width
    if width is None and to_stdout and fmt == "text" and _is_tty(sys.stdout):
        width = _terminal_width()
    return {
        "context": args.context,
        "boilerplate": args.boilerplate,
        "markdown_style": args.markdown_style,
        "color": color and fmt == "text",
        "width": width,
    }


def _report(comparison: Comparison, args: argparse.Namespace) -> None:
    from tui.export import render_report, write_report

    fmt = _report_format(args)
    to_stdout = args.output in (None, "-")
    options = report_options(args, fmt)
    if to_stdout:
        _write_stdout(render_report(comparison, fmt, **options))
    else:
        write_report(comparison, args.output, fmt, **options)


def _print(comparison: Comparison, args: argparse.Namespace) -> None:
    from tui.export.terminal import print_comparison

    stdout = _stdout()
    color = use_color(args.color, stdout)
    width = args.width or _terminal_width()
    try:
        print_comparison(
            comparison,
            stdout,
            color=color,
            width=width,
            context=args.context,
            boilerplate=args.boilerplate,
            pager=args.pager and _is_tty(stdout),
        )
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        raise ArticleDiffError(f"standard output: cannot write ({error.strerror or error})") from None


def _terminal_width() -> int:
    """The terminal's columns, within what --width accepts."""
    import shutil  # only a run drawn for the terminal asks; its import brings bz2 and lzma

    return max(20, min(MAX_WIDTH, shutil.get_terminal_size().columns))


def _viewer(old: Document, new: Document, options: Options, args: argparse.Namespace) -> int:
    from tui.app import run_viewer  # the only place Textual is imported
    from tui.compare import compare_documents

    def factory() -> Comparison:
        return compare_documents(old, new, options)

    title = None if args.old is None else f"{args.old} → {args.new}"
    return int(run_viewer(factory, title_hint=title, boilerplate=args.boilerplate, unified=args.unified or None))


def check_drawing(args: argparse.Namespace) -> None:
    """Refuse a width or context no report can draw: one check for pairs and histories alike."""
    if args.width is not None and not 20 <= args.width <= MAX_WIDTH:
        raise ArticleDiffError(f"--width must be from 20 to {MAX_WIDTH}")
    if args.context is not None and args.context < 0:
        raise ArticleDiffError("--context must be 0 or more")


def _check_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.old is not None and args.new is None:
        raise ArticleDiffError("give two versions to compare, OLD and NEW (or none for the demo pair)")
    if args.old == "-" and args.new == "-":
        raise ArticleDiffError("only one side can be read from standard input (-)")
    check_drawing(args)
    if args.print and args.output:
        raise ArticleDiffError("--print and -o/--output cannot be used together")
    if args.output not in (None, "-") and args.old is not None:
        from tui.export import refuse_overwriting_inputs

        refuse_overwriting_inputs(args.output, [args.old, args.new])


def run(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and do the work; ArticleDiffError escapes for :func:`main` to report."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from tui.history.options import wants_history

    if wants_history(args):  # more than two versions, a folder, a URL, a WARC file, --git or --wayback
        from tui.history.cli import run_history

        return run_history(args)
    _check_args(parser, args)
    return _compare(args)


def _compare(args: argparse.Namespace) -> int:
    """Read both versions, then open the viewer or write what was asked for."""
    with collector_paused():  # the imports too: 28 collections, 6 ms of a short run
        options = _options(args)  # first: a bad setting is reported before any reading
        old, new = _load_pair(args)
        wants_report = bool(args.output or args.format or args.print or args.quiet)
        if wants_report or not (_is_tty(sys.stdout) and _is_tty(sys.stdin)):
            from tui.compare import compare_documents

            comparison = compare_documents(old, new, options)
            if args.quiet and args.output in (None, "-"):
                pass  # the exit status is the answer; a report file asked for with -o is still written
            elif args.print:
                _print(comparison, args)
            else:
                _report(comparison, args)
            return int(ExitStatus.CHANGED if comparison.summary.body_may_have_changed else ExitStatus.SAME)
    return _viewer(old, new, options, args)  # the viewer pauses the collector itself, until its first screen


def _warn(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    """Show an :class:`InputWarning` as one line on stderr, as errors are; others as Python would."""
    if issubclass(category, InputWarning):
        if sys.stderr is not None:
            print(f"{PROG}: warning: {safe_line(str(message))}", file=sys.stderr)
        return
    _show_warning(message, category, *args, **kwargs)


_show_warning = warnings.showwarning


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``article-diff``: returns the exit status (0 same, 1 changed, 2 trouble)."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["batch"]:  # archive-scale runs on Dask: everything about them lives in tui/batch
        from tui.batch.cli import main as batch_main

        return batch_main(arguments[1:])
    with warnings.catch_warnings():
        warnings.simplefilter("always", InputWarning)
        warnings.showwarning = _warn
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    return guarded(lambda: run(argv), PROG)
