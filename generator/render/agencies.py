"""Agency pages: ``/instansi/`` (paginated index) and ``/instansi/<slug>/`` with the year strip."""

from __future__ import annotations

from functools import partial

from generator.model import Agency
from generator.output import PageOutput
from generator.render.base import RenderContext, agency_url, page_count, paged_url

# Agencies per index page: /instansi/ is page 1, /instansi/halaman/N/ the rest. An agency slug
# is one path segment, so /instansi/halaman/2/ never collides with /instansi/<slug>/.
AGENCY_PAGE_SIZE = 100
INDEX_URL = "instansi/"
AGENCY_ITEMS = 100
AGENCY_EDGES = 100


def render_agency(ctx: RenderContext, agency: Agency) -> list[PageOutput]:
    """The profile at ``/instansi/<slug>/`` with the first ``AGENCY_ITEMS`` innovations (oldest
    first) and at most ``AGENCY_EDGES`` replications each way; more innovations continue at
    ``/instansi/<slug>/halaman/N/``, so even a ministry with thousands stays light."""
    by_id = ctx.catalog.by_id
    items = [by_id[i] for i in agency.innovation_ids]
    strip = agency.year_strip(ctx.catalog.today.year)
    summary = f"{len(items)} inovasi pelayanan publik dari {agency.name}"
    if agency.years:
        summary += f", sejak {agency.years[0]}"
    base = agency_url(agency.slug)
    pages = page_count(len(items), AGENCY_ITEMS)
    page_href = partial(paged_url, base)

    outputs = [ctx.page(
        base + "index.md", "agency.html", agency.name, summary + ".",
        agency=agency, items=items[:AGENCY_ITEMS], total=len(items), strip=strip,
        with_years=sum(1 for _, has in strip if has), number=1, pages=pages, page_href=page_href,
        given=agency.replications_given[:AGENCY_EDGES], received=agency.replications_received[:AGENCY_EDGES],
    )]
    for n in range(2, pages + 1):
        outputs.append(ctx.page(
            page_href(n) + "index.md", "agency_items.html", f"{agency.name} (halaman {n})", summary + ".",
            agency=agency, items=items[(n - 1) * AGENCY_ITEMS: n * AGENCY_ITEMS], total=len(items),
            number=n, pages=pages, page_href=page_href,
        ))
    return outputs


def index_href(n: int) -> str:
    return paged_url(INDEX_URL, n)


def render_agency_index(ctx: RenderContext) -> list[PageOutput]:
    """Alphabetical, ``AGENCY_PAGE_SIZE`` a page; page 1 also lists every page's first and last
    name, like the guide words of a phone book, so any agency is two clicks away."""
    agencies = sorted(ctx.catalog.agencies, key=lambda a: (a.name.casefold(), a.slug))
    pages = page_count(len(agencies), AGENCY_PAGE_SIZE)
    chunks = [agencies[(n - 1) * AGENCY_PAGE_SIZE: n * AGENCY_PAGE_SIZE] for n in range(1, pages + 1)]
    guide = [(n, chunk[0].name, chunk[-1].name) for n, chunk in enumerate(chunks, 1) if chunk]
    return [
        ctx.page(
            index_href(n) + "index.md", "agencies.html",
            "Instansi" if n == 1 else f"Instansi (halaman {n})",
            "Daftar instansi pemerintah dan inovasi pelayanan publiknya, dari tahun ke tahun.",
            agencies=chunk, total=len(agencies), number=n, pages=pages, page_href=index_href,
            guide=guide if n == 1 and pages > 1 else [],
        )
        for n, chunk in enumerate(chunks, 1)
    ]


def render_agencies(ctx: RenderContext) -> list[PageOutput]:
    outputs = render_agency_index(ctx)
    for agency in ctx.catalog.agencies:
        outputs.extend(render_agency(ctx, agency))
    return outputs
