"""Shared rendering machinery: one Jinja environment, pagination, settings and formats (URLs
come from ``generator.output``, labels and wording from ``generator.labels``).

Everything here is computed once per build; page renderers only look things up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, partial
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from generator.intake.form import PROPOSAL_TEMPLATE, UPDATE_LABEL, UPDATE_TEMPLATE
from generator.labels import FACET_TITLES, READY_DEFINITION, VERIFIED_MEANING, Labels
from generator.model import Catalog, Innovation
from generator.output import (
    FACET_PATHS,
    PageOutput,
    agency_url,
    case_url,
    facet_url,
    page_url,
    tag_url,
)
from generator.render.markdown import MarkdownRenderer, plain_title, safe_href
from generator.values import STALE_PERIOD

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")

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
        """GitHub's new-issue address for an issue form, prefilled:
        ``?template=…&title=…&<field id>=…`` (every value URL-encoded); "" when ``repo_url`` is
        unknown."""
        if not self.repo_url:
            return ""
        params = (
            [("template", template)] + ([("title", title)] if title else []) + list(fields.items())
        )
        return f"{self.repo_url.rstrip('/')}/issues/new?" + urlencode(
            params, quote_via=quote, safe=""
        )

    def propose_url(self) -> str:
        """The *Usulkan inovasi* form."""
        return self.issue_form_url(PROPOSAL_TEMPLATE)

    def report_update_url(self, case_id: str, title: str) -> str:
        """The *Laporkan pembaruan* form for one case, its id and title filled in."""
        return self.issue_form_url(
            UPDATE_TEMPLATE, title=f"Pembaruan: {title}", case_id=case_id, case_title=title
        )

    def open_reports_url(self, case_id: str = "") -> str:
        """Open *Laporkan pembaruan* issues (for one case when ``case_id`` is given)."""
        if not self.repo_url:
            return ""
        query = f"is:issue is:open label:{UPDATE_LABEL}" + (f' "{case_id}"' if case_id else "")
        return f"{self.repo_url.rstrip('/')}/issues?" + urlencode(
            [("q", query)], quote_via=quote, safe=""
        )

    def report_url(self, innovation: Innovation) -> str:
        """Where a reader reports an update to a case ("Laporkan pembaruan"): the one helper every
        page uses — the *Laporkan pembaruan* form, or the file's edit page without the form."""
        return self.report_update_url(innovation.id, innovation.title) or self.edit_url(
            innovation.source_path
        )


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


def page_count(total: int, size: int) -> int:
    """Pages needed for ``total`` items, ``size`` a page; an empty listing still has page 1."""
    return max(1, -(-total // size))


def paged_url(base: str, n: int) -> str:
    """Page ``n`` of a paginated listing at ``base``: ``base`` itself, then ``base/halaman/N/``."""
    return base if n == 1 else f"{base}halaman/{n}/"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a paginated listing."""

    number: int  # 1-based
    pages: int
    items: Sequence[Any]
    href: Callable[[int], str]  # page n → its site-relative URL

    @property
    def url(self) -> str:
        return self.href(self.number)

    def title(self, heading: str) -> str:
        return heading if self.number == 1 else f"{heading} (halaman {self.number})"

    @property
    def nav(self) -> dict[str, Any]:
        """What the templates' page navigation needs: ``number``, ``pages``, ``page_href``."""
        return {"number": self.number, "pages": self.pages, "page_href": self.href}


def paginate(items: Sequence[Any], size: int, href: Callable[[int], str] | str) -> list[Page]:
    """``items`` in pages of ``size``; ``href`` is page n's URL, or the base URL of
    :func:`paged_url`. An empty listing still has page 1."""
    href = partial(paged_url, href) if isinstance(href, str) else href
    pages = page_count(len(items), size)
    return [Page(n, pages, items[(n - 1) * size: n * size], href) for n in range(1, pages + 1)]


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
            STALE_PERIOD=STALE_PERIOD,
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
