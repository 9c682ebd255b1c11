"""Shared fixtures: the search fixture corpus (tests/fixtures/search/content) with the real
taxonomies (so synonyms.yml is the one the site uses), loaded through the real pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CATALOG_TODAY, ROOT, TODAY

__all__ = ["CATALOG_TODAY", "FIXTURE", "ROOT", "TODAY"]

FIXTURE = ROOT / "tests" / "fixtures" / "search" / "content"


@pytest.fixture(scope="session")
def search_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("search-content")
    shutil.copytree(FIXTURE / "innovations", content / "innovations")
    shutil.copytree(ROOT / "content" / "taxonomies", content / "taxonomies")
    return content


@pytest.fixture(scope="session")
def search_catalog(search_content: Path):
    from generator.pipeline import load_catalog

    catalog, _warnings = load_catalog(search_content, TODAY)
    return catalog


@pytest.fixture(scope="session")
def searcher(search_catalog):
    from generator.search.query import searcher_for

    return searcher_for(search_catalog)
