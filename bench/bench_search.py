"""Search in a real Chromium: our lazy lunr search against plain Material's search.

``bench_search_browser(site_dir, material_site_dir=None)`` serves each built site over
``http.server`` on 127.0.0.1 and, in a fresh browser context per run (cold cache):

- loads a page and waits for the network to settle, counting what was fetched
  (``search_bytes_before_focus``: files under ``search/`` and ``assets/search/`` for ours,
  Material's ``search_index.json`` and search worker for Material);
- presses ``/`` and types the query, timing in the page (``performance.now()``) from the first
  typed character to the first result in the DOM (``first_result_ms``), and from navigation
  start (``first_result_from_navigation_ms``);
- sums every file fetched for the first query (``first_query_kb_gzip`` is the gzip -6 size of
  each file: what a host that compresses, like GitHub Pages, sends; http.server sends raw).

Each site runs at normal speed and with 4× CPU throttling. ``python -m bench.bench_search SITE
[MATERIAL_SITE]`` prints the figures as JSON.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
QUERY = "antrean puskesmas"
OURS_RESULT = "header [data-search-list] a"
MATERIAL_RESULT = ".md-search-result__item"

# In-page timing: first typed character (not the "/" that opens the box) and first result.
TIMING_SCRIPT = """
(() => {
  const bench = window.__bench = { keydown: null, result: null };
  const selector = %s;
  document.addEventListener("keydown", (e) => {
    if (bench.keydown === null && e.key.length === 1 && e.key !== "/") {
      bench.keydown = performance.now();
    }
  }, true);
  new MutationObserver(() => {
    if (bench.result === null && document.querySelector(selector)) bench.result = performance.now();
  }).observe(document, { subtree: true, childList: true });
})();
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python -m http.server`` on 127.0.0.1 at a free port; ``base`` has no trailing slash."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "http.server",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "-d",
                str(self.root),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/", timeout=1)
                return
            except OSError:
                time.sleep(0.05)
        self.close()
        raise RuntimeError("http.server did not start")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def _is_search_file(path: str, material: bool) -> bool:
    if material:
        return path.endswith("search_index.json") or "/workers/search" in path
    return path.startswith("/search/") or path.startswith("/assets/search/") or "/search/" in path


def _file_sizes(root: Path, url: str, cache: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """(raw, gzip -6) size of the file a URL serves from ``root``."""
    path = unquote(urlsplit(url).path)
    if path not in cache:
        target = root / path.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        data = target.read_bytes() if target.is_file() else b""
        cache[path] = (len(data), len(gzip.compress(data, 6)))
    return cache[path]


def _run(
    browser: Any, server: Server, page_path: str, query: str, material: bool, throttle: float
) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    selector = MATERIAL_RESULT if material else OURS_RESULT
    page.add_init_script(TIMING_SCRIPT % json.dumps(selector))
    if throttle > 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    sizes: dict[str, tuple[int, int]] = {}
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    page.goto(server.base + "/" + page_path, wait_until="networkidle")
    # A person types into a page that has finished starting up: wait for an idle main thread.
    page.evaluate("() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 10000 }))")
    page.wait_for_timeout(300)
    before = list(fetched)
    focus_at = page.evaluate("performance.now()")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=40)
    page.wait_for_function("() => window.__bench.result !== null", timeout=120_000)
    timing = page.evaluate("window.__bench")
    ready = (
        None
        if material
        else page.evaluate(
            "() => { const l = window.katalogSearch && "
            "window.katalogSearch.loader(document.querySelector"
            "('form[data-katalog-search]').getAttribute('data-base')); return l ? l.readyAt : "
            "null; }"
        )
    )
    # Files fetched for the first query: started after focus, finished before the first result.
    entries = page.evaluate(
        """([start, end]) => performance.getEntriesByType('resource')
             .filter(e => e.startTime >= start && e.responseEnd <= end).map(e => e.name)""",
        [focus_at, timing["result"]])
    results = page.locator(selector).count()
    page.wait_for_timeout(200)
    context.close()

    def total(urls: list[str], only_search: bool) -> tuple[int, int]:
        raw = gz = 0
        for url in urls:
            if only_search and not _is_search_file(urlsplit(url).path, material):
                continue
            r, g = _file_sizes(server.root, url, sizes)
            raw, gz = raw + r, gz + g
        return raw, gz

    before_search = total(before, True)
    before_all = total(before, False)
    first_query = total(entries, False)
    return {
        "page": "/" + page_path,
        "query": query,
        "search_bytes_before_focus": before_search[0],
        "search_kb_gzip_before_focus": round(before_search[1] / 1024, 1),
        "page_load_kb_gzip": round(before_all[1] / 1024, 1),
        "first_query_files": len(entries),
        "first_query_kb_raw": round(first_query[0] / 1024, 1),
        "first_query_kb_gzip": round(first_query[1] / 1024, 1),
        # Everything search-related fetched from navigation to the first result (Material
        # fetches its whole index with every page, before anyone searches).
        "search_kb_gzip_to_first_result": round(
            (before_search[1] + total(entries, True)[1]) / 1024, 1
        ),
        "first_result_ms": round(timing["result"] - timing["keydown"])
        if timing["keydown"] is not None
        else None,
        "first_result_from_navigation_ms": round(timing["result"]),
        "index_ready_from_focus_ms": round(ready - focus_at) if ready else None,
        "results_shown": results,
    }


def _first_case(site: Path) -> str:
    cases = sorted(p.parent.name for p in (site / "inovasi").glob("*/index.html"))
    return f"inovasi/{cases[0]}/" if cases else ""


def _first_page(site: Path) -> str:
    pages = sorted(
        p.parent.name
        for p in site.glob("*/index.html")
        if p.parent.name not in ("search", "assets")
    )
    return f"{pages[0]}/" if pages else ""


def bench_search_browser(site_dir: Path | str, material_site_dir: Path | str | None = None,
                         query: str = QUERY) -> dict[str, dict[str, Any]]:
    """Search figures per site and CPU speed: ``{"katalog": {...}, "katalog 4x CPU": {...},
    ...}``."""
    from playwright.sync_api import sync_playwright

    runs: list[tuple[str, Path, str, bool]] = [
        ("katalog", Path(site_dir), _first_case(Path(site_dir)), False)
    ]
    if material_site_dir is not None:
        runs.append(
            ("material", Path(material_site_dir), _first_page(Path(material_site_dir)), True)
        )
    out: dict[str, dict[str, Any]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for name, root, page_path, material in runs:
                server = Server(root)
                try:
                    out[name] = _run(browser, server, page_path, query, material, 1)
                    out[f"{name} 4x CPU"] = _run(browser, server, page_path, query, material, 4)
                finally:
                    server.close()
        finally:
            browser.close()
    return out


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("pemakaian: python -m bench.bench_search SITE [MATERIAL_SITE] [QUERY]")
    figures = bench_search_browser(
        sys.argv[1],
        (sys.argv[2] or None) if len(sys.argv) > 2 else None,
        sys.argv[3] if len(sys.argv) > 3 else QUERY,
    )
    print(json.dumps(figures, indent=2, ensure_ascii=False))
