"""Every page type of the real site: loads cleanly, stays on 127.0.0.1, and passes axe-core."""

from __future__ import annotations

import pytest

from .conftest import PAGE_TYPES, describe_violations, page_path, run_axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_loads_without_errors_or_foreign_requests(page, real_site, kind):
    page.goto(real_site.url(page_path(real_site, kind)), wait_until="networkidle")
    w = page.watch
    assert w.console_errors == [], f"console errors on {kind}"
    assert w.page_errors == [], f"uncaught exceptions on {kind}"
    assert w.failed == [], f"failed requests on {kind}"
    assert w.foreign_requests() == [], f"requests leaving 127.0.0.1 on {kind}"


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_has_no_axe_violations(page, real_site, results_dir, kind):
    page.goto(real_site.url(page_path(real_site, kind)), wait_until="networkidle")
    violations = run_axe(page)
    if violations:
        page.screenshot(path=results_dir / f"axe-{kind}.png", full_page=True)
    assert violations == [], describe_violations(violations)


def test_search_page_finds_a_case_and_stays_local(page, real_site, results_dir):
    """The finder page answers a query from the URL with links to case pages."""
    page.goto(real_site.url(page_path(real_site, "cari") + "?q=sampah"), wait_until="load")
    results = page.locator("[data-search-results] a[href*='inovasi/']")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 1
    page.screenshot(path=results_dir / "search-sampah.png", full_page=True)
    w = page.watch
    assert (w.console_errors, w.page_errors, w.failed, w.foreign_requests()) == ([], [], [], [])


def test_header_search_opens_with_slash_and_shows_results(page, real_site, results_dir):
    page.goto(real_site.url(page_path(real_site, "case")), wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("sampah", delay=30)
    results = page.locator(
        "header [data-search-list] a[href*='inovasi/'], header [data-search-results] "
        "a[href*='inovasi/']"
    )
    results.first.wait_for(state="visible", timeout=15_000)
    page.screenshot(path=results_dir / "header-search.png")
    w = page.watch
    assert (w.console_errors, w.page_errors, w.failed, w.foreign_requests()) == ([], [], [], [])


@pytest.mark.parametrize("kind", ["home", "case", "cari"])
def test_phone_page_has_no_axe_violations(phone, real_site, kind):
    phone.goto(real_site.url(page_path(real_site, kind)), wait_until="networkidle")
    violations = run_axe(phone)
    assert violations == [], describe_violations(violations)


def test_open_header_search_has_no_axe_violations(page, real_site):
    page.goto(real_site.url(page_path(real_site, "case")), wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("sampah", delay=30)
    page.locator("header [data-search-list] a[href*='inovasi/']").first.wait_for(
        state="visible", timeout=15_000
    )
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
