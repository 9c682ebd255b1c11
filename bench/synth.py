"""Synthetic, valid case studies for the benchmarks.

``write_corpus(dest, n)`` writes ``n`` case studies plus a copy of the real taxonomies into
``dest`` (a folder holding ``innovations/`` and ``taxonomies/``), never into ``content/``.
The text is realistic Indonesian, the agencies span all 38 provinces, and the output is
deterministic for a given ``n`` and ``seed``.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
TAXONOMIES = REPO / "content" / "taxonomies"

# A few real kabupaten/kota per province (name, is_city).
REGENCIES: dict[str, list[tuple[str, bool]]] = {
    "aceh": [
        ("Aceh Singkil", False),
        ("Aceh Besar", False),
        ("Banda Aceh", True),
        ("Lhokseumawe", True),
    ],
    "sumatera-utara": [
        ("Deli Serdang", False),
        ("Medan", True),
        ("Toba", False),
        ("Pematangsiantar", True),
    ],
    "sumatera-barat": [
        ("Agam", False),
        ("Padang", True),
        ("Bukittinggi", True),
        ("Tanah Datar", False),
    ],
    "riau": [("Siak", False), ("Pekanbaru", True), ("Bengkalis", False), ("Kampar", False)],
    "kepulauan-riau": [("Batam", True), ("Bintan", False), ("Tanjungpinang", True)],
    "jambi": [("Muaro Jambi", False), ("Jambi", True), ("Kerinci", False)],
    "sumatera-selatan": [
        ("Palembang", True),
        ("Ogan Komering Ilir", False),
        ("Musi Banyuasin", False),
        ("Lubuklinggau", True),
    ],
    "kepulauan-bangka-belitung": [
        ("Pangkalpinang", True),
        ("Belitung", False),
        ("Bangka Barat", False),
    ],
    "bengkulu": [("Bengkulu", True), ("Rejang Lebong", False), ("Mukomuko", False)],
    "lampung": [
        ("Bandar Lampung", True),
        ("Lampung Selatan", False),
        ("Pringsewu", False),
        ("Metro", True),
    ],
    "dki-jakarta": [
        ("Jakarta Selatan", True),
        ("Jakarta Timur", True),
        ("Kepulauan Seribu", False),
    ],
    "jawa-barat": [
        ("Bandung", True),
        ("Bogor", False),
        ("Sumedang", False),
        ("Bekasi", True),
        ("Purwakarta", False),
    ],
    "banten": [("Tangerang", True), ("Serang", False), ("Lebak", False), ("Cilegon", True)],
    "jawa-tengah": [
        ("Sragen", False),
        ("Semarang", True),
        ("Banyumas", False),
        ("Surakarta", True),
        ("Kudus", False),
    ],
    "di-yogyakarta": [
        ("Sleman", False),
        ("Kulon Progo", False),
        ("Yogyakarta", True),
        ("Gunungkidul", False),
    ],
    "jawa-timur": [
        ("Surabaya", True),
        ("Banyuwangi", False),
        ("Malang", True),
        ("Lamongan", False),
        ("Sidoarjo", False),
    ],
    "bali": [("Klungkung", False), ("Buleleng", False), ("Denpasar", True), ("Badung", False)],
    "nusa-tenggara-barat": [("Lombok Timur", False), ("Mataram", True), ("Sumbawa", False)],
    "nusa-tenggara-timur": [
        ("Kupang", True),
        ("Manggarai Barat", False),
        ("Sikka", False),
        ("Sumba Timur", False),
    ],
    "kalimantan-barat": [("Pontianak", True), ("Sambas", False), ("Kubu Raya", False)],
    "kalimantan-tengah": [
        ("Palangka Raya", True),
        ("Kotawaringin Barat", False),
        ("Kapuas", False),
    ],
    "kalimantan-selatan": [("Banjarmasin", True), ("Banjar", False), ("Tabalong", False)],
    "kalimantan-timur": [
        ("Samarinda", True),
        ("Balikpapan", True),
        ("Kutai Kartanegara", False),
        ("Berau", False),
    ],
    "kalimantan-utara": [("Tarakan", True), ("Bulungan", False), ("Nunukan", False)],
    "sulawesi-utara": [("Manado", True), ("Minahasa", False), ("Bitung", True)],
    "gorontalo": [("Gorontalo", True), ("Boalemo", False), ("Pohuwato", False)],
    "sulawesi-tengah": [("Palu", True), ("Banggai", False), ("Poso", False)],
    "sulawesi-barat": [("Mamuju", False), ("Majene", False), ("Polewali Mandar", False)],
    "sulawesi-selatan": [
        ("Makassar", True),
        ("Bantaeng", False),
        ("Gowa", False),
        ("Bulukumba", False),
    ],
    "sulawesi-tenggara": [("Kendari", True), ("Konawe", False), ("Buton", False)],
    "maluku": [("Ambon", True), ("Maluku Tengah", False), ("Seram Bagian Barat", False)],
    "maluku-utara": [("Ternate", True), ("Halmahera Barat", False), ("Tidore Kepulauan", True)],
    "papua": [("Jayapura", True), ("Biak Numfor", False), ("Keerom", False)],
    "papua-barat": [("Teluk Bintuni", False), ("Manokwari", False), ("Fakfak", False)],
    "papua-barat-daya": [("Sorong", True), ("Raja Ampat", False), ("Maybrat", False)],
    "papua-tengah": [("Mimika", False), ("Nabire", False), ("Paniai", False)],
    "papua-pegunungan": [("Jayawijaya", False), ("Lanny Jaya", False), ("Yahukimo", False)],
    "papua-selatan": [("Merauke", False), ("Boven Digoel", False), ("Mappi", False)],
}

# Units (OPD) and the categories they tend to work in.
UNITS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Dinas Kesehatan", "Dinkes", ("kesehatan", "pelayanan-responsif-gender")),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", ("tata-kelola-pemerintahan",)),
    ("Dinas Pendidikan", "Disdik", ("pendidikan",)),
    ("Dinas Sosial", "Dinsos", ("pengentasan-kemiskinan", "pemberdayaan-masyarakat")),
    ("Dinas Lingkungan Hidup", "DLH", ("lingkungan-hidup",)),
    ("Dinas Ketahanan Pangan", "DKP", ("ketahanan-pangan",)),
    ("Dinas Koperasi dan UMKM", "Diskop UMKM", ("ekonomi-dan-lapangan-kerja",)),
    (
        "Dinas Penanaman Modal dan PTSP",
        "DPMPTSP",
        ("tata-kelola-pemerintahan", "ekonomi-dan-lapangan-kerja"),
    ),
    (
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "DP3A",
        ("pelayanan-responsif-gender", "penegakan-hukum"),
    ),
    ("Satuan Polisi Pamong Praja", "Satpol PP", ("penegakan-hukum",)),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", ("pendidikan", "pemberdayaan-masyarakat")),
    ("Rumah Sakit Umum Daerah", "RSUD", ("kesehatan",)),
]

NATIONAL = [
    ("Kementerian Kesehatan", "kementerian", "kesehatan"),
    ("Kementerian Dalam Negeri", "kementerian", "tata-kelola-pemerintahan"),
    ("Kementerian Pendidikan Dasar dan Menengah", "kementerian", "pendidikan"),
    ("Kementerian Sosial", "kementerian", "pengentasan-kemiskinan"),
    ("Badan Nasional Penanggulangan Bencana", "lembaga", "tata-kelola-pemerintahan"),
    ("Badan Pusat Statistik", "lembaga", "tata-kelola-pemerintahan"),
    ("PT Pos Indonesia (Persero)", "bumn", "ekonomi-dan-lapangan-kerja"),
    ("PT PLN (Persero)", "bumn", "lingkungan-hidup"),
]

# Title pieces per category: (what, for whom / where).
SERVICES: dict[str, list[str]] = {
    "kesehatan": [
        "Antrean Daring Puskesmas",
        "Jemput Bola Imunisasi Anak",
        "Posyandu Digital Remaja",
        "Layanan Ambulans Desa",
        "Deteksi Dini Stunting",
        "Rujukan Terpadu Ibu Hamil",
        "Kunjungan Rumah Lansia",
        "Pengendalian Malaria Kampung",
    ],
    "tata-kelola-pemerintahan": [
        "Antar Jemput Dokumen Kependudukan",
        "KTP Elektronik Keliling",
        "Akta Kelahiran di Rumah Sakit",
        "Perizinan Satu Pintu Daring",
        "Pengaduan Warga Lewat WhatsApp",
        "Data Desa Terpadu",
        "Layanan Adminduk Malam Hari",
    ],
    "pendidikan": [
        "Sekolah Filial Anak Binaan",
        "Perpustakaan Keliling Desa",
        "Beasiswa Anak Nelayan",
        "Guru Kunjung Daerah Terpencil",
        "Literasi Digital Pelajar",
        "Kelas Inklusi Ramah Disabilitas",
    ],
    "pengentasan-kemiskinan": [
        "Unit Layanan Terpadu Kemiskinan",
        "Kartu Sehat Warga Miskin",
        "Bedah Rumah Gotong Royong",
        "Basis Data Kemiskinan Tunggal",
        "Sedekah Pangan Keluarga Rentan",
    ],
    "pemberdayaan-masyarakat": [
        "Bank Sampah Kampung",
        "Kader Desa Siaga",
        "Rembuk Warga Digital",
        "Karang Taruna Produktif",
        "Pasar Desa Daring",
    ],
    "lingkungan-hidup": [
        "Tempat Olah Sampah Setempat",
        "Bayar Retribusi dengan Sampah Plastik",
        "Sedekah Sampah Sekolah",
        "Biopori Seribu Rumah",
        "Kompos Pasar Tradisional",
    ],
    "ketahanan-pangan": [
        "Lumbung Pangan Desa",
        "Pekarangan Pangan Lestari",
        "Pasar Murah Keliling",
        "Gerakan Makan Ikan",
        "Informasi Harga Pangan Harian",
    ],
    "ekonomi-dan-lapangan-kerja": [
        "Klinik UMKM Terpadu",
        "Bursa Kerja Daring",
        "Sertifikasi Halal Gratis UMKM",
        "Inkubator Wirausaha Muda",
        "Izin Usaha Mikro Sehari Jadi",
    ],
    "pelayanan-responsif-gender": [
        "Rumah Aman Perempuan dan Anak",
        "Kelas Ibu Hamil Keliling",
        "Pendampingan Korban Kekerasan",
        "Ruang Laktasi Kantor Layanan",
    ],
    "penegakan-hukum": [
        "Sidang Keliling Isbat Nikah",
        "Pos Bantuan Hukum Desa",
        "Patroli Ketertiban Terpadu",
        "Mediasi Sengketa Warga",
    ],
}

ACRONYM_WORDS = [
    "SIGAP",
    "SI-PEDULI",
    "JEMPOL",
    "SAPA",
    "GERCEP",
    "LAKSANA",
    "SEHATI",
    "SIAP",
    "PINTAR",
    "TERPADU",
    "MANTAP",
    "RAMAH",
    "CERIA",
    "SIMPATIK",
    "LANCAR",
    "BERSAHABAT",
    "TANGGAP",
    "SELARAS",
    "PRIMA",
    "AMANAH",
]

TAGS = [
    "layanan-daring",
    "jemput-bola",
    "aplikasi-seluler",
    "whatsapp",
    "kolaborasi",
    "desa",
    "lansia",
    "disabilitas",
    "anak",
    "perempuan",
    "umkm",
    "data-terpadu",
    "kader",
    "sampah",
    "gotong-royong",
    "tanpa-biaya",
    "nelayan",
    "petani",
    "sekolah",
    "puskesmas",
]

INDICATORS = [
    ("Waktu tunggu layanan", "menit", 90, 20),
    ("Jumlah warga terlayani", "orang per tahun", 1200, 5400),
    ("Cakupan kepemilikan dokumen", "persen", 72, 96),
    ("Angka kasus baru", "kasus per 1.000 penduduk", 14, 3),
    ("Biaya yang dikeluarkan warga", "rupiah per layanan", 150000, 0),
    ("Jumlah pengaduan terselesaikan", "persen", 55, 91),
    ("Volume sampah terolah", "ton per bulan", 4, 19),
    ("Peserta aktif", "orang", 80, 640),
]

SDGS_BY_CATEGORY = {
    "kesehatan": [3],
    "tata-kelola-pemerintahan": [16],
    "pendidikan": [4],
    "pengentasan-kemiskinan": [1, 10],
    "pemberdayaan-masyarakat": [11, 17],
    "lingkungan-hidup": [11, 12, 13],
    "ketahanan-pangan": [2],
    "ekonomi-dan-lapangan-kerja": [8],
    "pelayanan-responsif-gender": [5],
    "penegakan-hukum": [16],
}

SENTENCES = {
    "Latar Belakang": [
        "Sebelum inovasi ini dijalankan, warga {where} harus datang berulang kali ke kantor "
        "layanan dan menunggu berjam-jam.",
        "Jarak tempuh yang jauh dan biaya transportasi membuat banyak keluarga menunda mengurus "
        "layanan yang sebenarnya menjadi haknya.",
        "Data yang tersebar di beberapa perangkat daerah membuat petugas sulit memastikan siapa "
        "yang sudah dan belum terlayani.",
        "Keluhan warga tentang {topic} muncul setiap tahun dalam musyawarah perencanaan "
        "pembangunan.",
        "Kelompok rentan seperti lansia, penyandang disabilitas, dan warga di desa terpencil "
        "paling merasakan dampaknya.",
        "Petugas di lapangan juga mencatat bahwa sebagian besar masalah sebenarnya bisa dicegah "
        "bila informasi sampai lebih awal.",
    ],
    "Inovasi": [
        "{unit} merancang {title} sebagai cara baru untuk mendekatkan layanan kepada warga.",
        "Petugas mendatangi warga secara terjadwal, sementara permohonan dapat diajukan lewat "
        "pesan singkat atau aplikasi.",
        "Setiap permohonan dicatat dalam satu basis data sehingga kemajuannya dapat dipantau oleh "
        "warga dan pimpinan.",
        "Kader desa dilatih untuk membantu warga mengisi formulir dan menyiapkan persyaratan "
        "sebelum petugas datang.",
        "Inovasi ini tidak memerlukan gedung baru; yang berubah adalah alur kerja dan pembagian "
        "peran antarpetugas.",
        "Kerja sama dengan puskesmas, sekolah, dan pemerintah desa membuat jangkauan layanan "
        "meluas tanpa menambah pegawai.",
    ],
    "Hasil dan Dampak": [
        "Dalam dua tahun pertama, jumlah warga yang terlayani meningkat tajam menurut laporan "
        "{unit}.",
        "Waktu tunggu layanan turun dan warga tidak lagi perlu meninggalkan pekerjaan seharian "
        "untuk mengurus dokumen.",
        "Angka-angka ini adalah klaim penyelenggara sendiri dan belum dievaluasi oleh pihak "
        "independen.",
        "Survei kepuasan masyarakat yang dilakukan setiap semester menunjukkan penilaian yang "
        "terus membaik.",
        "Pemerintah daerah kemudian menetapkan inovasi ini sebagai program rutin dalam rencana "
        "kerja tahunan.",
    ],
    "Pembelajaran": [
        "Dukungan pimpinan daerah sejak awal menjadi kunci agar anggaran dan petugas tersedia.",
        "Dasar hukum perlu disiapkan sebelum inovasi diperluas, agar petugas tidak ragu "
        "menjalankannya.",
        "Pencatatan data yang rapi sejak hari pertama memudahkan evaluasi dan pelaporan ke "
        "kompetisi inovasi.",
        "Keterlibatan kader dan tokoh masyarakat membuat warga lebih percaya pada layanan baru.",
        "Ketergantungan pada satu orang penggerak adalah risiko; pelatihan petugas pengganti perlu "
        "dijadwalkan.",
    ],
    "Cara Mereplikasi": [
        "Instansi yang ingin mereplikasi dapat memulai dengan uji coba di satu kecamatan selama "
        "tiga bulan.",
        "Siapkan surat keputusan kepala daerah, standar operasional prosedur, dan formulir "
        "pencatatan sederhana.",
        "Libatkan kader desa dan perangkat kecamatan sejak tahap perencanaan.",
        "Hubungi {unit} untuk meminta salinan dokumen dan jadwal kunjungan belajar.",
        "Anggaran awal dapat dibebankan pada belanja operasional rutin tanpa pengadaan baru.",
    ],
}

SECTIONS = ["Latar Belakang", "Inovasi", "Hasil dan Dampak", "Pembelajaran", "Cara Mereplikasi"]


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    type: str
    province: str
    regency: str
    unit: str
    categories: tuple[str, ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def agencies() -> list[Agency]:
    """A few hundred agencies across every province, deterministic."""
    data = yaml.safe_load((TAXONOMIES / "provinces.yml").read_text(encoding="utf-8"))
    labels = {t["id"]: t["label"] for t in data["terms"]}
    out: list[Agency] = []
    k = 0
    for province, regencies in REGENCIES.items():
        for reg, is_city in regencies:
            kind = "Kota" if is_city else "Kabupaten"
            atype = "pemerintah-kota" if is_city else "pemerintah-kabupaten"
            for j in range(3):  # three OPDs per kabupaten/kota, rotating through UNITS
                unit, short, cats = UNITS[(k + j * 4) % len(UNITS)]
                out.append(
                    Agency(f"{unit} {kind} {reg}", atype, province, f"{kind} {reg}", short, cats)
                )
            k += 1
        out.append(Agency(f"Dinas Kesehatan Provinsi {labels[province]}", "pemerintah-provinsi",
                          province, "", "Dinkes", ("kesehatan",)))
    for name, atype, cat in NATIONAL:
        out.append(Agency(name, atype, "", "", "", (cat,)))
    return out


def _levels() -> dict[str, list[str]]:
    data = yaml.safe_load((TAXONOMIES / "awards.yml").read_text(encoding="utf-8"))
    return {t["id"]: [lvl["id"] for lvl in t.get("levels", [])] for t in data["terms"]}


def _paragraphs(section: str, rng: random.Random, ctx: dict[str, str], words: int) -> str:
    pool = SENTENCES[section]
    paras, count = [], 0
    while count < words:
        picked = rng.sample(pool, k=min(3, len(pool)))
        para = " ".join(s.format(**ctx) for s in picked)
        paras.append(para)
        count += len(para.split())
    return "\n\n".join(paras)


def _period(year: int) -> str:
    end = min(year + 2, 2025)
    return str(year) if end == year else f"{year}–{end}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


QUALIFIERS = [
    "",
    "Keliling",
    "Berbasis Aplikasi",
    "untuk Lansia dan Disabilitas",
    "Tingkat Kecamatan",
    "Bersama Kader Desa",
    "Malam Hari",
    "Ramah Anak",
]


def _pick(
    rng: random.Random, pool: list[Agency], used: set[tuple[str, str]]
) -> tuple[Agency, str, str]:
    """An agency and a service it has not used yet, so titles of one agency stay distinct."""
    for qualifier in QUALIFIERS:
        for _ in range(40):
            ag = pool[rng.randrange(len(pool))]
            service = rng.choice(SERVICES[rng.choice(ag.categories)])
            name = f"{service} {qualifier}".strip()
            if (ag.name, name) not in used:
                used.add((ag.name, name))
                category = next(c for c in ag.categories if service in SERVICES[c])
                return ag, category, name
    raise RuntimeError("synthetic title space exhausted")


def render_case(i: int, rng: random.Random, pool: list[Agency], levels: dict[str, list[str]],
                earlier: list[str], used: set[tuple[str, str]]) -> tuple[str, str, str]:
    """Return (id, title, file text) for case number ``i``."""
    ag, category, service = _pick(rng, pool, used)
    acronym = rng.choice(ACRONYM_WORDS)
    where = ag.regency or ag.name
    title = f"{acronym} {service}" + (f" {ag.regency}" if ag.regency else "")
    cid = f"{slugify(acronym)}-{slugify(service)}-{i:05d}"[:80].strip("-")
    year = rng.randint(2014, 2025)
    status = rng.choices(["berjalan", "uji-coba", "vakum", "berhenti"], weights=[70, 12, 10, 8])[0]
    month, day = rng.randint(1, 10), rng.randint(1, 28)
    verified_year = 2026 if rng.random() < 0.85 else 2025
    summary = (
        f"{service} oleh {ag.name} mendekatkan layanan kepada warga {where} dengan petugas yang "
        f"datang langsung, pencatatan terpadu, dan pemantauan yang terbuka sejak {year}."
    )
    lines = ["---", f"id: {cid}", f"title: {_q(title)}"]
    if rng.random() < 0.4:
        lines += ["aliases:", f"  - {_q(acronym + ' ' + ag.unit if ag.unit else acronym)}"]
    lines += [f"summary: {_q(summary)}", "agency:", f"  name: {_q(ag.name)}", f"  type: {ag.type}"]
    if ag.province:
        lines.append(f"  province: {ag.province}")
    if ag.regency:
        lines.append(f"  regency: {_q(ag.regency)}")
    if ag.unit:
        lines.append(f"  unit: {_q(ag.unit)}")
    lines += [f"category: {category}", f"year: {year}", f"status: {status}"]
    if status in ("vakum", "berhenti"):
        lines.append(
            "status_note: "
            f"{_q('Anggaran operasional tidak dilanjutkan setelah pergantian pimpinan daerah.')}"
        )
    lines.append(f"last_verified: {verified_year}-{month:02d}-{day:02d}")
    if rng.random() < 0.35:
        program = rng.choices(["kipp", "unpsa", "iga"], weights=[80, 5, 15])[0]
        ayear = rng.randint(year, 2025)
        if program == "kipp" and ayear == 2024:
            ayear = 2025
        lines += ["awards:", f"  - program: {program}", f"    year: {ayear}",
                  f"    level: {rng.choice(levels[program])}", "    source: 1"]
    ind, unit, base, val = rng.choice(INDICATORS)
    lines += [
        "outcomes:",
        f"  - indicator: {_q(ind)}",
        f"    baseline: {base}",
        f"    value: {val}",
        f"    unit: {_q(unit)}",
        f'    period: "{_period(year)}"',
        f"    evidence_level: {rng.choice([1, 2])}",
        "    source: 1",
        f"  - description: {_q('Warga menyatakan layanan lebih mudah dijangkau dan lebih cepat.')}",
    ]
    sdgs = SDGS_BY_CATEGORY[category]
    lines += ["sdgs:"] + [f"  - {g}" for g in sdgs]
    lines += ["tags:"] + [f"  - {t}" for t in sorted(set(rng.sample(TAGS, k=3)))]
    if earlier and rng.random() < 0.15:
        parent = rng.choice(earlier[-300:])
        lines += [
            "replication:",
            "  replicates:",
            f"    - id: {parent}",
            f"      relation: {rng.choice(['replikasi', 'adaptasi', 'terinspirasi'])}",
            "  requirements: "
            + _q("Surat keputusan kepala daerah, dua petugas terlatih, dan formulir pencatatan."),
            f"  cost: {_q('Sekitar Rp50 juta per tahun dari belanja operasional.')}",
            "  kit:",
            f"    - title: {_q('Standar operasional prosedur')}",
            f"      url: https://jippnas.menpan.go.id/inovasi/{10000 + i}",
        ]
    lines += ["sources:", f"  - title: {_q('Profil inovasi ' + title)}",
              f"    url: https://jippnas.menpan.go.id/inovasi/{10000 + i}",
              f"    publisher: {_q('JIPPNas KemenPANRB')}",
              f"    date: \"{year}-{rng.randint(1, 12):02d}-01\"",
              "---", ""]
    ctx = {"where": where, "unit": ag.unit or ag.name, "title": title, "topic": service.lower()}
    body = []
    for section in SECTIONS:
        body += [f"## {section}", "", _paragraphs(section, rng, ctx, 80), ""]
    return cid, title, "\n".join(lines) + "\n".join(body)


def write_corpus(dest: Path, n: int, seed: int = 20260101) -> list[str]:
    """Write ``n`` valid case studies and the real taxonomies under ``dest``; return the ids."""
    dest = Path(dest).resolve()
    if dest == (REPO / "content").resolve() or (REPO / "content").resolve() in dest.parents:
        raise ValueError("synthetic corpora never go into content/")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(TAXONOMIES, dest / "taxonomies")
    (dest / "innovations").mkdir(parents=True)
    rng = random.Random(seed)
    pool, levels, ids, used = agencies(), _levels(), [], set()
    for i in range(1, n + 1):
        cid, _title, text = render_case(i, rng, pool, levels, ids, used)
        (dest / "innovations" / f"{cid}.md").write_text(text, encoding="utf-8")
        ids.append(cid)
    return ids


def write_body_pages(corpus: Path, docs: Path) -> int:
    """Write each case's title, summary and body as a bare Markdown page (for plain Material)."""
    docs.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((corpus / "innovations").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        (docs / path.name).write_text(
            f"# {meta['title']}\n\n{meta['summary']}\n\n{body}", encoding="utf-8"
        )
        count += 1
    return count


if __name__ == "__main__":  # pragma: no cover - manual use: python -m bench.synth DEST N
    import sys

    write_corpus(Path(sys.argv[1]), int(sys.argv[2]))
