"""A blind validator check: contributor-style files written from CONTENT-MODEL.md alone.

A helper who had not read the validator wrote these cases and their expected exit codes,
lines and paths before running them (159 cases; all matched). ``cases`` maps a case name to
(files, expectation); ``write(root)`` lays them out as one content folder per case. Most
folders have no taxonomies/, so the project's own vocabularies are used, as for the
maintainer's hidden corpus.
"""

import glob
import os
from pathlib import Path

from tests.conftest import ROOT as REPO


def base(id_="sipandu-sragen"):
    return [
        "---",  # 1
        f"id: {id_}",  # 2
        'title: "Sistem Pelayanan Terpadu Desa Sragen"',  # 3
        'summary: "Sistem pelayanan perizinan terpadu satu pintu di Kabupaten Sragen yang '
        'memangkas waktu layanan izin dari empat belas hari menjadi tiga hari."',  # 4
        "agency:",  # 5
        "  name: Pemerintah Kabupaten Sragen",  # 6
        "  type: pemerintah-kabupaten",  # 7
        "  province: jawa-tengah",  # 8
        "  regency: Kabupaten Sragen",  # 9
        "category: tata-kelola-pemerintahan",  # 10
        "year: 2019",  # 11
        "status: berjalan",  # 12
        "last_verified: 2026-10-01",  # 13
        "outcomes:",  # 14
        '  - indicator: "Waktu layanan izin"',  # 15
        "    baseline: 14",  # 16
        "    value: 3",  # 17
        "    unit: hari",  # 18
        "    source: 1",  # 19
        "sources:",  # 20
        '  - title: "Laporan KIPP 2019"',  # 21
        "    url: https://example.go.id/laporan",  # 22
        "    publisher: KemenPANRB",  # 23
        '  - title: "Berita Sragen"',  # 24
        "    url: https://news.example.com/sragen",  # 25
        "---",  # 26
        "",
        "## Latar Belakang",
        "",
        "Sebelum 2019, warga harus mendatangi banyak kantor untuk satu izin [1].",
        "",
        "## Inovasi",
        "",
        "Semua izin dilayani di satu loket [1].",  # BODY_INOVASI
        "",
        "## Hasil dan Dampak",
        "",
        "Waktu layanan turun dari 14 hari menjadi 3 hari [1].",
        "",
        "## Pembelajaran",
        "",
        "Komitmen pimpinan daerah menentukan [2].",
        "",
        "## Cara Mereplikasi",
        "",
        "1. Bentuk tim lintas OPD.",
        "",
    ]

def ln(lines, sub, start=1):
    for i, line in enumerate(lines, 1):
        if i >= start and sub in line:
            return i
    raise KeyError(sub)

def rep(lines, old, new):
    i = ln(lines, old) - 1
    if isinstance(new, list):
        lines[i:i+1] = new
    elif new is None:
        del lines[i]
    else:
        lines[i] = new
    return lines

def ins_after(lines, old, new):
    i = ln(lines, old)
    lines[i:i] = new if isinstance(new, list) else [new]
    return lines

# name -> dict(files={relpath: bytes}, exit=, expect=[{"lines":[..], "paths":[..]}], note=)
cases = {}


def add(name, files, exit_, lines_=None, paths=None, note="", any_path=False):
    enc = {}
    for rel, content in files.items():
        if isinstance(content, list):
            content = "\n".join(content)
        if isinstance(content, str):
            content = content.encode("utf-8")
        enc[rel] = content
    exp = {"exit": exit_, "note": note}
    if exit_ == 1:
        exp["lines"] = lines_ if isinstance(lines_, list) else [lines_]
        exp["paths"] = paths if isinstance(paths, list) else [paths]
        exp["any_path"] = any_path
    cases[name] = (enc, exp)

def one(name, lines, exit_, line=None, p=None, note="", id_="sipandu-sragen", any_path=False):
    add(name, {f"{id_}.md": lines}, exit_, line, p, note, any_path)

B = base
# ---------- valid ----------
one("valid-base", B(), 0)
one("valid-crlf-bom", None or B(), 0)  # replaced below with bytes
cases["valid-crlf-bom"][0]["sipandu-sragen.md"] = b"\xef\xbb\xbf" + "\r\n".join(B()).encode()
one(
    "valid-http-source",
    rep(B(), "url: https://news.example.com/sragen", "    url: http://news.example.com/sragen"),
    0,
)
one(
    "valid-smart-quotes-plain",
    rep(B(), "title:", "title: “SIPANDU” Sistem Pelayanan Terpadu Desa"),
    0,
    note="smart quotes are ordinary characters in a plain scalar",
)
one(
    "valid-special-chars-plain-text",
    rep(
        rep(B(), "title:", "title: 'Ibu & Anak <Sehat> \"Bersama\" {{ warga }}'"),
        "summary:",
        "summary: \"Layanan <b>terpadu</b> & cepat: ibu hamil 'risiko tinggi' dipantau bidan desa; "
        "angka < 5 % & > 2 %, {{ template }} tetap teks biasa.\"",
    ),
    0,
    note="< & quotes {{ }} in plain-text fields must be valid",
)
long_title = ("Sistem Informasi Pelayanan Administrasi Kependudukan Terpadu Berbasis Desa untuk "
              "Warga Kabupaten Sragen Jawa Tengah")
long_title = (long_title + " " * 200)[:120].rstrip()
long_title = long_title + "X" * (120 - len(long_title))
assert len(long_title) == 120
one("valid-title-120", rep(B(), "title:", f'title: "{long_title}"'), 0)
one(
    "valid-unicode",
    rep(
        rep(B(), "title:", 'title: "Gerakan Ibu Cerdas — Kesehatan Anak ✓ Aceh Singkil ñ"'),
        "  name:",
        "  name: Dinas Kesehatan Kab. Aceh Singkil — Bidang P2P",
    ),
    0,
)
one(
    "valid-aliases-special",
    ins_after(
        B(),
        "title:",
        [
            "aliases:",
            "  - \"SI-PANDU: Sistem #1 & 'Terpadu'\"",
            "  - 'Layanan \"Satu Pintu\" <Desa>'",
            "  - Sipandu (nama lama) – 2019/2020",
        ],
    ),
    0,
)
one(
    "valid-last-verified-quoted",
    rep(B(), "last_verified:", 'last_verified: "2026-10-01"'),
    0,
    note="quoted ISO date string",
)
one(
    "valid-stale-warning-only",
    rep(B(), "last_verified:", "last_verified: 2025-01-01"),
    0,
    note="stale is a warning",
)
one(
    "valid-no-sections",
    B()[:27] + ["Isi singkat tanpa judul bagian [1].", ""],
    0,
    note="missing sections are warnings",
)
one(
    "valid-kementerian-no-province",
    rep(rep(B(), "  type:", "  type: kementerian"), "  province:", None),
    0,
)
one(
    "valid-qualitative-outcome-no-source",
    rep(B(), "  - indicator:", ['  - description: "Warga tidak lagi bolak-balik antar kantor."'])[
        :15
    ]
    + B()[19:],
    0,
)
# folder form
add("valid-folder-form", {"sipandu-sragen/index.md": B()}, 0)
# full, with two files for replicates
full = (
    B("sipandu-sragen")[:1]
    + [
        "id: sipandu-sragen",
        'title: "SIPANDU: Sistem Pelayanan Terpadu"',
        "aliases:",
        "  - Sistem Pelayanan Terpadu",
        "summary: >",
        "  Sistem pelayanan perizinan terpadu satu pintu di Kabupaten Sragen yang memangkas",
        "  waktu layanan izin dari empat belas hari menjadi tiga hari.",
        "agency:",
        "  name: Pemerintah Kabupaten Sragen",
        "  type: pemerintah-kabupaten",
        "  province: jawa-tengah",
        "  regency: Kabupaten Sragen",
        "  unit: Badan Pelayanan Terpadu",
        "category: tata-kelola-pemerintahan",
        "year: 2019",
        "status: vakum",
        'status_note: "Anggaran dialihkan pada 2023; layanan kembali ke loket dinas."',
        "last_verified: 2026-10-01",
        "awards:",
        "  - program: kipp",
        "    year: 2020",
        "    level: top-99",
        '    category_original: "Kelompok Pemerintah Kabupaten"',
        "    source: 1",
        "  - program: unpsa",
        "    year: 2021",
        "    level: honorable-mention",
        "outcomes:",
        '  - indicator: "Waktu layanan izin"',
        "    baseline: 14",
        "    value: 2.5",
        "    unit: hari",
        '    period: "2019–2021"',
        "    evidence_level: 2",
        "    source: 2",
        '  - description: "Warga tidak lagi bolak-balik."',
        "sdgs: [16, 11]",
        'sdg_targets: ["16.6", "11.3", "16.b"]',
        "tags:",
        "  - layanan-terpadu",
        "  - perizinan",
        "replication:",
        "  replicates:",
        "    - id: upt-induk",
        "      relation: replikasi",
        "    - name: Mal Pelayanan Publik",
        "      agency: Kota Surabaya",
        "      relation: terinspirasi",
        "  adopted_elsewhere:",
        "    - name: SIPANDU Timor-Leste",
        "      agency: Municipality of Dili",
        "      relation: adaptasi",
        "      country: Timor-Leste",
        "      year: 2022",
        "  requirements: Server dan petugas loket.",
        "  legal_basis: Perbup Sragen No. 5 Tahun 2019",
        '  cost: "Rp 500 juta per tahun"',
        "  kit:",
        "    - title: SOP Loket",
        "      url: https://example.go.id/sop.pdf",
        "sources:",
        '  - title: "Laporan KIPP 2020"',
        "    url: https://example.go.id/laporan",
        "    publisher: KemenPANRB",
        '    date: "2020-07-18"',
        "  - title: Berita",
        "    url: https://news.example.com/sragen",
        "    date: 2021-01-05",
        "crosswalk:",
        '  jippnas: "01234"',
        '  sinovik: "2020-123"',
        "lang: id",
        "title_en: Integrated Service System",
        "summary_en: One-stop permit service in Sragen that cut permit time from fourteen days to "
        "three.",
        "---",
    ]
    + B()[26:]
)
add("valid-full-two-files", {"sipandu-sragen.md": full, "upt-induk.md": B("upt-induk")}, 0)

# ---------- encoding / structure ----------
add("empty-file", {"sipandu-sragen.md": b""}, 1, 1, "")
add("whitespace-only", {"sipandu-sragen.md": b"\n\n   \n"}, 1, 1, "")
one("no-front-matter", ["# SIPANDU", "", "Tidak ada front matter."], 1, 1, "")
one("front-matter-unclosed", B()[:25] + ["", "## Latar Belakang", "", "Isi."], 1, 1, "")
lat = (
    "\n".join(rep(B(), "  name:", "  name: Pemerintah Kabupaten Sragen (Café Desa)"))
    .encode("utf-8")
    .replace(
        "Caf\xc3\xa9".encode("latin-1").decode("latin-1").encode("latin-1")
        if False
        else "Café".encode(),
        "Café".encode("latin-1"),
    )
)
add(
    "latin1-file",
    {"sipandu-sragen.md": lat},
    1,
    [6],
    "",
    note="byte 0xE9 on line 6 (CONTRIBUTING says line of first bad byte)",
)
bigfm = B()
bigfm = ins_after(
    bigfm,
    "title:",
    ["aliases:"]
    + [
        f"  - Nama lain nomor {i} dengan teks panjang untuk mengisi front matter"
        for i in range(1300)
    ],
)
add("front-matter-over-64k", {"sipandu-sragen.md": bigfm}, 1, [1], "", note="front matter > 64 KiB")
one(
    "tab-indent",
    rep(B(), "  type:", "\ttype: pemerintah-kabupaten"),
    1,
    7,
    ["", "agency", "agency.type"],
)
one(
    "unquoted-colon-title",
    rep(B(), "title:", "title: SIPANDU: Sistem Pelayanan Terpadu"),
    1,
    3,
    ["", "title"],
)
noquote = [line.replace('"', '') for line in B()]
noquote = rep(noquote, "title:", 'title: "SIPANDU Sistem Pelayanan”')
one(
    "smart-quote-unclosed",
    noquote,
    1,
    3,
    ["", "title"],
    note="opening ASCII quote, closing smart quote -> unterminated",
)
one(
    "bad-indentation",
    rep(B(), "  type:", "   type: pemerintah-kabupaten"),
    1,
    7,
    ["", "agency", "agency.type"],
    note="3-space indent under 2-space siblings",
)
one(
    "duplicate-key-top",
    ins_after(B(), "category:", "title: SIPANDU Sragen Versi Kedua"),
    1,
    11,
    "title",
)
one("duplicate-key-nested", ins_after(B(), "  type:", "  type: bumd"), 1, 8, "agency.type")
one(
    "yaml-anchor-alias",
    rep(
        rep(B(), '  - title: "Laporan KIPP 2019"', '  - &sumber title: "Laporan KIPP 2019"'),
        '  - title: "Berita Sragen"',
        ["  - *sumber"],
    )[: -0 or None],
    1,
    [21, 24],
    ["", "sources.0", "sources.1"],
)
# fix the alias case: remove url line of second source (alias replaced item)
c = rep(
    rep(B(), '  - title: "Laporan KIPP 2019"', "  - &sumber"),
    "    url: https://example.go.id/laporan",
    None,
)
c = [line for line in c]
c = B()
c = rep(c, '  - title: "Laporan KIPP 2019"', ['  - &sumber', '    title: "Laporan KIPP 2019"'])
i = ln(c, '  - title: "Berita Sragen"') - 1
c[i:i+2] = ["  - *sumber"]
one(
    "yaml-anchor-alias",
    c,
    1,
    [21, 25],
    ["", "sources.0", "sources.1"],
    note="anchor line 21, alias line 25",
)
one(
    "front-matter-is-list",
    ["---", "- id: sipandu-sragen", "- title: x", "---", "", "Isi."],
    1,
    [1, 2],
    "",
)
one("front-matter-empty", ["---", "---", "", "## Latar Belakang", "", "Isi."], 1, 1, "")

# ---------- id ----------
one("id-mismatch-filename", rep(B(), "id:", "id: sipandu"), 1, 2, "id")
add(
    "id-mismatch-folder",
    {"sipandu-sragen/index.md": rep(B(), "id:", "id: sipandu-kab-sragen")},
    1,
    2,
    "id",
)
add("id-not-kebab", {"SIPANDU_Sragen.md": rep(B(), "id:", "id: SIPANDU_Sragen")}, 1, 2, "id")
lid = "sistem-" * 11 + "sragen-x"  # 85
add("id-too-long", {f"{lid}.md": B(lid)}, 1, 2, "id")
add(
    "duplicate-id-file-and-folder",
    {"sipandu-sragen.md": B(), "sipandu-sragen/index.md": B()},
    1,
    2,
    "id",
)
one("id-missing", rep(B(), "id:", None), 1, 1, "id")

# ---------- scalars ----------
one("title-too-short", rep(B(), "title:", "title: Si"), 1, 3, "title")
one("title-too-long", rep(B(), "title:", f'title: "{long_title}Y"'), 1, 3, "title")
one("title-empty-null", rep(B(), "title:", "title:"), 1, 3, "title")
one("summary-too-short", rep(B(), "summary:", "summary: Layanan izin satu pintu."), 1, 4, "summary")
one("summary-missing", rep(B(), "summary:", None), 1, 1, "summary")
one("summary-misspelled", rep(B(), "summary:", B()[3].replace("summary", "sumary")), 1, 4, "sumary")
one("year-quoted", rep(B(), "year:", 'year: "2019"'), 1, 11, "year")
one("year-float", rep(B(), "year:", "year: 2019.0"), 1, 11, "year")
one("year-two-digit", rep(B(), "year:", "year: 19"), 1, 11, "year")
one("year-future", rep(B(), "year:", "year: 2027"), 1, 11, "year")
one(
    "last-verified-dmy",
    rep(B(), "last_verified:", "last_verified: 23-11-2025"),
    1,
    13,
    "last_verified",
)
one(
    "last-verified-slash",
    rep(B(), "last_verified:", "last_verified: 2025/11/23"),
    1,
    13,
    "last_verified",
)
one(
    "last-verified-impossible",
    rep(B(), "last_verified:", "last_verified: 2025-02-30"),
    1,
    13,
    "last_verified",
    note="YAML timestamp that is not a calendar date",
)
one(
    "last-verified-future",
    rep(B(), "last_verified:", "last_verified: 2026-12-01"),
    1,
    13,
    "last_verified",
)
one("status-unknown", rep(B(), "status:", "status: aktif"), 1, 12, "status")
one("status-vakum-no-note", rep(B(), "status:", "status: vakum"), 1, [1, 12], "status_note")
one(
    "status-note-unquoted-no",
    ins_after(rep(B(), "status:", "status: berhenti"), "status:", "status_note: no"),
    1,
    13,
    "status_note",
    note="unquoted no -> false",
)
one("alias-unquoted-yes", ins_after(B(), "title:", ["aliases:", "  - yes"]), 1, 5, "aliases.0")
one(
    "crosswalk-leading-zero",
    ins_after(B(), "    url: https://news.example.com/sragen", ["crosswalk:", "  sinovik: 01234"]),
    1,
    27,
    "crosswalk.sinovik",
    note="01234 read as octal 668",
)
one("unknown-top-key", ins_after(B(), "category:", "kategori: kesehatan"), 1, 11, "kategori")
one("lang-invalid", ins_after(B(), "last_verified:", "lang: indonesia"), 1, 14, "lang")

# ---------- agency ----------
one(
    "agency-provinsi-typo",
    rep(B(), "  province:", "  provinsi: jawa-tengah"),
    1,
    8,
    "agency.provinsi",
)
one("province-label", rep(B(), "  province:", "  province: Jawa Tengah"), 1, 8, "agency.province")
one("category-label", rep(B(), "category:", "category: Kesehatan"), 1, 10, "category")
one("agency-type-wrong", rep(B(), "  type:", "  type: pemkab"), 1, 7, "agency.type")
one(
    "province-missing-kota",
    rep(rep(B(), "  type:", "  type: pemerintah-kota"), "  province:", None),
    1,
    5,
    "agency.province",
)
one(
    "province-missing-bumd",
    rep(rep(B(), "  type:", "  type: bumd"), "  province:", None),
    1,
    5,
    "agency.province",
)
one("agency-name-missing", rep(B(), "  name:", None), 1, 5, "agency.name")
one(
    "agency-as-string",
    rep(
        rep(
            rep(
                rep(rep(B(), "agency:", "agency: Pemerintah Kabupaten Sragen"), "  name:", None),
                "  type:",
                None,
            ),
            "  province:",
            None,
        ),
        "  regency:",
        None,
    ),
    1,
    5,
    "agency",
)

# ---------- outcomes / sources ----------
one("outcomes-empty", rep(B(), "outcomes:", ["outcomes: []"])[:14] + B()[19:], 1, 14, "outcomes")
one("sources-empty", B()[:19] + ["sources: []"] + B()[25:], 1, 20, "sources")
one("outcome-source-3-of-2", rep(B(), "    source: 1", "    source: 3"), 1, 19, "outcomes.0.source")
one("outcome-source-zero", rep(B(), "    source: 1", "    source: 0"), 1, 19, "outcomes.0.source")
one(
    "outcome-source-string",
    rep(B(), "    source: 1", '    source: "[1]"'),
    1,
    19,
    "outcomes.0.source",
)
one("numeric-outcome-no-source", rep(B(), "    source: 1", None), 1, 15, "outcomes.0.source")
one("numeric-outcome-no-unit", rep(B(), "    unit: hari", None), 1, 15, "outcomes.0.unit")
one(
    "evidence-level-6",
    ins_after(B(), "    unit: hari", "    evidence_level: 6"),
    1,
    19,
    "outcomes.0.evidence_level",
)
one(
    "source-no-url",
    rep(B(), "    url: https://news.example.com/sragen", None),
    1,
    24,
    "sources.1.url",
)
one(
    "source-bare-domain",
    rep(B(), "    url: https://news.example.com/sragen", "    url: www.sragenkab.go.id"),
    1,
    25,
    "sources.1.url",
)
one(
    "source-javascript-url",
    rep(B(), "    url: https://news.example.com/sragen", "    url: javascript:alert(1)"),
    1,
    25,
    "sources.1.url",
)

# ---------- awards / sdgs / tags ----------
AW = ["awards:", "  - program: kipp", "    year: 2020", "    level: top-99", "    source: 1"]
def aw(mod):
    a = list(AW)
    mod(a)
    return ins_after(B(), "last_verified:", a)
one(
    "award-unknown-level",
    aw(lambda a: a.__setitem__(3, "    level: juara-1")),
    1,
    17,
    "awards.0.level",
)
one(
    "award-level-wrong-program",
    aw(lambda a: a.__setitem__(1, "  - program: unpsa")),
    1,
    17,
    "awards.0.level",
)
one(
    "award-unknown-program",
    aw(lambda a: a.__setitem__(1, "  - program: sinovik")),
    1,
    15,
    "awards.0.program",
)
one("award-before-year", aw(lambda a: a.__setitem__(2, "    year: 2017")), 1, 16, "awards.0.year")
one(
    "award-source-out-of-range",
    aw(lambda a: a.__setitem__(4, "    source: 5")),
    1,
    18,
    "awards.0.source",
)
one(
    "sdg-target-not-under-goal",
    ins_after(B(), "last_verified:", ["sdgs: [3, 16]", 'sdg_targets: ["16.6", "4.6"]']),
    1,
    15,
    "sdg_targets.1",
)
one(
    "sdg-target-unquoted-float",
    ins_after(B(), "last_verified:", ["sdgs:", "  - 4", "sdg_targets:", "  - 4.10"]),
    1,
    17,
    "sdg_targets.0",
    note="4.10 read as float 4.1",
)
one("sdg-18", ins_after(B(), "last_verified:", ["sdgs:", "  - 16", "  - 18"]), 1, 16, "sdgs.1")
one(
    "sdg-duplicate",
    ins_after(B(), "last_verified:", ["sdgs:", "  - 16", "  - 16"]),
    1,
    16,
    "sdgs.1",
)
one(
    "tags-not-kebab",
    ins_after(B(), "last_verified:", ["tags:", "  - perizinan", "  - Pelayanan Publik"]),
    1,
    16,
    "tags.1",
)

# ---------- replication ----------
RP = [
    "replication:",
    "  replicates:",
    "    - id: tidak-ada-di-katalog",
    "      relation: replikasi",
]
one(
    "replicates-unknown-id",
    ins_after(B(), "last_verified:", RP),
    1,
    16,
    "replication.replicates.0.id",
)
one(
    "replicates-bad-relation",
    ins_after(
        B(),
        "last_verified:",
        [
            "replication:",
            "  replicates:",
            "    - name: Mal Pelayanan Publik",
            "      agency: Kota Surabaya",
            "      relation: meniru",
        ],
    ),
    1,
    18,
    "replication.replicates.0.relation",
)
one(
    "replicates-self",
    ins_after(
        B(),
        "last_verified:",
        ["replication:", "  replicates:", "    - id: sipandu-sragen", "      relation: replikasi"],
    ),
    1,
    16,
    "replication.replicates.0.id",
)
one(
    "kit-no-url",
    ins_after(B(), "last_verified:", ["replication:", "  kit:", "    - title: SOP Loket"]),
    1,
    16,
    "replication.kit.0.url",
)
one(
    "replication-typo",
    ins_after(
        B(),
        "last_verified:",
        ["replication:", "  replicate:", "    - id: upt-induk", "      relation: replikasi"],
    ),
    1,
    15,
    "replication.replicate",
)


# ---------- body ----------
def body(newline):
    c = rep(B(), "Semua izin dilayani di satu loket [1].", newline)
    return c, ln(c, newline)
for nm, txt in [("body-script", "<script>alert('x')</script>"),
                ("body-javascript-link", "Lihat [formulir](javascript:alert(1)) untuk mendaftar."),
                ("body-img-onerror", '<img src="x.png" onerror="alert(1)">'),
                ("body-iframe", '<iframe src="https://youtube.com/embed/abc"></iframe>'),
                ("body-data-url", "![bagan](data:image/png;base64,iVBORw0KGgo=)"),
                ("body-onclick-uppercase", '<a href="#" OnClick="alert(1)">Klik</a>'),
               ]:
    c, line = body(txt)
    one(nm, c, 1, line, None, any_path=True)
c, line = body("Rumus: a < b & c > d, \"kutip\" dan `<script>` di dalam kode inline tetap teks.")
one("valid-body-lt-amp-code", c, 0, note="inline code mentioning <script> — debatable")

# ---------- CRLF/BOM + error (line numbers must not shift) ----------
add(
    "crlf-bom-wrong-category",
    {
        "sipandu-sragen.md": b"\xef\xbb\xbf"
        + "\r\n".join(rep(B(), "category:", "category: Kesehatan")).encode()
    },
    1,
    10,
    "category",
)
add(
    "crlf-year-string",
    {"sipandu-sragen.md": "\r\n".join(rep(B(), "year:", 'year: "2019"')).encode()},
    1,
    11,
    "year",
)


# ================= batch 2: harder cases =================
one(
    "multi-errors-all-reported",
    rep(
        rep(rep(B(), "category:", "category: Kesehatan"), "year:", 'year: "2019"'),
        "    source: 1",
        "    source: 3",
    ),
    1,
    [10, 11, 19],
    ["category", "year", "outcomes.0.source"],
    note="all three must be reported; checked separately below",
)
one(
    "last-verified-datetime",
    rep(B(), "last_verified:", "last_verified: 2025-11-23 10:00:00"),
    1,
    13,
    "last_verified",
)
one(
    "last-verified-single-digit",
    rep(B(), "last_verified:", "last_verified: 2025-1-5"),
    1,
    13,
    "last_verified",
)
add(
    "utf16-notepad-unicode",
    {"sipandu-sragen.md": "\r\n".join(B()).encode("utf-16")},
    1,
    [1],
    "",
    note="Notepad 'Unicode' = UTF-16LE with BOM",
)
one(
    "valid-body-hr",
    B() + ["---", "", "Catatan kaki: data per 2024 [2]."],
    0,
    note="horizontal rule --- in body",
)
one(
    "valid-script-in-fence",
    rep(
        B(),
        "Semua izin dilayani di satu loket [1].",
        ["Contoh kode yang TIDAK dipakai:", "", "```html", "<script>alert(1)</script>", "```"],
    ),
    0,
    note="debatable: fenced code is not raw HTML",
)
one(
    "body-script-uppercase",
    rep(
        B(),
        "Semua izin dilayani di satu loket [1].",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    ),
    1,
    34,
    None,
    any_path=True,
)
one(
    "body-html-href-js",
    rep(B(), "Semua izin dilayani di satu loket [1].", '<a href="JavaScript:alert(1)">klik</a>'),
    1,
    34,
    None,
    any_path=True,
)
one(
    "body-img-onerror-unquoted",
    rep(B(), "Semua izin dilayani di satu loket [1].", "<img src=x onerror=alert(1)>"),
    1,
    34,
    None,
    any_path=True,
)
one(
    "valid-prose-equals-konten",
    rep(
        B(),
        "Semua izin dilayani di satu loket [1].",
        "Formulir di https://example.go.id/daftar?mode=online&konten=1 dan skor kondisi=baik, "
        "donasi=Rp5 juta [1].",
    ),
    0,
    note="no false positive on ...on...= in prose/URLs",
)
one(
    "valid-prose-data-colon",
    rep(
        B(),
        "Semua izin dilayani di satu loket [1].",
        "Sumber data: BPS 2020. Basis data: SIAK terpusat [1].",
    ),
    0,
    note="'data:' in Indonesian prose is not a URL",
)
one(
    "valid-prose-javascript-colon",
    rep(
        B(),
        "Semua izin dilayani di satu loket [1].",
        "Aplikasi ditulis dalam JavaScript: ringan dan cepat [1].",
    ),
    0,
    note="debatable: 'JavaScript:' in prose",
)
one("summary-401", rep(B(), "summary:", 'summary: "' + ("a" * 401) + '"'), 1, 4, "summary")
one("valid-summary-400", rep(B(), "summary:", 'summary: "' + ("a" * 400) + '"'), 0)
one(
    "valid-summary-folded",
    rep(
        B(),
        "summary:",
        [
            "summary: >",
            "  Warga mengambil nomor antrean puskesmas dari rumah lewat WhatsApp, sehingga waktu "
            "tunggu",
            "  di puskesmas turun dari dua jam menjadi tiga puluh menit.",
        ],
    ),
    0,
)
add("filename-uppercase", {"Sipandu-Sragen.md": B()}, 1, 2, "id")
one(
    "outcome-source-misindented",
    rep(B(), "    source: 1", "  source: 1"),
    1,
    19,
    ["", "outcomes", "outcomes.0"],
)
one(
    "outcome-unknown-key-sumber",
    rep(B(), "    source: 1", "    sumber: 1"),
    1,
    19,
    "outcomes.0.sumber",
)
one(
    "outcomes-mapping-not-list",
    rep(
        rep(
            rep(
                rep(
                    rep(
                        B(),
                        '  - indicator: "Waktu layanan izin"',
                        '  indicator: "Waktu layanan izin"',
                    ),
                    "    baseline: 14",
                    "  baseline: 14",
                ),
                "    value: 3",
                "  value: 3",
            ),
            "    unit: hari",
            "  unit: hari",
        ),
        "    source: 1",
        "  source: 1",
    ),
    1,
    14,
    "outcomes",
)
one("sdgs-scalar", ins_after(B(), "last_verified:", "sdgs: 16"), 1, 14, "sdgs")
one(
    "tags-comma-string",
    ins_after(B(), "last_verified:", "tags: layanan-terpadu, perizinan"),
    1,
    14,
    "tags",
)
one("value-comma-decimal", rep(B(), "    value: 3", "    value: 12,5"), 1, 17, "outcomes.0.value")
one(
    "award-year-string",
    ins_after(
        B(),
        "last_verified:",
        ["awards:", "  - program: kipp", '    year: "2020"', "    level: top-99"],
    ),
    1,
    16,
    "awards.0.year",
)
one("alias-empty-string", ins_after(B(), "title:", ["aliases:", '  - ""']), 1, 5, "aliases.0")
one(
    "source-url-with-space",
    rep(
        B(),
        "    url: https://news.example.com/sragen",
        "    url: https://news.example.com/berita sragen.html",
    ),
    1,
    25,
    "sources.1.url",
)
one(
    "valid-status-direncanakan",
    ins_after(
        rep(B(), "status:", "status: direncanakan"),
        "status:",
        'status_note: "Akan direplikasi, menurut FGD 2021."',
    ),
    0,
    note="CONTENT-MODEL v2: planned needs a status_note",
)
one(
    "status-direncanakan-without-note",
    rep(B(), "status:", "status: direncanakan"),
    1,
    1,
    "status_note",
)
one(
    "replicates-name-no-agency",
    ins_after(
        B(),
        "last_verified:",
        [
            "replication:",
            "  replicates:",
            "    - name: Mal Pelayanan Publik",
            "      relation: adaptasi",
        ],
    ),
    1,
    16,
    ["replication.replicates.0", "replication.replicates.0.agency"],
)
one(
    "adopted-no-relation",
    ins_after(
        B(),
        "last_verified:",
        [
            "replication:",
            "  adopted_elsewhere:",
            "    - name: SIPANDU Dili",
            "      agency: Municipality of Dili",
        ],
    ),
    1,
    16,
    "replication.adopted_elsewhere.0.relation",
)
one(
    "key-capitalized",
    rep(B(), "title:", 'Title: "Sistem Pelayanan Terpadu Desa Sragen"'),
    1,
    3,
    "Title",
)
one(
    "valid-key-space-before-colon",
    rep(B(), "title:", 'title : "Sistem Pelayanan Terpadu Desa Sragen"'),
    0,
)
one(
    "nbsp-indentation",
    rep(B(), "  name:", "\u00a0\u00a0name: Pemerintah Kabupaten Sragen"),
    1,
    [5, 6],
    None,
    any_path=True,
    note="non-breaking spaces from copy-paste",
)
one("zero-width-in-id", rep(B(), "id:", "id: sipandu\u200b-sragen"), 1, 2, "id")
one(
    "valid-tab-after-colon",
    rep(B(), "year:", "year:\t2019"),
    0,
    note="tab not in indentation; debatable",
)
one("valid-no-body", B()[:26], 0, note="no body, no final newline: warnings only")
one(
    "valid-closing-dashes-trailing-space",
    rep(list(B()), "---", "---")[:25] + ["---   "] + B()[26:],
    0,
    note="debatable: closing --- with trailing spaces",
)
one(
    "blank-line-before-front-matter",
    [""] + B(),
    1,
    [1, 2],
    "",
    note="blank line before opening ---",
)
deep = "tags: " + "[" * 3000 + "]" * 3000
one(
    "deeply-nested-flow",
    ins_after(B(), "last_verified:", deep),
    1,
    [14],
    None,
    any_path=True,
    note="recursion robustness",
)
one("null-byte", rep(B(), "title:", 'title: "Sistem Pelayanan\x00 Terpadu"'), 1, 3, ["", "title"])
one("year-bool", rep(B(), "year:", "year: yes"), 1, 11, "year")
one(
    "evidence-level-string",
    ins_after(B(), "    unit: hari", '    evidence_level: "2"'),
    1,
    19,
    "outcomes.0.evidence_level",
)
# custom taxonomies in DIR
taxsrc = str(REPO / "content" / "taxonomies")
def taxfiles(modify=None):
    out = {}
    for f in glob.glob(taxsrc + "/*.yml"):
        t = open(f, encoding="utf-8").read()
        if modify:
            t = modify(os.path.basename(f), t)
        out["../taxonomies/" + os.path.basename(f)] = t
    return out
def addcat(name, t):
    if name == "categories.yml":
        t += "  - id: kebencanaan\n    label: Kebencanaan\n"
    return t
add(
    "custom-taxonomy-new-category",
    {**taxfiles(addcat), "sipandu-sragen.md": rep(B(), "category:", "category: kebencanaan")},
    0,
    note="adding a category is a data change",
)


def dropcat(name, t):
    if name == "categories.yml":
        t = t.replace("  - id: tata-kelola-pemerintahan", "  - id: tata-kelola")
    return t
add(
    "custom-taxonomy-missing-category",
    {**taxfiles(dropcat), "sipandu-sragen.md": B()},
    1,
    10,
    "category",
)


# ================= batch 3 =================
one("title-integer", rep(B(), "title:", "title: 112"), 1, 3, "title")
one("aliases-string", ins_after(B(), "title:", "aliases: Telor Dadar"), 1, 4, "aliases")
one(
    "last-verified-iso-datetime-z",
    rep(B(), "last_verified:", "last_verified: 2025-11-23T00:00:00Z"),
    1,
    13,
    "last_verified",
)
one("title-leading-dash", rep(B(), "title:", "title: - SIPANDU Sragen"), 1, 3, ["", "title"])
one(
    "summary-inner-quotes",
    rep(
        B(),
        "summary:",
        'summary: "Program "Sahabat Warga" di Kabupaten Sragen memangkas waktu layanan izin dari '
        'empat belas hari menjadi tiga hari."',
    ),
    1,
    4,
    ["", "summary"],
)
one("unit-at-sign", rep(B(), "  regency:", "  unit: @dinkes_sragen"), 1, 9, ["", "agency.unit"])
one(
    "title-markdown-bold",
    rep(B(), "title:", "title: *SIPANDU* Sistem Pelayanan Terpadu"),
    1,
    3,
    ["", "title"],
)
one("valid-year-comment", rep(B(), "year:", "year: 2019 # perkiraan, lihat isi"), 0)
one(
    "valid-last-verified-today",
    rep(B(), "last_verified:", "last_verified: 2026-11-23"),
    0,
    note="today per system clock",
)
one("valid-year-this-year", ins_after(rep(B(), "year:", "year: 2026"), "status:", []), 0)
one("valid-year-1990", rep(B(), "year:", "year: 1990"), 0)
one("year-1989", rep(B(), "year:", "year: 1989"), 1, 11, "year")
one(
    "valid-award-same-year",
    ins_after(
        B(),
        "last_verified:",
        ["awards:", "  - program: kipp", "    year: 2019", "    level: top-45"],
    ),
    0,
)
one(
    "sdg-target-no-sdgs",
    ins_after(B(), "last_verified:", 'sdg_targets: ["16.6"]'),
    1,
    14,
    "sdg_targets.0",
)
one(
    "sdg-target-bad-format",
    ins_after(B(), "last_verified:", ["sdgs: [4]", 'sdg_targets: ["4"]']),
    1,
    15,
    "sdg_targets.0",
)
one(
    "outcome-source-float", rep(B(), "    source: 1", "    source: 1.0"), 1, 19, "outcomes.0.source"
)
one(
    "forgot-closing-body-hr",
    B()[:25] + B()[26:] + ["---", "", "Catatan."],
    1,
    None,
    None,
    any_path=True,
    note="no closing ---, a body HR later; any line",
)


# ---------- write ----------
def write(root: Path) -> dict[str, dict]:
    """Write every case under ``root/<case>/innovations/`` and return the expectations."""
    for name, (files, _) in cases.items():
        for rel, data in files.items():
            path = os.path.normpath(os.path.join(root, name, "innovations", rel))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    return {name: exp for name, (_, exp) in cases.items()}
