"""Build the site with Zensical (``python -m generator build --builder zensical``).

Zensical reads an mkdocs.yml-style configuration but runs no MkDocs plugins or hooks, so the
pages are generated first and handed to it as files:

1. every ``PageOutput`` becomes ``docs/<src_uri>``: a front matter block (title,
   description, hide, OpenGraph values; YAML-quoted, so no value can end the block) and the
   page's finished HTML after ``rawhtml.MARKER``, which the ``rawhtml`` Markdown extension
   passes through untouched;
2. a configuration is derived from mkdocs.yml (site name and addresses, theme language,
   palette and features, extra_css, nav) with the theme overrides of mkdocs.yml's
   ``custom_dir``, no web fonts and no plugins;
3. ``python -m zensical build`` runs on it in a subprocess, inside a work folder within
   ``site_dir`` (Zensical wants its docs and site folders inside the configuration's folder);
4. the result moves into ``site_dir`` and every ``StaticOutput`` (exports, feed, search
   index, assets, images) is written beside it as it is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path, PurePosixPath

import yaml

from generator.errors import ConfigError
from generator.model import Catalog
from generator.output import PageOutput, StaticOutput
from generator.pipeline import load_catalog
from generator.site import collect_outputs, read_prose, settings_from
from generator.textsafety import terminal_safe
from generator.zensical_adapter.rawhtml import MARKER

WORK = ".zensical-kerja"  # inside site_dir while Zensical runs; removed afterwards
# mkdocs.yml keys that mean the same to Zensical and are copied as they are.
_SITE_KEYS = ("site_name", "site_description", "site_author", "site_url", "repo_url", "repo_name",
              "copyright", "use_directory_urls", "extra_css", "extra_javascript", "nav")
# Theme keys copied from mkdocs.yml; custom_dir is rebuilt, font is always off (no web fonts).
_THEME_KEYS = ("language", "palette", "features", "favicon", "logo", "icon", "direction")
# Zensical's own full-text index; the site uses its own search (search/, assets/search/).
_ZENSICAL_ONLY = ("search.json",)


def build(config_file: Path, content_dir: Path, site_dir: Path, today: date,
          catalog: Catalog | None = None) -> None:
    """Build the site into ``site_dir`` (which the caller owns and may discard)."""
    config_file, content_dir, site_dir = Path(config_file), Path(content_dir), Path(site_dir)
    mkdocs = read_mkdocs_config(config_file)
    if catalog is None:
        catalog, _warnings = load_catalog(content_dir, today)
    settings = settings_from(
        repo_url=str(mkdocs.get("repo_url") or ""),
        site_url=str(mkdocs.get("site_url") or ""),
        prose=read_prose(content_dir),
    )
    outputs = collect_outputs(catalog, settings)
    work = site_dir / WORK
    try:
        docs = work / "docs"
        docs.mkdir(parents=True)
        statics: list[StaticOutput] = []
        for output in outputs:
            if isinstance(output, PageOutput):
                write_page(docs, output)
            else:
                statics.append(output)
        theme = work / "theme"
        copy_theme(config_file, mkdocs, theme)
        zensical_config = work / "zensical.yml"
        zensical_config.write_text(
            yaml.safe_dump(derive_config(mkdocs, theme), allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        run_zensical(zensical_config)
        for page in (work / "site").rglob("*.html"):
            _valid_frame(page)
        for entry in sorted((work / "site").iterdir()):
            if entry.name in _ZENSICAL_ONLY:
                continue
            os.replace(entry, site_dir / entry.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for static in statics:
        target = site_dir / _relative(static.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(static.content)


# Zensical's base.html writes three tags outside any template block that the Nu HTML checker
# rejects: its drawer and search toggles carry autocomplete="off" (allowed only on text-like
# inputs, never on a checkbox; the MkDocs adapter drops it from Material's too) and the overlay
# label for the drawer carries aria-hidden="true" (not allowed on a label of a control). Exactly
# these tags lose exactly that attribute; they precede all page content, so the first
# occurrence is the theme's.
_FRAME_FIXES = tuple(
    (bad.encode(), good.encode())
    for bad, good in (
        *(
            (
                f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" '
                'autocomplete="off">',
                f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">',
            )
            for name in ("drawer", "search")
        ),
        (
            '<label class="md-overlay" for="__drawer" aria-hidden="true"></label>',
            '<label class="md-overlay" for="__drawer"></label>',
        ),
    )
)


def _valid_frame(page: Path) -> None:
    html = original = page.read_bytes()
    for tag, valid in _FRAME_FIXES:
        html = html.replace(tag, valid, 1)
    if html != original:
        page.write_bytes(html)


def read_mkdocs_config(config_file: Path) -> dict:
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"konfigurasi {config_file} tidak bisa dibaca: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"konfigurasi {config_file} bukan YAML yang sah: {exc}") from exc
    if not isinstance(data, dict) or not data.get("site_name"):
        raise ConfigError(f"konfigurasi {config_file} tidak valid: site_name wajib diisi")
    return data


def derive_config(mkdocs: dict, theme_dir: Path) -> dict:
    """The Zensical configuration for the generated docs tree."""
    config = {key: mkdocs[key] for key in _SITE_KEYS if key in mkdocs}
    source_theme = mkdocs.get("theme") if isinstance(mkdocs.get("theme"), dict) else {}
    theme = {"name": "material",
             # Material's look (Zensical's "modern" variant is a new design); both variants
             # ship in Zensical's own templates and stylesheets.
             "variant": "classic",
             "custom_dir": str(theme_dir),
             "font": False}  # no Google Fonts request, as in mkdocs.yml
    theme.update({key: source_theme[key] for key in _THEME_KEYS if key in source_theme})
    extra = dict(mkdocs.get("extra") or {}) if isinstance(mkdocs.get("extra"), dict) else {}
    extra["generator"] = False  # no "Made with" link to an outside site
    config.update({
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme,
        "extra": extra,
        # The pages are finished HTML: only the pass-through extension (and toc, which
        # Zensical's templates expect to be configured) run on them.
        "markdown_extensions": ["toc", "generator.zensical_adapter.rawhtml"],
        # Links to exports and the search index point at files written after Zensical runs;
        # the site's own link tests check every link of the finished site.
        "validation": {"invalid_links": False, "invalid_link_anchors": False},
    })
    return config


# Zensical renders templates with MiniJinja, not Jinja2, and its page object is not MkDocs'.
# The theme overrides are shared with the MkDocs build, so the few expressions that only work
# there are replaced by equivalents both understand when the theme is copied for Zensical:
# Python string methods (MiniJinja has none) and ``page.is_homepage`` (Zensical does not set
# it; the home page is the one whose url is empty, in both builders). A template that still
# fails stops the build with MiniJinja's message.
PORTABLE = {
    '(base_url | string).rstrip("/")':
        '((base_url | string)[:-1] if (base_url | string)[-1:] == "/" else (base_url | string))',
    "page.is_homepage": '(page.is_homepage or page.url == "")',
}


def copy_theme(config_file: Path, mkdocs: dict, target: Path) -> None:
    """mkdocs.yml's ``custom_dir`` (the theme overrides, shared with the MkDocs build) with the
    Jinja2-only expressions made portable (PORTABLE)."""
    source_theme = mkdocs.get("theme") if isinstance(mkdocs.get("theme"), dict) else {}
    custom = source_theme.get("custom_dir")
    if custom:
        custom_dir = (config_file.parent / str(custom)).resolve()
        if not custom_dir.is_dir():
            raise ConfigError(f"{config_file}: theme.custom_dir {custom} tidak ditemukan")
        shutil.copytree(custom_dir, target)
    target.mkdir(parents=True, exist_ok=True)
    for template in sorted(target.rglob("*.html")):
        text = original = template.read_text(encoding="utf-8")
        for jinja2_only, portable in PORTABLE.items():
            text = text.replace(jinja2_only, portable)
        if text != original:
            template.write_text(text, encoding="utf-8")


def front_matter(output: PageOutput) -> str:
    meta: dict[str, object] = {
        "title": output.title,
        "description": output.description,
        "hide": list(output.hide),
    }
    meta.update({f"katalog_{k.replace(':', '_')}": v for k, v in output.meta.items()})
    # Every scalar double-quoted and on one line: no value can close the block or start a
    # YAML construct of its own, whatever a contributor wrote.
    return yaml.safe_dump(
        meta, allow_unicode=True, sort_keys=False, default_style='"', width=2**31 - 1
    )


def write_page(docs: Path, output: PageOutput) -> None:
    target = docs / _relative(output.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\n{front_matter(output)}---\n{MARKER}\n{output.html}", encoding="utf-8")


def _relative(path: str) -> Path:
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise ConfigError(f"jalur keluaran tidak sah: {path!r}")
    return Path(*parts)


def run_zensical(zensical_config: Path) -> None:
    """``python -m zensical build`` on the generated configuration; ConfigError on failure."""
    import importlib.util

    if importlib.util.find_spec("zensical") is None:
        raise ConfigError(
            "Zensical tidak terpasang; jalankan `make venv` (requirements.txt memasangnya), "
            "atau bangun dengan `--builder mkdocs`."
        )
    package_root = str(Path(__file__).resolve().parents[2])  # so Zensical imports this generator
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (package_root, env.get("PYTHONPATH"))))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--config-file", str(zensical_config)],
            cwd=zensical_config.parent,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
        )
    except OSError as exc:
        raise ConfigError(f"Zensical tidak bisa dijalankan: {exc}") from exc
    site = zensical_config.parent / "site"
    if proc.returncode != 0 or not (site / "index.html").is_file():
        detail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-20:])
        raise ConfigError(
            "Zensical gagal membangun situs (kode keluar "
            f"{proc.returncode}):\n{terminal_safe(detail)}"
        )
