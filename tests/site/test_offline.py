"""The offline copy (generator/offline.py): a zip that works unpacked over file://."""

from __future__ import annotations

import json
import re
import zipfile

from generator.offline import (
    ROOT,
    ZIP_PATH,
    data_script,
    offline_html,
    rewrite_link,
    write_offline_zip,
)


def test_folder_links_become_index_html_and_others_stay():
    cases = {
        "../inovasi/x/": "../inovasi/x/index.html",
        "./": "./index.html",
        "..": "../index.html",
        "../..": "../../index.html",
        "a/b/#hasil": "a/b/index.html#hasil",
        "../cari/?q=ktp": "../cari/index.html?q=ktp",
        "style.css": "style.css",
        "#hasil": "#hasil",
        "https://contoh.go.id/a/": "https://contoh.go.id/a/",
        "/mutlak/": "/mutlak/",
        "mailto:a@b.id": "mailto:a@b.id",
        "//cdn.example/x/": "//cdn.example/x/",
        "": "",
    }
    assert {k: rewrite_link(k) for k in cases} == cases


def test_offline_html_rewrites_attributes_and_loads_the_shim_first():
    html = (
        '<html><head><meta charset="utf-8"><link href="../../assets/x.css" rel="stylesheet"></head>'
        '<body><a href="../../inovasi/y/#hasil">y</a><form action="../../cari/"></form>'
        '<p>href="teks/" biasa</p></body></html>'
    )
    out = offline_html(html, 2)
    assert out.startswith(
        '<html><head><script src="../../assets/katalog/offline.js"></script><meta'
    )
    assert (
        'href="../../inovasi/y/index.html#hasil"' in out and 'action="../../cari/index.html"' in out
    )
    assert 'href="../../assets/x.css"' in out and '<p>href="teks/" biasa</p>' in out


def test_search_data_becomes_a_script_keyed_by_its_own_address():
    script = data_script(json.dumps({"a": "</script>\u2028"}).encode()).decode()
    assert script.startswith(
        "(window.katalogOffline=window.katalogOffline||{})[document.currentScript.src.replace("
    )
    assert "\u2028" not in script and "fetch" not in script
    payload = script.split("=", 2)[2].rstrip(";\n")
    assert json.loads(payload) == {"a": "</script>\u2028"}


def test_built_site_has_a_deterministic_offline_zip_linked_from_data(built_site, tmp_path):
    target = built_site / ZIP_PATH
    assert target.is_file()
    data_page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="../data/katalog-inovasi-luring.zip"' in data_page
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        assert all(n.startswith(ROOT) for n in names)
        assert {ROOT + "index.html", ROOT + "BACA-SAYA.txt", ROOT + "assets/katalog/offline.js",
                ROOT + "inovasi/layanan-induk/index.html", ROOT + "search/docs.json.js"} <= names
        assert not any(
            n.endswith(("og.png", ".map", ".zip"))
            or n.startswith(ROOT + "search/")
            and n.endswith(".json")
            for n in names
        )
        page = archive.read(ROOT + "inovasi/layanan-induk/index.html").decode()
    folder_links = [
        h
        for h in re.findall(r'(?:href|src|action)="([^"]*)"', page)
        if not re.match(r"^(?:[a-z]+:|//|#)", h)
        and (h.endswith("/") or h.split("#")[0].endswith("/"))
    ]
    assert folder_links == []
    # The online pages are not changed by the offline copy.
    online = (built_site / "inovasi" / "layanan-induk" / "index.html").read_text(encoding="utf-8")
    assert (
        "offline.js" not in online
        and not (built_site / "assets" / "katalog" / "offline.js").exists()
    )
    again = write_offline_zip(built_site)
    assert again.read_bytes() == target.read_bytes()


def test_zip_is_valid_and_the_same_whether_one_or_two_processes_write_it(
    built_site, tmp_path, monkeypatch
):
    from generator.render import parallel

    site = tmp_path / "site"
    import shutil

    shutil.copytree(built_site, site)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)  # never big enough to fork
    serial = write_offline_zip(site).read_bytes()
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    forked = write_offline_zip(site).read_bytes()
    assert serial == forked
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        assert archive.testzip() is None
        info = archive.getinfo(ROOT + "index.html")
        assert (
            info.date_time == (2000, 1, 1, 0, 0, 0) and info.compress_type == zipfile.ZIP_DEFLATED
        )
        assert "offline.js" in archive.read(ROOT + "index.html").decode()
        assert (
            archive.read(ROOT + "BACA-SAYA.txt")
            .decode()
            .startswith("Katalog Inovasi Pelayanan Publik")
        )


def test_zip64_sized_archives_fall_back_to_zipfile():
    from generator.offline import _fits_plain_zip

    assert _fits_plain_zip([("a.html", 0, 10, b"x")])
    assert not _fits_plain_zip([("a.html", 0, 10, b"x")] * 0xFFFF)
    assert not _fits_plain_zip([("a.html", 0, 0x1_0000_0000, b"x")])
