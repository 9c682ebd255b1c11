"""One definition of each small value rule (generator/values.py), used everywhere."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from generator.values import ID_REGEX, STALE_AFTER_DAYS, is_id, is_int, is_stale, kebab

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "generator"


def test_schema_id_patterns_are_the_one_id_pattern() -> None:
    schema = (GENERATOR / "schema" / "innovation.schema.json").read_text(encoding="utf-8")
    patterns = {p for p in re.findall(r'"pattern": "([^"]*)"', schema) if p.startswith("^[a-z0-9]")}
    assert {json.loads(f'"{p}"') for p in patterns} == {ID_REGEX}


def test_no_module_writes_the_id_or_slug_pattern_again() -> None:
    written = [p.relative_to(ROOT).as_posix() for p in GENERATOR.rglob("*.py")
               if p.name != "values.py"
               and ("[a-z0-9]+(-[a-z0-9]+)*" in p.read_text(encoding="utf-8")
                    or '[^a-z0-9]+", "-"' in p.read_text(encoding="utf-8"))]
    assert written == []


def test_one_staleness_threshold() -> None:
    for path in GENERATOR.rglob("*.py"):
        if path.name != "values.py":
            assert not re.search(r"\b365\b", path.read_text(encoding="utf-8")), path
    assert is_stale(date(2025, 1, 1), date(2025, 1, 1).replace(year=2026)) is False  # 365 days
    assert is_stale(date(2024, 1, 1), date(2025, 1, 1)) is True  # 366 days (leap year)
    assert STALE_AFTER_DAYS == 365


def test_values() -> None:
    assert (
        is_id("antrean-puskesmas-2")
        and not is_id("Antrean")
        and not is_id("a--b")
        and not is_id("-a")
    )
    assert is_int(3) and not is_int(True) and not is_int(3.0) and not is_int("3")
    assert kebab("  Pemerintah Kota Bandung Barát!") == "pemerintah-kota-bandung-barat"
    assert kebab("—") == ""
