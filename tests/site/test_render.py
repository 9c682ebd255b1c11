"""Rendering on the fixture catalogue: every page family, escaping, safe Markdown, helpers."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from generator.output import PageOutput, StaticOutput
from generator.render.base import format_number, relative
from generator.render.graph import render_graph_svg
from generator.render.markdown import MarkdownRenderer, is_safe_url, safe_href
from tests.conftest import ROOT

from .conftest import PAYLOAD_TITLE

EXPECTED_PAGES = [
    "index.md",
    "tentang/index.md",
    "perlu-diperbarui/index.md",
    "jelajahi/index.md",
    "replikasi/index.md",
    "replikasi/siap-direplikasi/index.md",
    "instansi/index.md",
    "instansi/pemerintah-kota-contoh/index.md",
    "data/index.md",
    "data/kamus-data/index.md",
    "inovasi/layanan-induk/index.md",
    "inovasi/muatan-berbahaya/index.md",
    "kategori/kesehatan/index.md",
    "provinsi/jawa-timur/index.md",
    "tahun/2016/index.md",
    "penghargaan/kipp/index.md",
    "penghargaan/kipp/top-40/index.md",
    "sdg/3/index.md",
    "status/berhenti/index.md",
    "jenis-instansi/kementerian/index.md",
    "kategori/index.md",
    "provinsi/index.md",
    "tahun/index.md",
    "penghargaan/index.md",
    "sdg/index.md",
    "status/index.md",
    "jenis-instansi/index.md",
]
EXPECTED_FILES = [
    "data/innovations.json", "data/innovations.csv", "data/stats.json", "data/facets/category.json",
    "schema/innovation.schema.json", "feed.xml", "replikasi/graf.svg",
]


def _pages(outputs):
    return {o.src_uri: o for o in outputs if isinstance(o, PageOutput)}


def test_every_page_family_is_rendered(outputs):
    pages = _pages(outputs)
    statics = {o.path for o in outputs if isinstance(o, StaticOutput)}
    assert set(EXPECTED_PAGES) <= set(pages)
    assert set(EXPECTED_FILES) <= statics
    assert len(pages) == len({o.src_uri for o in outputs if isinstance(o, PageOutput)})


def test_case_page_has_every_section(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"].html
    for needle in (
        "Juga dikenal sebagai",
        "LIAPD",
        "../../instansi/pemerintah-kota-contoh/",
        "Pemerintah Kota",
        "Jawa Timur",
        "Kota Contoh",
        "Kesehatan",
        "2016",
        "Berjalan",
        "1 Maret 2026",
        "Top 40",
        "Pelayanan Kesehatan",
        "SDG 3:",
        "antrean",
        "Rata-rata waktu tunggu",
        "120 → 25,5",
        "menit",
        "2016–2018",
        'href="#sumber-1"',
        "Direplikasi oleh",
        "../../inovasi/replika-anak/",
        "Antrean Klinik Timor",
        "SOP Antrean Daring",
        "Prasyarat",
        "Dasar hukum",
        "Biaya",
        'id="sumber-1"',
        "Laporan KIPP 2017",
        "SINOVIK",
        "https://github.com/contoh/katalog/edit/main/",
        "layanan-induk.md",
    ):
        assert needle in html, needle


def test_stale_case_gets_the_badge(outputs):
    pages = _pages(outputs)
    assert "Perlu diperbarui" in pages["inovasi/adaptasi-cucu/index.md"].html
    assert "katalog-badge--stale" not in pages["inovasi/layanan-induk/index.md"].html
    assert "adaptasi-cucu" in pages["perlu-diperbarui/index.md"].html


def test_payload_is_escaped_everywhere(outputs):
    markup_outputs = [
        o
        for o in outputs
        if isinstance(o, PageOutput) or o.path.endswith((".svg", ".xml", ".html"))
    ]
    for output in markup_outputs:  # JSON and CSV carry the text as data, unescaped by design
        text = output.html if isinstance(output, PageOutput) else output.content.decode("utf-8")
        assert "<script>alert" not in text, getattr(output, "src_uri", None)
        assert "<img src=x" not in text
    page = _pages(outputs)["inovasi/muatan-berbahaya/index.md"]
    assert page.title == PAYLOAD_TITLE  # plain text: escaping is the writer's job
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;{{ 7*7 }}&#34;" in page.html
    assert "{% raw %}" in page.html
    assert ">49<" not in page.html


def test_about_page_escapes_raw_html_and_adds_criteria(outputs):
    html = _pages(outputs)["tentang/index.md"].html
    assert "&lt;b&gt;tebal&lt;/b&gt;" in html and "&lt;img src=x&gt;" in html
    assert "<b>" not in html and "<img" not in html
    assert "PermenPANRB" in html and "Berkelanjutan" in html


def test_replication_page_lists_edges_and_graph(outputs):
    html = _pages(outputs)["replikasi/index.md"].html
    assert "<svg" in html and "../inovasi/layanan-induk/" in html
    assert "Antrean Rumah Sakit Terpadu" in html  # a parent outside the catalogue
    assert "Siap direplikasi" in html and "Layanan Induk Antrean Puskesmas Daring" in html


def test_agency_page_has_year_strip_and_replications(outputs):
    html = _pages(outputs)["instansi/pemerintah-kabupaten-tiruan/index.md"].html
    # first innovation 2019 → today's year 2026: eight years, two with an innovation
    assert html.count("katalog-strip__year") == 8 + 2  # li class + the --on modifier twice
    assert "2 dari 8 tahun" in html
    assert "Mereplikasi dari pihak lain" in html and "layanan-induk" in html


def test_graph_svg_is_wellformed_and_escaped(catalog):
    svg = render_graph_svg(catalog, "../", standalone=True)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "<script" not in svg


def test_markdown_escapes_raw_html_and_unsafe_links():
    md = MarkdownRenderer()
    html = md.render(
        '<script>alert(1)</script>\n\n[a](javascript:alert(1)) <b onclick="x">b</b>\n\n'
        "![i](data:image/png;base64,AAA) [ok](https://contoh.id/)"
    )
    assert "<script" not in html and "<b" not in html
    assert 'href="javascript' not in html and 'src="data:' not in html
    assert 'href="https://contoh.id/"' in html
    assert md.render("# Judul") == md.render("# Judul")  # reusable, no state carried over
    for link in ("[a](&#106;avascript:alert(1))", "[a][r]\n\n[r]: &#x6A;avascript:alert(1)",
                 "![i](&#100;ata:text/html,x)", "[a](<javascript:alert(1)>)"):
        rendered = md.render(link)
        assert 'href="#"' in rendered or 'src="#"' in rendered, rendered


def test_is_safe_url():
    assert is_safe_url("https://a.id/") and is_safe_url("../x/") and is_safe_url("#s")
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "java\tscript:x",
        " data:text/html,x",
        "vbscript:x",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:x",
        "java&Tab;script:x",
        "&#106avascript:x",
    ):
        assert not is_safe_url(bad)


def test_safe_href_writes_valid_urls():
    # Characters a URL may not hold are percent-encoded (UTF-8); everything valid stays as written.
    assert safe_href('https://example.org/?q=<script>&x="y"') == "https://example.org/?q=%3Cscript%3E&x=%22y%22"
    assert safe_href("https://a.id/a b/{c}|^`\\") == "https://a.id/a%20b/%7Bc%7D%7C%5E%60%5C"
    assert safe_href("http://[::1]:8000/a[b]#x#y") == "http://[::1]:8000/a%5Bb%5D#x%23y"
    assert safe_href("https://a.id/caf%C3%A9%zz é\n") == "https://a.id/caf%C3%A9%25zz%20é%0A"
    for good in ("https://id.wikipedia.org/wiki/Kabupaten_Bantul_(DIY)", "../x/#s", "mailto:a@b.id",
                 "https://a.id/?a=1&b=2;c=3+d~e*f!g'h,i$j@k:l", "https://contoh.id/berita/sukses-ü"):
        assert safe_href(good) == good
    for bad in ("javascript:alert(1)", "&#106;avascript:alert(1)", " data:text/html,x"):
        assert safe_href(bad) == "#"


def test_relative_links_and_numbers():
    assert relative("inovasi/a/", "instansi/b/") == "../../instansi/b/"
    assert relative("", "inovasi/a/") == "inovasi/a/"
    assert relative("", "") == "./"
    assert (
        relative("kategori/x/halaman/2/", "data/innovations.json")
        == "../../../../data/innovations.json"
    )
    assert relative("inovasi/a/", "") == "../../"
    assert relative("inovasi/a/", "#x") == "#x"
    assert format_number(1234567) == "1.234.567"
    assert format_number(25.5) == "25,5"
    assert format_number(3.0) == "3"


def test_other_prose_pages_render_at_their_name(outputs):
    page = _pages(outputs)["panduan-singkat/index.md"]
    assert page.title == 'Panduan <singkat> & "cepat"'
    assert "<h1" in page.html and "&lt;singkat&gt;" in page.html
    assert page.description.startswith("Cara menulis studi kasus")


def test_two_core_render_equals_serial_render(catalog, monkeypatch):
    from generator.render import parallel
    from generator.render.base import RenderContext
    from generator.render.cases import render_cases

    serial = render_cases(RenderContext(catalog))
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert render_cases(RenderContext(catalog)) == serial
    assert parallel.map_split(lambda n: n * n, list(range(9))) == [n * n for n in range(9)]


def test_run_beside_returns_both_results_in_order(monkeypatch):
    from generator.render import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel.run_beside(5, lambda: [1, 2], lambda: {"b": 3}) == ([1, 2], {"b": 3})


def test_long_listings_are_paginated(catalog, monkeypatch):
    from generator.render import browse
    from generator.render.base import RenderContext

    monkeypatch.setattr(browse, "PAGE_SIZE", 2)
    pages = {p.src_uri: p for p in browse.render_browse(RenderContext(catalog))}
    first, second = (
        pages["kategori/kesehatan/index.md"],
        pages["kategori/kesehatan/halaman/2/index.md"],
    )
    assert "Halaman 1 dari 2" in first.html and 'href="halaman/2/"' not in first.html
    assert 'href="../../kategori/kesehatan/halaman/2/"' in first.html
    assert 'rel="prev"' in second.html and second.title.endswith("(halaman 2)")
    assert (
        first.html.count('class="katalog-list__meta"') == 2
        and second.html.count('class="katalog-list__meta"') == 1
    )


def _case_html(content, case_id: str) -> str:
    from generator.pipeline import load_catalog
    from generator.render.base import RenderContext
    from generator.render.cases import render_cases
    from tests.conftest import TODAY

    catalog, _ = load_catalog(content, TODAY)
    return next(
        p.html
        for p in render_cases(RenderContext(catalog))
        if p.src_uri == f"inovasi/{case_id}/index.md"
    )


def test_contributor_headings_never_take_an_id_the_page_template_uses(tmp_path):
    """`## Sumber 1` in a body once took id `sumber-1`, so the citation link [1] jumped to it."""
    import re
    import shutil

    from .conftest import FIXTURE

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    case = content / "innovations" / "layanan-induk.md"
    template_ids = re.findall(r' id="([^"]+)"', _case_html(content, "layanan-induk"))
    assert "sumber-1" in template_ids and "hasil" in template_ids and "replikasi" in template_ids
    # A heading for every id the template uses, spelled the way a contributor would.
    case.write_text(
        case.read_text(encoding="utf-8")
        + "\n"
        + "".join(f"\n## {i.replace('-', ' ').title()}\n\nTeks.\n" for i in template_ids),
        encoding="utf-8",
    )
    html = _case_html(content, "layanan-induk")
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) >= 2 * len(template_ids)
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []
    assert re.search(r'<li id="sumber-1">', html), "the citation target is the first source"
    assert re.search(
        r'<h2 id="isi-sumber-1">Sumber 1(<a class="katalog-permalink" '
        r'href="#isi-sumber-1"[^>]*></a>)?</h2>',
        html,
    )


def test_every_title_attribute_in_a_template_goes_through_title_text():
    import re

    templates = ROOT / "generator" / "templates"
    found = []
    for path in sorted(templates.rglob("*.html")):
        for value in re.findall(r'\btitle="([^"]*)"', path.read_text(encoding="utf-8")):
            if "{{" in value and "| title_text" not in value:
                found.append(f"{path.name}: {value}")
    assert found == []


def test_markdown_titles_are_plain_text_in_every_spelling():
    md = MarkdownRenderer()
    for spelling in (
        "&lt;img src=x onerror=alert(1)&gt;",
        "&#60;img&#62;",
        "&#x3C;img&#x3e;",
        "&LTimg&GT",
        "&amp;lt;img&amp;gt;",
        "&amp;amp;amp;lt;img&amp;amp;amp;gt;",
        "<img src=x>",
        "&nvlt;img",
    ):
        for source in (f'[a](https://contoh.id/ "{spelling}")', f"![a](a.png '{spelling}')",
                       f'[a][r]\n\n[r]: https://contoh.id/ "{spelling}"'):
            rendered = md.render(source)
            title = re.search(r' title="([^"]*)"', rendered)
            assert title, rendered
            assert "img" in html.unescape(title.group(1))
            assert "<" not in html.unescape(title.group(1)) and ">" not in html.unescape(
                title.group(1)
            )
    assert 'title="A &amp; B"' in md.render('[a](https://contoh.id/ "A & B")')
