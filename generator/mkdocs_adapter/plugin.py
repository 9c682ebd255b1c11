"""MkDocs plugin ``katalog``: load the catalogue, add every generated page and file.

Only public MkDocs API is used (plugin events, ``File.generated`` with ``InclusionLevel``,
``File.page`` set to a ``Page`` subclass — supported since MkDocs 1.5.3 —, ``get_toc``, the
documented ``Page`` attributes ``meta``, ``toc`` and ``content``, the Jinja environment from
``on_env``); tests/site/test_mkdocs_adapter.py checks that no code here reads or writes an
underscore attribute of another object, replaces a method on one or sets a module flag.

Our pages are HTML already: a page outside the nav is a ``GeneratedPage`` whose ``render``
takes that HTML and its headings instead of running Markdown (a new Markdown instance per
page was most of MkDocs' own per-page cost). The few pages in the nav keep MkDocs' own
``Page`` (its nav titles come from mkdocs.yml) with an empty Markdown source; their HTML and
table of contents replace the result in ``on_page_content``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.errors import ConfigError, ContentError
from generator.mkdocs_adapter.headings import heading_tree
from generator.mkdocs_adapter.shell import Shell, make_shell, page_values
from generator.model import Catalog
from generator.output import PageOutput, StaticOutput
from generator.render.base import optional_bytecode_cache
from generator.validate.pages import docs_problems

log = logging.getLogger("mkdocs.plugins.katalog")


class KatalogConfig(base.Config):
    content_dir = c.Type(str, default="content")  # folder with innovations/, taxonomies/, pages/
    # Render Material's chrome once per page shape and fill it per page (shell.py), and the
    # sidebar once per folder; the output is byte-identical either way, only faster.
    shared_shell = c.Type(bool, default=True)


class KatalogPlugin(BasePlugin[KatalogConfig]):
    def __init__(self) -> None:
        self.preloaded: Catalog | None = None  # set by generator.site to skip a second load
        self.today: date | None = None
        self.content_override: Path | None = None
        # Fork a second renderer for big catalogues (generator/render/parallel.py); not under
        # `mkdocs serve`, whose threads a fork could copy mid-lock.
        self.fork = True
        self._outputs: dict[str, PageOutput] = {}  # src_uri -> our rendered page
        self._static_outputs: list[StaticOutput] = []
        self._nav_uris: set[str] = set()  # src_uris of the pages listed in mkdocs.yml's nav
        # Theme fragments identical across pages (see main.html).
        self._fragments: dict[str, str] = {}
        self._jinja_env: Any = None
        self._shells: dict[tuple, Shell | None] = {}
        self._shell_outputs: dict[str, PageOutput] = {}
        self._pending: dict[str, tuple[Shell | None, dict]] = {}
        self._tocs: dict[tuple, str] = {}

    def content_path(self, config: MkDocsConfig) -> Path:
        if self.content_override is not None:
            return self.content_override
        path = Path(self.config.content_dir)
        if not path.is_absolute():
            path = Path(config.config_file_path or ".").resolve().parent / path
        return path

    def build_date(self) -> date:
        if self.today is not None:
            return self.today
        pinned = os.environ.get("KATALOG_TODAY")
        try:
            return date.fromisoformat(pinned) if pinned else date.today()
        except ValueError as exc:
            raise PluginError(f"KATALOG_TODAY harus tanggal YYYY-MM-DD, bukan {pinned!r}") from exc

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.fork = command != "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from generator import report
        from generator.pipeline import load_catalog
        from generator.site import collect_outputs, read_prose, settings_from

        content = self.content_path(config)
        # docs/ is copied (HTML, images) or rendered (Markdown with raw HTML) by MkDocs itself,
        # outside every check: it must hold nothing but its placeholder, whatever --content is.
        stray = docs_problems(Path(config.docs_dir))
        if stray:
            error = ContentError(stray, 0)
            raise PluginError(report.render_text(stray, files_checked=0)) from error
        catalog = self.preloaded
        if catalog is None:
            try:
                catalog, _warnings = load_catalog(content, self.build_date())
            except ContentError as exc:
                raise PluginError(
                    report.render_text(exc.diagnostics, files_checked=exc.files_checked)
                ) from exc
            except ConfigError as exc:
                raise PluginError(str(exc)) from exc
        settings = settings_from(repo_url=config.repo_url or "", site_url=config.site_url or "",
                                 prose=read_prose(content))
        self._outputs, self._static_outputs, self._shell_outputs = {}, [], {}
        for output in collect_outputs(catalog, settings, fork=self.fork):
            if isinstance(output, PageOutput):
                self._outputs[output.src_uri] = output
            else:
                self._static_outputs.append(output)
        # Material prints the site name unescaped in places (it is meant to be trusted text):
        # hand it over already escaped. Markup is Jinja's "already safe" string, so the
        # templates that do escape it (`| e`) leave it as it is.
        config.site_name = escape(config.site_name)
        return config

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        # Templates do not change during a build; skip Jinja's per-include mtime check.
        env.auto_reload = False
        if env.bytecode_cache is None:  # compiled theme templates, keyed by source checksum
            env.bytecode_cache = optional_bytecode_cache()
            if env.bytecode_cache is None:
                log.warning(
                    "katalog: cache templat Jinja tidak bisa dipakai; dibangun tanpa cache."
                )
        self._jinja_env = env
        self._shells, self._pending, self._tocs = {}, {}, {}
        self._fragments = {}
        if self.config.shared_shell:
            env.globals["katalog_fragment"] = self._fragments.get
            env.globals["katalog_keep"] = self._keep
        else:
            env.globals.pop("katalog_fragment", None)
            env.globals.pop("katalog_keep", None)
        return env

    def _keep(self, key: str, html: str) -> str:
        self._fragments[key] = html
        return html

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Pages mkdocs.yml's nav does not list are declared so (NOT_IN_NAV): MkDocs builds them
        # without listing them as omitted from the nav.
        self._nav_uris = (
            set(nav_paths(config.nav)) if config.nav is not None else set(self._outputs)
        )
        for src_uri, output in sorted(self._outputs.items()):
            if src_uri in self._nav_uris:
                self._add(files, File.generated(config, src_uri, content=""))
            else:
                file = File.generated(
                    config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV
                )
                self._add(files, file)
                GeneratedPage(file, config, output.html)  # a Page sets itself as file.page
        for static in self._static_outputs:
            self._add(files, File.generated(config, static.path, content=static.content))
        return files

    @staticmethod
    def _add(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            log.warning("katalog: %s dari docs_dir diganti halaman yang dibangkitkan", file.src_uri)
            files.remove(existing)
        files.append(file)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page by the wall clock (sitemap.xml's <lastmod>, the mtime in
        # sitemap.xml.gz's header); the build's reference date keeps the output a function of
        # content, configuration and that date.
        page.update_date = self.build_date().isoformat()
        return page

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        output = self._outputs.get(page.file.src_uri)
        if output is None:
            return markdown
        # The title is handed over escaped (Markup): Material prints page titles unescaped in
        # the header, the h1 it adds and the navigation, and `| e` leaves Markup alone. No key
        # Material reads besides title, description, hide (and template) is ever set here.
        meta: dict[str, Any] = {"title": escape(output.title), "description": output.description,
                                "hide": list(output.hide)}
        meta.update({f"katalog_{k.replace(':', '_')}": v for k, v in output.meta.items()})
        if page.file.src_uri not in self._nav_uris:
            # Pages outside the nav share one sidebar rendering per folder.
            meta["katalog_shared_nav"] = True
            meta["katalog_nav_key"] = page.url.rstrip("/").rpartition("/")[0]
            if self.config.shared_shell and "<h1" in output.html:
                meta["template"] = "katalog-shell.html"
                self._shell_outputs[page.file.src_uri] = output
        page.meta = meta
        return ""  # the page is already HTML: nothing for Markdown to do

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        output = self._outputs.get(page.file.src_uri)
        if output is None or isinstance(page, GeneratedPage):
            return html
        page.toc = toc_of(output.html)
        return output.html

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        output = self._shell_outputs.get(page.file.src_uri)
        if output is None:
            return context
        key = (page.meta["katalog_nav_key"], tuple(output.hide), tuple(sorted(output.meta.items())),
               bool(output.description), page.canonical_url is None, page.abs_url is None,
               bool(list(page.toc)))
        if key not in self._shells:
            self._shells[key] = make_shell(self._jinja_env, context, page)
        self._pending[page.file.src_uri] = (self._shells[key], context)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        pending = self._pending.pop(page.file.src_uri, None)
        if pending is not None:
            shell, context = pending
            if shell is None:  # no usable shell for this shape: render the page the ordinary way
                output = self._jinja_env.get_template("main.html").render(context)
            else:
                output = shell.fill(page_values(self._jinja_env, context, page, shell, self._tocs))
        return drop_toggle_autocomplete(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # Theme pages rendered outside the page loop (404.html) carry the same toggles.
        return (
            drop_toggle_autocomplete(output_content)
            if template_name.endswith(".html")
            else output_content
        )

    def on_shutdown(self) -> None:
        # MkDocs keeps one instance of a plugin with startup/shutdown events for the whole
        # process (its plugin cache), so what a build handed over must not outlive that build:
        # the next configuration loaded in this process would build the old catalogue.
        self.preloaded, self.today, self.content_override = None, None, None
        self._outputs, self._static_outputs, self._shell_outputs = {}, [], {}
        self._pending, self._fragments = {}, {}

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        server.watch(str(self.content_path(config)))
        return server


class GeneratedPage(Page):
    """A page outside the nav whose HTML the generator rendered: ``render`` sets the content
    and the table of contents from it (MkDocs uses a Page subclass a plugin sets on File.page)."""

    def __init__(self, file: File, config: MkDocsConfig, html: str) -> None:
        super().__init__(None, file, config)
        self.katalog_html = html

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.katalog_html
        self.toc = toc_of(self.katalog_html)


def toc_of(html: str) -> Any:
    """The table of contents of a rendered page (its h2 and h3 with ids), as MkDocs builds it."""
    return get_toc(heading_tree(html))  # type: ignore[arg-type]


def nav_paths(nav: Any) -> Iterator[str]:
    """Every page path in an ``mkdocs.yml`` nav (nested lists of paths and {title: path | list})."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)


# Material's base.html writes its drawer and search toggles outside any template block, with
# autocomplete="off", an attribute HTML allows only on text-like inputs, never on a checkbox
# (the Nu HTML checker's error on every page). Exactly these two tags lose exactly that
# attribute; they precede all page content, so the first occurrence is the theme's.
_TOGGLE_TAGS = tuple(
    (
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" '
        'autocomplete="off">',
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">',
    )
    for name in ("drawer", "search")
)


def drop_toggle_autocomplete(html: str) -> str:
    """The page with ``autocomplete="off"`` removed from Material's two checkbox toggles."""
    for tag, valid in _TOGGLE_TAGS:
        html = html.replace(tag, valid, 1)
    return html
