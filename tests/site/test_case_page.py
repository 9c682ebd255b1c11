"""The case page as a replicator reads it: the "Siap ditiru?" box, the contact, sources with
their access date, the phone contents list, evidence in words, tags as links, similar cases,
and tag pages — every contributor value escaped."""

from __future__ import annotations

import re

from generator.output import PageOutput
from generator.render.browse import TAG_INDEX_PAGE_SIZE


def _pages(outputs):
    return {o.src_uri: o.html for o in outputs if isinstance(o, PageOutput)}


def _box(html: str) -> str:
    start = html.index('<section class="katalog-ready')
    return html[start:html.index("</section>", start)]


def _checks(box: str) -> dict[str, tuple[str, str]]:
    """label → (mark, the row's text without tags)."""
    rows = re.findall(r'<li class="katalog-check katalog-check--(ya|tidak)">(.*?)</li>', box, re.S)
    out = {}
    for kind, inner in rows:
        label = re.search(r"<strong>(.*?)</strong>", inner).group(1)
        mark = "✓" if "✓" in inner else "✗"
        assert (kind == "ya") == (mark == "✓")
        out[label] = (mark, re.sub(r"<[^>]+>", "", inner))
    return out


def test_box_comes_before_the_data_card_and_says_yes_in_words(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    assert (
        html.index('id="siap-ditiru"')
        < html.index('id="ringkasan-data"')
        < html.index('id="hasil"')
    )
    box = _box(html)
    assert "katalog-ready--ya" in box and "Ya, siap ditiru." in box
    checks = _checks(box)
    assert list(checks) == [
        "Masih berjalan",
        "Kontak",
        "Dokumen perangkat",
        "Prasyarat",
        "Biaya",
        "Dasar hukum",
        "Bukti terkuat",
    ]
    assert all(mark == "✓" for mark, _ in checks.values())
    assert "Berjalan, diperiksa 1 Maret 2026" in checks["Masih berjalan"][1]
    assert "situs web, surel, telepon" in checks["Kontak"][1]
    assert "1 dokumen" in checks["Dokumen perangkat"][1]
    assert "Sekitar Rp50 juta per tahun." in checks["Biaya"][1]
    assert "Tingkat 2 — Ada data perubahan" in checks["Bukti terkuat"][1]
    # Text for screen readers, never colour alone; the mark itself is decoration.
    assert box.count('<span class="katalog-sr">Ya:</span>') == 7
    assert box.count('aria-hidden="true">✓</span>') == 7


def test_box_names_what_is_missing_and_links_to_report_an_update(outputs):
    html = _pages(outputs)["inovasi/replika-anak/index.md"]
    box = _box(html)
    assert "Belum siap ditiru." in box
    assert "Yang kurang: kontak resmi; dokumen perangkat replikasi atau prasyarat." in box
    checks = _checks(box)
    assert checks["Masih berjalan"][0] == "✓" and "Uji Coba" in checks["Masih berjalan"][1]
    for label in (
        "Kontak",
        "Dokumen perangkat",
        "Prasyarat",
        "Biaya",
        "Dasar hukum",
        "Bukti terkuat",
    ):
        assert checks[label][0] == "✗", label
    assert "Belum tercatat juga: biaya, dasar hukum, tingkat bukti." in box
    assert '<span class="katalog-sr">Tidak:</span>' in box
    report = re.search(
        r'<a href="([^"]+)" rel="nofollow noopener">Laporkan pembaruan</a>', box
    ).group(1)
    assert report.startswith("https://github.com/contoh/katalog/issues/new?template=")
    assert "case_id=replika-anak" in report.replace("&amp;", "&")


def test_box_marks_an_old_check_and_a_stopped_case(outputs):
    pages = _pages(outputs)
    stale = _checks(_box(pages["inovasi/adaptasi-cucu/index.md"]))
    assert stale["Masih berjalan"][0] == "✗"
    assert (
        "Berhenti, diperiksa 1 Februari 2024 (lebih dari 12 bulan lalu)"
        in stale["Masih berjalan"][1]
    )
    box = _box(pages["inovasi/adaptasi-cucu/index.md"])
    assert (
        "masih berjalan (status berjalan atau uji coba); diperiksa dalam 12 bulan terakhir" in box
    )


def test_report_link_is_one_helper(outputs, catalog):
    """Every "Laporkan pembaruan" link comes from ``SiteSettings.report_url``: the update form,
    or the file's edit page where there is no form."""
    from markupsafe import escape

    from generator.render.base import SiteSettings

    settings = SiteSettings(repo_url="https://github.com/contoh/katalog")
    induk = catalog.by_id["layanan-induk"]
    assert settings.report_url(induk) == settings.report_update_url(induk.id, induk.title)
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    assert (
        html.count(f'<a href="{escape(settings.report_url(induk))}"')
        == html.count(">Laporkan pembaruan</a>")
        >= 2
    )
    assert SiteSettings().report_url(induk) == ""  # no repository: no link


def test_contact_block_links_each_channel(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    start = html.index('<section class="katalog-contact"')
    block = html[start:html.index("</section>", start)]
    assert '<h2 id="kontak-resmi">Kontak' in block
    assert "<dt>Unit</dt><dd>Bidang Pelayanan Kesehatan Dinas Kesehatan</dd>" in block
    assert '<a href="https://dinkes.contoh.go.id/antrean" rel="nofollow noopener">' in block
    assert '<a href="mailto:layanan@dinkes.contoh.go.id">layanan@dinkes.contoh.go.id</a>' in block
    assert '<a href="tel:+62341551234">(0341) 551-234</a>' in block
    assert "Jl. Contoh No. 1, Kota Contoh" in block and "Senin–Jumat pukul 08.00–15.00." in block


def test_case_without_contact_says_so(outputs):
    html = _pages(outputs)["inovasi/replika-anak/index.md"]
    assert "Belum ada kontak resmi yang tercatat." in html


def test_contact_values_are_escaped(outputs):
    html = _pages(outputs)["inovasi/muatan-berbahaya/index.md"]
    start = html.index('<section class="katalog-contact"')
    block = html[start:html.index("</section>", start)]
    assert "<script" not in block and "<img" not in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in block
    assert "&lt;img src=x onerror=alert(1)&gt; {% raw %} &amp;amp;" in block
    assert "<dd>&#34; onmouseover=&#34;alert(1)</dd>" in block
    assert 'href="https://example.org/kontak?a=%3Cscript%3E&amp;b=%22x%22"' in block
    assert 'href="tel:+62215550123"' in block


def test_sources_show_when_they_were_read(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    assert "KemenPANRB, 1 Agustus 2017, diakses 20 Februari 2026." in html
    assert "diakses" not in _pages(outputs)["inovasi/replika-anak/index.md"].split('id="sumber"')[1]


def test_last_verified_says_what_it_means(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    assert "<dt>Terakhir diperiksa</dt>" in html
    assert "Tanggal seseorang mencocokkan status, kontak dan angka dengan sumbernya." in html


def test_phone_contents_list_jumps_to_cara_mereplikasi(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    nav = html[html.index('<nav class="katalog-toc-phone"'):html.index("</nav>")]
    assert "<details>\n<summary>Daftar isi</summary>" in nav  # collapsed: no "open"
    anchors = re.findall(r'<li><a href="#([^"]+)">', nav)
    assert anchors[:2] == ["ringkasan-data", "hasil"]
    assert "isi-cara-mereplikasi" in anchors and "kontak-resmi" in anchors and "sumber" in anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor
    assert (
        '<a class="katalog-jump" href="#isi-cara-mereplikasi">Langsung ke Cara Mereplikasi</a>'
        in nav
    )
    assert html.index("</section>", html.index('id="siap-ditiru"')) < html.index(
        "katalog-toc-phone"
    )


def test_jump_falls_back_to_the_replication_section(catalog):
    from generator.render.cases import page_toc
    from generator.render.markdown import MarkdownRenderer

    case = catalog.by_id["replika-anak"]
    md = MarkdownRenderer()
    toc, jump = page_toc(case, md.render("## Latar Belakang\n\nTeks."), False)
    assert jump == "replikasi" and ("isi-latar-belakang", "Latar Belakang") in toc
    _toc, jump = page_toc(case, md.render("## Cara mereplikasi di daerah lain\n\nTeks."), False)
    assert jump == "isi-cara-mereplikasi-di-daerah-lain"
    toc, _jump = page_toc(case, md.render("## Judul <b>&</b>\n\nTeks."), False)
    assert ("isi-judul-bb", "Judul &lt;b&gt;&amp;&lt;/b&gt;") in [(a, str(t)) for a, t in toc]


def test_evidence_level_is_in_words_without_a_tooltip(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    assert '<td data-label="Tingkat bukti">Tingkat 2 — Ada data perubahan</td>' in html
    assert "<abbr" not in html
    assert (
        "<dt>Tingkat 2 — Ada data perubahan</dt><dd>Ada data yang menunjukkan perubahan positif"
        in html
    )


def test_tags_link_to_their_pages(outputs):
    pages = _pages(outputs)
    html = pages["inovasi/layanan-induk/index.md"]
    assert '<a class="katalog-tag" href="../../label/antrean/">antrean</a>' in html
    listing = pages["label/antrean/index.md"]
    for case in ("layanan-induk", "replika-anak", "muatan-berbahaya"):
        assert f"../../inovasi/{case}/" in listing
    assert "adaptasi-cucu" not in listing
    index = pages["label/index.md"]
    assert '<a href="../label/antrean/">antrean</a> <span class="katalog-count">3</span>' in index
    assert index.index("antrean") < index.index("puskesmas")  # most used first
    assert "label/" in pages["jelajahi/index.md"]


def test_tag_index_is_paginated(catalog):
    from dataclasses import replace

    from generator.render.base import RenderContext
    from generator.render.browse import render_tags

    many = {f"label-{n:04d}": ("layanan-induk",) for n in range(TAG_INDEX_PAGE_SIZE + 5)}
    pages = {p.src_uri: p.html for p in render_tags(RenderContext(replace(catalog, tags=many)))}
    assert "label/index.md" in pages and "label/halaman/2/index.md" in pages
    assert "label/halaman/3/index.md" not in pages
    assert pages["label/index.md"].count('class="katalog-count"') == TAG_INDEX_PAGE_SIZE


def test_similar_cases_are_listed_and_bounded(outputs, catalog):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"]
    start = html.index('<section class="katalog-related"')
    block = html[start:html.index("</section>", start)]
    assert '<h2 id="inovasi-serupa">Inovasi serupa' in block
    links = re.findall(r'href="\.\./\.\./inovasi/([^/]+)/"', block)
    assert links == list(catalog.by_id["layanan-induk"].related) and 0 < len(links) <= 5
    assert "label antrean, kategori sama" in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block and "<script" not in block


def test_finder_offers_the_ready_facet(outputs):
    html = _pages(outputs)["cari/index.md"]
    assert (
        '<input type="checkbox" name="siap" value="ya"> Siap ditiru <span '
        'class="katalog-facet__count" data-count>1</span>'
        in html
    )


def test_replication_page_states_the_definition(outputs):
    pages = _pages(outputs)
    html = pages["replikasi/index.md"]
    assert (
        "masih berjalan (status berjalan atau uji coba), diperiksa dalam 12 bulan terakhir, "
        "mencantumkan "
        "kontak resmi, dan punya dokumen perangkat replikasi atau prasyarat"
    ) in html
    assert "1 dari 5 inovasi memenuhinya" in html
    assert (
        '<a href="replikasi/siap-direplikasi/"><strong>1</strong> siap direplikasi</a>'
        in pages["index.md"]
    )


def test_built_site_has_the_tag_pages(built_site):
    assert (built_site / "label/antrean/index.html").is_file()
    assert (built_site / "label/index.html").is_file()
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    assert "/label/antrean/" in sitemap
