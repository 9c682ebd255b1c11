"""Shared rendering machinery: one Jinja environment, URL helpers, labels and formats.

Everything here is computed once per build; page renderers only look things up.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.intake.form import PROPOSAL_TEMPLATE, UPDATE_LABEL, UPDATE_TEMPLATE
from generator.model import Catalog, Innovation
from generator.output import PageOutput, page_url
from generator.render.markdown import MarkdownRenderer, plain_title, safe_href

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")

# URL prefix of each facet's browse pages; the facet names come from generator.model.FACETS.
FACET_PATHS = {
    "category": "kategori",
    "province": "provinsi",
    "year": "tahun",
    "status": "status",
    "award": "penghargaan",
    "sdg": "sdg",
    "agency_type": "jenis-instansi",
}
FACET_TITLES = {
    "category": "Kategori",
    "province": "Provinsi",
    "year": "Tahun mulai",
    "status": "Status",
    "award": "Penghargaan",
    "sdg": "Tujuan Pembangunan Berkelanjutan (SDG)",
    "agency_type": "Jenis instansi",
}
FACET_VOCABULARIES = {
    "category": "categories",
    "province": "provinces",
    "status": "statuses",
    "sdg": "sdgs",
    "agency_type": "agency_types",
}


class _OptionalBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, which only saves time: an entry it cannot read
    or write is skipped (the template is compiled again), never a failed build."""

    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 — unreadable or corrupt entry: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def optional_bytecode_cache() -> FileSystemBytecodeCache | None:
    """The cache in Jinja's default folder, or none when that folder is unusable (not a folder,
    another owner, wrong permissions, a read-only or full disk)."""
    try:
        return _OptionalBytecodeCache()
    except (OSError, RuntimeError):
        return None


# Browse pages of free tags: /label/ and /label/<tag>/.
TAG_PATH = "label"

# The one wording of the model's readiness definition (generator.model.Readiness), for every
# page and the data dictionary.
READY_DEFINITION = ("masih berjalan (status berjalan atau uji coba), diperiksa dalam 12 bulan "
                    "terakhir, mencantumkan kontak resmi, dan punya dokumen perangkat replikasi "
                    "atau prasyarat")
# What ``last_verified`` means, beside the date wherever it is shown.
VERIFIED_MEANING = "tanggal seseorang mencocokkan status, kontak dan angka dengan sumbernya"


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """Builder-independent facts about the site (from mkdocs.yml today)."""

    repo_url: str = ""  # https://github.com/owner/repo
    edit_branch: str = "main"
    site_url: str = ""  # absolute base URL, "" when unknown
    # Trusted-by-review prose pages from content/pages/, name → Markdown text (read at the edge).
    prose: tuple[tuple[str, str], ...] = ()

    def prose_text(self, name: str) -> str:
        return next((text for key, text in self.prose if key == name), "")

    def edit_url(self, rel_path: str) -> str:
        if not self.repo_url or not rel_path:
            return ""
        return f"{self.repo_url.rstrip('/')}/edit/{self.edit_branch}/{rel_path}"

    def issue_form_url(self, template: str, title: str = "", **fields: str) -> str:
        """GitHub's new-issue address for an issue form, prefilled: ``?template=…&title=…&<field id>=…``
        (every value URL-encoded); "" when ``repo_url`` is unknown."""
        if not self.repo_url:
            return ""
        params = [("template", template)] + ([("title", title)] if title else []) + list(fields.items())
        return f"{self.repo_url.rstrip('/')}/issues/new?" + urlencode(params, quote_via=quote, safe="")

    def propose_url(self) -> str:
        """The *Usulkan inovasi* form."""
        return self.issue_form_url(PROPOSAL_TEMPLATE)

    def report_update_url(self, case_id: str, title: str) -> str:
        """The *Laporkan pembaruan* form for one case, its id and title filled in."""
        return self.issue_form_url(UPDATE_TEMPLATE, title=f"Pembaruan: {title}", case_id=case_id, case_title=title)

    def open_reports_url(self, case_id: str = "") -> str:
        """Open *Laporkan pembaruan* issues (for one case when ``case_id`` is given)."""
        if not self.repo_url:
            return ""
        query = f"is:issue is:open label:{UPDATE_LABEL}" + (f' "{case_id}"' if case_id else "")
        return f"{self.repo_url.rstrip('/')}/issues?" + urlencode([("q", query)], quote_via=quote, safe="")

    def report_url(self, innovation: Innovation) -> str:
        """Where a reader reports an update to a case ("Laporkan pembaruan"): the one helper every
        page uses — the *Laporkan pembaruan* form, or the file's edit page without the form."""
        return self.report_update_url(innovation.id, innovation.title) or self.edit_url(innovation.source_path)


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs (``inovasi/x/`` → ``../../``
    plus the target), so the site works under any base path. Called for every link on every
    page: plain string work, no path normalisation."""
    if to_url.startswith("#"):
        return to_url
    prefix = "../" * from_url.count("/")
    return (prefix + to_url) or "./"


def format_date(value: date | str) -> str:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_number(value: Any) -> str:
    """Indonesian number format: 12.345,6 (thousands with dots, decimals with a comma)."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        if value.is_integer():
            return format_number(int(value))
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return str(value)


class Labels:
    """Vocabulary lookups as dictionaries (built once)."""

    def __init__(self, catalog: Catalog) -> None:
        tax = catalog.taxonomies
        self._maps: dict[str, dict[str, str]] = {}
        self._descriptions: dict[str, dict[str, str]] = {}
        for name in tax.vocabularies:
            self._maps[name] = {str(t.id): t.label for t in tax[name].terms}
            self._descriptions[name] = {str(t.id): t.description for t in tax[name].terms}
        self.award_levels: dict[str, dict[str, str]] = {
            str(t.id): {str(lv.id): lv.label for lv in t.levels} for t in tax["awards"].terms
        }

    def of(self, vocabulary: str, term_id: object) -> str:
        key = str(term_id)
        return self._maps.get(vocabulary, {}).get(key, key)

    def description(self, vocabulary: str, term_id: object) -> str:
        return self._descriptions.get(vocabulary, {}).get(str(term_id), "")

    def facet(self, facet: str, value: str) -> str:
        if facet == "year":
            return value
        if facet == "award":
            program, _, level = value.partition("/")
            label = self.of("awards", program)
            return f"{label} — {self.award_level(program, level)}" if level else label
        if facet == "sdg":
            return f"SDG {value}: {self.of('sdgs', value)}"
        return self.of(FACET_VOCABULARIES[facet], value)

    def award_level(self, program: str, level: str) -> str:
        return self.award_levels.get(program, {}).get(level, level)


def page_count(total: int, size: int) -> int:
    """Pages needed for ``total`` items, ``size`` a page; an empty listing still has page 1."""
    return max(1, -(-total // size))


def paged_url(base: str, n: int) -> str:
    """Page ``n`` of a paginated listing at ``base``: ``base`` itself, then ``base/halaman/N/``."""
    return base if n == 1 else f"{base}halaman/{n}/"


def facet_url(facet: str, value: str) -> str:
    return f"{FACET_PATHS[facet]}/{value}/"


def tag_url(tag: str) -> str:
    return f"{TAG_PATH}/{tag}/"


def case_url(innovation_id: str) -> str:
    return f"inovasi/{innovation_id}/"


def agency_url(slug: str) -> str:
    return f"instansi/{slug}/"


@dataclass
class RenderContext:
    """Per-build state shared by all page families."""

    catalog: Catalog
    settings: SiteSettings = field(default_factory=SiteSettings)
    fork: bool = True  # may render halves in a forked child (generator/render/parallel.py)

    @cached_property
    def labels(self) -> Labels:
        return Labels(self.catalog)

    @cached_property
    def markdown(self) -> MarkdownRenderer:
        return MarkdownRenderer()

    @cached_property
    def env(self) -> Environment:
        env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            # Compiled templates are cached by source checksum in a per-user temp folder:
            # compiling is a large part of a small build; the output does not change.
            bytecode_cache=optional_bytecode_cache(),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["tanggal"] = format_date
        env.filters["angka"] = format_number
        env.filters["safe_url"] = lambda u: safe_href(str(u))  # every href from front matter
        env.filters["title_text"] = lambda text: plain_title(str(text))  # every title attribute
        env.globals.update(
            labels=self.labels, facet_url=facet_url, case_url=case_url, agency_url=agency_url,
            tag_url=tag_url, READY_DEFINITION=READY_DEFINITION, VERIFIED_MEANING=VERIFIED_MEANING,
            FACET_TITLES=FACET_TITLES, FACET_PATHS=FACET_PATHS, catalog=self.catalog,
            settings=self.settings,
        )
        return env

    def page(self, src_uri: str, template: str, title: str, description: str, *,
             hide: tuple[str, ...] = ("navigation",), og_type: str = "website",
             **values: Any) -> PageOutput:
        """Render one page; ``u(target)`` in templates links relative to this page."""
        here = page_url(src_uri)
        html = title_anchor(self.env.get_template(template).render(
            u=lambda target: relative(here, target), page_url=here, **values))
        return PageOutput(src_uri=src_uri, title=title, description=_clip(description), html=html,
                          hide=hide, meta={"og:type": og_type})


_FIRST_H1 = re.compile(r"<h1(?: id=\"[^\"<>]*\")?>")
TITLE_ID = "judul"


def title_anchor(html: str) -> str:
    """The page's first ``<h1>`` as the skip link's target: ``id="judul"``, focusable by script
    (``tabindex="-1"``) so keyboard focus really lands on it."""
    return _FIRST_H1.sub(f'<h1 id="{TITLE_ID}" tabindex="-1">', html, count=1)


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def markup(html: str) -> Markup:
    """Mark HTML produced by the safe Markdown renderer as safe for templates."""
    return Markup(html)
