"""Lighthouse 12.8.2 (pinned in package.json) on the real site, mobile profile: the four
category scores and the layout shift of the home page, a case page and ``/cari/?q=sampah``.

The site is served with gzip (``http.server`` sends none, which alone costs a page several
performance points, see ../shared/TESTING.md) by a small threaded server on 127.0.0.1.
Run as part of ``python -m bench`` or alone: ``python -m bench.bench_lighthouse``.
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path
from typing import Any

from bench.bench_search import CHROMIUM
from bench.synth import REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOAL = 0.95
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (as any real host would)."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_GzipHandler, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def lighthouse(url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--output=json",
                f"--output-path={report}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=240,
        )
        if proc.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed ({proc.returncode}): {proc.stderr[-1500:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failing = sorted(a for cat in CATEGORIES for ref in data["categories"][cat]["auditRefs"]
                     if ref["weight"] and (a := ref["id"]) in audits
                     and audits[a].get("score") is not None and audits[a]["score"] < 0.9)
    return {
        **{cat: data["categories"][cat]["score"] for cat in CATEGORIES},
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "failing_audits": failing,
    }


def bench_lighthouse(site: Path) -> dict[str, Any]:
    """Lighthouse on the home page, the first case page and /cari/?q=sampah of a built site."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run `npm ci`")
    case = sorted((site / "inovasi").glob("*/index.html"))[0].parent.name
    server, base = serve_gzip(site)
    try:
        return {
            path: lighthouse(f"{base}/{path}")
            for path in ("", f"inovasi/{case}/", "cari/?q=sampah")
        }
    finally:
        server.shutdown()


def format_lighthouse(res: dict[str, Any]) -> str:
    lines = [f"    {'page':<34}" + "".join(f"{c:>16}" for c in CATEGORIES) + f"{'CLS':>8}"]
    for path, row in res.items():
        ok = all(row[c] is not None and row[c] >= GOAL for c in CATEGORIES) and row["cls"] < 0.1
        lines.append(f"    /{path:<33}" + "".join(f"{row[c]:>16.2f}" for c in CATEGORIES)
                     + f"{row['cls']:>8.3f}  {'ok' if ok else 'BELOW GOAL'}")
        if row["failing_audits"]:
            lines.append(f"        audits under 0.9: {', '.join(row['failing_audits'])}")
    return "\n".join(lines)


def main() -> int:
    site = REPO / ".bench" / "work" / "site-real"
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", "content", "--out", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        print(proc.stdout + proc.stderr, file=sys.stderr)
        return 1
    print(
        f"Lighthouse {'/'.join(CATEGORIES)} (mobile, goal ≥ {GOAL} each, CLS < 0.1), real content:"
    )
    print(format_lighthouse(bench_lighthouse(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
