"""The fixture catalogue builds exactly as tests/golden records, file by file.

A difference fails with a unified diff of the first few changed text files (and the hash of
changed binary files); if the change is intended, ``make golden`` rewrites tests/golden.
"""

from __future__ import annotations

from tests.golden import build, compare, read_manifest


def test_the_fixture_site_builds_as_the_golden_build(tmp_path):
    report = compare(build(tmp_path / "site"))
    assert not report, "\n" + report


def test_the_golden_build_covers_every_kind_of_output():
    paths = read_manifest().keys()
    for expected in (
        "index.html",
        "inovasi/muatan-berbahaya/index.html",
        "data/innovations.json",
        "data/innovations.csv",
        "feed.xml",
        "sitemap.xml",
        "sitemap.xml.gz",
        "replikasi/graf.svg",
        "inovasi/layanan-induk/og.png",
        "data/katalog-inovasi-luring.zip",
        "search/index-0.json",
    ):
        assert expected in paths, expected
    assert any(p.startswith("data/katalog-inovasi-luring.zip!") for p in paths)
