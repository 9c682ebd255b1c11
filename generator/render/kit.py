"""The facilitator kit on case pages: print block with QR code, share and print buttons,
permalink anchors, JSON-LD, share images (``og:image``) and redirects from former ids.

Everything a contributor wrote is escaped for where it lands: HTML by the autoescaping
templates, JSON-LD by ``json_for_script``, the QR code holds only the canonical URL built
from the (validated, kebab-case) id, and the share image draws plain text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

from generator.cache import cached, key_of
from generator.model import Innovation
from generator.output import PageOutput, StaticOutput
from generator.render.base import TEMPLATES, RenderContext, case_url
from generator.render.ogimage import share_image
from generator.render.parallel import map_split

OG_IMAGE = "og.png"  # beside every case page: inovasi/<id>/og.png
KIT_JS = "assets/katalog/kit.js"
QR_VERSION = "1"
SITE_NAME = "Katalog Inovasi Pelayanan Publik"

_HEADING = re.compile(r'<h([23]) id="([^"]+)"([^>]*)>(.*?)</h\1>', re.DOTALL)


def canonical(ctx: RenderContext, url: str) -> str:
    """Absolute URL of a site-relative page URL; "" when the site address is unknown."""
    base = ctx.settings.site_url
    if not base:
        return ""
    return base.rstrip("/") + "/" + url


def qr_svg(url: str) -> Markup:
    """Inline SVG of a QR code for ``url`` (segno, error correction M), cached by URL.
    segno writes the SVG itself from module coordinates: no text of the URL lands in it."""
    import segno

    def produce() -> bytes:
        svg = segno.make(url, error="m").svg_inline(scale=3, omitsize=False)
        return svg.encode("utf-8")

    svg = cached("qr", key_of(QR_VERSION, url), produce, ".svg").decode("utf-8")
    label = escape(f"Kode QR alamat halaman ini: {url}")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def json_for_script(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/ld+json">``: no ``</script>`` break-out,
    no HTML comment or CDATA openers (<, >, & and the JS line separators as \\u escapes)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return Markup(text)


def case_json_ld(ctx: RenderContext, innovation: Innovation) -> dict[str, Any]:
    """schema.org description: an Article about a GovernmentService offered by the agency."""
    i, labels = innovation, ctx.labels
    url = canonical(ctx, case_url(i.id))
    area = (
        {"@type": "AdministrativeArea", "name": labels.of("provinces", i.agency.province)}
        if i.agency.province
        else None
    )
    provider: dict[str, Any] = {"@type": "GovernmentOrganization", "name": i.agency.name}
    if i.agency.unit:
        provider["department"] = {"@type": "GovernmentOrganization", "name": i.agency.unit}
    service: dict[str, Any] = {
        "@type": "GovernmentService",
        "name": i.title,
        "description": i.summary,
        "serviceType": labels.of("categories", i.category),
        "provider": provider,
        "startDate": str(i.year),
    }
    if i.aliases:
        service["alternateName"] = list(i.aliases)
    if area:
        service["areaServed"] = area
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": i.title[:110],
        "name": i.title,
        "description": i.summary,
        "inLanguage": i.lang or "id",
        "dateModified": i.last_verified.isoformat(),
        "about": service,
        "creativeWorkStatus": labels.of("statuses", i.status),
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME},
    }
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
        data["image"] = url + OG_IMAGE
        data["isPartOf"]["url"] = canonical(ctx, "")
    if i.tags:
        data["keywords"] = ", ".join(i.tags)
    if i.awards:
        data["award"] = [
            f"{labels.of('awards', a.program)} — {labels.award_level(a.program, a.level)} "
            f"({a.year})"
            for a in i.awards
        ]
    if i.sources:
        data["citation"] = [
            {"@type": "CreativeWork", "name": s.title, "url": s.url} for s in i.sources
        ]
    return data


@dataclass(frozen=True, slots=True)
class CaseKit:
    """What case.html needs for the kit: addresses, the QR code and the JSON-LD."""

    url: str  # absolute canonical URL, "" when the site address is unknown
    path: str  # site-relative URL (inovasi/<id>/)
    qr: Markup
    json_ld: Markup


def case_kit(ctx: RenderContext, innovation: Innovation) -> CaseKit:
    url = canonical(ctx, case_url(innovation.id))
    return CaseKit(url=url, path=case_url(innovation.id), qr=qr_svg(url) if url else Markup(""),
                   json_ld=json_for_script(case_json_ld(ctx, innovation)))


def with_permalinks(html: str) -> str:
    """A visible ``#`` link after every h2/h3 that has an id (the link text is drawn by CSS
    and the accessible name comes from aria-label, so tables of contents stay clean)."""
    def add(match: re.Match[str]) -> str:
        level, anchor, attrs, inner = match.groups()
        link = (f'<a class="katalog-permalink" href="#{anchor}" '
                f'aria-label="Tautan ke bagian ini"></a>')
        return f'<h{level} id="{anchor}"{attrs}>{inner}{link}</h{level}>'
    return _HEADING.sub(add, html)


def finish_case_page(page: PageOutput) -> PageOutput:
    """Permalink anchors and the share-image meta for a rendered case page."""
    return replace(page, html=with_permalinks(page.html), meta={**page.meta, "og:image": OG_IMAGE})


# --------------------------------------------------------------------------- files
def redirect_page(ctx: RenderContext, old_id: str, innovation: Innovation) -> StaticOutput:
    """``inovasi/<old>/index.html``: a plain page that sends the browser to the current one."""
    here = case_url(old_id)
    target = "../" + innovation.id + "/"  # both live under inovasi/
    absolute = canonical(ctx, case_url(innovation.id))
    title = escape(innovation.title)
    href = escape(absolute or target)
    html = (
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Pindah ke: {title}</title>\n"
        f"<link rel=\"canonical\" href=\"{href}\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={escape(target)}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
        "</head>\n<body>\n"
        f"<p>Alamat <code>{escape(here)}</code> sudah berganti. Halaman ini sekarang di "
        f"<a href=\"{escape(target)}\">{title}</a>.</p>\n"
        "</body>\n</html>\n"
    )
    return StaticOutput(here + "index.html", html.encode("utf-8"))


def render_redirects(ctx: RenderContext) -> list[StaticOutput]:
    return [redirect_page(ctx, old, i) for i in ctx.catalog.innovations for old in i.former_ids]


def render_share_images(ctx: RenderContext) -> list[StaticOutput]:
    labels = ctx.labels

    def one(i: Innovation) -> StaticOutput:
        png = share_image(i.title, i.agency.name, labels.of("categories", i.category),
                          labels.of("statuses", i.status), SITE_NAME)
        return StaticOutput(case_url(i.id) + OG_IMAGE, png)

    return map_split(one, ctx.catalog.innovations, fork=ctx.fork)


def render_kit_files(ctx: RenderContext) -> list[StaticOutput]:
    script = (TEMPLATES.parent / "assets" / "kit" / "kit.js").read_bytes()
    return [StaticOutput(KIT_JS, script), *render_redirects(ctx), *render_share_images(ctx)]
