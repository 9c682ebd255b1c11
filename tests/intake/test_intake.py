"""``katalog intake``: issue-form bodies, rendered the way GitHub renders them, become valid case
studies holding exactly what was typed — or nothing at all, with the form field named."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from generator.loading import load_document
from generator.pipeline import load_and_validate
from tests.intake.conftest import TODAY, example_answers, files_under, render_body

# The keys a proposal can produce, and nothing else.
ALLOWED_KEYS = {
    "id",
    "title",
    "aliases",
    "summary",
    "agency",
    "category",
    "year",
    "status",
    "status_note",
    "last_verified",
    "contact",
    "awards",
    "outcomes",
    "sdgs",
    "replication",
    "sources",
}
YAML_KEYS = re.compile(
    r"agency\.|status_note|last_verified|contact\.|outcomes\.|sources\.\d|`[a-z]+_[a-z_]+`|"
    r"`(?:id|title|summary|agency|province|type|category|year|status|contact|outcomes|sources|"
    r"awards|source|replication|replicates|name):"
)


def written(result: dict) -> tuple[dict, str]:
    doc, problems = load_document(Path(result["path"]))
    assert doc is not None and not problems, problems
    return doc.front_matter, doc.body


def errors(result: dict) -> list[dict]:
    return [d for d in result["diagnostics"] if d["severity"] == "error"]


# --- the form's own examples ----------------------------------------------------------------

def test_placeholders_compose_a_valid_case(form, run, content: Path) -> None:
    code, result = run(render_body(form, example_answers(form)))
    assert code == 0, result
    assert result["id"] == "siantre-antrean-daring-puskesmas"
    assert (
        result["path"]
        == (content / "innovations" / "siantre-antrean-daring-puskesmas.md").as_posix()
    )
    assert not errors(result)
    # The project's validator agrees, over the whole folder.
    assert not [d for d in load_and_validate(content, today=TODAY).diagnostics if d.is_error]
    data, body = written(result)
    assert data["agency"] == {"name": "Pemerintah Kabupaten Contoh", "type": "pemerintah-kabupaten",
                              "province": "jawa-timur", "regency": "Kabupaten Contoh",
                              "unit": "Dinas Kesehatan Kabupaten Contoh"}
    assert data["sdgs"] == [3, 9]  # "Industri, Inovasi dan Infrastruktur" holds a comma
    assert data["outcomes"][0] == {
        "indicator": "Waktu tunggu rata-rata di puskesmas",
        "baseline": 90,
        "value": 25,
        "unit": "menit",
        "period": "2023",
        "evidence_level": 2,
        "source": 1,
    }
    assert data["outcomes"][1] == {
        "description": "Warga tidak lagi antre sejak subuh untuk mendapat nomor",
        "source": 1,
    }
    assert data["awards"] == [
        {
            "program": "kipp",
            "year": 2021,
            "level": "top-99",
            "category_original": "Kesehatan",
            "source": 1,
        }
    ]
    assert data["sources"][0]["accessed"] == "2025-03-01"
    assert [line for line in body.split("\n") if line.startswith("## ")] == [
        "## Latar Belakang",
        "## Inovasi",
        "## Hasil dan Dampak",
        "## Pembelajaran",
        "## Cara Mereplikasi",
    ]


def test_every_placeholder_alone_is_valid_in_its_field(form, run) -> None:
    # Optional fields left empty: the required ones' examples are enough for a valid case,
    # and an empty optional body section says so instead of vanishing.
    full = example_answers(form)
    answers = {f.id: full[f.id] for f in form.fields if f.required or f.type == "checkboxes"}
    answers["agency_province"] = "Jawa Timur"
    code, result = run(render_body(form, answers))
    assert code == 0, result
    data, body = written(result)
    assert "contact" not in data and "awards" not in data and "replication" not in data
    assert "## Pembelajaran\n\nBelum terdokumentasi." in body


def test_crlf_body_and_reordered_sections_read_the_same(form, run, tmp_path: Path) -> None:
    answers = example_answers(form)
    body = render_body(form, answers)
    sections = body.split("\n\n### ")
    reordered = "### " + "\n\n### ".join(reversed([sections[0][4:], *sections[1:]]))
    code, result = run(reordered.replace("\n", "\r\n"))
    assert code == 0, result
    assert written(result)[0]["title"] == "SiAntre: Antrean Daring Puskesmas"


# --- tricky but legitimate values survive exactly --------------------------------------------

TRICKY_TITLES = [
    'Lapor: "Bupati" #1 — yes',
    "null",
    "yes",
    "2019",
    "{{ config.repo_url }} layanan",
    "${{ github.token }} layanan",
    "$(rm -rf /) layanan",
    "- daftar? bukan: ini judul",
    "&anchor *alias !tag %YAML",
    "'tanda kutip' dan \\ garis miring",
    "Layanan Pa'i & Mbok Sri <b>",
    "Akses Ék Ünïcödé 日本",
]


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_tricky_titles_round_trip(form, run, title: str) -> None:
    answers = example_answers(form)
    answers["title"] = title
    code, result = run(render_body(form, answers))
    assert code == 0, result
    data, _ = written(result)
    assert data["title"] == title and isinstance(data["title"], str)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", result["id"])
    assert set(data) <= ALLOWED_KEYS


TRICKY_TEXT = (
    "Baris pertama: dengan titik dua\n"
    "---\n"
    "status: berhenti\n"
    "id: bukan-ini\n"
    "# bukan komentar\n"
    "...\n"
    "  indentasi: tetap\n"
    "'kutip tunggal' \"kutip ganda\" `kode` {{ jinja }} ${{ github.event.issue.body }} $(whoami) "
    "`id`\n"
    "yes no null ~ true 0x1F 1e3 2024-01-31 12:30\n"
    "- bukan daftar\n"
    "> bukan kutipan\n"
    "| bukan pipa |\n"
    "\t tab di awal dan spasi di akhir   \n"
    "terakhir"
)


def test_multiline_text_stays_exactly_as_typed(form, run) -> None:
    answers = example_answers(form)
    summary = "Ringkasan: " + TRICKY_TEXT.replace("\t", " ")
    answers["summary"] = summary[:400]
    answers["status"] = "Berhenti"
    answers["status_note"] = TRICKY_TEXT
    answers["replication_requirements"] = TRICKY_TEXT
    answers["contact_address"] = 'Jl. "Merdeka" No. 1: Gedung #2'
    code, result = run(render_body(form, answers))
    assert code == 0, result
    data, _ = written(result)
    assert data["summary"] == summary[:400].strip()
    assert data["status"] == "berhenti"
    assert data["status_note"] == TRICKY_TEXT
    assert data["replication"]["requirements"] == TRICKY_TEXT
    assert data["contact"]["address"] == 'Jl. "Merdeka" No. 1: Gedung #2'
    assert data["id"] == result["id"] and set(data) <= ALLOWED_KEYS


def test_tricky_list_items_round_trip(form, run) -> None:
    answers = example_answers(form)
    answers["aliases"] = "null\nyes: no\n---\n#tagar\n${{ secrets.TOKEN }}"
    answers["sources"] = (
        'Berita | Kominfo: "yes" # 1 | https://contoh.go.id/berita?id=1&x=y#bagian | '
        "Dinas: Kominfo | 2023 | 2025-03-01\n"
        "Dokumen kedua | https://contoh.go.id/dok.pdf"
    )
    answers["outcomes"] = ("Jumlah: warga # terlayani | 1250 | orang: \"dewasa\" | 2023–2024 | 2\n"
                           "Desimal | 12,5 | persen |  | 1 | 3.75\n"
                           "{{ kualitatif }} dengan [tautan](https://contoh.go.id) [2]\n"
                           "Kualitatif tanpa sumber: null")
    code, result = run(render_body(form, answers))
    assert code == 0, result
    data, _ = written(result)
    assert data["aliases"] == ["null", "yes: no", "---", "#tagar", "${{ secrets.TOKEN }}"]
    assert data["sources"][0] == {
        "title": 'Berita | Kominfo: "yes" # 1',
        "url": "https://contoh.go.id/berita?id=1&x=y#bagian",
        "publisher": "Dinas: Kominfo",
        "date": "2023",
        "accessed": "2025-03-01",
    }
    assert data["sources"][1] == {"title": "Dokumen kedua", "url": "https://contoh.go.id/dok.pdf"}
    assert data["outcomes"] == [
        {
            "indicator": "Jumlah: warga # terlayani",
            "value": 1250,
            "unit": 'orang: "dewasa"',
            "period": "2023–2024",
            "source": 2,
        },
        {"indicator": "Desimal", "baseline": 3.75, "value": 12.5, "unit": "persen", "source": 1},
        {"description": "{{ kualitatif }} dengan [tautan](https://contoh.go.id)", "source": 2},
        {"description": "Kualitatif tanpa sumber: null"},
    ]


def test_body_sections_keep_markdown_and_cannot_reach_the_front_matter(form, run) -> None:
    answers = example_answers(form)
    answers["body_inovasi"] = (
        "---\nid: jahat\nstatus: berhenti\n---\n\n### Subjudul\n\n- butir\n\n```yaml\nkey: "
        "value\n```"
    )
    code, result = run(render_body(form, answers))
    assert code == 0, result
    data, body = written(result)
    assert data["id"] == result["id"] and data["status"] == "berjalan"
    assert "## Inovasi\n\n---\nid: jahat\nstatus: berhenti\n---\n\n### Subjudul" in body


# --- hostile bodies ---------------------------------------------------------------------------

@pytest.mark.parametrize("title, expected_id", [
    ("../../../etc/passwd", "etc-passwd"),
    ("..\\..\\windows\\system32", "windows-system32"),
    ("/tmp/evil", "tmp-evil"),
    ("innovations/../../mkdocs", "innovations-mkdocs"),
    ("Layanan%2F..%2Fx", "layanan-2f-2fx"),
])
def test_path_traversal_in_the_title_stays_inside_innovations(form, run, content: Path, title: str,
                                                              expected_id: str) -> None:
    answers = example_answers(form)
    answers["title"] = title
    code, result = run(render_body(form, answers))
    assert code == 0, result
    assert result["id"] == expected_id
    taxonomies = {f"taxonomies/{name}" for name in files_under(content / "taxonomies")}
    everything = set(
        files_under(content.parent)
    )  # the test's own folder: content/ and the body files
    assert everything == {f"content/{name}" for name in taxonomies} | {
        f"content/innovations/{expected_id}.md"
    } | {n for n in everything if re.fullmatch(r"body-\d+\.md", n)}
    assert {p.parent for p in (content / "innovations").rglob("*.md")} == {content / "innovations"}


@pytest.mark.parametrize("title", ["../..", "///", "日本語のみ", "!!!"])
def test_a_title_without_letters_writes_nothing(form, run, content: Path, title: str) -> None:
    answers = example_answers(form)
    answers["title"] = title
    before = files_under(content)
    code, result = run(render_body(form, answers))
    assert code == 1
    assert files_under(content) == before
    assert any(d["label"] == "Nama inovasi" for d in errors(result))


def test_injected_keys_and_fields_never_appear(form, run) -> None:
    answers = example_answers(form)
    answers["agency_name"] = "Pemkab\nstatus: berhenti\nextra: 1"
    code, result = run(render_body(form, answers))
    # An input field is one line: the validator refuses the newline and names the field.
    assert code == 1
    assert {d["label"] for d in errors(result)} == {"Nama instansi"}


def test_a_heading_inside_an_answer_cannot_set_another_field(form, run, content: Path) -> None:
    answers = example_answers(form)
    answers["body_inovasi"] = "Teks.\n\n### Status\n\nBerhenti"
    before = files_under(content)
    code, result = run(render_body(form, answers))
    assert code == 1 and files_under(content) == before
    assert [d["label"] for d in errors(result)] == ["Status"]
    assert "lebih dari sekali" in errors(result)[0]["message"]


@pytest.mark.parametrize("field_id, value", [
    ("title", "Layanan\x00Nol"),
    ("title", "Layanan \u202ekebalik"),
    ("title", "Lay\u200banan"),
    ("agency_name", "Pemkab\tContoh"),
    ("summary", "x" * 60 + "\u2028pemisah baris yang YAML baca sebagai baris baru"),
    ("summary", "x" * 60 + "\x85NEL"),
    ("body_inovasi", "Teks \u2066terisolasi\u2069"),
    ("sources", "Judul\x1b[31m | https://contoh.go.id/a"),
])
def test_invisible_and_control_characters_are_refused(
    form, run, content: Path, field_id: str, value: str
) -> None:
    answers = example_answers(form)
    answers[field_id] = value
    before = files_under(content)
    code, result = run(render_body(form, answers))
    assert code == 1 and files_under(content) == before
    assert [d["field"] for d in errors(result)] == [field_id]
    assert "U+" in errors(result)[0]["message"] or "tab" in errors(result)[0]["message"]


def test_tabs_and_newlines_are_kept_in_textareas(form, run) -> None:
    answers = example_answers(form)
    answers["replication_requirements"] = "Langkah:\n\t1. siapkan\n\t2. jalankan"
    code, result = run(render_body(form, answers))
    assert code == 0, result
    assert (
        written(result)[0]["replication"]["requirements"] == "Langkah:\n\t1. siapkan\n\t2. jalankan"
    )


@pytest.mark.parametrize("field_id, value, label", [
    ("title", "x" * 5000, "Nama inovasi"),
    ("summary", "panjang " * 20000, "Ringkasan"),
    ("agency_name", "N" * 100_000, "Nama instansi"),
])
def test_very_long_answers_are_refused_quickly(
    form, run, content: Path, field_id: str, value: str, label: str
) -> None:
    answers = example_answers(form)
    answers[field_id] = value
    before = files_under(content)
    start = time.perf_counter()
    code, result = run(render_body(form, answers))
    assert (
        time.perf_counter() - start < 30
    )  # generous: a pathological-input bound, not a speed target
    assert code == 1 and files_under(content) == before
    assert label in {d["label"] for d in errors(result)}


def test_a_huge_list_answer_does_not_hang(form, run) -> None:
    answers = example_answers(form)
    answers["outcomes"] = "\n".join(f"a{'|' * 50}b {i}" for i in range(5000))
    start = time.perf_counter()
    code, result = run(render_body(form, answers))
    assert time.perf_counter() - start < 60
    assert code == 1 and {d["label"] for d in errors(result)} == {"Hasil"}


@pytest.mark.parametrize("field_id, value, label", [
    ("sources", "Judul | ftp://contoh.go.id/x", "Sumber"),
    ("sources", "Judul | javascript:alert(1)", "Sumber"),
    ("contact_email", "bukan surel", "Kontak: surel"),
    ("contact_phone", "telepon saya", "Kontak: telepon"),
    ("contact_website", "javascript:alert(1)", "Kontak: situs web"),
    ("year", "dua ribu", "Tahun mulai"),
    ("year", "1800", "Tahun mulai"),
    ("last_verified", "kemarin", "Tanggal pemeriksaan"),
    ("last_verified", "2999-01-01", "Tanggal pemeriksaan"),
    ("category", "Kuliner", "Kategori"),
    ("agency_province", "", "Provinsi"),
    ("contact_unit", "Bidang Pelayanan", "Kontak: situs web"),
    ("summary", "Pendek.", "Ringkasan"),
    ("outcomes", "Waktu | 1.250 | menit | 2023 | 1", "Hasil"),
    ("outcomes", "Waktu | 10 | menit | 2023 | 7", "Hasil"),
    ("awards", "KIPP | 2021 | Juara Satu", "Penghargaan"),
    ("replication_replicates", "induk-yang-tidak-ada | Replikasi", "Meniru inovasi lain"),
    ("body_inovasi", "<script>alert(1)</script>", "Inovasi"),
    ("body_pembelajaran", '<a href="javascript:alert(1)">x</a>', "Pembelajaran"),
])
def test_invalid_answers_write_nothing_and_name_the_field(
    form, run, content: Path, field_id: str, value: str, label: str
) -> None:
    answers = example_answers(form)
    answers[field_id] = value
    if field_id == "contact_unit":  # a unit without any channel
        answers.update(contact_website="", contact_email="", contact_phone="", contact_address="")
    before = files_under(content)
    code, result = run(render_body(form, answers))
    assert code == 1, result
    assert files_under(content) == before
    assert result["path"] is None
    found = errors(result)
    assert found and {d["label"] for d in found} == {label}, found
    for d in found:
        assert not YAML_KEYS.search(d["message"] + d["hint"]), d


def test_status_that_needs_a_note_names_the_note_field(form, run) -> None:
    answers = example_answers(form)
    answers["status"] = "Vakum"
    code, result = run(render_body(form, answers))
    assert code == 1
    assert [d["label"] for d in errors(result)] == ["Catatan status"]
    assert "«Catatan status»" in errors(result)[0]["message"]


def test_unticked_statement_is_refused(form, run) -> None:
    answers = example_answers(form)
    answers["pernyataan"] = [form.get("pernyataan").options[0]]
    code, result = run(render_body(form, answers))
    assert code == 1 and [d["label"] for d in errors(result)] == ["Pernyataan"]


def test_line_numbers_point_into_the_answer(form, run) -> None:
    answers = example_answers(form)
    answers["sources"] = (
        "Satu | https://contoh.go.id/satu\n\nDua | https://contoh.go.id/dua | P | 2023 | 2999-01-01"
    )
    code, result = run(render_body(form, answers))
    assert code == 1
    assert [(d["label"], d["line"]) for d in errors(result)] == [("Sumber", 3)]


# --- hand-edited bodies -----------------------------------------------------------------------

def test_missing_required_section_is_named(form, run, content: Path) -> None:
    body = render_body(form, example_answers(form))
    body = re.sub(r"### Ringkasan\n\n.*?\n\n(?=### )", "", body, flags=re.DOTALL)
    code, result = run(body)
    assert code == 1 and files_under(content / "innovations") == {}
    assert [d["label"] for d in errors(result)] == ["Ringkasan"]


def test_renamed_section_names_the_label_it_probably_was(form, run) -> None:
    body = render_body(form, example_answers(form)).replace(
        "### Nama instansi", "### Nama Instansi nya"
    )
    code, result = run(body)
    assert code == 1
    messages = [d for d in errors(result) if d["label"] == "Nama instansi"]
    assert messages and "Nama Instansi nya" in messages[0]["message"]


def test_duplicated_section_is_refused(form, run) -> None:
    body = render_body(form, example_answers(form)) + "\n\n### Kategori\n\nPendidikan"
    code, result = run(body)
    assert code == 1 and [d["label"] for d in errors(result)] == ["Kategori"]


def test_headings_differing_only_in_case_and_spacing_still_match(form, run) -> None:
    body = render_body(form, example_answers(form)).replace(
        "### Nama inovasi", "###   NAMA  inovasi  "
    )
    code, result = run(body)
    assert code == 0, result


def test_an_ids_typed_by_hand_are_accepted_for_dropdowns(form, run) -> None:
    answers = example_answers(form)
    answers.update(agency_type="pemerintah-kabupaten", category="kesehatan", status="uji-coba")
    code, result = run(render_body(form, answers))
    assert code == 0, result
    assert written(result)[0]["status"] == "uji-coba"


def test_empty_body_names_the_required_fields(form, run) -> None:
    code, result = run("")
    assert code == 1
    required = {f.label for f in form.fields if f.required}
    assert required <= {d["label"] for d in errors(result)}


# --- labels changed in the template -------------------------------------------------------------

def test_labels_come_from_the_template(form, run, tmp_path: Path) -> None:
    template = Path(form.path).read_text(encoding="utf-8")
    changed = template.replace("label: Ringkasan\n", "label: Ringkasan singkat inovasi\n").replace(
        "label: Nama inovasi\n", "label: Judul inovasi\n")
    assert changed != template
    new_form_path = tmp_path / "form.yml"
    new_form_path.write_text(changed, encoding="utf-8")
    from generator.intake.form import load_form

    new_form = load_form(new_form_path)
    assert new_form.label("summary") == "Ringkasan singkat inovasi"
    code, result = run(
        render_body(new_form, example_answers(new_form)), "--form", str(new_form_path)
    )
    assert code == 0, result
    # A body rendered from the old template no longer fits: the new label is named.
    code, result = run(render_body(form, example_answers(form)), "--form", str(new_form_path))
    assert code == 1
    assert {"Ringkasan singkat inovasi", "Judul inovasi"} <= {d["label"] for d in errors(result)}


# --- never overwrite ---------------------------------------------------------------------------

def test_a_repeated_proposal_never_overwrites_the_first(form, run, content: Path) -> None:
    body = render_body(form, example_answers(form))
    code, first = run(body)
    assert code == 0
    path = Path(first["path"])
    original = path.read_bytes()
    answers = example_answers(form)
    answers["summary"] = (
        "Usulan kedua dengan judul sama tetapi ringkasan yang lain sama sekali dari yang pertama."
    )
    code, second = run(render_body(form, answers))
    assert code == 1 and second["path"] is None
    assert path.read_bytes() == original
    assert [d["label"] for d in errors(second)] == ["Nama inovasi"]
    assert sorted(p.name for p in (content / "innovations").iterdir()) == [path.name]


def test_an_existing_folder_form_case_is_not_overwritten(form, run, content: Path) -> None:
    folder = content / "innovations" / "siantre-antrean-daring-puskesmas"
    folder.mkdir()
    (folder / "index.md").write_text("milik orang lain\n", encoding="utf-8")
    code, result = run(render_body(form, example_answers(form)))
    assert code == 1
    assert (folder / "index.md").read_text(encoding="utf-8") == "milik orang lain\n"
    assert not (content / "innovations" / "siantre-antrean-daring-puskesmas.md").exists()


# --- usage ----------------------------------------------------------------------------------

def test_usage_errors_exit_2(
    tmp_path: Path, content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["intake", "--content", str(content)])
    assert exc.value.code == 2
    assert (
        main(["intake", "--body-file", str(tmp_path / "nope.md"), "--content", str(content)]) == 2
    )
    body = tmp_path / "b.md"
    body.write_text("### Nama inovasi\n\nX", encoding="utf-8")
    assert main(["intake", "--body-file", str(body), "--content", str(tmp_path / "tidak-ada")]) == 2
    bad_form = tmp_path / "form.yml"
    bad_form.write_text("name: x\nbody: 3\n", encoding="utf-8")
    assert (
        main(
            ["intake", "--body-file", str(body), "--content", str(content), "--form", str(bad_form)]
        )
        == 2
    )
    (tmp_path / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    assert (
        main(["intake", "--body-file", str(tmp_path / "latin1.md"), "--content", str(content)]) == 2
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err and "tidak bisa dibaca" in err


def test_text_output_names_labels(form, content: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from generator.cli import main

    monkeypatch.setenv("KATALOG_TODAY", TODAY.isoformat())
    answers = example_answers(form)
    answers["agency_province"] = ""
    body = tmp_path / "b.md"
    body.write_text(render_body(form, answers), encoding="utf-8")
    assert main(["intake", "--body-file", str(body), "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert "Kolom «Provinsi»: galat:" in out and "Tidak ada berkas yang ditulis." in out
    assert "agency.province" not in out


@pytest.mark.parametrize(
    "text, number",
    [
        ("1250", 1250),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("0,125", 0.125),
        ("-3", -3),
        ("1.250.000", 1250000),
        ("1.250.000,5", 1250000.5),
        ("1.250", None),
        ("1,250", None),
        ("85%", None),
        ("dua", None),
        ("1e3", None),
    ],
)
def test_numbers_in_the_outcomes_line(text: str, number) -> None:
    from generator.intake.case import parse_number

    value, why = parse_number(text)
    assert value == number and type(value) is type(number)
    assert bool(why) == (number is None)


def test_a_textarea_keeps_its_first_lines_indentation(form, run) -> None:
    answers = example_answers(form)
    answers["body_cara_mereplikasi"] = (
        "\n\n    kode terindentasi\n    baris dua\n\nParagraf.   \n\n"
    )
    code, result = run(render_body(form, answers))
    assert code == 0, result
    assert (
        "## Cara Mereplikasi\n\n    kode terindentasi\n    baris dua\n\nParagraf.\n"
        in written(result)[1]
    )
