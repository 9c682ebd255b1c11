"""Quick repository checks: pinned dependencies, the CI entry point, the README quick start."""

from __future__ import annotations

import re

from tests.conftest import ROOT as REPO


def _requirements() -> list[str]:
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def test_every_requirement_is_pinned_exactly():
    loose = [
        ln
        for ln in _requirements()
        if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", ln)
    ]
    assert loose == []


def test_mkdocs_and_material_versions_are_the_supported_ones():
    reqs = {ln.split("==")[0].lower(): ln.split("==")[1] for ln in _requirements()}
    assert reqs["mkdocs"] == "1.6.1"
    assert reqs["mkdocs-material"] == "9.8.1"


def test_playwright_is_pinned_for_the_browser_tests():
    names = {ln.split("==")[0].lower() for ln in _requirements()}
    assert "playwright" in names


def test_npm_tools_are_pinned_exactly_and_locked():
    import json

    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    deps = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert "axe-core" in deps and "vnu-jar" in deps
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in deps.values()), deps
    lock = (REPO / "package-lock.json").read_text(encoding="utf-8")
    assert '"resolved"' not in lock  # written with --omit-lockfile-registry-resolved


def test_ci_entry_point_runs_make_test_strictly():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script
    assert re.search(r"^\s*(time\s+)?make test\b", script, re.MULTILINE)


def test_makefile_keeps_the_documented_targets():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("site", "test", "serve", "bench"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_readme_quick_start_is_exactly_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.DOTALL)
    assert block is not None
    assert block.group(1).split("\n")[:-1] == ["make site", "make test"]


def test_readme_opens_with_an_indonesian_summary():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    opening = readme.split("## ", 1)[0]
    assert "Ringkasan" in opening and "studi kasus" in opening


def test_generated_outputs_are_ignored_by_git():
    ignored = {
        line.strip().strip("/")
        for line in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    }
    for entry in ("site", ".venv", "node_modules", ".bench", "test-results"):
        assert entry in ignored, entry
