"""Every capture of one URL in a WARC file (a crawl's own archive), in capture order.

Read with warcio, which undoes chunked transfer and gzip content encoding.
Revisit records (the crawler saw the same content again and kept no body) hold
no new version and are skipped; so are captures with an HTTP error status.
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from typing import Any

from tui.engine.limits import MAX_BYTES
from tui.errors import ArticleDiffError
from tui.history.sources import Snapshot
from tui.history.sources.http import declared, is_html


def _same_url(a: str, b: str) -> bool:
    return a == b or a.rstrip("/") == b.rstrip("/")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _body(record: Any, where: str) -> bytes:
    data: bytes = record.content_stream().read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArticleDiffError(f"{where}: too large (the limit is {MAX_BYTES // 2**20} MB)")
    return data


def warc_snapshots(path: str, url: str | None) -> list[Snapshot]:
    """The captures of ``url`` in the WARC at ``path``, ordered by capture time (then file order).

    Raises:
        ArticleDiffError: When the file cannot be read, ``url`` is not given or not captured there.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found: list[tuple[str, int, Snapshot]] = []
    seen: Counter[str] = Counter()
    try:
        with open(path, "rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle)):
                if record.rec_type not in ("response", "resource"):
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                seen[target] += 1
                if url is None or not _same_url(target, url):
                    continue
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                if not str(status).startswith("2"):
                    continue
                date = record.rec_headers.get_header("WARC-Date") or ""
                content_type = (
                    record.http_headers.get_header("Content-Type") if record.http_headers
                    else record.rec_headers.get_header("Content-Type")
                ) or ""
                data, charset = declared(_body(record, f"{path}: {target}"), _charset(content_type))
                found.append((date, number, Snapshot(
                    label=date.replace("T", " ").rstrip("Z")[:19] or f"record {number}",
                    source=f"{os.path.basename(path)}#{number}",
                    time=date or None,
                    data=data,
                    format="html" if is_html(content_type) else None,
                    encoding=charset,
                )))
    except FileNotFoundError:
        raise ArticleDiffError(f"{path}: no such file") from None
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as error:
        raise ArticleDiffError(f"{path}: not a readable WARC file ({error})") from None
    if url is None:
        common = ", ".join(target for target, _ in seen.most_common(3))
        raise ArticleDiffError(
            f"{path}: say which page with --url (the file holds captures of {len(seen)} URLs"
            + (f", such as {common})" if common else ")")
        )
    if not found:
        raise ArticleDiffError(f"{path}: no capture of {url}")
    found.sort(key=lambda item: (item[0], item[1]))
    return [snapshot for _, _, snapshot in found]
