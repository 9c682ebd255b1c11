"""A case page on a 360 × 740 phone: the "Siap ditiru?" box is on the first screen, the
collapsed "Daftar isi" opens and jumps to "Cara Mereplikasi", and nothing scrolls sideways;
printed, the evidence levels stay in words and the phone contents list is gone."""

from __future__ import annotations

import pytest

from tests.conftest import TODAY

from .conftest import describe_violations, run_axe

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 360, 740


@pytest.fixture
def small_phone(browser):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": HEIGHT},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="id-ID",
    )
    page = context.new_page()
    yield page
    context.close()


def _case_paths(served) -> list[str]:
    paths = sorted(
        p.parent.relative_to(served.root).as_posix() + "/"
        for p in (served.root / "inovasi").glob("*/index.html")
        if "katalog-ready" in p.read_text("utf-8")
    )  # redirects of former ids have no box
    assert paths, "no case pages in the built site"
    return paths


def test_every_case_shows_the_box_on_the_first_phone_screen(small_phone, real_site, results_dir):
    for n, path in enumerate(_case_paths(real_site)):
        small_phone.goto(real_site.url(path), wait_until="load")
        box = small_phone.locator("section.katalog-ready")
        heading = box.locator("h2#siap-ditiru")
        assert heading.is_visible(), path
        top = heading.bounding_box()["y"]
        assert top < HEIGHT, f"{path}: the box starts {top:.0f} px down, below the first screen"
        first_check = box.locator("li.katalog-check").first.bounding_box()
        assert first_check["y"] + first_check["height"] <= HEIGHT * 1.5, path
        assert box.locator("li.katalog-check").count() == 7
        # ✓/✗ is decoration; each row says yes or no in text.
        assert box.locator(".katalog-check .katalog-sr").count() == 7
        width = small_phone.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTH, f"{path} scrolls sideways ({width} px)"
        if n == 0:
            small_phone.screenshot(path=results_dir / "ready-box-360.png")


def test_contents_list_is_collapsed_and_jumps_to_cara_mereplikasi(small_phone, real_site):
    path = _case_paths(real_site)[0]
    small_phone.goto(real_site.url(path), wait_until="load")
    nav = small_phone.locator("nav.katalog-toc-phone")
    assert nav.is_visible()
    details = nav.locator("details")
    assert details.get_attribute("open") is None
    assert not nav.locator("ol").is_visible()
    nav.locator("summary").click()
    assert nav.locator("ol").is_visible()
    jump = nav.locator("a.katalog-jump")
    target = jump.get_attribute("href")
    jump.click()
    small_phone.wait_for_function("y => window.scrollY > y", arg=200)
    section = small_phone.locator(target)
    box = section.bounding_box()
    assert box is not None and 0 <= box["y"] < HEIGHT, f"{target} is not on screen after the jump"


def test_contents_list_is_hidden_beside_materials_side_toc(page, real_site):
    page.goto(real_site.url(_case_paths(real_site)[0]), wait_until="load")
    assert not page.locator("nav.katalog-toc-phone").is_visible()
    assert page.locator("section.katalog-ready").is_visible()


def test_printed_case_keeps_the_box_and_evidence_in_words(small_phone, real_site):
    for path in _case_paths(real_site):
        small_phone.goto(real_site.url(path), wait_until="load")
        if small_phone.locator('td[data-label="Tingkat bukti"]:not(:empty)').count():
            break
    small_phone.emulate_media(media="print")
    assert small_phone.locator("section.katalog-ready").is_visible()
    assert not small_phone.locator("nav.katalog-toc-phone").is_visible()
    cells = small_phone.locator('td[data-label="Tingkat bukti"]:not(:empty)')
    if cells.count():
        assert "Tingkat" in cells.first.inner_text() and "—" in cells.first.inner_text()


def test_phone_case_page_with_box_has_no_axe_violations(small_phone, real_site):
    small_phone.goto(real_site.url(_case_paths(real_site)[0]), wait_until="networkidle")
    small_phone.locator("nav.katalog-toc-phone summary").click()
    violations = run_axe(small_phone)
    assert violations == [], describe_violations(violations)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """tests/fixtures/site/content on the reference date: layanan-induk is the one ready case."""
    from .conftest import HOSTILE_SITE_FIXTURE, build_site, serve, stop

    served = serve(build_site(HOSTILE_SITE_FIXTURE, tmp_path_factory.mktemp("ready-site") / "site",
                              today=TODAY.isoformat()))
    yield served
    stop(served)


def _result_ids(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "[data-search-results] a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def test_finder_filters_ready_cases(page, fixture_site):
    page.goto(fixture_site.url("cari/?siap=ya"), wait_until="load")
    page.wait_for_selector("[data-katalog-finder][data-search-state=ready]", timeout=15_000)
    assert page.is_checked("input[name=siap][value=ya]")
    assert _result_ids(page) == ["layanan-induk"]
    page.uncheck("input[name=siap][value=ya]")
    page.wait_for_function("() => !location.search.includes('siap=')")
    assert len(_result_ids(page)) == 5
    # The count beside the box follows the other filters: one ready case among the health ones.
    page.check("input[name=kategori][value=kesehatan]")
    page.wait_for_function("() => location.search.includes('kategori=kesehatan')")
    assert page.locator("input[name=siap][value=ya] ~ [data-count]").inner_text() == "1"
    assert page.watch.dialogs == []
