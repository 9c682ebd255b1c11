"""Case pages: ``/inovasi/<id>/``, one per innovation."""

from __future__ import annotations

from generator.model import Innovation
from generator.output import PageOutput
from generator.render.base import RenderContext, case_url, markup
from generator.render.parallel import map_split

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
    return ctx.page(
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
    )


def render_cases(ctx: RenderContext) -> list[PageOutput]:
    return map_split(lambda i: render_case(ctx, i), ctx.catalog.innovations)
