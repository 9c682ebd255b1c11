"""Case pages: ``/inovasi/<id>/``, one per innovation."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from markupsafe import Markup

from generator.model import Innovation
from generator.output import PageOutput, StaticOutput
from generator.render.base import RenderContext, case_url, markup
from generator.render.headings import extract_headings
from generator.render.kit import case_kit, finish_case_page
from generator.render.parallel import map_split
from generator.render.replication import EDGE_PAGE_SIZE, edge_href
from generator.values import STALE_PERIOD

# A case replicated very often lists this many replicas and links to the edge list for the rest.
REPLICAS_SHOWN = 50

CROSSWALK_NAMES = {
    "jippnas": "JIPPNas",
    "sinovik": "SINOVIK",
    "unpsa": "UNPSA",
    "opsi": "OPSI",
    "iid": "Indeks Inovasi Daerah",
}


# The readiness conditions a case fails (generator.model.Readiness.missing), in words.
MISSING_WORDS = {
    "running": "masih berjalan (status berjalan atau uji coba)",
    "verified": f"diperiksa dalam {STALE_PERIOD} terakhir",
    "contact": "kontak resmi",
    "kit_or_requirements": "dokumen perangkat replikasi atau prasyarat",
}
# Shown in the box but not required for readiness.
EXTRA_WORDS = {"cost": "biaya", "legal_basis": "dasar hukum", "best_evidence": "tingkat bukti"}
REPLICATE_HEADING = "cara mereplikasi"


def readiness_view(innovation: Innovation) -> dict:
    """The "Siap ditiru?" box's data: the model's readiness plus what is missing, in words."""
    r = innovation.readiness
    extras = [word for key, word in EXTRA_WORDS.items() if not getattr(r, key)]
    return {"r": r, "missing": [MISSING_WORDS[m] for m in r.missing], "extras": extras}


def page_toc(
    innovation: Innovation, body_html: str, has_crosswalk: bool
) -> tuple[list[tuple[str, Markup]], str]:
    """The phone contents list (id, escaped label) in page order, and the id of the
    "Cara Mereplikasi" section (the body's own heading, else the replication section)."""
    body = [
        (anchor, Markup(text)) for level, anchor, text in extract_headings(body_html) if level == 2
    ]
    jump = next(
        (
            anchor
            for anchor, text in body
            if " ".join(text.striptags().split()).casefold().startswith(REPLICATE_HEADING)
        ),
        "replikasi",
    )
    toc = [("ringkasan-data", Markup("Ringkasan data")),
           ("hasil", Markup("Hasil")), *body, ("replikasi", Markup("Replikasi")),
           ("kontak-resmi", Markup("Kontak"))]
    if innovation.related:
        toc.append(("inovasi-serupa", Markup("Inovasi serupa")))
    toc.append(("sumber", Markup("Sumber")))
    if has_crosswalk:
        toc.append(("tautan-lain", Markup("Di sistem lain")))
    return toc, jump


def related_view(ctx: RenderContext, innovation: Innovation) -> list[tuple[Innovation, list[str]]]:
    """Each similar case with what it shares (tags, category), for a short reason."""
    out = []
    for other_id in innovation.related:
        other = ctx.catalog.by_id[other_id]
        shared = [t for t in innovation.tags if t in other.tags]
        reason = [f"label {', '.join(shared)}"] if shared else []
        if other.category == innovation.category:
            reason.append("kategori sama")
        if not reason and set(other.sdgs) & set(innovation.sdgs):
            reason.append("SDG sama")
        out.append((other, reason))
    return out


def render_case(ctx: RenderContext, innovation: Innovation) -> PageOutput:
    crosswalk = [
        (CROSSWALK_NAMES.get(name, name), value,
         value if value.lower().startswith(("http://", "https://")) else "")
        for name, value in innovation.crosswalk
    ]
    body_html = ctx.markdown.render(innovation.body)
    toc, jump = page_toc(innovation, body_html, bool(crosswalk))
    page = ctx.page(
        case_url(innovation.id) + "index.md",
        "case.html",
        innovation.title,
        innovation.summary,
        hide=("navigation",),
        og_type="article",
        innovation=innovation,
        body=markup(body_html),
        crosswalk=crosswalk,
        edit_url=ctx.settings.edit_url(innovation.source_path),
        report_url=ctx.settings.report_url(innovation),
        ready=readiness_view(innovation),
        toc=toc, jump=jump,
        related=related_view(ctx, innovation),
        replicas=innovation.replicated_by[:REPLICAS_SHOWN],
        replicas_href=_replicas_href(ctx, innovation),
        kit=case_kit(ctx, innovation),
    )
    return finish_case_page(page)


def _replicas_href(ctx: RenderContext, innovation: Innovation) -> str:
    """The /replikasi/ edge page where this case's replicas start ("" when all are shown).
    Edges are sorted by parent then child, so a parent's replicas are contiguous."""
    if len(innovation.replicated_by) <= REPLICAS_SHOWN:
        return ""
    edges = ctx.catalog.edges
    first = bisect_left(
        edges, (innovation.id, ""), key=lambda e: (e.parent_id or e.parent_name, e.child_id)
    )
    return edge_href(first // EDGE_PAGE_SIZE + 1) + "#hubungan"


def render_cases(ctx: RenderContext) -> list[PageOutput]:
    return map_split(lambda i: render_case(ctx, i), ctx.catalog.innovations, fork=ctx.fork)


def render_assets(ctx: RenderContext) -> list[StaticOutput]:
    """Images and kit documents beside ``<id>/index.md``, at ``/inovasi/<id>/<name>`` so the
    body's relative links (``![alur](alur.png)``) resolve. Validation allowed each one."""
    return [StaticOutput(case_url(i.id) + name, Path(path).read_bytes())
            for i in ctx.catalog.innovations for name, path in i.assets]
