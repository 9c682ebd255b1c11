"""The same site from both builders: MkDocs (the default) and Zensical (``--builder zensical``).

tests/fixtures/site/content is built with each builder through ``build_site`` (the atomic swap,
the ``.katalog-situs`` marker and the lock included); the two sites must have the same pages,
the same titles and headings, the same page content (a case page's facts among it), the same
exports, feed, search index and sitemap addresses, and every payload of the fixture must stay
text. A real Chromium then drives the hostile corpus built with Zensical: hovering and focusing
every element runs nothing, and the /cari/ page and the header search box find results.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import (
    CHROMIUM_ARGS,
    HOSTILE_EXTRA,
    HOSTILE_SITE_FIXTURE,
    PAGE_TYPES,
    chromium_path,
    serve,
    stop,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "content"
CONFIG = ROOT / "mkdocs.yml"
TODAY = date(2026, 6, 1)
BUILDERS = ("mkdocs", "zensical")
PAYLOAD_CASE = "inovasi/muatan-berbahaya/index.html"
PAYLOAD_TITLE = '<script>alert(1)</script> & "{{ 7*7 }}"'
PAYLOAD_AGENCY = '<script>alert(1)</script> Instansi {{ 7*7 }}'
FACTS_CASE = "inovasi/layanan-induk/index.html"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    from generator.site import MARKER, build_site

    built = {}
    for builder in BUILDERS:
        out = tmp_path_factory.mktemp(builder) / "site"
        result = build_site(FIXTURE, out, CONFIG, TODAY, builder=builder)
        assert result.out_dir == out.resolve() and (out / MARKER).is_file()
        assert not list(out.parent.glob(".site.*")), (
            "a temporary folder or lock was left beside the site"
        )
        built[builder] = out
    return built


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


class _Text(HTMLParser):
    """Text of <title>, of every h1-h3 and of every dt/dd; attribute values of the given names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.parts: dict[str, list[str]] = {}
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.attrs += [(tag, name, value or "") for name, value in attrs]
        if tag in ("title", "h1", "h2", "h3", "dt", "dd"):
            self.stack.append(tag)
            self.parts.setdefault(tag, []).append("")

    def handle_endtag(self, tag) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data) -> None:
        for tag in self.stack:
            self.parts[tag][-1] += data


def _text(path: Path) -> tuple[dict[str, list[str]], list[tuple[str, str, str]]]:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return {
        tag: [" ".join(t.split()) for t in texts] for tag, texts in parser.parts.items()
    }, parser.attrs


_ARTICLE = re.compile(
    r'<article class="md-content__inner md-typeset">(.*)</article>\s*</div>', re.S
)


def _content(path: Path) -> list[str]:
    """The page content inside the theme's article, line by line, without indentation and
    without the theme's own skip anchor (Zensical's frame adds one there)."""
    match = _ARTICLE.search(path.read_text(encoding="utf-8"))
    assert match, f"no content article in {path}"
    body = match.group(1).replace('<a id="__skip" tabindex="-1"></a>', "")
    return [line.strip() for line in body.splitlines() if line.strip()]


def test_both_builders_build_the_same_pages(sites):
    mkdocs, zensical = (_pages(sites[b]) for b in BUILDERS)
    assert len(mkdocs) > 50
    assert zensical == mkdocs
    kinds = [kind for kind, find in PAGE_TYPES.items() if find(sites["mkdocs"]) is not None]
    assert len(kinds) > 15  # the fixture has no collection; the hostile corpus below has every type
    assert [kind for kind in kinds if PAGE_TYPES[kind](sites["zensical"]) is None] == []


def test_titles_and_headings_are_the_same(sites):
    for page in _pages(sites["mkdocs"]):
        mine, theirs = _text(sites["mkdocs"] / page)[0], _text(sites["zensical"] / page)[0]
        for tag in ("title", "h1", "h2", "h3"):
            assert theirs.get(tag) == mine.get(tag), f"{tag} of {page}"


def test_page_content_is_the_same(sites):
    """Zensical gets the generated HTML through rawhtml untouched: byte for byte the same
    content lines as MkDocs (404.html is the theme's own page: compared through its text)."""
    compared = 0
    for page in _pages(sites["mkdocs"]):
        if page == "404.html":
            continue
        assert _content(sites["zensical"] / page) == _content(sites["mkdocs"] / page), page
        compared += 1
    assert compared > 50
    assert _text(sites["zensical"] / "404.html")[0] == _text(sites["mkdocs"] / "404.html")[0]


def test_a_case_page_shows_its_facts(sites):
    for builder in BUILDERS:
        texts, _attrs = _text(sites[builder] / FACTS_CASE)
        facts = dict(zip(texts["dt"], texts["dd"]))
        assert facts["Instansi"] == "Pemerintah Kota ContohDinas Kesehatan", builder  # name<br>unit
        assert facts["Provinsi"] == "Jawa Timur", builder
        assert facts["Tahun mulai"] == "2016", builder
        assert facts["Status"] == "Berjalan", builder
        assert facts["Terakhir diperiksa"].startswith("1 Maret 2026"), builder


def test_payloads_stay_text(sites):
    for builder in BUILDERS:
        site = sites[builder]
        texts, attrs = _text(site / PAYLOAD_CASE)
        assert texts["title"] == [f"{PAYLOAD_TITLE} - Katalog Inovasi Pelayanan Publik"], builder
        assert texts["h1"] == [PAYLOAD_TITLE], builder
        assert ("meta", "content", PAYLOAD_TITLE) in attrs, builder  # og:title, decoded
        assert PAYLOAD_AGENCY in _text(site / PAYLOAD_CASE)[0]["dd"][0], builder
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert "<script>alert(1)" not in html, f"{builder}: {page}"
            _texts, page_attrs = _text(page)
            for tag, name, value in page_attrs:
                assert not name.startswith("on"), f"{builder}: {page}: <{tag} {name}>"
                assert not value.strip().lower().startswith("javascript:"), (
                    f"{builder}: {page}: <{tag} {name}>"
                )


def test_exports_feed_and_search_index_are_the_same(sites):
    """Files the generator writes are copied as they are; the sitemap lists the same pages."""
    generated = ("feed.xml", "data/innovations.json", "data/innovations.csv", "data/stats.json",
                 "search/docs.json", "search/index-0.json", "assets/search/search.js",
                 "assets/stylesheets/katalog.css", "data/katalog-inovasi-luring.zip")
    for path in generated:
        assert (sites["zensical"] / path).is_file(), path
    mkdocs_files = {
        p.relative_to(sites["mkdocs"]).as_posix()
        for p in sites["mkdocs"].rglob("*")
        if p.is_file()
        and not p.relative_to(sites["mkdocs"])
        .as_posix()
        .startswith(
            ("assets/javascripts/", "assets/stylesheets/main", "assets/stylesheets/palette")
        )
    }
    for path in sorted(mkdocs_files):
        if path.endswith((".html", ".zip")) or path.startswith("sitemap.xml"):
            continue
        assert (sites["zensical"] / path).read_bytes() == (sites["mkdocs"] / path).read_bytes(), (
            path
        )
    locs = [
        sorted(re.findall(r"<loc>([^<]+)</loc>", (sites[b] / "sitemap.xml").read_text("utf-8")))
        for b in BUILDERS
    ]
    assert len(locs[0]) > 50 and locs[1] == locs[0]


def test_the_zensical_site_loads_nothing_from_elsewhere(sites):
    """No web font, CDN or other outside resource in any page (the build and the pages stay
    offline); outside links (<a href>) are fine, outside <link>/<script>/<img> are not."""
    for page in sites["zensical"].rglob("*.html"):
        _texts, attrs = _text(page)
        for tag, name, value in attrs:
            if (tag, name) in (
                ("link", "href"),
                ("script", "src"),
                ("img", "src"),
                ("iframe", "src"),
                ("source", "src"),
                ("link", "imagesrcset"),
            ) and not _is_page_link(tag, attrs, value):
                assert not urlsplit(value).scheme and not value.startswith("//"), (
                    f"{page}: <{tag} {name}={value}>"
                )


def _is_page_link(tag: str, attrs: list, value: str) -> bool:
    # <link rel="canonical"> and friends name addresses, they load nothing.
    return tag == "link" and value.startswith("https://katalog-inovasi.github.io/")


def test_zensical_work_folder_is_gone_and_no_zensical_search_index(sites):
    from generator.zensical_adapter.build import WORK

    assert not (sites["zensical"] / WORK).exists()
    assert not (sites["zensical"] / "search.json").exists()


def test_cli_builds_with_zensical_and_rejects_an_unknown_builder(tmp_path):
    env_cmd = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--content",
        str(FIXTURE),
        "--config",
        str(CONFIG),
    ]
    ok = subprocess.run(
        env_cmd + ["--out", str(tmp_path / "site"), "--builder", "zensical"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**_env(), "KATALOG_TODAY": TODAY.isoformat()},
    )
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "site" / "inovasi" / "layanan-induk" / "index.html").is_file()
    bad = subprocess.run(
        env_cmd + ["--out", str(tmp_path / "other"), "--builder", "sphinx"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert bad.returncode == 2 and "--builder" in bad.stderr and "zensical" in bad.stderr
    assert not (tmp_path / "other").exists()


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "KATALOG_TODAY"}


def test_a_failing_zensical_build_leaves_the_previous_site(tmp_path, sites):
    """A theme MiniJinja cannot render stops the build with Zensical's message (no
    traceback); the site built before stays as it was."""
    from generator.errors import ConfigError
    from generator.site import build_site

    out = tmp_path / "site"
    shutil.copytree(sites["zensical"], out)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "overrides", repo / "overrides")
    (repo / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ nope( }}{% endblock %}', encoding="utf-8"
    )
    (repo / "mkdocs.yml").write_text(CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ConfigError, match="Zensical gagal membangun situs"):
        build_site(FIXTURE, out, repo / "mkdocs.yml", TODAY, builder="zensical")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]


# --------------------------------------------------------------------------- Chromium
# Elements or attributes that only a payload would create.
INJECTED = ("img[src='x'], img[src=x], svg[onload], [onerror], [onload], [onmouseover], "
            "a[href^='javascript:' i]")


@pytest.fixture(scope="module")
def hostile_zensical(tmp_path_factory):
    """The hostile corpus of the browser tests (tests/browser/conftest.py), built with Zensical."""
    work = tmp_path_factory.mktemp("hostile-zensical")
    content = work / "content"
    shutil.copytree(HOSTILE_SITE_FIXTURE, content)
    for path in sorted(HOSTILE_EXTRA.glob("*.md")):
        shutil.copy(path, content / "innovations" / path.name)
    shutil.copytree(
        HOSTILE_EXTRA.parent / "collections", content / "collections", dirs_exist_ok=True
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--builder",
            "zensical",
            "--content",
            str(content),
            "--out",
            str(work / "site"),
        ],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    served = serve(work / "site")
    yield served
    stop(served)


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def watched(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.dialogs, page.errors, page.requests = [], [], []
    page.on("dialog", lambda d: (page.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def _assert_inert(page, where: str) -> None:
    page.wait_for_timeout(150)
    assert page.dialogs == [], f"a payload ran on {where}: {page.dialogs}"
    assert (
        page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML.slice(0, 120))") == []
    ), where
    assert page.errors == [], f"uncaught exceptions on {where}: {page.errors}"
    foreign = [u for u in page.requests if urlsplit(u).scheme not in ("data", "blob", "about")
               and urlsplit(u).hostname != "127.0.0.1"]
    assert foreign == [], f"requests to elsewhere from {where}"


@pytest.mark.browser
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_zensical_hover_and_focus_run_nothing(watched, hostile_zensical, kind):
    path = PAGE_TYPES[kind](hostile_zensical.root)
    assert path is not None, f"page type {kind} missing from the Zensical build"
    watched.goto(hostile_zensical.url(path), wait_until="networkidle")
    targets = watched.locator(
        "main a, main [title], main button, main summary, main input, header a, header [title]"
    )
    count = targets.count()
    assert count > 0, path
    for i in range(min(count, 60)):
        element = targets.nth(i)
        if not element.is_visible():
            continue
        # force: the mouse goes to the element even where the sticky header covers it, so
        # whatever is on top there gets the hover too.
        element.hover(force=True, timeout=5_000)
        element.focus(timeout=5_000)
    watched.mouse.move(0, 0)
    _assert_inert(watched, path)


@pytest.mark.browser
def test_zensical_payload_case_shows_text_as_typed(watched, hostile_zensical):
    watched.goto(hostile_zensical.url("inovasi/muatan-berbahaya/"), wait_until="networkidle")
    assert watched.locator(".md-content h1").first.inner_text().strip() == PAYLOAD_TITLE
    assert PAYLOAD_TITLE in watched.title()
    assert watched.locator("meta[property='og:title']").get_attribute("content") == PAYLOAD_TITLE
    _assert_inert(watched, "inovasi/muatan-berbahaya/")


@pytest.mark.browser
def test_zensical_cari_page_finds_results(watched, hostile_zensical):
    watched.goto(hostile_zensical.url("cari/?q=alert"), wait_until="load")
    link = watched.locator("[data-search-results] a[href*='inovasi/muatan-berbahaya/']").first
    link.wait_for(state="visible", timeout=15_000)
    assert PAYLOAD_TITLE in link.inner_text()
    watched.locator("#cari-q").fill("antrean")
    watched.locator("[data-search-results] .katalog-result").first.wait_for(
        state="visible", timeout=15_000
    )
    assert watched.locator("[data-search-results] .katalog-result").count() >= 2
    _assert_inert(watched, "/cari/")


@pytest.mark.browser
def test_zensical_header_search_finds_results(watched, hostile_zensical):
    watched.goto(hostile_zensical.url("inovasi/layanan-induk/"), wait_until="load")
    watched.keyboard.press("/")
    watched.keyboard.type("antrean", delay=20)
    first = watched.locator("header [data-search-list] a").first
    first.wait_for(state="visible", timeout=15_000)
    first.click()
    watched.wait_for_url("**/inovasi/**")
    _assert_inert(watched, "header search")


@pytest.mark.browser
def test_zensical_pages_are_valid_html(hostile_zensical):
    """The Nu HTML checker finds no error on any page of the hostile corpus built with Zensical
    (its frame's invalid attributes are dropped by the adapter, as the MkDocs adapter does)."""
    from tests.browser.test_html_valid import describe, vnu_errors

    pages, errors = vnu_errors(hostile_zensical.root)
    assert len(pages) > 60
    assert errors == [], describe(hostile_zensical.root, errors)
