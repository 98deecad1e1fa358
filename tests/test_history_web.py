"""Versions from the web: URLs, the Wayback Machine's CDX API and WARC files, all served or written locally.

No test touches the internet: each starts its own HTTP server on 127.0.0.1 (a page, a redirect, a slow
answer, a fake CDX service with its raw captures) or writes its own WARC file.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import tui.history.sources.http as http_source
from tui.cli import main

LEDE = "The council met on Monday to discuss the new harbour barrier and its cost to the town."
MAYOR = "The mayor promised a public hearing before the end of April and a vote in May."


def page(*paragraphs: str, title: str = "Harbour barrier") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<!doctype html><html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


@dataclass
class Site:
    """What the local server answers, and what it was asked."""

    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    base: str = ""

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            **headers: str) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, data)
        return self.base + path


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers)))
            route = state.routes.get(self.path) or state.routes.get(urlsplit(self.path).path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            status, headers, data = route
            if status == 0:  # an answer that never comes, until the test ends
                state.release.wait(10)
                return
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    status = main([*args, "-o", "-", "--format", "json"])
    out = capsys.readouterr().out
    return status, json.loads(out) if out else {}


# --- URLs ---------------------------------------------------------------------------------------------------


def test_two_urls_are_fetched_with_the_tools_user_agent_and_read_as_html(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    old = site.add("/v1", page(LEDE))
    new = site.add("/v2", page(LEDE, MAYOR))
    status, data = run_json(capsys, old, new)
    assert status == 1
    assert [v["source"] for v in data["versions"]] == [old, new]
    assert {v["format"] for v in data["versions"]} == {"html"}
    assert all(headers["User-Agent"].startswith("article-diff/") for _, headers in site.requests)


def test_a_url_beside_a_file_redirects_followed(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(page(LEDE), encoding="utf-8")
    site.add("/moved", "", status=301, Location="/story")
    site.add("/story", page(LEDE))
    status, data = run_json(capsys, str(saved), site.base + "/moved")
    assert status == 0 and data["summary"]["body_changed"] is False


def test_the_charset_comes_from_the_headers(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    latin = page("Le café du port ferme à midi.").encode("iso-8859-1")
    old = site.add("/fr1", latin, "text/html; charset=ISO-8859-1")
    new = site.add("/fr2", latin, "text/html; charset=ISO-8859-1")
    _, data = run_json(capsys, old, new)
    assert data["versions"][0]["encoding"] == "iso-8859-1"
    texts = [b["plain"] for b in data["comparisons"][0]["old"]["blocks"]]
    assert "Le café du port ferme à midi." in texts


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "HTTP 404"), (500, "HTTP 500")],
)
def test_an_http_error_is_one_line(
    site: Site, capsys: pytest.CaptureFixture[str], status: int, message: str
) -> None:
    good = site.add("/ok", page(LEDE))
    bad = site.add("/bad", "no", status=status)
    assert main([good, bad, "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and bad in err and err.count("\n") == 1


def test_a_body_past_the_cap_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_source, "MAX_BYTES", 1000)
    small = site.add("/small", page(LEDE))
    big = site.add("/big", page(LEDE * 40))
    assert main([small, big, "-q"]) == 2
    assert "too large" in capsys.readouterr().err


def test_a_server_that_never_answers_times_out(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_source, "TIMEOUT", 0.3)
    good = site.add("/ok", page(LEDE))
    site.routes["/stuck"] = (0, {}, b"")
    assert main([good, site.base + "/stuck", "-q"]) == 2
    assert "timed out after 0.3 s" in capsys.readouterr().err


def test_nothing_listens_is_one_line(capsys: pytest.CaptureFixture[str], site: Site) -> None:
    good = site.add("/ok", page(LEDE))
    assert main([good, "http://127.0.0.1:9/gone", "-q"]) == 2
    err = capsys.readouterr().err
    assert "http://127.0.0.1:9/gone: cannot fetch" in err and err.count("\n") == 1


# --- the Wayback Machine ------------------------------------------------------------------------------------

ARTICLE_URL = "https://news.example/2024/harbour"


def fake_archive(site: Site, captures: list[tuple[str, str, str]]) -> str:
    """A CDX listing of (timestamp, digest, page) and each raw capture at /web/<timestamp>id_/<url>."""
    rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
    for timestamp, digest, body in captures:
        rows.append(["example,news)/2024/harbour", timestamp, ARTICLE_URL, "text/html", "200", digest, "100"])
        site.add(f"/web/{timestamp}id_/{ARTICLE_URL}", body)
        site.add(f"/web/{timestamp}/{ARTICLE_URL}", "<p>The archive's toolbar: never read.</p>" + body)
    site.add("/cdx/search/cdx", json.dumps(rows), "application/json")
    return site.base + "/cdx/search/cdx"


def test_wayback_keeps_captures_whose_content_changed_and_reads_them_raw(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = fake_archive(site, [
        ("20240501090000", "AAA", page(LEDE)),
        ("20240501100000", "AAA", page(LEDE)),
        ("20240502090000", "BBB", page(LEDE, MAYOR)),
        ("20240503090000", "CCC", page(LEDE.replace("Monday", "Tuesday"), MAYOR)),
    ])
    status, data = run_json(capsys, "--wayback", ARTICLE_URL, "--wayback-endpoint", endpoint)
    assert status == 1
    assert [v["label"] for v in data["versions"]] == ["2024-05-01 09:00:00", "2024-05-02 09:00:00",
                                                      "2024-05-03 09:00:00"]
    assert data["versions"][0]["time"] == "2024-05-01T09:00:00Z"
    raw = [path for path, _ in site.requests if path.startswith("/web/")]
    assert raw and all("id_/" in path for path in raw)
    listing = next(path for path, _ in site.requests if path.startswith("/cdx/"))
    query = parse_qs(urlsplit(listing).query)
    assert query["url"] == [ARTICLE_URL] and query["collapse"] == ["digest"] and query["output"] == ["json"]
    assert data["summary"]["body_changed_in"] == [0, 1]


def test_wayback_from_to_and_max(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    endpoint = fake_archive(site, [
        ("20240501090000", "AAA", page(LEDE)),
        ("20240502090000", "BBB", page(LEDE, MAYOR)),
        ("20240503090000", "CCC", page(LEDE.replace("Monday", "Tuesday"), MAYOR)),
    ])
    _, data = run_json(capsys, "--wayback", ARTICLE_URL, "--wayback-endpoint", endpoint, "--max", "2",
                       "--from", "2024-05-01", "--to", "20240504")
    assert [v["label"][:10] for v in data["versions"]] == ["2024-05-02", "2024-05-03"]
    query = parse_qs(urlsplit(next(p for p, _ in site.requests if p.startswith("/cdx/"))).query)
    assert query["from"] == ["20240501"] and query["to"] == ["20240504"]


@pytest.mark.parametrize(
    ("listing", "message"),
    [("[]", "no captures in the archive"), ("<html>busy</html>", "not a CDX listing")],
)
def test_wayback_trouble_is_one_line(
    site: Site, capsys: pytest.CaptureFixture[str], listing: str, message: str
) -> None:
    site.add("/cdx/search/cdx", listing, "application/json")
    assert main(["--wayback", ARTICLE_URL, "--wayback-endpoint", site.base + "/cdx/search/cdx", "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


# --- WARC files ---------------------------------------------------------------------------------------------


def write_warc(path: Path, records: list[tuple[str, str, str, str]]) -> None:
    """Records of (kind, url, WARC-Date, HTML page); kind is response or revisit."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for kind, url, date, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            data = body.encode("utf-8")
            record = writer.create_warc_record(
                url, kind, payload=io.BytesIO(data if kind == "response" else b""), http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def test_warc_captures_of_one_url_in_capture_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [
        ("response", ARTICLE_URL, "2024-05-02T09:00:00Z", page(LEDE, MAYOR)),
        ("response", "https://news.example/other", "2024-05-01T08:00:00Z", page("Another story entirely.")),
        ("response", ARTICLE_URL, "2024-05-01T09:00:00Z", page(LEDE)),
        ("revisit", ARTICLE_URL, "2024-05-02T10:00:00Z", ""),
        ("response", ARTICLE_URL, "2024-05-03T09:00:00Z", page(LEDE, MAYOR)),
    ])
    status, data = run_json(capsys, str(crawl), "--url", ARTICLE_URL)
    assert status == 1
    assert [v["time"] for v in data["versions"]] == ["2024-05-01T09:00:00Z", "2024-05-02T09:00:00Z",
                                                     "2024-05-03T09:00:00Z"]
    assert data["summary"]["body_changed_in"] == [0] and data["summary"]["quiet"] == [1]


@pytest.mark.parametrize(
    ("args", "message"),
    [([], "say which page with --url"), (["--url", "https://nowhere.example/"], "no capture of")],
)
def test_warc_trouble_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [("response", ARTICLE_URL, "2024-05-01T09:00:00Z", page(LEDE))])
    assert main([str(crawl), *args, "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_file_named_warc_that_is_not_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "notes.warc"
    fake.write_text("just some notes\n", encoding="utf-8")
    assert main([str(fake), "--url", ARTICLE_URL, "-q"]) == 2
    err = capsys.readouterr().err
    assert "not a readable WARC file" in err and err.count("\n") == 1
