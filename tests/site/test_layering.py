"""Only generator/mkdocs_adapter/ may import mkdocs or material (the way out of MkDocs)."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
FORBIDDEN = ("mkdocs", "material")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def test_only_the_adapter_imports_mkdocs_or_material():
    offenders = []
    for path in sorted(GENERATOR.rglob("*.py")):
        if "mkdocs_adapter" in path.relative_to(GENERATOR).parts:
            continue
        for name in _imports(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(GENERATOR)}: {name}")
    assert offenders == []


def test_the_adapter_does_import_mkdocs():
    adapter = GENERATOR / "mkdocs_adapter"
    assert any(n.split(".")[0] == "mkdocs" for p in adapter.glob("*.py") for n in _imports(p))


def test_the_builder_is_one_line_to_swap():
    from generator import site

    assert site.BUILDER == "generator.mkdocs_adapter.build"
