"""The ``katalog new`` template: every GANTI is reported where it is; filled in, it is valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loading import parse_document
from generator.scaffold import render_template
from generator.taxonomy import load_taxonomies
from generator.validate import validate_documents
from tests.conftest import TODAY
from tests.validator.conftest import TAXONOMIES

FILLED = {
    '"GANTI nama inovasi"': '"Antrean Puskesmas Daring"',
    "GANTI ringkasan:": "Ringkasan:",
    '"GANTI nama instansi"': '"Pemerintah Kota Contoh"',
    "type: GANTI": "type: pemerintah-kota",
    "province: GANTI": "province: jawa-timur",
    "category: GANTI": "category: kesehatan",
    "year: GANTI": "year: 2019",
    "status: GANTI": "status: berjalan",
    "last_verified: GANTI": "last_verified: 2026-06-01",
    '"GANTI apa yang diukur"': '"Waktu tunggu"',
    "value: GANTI": "value: 35",
    '"GANTI satuan"': '"menit"',
    '"GANTI judul sumber"': '"Berita daerah"',
    '"https://GANTI"': "https://contoh.go.id/berita",
    "GANTI:": "Uraian:",
}


def _validate(text: str):
    doc, problems = parse_document(
        text.encode("utf-8"), "innovations/antrean-baru.md", "antrean-baru"
    )
    assert doc is not None and problems == []
    taxonomies, _ = load_taxonomies(TAXONOMIES)
    return doc, validate_documents([doc], taxonomies, TODAY)


def test_template_reports_each_marker_at_its_line() -> None:
    text = render_template("antrean-baru", "content/innovations/antrean-baru.md")
    doc, found = _validate(text)
    assert {d.code for d in found} == {"placeholder"}
    lines = text.split("\n")
    for d in found:
        # the key's line, or the next one for a folded (`>`) block
        assert "GANTI" in lines[d.line - 1] or "GANTI" in lines[d.line], d
    marked = sum(1 for line in lines if "GANTI" in line and not line.lstrip().startswith("#"))
    assert len(found) == marked


def test_template_filled_in_is_valid() -> None:
    text = render_template("antrean-baru", "content/innovations/antrean-baru.md")
    for old, new in FILLED.items():
        text = text.replace(old, new)
    assert not [
        line for line in text.split("\n") if "GANTI" in line and not line.lstrip().startswith("#")
    ]
    _, found = _validate(text)
    assert found == []


def test_template_explains_every_top_level_key() -> None:
    from generator.validate.schema import load_static_schema

    text = render_template("antrean-baru", "x.md")
    for key in load_static_schema()["properties"]:
        if key in ("title_en", "summary_en", "lang", "crosswalk"):
            continue
        assert f"{key}:" in text, key


def test_write_new_case_creates_the_innovations_folder(tmp_path: Path) -> None:
    from generator.errors import ConfigError
    from generator.scaffold import write_new_case

    assert write_new_case(tmp_path, "kasus-baru") == tmp_path / "innovations" / "kasus-baru.md"
    assert (tmp_path / "innovations" / "kasus-baru.md").is_file()
    with pytest.raises(ConfigError, match="sudah ada"):
        write_new_case(tmp_path, "kasus-baru")
    (tmp_path / "innovations" / "folder-form").mkdir()
    (tmp_path / "innovations" / "folder-form" / "index.md").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="sudah ada"):
        write_new_case(tmp_path, "folder-form")
