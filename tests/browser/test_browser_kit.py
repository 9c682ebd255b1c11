"""The facilitator kit in Chromium: the printed QR code decodes to the page's canonical URL,
print keeps outcome tables whole-width, the share control copies the link with a visible
confirmation, case pages carry a 1200×630 og:image, and a former id redirects."""

from __future__ import annotations

import io
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from .conftest import REPO, build_site, serve, stop

pytestmark = pytest.mark.browser

CASE = "inovasi/san-piisan-semarang/"  # has a numeric outcomes table


def decode_qr_codes(png: bytes) -> list[str]:
    import cv2
    import numpy as np

    image = cv2.imdecode(np.frombuffer(png, dtype=np.uint8), cv2.IMREAD_COLOR)
    # A white margin around a tightly cropped code helps the detector find its finder patterns.
    image = cv2.copyMakeBorder(image, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=(255, 255, 255))
    ok, texts, _points, _ = cv2.QRCodeDetector().detectAndDecodeMulti(image)
    return [t for t in texts if t] if ok else []


def canonical_of(page) -> str:
    return page.locator('link[rel="canonical"]').get_attribute("href")


def test_printed_case_page_qr_code_decodes_to_its_canonical_url(real_site, page, results_dir):
    page.goto(real_site.url(CASE))
    page.emulate_media(media="print")
    block = page.locator(".katalog-print-block")
    assert block.is_visible()
    url = canonical_of(page)
    assert url.endswith("/" + CASE)
    assert url in block.inner_text()
    assert "Terakhir diverifikasi" in block.inner_text()
    shot = page.screenshot(full_page=True)
    (results_dir / "kit-print-case.png").write_bytes(shot)
    assert url in decode_qr_codes(shot)
    # On screen the block stays out of the way.
    page.emulate_media(media="screen")
    assert not block.is_visible()


def test_printed_outcome_table_keeps_its_width_and_may_break_between_rows(real_site, page):
    page.goto(real_site.url(CASE))
    page.emulate_media(media="print")
    table = page.locator(".katalog-table-wrap table").first
    facts = table.evaluate("""t => {
        const article = t.closest('article').getBoundingClientRect().width;
        const s = getComputedStyle(t);
        return {ratio: t.getBoundingClientRect().width / article, display: s.display,
                inside: s.breakInside};
    }""")
    assert facts["display"] == "table"
    assert facts["ratio"] > 0.95, facts
    # katalog.css keeps tables unbroken in print; a whole table that does not fit then moves to
    # page 2 and leaves page 1 mostly blank. Rows may break, the table as a whole may not avoid it.
    assert facts["inside"] == "auto", facts
    assert table.locator("tr").first.evaluate("r => getComputedStyle(r).breakInside") == "avoid"
    assert page.locator(".katalog-kit-actions").is_hidden()


def test_share_button_copies_the_link_with_a_visible_confirmation(real_site, browser):
    context = browser.new_context(locale="id-ID")
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=real_site.base.rstrip("/")
    )
    page = context.new_page()
    try:
        page.goto(real_site.url(CASE))
        has_share = page.evaluate("() => typeof navigator.share === 'function'")
        button = page.locator("[data-katalog-share]")
        assert button.is_visible()
        assert page.locator("[data-katalog-print]").is_visible()
        if has_share:  # the Web Share API: stub it and check what it receives
            page.evaluate(
                "() => { window.__shared = null; navigator.share = d => { window.__shared = d; "
                "return Promise.resolve(); }; }"
            )
            button.click()
            assert page.evaluate("() => window.__shared.url") == canonical_of(page)
            return
        assert button.inner_text() == "Salin tautan"
        button.focus()
        page.keyboard.press("Enter")
        status = page.locator("[data-katalog-share-status]")
        status.filter(has_text="Tautan disalin").wait_for(state="visible", timeout=5000)
        assert status.get_attribute("role") == "status"
        assert page.evaluate("() => navigator.clipboard.readText()") == canonical_of(page)
    finally:
        context.close()


def test_print_button_calls_window_print(real_site, page):
    page.goto(real_site.url(CASE))
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    page.locator("[data-katalog-print]").click()
    assert page.evaluate("() => window.__printed") == 1


def test_case_pages_have_a_1200_by_630_share_image(real_site, page):
    from PIL import Image

    page.goto(real_site.url(CASE))
    image_url = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image_url == canonical_of(page) + "og.png"
    assert (
        page.locator('meta[name="twitter:card"]').get_attribute("content") == "summary_large_image"
    )
    # The published address is not this server: fetch the same path locally.
    png = urllib.request.urlopen(real_site.url(CASE + "og.png")).read()
    assert Image.open(io.BytesIO(png)).size == (1200, 630)
    assert page.locator("h2#hasil a.katalog-permalink").is_visible()


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The real catalogue with one case given a former id, as a rename would leave it."""
    work = tmp_path_factory.mktemp("renamed")
    content = work / "content"
    shutil.copytree(REPO / "content", content)
    case = content / "innovations" / "san-piisan-semarang.md"
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace(
            "\nid: san-piisan-semarang\n",
            "\nid: san-piisan-semarang\nformer_ids: [sanpiisan-kota-semarang]\n",
            1,
        ),
        encoding="utf-8",
    )
    served = serve(build_site(content, work / "site"))
    yield served
    stop(served)


def test_former_id_redirects_to_the_current_page(renamed_site, page):
    page.goto(renamed_site.url("inovasi/sanpiisan-kota-semarang/"))
    page.wait_for_url("**/" + CASE, timeout=10000)
    assert page.locator("h1").inner_text().startswith("SAN PIISAN")
    assert page.watch.page_errors == []


def test_collection_handout_prints_every_case_with_a_decodable_qr_code(
    real_site, page, results_dir
):
    page.goto(real_site.url("koleksi/"))
    first = page.locator(".katalog-collection-list h2 a").first
    first.click()
    page.locator("a", has_text="Versi cetak").click()
    page.wait_for_url("**/cetak/")
    assert page.watch.page_errors == [] and page.watch.failed == []
    page.emulate_media(media="print")
    cases = page.locator(".katalog-handout-case")
    listed = page.locator(".katalog-handout-cover ol > li")
    assert cases.count() >= 3 and cases.count() == listed.count()
    assert (
        page.locator(".katalog-handout-cover").evaluate("e => getComputedStyle(e).breakAfter")
        == "page"
    )
    (results_dir / "kit-print-handout.png").write_bytes(page.screenshot(full_page=True))
    for n in range(cases.count()):
        case = cases.nth(n)
        assert case.evaluate("e => getComputedStyle(e).breakBefore") == "page" or n == 0
        href = case.locator(".katalog-print-block__url").inner_text()
        assert href.startswith("https://") and "/inovasi/" in href
        assert decode_qr_codes(case.locator(".katalog-print-block__qr").screenshot()) == [href]
        assert "Terakhir diverifikasi" in case.inner_text()


@pytest.fixture(scope="module")
def offline_copy(real_site, tmp_path_factory) -> Path:
    import zipfile

    from generator.offline import ROOT, ZIP_PATH

    folder = tmp_path_factory.mktemp("luring")
    with zipfile.ZipFile(real_site.root / ZIP_PATH) as archive:
        archive.extractall(folder)
    return folder / ROOT.rstrip("/")


def test_offline_copy_opens_from_disk_with_styles_links_and_search(real_site, page, offline_copy):
    page.goto(real_site.url("data/"))
    link = page.locator('a[href$="katalog-inovasi-luring.zip"]')
    assert link.is_visible()

    online = len(page.watch.requests)
    page.goto((offline_copy / "index.html").as_uri())
    # Styles: Material's stylesheet and the katalog's are applied from disk.
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position")
        == "sticky"
    )
    # Links between pages: a folder link opens the folder's index.html.
    page.locator('a[href^="jelajahi/"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/jelajahi/index.html")
    page.locator('.md-content a[href^="../kategori/"]').first.click()
    page.wait_for_url(re.compile(r".*/kategori/[a-z0-9-]+/index\.html.*"), timeout=10000)
    page.locator('.md-content a[href^="../../inovasi/"]').first.click()
    page.wait_for_url(re.compile(r".*/inovasi/[a-z0-9-]+/index\.html.*"), timeout=10000)
    assert re.search(r"/inovasi/[a-z0-9-]+/index\.html(#.*)?$", page.url), page.url
    assert page.locator("h1").is_visible()
    # Search: the index loads as scripts (no fetch of local JSON), results link to pages.
    page.goto((offline_copy / "cari" / "index.html").as_uri() + "?q=sampah")
    result = page.locator('[data-search-results] a[href*="toss-klungkung"]').first
    result.wait_for(state="visible", timeout=20000)
    result.click()
    page.wait_for_url(re.compile(r".*/inovasi/toss-klungkung/index\.html.*"), timeout=10000)
    assert "TOSS" in page.locator("h1").inner_text()
    assert page.watch.page_errors == []
    assert not [r for r in page.watch.requests if r.startswith("file:") and r.endswith(".json")]
    assert [
        r for r in page.watch.requests[online:] if not r.startswith(("file:", "data:", "blob:"))
    ] == []


def test_offline_header_search_works_from_disk(page, offline_copy):
    page.goto((offline_copy / "inovasi" / "toss-klungkung" / "index.html").as_uri())
    field = page.locator("#katalog-search-q")
    field.fill("adminduk")
    page.locator('[data-search-list] a').first.wait_for(state="visible", timeout=20000)
    assert page.watch.page_errors == []
