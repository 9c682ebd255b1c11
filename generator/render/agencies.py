"""Agency pages: ``/instansi/`` (paginated index) and ``/instansi/<slug>/`` with the year strip."""

from __future__ import annotations

from generator.model import Agency
from generator.output import PageOutput
from generator.render.base import RenderContext, agency_url, paged_url, paginate

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
    first, *rest = paginate(items, AGENCY_ITEMS, base)

    outputs = [
        ctx.page(
            first.url + "index.md",
            "agency.html",
            agency.name,
            summary + ".",
            agency=agency,
            items=first.items,
            total=len(items),
            strip=strip,
            with_years=sum(1 for _, has in strip if has),
            **first.nav,
            given=agency.replications_given[:AGENCY_EDGES],
            received=agency.replications_received[:AGENCY_EDGES],
        )
    ]
    for page in rest:
        outputs.append(ctx.page(
            page.url + "index.md", "agency_items.html", page.title(agency.name), summary + ".",
            agency=agency, items=page.items, total=len(items), **page.nav,
        ))
    return outputs


def index_href(n: int) -> str:
    return paged_url(INDEX_URL, n)


def render_agency_index(ctx: RenderContext) -> list[PageOutput]:
    """Alphabetical, ``AGENCY_PAGE_SIZE`` a page; page 1 also lists every page's first and last
    name, like the guide words of a phone book, so any agency is two clicks away."""
    agencies = sorted(ctx.catalog.agencies, key=lambda a: (a.name.casefold(), a.slug))
    pages = paginate(agencies, AGENCY_PAGE_SIZE, index_href)
    guide = [(page.number, page.items[0].name, page.items[-1].name) for page in pages if page.items]
    return [
        ctx.page(
            page.url + "index.md", "agencies.html", page.title("Instansi"),
            "Daftar instansi pemerintah dan inovasi pelayanan publiknya, dari tahun ke tahun.",
            agencies=page.items, total=len(agencies), **page.nav,
            guide=guide if page.number == 1 and len(pages) > 1 else [],
        )
        for page in pages
    ]


def render_agencies(ctx: RenderContext) -> list[PageOutput]:
    outputs = render_agency_index(ctx)
    for agency in ctx.catalog.agencies:
        outputs.extend(render_agency(ctx, agency))
    return outputs
