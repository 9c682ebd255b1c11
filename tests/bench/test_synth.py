"""The benchmark's synthetic corpus is valid content and never lands in content/."""

from __future__ import annotations

import pytest

from bench.synth import REPO, agencies, write_body_pages, write_corpus
from generator.pipeline import load_and_validate
from tests.conftest import TODAY


def test_synthetic_corpus_passes_the_validator(tmp_path):
    ids = write_corpus(tmp_path / "content", 60)
    result = load_and_validate(tmp_path / "content", today=TODAY)
    errors = [d for d in result.diagnostics if d.is_error]
    assert errors == []
    assert result.files_checked == len(ids) == 60


def test_synthetic_corpus_is_deterministic(tmp_path):
    write_corpus(tmp_path / "a", 25)
    write_corpus(tmp_path / "b", 25)
    a = {p.name: p.read_bytes() for p in (tmp_path / "a" / "innovations").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b" / "innovations").iterdir()}
    assert a == b


def test_agencies_span_every_province():
    provinces = {a.province for a in agencies() if a.province}
    assert len(provinces) == 38
    assert len(agencies()) >= 300


def test_plain_pages_carry_the_same_bodies(tmp_path):
    write_corpus(tmp_path / "content", 5)
    assert write_body_pages(tmp_path / "content", tmp_path / "docs") == 5
    page = sorted((tmp_path / "docs").glob("*.md"))[0]
    assert page.read_text(encoding="utf-8").startswith("# ")
    assert "## Cara Mereplikasi" in page.read_text(encoding="utf-8")


def test_refuses_to_write_into_content():
    with pytest.raises(ValueError):
        write_corpus(REPO / "content" / "synthetic", 1)
    assert not (REPO / "content" / "synthetic").exists()
