"""Hints a non-programmer can act on: each mistake below gets advice that fits it, not a
generic example (a year where a source number belongs, a Python repr, a terminal command)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import load_and_validate
from tests.validator.conftest import FIXTURES, TAXONOMIES, TODAY

VALID = (FIXTURES / "valid-minimal" / "innovations" / "kasus.md").read_text(encoding="utf-8")


def _diagnostics(tmp_path: Path, data: bytes):
    content = tmp_path / "content"
    (content / "innovations").mkdir(parents=True)
    shutil.copytree(TAXONOMIES, content / "taxonomies")
    (content / "innovations" / "kasus.md").write_bytes(data)
    return load_and_validate(content, today=TODAY).diagnostics


def _edited(old: str, new: str) -> bytes:
    assert old in VALID
    return VALID.replace(old, new, 1).encode("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "code", "path", "needle"),
    [
        # a source number is 1, 2, …, never a year
        (
            "    source: 1\n",
            '    source: "[1]"\n',
            "wrong-type",
            "outcomes.0.source",
            "`source: 1`",
        ),
        # a comma-separated line becomes a YAML list of several items, not one quoted item
        (
            "status: berjalan\n",
            "status: berjalan\ntags: layanan-terpadu, perizinan\n",
            "wrong-type",
            "tags",
            "`tags: [layanan-terpadu, perizinan]`",
        ),
        (
            "status: berjalan\n",
            "status: berjalan\ntags: [layanan-terpadu, Pelayanan Publik]\n",
            "invalid-format",
            "tags.1",
            "`pelayanan-publik`",
        ),
        # a key written with a capital letter is a key, not an id
        (
            "title: Antrean",
            "Title: Antrean",
            "unknown-key",
            "Title",
            "Nama kunci ditulis dengan huruf kecil",
        ),
        ("year: 2019\n", "year: yes\n", "wrong-type", "year", "`year: 2019`"),
        ("year: 2019\n", "year: 19\n", "out-of-range", "year", "empat digit"),
        (
            "status: berjalan\n",
            'status: berjalan\nsdgs: [3]\nsdg_targets: ["3"]\n',
            "invalid-format",
            "sdg_targets.0",
            "tujuan dan targetnya",
        ),
        ("status: berjalan\n", 'status: berjalan\nsdgs: ["3"]\n', "wrong-type", "sdgs.0", "`- 3`"),
        # the web editor has no terminal: point at the docs, not at `katalog new`
        ("summary: Warga", "# summary: Warga", "missing-key", "summary", "CONTRIBUTING.md"),
    ],
)
def test_hint_fits_the_mistake(
    tmp_path: Path, old: str, new: str, code: str, path: str, needle: str
) -> None:
    found = [
        d for d in _diagnostics(tmp_path, _edited(old, new)) if d.code == code and d.path == path
    ]
    assert len(found) == 1, found
    assert needle in found[0].hint, found[0].hint
    assert "katalog new" not in found[0].hint
    if path != "year":
        assert "2019" not in found[0].hint


def test_value_starting_with_at_sign_gets_a_plain_example(tmp_path: Path) -> None:
    found = _diagnostics(tmp_path, _edited("  name: Pemerintah", "  name: @Pemerintah"))
    assert [d.code for d in found] == ["yaml-syntax"]
    assert "`@`" in found[0].hint and '`"`' not in found[0].hint


def test_bad_indentation_is_named_in_the_message(tmp_path: Path) -> None:
    found = _diagnostics(tmp_path, _edited("  type: pemerintah-kota", "   type: pemerintah-kota"))
    assert [d.code for d in found] == ["yaml-syntax"]
    assert "indentasi" in found[0].message


def test_missing_closing_fence_before_a_body_rule_points_at_the_heading(tmp_path: Path) -> None:
    text = VALID.replace("---\n## Latar Belakang", "## Latar Belakang", 1) + "\n---\n\nPenutup.\n"
    found = _diagnostics(tmp_path, text.encode("utf-8"))
    assert [d.code for d in found] == ["yaml-syntax"]
    assert "Baris 21 (`## Latar Belakang`)" in found[0].hint and "`---`" in found[0].hint


def test_utf16_from_notepad_is_named(tmp_path: Path) -> None:
    found = _diagnostics(tmp_path, VALID.encode("utf-16"))
    assert [(d.code, d.line) for d in found] == [("not-utf8", 1)]
    assert "UTF-16" in found[0].message and "Notepad" in found[0].hint


def test_empty_file_hint_works_without_a_terminal(tmp_path: Path) -> None:
    found = _diagnostics(tmp_path, b"\n")
    assert [d.code for d in found] == ["empty-file"]
    assert "katalog new" not in found[0].hint and "CONTRIBUTING.md" in found[0].hint
