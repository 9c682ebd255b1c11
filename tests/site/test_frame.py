"""The theme frame's HTML fixes that live in the MkDocs adapter
(plugin.drop_toggle_autocomplete)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import material

from generator.mkdocs_adapter.plugin import drop_toggle_autocomplete

BASE_HTML = Path(material.__file__).parent / "templates" / "base.html"
DRAWER = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
          'autocomplete="off">')
SEARCH = ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
          'autocomplete="off">')
CHECKBOX_AUTOCOMPLETE = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*\bautocomplete=|'
                                   r'<input\b[^>]*\bautocomplete=[^>]*\btype="checkbox"')


def test_the_edited_tags_are_the_ones_the_pinned_material_writes():
    base = BASE_HTML.read_text("utf-8")
    assert DRAWER in base and SEARCH in base


def test_exactly_the_attribute_goes_from_exactly_the_two_toggles():
    page = ("<body dir=\"ltr\">\n    " + DRAWER + "\n    " + SEARCH + "\n"
            '<input id="katalog-search-q" type="search" name="q" autocomplete="off">\n'
            '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
    fixed = drop_toggle_autocomplete(page)
    assert fixed == page.replace(' autocomplete="off">', ">", 2)
    assert (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    )
    assert (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">' in fixed
    )
    assert 'type="search" name="q" autocomplete="off">' in fixed  # allowed there: untouched
    assert drop_toggle_autocomplete(fixed) == fixed


def test_only_the_first_occurrence_of_each_toggle_is_edited():
    # The theme's toggles come right after <body>, before any content.
    page = DRAWER + SEARCH + "<main>" + DRAWER + "</main>"
    assert drop_toggle_autocomplete(page).endswith("<main>" + DRAWER + "</main>")


def test_linear_time_on_pathological_input():
    # Plain substring replacement: near-misses of the tag cost linear time (generous bound).
    page = (DRAWER[:-2] * 200_000) + ("<input class=\"md-toggle\" " * 200_000)
    started = time.perf_counter()
    assert drop_toggle_autocomplete(page) == page
    assert time.perf_counter() - started < 5


def test_no_built_page_has_autocomplete_on_a_checkbox(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "404.html" in pages and len(pages) > 20
    for path in pages:
        html = path.read_text("utf-8")
        assert not CHECKBOX_AUTOCOMPLETE.search(html), path
        if 'http-equiv="refresh"' in html:  # a former id's redirect (render/kit.py): no theme frame
            continue
        assert html.count('id="__drawer"') == 1, path
