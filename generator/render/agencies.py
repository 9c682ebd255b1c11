"""Agency pages: ``/instansi/`` and ``/instansi/<slug>/`` with the year-by-year strip."""

from __future__ import annotations

from generator.model import Agency
from generator.output import PageOutput
from generator.render.base import RenderContext, agency_url


def render_agency(ctx: RenderContext, agency: Agency) -> PageOutput:
    by_id = ctx.catalog.by_id
    items = [by_id[i] for i in agency.innovation_ids]
    strip = agency.year_strip(ctx.catalog.today.year)
    summary = f"{len(items)} inovasi pelayanan publik dari {agency.name}"
    if agency.years:
        summary += f", sejak {agency.years[0]}"
    return ctx.page(
        agency_url(agency.slug) + "index.md", "agency.html", agency.name, summary + ".",
        agency=agency, items=items, strip=strip, with_years=sum(1 for _, has in strip if has),
    )


def render_agencies(ctx: RenderContext) -> list[PageOutput]:
    agencies = sorted(ctx.catalog.agencies, key=lambda a: (a.name.casefold(), a.slug))
    outputs = [ctx.page(
        "instansi/index.md", "agencies.html", "Instansi",
        "Daftar instansi pemerintah dan inovasi pelayanan publiknya, dari tahun ke tahun.",
        agencies=agencies,
    )]
    outputs.extend(render_agency(ctx, a) for a in ctx.catalog.agencies)
    return outputs
