"""The facilitator kit on case pages: redirects from former ids, print block with QR code,
share controls, permalinks, JSON-LD and share images (generator/render/kit.py)."""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser

from generator.output import PageOutput, StaticOutput
from generator.render.base import RenderContext, SiteSettings
from generator.render.kit import (
    case_kit,
    json_for_script,
    redirect_page,
    render_redirects,
    with_permalinks,
)
from generator.render.ogimage import HEIGHT, WIDTH, clean, draw_card, share_image

from .conftest import FIXTURE, PAYLOAD_TITLE, TODAY

SITE = "https://contoh.go.id/katalog/"


def _ctx(catalog, site_url=SITE):
    return RenderContext(catalog, SiteSettings(site_url=site_url))


def _pages(outputs):
    return {o.src_uri: o for o in outputs if isinstance(o, PageOutput)}


def _statics(outputs):
    return {o.path: o for o in outputs if isinstance(o, StaticOutput)}


# --------------------------------------------------------------------------- stable links
def test_model_carries_former_ids(tmp_path):
    from generator.pipeline import load_catalog

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    case = content / "innovations" / "layanan-induk.md"
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace(
            "\nid: layanan-induk\n", "\nid: layanan-induk\nformer_ids: [antrean-lama, liapd]\n", 1
        ),
        encoding="utf-8",
    )
    catalog, _ = load_catalog(content, TODAY)
    assert catalog.get("layanan-induk").former_ids == ("antrean-lama", "liapd")
    outputs = {o.path: o.content.decode() for o in render_redirects(_ctx(catalog))}
    assert sorted(outputs) == ["inovasi/antrean-lama/index.html", "inovasi/liapd/index.html"]


def test_redirect_page_refreshes_links_and_names_the_canonical(catalog):
    innovation = replace(catalog.get("layanan-induk"), title=PAYLOAD_TITLE)
    out = redirect_page(_ctx(catalog), "nama-lama", innovation)
    html = out.content.decode()
    assert out.path == "inovasi/nama-lama/index.html"
    assert '<meta http-equiv="refresh" content="0; url=../layanan-induk/">' in html
    assert (
        '<link rel="canonical" href="https://contoh.go.id/katalog/inovasi/layanan-induk/">' in html
    )
    assert '<a href="../layanan-induk/">' in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_redirect_page_without_site_url_uses_the_relative_address(catalog):
    html = redirect_page(
        _ctx(catalog, ""), "nama-lama", catalog.get("layanan-induk")
    ).content.decode()
    assert '<link rel="canonical" href="../layanan-induk/">' in html


# --------------------------------------------------------------------------- case page
def test_case_page_has_print_block_share_controls_and_permalinks(outputs):
    html = _pages(outputs)["inovasi/layanan-induk/index.md"].html
    assert "data-katalog-share" in html and "data-katalog-print" in html
    assert ">Cetak</button>" in html and 'role="status"' in html
    assert 'class="katalog-print-block"' in html
    assert "Terakhir diverifikasi: <time" in html
    assert '<h2 id="hasil">Hasil<a class="katalog-permalink" href="#hasil"' in html
    assert "../../assets/katalog/kit.js" in html


def test_qr_code_and_address_use_the_canonical_url(catalog):
    kit = case_kit(_ctx(catalog), catalog.get("layanan-induk"))
    assert kit.url == "https://contoh.go.id/katalog/inovasi/layanan-induk/"
    assert kit.qr.startswith("<svg ") and "<path" in kit.qr
    assert (
        'aria-label="Kode QR alamat halaman ini: https://contoh.go.id/katalog/inovasi/layanan-induk/"'
        in kit.qr
    )
    assert case_kit(_ctx(catalog, ""), catalog.get("layanan-induk")).qr == ""


def test_permalinks_leave_headings_without_ids_alone_and_keep_the_toc_clean():
    from generator.render.headings import extract_headings

    html = with_permalinks('<h2 id="a">A &amp; B</h2><h2>plain</h2><h3 id="c" class="x">C</h3>')
    assert html.count("katalog-permalink") == 2 and "<h2>plain</h2>" in html
    assert extract_headings(html) == [(2, "a", "A &amp; B"), (3, "c", "C")]


def test_case_page_meta_names_the_share_image(outputs):
    page = _pages(outputs)["inovasi/layanan-induk/index.md"]
    assert page.meta["og:image"] == "og.png"
    assert "inovasi/layanan-induk/og.png" in _statics(outputs)


# --------------------------------------------------------------------------- JSON-LD
class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[str, str]] = []
        self._type = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._type = dict(attrs).get("type", "")
            self.scripts.append((self._type, ""))

    def handle_data(self, data):
        if self._type is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._type = None


def test_json_for_script_cannot_break_out():
    payload = {"t": "</script><script>alert(1)</script><!-- & \u2028"}
    text = str(json_for_script(payload))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == payload


def test_case_json_ld_describes_the_case_and_survives_hostile_titles(catalog):
    hostile = replace(catalog.get("layanan-induk"), title='</script><script>alert(1)</script>',
                      summary='"}, {"@type": "x')
    from generator.render.cases import render_case

    html = render_case(_ctx(catalog), hostile).html
    parser = _Scripts()
    parser.feed(html)
    ld = [text for kind, text in parser.scripts if kind == "application/ld+json"]
    assert len(ld) == 1 and not any(
        kind in ("", "text/javascript") and "alert" in text for kind, text in parser.scripts
    )
    data = json.loads(ld[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["name"] == hostile.title and data["description"] == hostile.summary
    assert data["about"]["@type"] == "GovernmentService"
    assert data["about"]["provider"]["name"] == hostile.agency.name
    assert data["url"] == "https://contoh.go.id/katalog/inovasi/layanan-induk/"
    assert data["image"] == data["url"] + "og.png"
    assert data["dateModified"] == hostile.last_verified.isoformat()


# --------------------------------------------------------------------------- share image
def test_share_image_is_1200_by_630_png():
    from PIL import Image

    png = draw_card(PAYLOAD_TITLE * 5, "Dinas\u202e Contoh\x00", "Kesehatan", "Berjalan", "Katalog")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)


def test_share_image_text_is_cleaned_of_invisible_characters():
    assert clean("A\u202eB\x00C\nD\u200b E") == "A B C D E"


def test_share_images_are_cached_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("KATALOG_CACHE_DIR", str(tmp_path))
    first = share_image("Judul", "Instansi", "Kesehatan", "Berjalan", "Katalog")
    stored = list(tmp_path.rglob("*.png"))
    assert len(stored) == 1 and stored[0].read_bytes() == first
    stored[0].write_bytes(b"cached")  # a second call reads the cache, does not draw
    assert share_image("Judul", "Instansi", "Kesehatan", "Berjalan", "Katalog") == b"cached"
    assert share_image("Judul lain", "Instansi", "Kesehatan", "Berjalan", "Katalog") != b"cached"


# --------------------------------------------------------------------------- built site
def test_built_case_page_carries_share_meta(built_site):
    html = (built_site / "inovasi" / "layanan-induk" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<meta property="og:image" content="[^"]*/inovasi/layanan-induk/og\.png">', html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert (built_site / "inovasi" / "layanan-induk" / "og.png").read_bytes()[
        :8
    ] == b"\x89PNG\r\n\x1a\n"
    assert (built_site / "assets" / "katalog" / "kit.js").is_file()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="twitter:card" content="summary">' in home and "og:image" not in home


def test_payload_never_reaches_share_meta_raw(built_site):
    for page in (built_site / "inovasi").glob("*/index.html"):
        for tag in re.findall(
            r"<meta [^>]*(?:og:image|twitter:)[^>]*>", page.read_text(encoding="utf-8")
        ):
            assert "<script" not in tag[1:], (page, tag)


# --------------------------------------------------------------------------- collections
def _with_collection(catalog, note=PAYLOAD_TITLE):
    from generator.collections import Collection, CollectionItem

    collection = Collection(
        id="uji",
        title=PAYLOAD_TITLE,
        description="Deskripsi <b>tebal</b>",
        items=(CollectionItem("layanan-induk", note), CollectionItem("replika-anak")),
        audience="Bagian Organisasi",
        date="2026-05-01",
        source_path="collections/uji.yml",
    )
    return replace(catalog, collections=(collection,))


def test_collection_pages_list_cards_with_notes_and_a_handout(catalog):
    from generator.render.collections import render_collections

    pages = {p.src_uri: p for p in render_collections(_ctx(_with_collection(catalog)))}
    assert sorted(pages) == [
        "koleksi/index.md",
        "koleksi/uji/cetak/index.md",
        "koleksi/uji/index.md",
    ]
    index = pages["koleksi/index.md"].html
    assert 'href="../koleksi/uji/"' in index and "2 studi kasus" in index
    page = pages["koleksi/uji/index.md"].html
    assert (
        'href="../../koleksi/uji/cetak/"' in page and 'href="../../inovasi/layanan-induk/"' in page
    )
    assert "Mengapa dipilih:" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<b>tebal</b>" not in page
    handout = pages["koleksi/uji/cetak/index.md"].html
    assert handout.count('class="katalog-handout-case"') == 2
    assert handout.count("<svg ") == 2  # a QR code for every case
    assert "https://contoh.go.id/katalog/inovasi/replika-anak/" in handout
    assert handout.count("Terakhir diverifikasi") == 2
    assert 'class="katalog-handout-cover"' in handout and 'href="#kasus-replika-anak"' in handout


def test_collection_index_exists_without_collections(outputs):
    assert "Belum ada koleksi." in _pages(outputs)["koleksi/index.md"].html
