"""A page's captures in the Wayback Machine (or any CDX-compatible archive), one per change of content.

The CDX API lists captures with a digest of their content; captures whose
digest equals the one before are the same page again and are dropped (the
server is asked to collapse them, and the list is collapsed again here in case
it did not). Each kept capture is read raw, through its ``id_`` address, so
the archive's own toolbar and rewritten links never pass for an edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from tui.errors import ArticleDiffError
from tui.history.sources import Snapshot
from tui.history.sources.http import declared, fetch, is_html

if TYPE_CHECKING:
    import httpx

DEFAULT_ENDPOINT = "https://web.archive.org/cdx/search/cdx"
#: The CDX listing is small next to a page, and capped on its own.
MAX_LISTING = 16 * 2**20


@dataclass(frozen=True, slots=True)
class Capture:
    """One line of the CDX listing."""

    timestamp: str
    """``YYYYMMDDhhmmss``, as the archive writes it."""
    original: str
    digest: str


def replay_base(endpoint: str) -> str:
    """Where captures are replayed, from the CDX endpoint's address.

    ``.../cdx/search/cdx`` replays at ``.../web/`` (the Wayback Machine), ``.../cdx`` at ``.../`` (a pywb
    collection).
    """
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/cdx/search/cdx"):
        path = path[: -len("/cdx/search/cdx")] + "/web/"
    elif path.endswith("/cdx"):
        path = path[: -len("/cdx")] + "/"
    else:
        raise ArticleDiffError(f"{endpoint}: a CDX endpoint ends with /cdx/search/cdx or /cdx")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def parse_listing(text: str, where: str) -> list[Capture]:
    """Captures from the CDX JSON output (a header row of field names, then one row per capture)."""
    if not text.strip():
        return []
    try:
        rows = json.loads(text)
        if rows == []:
            return []  # what the archive answers when it holds no capture
        header = rows[0]
        at = {name: header.index(name) for name in ("timestamp", "original", "digest")}
        return [
            Capture(str(row[at["timestamp"]]), str(row[at["original"]]), str(row[at["digest"]])) for row in rows[1:]
        ]
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        raise ArticleDiffError(f"{where}: not a CDX listing in JSON") from None


def changed_only(captures: list[Capture]) -> list[Capture]:
    """Drop each capture whose content digest equals the one before (the same page captured again)."""
    kept: list[Capture] = []
    for capture in captures:
        if not kept or kept[-1].digest != capture.digest:
            kept.append(capture)
    return kept


def _iso(timestamp: str) -> str:
    t = timestamp.ljust(14, "0")
    return f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


def list_captures(
    http: httpx.Client,
    url: str,
    endpoint: str = DEFAULT_ENDPOINT,
    *,
    since: str | None = None,
    until: str | None = None,
    most_recent: int | None = None,
) -> list[Capture]:
    """The captures of ``url`` whose content changed, oldest first (the ``most_recent`` last ones)."""
    params = {
        "url": url,
        "output": "json",
        "fl": "timestamp,original,digest",
        "filter": "statuscode:200",
        "collapse": "digest",
    }
    if since:
        params["from"] = since
    if until:
        params["to"] = until
    import httpx

    listing_url = str(httpx.URL(endpoint, params=params))
    data, _ = fetch(http, listing_url, limit=MAX_LISTING)
    captures = changed_only(parse_listing(data.decode("utf-8", "replace"), endpoint))
    if most_recent is not None:
        captures = captures[-most_recent:] if most_recent else []
    return captures


def wayback_snapshots(
    http: httpx.Client,
    url: str,
    endpoint: str = DEFAULT_ENDPOINT,
    *,
    since: str | None = None,
    until: str | None = None,
    most_recent: int | None = None,
) -> list[Snapshot]:
    """Each changed capture of ``url``, read raw, oldest first, labelled by its capture time."""
    base = replay_base(endpoint)
    captures = list_captures(http, url, endpoint, since=since, until=until, most_recent=most_recent)
    if not captures:
        raise ArticleDiffError(f"{url}: no captures in the archive ({endpoint})")
    snapshots = []
    for capture in captures:
        raw = f"{base}{capture.timestamp}id_/{capture.original}"
        data, response = fetch(http, raw)
        content_type = response.headers.get("content-type", "")
        data, charset = declared(data, response.charset_encoding)
        time = _iso(capture.timestamp)
        snapshots.append(
            Snapshot(
                label=time[:19].replace("T", " "),
                source=raw,
                time=time,
                data=data,
                format="html" if is_html(content_type) else None,
                encoding=charset,
            )
        )
    return snapshots
