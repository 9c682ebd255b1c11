"""XSS tripwire: a corpus with markup and template payloads in every text field.

Nothing may run (no dialog ever opens), no element may come from a payload, and template
syntax shows exactly as typed. Checked on every page type of the hostile build, on the payload
cases themselves, their agency pages, and search results.
"""

from __future__ import annotations

import pytest

from .conftest import PAGE_TYPES, describe_violations, page_path, run_axe, wait_settled

pytestmark = pytest.mark.browser

# Elements or attributes that only a payload would create.
INJECTED = "img[src='x'], img[src=x], svg[onload], [onerror], [onload], a[href^='javascript:' i]"

PAYLOAD_CASES = {
    # id → title exactly as written in the front matter
    "muatan-berbahaya": '<script>alert(1)</script> & "{{ 7*7 }}"',
    "sisipan-atribut": '"><img src=x onerror=alert(1)> {{ 7*7 }}',
}


def assert_inert(page, where: str) -> None:
    wait_settled(page)  # loaded, the site's own searches rendered, a frame drawn: then look
    assert page.watch.dialogs == [], f"a payload ran on {where}: {page.watch.dialogs}"
    injected = page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML.slice(0, 120))")
    assert injected == [], f"payload elements on {where}"
    assert page.watch.page_errors == [], f"uncaught exceptions on {where}"


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_is_inert(page, hostile_site, kind):
    path = page_path(hostile_site, kind)
    page.goto(hostile_site.url(path), wait_until="networkidle")
    assert_inert(page, path)
    assert page.watch.foreign_requests() == []


@pytest.mark.parametrize("case_id", sorted(PAYLOAD_CASES))
def test_payload_case_page_shows_text_as_typed(page, hostile_site, results_dir, case_id):
    page.goto(hostile_site.url(f"inovasi/{case_id}/"), wait_until="networkidle")
    assert_inert(page, case_id)
    title = PAYLOAD_CASES[case_id]
    assert page.locator("article h1, .md-content h1").first.inner_text().strip() == title
    assert title in page.title()
    body = page.locator("body").inner_text()
    assert "{{ 7*7 }}" in body
    og = page.locator("meta[property='og:title']")
    assert og.count() == 1 and og.get_attribute("content") == title
    page.screenshot(path=results_dir / f"hostile-{case_id}.png", full_page=True)


@pytest.mark.parametrize("case_id", sorted(PAYLOAD_CASES))
def test_payload_case_agency_page_is_inert(page, hostile_site, case_id):
    page.goto(hostile_site.url(f"inovasi/{case_id}/"), wait_until="load")
    agency = page.eval_on_selector_all(
        ".md-content a[href*='instansi/']", "els => els.map(a => a.href)"
    )
    assert agency, f"no agency link on {case_id}"
    page.goto(agency[0], wait_until="networkidle")
    assert_inert(page, agency[0])
    assert "{{ 7*7 }}" in page.locator("body").inner_text()


# Queries → whether they find payload cases ("found": result cards must appear) or nothing
# ("none": the no-result offer must appear, the query in it as typed). Either way something renders.
FINDER_QUERIES = {
    "alert": "found",
    "img": "found",
    "script": "found",
    "{{ 7*7 }} alert": "found",
    "7*7": "none",
}
HEADER_QUERIES = {
    "alert": "found",
    "img onerror": "found",
    "{{ 7*7 }} script": "found",
    "7*7": "none",
}


@pytest.mark.parametrize("query", sorted(FINDER_QUERIES))
def test_search_results_are_inert(page, hostile_site, results_dir, query):
    page.goto(hostile_site.url(page_path(hostile_site, "cari")), wait_until="load")
    box = page.locator(".md-content input[type=search], .md-content input[name=q], "
                       ".md-content input[type=text]").first
    box.fill(query)
    if FINDER_QUERIES[query] == "found":
        # Result cards with their snippets must really be on screen.
        page.locator("[data-search-results] .katalog-result").first.wait_for(
            state="visible", timeout=15_000
        )
        page.wait_for_function(
            "() => ![...document.querySelectorAll('.katalog-result__snippet')].some(s => "
            "!s.textContent)",
            timeout=15_000,
        )
    else:
        page.locator("[data-search-none] .katalog-noresult").wait_for(
            state="visible", timeout=15_000
        )
    assert_inert(page, f"/cari/ query {query!r}")
    if FINDER_QUERIES[query] == "found":
        assert (
            page.locator("[data-search-results] .katalog-result a[href*='inovasi/']").count() >= 1
        ), query
    else:
        assert query in page.locator("[data-search-none] .katalog-noresult__lead").inner_text()
        assert page.locator("[data-search-results] .katalog-result").count() == 0
    safe = "".join(c if c.isalnum() else "-" for c in query)
    page.screenshot(path=results_dir / f"hostile-search-{safe}.png", full_page=True)


def test_payload_titles_show_as_typed_in_search_results(page, hostile_site):
    """The results really render the payload cases (so the checks above are not vacuous)."""
    page.goto(hostile_site.url(page_path(hostile_site, "cari") + "?q=alert"), wait_until="load")
    link = page.locator("[data-search-results] a[href*='inovasi/muatan-berbahaya/']").first
    link.wait_for(state="visible", timeout=15_000)
    assert PAYLOAD_CASES["muatan-berbahaya"] in link.inner_text()
    assert_inert(page, "/cari/?q=alert")


@pytest.mark.parametrize("query", sorted(HEADER_QUERIES))
def test_header_search_results_are_inert(page, hostile_site, query):
    page.goto(hostile_site.url(page_path(hostile_site, "case")), wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    found = HEADER_QUERIES[query] == "found"
    shown = (
        "header [data-search-list] .katalog-result"
        if found
        else "header [data-search-list] .katalog-search__none"
    )
    page.locator(shown).first.wait_for(state="visible", timeout=15_000)
    assert_inert(page, f"header search {query!r}")
    if found:
        results = page.locator("header [data-search-list] .katalog-result a[href*='inovasi/']")
        assert results.count() >= 1, f"no results in the header search for {query!r}"
    else:
        assert query in page.locator(shown).first.inner_text()
        assert page.locator("header [data-search-list] .katalog-result").count() == 0


def test_a_payload_query_that_finds_nothing_is_shown_as_text(page, hostile_site):
    payload = '"><b>zzqxv</b><i>wwqk'
    page.goto(hostile_site.url(page_path(hostile_site, "cari")), wait_until="load")
    page.locator("#cari-q").fill(payload)
    lead = page.locator("[data-search-none] .katalog-noresult__lead")
    lead.wait_for(state="visible", timeout=15_000)
    assert payload in lead.inner_text()
    assert page.locator("[data-search-none] b, [data-search-none] i").count() == 0
    assert_inert(page, "/cari/ payload query with no result")


def test_search_from_url_state_is_inert(page, hostile_site):
    page.goto(
        hostile_site.url(
            page_path(hostile_site, "cari") + "?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
            "&kategori=%3Cscript%3Ealert(1)%3C/script%3E"
        ),
        wait_until="networkidle",
    )
    page.wait_for_selector("[data-katalog-finder][data-search-state=ready]", timeout=15_000)
    assert_inert(page, "/cari/ with a payload in the URL")
    # The query from the URL really ran (the unknown category is no filter): it finds payload cases.
    assert page.input_value("#cari-q") == '"><img src=x onerror=alert(1)>'
    assert page.locator("[data-search-results] .katalog-result a[href*='inovasi/']").count() >= 1


@pytest.mark.parametrize("case_id", sorted(PAYLOAD_CASES))
def test_payload_case_page_stays_accessible(page, hostile_site, case_id):
    page.goto(hostile_site.url(f"inovasi/{case_id}/"), wait_until="networkidle")
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
