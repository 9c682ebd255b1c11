"""Open-data exports: JSON, CSV, per-facet JSON, stats, JSON Schema, Atom feed (the pages that
list and explain them are ``generator.render.data_pages``).

Deterministic by construction: records sorted by id, ``json.dumps(sort_keys=True,
ensure_ascii=False)``, no clock — the feed's dates come from ``last_verified``.
The CSV is UTF-8 *with* a BOM: Excel, which most agency staff open it with, otherwise
misreads Indonesian text; Python reads it with ``encoding="utf-8-sig"``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _quoteattr

from generator.labels import FACET_TITLES, READY_DEFINITION, VERIFIED_MEANING, Labels
from generator.model import Catalog, Edge, Innovation
from generator.output import StaticOutput, case_url, facet_url
from generator.textsafety import xml_safe
from generator.validate.schema import schema_with_vocabularies
from generator.values import STALE_PERIOD


def xml_escape(text: str) -> str:
    """XML text content: escaped, and without characters XML 1.0 cannot carry."""
    return _xml_escape(xml_safe(text))


def quoteattr(text: str) -> str:
    return _quoteattr(xml_safe(text))


# 1.1: contact, former_ids, sources[].accessed, related; ready_to_replicate follows the
# catalogue's one readiness definition (running, verified within 12 months, contact, kit or
# requirements).
SCHEMA_VERSION = "1.1"
FEED_SIZE = 50
LIST_SEP = "; "


def _dumps(value: Any) -> bytes:
    return (json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _edge(edge: Edge, side: str) -> dict[str, str]:
    if side == "child":
        return {"id": edge.child_id, "relation": edge.relation}
    if edge.parent_id:
        return {"id": edge.parent_id, "relation": edge.relation}
    return {"name": edge.parent_name, "agency": edge.parent_agency, "relation": edge.relation}


CONTACT_FIELDS = ("unit", "website", "email", "phone", "address", "note")


def innovation_record(i: Innovation) -> dict[str, Any]:
    """One case as plain data, in the front-matter shape plus computed fields."""
    def drop_empty(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v not in ("", None, [], {})}

    return drop_empty(
        {
            "id": i.id,
            "url": case_url(i.id),
            "title": i.title,
            "aliases": list(i.aliases),
            "summary": i.summary,
            "agency": drop_empty(
                {
                    "name": i.agency.name,
                    "slug": i.agency.slug,
                    "type": i.agency.type,
                    "province": i.agency.province,
                    "regency": i.agency.regency,
                    "unit": i.agency.unit,
                }
            ),
            "category": i.category,
            "year": i.year,
            "status": i.status,
            "status_note": i.status_note,
            "last_verified": i.last_verified.isoformat(),
            "stale": i.stale,
            "awards": [
                drop_empty(
                    {
                        "program": a.program,
                        "year": a.year,
                        "level": a.level,
                        "category_original": a.category_original,
                        "source": a.source,
                    }
                )
                for a in i.awards
            ],
            "outcomes": [
                drop_empty(
                    {
                        "indicator": o.indicator,
                        "baseline": o.baseline,
                        "value": o.value,
                        "unit": o.unit,
                        "period": o.period,
                        "evidence_level": o.evidence_level,
                        "source": o.source,
                        "description": o.description,
                    }
                )
                for o in i.outcomes
            ],
            "sdgs": list(i.sdgs),
            "sdg_targets": list(i.sdg_targets),
            "tags": list(i.tags),
            "replicates": [_edge(e, "parent") for e in i.replicates],
            "replicated_by": [_edge(e, "child") for e in i.replicated_by],
            "adopted_elsewhere": [
                drop_empty(
                    {
                        "name": a.name,
                        "agency": a.agency,
                        "relation": a.relation,
                        "country": a.country,
                        "year": a.year,
                    }
                )
                for a in i.adopted_elsewhere
            ],
            "requirements": i.requirements,
            "legal_basis": i.legal_basis,
            "cost": i.cost,
            "kit": [{"title": k.title, "url": k.url} for k in i.kit],
            "ready_to_replicate": i.ready_to_replicate,
            "contact": drop_empty({name: getattr(i.contact, name) for name in CONTACT_FIELDS}),
            "former_ids": list(i.former_ids),
            "related": list(i.related),
            "sources": [
                drop_empty(
                    {
                        "number": s.number,
                        "title": s.title,
                        "url": s.url,
                        "publisher": s.publisher,
                        "date": s.date,
                        "accessed": s.accessed,
                    }
                )
                for s in i.sources
            ],
            "crosswalk": dict(i.crosswalk),
            "lang": i.lang,
            "title_en": i.title_en,
            "summary_en": i.summary_en,
            "source_path": i.source_path,
        }
    )


# (column, Indonesian explanation) — the CSV header and the data dictionary come from here.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    (
        "id",
        "Pengenal unik studi kasus (kebab-case); juga nama berkasnya dan bagian URL "
        "/inovasi/<id>/.",
    ),
    ("title", "Nama inovasi."),
    ("aliases", "Nama lain atau kepanjangan singkatan, dipisah “; ”."),
    ("summary", "Ringkasan singkat dalam teks biasa."),
    ("agency_name", "Nama instansi penyelenggara."),
    ("agency_slug", "Pengenal instansi di URL /instansi/<slug>/."),
    ("agency_type", "Jenis instansi (id dari kosakata agency_types)."),
    ("province", "Provinsi (id dari kosakata provinces); kosong untuk instansi pusat."),
    ("regency", "Kabupaten/kota, bila ada."),
    ("unit", "Unit atau perangkat daerah yang menjalankan."),
    ("category", "Kategori (id dari kosakata categories)."),
    ("year", "Tahun inovasi dimulai (atau tahun pertama terdokumentasi)."),
    ("status", "Status (id dari kosakata statuses), mis. berjalan atau berhenti."),
    ("status_note", "Catatan status; berisi alasan bila vakum atau berhenti."),
    ("last_verified", f"Tanggal terakhir diperiksa (YYYY-MM-DD): {VERIFIED_MEANING}."),
    ("stale", f"true bila belum diverifikasi lebih dari {STALE_PERIOD}."),
    ("awards", "Penghargaan sebagai program/tingkat/tahun, dipisah “; ”."),
    ("sdgs", "Nomor tujuan SDG, dipisah “; ”."),
    ("sdg_targets", "Target SDG seperti 4.6, dipisah “; ”."),
    ("tags", "Label bebas, dipisah “; ”."),
    ("replicates", "Id inovasi (atau nama, di luar katalog) yang direplikasi, dipisah “; ”."),
    ("replicated_by", "Id inovasi di katalog yang mereplikasinya (dihitung), dipisah “; ”."),
    ("adopted_elsewhere", "Nama adopsi di luar katalog, dipisah “; ”."),
    ("ready_to_replicate", f"true bila siap ditiru: {READY_DEFINITION}."),
    ("requirements", "Prasyarat replikasi."),
    ("legal_basis", "Dasar hukum."),
    ("cost", "Perkiraan biaya."),
    ("kit_urls", "Tautan dokumen perangkat replikasi, dipisah “; ”."),
    ("contact_unit", "Kontak: unit atau jabatan yang dihubungi."),
    ("contact_website", "Kontak: situs web resmi."),
    ("contact_email", "Kontak: surel resmi instansi."),
    (
        "contact_phone",
        "Kontak: telepon resmi seperti ditulis instansi; nomor yang diawali “+” (mis. "
        "+62 361 223344) diberi petik tunggal di depannya, lihat catatan di atas.",
    ),
    ("contact_address", "Kontak: alamat kantor layanan."),
    ("contact_note", "Kontak: catatan, mis. jam layanan."),
    ("former_ids", "Id lama studi kasus ini (alamat lamanya dialihkan), dipisah “; ”."),
    (
        "related",
        "Id hingga lima inovasi serupa (label, kategori atau SDG yang sama; dihitung), dipisah “; "
        "”.",
    ),
    ("outcome_count", "Jumlah hasil yang dicatat (rinciannya di JSON)."),
    ("source_urls", "Tautan sumber, berurutan sesuai nomor sumber, dipisah “; ”."),
    (
        "source_accessed",
        "Tanggal tiap sumber diakses kontributor (YYYY-MM-DD, kosong bila tidak dicatat), "
        "berurutan seperti source_urls, dipisah “; ”.",
    ),
    ("url", "Alamat halaman studi kasus, relatif terhadap akar situs."),
)


def _csv_row(i: Innovation) -> list[str]:
    def join(values: Any) -> str:
        return LIST_SEP.join(str(v) for v in values)

    row = {
        "id": i.id,
        "title": i.title,
        "aliases": join(i.aliases),
        "summary": i.summary,
        "agency_name": i.agency.name,
        "agency_slug": i.agency.slug,
        "agency_type": i.agency.type,
        "province": i.agency.province,
        "regency": i.agency.regency,
        "unit": i.agency.unit,
        "category": i.category,
        "year": str(i.year),
        "status": i.status,
        "status_note": i.status_note,
        "last_verified": i.last_verified.isoformat(),
        "stale": "true" if i.stale else "false",
        "awards": join(f"{a.program}/{a.level}/{a.year}" for a in i.awards),
        "sdgs": join(i.sdgs),
        "sdg_targets": join(i.sdg_targets),
        "tags": join(i.tags),
        "replicates": join(e.parent_id or e.parent_name for e in i.replicates),
        "replicated_by": join(e.child_id for e in i.replicated_by),
        "adopted_elsewhere": join(a.name for a in i.adopted_elsewhere),
        "ready_to_replicate": "true" if i.ready_to_replicate else "false",
        "requirements": i.requirements,
        "legal_basis": i.legal_basis,
        "cost": i.cost,
        "kit_urls": join(k.url for k in i.kit),
        "outcome_count": str(len(i.outcomes)),
        "contact_unit": i.contact.unit,
        "contact_website": i.contact.website,
        "contact_email": i.contact.email,
        "contact_phone": i.contact.phone,
        "contact_address": i.contact.address,
        "contact_note": i.contact.note,
        "former_ids": join(i.former_ids),
        "related": join(i.related),
        "source_urls": join(s.url for s in i.sources),
        "source_accessed": join(s.accessed for s in i.sources),
        "url": case_url(i.id),
    }
    return [row[name] for name, _ in CSV_COLUMNS]


# A spreadsheet reads a cell starting with one of these as a formula (`=HYPERLINK(...)`,
# `@SUM(...)`, `-2+3`): OWASP's "CSV Injection" and ASVS 1.2.10 list = + - @ tab CR and NUL; the
# full-width forms are added because some spreadsheets normalise them to the ASCII ones.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: str) -> str:
    """The cell as a spreadsheet must show it: a leading formula trigger gets a single quote in
    front (OWASP's remedy), which spreadsheets read as "this is text" and do not display."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def export_csv(catalog: Catalog) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for innovation in catalog.innovations:
        writer.writerow([csv_cell(cell) for cell in _csv_row(innovation)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_json(catalog: Catalog) -> bytes:
    return _dumps({
        "schema_version": SCHEMA_VERSION,
        "count": len(catalog.innovations),
        "innovations": [innovation_record(i) for i in catalog.innovations],
    })


def export_facets(catalog: Catalog) -> list[StaticOutput]:
    labels = Labels(catalog)
    outputs = []
    for facet, values in catalog.facets.items():
        outputs.append(StaticOutput(f"data/facets/{facet}.json", _dumps({
            "schema_version": SCHEMA_VERSION,
            "facet": facet,
            "label": FACET_TITLES[facet],
            "values": [{"value": value, "label": labels.facet(facet, value), "count": len(ids),
                        "url": facet_url(facet, value), "ids": list(ids)}
                       for value, ids in values.items()],
        })))
    return outputs


def export_stats(catalog: Catalog) -> bytes:
    innovations = catalog.innovations
    return _dumps({
        "schema_version": SCHEMA_VERSION,
        "innovations": len(innovations),
        "agencies": len(catalog.agencies),
        "replication_edges": len(catalog.edges),
        "adopted_elsewhere": sum(len(i.adopted_elsewhere) for i in innovations),
        "ready_to_replicate": len(catalog.ready_to_replicate),
        "stale": len(catalog.stale),
        "facets": {facet: {value: len(ids) for value, ids in values.items()}
                   for facet, values in catalog.facets.items()},
    })


def export_schema(catalog: Catalog) -> bytes:
    return _dumps(schema_with_vocabularies(catalog.taxonomies))


def export_feed(catalog: Catalog, site_url: str = "") -> bytes:
    """Atom feed of the most recently (re-)verified cases; dates from the data only."""
    entries = sorted(catalog.innovations, key=lambda i: (-i.last_verified.toordinal(), i.id))[
        :FEED_SIZE
    ]
    base = site_url.rstrip("/") + "/" if site_url else ""
    updated = max((i.last_verified for i in catalog.innovations), default=catalog.today)
    feed_id = base + "feed.xml" if base else "urn:katalog-inovasi:feed"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
        "<title>Katalog Inovasi Pelayanan Publik: studi kasus baru dan terverifikasi ulang</title>",
        f"<id>{xml_escape(feed_id)}</id>",
        f"<updated>{updated.isoformat()}T00:00:00Z</updated>",
        f"<link rel=\"self\" href={quoteattr(base + 'feed.xml')}/>",
        f"<link rel=\"alternate\" href={quoteattr(base or './')}/>",
        "<author><name>Kontributor Katalog Inovasi Pelayanan Publik</name></author>",
    ]
    for i in entries:
        href = base + case_url(i.id)
        entry_id = href if base else f"urn:katalog-inovasi:inovasi:{i.id}"
        lines += [
            "<entry>",
            f"<title>{xml_escape(i.title)}</title>",
            f"<id>{xml_escape(entry_id)}</id>",
            f"<link rel=\"alternate\" href={quoteattr(href)}/>",
            f"<updated>{i.last_verified.isoformat()}T00:00:00Z</updated>",
            f"<summary>{xml_escape(i.summary)}</summary>",
            f"<category term={quoteattr(i.category)}/>",
            "</entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def export_files(catalog: Catalog, site_url: str = "") -> list[StaticOutput]:
    """Every open-data file of the site (its HTML pages are ``generator.render.data_pages``)."""
    outputs = [
        StaticOutput("data/innovations.json", export_json(catalog)),
        StaticOutput("data/innovations.csv", export_csv(catalog)),
        StaticOutput("data/stats.json", export_stats(catalog)),
        StaticOutput("schema/innovation.schema.json", export_schema(catalog)),
        StaticOutput("feed.xml", export_feed(catalog, site_url)),
    ]
    outputs.extend(export_facets(catalog))
    return outputs
