"""Every built page is valid HTML by the Nu HTML checker (npm vnu-jar, run with Java).

The checker reads the files of the real site and of the hostile fixture site (payloads in every
field) as built once per session by conftest.py; 404.html and every page type are among them.
A missing Java or vnu.jar is a failure with a way to fix it, never a skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PAGE_TYPES, REPO, page_path

pytestmark = pytest.mark.browser

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SHOWN = 20


def java() -> str:
    found = shutil.which("java")
    if not found:
        pytest.fail(
            "java tidak ditemukan: the Nu HTML checker needs Java 11 or newer. Run 'make test' "
            "(it installs default-jre-headless) or 'apt-get install -y default-jre-headless'.",
            pytrace=False,
        )
    return found


def vnu_errors(root: Path) -> tuple[list[Path], list[dict]]:
    """The HTML files under ``root`` and the checker's errors on them."""
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(REPO)} is missing: run 'make test' (npm ci installs vnu-jar "
                    "from package-lock.json)", pytrace=False)
    pages = sorted(root.rglob("*.html"))
    proc = subprocess.run(
        [java(), "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(proc.stderr)  # vnu writes its JSON report to stderr
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON report (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n"
                    f"{proc.stderr[-2000:]}", pytrace=False)
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    if not errors and proc.returncode != 0:
        pytest.fail(
            f"vnu exited {proc.returncode} without errors:\n{proc.stderr[-2000:]}", pytrace=False
        )
    return pages, errors


def describe(root: Path, errors: list[dict]) -> str:
    lines = [
        f"{len(errors)} Nu checker errors on {len({e.get('url') for e in errors})} pages; the "
        f"first {SHOWN}:"
    ]
    for e in errors[:SHOWN]:
        where = str(e.get("url", "")).removeprefix("file:").removeprefix(str(root)).lstrip("/")
        lines.append(f"  {where}:{e.get('lastLine', '?')}: {e.get('message')}")
        if e.get("extract"):
            lines.append(f"      {e['extract'].strip()[:160]!r}")
    return "\n".join(lines)


def check_site(served) -> None:
    root = served.root
    pages, errors = vnu_errors(root)
    checked = {p.relative_to(root).as_posix() for p in pages}
    expected = {"404.html"} | {page_path(served, kind) + "index.html" for kind in PAGE_TYPES}
    assert expected <= checked, f"page types not checked: {sorted(expected - checked)}"
    assert not errors, describe(root, errors)


def test_real_site_is_valid_html(real_site):
    check_site(real_site)


def test_hostile_site_is_valid_html(hostile_site):
    check_site(hostile_site)
