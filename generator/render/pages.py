"""Single pages: home ``/``, ``/perlu-diperbarui/``, ``/tentang/`` and any other prose page
from ``content/pages/<name>.md`` at ``/<name>/`` (Markdown with raw HTML escaped)."""

from __future__ import annotations

import re
from functools import partial

import yaml

from generator.output import PageOutput
from generator.render.base import RenderContext, markup, page_count, paged_url
from generator.render.browse import PAGE_SIZE
from generator.validate.pages import RESERVED as PAGE_RESERVED

ABOUT_FALLBACK = """# Tentang katalog ini

Katalog Inovasi Pelayanan Publik adalah basis pengetahuan terbuka tentang inovasi pelayanan
publik di Indonesia. Setiap studi kasus adalah satu berkas di repositori; siapa pun dapat
mengusulkan perbaikan.
"""
# The five PermenPANRB 91/2021 criteria; the About text "has" them when it names all five.
_CRITERIA_WORDS = ("kebaruan", "efektif", "bermanfaat", "disebarkan", "berkelanjutan")
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A prose page may start with a small ``---`` block of ``key: value`` lines (title, description)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    try:
        data = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        data = None
    meta = {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int, float))} if isinstance(data, dict) else {}
    return meta, text[end + 4:].lstrip("\n")


def render_home(ctx: RenderContext) -> PageOutput:
    catalog = ctx.catalog
    recent = sorted(catalog.innovations, key=lambda i: (-i.last_verified.toordinal(), i.id))[:10]
    return ctx.page(
        "index.md", "home.html", "Beranda",
        "Katalog terbuka inovasi pelayanan publik Indonesia: hasil, status, replikasi, dan cara "
        "menirunya.",
        hide=("navigation", "toc"),
        recent=recent,
        province_count=len(catalog.facets.get("province", {})),
        ready_count=len(catalog.ready_to_replicate),
        stale_count=len(catalog.stale),
    )


# Top-level folders the generator owns; a prose page may not take one of these names
# (validate reports such a page: generator/validate/pages.py).
RESERVED = PAGE_RESERVED | {"tentang"}
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def render_prose_pages(ctx: RenderContext) -> list[PageOutput]:
    """``content/pages/<name>.md`` → ``/<name>/`` (``tentang`` has its own renderer)."""
    pages = [render_about(ctx)]
    for name, text in ctx.settings.prose:
        if name in RESERVED or not _NAME.match(name):
            continue
        pages.append(_prose_page(ctx, f"{name}/index.md", text, name.replace("-", " ").capitalize(), ""))
    return pages


def _prose_page(ctx: RenderContext, src_uri: str, text: str, default_title: str,
                default_description: str, add_criteria: bool = False) -> PageOutput:
    meta, body = split_front_matter(text)
    match = _H1.search(body)
    title = meta.get("title") or (match.group(1) if match else default_title)
    if not match:
        body = f"# {title}\n\n{body}"
    description = meta.get("description") or default_description or _first_paragraph(body) or title
    return ctx.page(src_uri, "about.html", title, description,
                    body=markup(ctx.markdown.render(body)), add_criteria=add_criteria)


def _first_paragraph(body: str) -> str:
    for block in body.split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", "|", ">", "1.")):
            return re.sub(r"[*_`\[\]]|\(https?://[^)]*\)", "", " ".join(block.split()))
    return ""


def render_about(ctx: RenderContext) -> PageOutput:
    text = ctx.settings.prose_text("tentang") or ABOUT_FALLBACK
    _meta, body = split_front_matter(text)
    return _prose_page(
        ctx, "tentang/index.md", text, "Tentang",
        "Tentang Katalog Inovasi Pelayanan Publik: program inovasi pelayanan publik di Indonesia "
        "dan lima kriteria inovasi menurut PermenPANRB 91/2021.",
        add_criteria=not all(w in body.lower() for w in _CRITERIA_WORDS),
    )


def render_stale(ctx: RenderContext) -> list[PageOutput]:
    """``/perlu-diperbarui/`` (oldest verification first), ``PAGE_SIZE`` cases a page."""
    items = sorted(ctx.catalog.stale, key=lambda i: (i.last_verified, i.id))
    pages = page_count(len(items), PAGE_SIZE)
    page_href = partial(paged_url, "perlu-diperbarui/")

    return [
        ctx.page(
            page_href(n) + "index.md", "stale.html",
            "Perlu diperbarui" if n == 1 else f"Perlu diperbarui (halaman {n})",
            "Studi kasus inovasi pelayanan publik yang belum diverifikasi ulang dalam 12 bulan terakhir.",
            items=items[(n - 1) * PAGE_SIZE: n * PAGE_SIZE], total=len(items), number=n, pages=pages,
            page_href=page_href,
        )
        for n in range(1, pages + 1)
    ]
