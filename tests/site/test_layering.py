"""The core never depends on a site builder: only the adapter packages ``generator/*_adapter/``
import one (MkDocs and Material, Zensical, ...), and the core reaches an adapter only by the
module name ``generator/site.py`` selects, never by an import (the way out of a builder)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from tests.conftest import ROOT

GENERATOR = ROOT / "generator"
BUILDERS = ("mkdocs", "material", "zensical")  # top-level modules of the site builders


def _imports(path: Path) -> set[str]:
    """Every module a file imports: ``import``, absolute ``from … import`` and
    ``importlib.import_module("…")`` with a literal name (also inside functions)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "import_module"
            and node.args
        ):
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def _adapters() -> list[Path]:
    return sorted(p for p in GENERATOR.glob("*_adapter") if (p / "__init__.py").is_file())


def _core_files() -> list[Path]:
    adapters = {p.name for p in _adapters()}
    return sorted(
        p for p in GENERATOR.rglob("*.py") if p.relative_to(GENERATOR).parts[0] not in adapters
    )


def _is_adapter_module(name: str) -> bool:
    parts = name.split(".")
    return len(parts) > 1 and parts[0] == "generator" and parts[1].endswith("_adapter")


def test_there_is_an_adapter_and_a_core():
    assert "mkdocs_adapter" in [p.name for p in _adapters()]
    core = [p.relative_to(GENERATOR).as_posix() for p in _core_files()]
    assert {"site.py", "pipeline.py", "model.py", "cli.py"} <= set(core)
    assert not any("_adapter/" in p for p in core)


def test_the_core_imports_no_site_builder():
    offenders = [f"{path.relative_to(GENERATOR)}: {name}" for path in _core_files()
                 for name in sorted(_imports(path)) if name.split(".")[0] in BUILDERS]
    assert offenders == []


def test_the_core_imports_no_adapter():
    """Dependencies point from an adapter to the core; site.py names its builder as a string."""
    offenders = [f"{path.relative_to(GENERATOR)}: {name}" for path in _core_files()
                 for name in sorted(_imports(path)) if _is_adapter_module(name)]
    assert offenders == []


def test_the_mkdocs_adapter_does_import_mkdocs():
    adapter = GENERATOR / "mkdocs_adapter"
    assert any(n.split(".")[0] == "mkdocs" for p in adapter.rglob("*.py") for n in _imports(p))


def _builder_names() -> list[str]:
    """Every adapter module named by a string literal in generator/site.py (one BUILDER or a
    registry of them)."""
    tree = ast.parse((GENERATOR / "site.py").read_text("utf-8"))
    return sorted(
        {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _is_adapter_module(node.value)
        }
    )


def test_every_builder_site_py_names_is_an_adapter_module_with_build():
    names = _builder_names()
    assert "generator.mkdocs_adapter.build" in names
    for name in names:
        module = importlib.import_module(name)
        assert callable(getattr(module, "build", None)), f"{name} has no build()"
        assert (GENERATOR / name.split(".")[1]) in Path(module.__file__).resolve().parents, name


def test_a_core_module_importing_mkdocs_would_be_found(tmp_path):
    """The walk sees imports at any depth, in functions and through importlib."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from mkdocs.config import load_config\n"
                      "    import importlib\n    importlib.import_module('material.plugins')\n"
                      "    from generator import mkdocs_adapter\n", "utf-8")
    found = _imports(sample)
    assert {"mkdocs.config", "material.plugins", "generator.mkdocs_adapter"} <= found
    assert _is_adapter_module("generator.mkdocs_adapter") and not _is_adapter_module(
        "generator.site"
    )
