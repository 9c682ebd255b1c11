"""Contribution on the site: "Usulkan inovasi" everywhere people look, "Laporkan pembaruan" on
every case page (prefilled, URL-encoded, from repo_url), and /kontribusi/ with the field
reference."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from generator.intake.form import PROPOSAL_FORM, UPDATE_FORM, load_form
from generator.output import PageOutput

from .conftest import PAYLOAD_TITLE, ROOT

REPO_URL = "https://github.com/contoh/katalog"


def _pages(outputs):
    return {o.src_uri: o for o in outputs if isinstance(o, PageOutput)}


def _links(page_html: str, text: str) -> list[str]:
    return [
        html.unescape(m.group(1))
        for m in re.finditer(r'<a [^>]*href="([^"]*)"[^>]*>' + re.escape(text), page_html)
    ]


def test_every_case_page_links_the_prefilled_update_form(outputs, catalog) -> None:
    pages = _pages(outputs)
    update = load_form(UPDATE_FORM)
    for innovation in catalog.innovations:
        links = _links(pages[f"inovasi/{innovation.id}/index.md"].html, "Laporkan pembaruan")
        assert len(links) >= 1, innovation.id
        url = urlsplit(links[0])
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new"
        query = parse_qs(url.query, strict_parsing=True)
        assert query["template"] == [UPDATE_FORM.name]
        assert query["case_id"] == [innovation.id] and query["case_title"] == [innovation.title]
        assert query["title"] == [f"Pembaruan: {innovation.title}"]
        for key in query:
            assert key in ("template", "title") or update.get(key) is not None, key


def test_the_update_link_of_a_hostile_title_is_encoded_and_escaped(outputs) -> None:
    page = _pages(outputs)["inovasi/muatan-berbahaya/index.md"].html
    raw = re.search(r'href="([^"]*template=laporkan-pembaruan[^"]*)"', page).group(1)
    assert "<" not in raw and '"' not in raw and " " not in raw and "{{" not in raw
    assert parse_qs(urlsplit(html.unescape(raw)).query)["case_title"] == [PAYLOAD_TITLE]


def test_no_repo_url_means_no_github_links(catalog) -> None:
    from generator.site import collect_outputs, settings_from

    pages = _pages(collect_outputs(catalog, settings_from()))
    assert "Laporkan pembaruan</a>" not in pages["inovasi/layanan-induk/index.md"].html
    assert "github.com" not in pages["kontribusi/index.md"].html
    assert "Rujukan kolom formulir" in pages["kontribusi/index.md"].html


def test_contribution_page_explains_three_ways_and_every_field(outputs, catalog) -> None:
    page = _pages(outputs)["kontribusi/index.md"].html
    for way in ("formulir", "editor web github", "git"):
        assert way in page.lower()
    assert _links(page, "Buka formulir Usulkan inovasi") == [
        f"{REPO_URL}/issues/new?template={PROPOSAL_FORM.name}"
    ]
    form = load_form(PROPOSAL_FORM)
    for f in form.fields:
        if f.type != "checkboxes":
            assert f'id="kolom-{f.id}"' in page
            assert html.escape(f.label, quote=False) in page, f.label
    # Keys for the web editor and git, with the vocabulary ids behind the dropdown labels.
    assert "<code>agency.province</code>" in page and "<code>contact.website</code>" in page
    assert "<code>## Latar Belakang</code>" in page
    assert "Pemerintah Kabupaten (<code>pemerintah-kabupaten</code>)" in page
    assert "Top 99" in page


def test_usulkan_inovasi_is_in_nav_home_about_footer_and_empty_search(outputs) -> None:
    pages = _pages(outputs)
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert {"Usulkan inovasi": "kontribusi/index.md"} in nav
    assert _links(pages["index.md"].html, "<strong>Usulkan inovasi") == ["kontribusi/"]
    assert _links(pages["tentang/index.md"].html, "Usulkan inovasi") == ["../kontribusi/"]
    footer = (ROOT / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert '/kontribusi/">Usulkan inovasi</a>' in footer
    # The empty search (header panel and /cari/) offers it in its list of ways on, built by
    # search.js; tests/search/test_browser_search.py clicks it in Chromium.
    script = (ROOT / "generator" / "assets" / "search" / "search.js").read_text(encoding="utf-8")
    assert (
        'loader.url("kontribusi/"), "class": "katalog-noresult__propose" }, "Usulkan inovasi"'
        in script
    )


def test_stale_page_links_the_open_reports(outputs) -> None:
    page = _pages(outputs)["perlu-diperbarui/index.md"].html
    links = _links(page, "laporan pembaruan yang masih terbuka")
    assert links and parse_qs(urlsplit(links[0]).query)["q"] == [
        "is:issue is:open label:laporan-pembaruan"
    ]


def test_built_site_has_the_page_and_the_footer_link(built_site: Path) -> None:
    page = (built_site / "kontribusi" / "index.html").read_text(encoding="utf-8")
    assert "Rujukan kolom formulir" in page
    case = (built_site / "inovasi" / "layanan-induk" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./kontribusi/">Usulkan inovasi</a>', case)
    assert re.search(
        r'href="\.\./\.\./kontribusi/"[^>]*>\s*Usulkan inovasi', case
    )  # navigation tab


def test_stale_page_speaks_to_readers_not_in_yaml_keys(outputs) -> None:
    page = _pages(outputs)["perlu-diperbarui/index.md"].html
    assert "last_verified" not in page
    assert "Laporkan pembaruan" in page and 'href="../kontribusi/"' in page
