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
# The project's own catalogue (content/) is dated by the days its contributors really read
# their sources; checked against a frozen past date, every freshly re-checked case would be
# "in the future". Tests over the real catalogue use the later of the two dates; tests over
# the fixture corpus keep the frozen TODAY.
CATALOGUE_TODAY = max(TODAY, date.today())


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
