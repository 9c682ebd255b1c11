"""Collections (content/collections/<id>.yml): every mistake is a diagnostic with a line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.pipeline import load_and_validate, load_catalog
from tests.conftest import CATALOG_TODAY, TODAY
from tests.conftest import ROOT as REPO

FIXTURE = REPO / "tests" / "fixtures" / "site" / "content"


@pytest.fixture
def content(tmp_path):
    dest = tmp_path / "content"
    shutil.copytree(FIXTURE, dest)
    (dest / "collections").mkdir(exist_ok=True)
    return dest


def write(content: Path, name: str, text: str) -> Path:
    path = content / "collections" / name
    path.write_text(text, encoding="utf-8")
    return path


def found(content: Path) -> list[tuple[str, int, str, str]]:
    result = load_and_validate(content, today=TODAY)
    return [
        (Path(d.file).name, d.line, d.path, d.code)
        for d in result.diagnostics
        if "collections" in d.file
    ]


GOOD = """\
title: Koleksi uji
description: Untuk lokakarya.
audience: Bagian Organisasi
event: Lokakarya 2026
date: 2026-05-01
items:
  - id: layanan-induk
    note: Inovasi asal.
  - id: replika-anak
"""


def test_a_good_collection_loads_into_the_catalogue(content):
    write(content, "uji.yml", GOOD)
    assert found(content) == []
    catalog, _ = load_catalog(content, TODAY)
    (collection,) = catalog.collections
    assert (
        collection.id == "uji"
        and collection.title == "Koleksi uji"
        and collection.date == "2026-05-01"
    )
    assert [(i.id, i.note) for i in collection.items] == [
        ("layanan-induk", "Inovasi asal."),
        ("replika-anak", ""),
    ]
    assert collection.source_path == "collections/uji.yml"


def test_unknown_duplicate_and_malformed_items_each_have_a_line(content):
    write(content, "salah.yml", """\
title: Uji
descripton: salah ketik
items:
  - id: layanan-induk
  - id: layanan-indk
  - id: layanan-induk
  - replika-anak
  - id: replika-anak
    catatan: x
date: 2026-02-30
""")
    assert sorted(found(content)) == sorted([
        ("salah.yml", 2, "descripton", "unknown-key"),
        ("salah.yml", 1, "description", "missing-key"),
        ("salah.yml", 5, "items.1.id", "collection-unknown-id"),
        ("salah.yml", 6, "items.2.id", "collection-duplicate-id"),
        ("salah.yml", 7, "items.3", "wrong-type"),
        ("salah.yml", 9, "items.4.catatan", "unknown-key"),
        ("salah.yml", 10, "date", "invalid-date"),
    ])
    result = load_and_validate(content, today=TODAY)
    unknown = next(d for d in result.diagnostics if d.code == "collection-unknown-id")
    assert "layanan-induk" in unknown.hint
    typo = next(d for d in result.diagnostics if d.path == "descripton")
    assert "description" in typo.hint


def test_a_collection_without_items_is_an_error(content):
    write(content, "kosong.yml", "title: Kosong\ndescription: Tanpa butir.\nitems: []\n")
    write(content, "tanpa.yml", "title: Tanpa\ndescription: Tanpa kunci items.\n")
    assert sorted(found(content)) == [("kosong.yml", 3, "items", "collection-empty"),
                                      ("tanpa.yml", 1, "items", "missing-key")]


def test_a_former_id_is_named_in_the_hint(content):
    case = content / "innovations" / "layanan-induk.md"
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "\nid: layanan-induk\n", "\nid: layanan-induk\nformer_ids: [induk-lama]\n", 1
        ),
        encoding="utf-8",
    )
    write(content, "lama.yml", "title: Lama\ndescription: Id lama.\nitems:\n  - id: induk-lama\n")
    result = load_and_validate(content, today=TODAY)
    (d,) = [d for d in result.diagnostics if "collections" in d.file]
    assert (d.code, d.line) == ("collection-unknown-id", 4) and "`layanan-induk`" in d.hint


def test_yaml_problems_shapes_and_stray_files(content):
    write(content, "jangkar.yml", "title: &t Uji\ndescription: *t\nitems:\n  - id: layanan-induk\n")
    write(content, "daftar.yml", "- id: layanan-induk\n")
    write(content, "Huruf_Besar.yml", GOOD)
    write(content, "catatan.yaml", GOOD)
    write(content, "tab.yml", "title: Uji\nitems:\n\t- id: layanan-induk\n")
    codes = {(name, code) for name, _line, _path, code in found(content)}
    assert ("jangkar.yml", "yaml-anchor") in codes
    assert ("daftar.yml", "collection-shape") in codes
    assert ("Huruf_Besar.yml", "invalid-format") in codes
    assert ("catatan.yaml", "collection-file-ignored") in codes
    assert ("tab.yml", "yaml-tab") in codes


def test_collection_errors_stop_the_build(content):
    write(content, "salah.yml", "title: Uji\ndescription: x\nitems:\n  - id: tidak-ada\n")
    with pytest.raises(ContentError) as info:
        load_catalog(content, TODAY)
    assert any(d.code == "collection-unknown-id" for d in info.value.diagnostics)


def test_cli_reports_the_file_and_line_without_a_traceback(content):
    write(content, "salah.yml", "title: Uji\ndescription: x\nitems:\n  - id: tidak-ada\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--content", str(content)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"KATALOG_TODAY": TODAY.isoformat(), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 1
    assert (
        "salah.yml" in proc.stdout
        and "baris 4" in proc.stdout
        and "collection-unknown-id" in proc.stdout
    )
    assert "Traceback" not in proc.stdout + proc.stderr


def test_the_real_collections_are_valid_and_name_real_cases():
    result = load_and_validate(REPO / "content", today=CATALOG_TODAY)
    assert [d for d in result.diagnostics if "collections" in d.file] == []
    assert len(result.collections) >= 3
    ids = {d.front_matter["id"] for d in result.documents}
    assert all(item.id in ids for c in result.collections for item in c.items)


def test_a_collection_file_named_on_the_command_line_is_checked_as_a_collection(content):
    path = write(content, "salah.yml", "title: Uji\ndescription: x\nitems:\n  - id: layanan-indk\n")
    good = write(content, "baik.yml", GOOD)
    result = load_and_validate(content, [path, good], today=TODAY)
    assert [(Path(d.file).name, d.line, d.code) for d in result.diagnostics] == [
        ("salah.yml", 4, "collection-unknown-id")]
    assert result.files_checked == 2


def test_a_collection_linking_out_of_the_content_folder_is_refused_unread(content, tmp_path):
    outside = tmp_path / "luar.yml"
    outside.write_text(GOOD, encoding="utf-8")
    (content / "collections" / "tautan.yml").symlink_to(outside)
    assert found(content) == [("tautan.yml", 1, "", "symlink-outside")]
