"""Full builds of the fixture catalogue through MkDocs: pages, escaping, determinism, atomicity."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.errors import ConfigError, ContentError
from generator.site import build_site

from .conftest import CONFIG, FIXTURE, PAYLOAD_TITLE, TODAY

PAGE_URLS = [
    "", "tentang/", "perlu-diperbarui/", "jelajahi/", "replikasi/", "instansi/",
    "instansi/pemerintah-kota-contoh/", "data/", "data/kamus-data/",
    "inovasi/layanan-induk/", "inovasi/muatan-berbahaya/", "kategori/kesehatan/",
    "provinsi/jawa-timur/", "tahun/2016/", "penghargaan/kipp/", "penghargaan/kipp/top-40/",
    "penghargaan/unpsa/finalis/", "sdg/3/", "status/berhenti/", "jenis-instansi/kementerian/",
]


class _Texts(HTMLParser):
    """Collect the decoded text of <title>, the header topic and the <h1>."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.texts: dict[str, str] = {"title": "", "h1": "", "topic": ""}
        self.in_topic = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and attributes.get("data-md-component") == "header-topic":
            self.in_topic = 1
        elif self.in_topic and tag == "div":
            self.in_topic += 1
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "div" and self.in_topic:
            self.in_topic -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("title", "h1"):
            self.texts[self.stack[-1]] += data
        if self.in_topic:
            self.texts["topic"] += data


class _Elements(HTMLParser):
    """Every event-handler attribute, inline script text and img source in a document."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self.json_ld: list[str] = []  # data blocks: never run, must parse as JSON
        self.sources: list[tuple[str, str]] = []
        self._in_script = False
        self._is_data = False

    def handle_starttag(self, tag, attrs):
        self.handlers += [(tag, name) for name, _ in attrs if name.lower().startswith("on")]
        self.sources += [(tag, value or "") for name, value in attrs if name == "src"]
        self._in_script = tag == "script"
        self._is_data = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            (self.json_ld if self._is_data else self.scripts).append(data)


def _texts(html: str) -> dict[str, str]:
    parser = _Texts()
    parser.feed(html)
    return {k: " ".join(v.split()) for k, v in parser.texts.items()}


def _all_files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_every_page_type_exists(built_site):
    for url in PAGE_URLS:
        assert (built_site / url / "index.html").is_file(), url
    for path in ("data/innovations.json", "data/innovations.csv", "data/stats.json", "feed.xml",
                 "schema/innovation.schema.json", "sitemap.xml", "replikasi/graf.svg",
                 "assets/stylesheets/katalog.css"):
        assert (built_site / path).is_file(), path


def test_pages_are_indonesian_and_carry_opengraph(built_site):
    for url in PAGE_URLS:
        html = (built_site / url / "index.html").read_text("utf-8")
        assert '<html lang="id"' in html, url
        for prop in ('property="og:title"', 'property="og:description"', 'property="og:type"',
                     'property="og:url"', 'name="twitter:card"'):
            assert prop in html, (url, prop)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert 'class="md-skip"' in html, url  # the skip link needs a first heading


def test_case_pages_stay_out_of_the_navigation(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    nav = html[html.index('data-md-type="navigation"'):html.index('data-md-type="toc"')]
    assert 'href="inovasi/' not in nav and "Layanan Induk" not in nav
    assert "Jelajahi" in nav and "Replikasi" in nav


def test_payload_title_shows_exactly_as_typed(built_site):
    html = (built_site / "inovasi/muatan-berbahaya/index.html").read_text("utf-8")
    texts = _texts(html)
    assert texts["title"] == f"{PAYLOAD_TITLE} - Katalog Inovasi Pelayanan Publik"
    assert texts["h1"] == PAYLOAD_TITLE
    assert PAYLOAD_TITLE in texts["topic"]


def test_no_payload_markup_survives_anywhere(built_site):
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in (".html", ".xml", ".svg"):
            continue
        text = path.read_text("utf-8")
        assert "<script>alert" not in text, path
        elements = _Elements()
        elements.feed(text)
        assert elements.handlers == [], path
        assert not any("alert" in script for script in elements.scripts), path
        for block in elements.json_ld:  # the payload may be there, but only as JSON text
            assert "<" not in block and isinstance(json.loads(block), dict), path
        assert ("img", "x") not in elements.sources, path
    case = (built_site / "inovasi/muatan-berbahaya/index.html").read_text("utf-8")
    assert "{{ 7*7 }}" in case and ">49<" not in case and " 49 " not in case


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build_site(FIXTURE, first, CONFIG, TODAY)
    build_site(FIXTURE, second, CONFIG, TODAY)
    a, b = _all_files(first), _all_files(second)
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def _broken_content(tmp_path: Path) -> Path:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "innovations" / "layanan-induk.md"
    path.write_text(
        path.read_text("utf-8").replace("category: kesehatan", "category: kesehatn"), "utf-8"
    )
    return content


def test_failed_validation_leaves_previous_site_untouched(tmp_path):
    out = tmp_path / "site"
    build_site(FIXTURE, out, CONFIG, TODAY)
    before = _all_files(out)
    with pytest.raises(ContentError):
        build_site(_broken_content(tmp_path), out, CONFIG, TODAY)
    assert _all_files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_failure_mid_build_keeps_previous_site_and_no_temp_folder(tmp_path, monkeypatch):
    import generator.mkdocs_adapter.build as adapter

    out = tmp_path / "site"
    build_site(FIXTURE, out, CONFIG, TODAY)
    before = _all_files(out)
    real_build = adapter.build

    def exploding_build(config_file, content_dir, site_dir, today, catalog=None):
        real_build(config_file, content_dir, site_dir, today, catalog)
        (Path(site_dir) / "index.html").write_text("setengah jadi", "utf-8")
        raise RuntimeError("gagal di tengah jalan")

    monkeypatch.setattr(adapter, "build", exploding_build)
    with pytest.raises(RuntimeError):
        build_site(FIXTURE, out, CONFIG, TODAY)
    assert _all_files(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_missing_config_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        build_site(FIXTURE, tmp_path / "site", tmp_path / "tidak-ada.yml", TODAY)
    assert not (tmp_path / "site").exists()


def test_build_result_summary(tmp_path):
    result = build_site(FIXTURE, tmp_path / "site", CONFIG, TODAY)
    assert result.innovations == 5
    assert "5 studi kasus" in result.summary_lines()[0]


def _config_beside_the_theme(tmp_path: Path, text: str) -> Path:
    """A modified mkdocs.yml in a folder of its own under tmp_path (never in the checkout), with
    the folders the configuration names relative to itself (docs/, overrides/) linked beside it."""
    folder = tmp_path / "repo"
    folder.mkdir()
    for name in ("docs", "overrides"):
        (folder / name).symlink_to(CONFIG.parent / name, target_is_directory=True)
    config = folder / CONFIG.name
    config.write_text(text, "utf-8")
    return config


def test_sitemap_is_dated_by_the_reference_date_not_the_clock(built_site):
    import gzip
    import re
    import struct
    from datetime import UTC, datetime

    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert dates == {TODAY.isoformat()}
    packed = (built_site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == sitemap
    mtime = struct.unpack("<I", packed[4:8])[0]  # RFC 1952: MTIME, bytes 4-7 of the header
    assert datetime.fromtimestamp(mtime, UTC).date() == TODAY


def test_shared_shell_output_is_byte_identical_to_plain_material_rendering(tmp_path):
    """The plugin renders Material's chrome once per page shape (and the sidebar once per
    folder); with that switched off every page goes through Material's templates. Same bytes."""
    config = CONFIG.read_text("utf-8")
    assert "      content_dir: content\n" in config
    plain_config = _config_beside_the_theme(tmp_path, config.replace(
        "      content_dir: content\n", "      content_dir: content\n      shared_shell: false\n"))
    build_site(FIXTURE, tmp_path / "shell", CONFIG, TODAY)
    build_site(FIXTURE, tmp_path / "plain", plain_config, TODAY)
    shell, plain = _all_files(tmp_path / "shell"), _all_files(tmp_path / "plain")
    assert shell.keys() == plain.keys()
    assert [k for k in shell if shell[k] != plain[k]] == []


def test_adapter_reports_content_errors_as_content_error(tmp_path):
    import generator.mkdocs_adapter.build as adapter

    with pytest.raises(ContentError):
        adapter.build(CONFIG, _broken_content(tmp_path), tmp_path / "out", TODAY)


def test_pages_have_no_alternate_links_that_make_material_fetch_the_sitemap(built_site):
    for url in PAGE_URLS:
        html = (built_site / url / "index.html").read_text("utf-8")
        assert 'rel="alternate"' not in html, url


def test_home_links_every_category_with_cases(built_site, catalog):
    html = (built_site / "index.html").read_text("utf-8")
    for category in catalog.facets["category"]:
        assert f'href="kategori/{category}/"' in html, category
        assert (built_site / "kategori" / category / "index.html").is_file()
