"""Fixtures for the browser tests: build a site once per session, serve it, drive Chromium.

Sites are built with the real CLI (``python -m generator build --content … --out …``) into a
temporary folder and served by ``python -m http.server`` bound to 127.0.0.1 on a free port.
Chromium is Debian's (``/usr/bin/chromium``); a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT as REPO

RESULTS = REPO / "test-results" / "browser"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
HOSTILE_SITE_FIXTURE = REPO / "tests" / "fixtures" / "site" / "content"
HOSTILE_EXTRA = Path(__file__).resolve().parent / "fixtures" / "hostile" / "innovations"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    for candidate in (
        os.environ.get("CHROMIUM", ""),
        "/usr/bin/chromium",
        shutil.which("chromium") or "",
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail(
        "Chromium tidak ditemukan (/usr/bin/chromium). Jalankan 'make test', yang memasangnya "
        "dari Debian, atau 'apt-get install -y chromium'.",
        pytrace=False,
    )


# --------------------------------------------------------------------------- sites
def build_site(content: Path, out: Path, today: str | None = None) -> Path:
    # By default the real reference date, as `make site` uses: a pinned date would turn every
    # case verified after it into a "date in the future" error. Fixture corpora may pin one.
    env = {k: v for k, v in os.environ.items() if k != "KATALOG_TODAY"}
    if today is not None:
        env["KATALOG_TODAY"] = today
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"build of {content} failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}",
            pytrace=False,
        )
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    root: Path
    base: str
    proc: subprocess.Popen | None = field(default=None, repr=False)

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


def serve(root: Path) -> Served:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 15
    while True:
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"http.server on port {port} did not start", pytrace=False)
            time.sleep(0.1)
    return Served(root, base, proc)


def stop(served: Served) -> None:
    if served.proc is not None:
        served.proc.terminate()
        try:
            served.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            served.proc.kill()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    out = build_site(REPO / "content", tmp_path_factory.mktemp("real") / "site")
    served = serve(out)
    yield served
    stop(served)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """tests/fixtures/site/content (payloads in every text field) plus
    tests/browser/fixtures/hostile (attribute and </script> break-outs, javascript: as text, a
    collection with payloads)."""
    if not HOSTILE_SITE_FIXTURE.is_dir():
        pytest.fail(f"the payload corpus {HOSTILE_SITE_FIXTURE} is missing", pytrace=False)
    work = tmp_path_factory.mktemp("hostile")
    content = work / "content"
    shutil.copytree(HOSTILE_SITE_FIXTURE, content)
    for path in sorted(HOSTILE_EXTRA.glob("*.md")):
        shutil.copy(path, content / "innovations" / path.name)
    shutil.copytree(
        HOSTILE_EXTRA.parent / "collections", content / "collections", dirs_exist_ok=True
    )
    served = serve(build_site(content, work / "site"))
    yield served
    stop(served)


# --------------------------------------------------------------------------- ready states
SETTLED = """() => document.readyState === "complete"
    && [...document.querySelectorAll("[data-search-state]")]
        .every(e => e.getAttribute("data-search-state") === "ready")"""


def next_frame(page) -> None:
    """Wait until the browser has rendered a frame after everything queued so far (two
    animation frames): handlers of the events just dispatched have run and their effect is drawn."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => "
        "done())))"
    )


def wait_settled(page, timeout: float = 15_000) -> None:
    """Wait on the page's ready state, never for a fixed time: the document and its subresources
    have loaded (scripts the page inserted while loading included), every search the site
    started on its own (the finder restoring a query from the URL) has rendered its results
    (``data-search-state="ready"``), and a frame has been drawn since."""
    page.wait_for_function(SETTLED, timeout=timeout)
    next_frame(page)


# --------------------------------------------------------------------------- page types
def _first_dir(root: Path, rel: str, depth: int = 1) -> str | None:
    base = root / rel
    if not base.is_dir():
        return None
    pages = sorted(p.parent for p in base.glob("/".join(["*"] * depth) + "/index.html"))
    return (pages[0].relative_to(root).as_posix() + "/") if pages else None


def _page(root: Path, rel: str) -> str | None:
    return rel if (root / rel / "index.html").is_file() else None


# Every page type the site must have; the value finds one instance in a built site.
PAGE_TYPES = {
    "home": lambda r: "" if (r / "index.html").is_file() else None,
    "case": lambda r: _first_dir(r, "inovasi"),
    "kategori": lambda r: _first_dir(r, "kategori"),
    "provinsi": lambda r: _first_dir(r, "provinsi"),
    "tahun": lambda r: _first_dir(r, "tahun"),
    "penghargaan": lambda r: _first_dir(r, "penghargaan", depth=2),
    "sdg": lambda r: _first_dir(r, "sdg"),
    "status": lambda r: _first_dir(r, "status"),
    "jenis-instansi": lambda r: _first_dir(r, "jenis-instansi"),
    "jelajahi": lambda r: _page(r, "jelajahi/"),
    "replikasi": lambda r: _page(r, "replikasi/"),
    "instansi": lambda r: _page(r, "instansi/"),
    "instansi-profil": lambda r: _first_dir(r, "instansi"),
    "perlu-diperbarui": lambda r: _page(r, "perlu-diperbarui/"),
    "data": lambda r: _page(r, "data/"),
    "tentang": lambda r: _page(r, "tentang/"),
    "cari": lambda r: _page(r, "cari/"),
    "koleksi": lambda r: _page(r, "koleksi/"),
    "koleksi-satu": lambda r: _first_dir(r, "koleksi"),
    "koleksi-cetak": lambda r: _first_dir(r, "koleksi", depth=2),
    "label": lambda r: _page(r, "label/"),
    "label-tag": lambda r: _first_dir(r, "label"),
}


def page_path(served: Served, kind: str) -> str:
    path = PAGE_TYPES[kind](served.root)
    if path is None:
        pytest.fail(
            f"page type {kind!r} is missing from the built site {served.root}", pytrace=False
        )
    return path


# --------------------------------------------------------------------------- browser
@pytest.fixture(scope="module")
def browser():
    # Module scope, not session: Playwright's sync API allows one running instance at a time,
    # and tests/search/test_browser_search.py starts its own through launch_chromium.
    yield from launch_chromium()


def launch_chromium():
    """Yields Debian's Chromium driven by Playwright; the body of every `browser` fixture."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """Everything a page did that a test may want to assert on."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).hostname != "127.0.0.1"
        ]


def _watch(page) -> Watch:
    w = Watch()
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("requestfailed", lambda r: w.failed.append(f"{r.url} ({r.failure})"))
    page.on(
        "response",
        lambda r: w.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None,
    )
    page.on("console", lambda m: w.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.page_errors.append(str(e)))

    def on_dialog(d):
        w.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    return w


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    pg = context.new_page()
    pg.watch = _watch(pg)
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="id-ID")
    pg = context.new_page()
    pg.watch = _watch(pg)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def results_dir() -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    return RESULTS


def run_axe(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail(
            "node_modules/axe-core/axe.min.js is missing: run 'make test' (npm ci)", pytrace=False
        )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', "
        "'wcag21aa']}})"
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(
                f"    {' '.join(map(str, node['target']))}: "
                f"{node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)
