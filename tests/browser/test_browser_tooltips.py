"""No script through tooltips: hover and focus every element with a title on hostile pages.

Material's ``content.tooltips`` writes an element's title into ``innerHTML``; a link title such
as ``"&lt;img src=x onerror=alert(1)&gt;"`` stayed encoded in the attribute, was decoded by the
browser and ran on hover or keyboard focus. The fixture (tests/browser/fixtures/tooltips) puts
that payload in every spelling into inline, reference and parenthesised link and image titles of
a case body and of a prose page, and into every evidence-level label (shown as text beside the
number since the case page dropped its ``<abbr title>``: a tooltip cannot be opened by touch).

``validate`` refuses all of it; these sites are built past validation on purpose (the catalogue
is handed to the builder directly), so the renderer and the theme are tested on their own: once
with the project's mkdocs.yml and once with ``content.tooltips`` switched back on and Material's
JavaScript (which the project's overrides leave out) put back, so that its tooltips really open.
Nothing here waits for a fixed time: Material opens a tooltip within the ``mouseenter`` and
``focus`` handlers, so the test waits for a drawn frame after each event and looks.
"""

from __future__ import annotations

import importlib
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import TODAY

from .conftest import REPO, next_frame, serve, stop, wait_settled

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tooltips"
SITE_FIXTURE = REPO / "tests" / "fixtures" / "site" / "content"
PAGES = ("inovasi/judul-berbahaya/", "judul-tautan/")


def _content(work: Path) -> Path:
    content = work / "content"
    shutil.copytree(SITE_FIXTURE, content)
    shutil.copytree(FIXTURE, content, dirs_exist_ok=True)
    return content


def _config(work: Path, tooltips: bool) -> Path:
    if not tooltips:
        return REPO / "mkdocs.yml"
    root = work / "repo"
    root.mkdir()
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(
        "    - navigation.footer\n", "    - navigation.footer\n    - content.tooltips\n", 1
    )
    assert "content.tooltips" in text
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    # The project's main.html loads no Material JavaScript; without it no tooltip would ever open.
    shutil.copytree(REPO / "overrides", root / "overrides")
    main = root / "overrides" / "main.html"
    html = main.read_text(encoding="utf-8")
    start = html.index("{% block scripts %}")
    end = html.index("{% endblock %}", start) + len("{% endblock %}")
    main.write_text(
        html[:start] + "{% block scripts %}{{ super() }}{% endblock %}" + html[end:],
        encoding="utf-8",
    )
    (root / "docs").mkdir()
    return root / "mkdocs.yml"


def _build_past_validation(work: Path, tooltips: bool) -> Path:
    from generator.model import build_catalog
    from generator.pipeline import load_and_validate
    from generator.site import BUILDER

    content = _content(work)
    result = load_and_validate(content, today=TODAY)
    codes = {d.code for d in result.diagnostics if d.is_error}
    assert {"encoded-markup", "taxonomy-markup", "unsafe-attribute"} <= codes, (
        codes
    )  # validate refuses it
    catalog = build_catalog(result.documents, result.taxonomies, TODAY)
    out = work / "site"
    importlib.import_module(BUILDER).build(_config(work, tooltips), content, out, TODAY, catalog)
    return out


@pytest.fixture(scope="module", params=[False, True], ids=["project-config", "tooltips-on"])
def tooltip_site(request, tmp_path_factory):
    work = tmp_path_factory.mktemp("tooltips-on" if request.param else "tooltips-off")
    served = serve(_build_past_validation(work, request.param))
    served.tooltips = request.param
    yield served
    stop(served)


class _Titles(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.titles += [value or "" for name, value in attrs if name == "title"]


def test_no_title_in_the_built_site_decodes_to_markup(tooltip_site):
    seen = 0
    for path in sorted(tooltip_site.root.rglob("*.html")):
        parser = _Titles()
        parser.feed(path.read_text(encoding="utf-8"))
        seen += len(parser.titles)
        assert [t for t in parser.titles if "<" in t or ">" in t] == [], path
    assert seen > 100


@pytest.mark.parametrize("path", PAGES)
def test_hover_and_focus_every_title_runs_nothing(page, tooltip_site, path):
    page.goto(tooltip_site.url(path), wait_until="load")
    wait_settled(page)  # loaded; Material's bundle, where present, has mounted its components
    material = page.evaluate("() => typeof window.component$ !== 'undefined'")
    assert material == tooltip_site.tooltips, (
        "Material's JavaScript runs only in the tooltips-on build"
    )
    count = page.locator("[title]").count()
    expected = 13 * 3 if path.startswith("inovasi/") else 13  # links and images
    assert count >= expected, f"only {count} elements with a title on {path}"
    elements = page.locator(
        "[title]"
    ).element_handles()  # Material takes the title while a tooltip is open
    opened = 0
    for element in elements:
        if not element.is_visible():
            continue
        title = element.get_attribute("title")
        element.scroll_into_view_if_needed()
        for event in (element.hover, element.focus):
            event()
            next_frame(page)
            # This element's own tooltip is open (Material links it by aria-describedby and
            # activates it on the next frame), showing the title as text.
            shown = element.evaluate("""el => { const id = el.getAttribute('aria-describedby');
                const tip = id && document.getElementById(id);
                return tip && tip.classList.contains('md-tooltip2--active')
                    ? tip.textContent : null; }""")
            if shown is not None:
                opened += 1
                assert shown.strip() == title.strip(), (
                    f"a tooltip on {path} shows {shown!r}, not {title!r}"
                )
            # Whatever a tooltip shows, it is text: no element inside it came from a title.
            made = page.eval_on_selector_all(
                ".md-tooltip2 img, .md-tooltip2 svg, .md-tooltip2 b, .md-tooltip2 [onerror]",
                "els => els.map(e => e.outerHTML)",
            )
            assert made == [], f"markup from a title on {path}"
    page.mouse.move(0, 0)
    next_frame(page)
    if tooltip_site.tooltips:  # the checks above saw real tooltips, not an empty page
        assert opened >= 2 * expected, f"Material opened a tooltip only {opened} times on {path}"
    else:
        assert opened == 0
    assert page.watch.dialogs == [], f"a title ran script on {path}: {page.watch.dialogs}"
    assert page.locator("img[src='x'], [onerror], [onmouseover], [onload]").count() == 0
    assert page.watch.page_errors == []


def test_evidence_labels_show_as_typed_text_without_a_tooltip(page, tooltip_site):
    """The level is explained in words in its cell (no ``title`` to hover): the hostile labels
    read exactly as the taxonomy spells them, and none of them became an element."""
    import yaml

    page.goto(tooltip_site.url(PAGES[0]), wait_until="load")
    assert page.locator("abbr").count() == 0
    labels = {
        t["id"]: t["label"]
        for t in yaml.safe_load(
            (FIXTURE / "taxonomies" / "evidence_levels.yml").read_text("utf-8")
        )["terms"]
    }
    cells = page.locator('td[data-label="Tingkat bukti"]')
    assert cells.count() == 5
    for n in range(5):
        assert cells.nth(n).inner_text() == labels[n + 1]
    assert page.locator("img[src='x'], svg[onload], [onerror], [onload]").count() == 0
    assert page.watch.dialogs == []
