"""Single pages: home ``/``, ``/tentang/``, ``/perlu-diperbarui/``."""

from __future__ import annotations

import re

from generator.output import PageOutput
from generator.render.base import RenderContext, markup

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
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip()] = value.strip().strip("'\"")
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
        ready_count=sum(1 for i in catalog.innovations if i.ready_to_replicate),
        stale_count=sum(1 for i in catalog.innovations if i.stale),
    )


def render_about(ctx: RenderContext) -> PageOutput:
    meta, body = split_front_matter(ctx.settings.prose_text("tentang") or ABOUT_FALLBACK)
    match = _H1.search(body)
    title = meta.get("title") or (match.group(1) if match else "Tentang")
    if "title" in meta and not match:
        body = f"# {meta['title']}\n\n{body}"
    description = meta.get("description") or (
        "Tentang Katalog Inovasi Pelayanan Publik: program inovasi pelayanan publik di Indonesia "
        "dan lima kriteria inovasi menurut PermenPANRB 91/2021.")
    return ctx.page(
        "tentang/index.md", "about.html", title, description,
        body=markup(ctx.markdown.render(body)), add_criteria=not all(w in body.lower() for w in _CRITERIA_WORDS),
    )


def render_stale(ctx: RenderContext) -> PageOutput:
    items = sorted((i for i in ctx.catalog.innovations if i.stale),
                   key=lambda i: (i.last_verified, i.id))
    return ctx.page(
        "perlu-diperbarui/index.md", "stale.html", "Perlu diperbarui",
        "Studi kasus inovasi pelayanan publik yang belum diverifikasi ulang dalam 12 bulan terakhir.",
        items=items,
    )
