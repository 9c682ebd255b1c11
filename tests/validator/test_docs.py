"""CONTRIBUTING.md documents every schema field and every diagnostic code, and is up to date."""

from __future__ import annotations

import ast
import re

from generator.codes import CODES
from generator.schema_docs import CONTRIBUTING, render_contributing
from generator.validate.schema import load_static_schema
from tests.conftest import ROOT

GENERATOR = ROOT / "generator"


def _schema_paths(node: dict, prefix: str = "") -> list[str]:
    paths = []
    for key, child in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        paths.append(path)
        if child.get("type") == "array" and isinstance(child.get("items"), dict):
            paths += _schema_paths(child["items"], f"{path}[].")
        elif child.get("type") == "object":
            paths += _schema_paths(child, f"{path}.")
    return paths


def test_generated_parts_are_up_to_date() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert render_contributing(text) == text, "jalankan `python -m generator.schema_docs`"


def test_every_schema_property_is_documented() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    paths = _schema_paths(load_static_schema())
    assert len(paths) > 50
    missing = [p for p in paths if f"| `{p}` |" not in text]
    assert missing == []


def test_every_schema_property_has_an_indonesian_title_and_description() -> None:
    def walk(node: dict, where: str) -> None:
        for key, child in node.get("properties", {}).items():
            assert child.get("title") and child.get("description"), f"{where}{key}"
            walk(child, f"{where}{key}.")
            if isinstance(child.get("items"), dict):
                walk(child["items"], f"{where}{key}[].")
    walk(load_static_schema(), "")


def test_every_code_is_stable_kebab_case() -> None:
    assert [c for c in CODES if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c)] == []


def test_every_code_is_documented() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert [c for c in CODES if f"| `{c}` |" not in text] == []


def _codes_in_source() -> set[str]:
    """Codes passed to diagnostic()/add()/problem(), returned by _required_code, or given to
    Diagnostic(...) positionally (taxonomy.py)."""
    found: set[str] = set()
    for path in GENERATOR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                first = node.args[0]
                if (
                    name in ("diagnostic", "add", "problem")
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", first.value)
                ):
                    found.add(first.value)
                if (
                    name == "Diagnostic"
                    and len(node.args) >= 5
                    and isinstance(node.args[4], ast.Constant)
                ):
                    found.add(node.args[4].value)
            if (
                isinstance(node, ast.Return)
                and isinstance(node.value, ast.Tuple)
                and node.value.elts
            ):
                first = node.value.elts[0]
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and first.value in CODES
                ):
                    found.add(first.value)
    return found


def test_every_code_the_validator_can_emit_is_in_the_table() -> None:
    used = _codes_in_source()
    assert {"yaml-alias", "province-required", "unsafe-url", "taxonomy-missing"} <= used
    assert used - set(CODES) == set()


def test_no_code_in_the_table_is_dead() -> None:
    assert set(CODES) - _codes_in_source() == set()
