"""Report benchmark: what each report adds on top of the comparison, and how the HTML opens.

Run: ``python -m bench.report_speed`` (``--paragraphs 3000 --repeats 5``).
For the seeded synthetic pair of ``bench.synthetic`` it prints the comparison
time, then per format the time to render and write the report atomically
(median of the repeats), the HTML size, and the time headless Chromium takes
to open the HTML report (navigation to the load event, and to the first
``n`` keypress landing on a change), with the targets from issue 5:
at most 0.5 s per report, HTML under 10 MB, open in under 3 s.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import make_pair
from tui.compare import compare_documents, load
from tui.export import EXTENSIONS, write_report
from tui.export.browser import CHROMIUM_ARGS  # one set of flags for every headless run
from tui.export.terminal import print_comparison
from tui.model import Comparison

REPORT_TARGET_S = 0.5
HTML_SIZE_TARGET_MB = 10.0
OPEN_TARGET_S = 3.0


def _median_time(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _open_in_chromium(path: Path, repeats: int) -> tuple[float, float] | None:
    """Median seconds to the load event, and to the first change after pressing ``n``; None without Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    loads, ready = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        for _ in range(repeats):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load", timeout=60_000)
            loads.append(time.perf_counter() - start)
            page.keyboard.press("n")
            page.wait_for_selector(".row.current", timeout=60_000)
            ready.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return statistics.median(loads), statistics.median(ready)


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.report_speed", description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    old_text, new_text = make_pair(args.paragraphs, args.seed)
    old = load("old.txt", data=old_text.encode("utf-8"))
    new = load("new.txt", data=new_text.encode("utf-8"))
    holder: list[Comparison] = []
    compare_s = _median_time(lambda: holder.append(compare_documents(old, new)), args.repeats)
    comparison = holder[-1]
    print(
        f"pair: {args.paragraphs} paragraphs (seed {args.seed}), old {len(old_text) / 1e6:.2f} MB, "
        f"new {len(new_text) / 1e6:.2f} MB, {len(comparison.rows)} rows"
    )
    print(f"comparison (read excluded): {compare_s:.3f} s median of {args.repeats}")
    print()
    print(f"{'report':<10} {'time':>9} {'size':>10}   target <= {REPORT_TARGET_S} s")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("html", "md", "json", "text"):
            path = Path(tmp) / f"report{EXTENSIONS[fmt]}"  # type: ignore[index]
            seconds = _median_time(lambda fmt=fmt, path=path: write_report(comparison, path, fmt), args.repeats)
            size = path.stat().st_size
            ok &= seconds <= REPORT_TARGET_S
            print(f"{fmt:<10} {seconds:>7.3f} s {size / 1e6:>7.2f} MB   {_verdict(seconds <= REPORT_TARGET_S)}")
        seconds = _median_time(lambda: print_comparison(comparison, io.StringIO(), color=True, width=160), args.repeats)
        ok &= seconds <= REPORT_TARGET_S
        print(
            f"{'--print':<10} {seconds:>7.3f} s {'':>10}   {_verdict(seconds <= REPORT_TARGET_S)} (Rich, 160 columns)"
        )
        html_path = Path(tmp) / "report.html"
        html_mb = html_path.stat().st_size / 1e6
        ok &= html_mb < HTML_SIZE_TARGET_MB
        print()
        size_ok = html_mb < HTML_SIZE_TARGET_MB
        print(f"HTML size: {html_mb:.2f} MB (target < {HTML_SIZE_TARGET_MB:.0f} MB): {_verdict(size_ok)}")
        opened = _open_in_chromium(html_path, min(args.repeats, 3))
        if opened is None:
            print("Chromium open: skipped (chromium or the playwright package is missing)")
        else:
            load_s, ready_s = opened
            ok &= ready_s < OPEN_TARGET_S
            print(
                f"Chromium open: load event {load_s:.2f} s, first change selected with n {ready_s:.2f} s "
                f"(target < {OPEN_TARGET_S:.0f} s): {_verdict(ready_s < OPEN_TARGET_S)}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
