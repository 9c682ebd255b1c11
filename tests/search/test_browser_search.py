"""The search in a real Chromium: lazy loading, same ranking as Python, facets and URL state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import build_site, launch_chromium, serve, stop, wait_settled
from tests.conftest import TODAY
from tests.search.test_relevance import TOP3

pytestmark = pytest.mark.browser

SEARCH_PATHS = ("/search/", "/assets/search/")


@pytest.fixture(scope="module")
def site(search_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    served = serve(
        build_site(
            search_content, tmp_path_factory.mktemp("search-site") / "site", today=TODAY.isoformat()
        )
    )
    yield served.base.rstrip("/")
    stop(served)


@pytest.fixture(scope="module")
def browser():
    yield from launch_chromium()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.requested = []
    page.on("request", lambda r: page.requested.append(urlsplit(r.url).path))
    yield page
    assert page.dialogs == []
    context.close()


def search_requests(page) -> list[str]:
    return [p for p in page.requested if p.startswith(SEARCH_PATHS)]


def test_nothing_is_fetched_before_a_search_field_is_focused(page, site) -> None:
    page.goto(site + "/inovasi/uptpk-sragen/", wait_until="networkidle")
    wait_settled(page)
    assert search_requests(page) == []
    page.keyboard.press("/")
    page.keyboard.type("sragen")
    page.locator("header [data-search-list] a").first.wait_for(state="visible", timeout=15_000)
    assert "/search/index-0.json" in search_requests(page)
    assert "/search/vocab.json" not in search_requests(
        page
    )  # only a query with an unknown word needs it


def test_header_results_link_to_case_pages(page, site) -> None:
    page.goto(site + "/inovasi/uptpk-sragen/", wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("antrian puskesmas")
    first = page.locator("header [data-search-list] a").first
    first.wait_for(state="visible", timeout=15_000)
    assert "Antrean Daring Puskesmas Kendari" in first.inner_text()
    # A card: agency · province · year, a status badge, where it matched, a snippet.
    assert "Pemerintah Kota Kendari · Sulawesi Tenggara · 2020" in first.inner_text()
    assert first.locator(".katalog-badge--berjalan").inner_text() == "Berjalan"
    assert first.locator(".katalog-result__why").inner_text().startswith("cocok pada: judul")
    marks = first.locator(".katalog-result__snippet mark")
    marks.first.wait_for(state="visible", timeout=15_000)
    assert marks.first.inner_text().lower().startswith("antre")
    first.click()
    page.wait_for_url("**/inovasi/antrean-daring-puskesmas-kendari/")


def test_browser_ranks_like_python(page, site, searcher) -> None:
    page.goto(site + "/cari/", wait_until="load")
    page.fill("#cari-q", "sragen")  # the secondary part loads after a first answer
    page.wait_for_function(
        "() => { const l = window.katalogSearch && window.katalogSearch.loader('..');"
        " return l && l.engine && l.engine.complete(); }",
        timeout=15_000,
    )
    queries = [q for q, _ in TOP3] + ["KTP KK akta", "Sumedang posyandu", "xqzv"]
    browser_top = page.evaluate(
        """async (queries) => {
             const loader = window.katalogSearch.loader('..');
             const out = [];
             for (const q of queries) {
               const results = (await loader.search(q)).slice(0, 3);
               await loader.cardsFor(results.map(r => r.ref));
               out.push(results.map(r => loader.card(r.ref).id));
             }
             return out;
           }""", queries)
    python_top = [[h.id for h in searcher.search(q, 3)] for q in queries]
    assert browser_top == python_top


def checked(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"input[name={name}]:checked", "els => els.map(e => e.value)")


def result_ids(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "[data-search-results] a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def wait_ready(page, complete: bool = False) -> None:
    """The finder's last render is on screen; with ``complete``, the one after every index part
    has loaded (results can only change before that)."""
    if complete:
        page.wait_for_function(
            "() => { const l = window.katalogSearch && window.katalogSearch.loader('..');"
            " return l && l.engine && l.engine.complete(); }",
            timeout=15_000,
        )
    page.wait_for_selector("[data-katalog-finder][data-search-state=ready]", timeout=15_000)


def test_finder_restores_state_from_the_url(page, site) -> None:
    page.goto(
        site
        + "/cari/?q=layanan&kategori=tata-kelola-pemerintahan&provinsi=jawa-timur&tahun_dari=2017",
        wait_until="load",
    )
    wait_ready(page)
    assert page.input_value("#cari-q") == "layanan"
    assert checked(page, "kategori") == ["tata-kelola-pemerintahan"]
    assert checked(page, "provinsi") == ["jawa-timur"]
    assert page.input_value("[name=tahun_dari]") == "2017"
    # Banyuwangi (2016) is before the year range; Sumenep (2017) is the only one left.
    assert result_ids(page) == ["adminduk-keliling-sumenep"]
    for href in page.eval_on_selector_all(
        "[data-search-results] a", "els => els.map(e => e.getAttribute('href'))"
    ):
        assert href.startswith("../inovasi/")


def test_changing_filters_updates_results_counts_and_url(page, site) -> None:
    page.goto(site + "/cari/?q=desa", wait_until="load")
    wait_ready(page)
    before = result_ids(page)
    assert "smart-kampung-banyuwangi" in before and "sekolah-perempuan-kupang" in before
    # Counts are per value with the query applied.
    count = page.locator("input[name=kategori][value=pelayanan-responsif-gender] ~ [data-count]")
    assert count.inner_text() == "1"
    page.check("input[name=jenis][value=pemerintah-kabupaten]")
    page.check("input[name=status][value=berhenti]")
    page.wait_for_function("() => location.search.includes('status=berhenti')")
    assert result_ids(page) == ["sekolah-perempuan-kupang"]
    query = parse_qs(urlsplit(page.evaluate("location.href")).query)
    assert query == {"q": ["desa"], "status": ["berhenti"], "jenis": ["pemerintah-kabupaten"]}
    page.uncheck("input[name=status][value=berhenti]")
    page.select_option("[name=tahun_sampai]", "2016")
    page.wait_for_function(
        "() => !location.search.includes('status=') && "
        "location.search.includes('tahun_sampai=2016')"
    )
    assert set(result_ids(page)) <= {"smart-kampung-banyuwangi", "sekolah-perempuan-kupang",
                                     "perpustakaan-keliling-kulon-progo"}
    page.fill("#cari-q", "")
    page.wait_for_function("() => !location.search.includes('q=')")
    assert "uptpk-sragen" in result_ids(page)  # no query: every case within the filters


def test_finder_without_javascript_offers_browse_links(browser, site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/cari/", wait_until="load")
    links = page.eval_on_selector_all(
        ".katalog-browse a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert "../jelajahi/" in links
    assert "../kategori/kesehatan/" in links
    assert "../provinsi/jawa-timur/" in links
    assert not page.locator("#cari-q").is_visible()
    assert not page.locator(".katalog-finder__filters").is_visible()
    assert "Tanpa JavaScript" in page.locator("[data-search-count]").inner_text()
    context.close()


def test_finder_shows_its_form_but_fetches_nothing_until_used(page, site) -> None:
    page.goto(site + "/cari/", wait_until="networkidle")
    wait_settled(page)
    assert page.locator("#cari-q").is_visible()
    assert page.locator("[data-search-count]").inner_text().startswith("12 studi kasus")
    assert [p for p in search_requests(page) if not p.endswith(".css")] == []
    page.check("input[name=kategori][value=kesehatan]")
    page.wait_for_function("() => location.search === '?kategori=kesehatan'")
    assert sorted(result_ids(page)) == [
        "antrean-daring-puskesmas-kendari",
        "posyandu-cegah-stunting-sumedang",
    ]


def test_a_word_only_in_the_body_is_found_once_the_rest_loads(page, site) -> None:
    page.goto(site + "/inovasi/uptpk-sragen/", wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("subuh")  # only in the body of the Kendari case
    first = page.locator("header [data-search-list] > .katalog-result a").first
    first.wait_for(state="visible", timeout=15_000)
    assert "Antrean Daring Puskesmas Kendari" in first.inner_text()


def test_nothing_found_offers_ways_on(page, site) -> None:
    """A problem word no case uses ("imunisasi") points to its category and that category's
    cases, the browse pages and the proposal page: never a dead end."""
    page.goto(site + "/cari/?q=imunisasi", wait_until="load")
    wait_ready(page)
    box = page.locator("[data-search-none] .katalog-noresult")
    box.wait_for(state="visible", timeout=15_000)
    assert "imunisasi" in box.locator(".katalog-noresult__lead").inner_text()
    assert box.locator("a[href$='kategori/kesehatan/']").inner_text() == "Kesehatan"
    cases = box.locator(".katalog-noresult__cases a")
    assert cases.count() >= 1
    assert "inovasi/" in cases.first.get_attribute("href")
    assert box.locator("a[href$='jelajahi/']").count() == 1
    assert box.locator("a.katalog-noresult__propose").get_attribute("href").endswith("kontribusi/")
    assert page.locator("[data-search-count]").inner_text().startswith("0 dari")


def test_approximate_results_say_so_and_offer_the_correction(page, site) -> None:
    page.goto(site + "/cari/?q=sargen", wait_until="load")  # two letters swapped
    wait_ready(page)
    first = page.locator("[data-search-results] .katalog-result").first
    first.wait_for(state="visible", timeout=15_000)
    assert "katalog-result--approx" in first.get_attribute("class")
    assert first.locator(".katalog-badge--approx").inner_text() == "perkiraan"
    assert "perkiraan" in page.locator("[data-search-count]").inner_text()
    fix = page.locator("[data-search-none] .katalog-didyoumean a")
    assert fix.first.inner_text() == "sragen"
    fix.first.click()
    page.wait_for_url("**/cari/?q=sragen")
    wait_ready(page)
    assert page.locator("[data-search-results] .katalog-result--approx").count() == 0


def test_header_panel_offers_ways_on_when_nothing_matches(page, site) -> None:
    page.goto(site + "/inovasi/uptpk-sragen/", wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("imunisasi")
    box = page.locator("header .katalog-noresult")
    box.wait_for(state="visible", timeout=15_000)
    assert box.locator("a[href$='kategori/kesehatan/']").count() == 1
    assert box.locator("a.katalog-noresult__propose").count() == 1


def test_results_come_before_the_filters_and_phones_fold_them(browser, site) -> None:
    for width, folded in ((360, True), (1366, False)):
        context = browser.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        page.goto(site + "/cari/?q=desa", wait_until="load")
        wait_ready(page, complete=True)
        results = page.locator("[data-search-results] .katalog-result").first.bounding_box()
        filters = page.locator(".katalog-finder__filters").bounding_box()
        assert results["y"] < filters["y"] or results["x"] < filters["x"], width
        assert page.evaluate("document.querySelector('[data-search-filters]').open") is (
            not folded
        ), width
        if folded:
            assert results["y"] < 740  # the first result is on the first screen of a phone
            page.goto(site + "/cari/?q=desa&status=berjalan", wait_until="load")
            wait_ready(page, complete=True)
            assert page.locator("[data-filter-count]").inner_text() == " (1 aktif)"
        context.close()


def test_no_result_offers_to_propose_the_innovation(page, site) -> None:
    page.goto(site + "/inovasi/uptpk-sragen/", wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("sragen")
    page.locator("header [data-search-list] .katalog-result a").first.wait_for(
        state="visible", timeout=15_000
    )
    assert page.locator("header .katalog-noresult__propose").count() == 0
    page.fill("#katalog-search-q", "zqxwvyy")
    propose = page.locator("header .katalog-noresult__propose")
    propose.wait_for(state="visible", timeout=15_000)
    assert (
        propose.get_attribute("href").endswith("/kontribusi/")
        and "Usulkan inovasi" in propose.inner_text()
    )
    page.goto(site + "/cari/?q=zqxwvyy", wait_until="load")
    finder = page.locator("[data-katalog-finder] .katalog-noresult__propose")
    finder.wait_for(state="visible", timeout=15_000)
    finder.click()
    page.wait_for_url("**/kontribusi/")
