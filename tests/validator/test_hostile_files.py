"""Hostile files under content/: every one is a diagnostic with a file and a line, never a crash,
a traceback or a hang. The CLI runs in a subprocess, so a segfault fails the test instead of
killing the test run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.yaml_reader import MAX_NESTING, parse_yaml
from tests.validator.conftest import make_content
from tests.validator.test_cli import katalog, no_traceback

DEEP_FLOW = "tags: " + "[" * 25_000  # inside the 64 KiB front-matter limit
DEEP_BLOCK = "tags:\n" + "- " * 25_000 + "x"


def _case(content: Path, front: str) -> Path:
    path = content / "innovations" / "kasus.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nlast_verified:", f"\n{front}\nlast_verified:", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("front", [DEEP_FLOW, DEEP_BLOCK, "tags: " + "{a: " * 15_000, "tags: " + "[{" * 12_000])
def test_deep_front_matter_is_a_diagnostic_not_a_segfault(tmp_path: Path, front: str) -> None:
    content = make_content("valid-minimal", tmp_path)
    case = _case(content, front)
    start = time.perf_counter()
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])  # 139/-11 was a segfault
    assert time.perf_counter() - start < 60
    no_traceback(proc)
    line = case.read_text(encoding="utf-8").split("\n").index(front.split("\n")[-1]) + 1
    assert f"  baris {line}  -  kesalahan [yaml-syntax]" in proc.stdout
    assert "bersarang terlalu dalam" in proc.stdout


def test_deep_taxonomy_is_a_diagnostic_not_a_segfault(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    (content / "taxonomies" / "statuses.yml").write_text("vocabulary: statuses\nterms: " + "[" * 25_000,
                                                          encoding="utf-8")
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])
    no_traceback(proc)
    assert "statuses.yml\n  baris 2" in proc.stdout and "bersarang terlalu dalam" in proc.stdout


@pytest.mark.parametrize("text", [
    "a: [[[1], [2]], {b: [c, {d: e}]}]",
    "a: '[[[[[[[[[[' \nb: \"[[[[[[[[[[\\\"[[[[\"",
    "a: [" + ", ".join(["[1]"] * 5_000) + "]",  # many brackets, shallow
    "a:\n" + "".join(" " * n + f"k{n}:\n" for n in range(0, 35)) + " " * 35 + "x: 1",
    "# " + "[" * 500 + "\na: 1",
])
def test_ordinary_nesting_is_not_flagged(text: str) -> None:
    parsed = parse_yaml(text)
    assert not any("bersarang" in p[3] for p in parsed.problems), parsed.problems[:1]


def test_the_scan_never_underestimates_after_a_false_quote() -> None:
    """A quote that YAML does not read as one (inside a block scalar) cannot hide a bomb."""
    text = "a: |\n  'x\nb: " + "[" * (MAX_NESTING * 3) + "\nc: 'y'"
    parsed = parse_yaml(text)
    assert not parsed.ok and parsed.problems[0][1] == 3
