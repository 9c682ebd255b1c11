"""``katalog new <id>``: write a new case-study file from a commented template.

Every value a contributor must supply is the marker ``GANTI``; the validator reports each
remaining marker as a ``placeholder`` error at its line (with the allowed values where a
vocabulary applies), so a half-filled template never passes CI by accident.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import ConfigError
from generator.values import ID_MAX, STALE_PERIOD, is_id

TEMPLATE = """\
---
# Studi kasus baru. Ganti setiap GANTI dengan isi yang benar, lalu jalankan:
#   katalog validate {path}
# Baris yang diawali # adalah penjelasan dan boleh dihapus. Teks boleh memuat <, & dan
# tanda kutip; beri tanda kutip ganda bila teks memuat ": " atau diawali karakter khusus.

# Pengenal tetap: huruf kecil, angka dan tanda hubung; sama dengan nama berkas. Jangan diubah
# setelah terbit.
id: {id}

# Nama inovasi seperti dipakai penyelenggaranya (3–120 karakter).
title: "GANTI nama inovasi"

# Nama lain yang juga dicari orang, mis. kepanjangan akronim. Boleh dihapus.
# aliases:
#   - "Nama lengkap akronim"

# Ringkasan 50–400 karakter: masalahnya, caranya, hasilnya. Tanda > menggabungkan baris-baris di
# bawahnya.
summary: >
  GANTI ringkasan: masalah apa yang diselesaikan, dengan cara apa, dan apa hasilnya
  bagi warga.

agency:
  # Nama resmi instansi, mis. "Pemerintah Kabupaten Banyuwangi".
  name: "GANTI nama instansi"
  # Salah satu: kementerian, lembaga, pemerintah-provinsi, pemerintah-kabupaten,
  # pemerintah-kota, bumn, bumd, lainnya (content/taxonomies/agency_types.yml).
  type: GANTI
  # Id provinsi dari content/taxonomies/provinces.yml, mis. jawa-timur.
  # Wajib untuk pemerintah-provinsi/kabupaten/kota dan bumd; boleh dihapus untuk yang lain.
  province: GANTI
  # Nama kabupaten/kota dan unit pelaksana (OPD). Boleh dihapus.
  # regency: "Kabupaten ..."
  # unit: "Dinas ..."

# Id kategori dari content/taxonomies/categories.yml, mis. kesehatan, pendidikan.
category: GANTI

# Tahun inovasi mulai, tanpa tanda kutip (mis. 2019). Bila tidak diketahui, tahun paling
# awal yang terdokumentasi, dan jelaskan di isi.
year: GANTI

# Id status dari content/taxonomies/statuses.yml: berjalan, uji-coba, direncanakan, vakum
# atau berhenti.
status: GANTI
# Wajib bila status vakum atau berhenti (mengapa?) atau direncanakan (apa rencananya, dan
# siapa yang menyatakannya). Untuk status lain boleh tetap diawali #.
# status_note: "..."

# Tanggal Anda memeriksa keadaan terkini inovasi (status, kontak, angka) terhadap sumbernya
# atau instansinya, format YYYY-MM-DD (mis. 2025-03-01). Jangan diisi untuk sumber yang tidak
# dibaca.
last_verified: GANTI

# Kontak resmi instansi seperti diumumkan instansi itu sendiri (bukan nomor atau surel pribadi);
# minimal satu dari website, email, phone. Boleh dihapus seluruhnya, tetapi tanpa kontak halaman
# ini ditandai "belum siap ditiru" (siap ditiru: status berjalan/uji-coba, diperiksa dalam
# {stale_period}, ada kontak, dan ada kit atau requirements di bawah).
# contact:
#   unit: "Bidang Pelayanan Dinas ..."
#   website: https://...
#   email: layanan@contoh.go.id
#   phone: "(0361) 223344"   # atau +62 361 223344, 0812-3456-7890, 112
#   address: "Jl. ..."

# Id lama bila studi kasus ini pernah berganti id; alamat lamanya dialihkan ke sini. Boleh dihapus.
# former_ids: [id-lama]

# Penghargaan. program: kipp, iga, unpsa, opsi, lainnya; level dari daftar program itu
# di content/taxonomies/awards.yml (kipp: top-99, top-33, top-45, top-15, ...). Hapus bila tidak
# ada.
# awards:
#   - program: kipp
#     year: 2020
#     level: top-99
#     category_original: "Nama kategori KIPP tahun itu, apa adanya"
#     source: 1

# Hasil, minimal satu. Angka: indicator, baseline (boleh dihapus), value, unit, period,
# evidence_level (1–5), source (nomor sumber di bawah, mulai 1). Atau kualitatif: description.
outcomes:
  - indicator: "GANTI apa yang diukur"
    value: GANTI
    unit: "GANTI satuan"
    source: 1
  # - description: "Hasil yang tidak berupa angka."

# Nomor Tujuan Pembangunan Berkelanjutan (1–17) dan targetnya dalam tanda kutip. Boleh dihapus.
# sdgs: [3]
# sdg_targets: ["3.8"]

# Label bebas dalam kebab-case. Boleh dihapus.
# tags: [layanan-digital]

# Replikasi: inovasi yang ditiru (id studi kasus di katalog, atau name + agency), dan
# bahan untuk yang ingin meniru. Boleh dihapus seluruhnya.
# replication:
#   replicates:
#     - id: id-studi-kasus-induk
#       relation: replikasi   # replikasi, adaptasi atau terinspirasi
#   requirements: "Apa yang dibutuhkan untuk mereplikasi."
#   legal_basis: "Peraturan yang menjadi dasar inovasi."
#   cost: "Perkiraan biaya membangun dan menjalankan."
#   kit:
#     - title: "SOP layanan"
#       url: https://...

# Sumber, minimal satu; dirujuk dengan nomor urutnya (1, 2, ...) oleh hasil dan penghargaan.
sources:
  - title: "GANTI judul sumber"
    url: "https://GANTI"
    # publisher: "Penerbit"
    # date: 2024-01-31
    # accessed: 2025-03-01   # tanggal Anda membaca sumber ini
---

## Latar Belakang

GANTI: masalah apa yang dihadapi warga atau instansi sebelum inovasi ini?

## Inovasi

GANTI: apa yang dilakukan, oleh siapa, dan bagaimana cara kerjanya?

## Hasil dan Dampak

GANTI: apa yang berubah? Rujuk angka di `outcomes` dan sumbernya.

## Pembelajaran

GANTI: apa yang berhasil, apa yang sulit, dan apa yang akan dilakukan berbeda?

## Cara Mereplikasi

GANTI: langkah, prasyarat, biaya, dan siapa yang bisa dihubungi.
"""


def render_template(case_id: str, rel_path: str) -> str:
    return TEMPLATE.format(id=case_id, path=rel_path, stale_period=STALE_PERIOD)


def new_case_text(case_id: str | None, content_dir: Path) -> tuple[Path, str]:
    """The target path and template text for ``case_id``; raises ConfigError for a bad id."""
    if not case_id:
        raise ConfigError("tulis id studi kasus baru, mis. `katalog new antrean-puskesmas-online`.")
    if not is_id(case_id) or len(case_id) > ID_MAX:
        raise ConfigError(
            f"id `{case_id}` tidak sah: pakai huruf kecil a–z, angka dan tanda hubung "
            "(kebab-case), paling panjang 80 karakter, mis. `antrean-puskesmas-online`."
        )
    target = Path(content_dir) / "innovations" / f"{case_id}.md"
    return target, render_template(case_id, target.as_posix())


def write_new_case(content_dir: Path, case_id: str | None) -> Path:
    """Write ``innovations/<id>.md`` from the template, never over an existing case."""
    target, text = new_case_text(case_id, content_dir)
    if not Path(content_dir).is_dir():
        raise ConfigError(f"folder konten `{content_dir}` tidak ditemukan (pakai --content DIR).")
    for existing in (target, target.parent / str(case_id) / "index.md"):
        if existing.exists():
            raise ConfigError(f"`{existing}` sudah ada; berkas tidak ditimpa. Pilih id lain.")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise ConfigError(f"`{target}` sudah ada; berkas tidak ditimpa.") from exc
    return target
