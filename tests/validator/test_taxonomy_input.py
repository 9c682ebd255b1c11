"""Bad vocabulary files give taxonomy diagnostics in Indonesian, never a traceback."""

from __future__ import annotations

from pathlib import Path

from generator.taxonomy import load_taxonomies


def _codes(directory: Path, name: str) -> list[tuple[str, str]]:
    _, problems = load_taxonomies(directory)
    return [(d.code, d.message) for d in problems if d.file.endswith(name)]


def test_list_id_and_scalar_levels_are_term_errors(tmp_path: Path) -> None:
    (tmp_path / "odd.yml").write_text(
        "vocabulary: odd\nlabel: Odd\nterms:\n  - {id: [a], label: A}\n  - {id: b, label: B, levels: 5}\n",
        encoding="utf-8")
    taxonomies, _ = load_taxonomies(tmp_path)
    assert [code for code, _ in _codes(tmp_path, "odd.yml")] == ["taxonomy-term"]
    assert taxonomies["odd"].ids() == ["b"]


def test_syntax_error_is_explained_in_indonesian(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text("vocabulary: broken\nterms: [a, b\n", encoding="utf-8")
    found = _codes(tmp_path, "broken.yml")
    assert [code for code, _ in found] == ["taxonomy-yaml"]
    assert "while parsing" not in found[0][1]


def test_folder_named_yml_and_non_utf8_are_reported(tmp_path: Path) -> None:
    (tmp_path / "folder.yml").mkdir()
    (tmp_path / "latin.yml").write_bytes(b"a: \xff\n")
    assert _codes(tmp_path, "folder.yml") == [
        ("taxonomy-yaml", "Berkas kosakata tidak bisa dibaca (izin akses, atau bukan berkas biasa).")]
    assert _codes(tmp_path, "latin.yml") == [("taxonomy-yaml", "Berkas kosakata tidak bisa dibaca (bukan UTF-8).")]
