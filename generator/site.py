"""Build the whole site: validate, render through the builder adapter, swap the result in.

The output folder is replaced only after a complete, successful build: the builder writes
into a fresh temporary folder beside it (same filesystem) which is then renamed into place.
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.errors import ConfigError
from generator.model import Catalog
from generator.output import Output
from generator.render import SiteSettings, render_site
from generator.render.parallel import run_beside
from generator.search.render import render_search
from generator.source import SourceDocument

# The builder adapter: a module with build(config_file, content_dir, site_dir, today, catalog).
# Moving to another builder means changing this one line.
BUILDER = "generator.mkdocs_adapter.build"


@dataclass(frozen=True, slots=True)
class BuildResult:
    out_dir: Path
    innovations: int
    pages: int
    files: int
    warnings: tuple[Diagnostic, ...] = field(default_factory=tuple)

    def summary_lines(self) -> list[str]:
        lines = [f"Situs dibangun di {self.out_dir}: {self.innovations} studi kasus, "
                 f"{self.pages} halaman, {self.files} berkas."]
        if self.warnings:
            lines.append(f"{len(self.warnings)} peringatan (jalankan `katalog validate` untuk rinciannya).")
        return lines


def settings_from(repo_url: str = "", site_url: str = "",
                  prose: tuple[tuple[str, str], ...] = ()) -> SiteSettings:
    return SiteSettings(repo_url=repo_url, site_url=site_url, prose=prose)


def read_prose(content_dir: Path) -> tuple[tuple[str, str], ...]:
    """``content/pages/*.md`` as (name, text), sorted; the About page is ``tentang.md``.

    Only pages the loader can read (``katalog validate`` reports the others, and a build with
    such a page stops before this).
    """
    from generator.loading import load_pages

    pages, _problems = load_pages(Path(content_dir))
    return tuple((Path(page.file).stem, _page_text(page)) for page in pages)


def _page_text(page: SourceDocument) -> str:
    """The page's text as written (front matter included), from its loaded form."""
    if page.body_line == 1:  # no front matter
        return page.body
    try:
        return Path(page.file).read_bytes().decode("utf-8-sig", "replace")
    except OSError:
        return page.body


def collect_outputs(catalog: Catalog, settings: SiteSettings) -> list[Output]:
    """Every page and file of the site: rendered pages, exports and the search outputs."""
    pages, search_outputs = run_beside(len(catalog.innovations),
                                       lambda: render_site(catalog, settings),
                                       lambda: render_search(catalog))
    return pages + list(search_outputs)


def build_site(content_dir: Path, out_dir: Path, config_file: Path | None, today: date) -> BuildResult:
    """Validate, build into a temporary folder, then replace ``out_dir``. Raises ContentError
    (nothing touched) or ConfigError."""
    from generator.pipeline import load_catalog

    config_file = Path(config_file) if config_file is not None else Path("mkdocs.yml")
    if not config_file.is_file():
        raise ConfigError(f"berkas konfigurasi {config_file} tidak ditemukan")
    catalog, warnings = load_catalog(Path(content_dir), today)

    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.baru-", dir=out_dir.parent))
    try:
        importlib.import_module(BUILDER).build(config_file.resolve(), Path(content_dir).resolve(),
                                               temp, today, catalog)
        _swap(temp, out_dir)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    files = [p for p in out_dir.rglob("*") if p.is_file()]  # one walk of the (large) tree
    pages = sum(1 for p in files if p.suffix == ".html")
    return BuildResult(out_dir, len(catalog.innovations), pages, len(files), tuple(warnings))


def _swap(new: Path, out_dir: Path) -> None:
    """Rename ``new`` to ``out_dir``; the old folder moves aside first and is restored on failure."""
    os.chmod(new, 0o755)  # mkdtemp makes it 0700; a served site must be readable
    if not out_dir.exists():
        os.rename(new, out_dir)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.lama-", dir=out_dir.parent))
    backup.rmdir()
    os.rename(out_dir, backup)
    try:
        os.rename(new, out_dir)
    except BaseException:
        os.rename(backup, out_dir)
        raise
    shutil.rmtree(backup, ignore_errors=True)


__all__ = ["BuildResult", "build_site", "collect_outputs", "read_prose", "settings_from"]
