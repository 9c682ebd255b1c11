"""The golden build: tests/fixtures/site built with the real command line, kept file by file.

``tests/golden/site.manifest`` lists every file of the build (``sha256  size  path``, sorted by
path); ``tests/golden/site/`` holds a copy of every text file the generator writes, so that a
change shows as a readable diff. Files copied unchanged from the pinned theme (Material's scripts
under ``assets/javascripts/``, minified files, source maps) and binary files (PNG, zip, gz) are
kept by hash only: their copies would only make the tree big.

The build is pinned: ``KATALOG_TODAY`` is the reference date of the test suite and
``PYTHONHASHSEED`` is fixed. The generator makes no network request and reads no clock when a
date is given, so the output is a function of the fixture, the configuration and those two
values (``og.png`` also of the installed DejaVu font, which the Debian image pins).

    python -m tests.golden update   # rebuild and rewrite tests/golden (make golden)
    python -m tests.golden check    # rebuild and compare, as tests/golden/test_golden.py does
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tests.conftest import ROOT, TODAY

GOLDEN = ROOT / "tests" / "golden"
TREE = GOLDEN / "site"
MANIFEST = GOLDEN / "site.manifest"
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "content"
HASH_SEED = "0"
UPDATE_COMMAND = "make golden  (or: .venv/bin/python -m tests.golden update)"

TEXT_SUFFIXES = {
    ".html",
    ".xml",
    ".json",
    ".csv",
    ".svg",
    ".txt",
    ".css",
    ".js",
    ".webmanifest",
    "",
}
SHOWN_FILES = 3  # differing files shown as a diff in a failure message
SHOWN_LINES = 60  # lines of each diff (long lines are clipped)


def kept_as_text(path: str) -> bool:
    """Whether the golden tree holds a copy of ``path`` (else only its hash in the manifest)."""
    if "!" in path:
        return False  # a zip member: the zip is kept by hash and by member
    p = PurePosixPath(path)
    if p.parts[:2] == ("assets", "javascripts") or ".min." in p.name or p.suffix == ".map":
        return False  # the theme's own files, copied unchanged from the pinned Material package
    return p.suffix in TEXT_SUFFIXES


def build(out: Path) -> Path:
    """Build the fixture catalogue into ``out`` through ``python -m generator build``."""
    env = {**os.environ, "KATALOG_TODAY": TODAY.isoformat(), "PYTHONHASHSEED": HASH_SEED}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(FIXTURE), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"the golden build failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return out


@dataclass(frozen=True)
class Entry:
    digest: str
    size: int


def _entry(data: bytes) -> Entry:
    return Entry(hashlib.sha256(data).hexdigest(), len(data))


def scan(site: Path) -> dict[str, Entry]:
    """Every file of a build; a zip also by member (``path!member``), so that a change in the
    offline copy names the pages that changed in it."""
    entries = {}
    for p in sorted(p for p in site.rglob("*") if p.is_file()):
        path, data = p.relative_to(site).as_posix(), p.read_bytes()
        entries[path] = _entry(data)
        if p.suffix == ".zip":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist():
                    entries[f"{path}!{info.filename}"] = _entry(z.read(info))
    return entries


def format_manifest(entries: dict[str, Entry]) -> str:
    return "".join(f"{e.digest}  {e.size}  {path}\n" for path, e in sorted(entries.items()))


def read_manifest() -> dict[str, Entry]:
    if not MANIFEST.is_file():
        return {}
    entries = {}
    for line in MANIFEST.read_text("utf-8").splitlines():
        digest, size, path = line.split("  ", 2)
        entries[path] = Entry(digest, int(size))
    return entries


def update(site: Path) -> tuple[int, int]:
    """Replace tests/golden with the build in ``site``; returns (files, text copies)."""
    entries = scan(site)
    if TREE.exists():
        shutil.rmtree(TREE)
    copies = 0
    for path in entries:
        if kept_as_text(path):
            target = TREE / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / path, target)
            copies += 1
    MANIFEST.write_text(format_manifest(entries), "utf-8")
    return len(entries), copies


def _clip(line: str, width: int = 240) -> str:
    line = line.rstrip("\n")
    return (
        line if len(line) <= width else f"{line[:width]}… ({len(line) - width} more characters)"
    ) + "\n"


def _explain(path: str, site: Path, want: Entry) -> list[str]:
    if "!" in path:
        archive, member = path.split("!", 1)
        with zipfile.ZipFile(site / archive) as z:
            new = z.read(member)
    else:
        new = (site / path).read_bytes()
    stored = TREE / path
    if kept_as_text(path) and stored.is_file():
        old_text = stored.read_text("utf-8", errors="replace").splitlines(keepends=True)
        new_text = new.decode("utf-8", errors="replace").splitlines(keepends=True)
        lines = list(
            difflib.unified_diff(old_text, new_text, f"golden/{path}", f"build/{path}", n=2)
        )
        cut = len(lines) - SHOWN_LINES
        lines = [_clip(ln) for ln in lines[:SHOWN_LINES]]
        return lines + ([f"... {cut} more diff lines\n"] if cut > 0 else [])
    out = [f"{path}: sha256 {want.digest[:12]}… ({want.size} bytes) → "
           f"{hashlib.sha256(new).hexdigest()[:12]}… ({len(new)} bytes)\n"]
    if path.endswith(".zip"):
        out.append("    its members are listed as changed, new or gone above (zip!member)\n")
    elif path.endswith(".png"):
        out.append(
            "    rendered image: its text depends on the DejaVu font and FreeType installed\n"
        )
    return out


def compare(site: Path) -> str:
    """A report of every difference between the build in ``site`` and tests/golden ("" if none)."""
    want, got = read_manifest(), scan(site)
    if not want:
        return (
            f"tests/golden/site.manifest is missing or empty.\nCreate it with: {UPDATE_COMMAND}\n"
        )
    missing = sorted(want.keys() - got.keys())
    added = sorted(got.keys() - want.keys())
    changed = sorted(p for p in want.keys() & got.keys() if want[p] != got[p])
    # The text copies must match the manifest: a hand-edited golden file is a broken golden.
    stale_copies = sorted(
        p
        for p in want
        if kept_as_text(p)
        and (
            not (TREE / p).is_file()
            or hashlib.sha256((TREE / p).read_bytes()).hexdigest() != want[p].digest
        )
    )
    extra_copies = (
        sorted(
            p.relative_to(TREE).as_posix()
            for p in TREE.rglob("*")
            if p.is_file() and p.relative_to(TREE).as_posix() not in want
        )
        if TREE.is_dir()
        else []
    )
    if not (missing or added or changed or stale_copies or extra_copies):
        return ""
    report = [f"The build of tests/fixtures/site differs from the golden build in tests/golden "
              f"({len(changed)} changed, {len(added)} new, {len(missing)} gone).\n"]
    for title, paths in (("Changed", changed), ("New (not in the golden build)", added),
                         ("Gone (in the golden build, not built)", missing),
                         ("Golden copies that do not match site.manifest", stale_copies),
                         ("Golden copies not listed in site.manifest", extra_copies)):
        if paths:
            report.append(f"{title}: {len(paths)}\n" + "".join(f"    {p}\n" for p in paths[:20])
                          + (f"    ... and {len(paths) - 20} more\n" if len(paths) > 20 else ""))
    shown = sorted(changed, key=lambda p: (not kept_as_text(p), p))  # diffs first, hashes after
    for path in shown[:SHOWN_FILES]:
        report.append("\n")
        report.extend(_explain(path, site, want[path]))
    if len(changed) > SHOWN_FILES:
        report.append(
            f"\n({len(changed) - SHOWN_FILES} more changed files not shown; "
            "`python -m tests.golden check` writes the build to a folder you can diff.)\n"
        )
    report.append(
        f"\nIf the change is intended, update the golden build with\n    {UPDATE_COMMAND}\n"
        "and review `git diff tests/golden` before committing it.\n"
    )
    return "".join(report)


def main(argv: list[str]) -> int:
    if argv not in (["update"], ["check"]):
        print("usage: python -m tests.golden update|check", file=sys.stderr)
        return 2
    if argv == ["update"]:
        with tempfile.TemporaryDirectory(prefix="katalog-golden-") as tmp:
            files, copies = update(build(Path(tmp) / "site"))
        print(
            f"tests/golden updated: {files} files in site.manifest, {copies} kept as text in "
            "tests/golden/site/."
        )
        print("Review the change with `git diff --stat tests/golden` before committing it.")
        return 0
    out = Path(tempfile.mkdtemp(prefix="katalog-golden-check-")) / "site"
    report = compare(build(out))
    if report:
        print(report, end="")
        print(f"The build is kept in {out} for inspection (delete it when done).")
        return 1
    shutil.rmtree(out.parent)
    print("The build matches tests/golden.")
    return 0
