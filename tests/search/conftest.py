"""Shared fixtures: the search fixture corpus (tests/fixtures/search/content) with the real
taxonomies (so synonyms.yml is the one the site uses), loaded through the real pipeline."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "search" / "content"
TODAY = date(2026, 11, 23)
# The real catalogue (content/) carries last_verified and accessed dates up to the day its cases
# were last checked, so a test that loads it validates as of today, never before those dates.
CATALOG_TODAY = max(TODAY, date.today())


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
