"""Every diagnostic code the loader, the validator, the taxonomy and collection readers can
emit: its severity and its meaning. Beside ``diagnostics.py`` so that loading does not depend on
validation.

The severity lives here once; ``CONTRIBUTING.md`` documents each code from this table
(a test keeps them in step).
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Severity
from generator.values import STALE_AFTER_DAYS

# code → (severity, what it means, in Indonesian for contributors)
CODES: dict[str, tuple[Severity, str]] = {
    # reading the file
    "file-unreadable": ("error", "Berkas tidak bisa dibuka (izin akses atau berkas hilang)."),
    "symlink-outside": (
        "error",
        "Tautan simbolik (symlink) yang menunjuk ke luar folder konten; katalog tidak "
        "mengikutinya.",
    ),
    "empty-file": ("error", "Berkas kosong atau hanya berisi spasi."),
    "not-utf8": (
        "error",
        "Berkas tidak disimpan sebagai UTF-8; baris yang disebut memuat byte pertama yang tidak "
        "sah.",
    ),
    "front-matter-missing": (
        "error",
        "Baris pertama bukan `---`, jadi berkas tidak punya front matter YAML.",
    ),
    "front-matter-unclosed": (
        "error",
        "Front matter dibuka dengan `---` tetapi tidak ada `---` penutup.",
    ),
    "front-matter-too-large": (
        "error",
        "Front matter lebih dari 64 KiB; teks panjang tempatnya di isi Markdown.",
    ),
    "front-matter-not-mapping": (
        "error",
        "Front matter kosong atau bukan pasangan `kunci: nilai`.",
    ),
    "yaml-syntax": ("error", "YAML tidak bisa dibaca (indentasi, titik dua, atau tanda kutip)."),
    "yaml-tab": ("error", "Indentasi memakai tab; YAML hanya menerima spasi."),
    "yaml-anchor": ("error", "Jangkar YAML `&nama` tidak diizinkan; tulis nilainya lengkap."),
    "yaml-alias": ("error", "Alias YAML `*nama` tidak diizinkan; tulis nilainya lengkap."),
    "yaml-duplicate-key": ("error", "Kunci yang sama ditulis dua kali di pemetaan yang sama."),
    "yaml-tag": ("error", "Tag YAML (`!...`) tidak diizinkan."),
    "yaml-complex-key": ("error", "Kunci berupa daftar atau pemetaan; kunci harus teks sederhana."),
    "control-character": (
        "error",
        "Teks memuat karakter kontrol, bukan-karakter Unicode (U+FFFE dan sejenisnya), pengatur "
        "arah teks (U+202A–202E, U+2066–2069) atau (di front matter) karakter lebar-nol "
        "(U+200B–200D, U+2060, U+FEFF); baris baru dan tab hanya boleh di teks yang boleh beberapa "
        "baris dan di isi.",
    ),
    # shapes (JSON Schema)
    "missing-key": ("error", "Kunci wajib tidak ada."),
    "unknown-key": (
        "error",
        "Kunci tidak dikenal (sering salah ketik); ada saran kunci yang dimaksud.",
    ),
    "wrong-type": (
        "error",
        "Jenis nilai salah, mis. teks di tempat bilangan, atau `no` tanpa kutip yang dibaca "
        "sebagai false.",
    ),
    "too-short": ("error", "Teks lebih pendek dari batas minimal."),
    "too-long": ("error", "Teks lebih panjang dari batas maksimal."),
    "empty-list": ("error", "Daftar wajib berisi minimal satu butir."),
    "invalid-format": (
        "error",
        "Format nilai salah (id kebab-case, tanggal YYYY-MM-DD, URL http(s), target SDG).",
    ),
    "unknown-value": (
        "error",
        "Nilai tidak ada dalam kosakata (taksonomi); ada saran nilai yang dimaksud.",
    ),
    "out-of-range": (
        "error",
        "Bilangan di luar rentang yang diizinkan (mis. SDG 1–17, tingkat bukti 1–5, tahun ≥ 1990).",
    ),
    "duplicate-item": ("error", "Butir yang sama muncul dua kali dalam daftar (mis. SDG)."),
    "province-required": (
        "error",
        "`agency.province` wajib untuk pemerintah provinsi/kabupaten/kota dan BUMD.",
    ),
    "status-note-required": (
        "error",
        "`status_note` wajib bila status `vakum`, `berhenti` atau `direncanakan`: tulis alasannya "
        "atau rencananya.",
    ),
    "contact-channel-required": (
        "error",
        "`contact` wajib memuat minimal satu saluran: `website`, `email` atau `phone`.",
    ),
    "outcome-source-required": (
        "error",
        "Hasil berupa angka wajib menyebut `source` (nomor sumber).",
    ),
    "outcome-shape": (
        "error",
        "Butir hasil harus angka (`indicator`, `value`, `unit`, `source`) atau kualitatif "
        "(`description`).",
    ),
    "replicates-shape": (
        "error",
        "Butir `replicates` butuh `id` (studi kasus di katalog) atau `name` dan `agency`.",
    ),
    "placeholder": ("error", "Teks templat `GANTI` dari `katalog new` belum diganti."),
    "schema": ("error", "Pelanggaran skema lain; pesan menjelaskan aturannya."),
    # rules beyond shapes
    "id-mismatch": (
        "error",
        "`id` tidak sama dengan nama berkas (atau nama folder untuk `index.md`).",
    ),
    "year-future": ("error", "`year` lebih besar dari tahun ini."),
    "invalid-date": ("error", "Tanggal tidak ada di kalender (mis. 2024-02-30)."),
    "date-future": ("error", "`last_verified` atau `sources[].accessed` ada di masa depan."),
    "stale": (
        "warning",
        f"`last_verified` lebih dari {STALE_AFTER_DAYS} hari yang lalu; periksa ulang datanya.",
    ),
    "award-before-year": ("error", "Tahun penghargaan lebih awal dari tahun mulai inovasi."),
    "source-index": (
        "error",
        "Nomor `source` tidak menunjuk ke butir `sources` yang ada (mulai dari 1).",
    ),
    "sdg-target-outside": ("error", "Target SDG tidak berada di bawah salah satu SDG di `sdgs`."),
    # body
    "unsafe-html": (
        "error",
        "Isi memuat `<script>`, `<iframe>`, `<object>`, `<embed>` atau `<style>`.",
    ),
    "unsafe-attribute": (
        "error",
        "Isi memuat atribut penanganan kejadian HTML (`onclick=` dan sejenisnya).",
    ),
    "unsafe-url": ("error", "Isi memuat tautan `javascript:`, `vbscript:` atau `data:`."),
    "encoded-markup": (
        "error",
        "Isi memuat `<` atau `>` yang ditulis sebagai entitas HTML (`&lt;`, `&#60;`, `&#x3c;`, "
        "`&amp;lt;` …).",
    ),
    "body-too-large": ("error", "Isi Markdown lebih dari 200 KiB."),
    "body-too-complex": (
        "error",
        "Isi memuat terlalu banyak `[` (lebih dari 500) atau kutipan/daftar bersarang terlalu "
        "dalam; membangunnya akan sangat lambat.",
    ),
    "missing-section": ("warning", "Bagian `##` yang dianjurkan tidak ada di isi."),
    "section-order": ("warning", "Bagian `##` yang dianjurkan tidak berurutan."),
    # files beside <id>/index.md (generator/validate/assets.py)
    "asset-type": (
        "error",
        "Berkas di folder studi kasus bukan gambar PNG/JPEG/GIF/WebP atau PDF (SVG ditolak karena "
        "dapat memuat skrip; folder di dalamnya tidak diterbitkan).",
    ),
    "asset-name": (
        "error",
        "Nama berkas gambar atau dokumen memuat huruf besar, spasi atau tanda baca.",
    ),
    "asset-too-large": (
        "error",
        "Gambar lebih dari 2 MiB, PDF lebih dari 10 MiB, atau semua berkas satu studi kasus lebih "
        "dari 20 MiB.",
    ),
    "asset-content": (
        "error",
        "Isi berkas tidak cocok dengan ekstensinya (mis. halaman HTML bernama `.png`).",
    ),
    "asset-link": ("error", "Berkas di folder studi kasus adalah tautan simbolik."),
    # across files
    "duplicate-id": ("error", "Dua berkas memakai `id` yang sama."),
    "replicates-unknown": ("error", "`replication.replicates[].id` tidak ada di katalog."),
    "replicates-self": ("error", "Studi kasus mereplikasi dirinya sendiri."),
    "replicates-duplicate": (
        "error",
        "Induk yang sama ditulis lebih dari sekali di `replication.replicates`.",
    ),
    "former-id-conflict": (
        "error",
        "Id lama (`former_ids`) sama dengan id studi kasus lain, id sendiri, atau id lama studi "
        "kasus lain.",
    ),
    "agency-name-variant": (
        "warning",
        "Nama instansi hanya beda huruf besar/kecil, spasi atau tanda baca dengan nama yang "
        "dipakai studi kasus lain.",
    ),
    "likely-duplicate": ("warning", "Instansi sama dan judul hampir sama dengan studi kasus lain."),
    "ignored-file": (
        "warning",
        "Berkas di `innovations/` yang tidak dibaca (ekstensi bukan `.md`, atau folder tanpa "
        "`index.md`).",
    ),
    "no-innovations": ("warning", "Folder `innovations/` tidak berisi studi kasus."),
    # prose pages and docs/ (generator/validate/pages.py)
    "page-name": (
        "error",
        "Nama berkas di `pages/` tidak bisa menjadi alamat halaman (bukan kebab-case `.md`, atau "
        "nama yang dipakai situs).",
    ),
    "docs-file": (
        "error",
        "Folder `docs/` berisi berkas; folder itu hanya boleh kosong (MkDocs memerlukannya, semua "
        "halaman dibangkitkan dari `content/`).",
    ),
    # collections (generator/collections.py)
    "collection-shape": ("error", "Berkas koleksi bukan pasangan `kunci: nilai`."),
    "collection-empty": ("error", "Koleksi tanpa butir `items`: minimal satu studi kasus."),
    "collection-unknown-id": (
        "error",
        "Butir koleksi menyebut `id` yang tidak ada di katalog (atau id lama).",
    ),
    "collection-duplicate-id": (
        "error",
        "Studi kasus yang sama disebut dua kali dalam satu koleksi.",
    ),
    "collection-file-ignored": (
        "warning",
        "Berkas di `collections/` yang tidak dibaca (ekstensinya bukan `.yml`).",
    ),
    # taxonomies (generator/taxonomy.py)
    "taxonomy-yaml": ("error", "Berkas kosakata tidak bisa dibaca sebagai YAML."),
    "taxonomy-shape": ("error", "Berkas kosakata tidak berisi daftar `terms`."),
    "acronyms-invalid": (
        "error",
        "`taxonomies/acronyms.yml` tidak berbentuk pemetaan akronim → kepanjangan yang sah.",
    ),
    "synonyms-invalid": (
        "error",
        "`taxonomies/synonyms.yml` tidak berbentuk daftar grup sinonim yang sah.",
    ),
    "taxonomy-term": ("error", "Istilah kosakata tanpa `id` atau `label`."),
    "taxonomy-duplicate-id": ("error", "Id yang sama muncul dua kali dalam satu kosakata."),
    "taxonomy-markup": (
        "error",
        "Label, deskripsi atau id kosakata memuat markup HTML (`<`, `>`, entitas seperti `&lt;`).",
    ),
    "taxonomy-missing": ("error", "Kosakata yang dibutuhkan tidak ada di folder taksonomi."),
}


def diagnostic(
    code: str, file: str, line: int, path: str, message: str, hint: str = ""
) -> Diagnostic:
    """A Diagnostic whose severity comes from the code table (unknown codes raise KeyError)."""
    severity, _ = CODES[code]
    return Diagnostic(
        file=file, line=line, path=path, severity=severity, code=code, message=message, hint=hint
    )
