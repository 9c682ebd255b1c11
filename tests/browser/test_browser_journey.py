"""A visitor's journey through the real site, by clicking real links, plus print and phone views."""

from __future__ import annotations

import re

import pytest

from .conftest import page_path

pytestmark = pytest.mark.browser

_MARK = "data-test-click"


def click_link(page, pattern: str, scope: str = "body") -> str:
    """Click the first visible link under ``scope`` whose absolute href matches ``pattern``."""
    found = page.evaluate(
        """([scope, pattern, mark]) => {
            const re = new RegExp(pattern);
            for (const a of document.querySelectorAll(scope + ' a[href]')) {
                const r = a.getBoundingClientRect();
                const style = getComputedStyle(a);
                if (!re.test(a.href) || r.width === 0 || r.height === 0
                    || style.visibility === 'hidden') continue;
                document.querySelectorAll('[' + mark + ']').forEach(e => e.removeAttribute(mark));
                a.setAttribute(mark, '1');
                return a.href;
            }
            return null;
        }""",
        [scope, pattern, _MARK],
    )
    assert found, f"no visible link matching {pattern!r} under {scope!r} on {page.url}"
    with page.expect_navigation(wait_until="load"):
        page.locator(f"[{_MARK}]").first.click()
    return found


def has_link(page, pattern: str, scope: str = "body") -> bool:
    return page.evaluate(
        "([scope, pattern]) => [...document.querySelectorAll(scope + ' a[href]')].some(a => new "
        "RegExp(pattern).test(a.href))",
        [scope, pattern],
    )


def heading(page) -> str:
    return page.locator("article h1, .md-content h1").first.inner_text().strip()


def test_home_category_case_agency_replication_by_clicking(page, real_site, results_dir):
    page.goto(real_site.url(""), wait_until="load")
    assert heading(page)
    page.screenshot(path=results_dir / "journey-1-home.png", full_page=True)

    if not has_link(page, r"/kategori/[a-z0-9-]+/$", scope=".md-content"):
        # The home page's ways in may lead through the browse overview first.
        click_link(page, r"/jelajahi/$", scope=".md-content")
    click_link(page, r"/kategori/[a-z0-9-]+/$", scope=".md-content")
    assert re.search(r"/kategori/[a-z0-9-]+/$", page.url)
    category_title = heading(page)
    assert category_title
    page.screenshot(path=results_dir / "journey-2-category.png", full_page=True)

    click_link(page, r"/inovasi/[a-z0-9-]+/$", scope=".md-content")
    case_url = page.url
    assert re.search(r"/inovasi/[a-z0-9-]+/$", case_url)
    case_title = heading(page)
    page.screenshot(path=results_dir / "journey-3-case.png", full_page=True)

    click_link(page, r"/instansi/[a-z0-9-]+/$", scope=".md-content")
    assert re.search(r"/instansi/[a-z0-9-]+/$", page.url)
    # The agency profile lists the case we came from.
    case_path = re.sub(r"^https?://[^/]+", "", case_url)
    links = page.eval_on_selector_all(
        ".md-content a[href]", "els => els.map(a => new URL(a.href).pathname)"
    )
    assert case_path in links, f"{case_title!r} is not listed on its agency page {page.url}"
    page.screenshot(path=results_dir / "journey-4-agency.png", full_page=True)

    click_link(page, r"/replikasi/$")
    assert page.url.endswith("/replikasi/")
    assert heading(page)
    assert page.locator(".md-content svg").count() >= 1, "the replication graph (SVG) is missing"
    page.screenshot(path=results_dir / "journey-5-replication.png", full_page=True)

    w = page.watch
    assert (w.console_errors, w.page_errors, w.failed, w.foreign_requests()) == ([], [], [], [])


# Print: the case page becomes a clean handout.
HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-search",
    "[role=search]",
    ".md-footer",
    ".md-top",
    "[data-search]",
]


def test_case_page_prints_as_a_clean_handout(page, real_site, results_dir):
    page.goto(real_site.url(page_path(real_site, "case")), wait_until="load")
    page.emulate_media(media="print")
    visible = []
    for selector in HIDDEN_IN_PRINT:
        loc = page.locator(selector)
        visible += [selector for i in range(loc.count()) if loc.nth(i).is_visible()]
    assert visible == [], f"visible when printed: {sorted(set(visible))}"
    assert page.locator("article h1, .md-content h1").first.is_visible()
    page.screenshot(path=results_dir / "print-case.png", full_page=True)
    pdf = page.pdf(path=results_dir / "print-case.pdf", format="A4", print_background=False)
    assert pdf[:5] == b"%PDF-"


# Phone: 390×844, no sideways scrolling.
@pytest.mark.parametrize("kind", ["home", "case", "instansi-profil", "replikasi", "cari"])
def test_phone_viewport_has_no_sideways_scroll(phone, real_site, results_dir, kind):
    phone.goto(real_site.url(page_path(real_site, kind)), wait_until="load")
    phone.screenshot(path=results_dir / f"phone-{kind}.png", full_page=True)
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{kind} is {overflow}px wider than a 390px phone"


def test_phone_menu_reaches_the_replication_page(phone, real_site, results_dir):
    """On a phone the sections live in Material's drawer: open it with ☰ (a real button, reached
    with Tab, with aria-expanded) and follow Replikasi."""
    phone.goto(real_site.url(page_path(real_site, "case")), wait_until="load")
    button = phone.locator("button.katalog-drawer-button")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    phone.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    phone.locator(".md-sidebar--primary a[href$='replikasi/']").first.wait_for(state="visible")
    phone.screenshot(path=results_dir / "phone-drawer.png")
    click_link(phone, r"/replikasi/$", scope=".md-sidebar--primary")
    assert phone.url.endswith("/replikasi/")
    # Back: the drawer is closed again and ☰ says so, although the browser restores form state
    # (the drawer checkbox cannot carry autocomplete="off", which HTML forbids on checkboxes).
    phone.wait_for_load_state("networkidle")  # leaving earlier would abort the favicon request
    phone.go_back(wait_until="load")
    assert phone.evaluate("() => document.getElementById('__drawer').checked") is False
    assert button.get_attribute("aria-expanded") == "false"
    w = phone.watch
    assert (w.console_errors, w.page_errors, w.failed, w.foreign_requests()) == ([], [], [], [])
