"""Read a source into text: decode the bytes and tell the format by content.

The extension is only a hint: both seed files are ``.txt``, yet one is
Markdown. Anything that is not text (binary, empty, too large) is refused here
with a one-line :class:`~tui.errors.ArticleDiffError`.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import warnings
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from tui.capped import read_capped, stream_capped
from tui.engine.front_matter import front_matter_span
from tui.engine.limits import MAX_BYTES
from tui.errors import ArticleDiffError, InputWarning
from tui.model import SourceFormat

_EXTENSIONS: dict[str, SourceFormat] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}


@dataclass(frozen=True, slots=True)
class SourceText:
    """Decoded text of one source with what was learned reading it."""

    name: str
    text: str
    encoding: str
    format: SourceFormat


def read_bytes(source: str) -> bytes:
    """Read a path, or standard input for ``-``, with errors in the user's words; never more than the limit.

    A device or a FIFO reports size 0, so the read itself is capped too (``/dev/zero`` is "too large").
    """
    name = "standard input" if source == "-" else source
    try:
        if source == "-":
            stdin = getattr(sys.stdin, "buffer", None)
            if stdin is None:
                raise ArticleDiffError("standard input is closed")
            data = stream_capped(stdin, MAX_BYTES)
        else:
            size = os.stat(source).st_size
            if size > MAX_BYTES:
                raise ArticleDiffError(f"{source}: too large ({size / 1e6:.0f} MB; the limit is {_limit()})")
            data = read_capped(source, MAX_BYTES)
    except FileNotFoundError:
        raise ArticleDiffError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise ArticleDiffError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise ArticleDiffError(f"{name}: permission denied") from None
    except OSError as error:
        raise ArticleDiffError(f"{name}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise ArticleDiffError(f"{name}: too large (the limit is {_limit()})")
    return data


def _limit() -> str:
    return f"{MAX_BYTES // 2**20} MB"


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text, detecting the encoding; refuse binary and empty input.

    Returns:
        The text, with CRLF and CR turned into LF, and the encoding's name.
    """
    if not data.strip():
        raise ArticleDiffError(f"{name}: is empty")
    encoding = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding = codec
            break
    if encoding is None and _looks_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\0" else "utf-16-be"
    if encoding is None:
        if b"\0" in data[:65536]:
            raise ArticleDiffError(f"{name}: looks like a binary file, not text")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, encoding = _nearly_utf8(data, name) or _guess(data, name)
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ArticleDiffError(f"{name}: cannot be decoded as {encoding}") from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _binary_share(text) > 0.05:
        raise ArticleDiffError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise ArticleDiffError(f"{name}: is empty")
    return text, encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return (odd > 0.4 * half and even < 0.05 * half) or (even > 0.4 * half and odd < 0.05 * half)


def _nearly_utf8(data: bytes, name: str) -> tuple[str, str] | None:
    """UTF-8 with its few bad bytes replaced (and a warning), when the rest is plainly UTF-8.

    A stray byte in a UTF-8 file is no reason to read every curly quote as mojibake: valid multi-byte
    sequences almost never occur by chance in a one-byte encoding, so when they are at least as many as the
    invalid ones, the file is UTF-8 with damage.
    """
    text = data.decode("utf-8", "replace")
    genuine = data.count(b"\xef\xbf\xbd")  # U+FFFD written in the file itself
    invalid = text.count("\ufffd") - genuine
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if multibyte < max(1, invalid):
        return None
    where = "a byte" if invalid == 1 else f"{invalid} bytes"
    warnings.warn(f"{name}: {where} not valid UTF-8, shown as \ufffd", InputWarning, stacklevel=3)
    return text, "utf-8"


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """Decode non-UTF-8 bytes: charset-normalizer first, Windows-1252 as the usual answer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = [best.encoding] if best is not None else []
    candidates += ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise ArticleDiffError(f"{name}: cannot be decoded (unknown text encoding)")  # pragma: no cover


_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _binary_share(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL_RE.findall(sample)) / max(1, len(sample))


_HTML_RE = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<\?xml)", re.IGNORECASE)
_TAG_RE = re.compile(r"</?(p|div|span|a|h[1-6]|li|ul|br|section|article|figure|img|meta|table)\b[^>\n]{0,500}>", re.I)
# Every pattern is bounded (no unbounded run inside a run): sniffing stays linear even on one long line of "[".
# Each comes with the strings every match holds: a text holding none of them is not searched (str.find is
# far faster than a regex scan that finds nothing, and most texts lack most kinds of markup).
_MD_SIGNALS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("heading", ("#",), re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)),
    ("bold", ("**", "__"), re.compile(r"(\*\*|__)(?=\S)[^\n*_]{1,200}?(?<=\S)\1")),
    ("link", ("](",), re.compile(r"!?\[[^\[\]\n]{1,300}\]\([^)\s]{0,500}\)")),
    ("autolink", ("<http",), re.compile(r"<https?://[^>\s]{1,500}>")),
    ("fence", ("```",), re.compile(r"^```", re.MULTILINE)),
    ("list", ("\n",), re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S[^\n]*\n"
                                  r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)),
    ("quote", (">",), re.compile(r"^>[ \t]+\S", re.MULTILINE)),
    ("reference", ("]:",), re.compile(r"^ {0,3}\[[^\[\]\n]{1,300}\]:[ \t]+\S", re.MULTILINE)),
    ("emphasis", ("*", "_"), re.compile(r"(?<![*\w])([*_])(?=[^\s*_])[^*_\n]{1,200}?(?<=[^\s*_])\1(?![*\w])")),
)
#: Kinds of markup that count only when seen at least twice: a lone ``*word*`` is a stray.
_WEAK_SIGNALS = frozenset({"emphasis"})
#: Kinds of markup that make a text Markdown on their own when repeated.
_REPEATED_SIGNALS = frozenset({"link", "heading", "fence"})
#: Sniffing reads this much of the start of a file, and this much of each line.
SNIFF_CHARS = 65536
SNIFF_LINE = 2000
#: An HTML document is mostly tags: a Markdown file with a few HTML blocks in it has far more lines of prose.
HTML_LINE_SHARE = 0.5


def _tag_line_share(head: str) -> float:
    """The share of non-blank lines that open with a tag."""
    lines = [line.lstrip() for line in head.split("\n") if line.strip()]
    return sum(line.startswith("<") for line in lines) / max(1, len(lines))


def _markdown_signals(head: str) -> tuple[bool, int]:
    """Whether ``head`` reads as Markdown (two different kinds of markup, or two links, headings or fences),
    and how many kinds it holds (counted in full only when it does not: no caller asks then).

    A kind is counted to its second match at most, and the search stops once the answer is yes.
    """
    kinds = 0
    for name, needs, pattern in _MD_SIGNALS:
        if not any(literal in head for literal in needs):
            continue
        found = sum(1 for _ in islice(pattern.finditer(head), 2))
        kinds += found >= (2 if name in _WEAK_SIGNALS else 1)
        if kinds >= 2 or (found >= 2 and name in _REPEATED_SIGNALS):
            return True, kinds
    return False, kinds


def sniff_format(text: str, hint: str | None = None) -> SourceFormat:
    """Tell text, Markdown and HTML apart by content; the extension breaks ties.

    A whole HTML page says so in its first tag. Front matter opens only Markdown. Otherwise, text with
    tags is HTML when its lines are mostly tags, so that Markdown holding an ``<img>``, a ``<p class=...>``
    or a ``<dl>`` between its paragraphs stays Markdown (and a ``.md`` file always does). Markdown needs two
    different kinds of markup (a heading and a link, say), or one strong kind repeated, so a stray asterisk
    in a text file stays text.
    """
    head = text[:SNIFF_CHARS]
    lines = head.split("\n")
    if max(map(len, lines)) > SNIFF_LINE:  # else cutting each line changes nothing
        head = "\n".join(line[:SNIFF_LINE] for line in lines)
    hinted = _EXTENSIONS.get(Path(hint).suffix.lower()) if hint and hint != "-" else None
    if _HTML_RE.search(head):
        return "html"
    if front_matter_span(text) is not None:
        return "html" if hinted == "html" else "markdown"  # a static site's post written in HTML has it too
    markdown, kinds = _markdown_signals(head)
    if hinted != "markdown" and len(_TAG_RE.findall(head)) >= 5 and (
        not markdown or _tag_line_share(head) >= HTML_LINE_SHARE
    ):
        return "html"
    if markdown or (hinted == "markdown" and (kinds or _TAG_RE.search(head))):
        return "markdown"
    if hinted == "html" and _TAG_RE.search(head):
        return "html"
    return "text"


def read_source(source: str, fmt: SourceFormat | None = None, *, data: bytes | None = None) -> SourceText:
    """Read and decode ``source`` (a path or ``-``) and tell its format unless given."""
    raw = read_bytes(source) if data is None else data
    name = "standard input" if source == "-" else source
    text, encoding = decode(raw, name)
    return SourceText(name=source, text=text, encoding=encoding, format=fmt or sniff_format(text, source))
