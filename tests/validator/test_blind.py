"""The blind check (see blind_cases.py) as a regression test: every contributor-style file
exits as expected, and each invalid one has an error at the expected line and path."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import load_and_validate
from tests.validator import blind_cases
from tests.validator.conftest import TODAY


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    root = tmp_path_factory.mktemp("blind")
    return root, blind_cases.write(root)


@pytest.mark.parametrize("name", sorted(blind_cases.cases))
def test_blind_case(written: tuple[Path, dict[str, dict]], name: str) -> None:
    root, expected = written
    exp = expected[name]
    diagnostics = load_and_validate(root / name, today=TODAY).diagnostics
    errors = [d for d in diagnostics if d.severity == "error"]
    assert (1 if errors else 0) == exp["exit"], [
        (d.line, d.path, d.code, d.message) for d in errors
    ]
    if exp["exit"] == 1:
        assert any((exp["lines"] == [None] or d.line in exp["lines"])
                   and (exp["any_path"] or d.path in exp["paths"]) for d in errors), \
            (exp, [(d.line, d.path, d.code) for d in errors])
