"""Look-alike names: text is normalised to NFC and zero-width characters are reported, so two
agency names that look the same are the same agency or an error; names that differ only in
case, spacing or punctuation warn."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.model import build_catalog
from generator.pipeline import load_and_validate
from generator.yaml_reader import parse_yaml
from tests.validator.conftest import TODAY, make_content

NAME = "Pemerintah Kota Contoh"


def _with_second_case(tmp_path: Path, second_name: str, *, third_name: str | None = None) -> Path:
    content = make_content("valid-minimal", tmp_path)
    case = content / "innovations" / "kasus.md"
    text = case.read_text(encoding="utf-8")
    for n, name in enumerate([second_name] + ([third_name] if third_name else []), start=2):
        other = (text.replace("id: kasus", f"id: kasus-{n}")
                 .replace("title: Antrean Puskesmas Daring", f"title: Layanan Lain Nomor {n}")
                 .replace(f"name: {NAME}", f"name: {name}"))
        (content / "innovations" / f"kasus-{n}.md").write_text(other, encoding="utf-8")
    return content


def test_decomposed_names_are_the_same_agency(tmp_path: Path) -> None:
    content = _with_second_case(tmp_path, unicodedata.normalize("NFD", "Pemerintah Kota Contoh"))
    (content / "innovations" / "kasus.md").write_text(
        (content / "innovations" / "kasus.md")
        .read_text(encoding="utf-8")
        .replace(NAME, "Pemerintah Kota Contoh"),
        encoding="utf-8",
    )
    result = load_and_validate(content, today=TODAY)
    assert [d for d in result.diagnostics if d.is_error] == []
    catalog = build_catalog(result.documents, result.taxonomies, TODAY)
    assert [a.name for a in catalog.agencies] == [NAME]
    assert parse_yaml('a: "Pidie\\u0301"').value == {"a": "Pidié"}


@pytest.mark.parametrize("name", ["Pemerintah\u200b Kota Contoh", "Pemerintah Kota\u2060 Contoh",
                                  "Pemerintah Kota Contoh\ufeff", "Pemerintah Ko\u200dta Contoh"])
def test_zero_width_characters_in_names_are_errors(tmp_path: Path, name: str) -> None:
    """A zero-width space made a second agency that looked exactly like the first."""
    content = _with_second_case(tmp_path, name)
    found = [
        d
        for d in load_and_validate(content, today=TODAY).diagnostics
        if d.code == "control-character"
    ]
    assert [(Path(d.file).name, d.path, d.line) for d in found] == [
        ("kasus-2.md", "agency.name", 6)
    ]
    assert "lebar-nol" in found[0].message


def test_names_differing_in_case_spacing_or_punctuation_warn(tmp_path: Path) -> None:
    content = _with_second_case(tmp_path, "pemerintah kota  contoh.", third_name=NAME)
    result = load_and_validate(content, today=TODAY)
    found = [d for d in result.diagnostics if d.code == "agency-name-variant"]
    assert [(Path(d.file).name, d.path, d.severity) for d in found] == [
        ("kasus-2.md", "agency.name", "warning")
    ]
    assert f"`{NAME}`" in found[0].message


def test_different_agencies_do_not_warn(tmp_path: Path) -> None:
    content = _with_second_case(tmp_path, "Pemerintah Kota Contoh Baru")
    assert not [
        d
        for d in load_and_validate(content, today=TODAY).diagnostics
        if d.code == "agency-name-variant"
    ]
