"""Fetch a version over HTTP: a timeout, a size cap, redirects, a user agent naming the tool.

The page's bytes are decoded with the charset its headers declare (a page
served as ISO-8859-1 stays readable) and read as HTML when served as HTML.
Every failure is one line naming the URL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui import __version__
from tui.engine.limits import MAX_BYTES
from tui.errors import ArticleDiffError
from tui.history.sources import Snapshot

if TYPE_CHECKING:
    import httpx

#: Seconds to wait for a connection or for the next bytes of a response.
TIMEOUT = 20.0
#: Redirects followed before giving up.
MAX_REDIRECTS = 10
USER_AGENT = f"article-diff/{__version__} (compares versions of an article)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def client() -> httpx.Client:
    """An HTTP client with the tool's manners: redirects followed, a timeout, its own user agent."""
    import httpx

    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=TIMEOUT,
        headers={"User-Agent": USER_AGENT},
    )


def _http_time(value: str | None) -> str | None:
    if not value:
        return None
    from email.utils import parsedate_to_datetime  # 10 ms of imports (socket, urllib) no pair run needs

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fetch(http: httpx.Client, url: str, *, limit: int | None = None) -> tuple[bytes, httpx.Response]:
    """The body of ``url`` (at most ``limit`` bytes, a version's limit by default) and its response.

    Raises:
        ArticleDiffError: On a network error, a timeout, an HTTP error status or a body past ``limit``.
    """
    import httpx

    limit = MAX_BYTES if limit is None else limit
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise ArticleDiffError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise ArticleDiffError(f"{url}: too large (the limit is {limit / 2**20:g} MB)")
                chunks.append(chunk)
            return b"".join(chunks), response
    except httpx.TimeoutException:
        raise ArticleDiffError(f"{url}: timed out after {TIMEOUT:g} s") from None
    except httpx.TooManyRedirects:
        raise ArticleDiffError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.InvalidURL as error:
        raise ArticleDiffError(f"{url}: not a valid URL ({error})") from None
    except httpx.HTTPError as error:
        raise ArticleDiffError(f"{url}: cannot fetch ({error or type(error).__name__})") from None


def declared(data: bytes, charset: str | None) -> tuple[bytes, str | None]:
    """The bytes as UTF-8 when the headers declared a charset (else as they came), and that charset."""
    if not charset:
        return data, None
    try:
        text = data.decode(charset)
    except LookupError:
        return data, None  # an unknown charset: let the reader detect the encoding
    except UnicodeDecodeError:
        return data, None  # the declaration is wrong: the reader detects what the bytes are
    return text.encode("utf-8"), charset.lower()


def is_html(content_type: str) -> bool:
    """True when a Content-Type header names an HTML page."""
    return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES


def url_snapshot(http: httpx.Client, url: str) -> Snapshot:
    """The page at ``url`` now, labelled by its URL and timed by the server's Date (or now)."""
    data, response = fetch(http, url)
    content_type = response.headers.get("content-type", "")
    data, charset = declared(data, response.charset_encoding)
    time = _http_time(response.headers.get("date")) or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Snapshot(
        label=url,
        source=url,
        time=time,
        data=data,
        format="html" if is_html(content_type) else None,
        encoding=charset,
    )
