"""The open-data pages: ``/data/`` (what to download) and ``/data/kamus-data/`` (what every
field and column means). The files themselves are written by ``generator.exports``."""

from __future__ import annotations

from generator.exports import CSV_COLUMNS, FEED_SIZE, SCHEMA_VERSION
from generator.labels import READY_DEFINITION, VERIFIED_MEANING
from generator.output import PageOutput
from generator.render.base import RenderContext
from generator.values import STALE_PERIOD

JSON_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("schema_version", "teks", "Versi format berkas ini; berubah bila medan diubah atau dihapus."),
    ("count", "bilangan", "Jumlah studi kasus."),
    ("innovations[]", "daftar", "Satu objek per studi kasus, urut menurut id."),
    ("id, title, aliases, summary", "teks", "Sama dengan front matter berkas studi kasus."),
    ("url", "teks", "Alamat halaman, relatif terhadap akar situs."),
    (
        "agency",
        "objek",
        "name, slug (pengenal di /instansi/<slug>/), type, province, regency, unit.",
    ),
    (
        "category, year, status, status_note",
        "teks/bilangan",
        "Kategori, tahun mulai, status dan alasannya.",
    ),
    ("last_verified", "tanggal", f"Tanggal terakhir diperiksa (YYYY-MM-DD): {VERIFIED_MEANING}."),
    (
        "stale",
        "boolean",
        f"true bila belum diverifikasi lebih dari {STALE_PERIOD} pada tanggal acuan.",
    ),
    (
        "awards[]",
        "daftar",
        "program, year, level, category_original (label kategori asli kompetisi), source.",
    ),
    (
        "outcomes[]",
        "daftar",
        "Hasil terukur (indicator, baseline, value, unit, period, evidence_level 1–5, "
        "source) atau kualitatif (description, source).",
    ),
    ("sdgs, sdg_targets", "daftar", "Nomor tujuan SDG dan targetnya."),
    ("tags", "daftar", "Label bebas."),
    (
        "replicates[]",
        "daftar",
        "Yang ditiru: {id, relation} di katalog atau {name, agency, relation} di luar.",
    ),
    ("replicated_by[]", "daftar", "Dihitung: {id, relation} inovasi di katalog yang menirunya."),
    (
        "adopted_elsewhere[]",
        "daftar",
        "Adopsi di luar katalog: name, agency, relation, country, year.",
    ),
    ("requirements, legal_basis, cost", "teks", "Prasyarat, dasar hukum, biaya replikasi."),
    ("kit[]", "daftar", "Dokumen perangkat replikasi: title, url."),
    (
        "ready_to_replicate",
        "boolean",
        f"Dihitung: true bila siap ditiru, yaitu {READY_DEFINITION} "
        "(pada tanggal acuan pembuatan situs).",
    ),
    ("contact", "objek", "Saluran resmi instansi: unit, website, email, phone, address, note."),
    (
        "former_ids",
        "daftar",
        "Id lama studi kasus ini; alamat /inovasi/<id lama>/ dialihkan ke halamannya.",
    ),
    (
        "related",
        "daftar",
        "Dihitung: id hingga lima inovasi serupa (label, target SDG, kategori atau SDG yang sama).",
    ),
    (
        "sources[]",
        "daftar",
        "Sumber bernomor: number, title, url, publisher, date (tanggal terbit), "
        "accessed (tanggal dibaca kontributor).",
    ),
    ("crosswalk", "objek", "Id di sistem lain: jippnas, sinovik, unpsa, opsi, iid."),
    ("lang, title_en, summary_en", "teks", "Bahasa berkas dan terjemahan opsional."),
    ("source_path", "teks", "Lokasi berkas sumber di repositori."),
)

OTHER_FILES = (
    (
        "data/facets/<aspek>.json",
        "Untuk tiap aspek (category, province, year, status, award, sdg, "
        "agency_type): nilai, label, jumlah, URL halaman, dan id studi kasus.",
    ),
    (
        "data/stats.json",
        "Angka ringkas: jumlah studi kasus, instansi, hubungan replikasi, dan jumlah per aspek.",
    ),
    (
        "schema/innovation.schema.json",
        "JSON Schema front matter studi kasus, dengan kosakata terkini.",
    ),
    ("feed.xml", f"Umpan Atom {FEED_SIZE} studi kasus yang paling baru diverifikasi."),
    ("sitemap.xml", "Peta situs untuk mesin pencari."),
)


def render_data_pages(ctx: RenderContext) -> list[PageOutput]:
    files = [
        ("data/innovations.json", "innovations.json", "semua studi kasus dalam JSON"),
        ("data/innovations.csv", "innovations.csv", "satu baris per studi kasus (UTF-8 dengan BOM, "
                                                    "daftar dipisah “; ”)"),
        ("data/stats.json", "stats.json", "angka ringkas"),
        ("schema/innovation.schema.json", "innovation.schema.json", "JSON Schema front matter"),
        ("feed.xml", "feed.xml", "umpan Atom studi kasus baru dan terverifikasi ulang"),
    ]
    facet_files = [(f, f"data/facets/{f}.json") for f in ctx.catalog.facets]
    return [
        ctx.page(
            "data/index.md",
            "data.html",
            "Data terbuka",
            "Unduh data terbuka Katalog Inovasi Pelayanan Publik dalam JSON dan CSV.",
            files=files,
            facet_files=facet_files,
        ),
        ctx.page(
            "data/kamus-data/index.md",
            "dictionary.html",
            "Kamus data",
            "Arti setiap medan dan kolom data terbuka Katalog Inovasi Pelayanan Publik.",
            schema_version=SCHEMA_VERSION,
            json_fields=JSON_FIELDS,
            csv_columns=CSV_COLUMNS,
            csv_note="UTF-8 dengan BOM agar terbaca benar di Excel; pemisah koma; daftar "
            "dalam satu sel dipisah “; ”; akhir baris CRLF. Sel yang diawali “=”, “+”, "
            "“-”, “@”, tab atau CR (juga bentuk lebar penuhnya) diberi tanda petik "
            "tunggal “'” di depannya, agar program lembar kerja membacanya sebagai "
            "teks, bukan rumus (anjuran OWASP tentang CSV injection). Excel dan "
            "LibreOffice tidak menampilkan petik itu; program lain menampilkannya, "
            "jadi hapus satu petik di awal sel bila Anda membaca CSV dengan program. "
            "JSON memuat teks persis seperti yang ditulis.",
            other_files=OTHER_FILES,
        ),
    ]
