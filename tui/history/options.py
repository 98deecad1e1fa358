"""The command line's history options, and the test that a run asks for a history rather than a pair.

Kept light (no engine, no network library): the pair command line adds these
options to its parser and asks :func:`wants_history` before anything else, so
two plain files behave exactly as they always have.
"""

from __future__ import annotations

import argparse
import os
import re

from tui.history.sources import ORDERS, is_url, is_warc

_FORMATS = ("text", "markdown", "html")
_TIME_RE = re.compile(r"^\d{4}(?:[-/]?\d{2}(?:[-/]?\d{2}(?:[T ]?\d{2}(?::?\d{2}(?::?\d{2})?)?)?)?)?Z?$")


class Time(str):
    """A ``--from`` value that is a time (for ``--wayback``), not an input format."""

    __slots__ = ()


def _format_or_time(value: str) -> str:
    if value in _FORMATS:
        return value
    if _TIME_RE.match(value):
        return Time(value)
    raise argparse.ArgumentTypeError(
        f"invalid choice: {value!r} (choose from text, markdown, html; or a time with --wayback)"
    )


def add_history_options(parser: argparse.ArgumentParser) -> None:
    """Add the versions past the second and the history sources' options to ``parser``."""
    parser.add_argument("more", nargs="*", metavar="VERSION", help="more versions: a history, compared consecutively")
    for action in parser._actions:
        if action.dest == "from_":
            action.choices = None
            action.type = _format_or_time
            action.metavar = "FORMAT"
            action.help = "input format of every version: text, markdown or html (with --wayback: a date, as --since)"
    group = parser.add_argument_group(
        "history (several versions: files, a folder, URLs, --git, --wayback, a WARC file)"
    )
    group.add_argument("--order", choices=ORDERS, default="given", help="order of the version files (given)")
    group.add_argument("--git", metavar="PATH", help="every committed version of the file at PATH, following renames")
    group.add_argument("--wayback", metavar="URL", help="the Wayback Machine's captures of URL whose content changed")
    group.add_argument("--wayback-endpoint", metavar="URL", help="another CDX-compatible service to ask instead")
    group.add_argument("--url", metavar="URL", help="with a .warc or .warc.gz file: the page whose captures to take")
    group.add_argument("--since", metavar="DATE", help="--git and --wayback: versions from DATE on")
    group.add_argument("--until", "--to", dest="until", metavar="DATE", help="--git and --wayback: versions up to DATE")
    group.add_argument("--max", type=int, metavar="N", help="only the N most recent versions")


def wants_history(args: argparse.Namespace) -> bool:
    """True when the arguments name a history (a third version, a folder, a URL, a WARC file, --git, --wayback) or
    use one of its options, whose checks then say what they go with."""
    slots = [s for s in (args.old, args.new) if s is not None]
    return bool(
        args.git
        or args.wayback
        or args.more
        or isinstance(args.from_, Time)
        or args.url
        or args.since
        or args.until
        or args.max is not None
        or args.wayback_endpoint
        or args.order != "given"
        or any(is_url(s) or (s != "-" and os.path.isdir(s)) or is_warc(s) for s in slots)
    )
