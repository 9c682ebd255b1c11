"""Module boundaries of generator/: no import cycles, no imports hidden in functions, and each
stage imports only what comes before it (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# Function-level imports of generator modules that stay, and why. Any other one fails: a
# function-level import is how an import cycle hides, so remove the cycle instead.
ALLOWED_LOCAL = {
    # Each subcommand imports only what it runs: `katalog new` and `katalog forms` start in a
    # fraction of the time `katalog build` needs to import the renderer.
    "cli.py": {
        "generator.report",
        "generator.pipeline",
        "generator.site",
        "generator.search.query",
        "generator.scaffold",
        "generator.intake",
        "generator.intake.form",
    },
    # MkDocs imports the plugin from its entry point for every configuration it reads.
    "mkdocs_adapter/plugin.py": {
        "generator.render.parallel",
        "generator.render",
        "generator.report",
        "generator.pipeline",
        "generator.site",
        "generator.render.headings",
    },
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in GENERATOR.rglob("*.py"):
        parts = list(path.relative_to(GENERATOR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    """The generator module an import names (``generator.render.base.RenderContext`` → its
    module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _targets(node: ast.Import | ast.ImportFrom, module: str, path: Path) -> list[str]:
    """The generator modules one import statement loads (names inside a module resolve to it)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = _package(module, path).split(".")
            package = package[: len(package) - node.level + 1]
            base = ".".join(package + ([base] if base else []))
        names = [f"{base}.{alias.name}" for alias in node.names]
    return [target for target in map(_resolve, names) if target.startswith("generator")]


def _imports() -> tuple[dict[str, set[str]], list[tuple[str, str, int]]]:
    """Module → the generator modules it imports at import time; and every function-level
    generator import as (module file, imported module, line)."""
    graph: dict[str, set[str]] = {}
    local: list[tuple[str, str, int]] = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        at_import: set[str] = set()
        in_functions: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        in_functions.add(id(inner))
                        rel = path.relative_to(GENERATOR).as_posix()
                        local += [
                            (rel, target, inner.lineno) for target in _targets(inner, module, path)
                        ]
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in in_functions:
                at_import.update(_targets(node, module, path))
        # Importing a.b.c first runs the package a.b (its __init__), unless a.b is this module's own
        # package.
        for target in list(at_import):
            parts = target.split(".")
            for n in range(2, len(parts)):
                parent = ".".join(parts[:n])
                if parent in MODULES and not module.startswith(parent + ".") and parent != module:
                    at_import.add(parent)
        at_import.discard(module)
        graph[module] = at_import
    return graph, local


GRAPH, LOCAL = _imports()


def _closure(module: str) -> set[str]:
    seen: set[str] = set()
    todo = [module]
    while todo:
        for target in GRAPH.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_no_generator_import_hides_in_a_function() -> None:
    hidden = [f"{file}:{line} imports {target}" for file, target, line in LOCAL
              if target not in ALLOWED_LOCAL.get(file, set())]
    assert hidden == []


def test_no_import_cycles() -> None:
    cycles = sorted(f"{module} → … → {module}" for module in GRAPH if module in _closure(module))
    assert cycles == []


def test_the_checks_see_imports() -> None:
    """The graph is not empty by accident: known edges and a known hidden import are found."""
    assert "generator.codes" in GRAPH["generator.loading"]
    assert "generator.validate" in GRAPH["generator.pipeline"]
    assert "generator.validate" in _closure(
        "generator.model"
    )  # validate.assets: its package runs first
    assert ("cli.py", "generator.site") in {(file, target) for file, target, _ in LOCAL}


def test_loading_does_not_depend_on_validation() -> None:
    for stage in (
        "generator.loading",
        "generator.yaml_reader",
        "generator.taxonomy",
        "generator.codes",
        "generator.diagnostics",
        "generator.source",
        "generator.values",
    ):
        assert [m for m in _closure(stage) if m.startswith("generator.validate")] == [], stage


def test_search_and_exports_do_not_load_content_or_render_pages() -> None:
    for stage in ("generator.search.query", "generator.search.index", "generator.search.analysis",
                  "generator.exports"):
        reached = _closure(stage)
        assert not reached & {"generator.pipeline", "generator.loading", "generator.site"}, stage
        assert not {m for m in reached if m.startswith("generator.render")}, stage


def test_the_core_does_not_reach_a_builder() -> None:
    """Loading, validation, the model, rendering, search and exports never import an adapter
    (``generator.site`` picks the adapter by name at run time)."""
    for module in MODULES:
        if "adapter" in module or module in ("generator.cli", "generator.__main__"):
            continue
        assert [m for m in _closure(module) if "adapter" in m] == [], module
