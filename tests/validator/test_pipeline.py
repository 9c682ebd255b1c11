"""``load_and_validate`` and ``load_catalog``: the interfaces build and search rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError, ContentError
from generator.loading import load_document
from generator.pipeline import load_and_validate, load_catalog
from tests.validator.conftest import TODAY, make_content


def test_load_catalog_returns_the_model_and_warnings(tmp_path: Path) -> None:
    content = make_content("valid-full", tmp_path)
    catalog, warnings = load_catalog(content, TODAY)
    assert [i.id for i in catalog.innovations] == ["induk", "kasus"]
    assert catalog.get("induk").replicated_by[0].child_id == "kasus"
    assert warnings == []


def test_load_catalog_keeps_warnings(tmp_path: Path) -> None:
    catalog, warnings = load_catalog(make_content("stale", tmp_path), TODAY)
    assert [w.code for w in warnings] == ["stale"] and catalog.innovations[0].stale


def test_load_catalog_raises_with_every_diagnostic(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as raised:
        load_catalog(make_content("unknown-key-nested", tmp_path), TODAY)
    assert raised.value.files_checked == 1
    assert [d.code for d in raised.value.diagnostics] == ["province-required", "unknown-key"]


def test_missing_content_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="tidak ditemukan"):
        load_and_validate(tmp_path / "tidak-ada", today=TODAY)


def test_file_name_too_long_for_the_file_system_is_a_config_error(tmp_path: Path) -> None:
    content = make_content("valid-folder-form", tmp_path)
    with pytest.raises(ConfigError, match="berkas tidak ditemukan"):
        load_and_validate(content, [content / "innovations" / ("a" * 300 + ".md")], today=TODAY)


def test_rel_path_is_relative_to_the_content_folders_parent(tmp_path: Path) -> None:
    result = load_and_validate(make_content("valid-folder-form", tmp_path), today=TODAY)
    assert [d.rel_path for d in result.documents] == ["content/innovations/kasus/index.md"]
    assert result.files_checked == 1


def test_source_document_keeps_lines_and_raw_scalars(tmp_path: Path) -> None:
    doc = load_and_validate(make_content("valid-full", tmp_path), today=TODAY).documents[1]
    assert doc.doc_id == "kasus"
    assert doc.lines["agency.type"] == 7 and doc.lines[""] == 1
    assert doc.front_matter["last_verified"] == "2026-06-01"  # an ISO string, never a date
    assert doc.front_matter["sources"][0]["date"] == "2020-01-02"
    assert doc.front_matter["crosswalk"] == {"sinovik": "01234", "jippnas": 5678}
    assert doc.scalars["crosswalk.jippnas"] == "5678"
    assert doc.body.startswith("## Latar Belakang")


def test_malformed_synonyms_file_is_a_content_error(tmp_path: Path) -> None:
    content = make_content("valid-full", tmp_path)
    (content / "taxonomies" / "synonyms.yml").write_text("groups:\n  - ktp\n", encoding="utf-8")
    result = load_and_validate(content, today=TODAY)
    [problem] = [d for d in result.diagnostics if d.code == "synonyms-invalid"]
    assert (
        problem.severity == "error"
        and problem.file.endswith("synonyms.yml")
        and problem.path == "groups"
    )


def test_unreadable_file_is_explained_in_indonesian(tmp_path: Path) -> None:
    broken = tmp_path / "putus.md"
    broken.symlink_to(tmp_path / "tidak-ada.md")
    doc, problems = load_document(broken)
    assert doc is None
    assert [(d.code, d.message) for d in problems] == [
        (
            "file-unreadable",
            "Berkas tidak bisa dibaca: berkas tidak ada (atau tautan simbolik yang putus).",
        )
    ]


def test_broken_link_in_innovations_is_reported_not_skipped(tmp_path: Path) -> None:
    content = make_content("valid-folder-form", tmp_path)
    (content / "innovations" / "putus.md").symlink_to(content / "tidak-ada.md")
    (content / "innovations" / "keluar.md").symlink_to(tmp_path / "tidak-ada.md")
    result = load_and_validate(content, today=TODAY)
    assert result.files_checked == 3
    assert [d.code for d in result.diagnostics if d.file.endswith("putus.md")] == [
        "file-unreadable"
    ]
    # a link out of the content folder is refused whether or not its target exists
    assert [d.code for d in result.diagnostics if d.file.endswith("keluar.md")] == [
        "symlink-outside"
    ]
