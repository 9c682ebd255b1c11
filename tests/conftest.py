"""What every test shares: the repository root and the reference date.

Tests import the constants (``from tests.conftest import ROOT, TODAY``) where they need them at
module level (paths, parametrisation) and take the fixtures ``root`` and ``today`` otherwise.
No test computes either on its own.

``TODAY`` is the one date every fixture corpus is validated and built against (in-process, or as
``KATALOG_TODAY`` for the command line), so staleness, "date in the future" and everything dated
never depend on the day the suite runs. Corpora whose dates are generated relative to another day
(bench.synth) say so where they pin theirs.

``CATALOG_TODAY`` is for tests that load the real catalogue (``content/``): its cases carry
``last_verified`` and ``accessed`` dates up to the day they were last checked, so it is validated as
of ``TODAY`` or the real today, whichever is later (never before those dates).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
CATALOG_TODAY = max(TODAY, date.today())


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository checkout."""
    return ROOT


@pytest.fixture(scope="session")
def today() -> date:
    """The reference date of every fixture corpus."""
    return TODAY
