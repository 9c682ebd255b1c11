"""Bad vocabulary files give taxonomy diagnostics in Indonesian, never a traceback."""

from __future__ import annotations

from pathlib import Path

from generator.taxonomy import load_taxonomies


def _codes(directory: Path, name: str) -> list[tuple[str, str]]:
    _, problems = load_taxonomies(directory)
    return [(d.code, d.message) for d in problems if d.file.endswith(name)]


def test_list_id_and_scalar_levels_are_term_errors(tmp_path: Path) -> None:
    (tmp_path / "odd.yml").write_text(
        "vocabulary: odd\nlabel: Odd\nterms:\n  - {id: [a], label: A}\n  - {id: b, label: B, "
        "levels: 5}\n",
        encoding="utf-8",
    )
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
        (
            "taxonomy-yaml",
            "Berkas kosakata tidak bisa dibaca (izin akses, atau bukan berkas biasa).",
        )
    ]
    assert _codes(tmp_path, "latin.yml") == [
        ("taxonomy-yaml", "Berkas kosakata tidak bisa dibaca (bukan UTF-8).")
    ]


def test_a_bare_list_of_terms_is_a_vocabulary(tmp_path: Path) -> None:
    (tmp_path / "categories.yml").write_text(
        "- id: kebencanaan\n  label: Kebencanaan\n", encoding="utf-8"
    )
    taxonomies, problems = load_taxonomies(tmp_path)
    assert taxonomies["categories"].ids() == ["kebencanaan"]
    assert not [d for d in problems if d.file.endswith("categories.yml")]


def test_a_content_folder_with_some_vocabularies_borrows_the_rest(tmp_path: Path) -> None:
    """taxonomies/ holding only a custom categories.yml: that one is used, the project's own
    fill in the others (a note, not an error); the project's folder itself gets no such help."""
    from generator.pipeline import DEFAULT_TAXONOMIES, load_and_validate
    from tests.validator.conftest import FIXTURES, TODAY

    content = tmp_path / "content"
    (content / "taxonomies").mkdir(parents=True)
    (content / "taxonomies" / "categories.yml").write_text(
        "- id: kebencanaan\n  label: Kebencanaan\n", encoding="utf-8")
    (content / "innovations").mkdir()
    case = (FIXTURES / "valid-minimal" / "innovations" / "kasus.md").read_text(encoding="utf-8")
    (content / "innovations" / "kasus.md").write_text(
        case.replace("category: kesehatan", "category: kebencanaan"), encoding="utf-8"
    )
    result = load_and_validate(content, today=TODAY)
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []
    assert any("provinces" in note and "categories" not in note for note in result.notes)

    (content / "innovations" / "kasus.md").write_text(
        case, encoding="utf-8"
    )  # kesehatan is not in this list
    assert [(d.code, d.path) for d in load_and_validate(content, today=TODAY).diagnostics
            if d.severity == "error"] == [("unknown-value", "category")]
    assert (DEFAULT_TAXONOMIES / "provinces.yml").is_file()


HOSTILE_VOCABULARY = """\
vocabulary: evidence_levels
label: Tingkat Bukti
terms:
  - id: 1
    label: Tingkat 1 <img src=x onerror=alert(1)>
  - id: 2
    label: "Tingkat 2 &lt;img src=x onerror=alert(2)&gt;"
  - id: 3
    label: Tingkat 3
    description: "&#60;svg onload=alert(3)&#62;"
  - id: 4
    label: Tingkat 4
    label_en: "Level 4 &amp;lt;b&amp;gt;"
  - id: 5
    label: Kesehatan & Sosial, R&D
"""


def test_markup_in_labels_and_descriptions_is_an_error_at_its_line(tmp_path: Path) -> None:
    """Vocabulary labels reach every page (and could reach a title attribute); no spelling of markup
    may pass."""
    (tmp_path / "evidence_levels.yml").write_text(HOSTILE_VOCABULARY, encoding="utf-8")
    _, problems = load_taxonomies(tmp_path)
    found = [(d.code, d.line, d.path) for d in problems if d.file.endswith("evidence_levels.yml")]
    assert found == [
        ("taxonomy-markup", 5, "terms.0.label"),
        ("taxonomy-markup", 7, "terms.1.label"),
        ("taxonomy-markup", 10, "terms.2.description"),
        ("taxonomy-markup", 13, "terms.3.label_en"),
    ]
    assert all(d.hint for d in problems if d.code == "taxonomy-markup")


def test_markup_in_award_levels_and_bare_lists_is_found_too(tmp_path: Path) -> None:
    (tmp_path / "awards.yml").write_text(
        'terms:\n  - id: kipp\n    label: KIPP\n    levels:\n      - id: top-99\n        label: '
        '"<b>Top</b>"\n',
        encoding="utf-8",
    )
    (tmp_path / "categories.yml").write_text(
        "- id: a\n  label: A\n- id: b\n  label: B &#x3c;i&#x3e;\n", encoding="utf-8"
    )
    _, problems = load_taxonomies(tmp_path)
    found = sorted(
        (d.file.rsplit("/", 1)[-1], d.line, d.path) for d in problems if d.code == "taxonomy-markup"
    )
    assert found == [
        ("awards.yml", 6, "terms.0.levels.0.label"),
        ("categories.yml", 4, "terms.1.label"),
    ]
