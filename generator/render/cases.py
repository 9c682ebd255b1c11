"""Case pages: ``/inovasi/<id>/``, one per innovation."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from generator.model import Innovation
from generator.output import PageOutput, StaticOutput
from generator.render.base import RenderContext, case_url, markup
from generator.render.kit import case_kit, finish_case_page
from generator.render.parallel import map_split
from generator.render.replication import EDGE_PAGE_SIZE, edge_href

# A case replicated very often lists this many replicas and links to the edge list for the rest.
REPLICAS_SHOWN = 50

CROSSWALK_NAMES = {
    "jippnas": "JIPPNas",
    "sinovik": "SINOVIK",
    "unpsa": "UNPSA",
    "opsi": "OPSI",
    "iid": "Indeks Inovasi Daerah",
}


def render_case(ctx: RenderContext, innovation: Innovation) -> PageOutput:
    crosswalk = [
        (CROSSWALK_NAMES.get(name, name), value,
         value if value.lower().startswith(("http://", "https://")) else "")
        for name, value in innovation.crosswalk
    ]
    page = ctx.page(
        case_url(innovation.id) + "index.md",
        "case.html",
        innovation.title,
        innovation.summary,
        hide=("navigation",),
        og_type="article",
        innovation=innovation,
        body=markup(ctx.markdown.render(innovation.body)),
        crosswalk=crosswalk,
        edit_url=ctx.settings.edit_url(innovation.source_path),
        report_url=ctx.settings.report_update_url(innovation.id, innovation.title),
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
    first = bisect_left(edges, (innovation.id, ""), key=lambda e: (e.parent_id or e.parent_name, e.child_id))
    return edge_href(first // EDGE_PAGE_SIZE + 1) + "#hubungan"


def render_cases(ctx: RenderContext) -> list[PageOutput]:
    return map_split(lambda i: render_case(ctx, i), ctx.catalog.innovations)


def render_assets(ctx: RenderContext) -> list[StaticOutput]:
    """Images and kit documents beside ``<id>/index.md``, at ``/inovasi/<id>/<name>`` so the
    body's relative links (``![alur](alur.png)``) resolve. Validation allowed each one."""
    return [StaticOutput(case_url(i.id) + name, Path(path).read_bytes())
            for i in ctx.catalog.innovations for name, path in i.assets]
