"""Shared fixtures: the small site fixture catalogue and one full build of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, TODAY

__all__ = ["CONFIG", "FIXTURE", "PAYLOAD_TITLE", "ROOT", "TODAY"]

FIXTURE = ROOT / "tests" / "fixtures" / "site" / "content"
CONFIG = ROOT / "mkdocs.yml"
PAYLOAD_TITLE = '<script>alert(1)</script> & "{{ 7*7 }}"'


@pytest.fixture(scope="session")
def catalog():
    from generator.pipeline import load_catalog

    catalog, _warnings = load_catalog(FIXTURE, TODAY)
    return catalog


@pytest.fixture(scope="session")
def outputs(catalog):
    from generator.site import collect_outputs, read_prose, settings_from

    return collect_outputs(catalog, settings_from(repo_url="https://github.com/contoh/katalog",
                                                  prose=read_prose(FIXTURE)))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    from generator.site import build_site

    out = tmp_path_factory.mktemp("build") / "site"
    build_site(FIXTURE, out, CONFIG, TODAY)
    return out
