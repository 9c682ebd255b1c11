"""Shared helpers: run the validator on one fixture folder against the tiny taxonomy set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.pipeline import load_and_validate
from tests.conftest import ROOT, TODAY

__all__ = ["FIXTURES", "TAXONOMIES", "TESTS", "TODAY", "make_content", "run_case"]

TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures" / "validator"
TAXONOMIES = TESTS / "fixtures" / "taxonomies"


def make_content(case: str, dest: Path) -> Path:
    """Copy ``fixtures/validator/<case>`` plus the shared taxonomies into ``dest/content``."""
    content = dest / "content"
    shutil.copytree(FIXTURES / case, content)
    shutil.copytree(TAXONOMIES, content / "taxonomies")
    return content


def run_case(case: str, dest: Path) -> list[Diagnostic]:
    return load_and_validate(make_content(case, dest), today=TODAY).diagnostics


@pytest.fixture
def validate_case(tmp_path: Path):
    return lambda case: run_case(case, tmp_path)
