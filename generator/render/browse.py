"""Browse listings: one page per facet value (``/kategori/<id>/`` …) and the ``/jelajahi/``
overview.

Long listings are split into pages of ``PAGE_SIZE`` so no single page grows with the catalogue.
"""

from __future__ import annotations

from generator.labels import FACET_TITLES, FACET_VOCABULARIES
from generator.model import FACETS
from generator.output import FACET_PATHS, TAG_PATH, PageOutput, facet_url, tag_url
from generator.render.base import RenderContext, paginate

PAGE_SIZE = 100
# Tags listed on one page of the /label/ index (most used first).
TAG_INDEX_PAGE_SIZE = 300


def listing_pages(ctx: RenderContext, base_url: str, heading: str, description: str,
                  ids: tuple[str, ...], sublinks: list[tuple[str, str, int]] | None = None,
                  sort_recent: bool = True) -> list[PageOutput]:
    """``base_url`` page 1 and ``base_url/halaman/N/`` for the rest."""
    by_id = ctx.catalog.by_id
    items = [by_id[i] for i in ids]
    if sort_recent:
        items.sort(key=lambda i: (-i.year, i.title.casefold(), i.id))
    outputs = []
    for page in paginate(items, PAGE_SIZE, base_url):
        title = page.title(heading)
        outputs.append(ctx.page(
            page.url + "index.md", "browse.html", title,
            f"{len(items)} inovasi pelayanan publik — {heading}.",
            heading=title, lead=description, total=len(items), items=page.items,
            sublinks=sublinks if page.number == 1 else None, **page.nav,
        ))
    return outputs


def render_browse(ctx: RenderContext) -> list[PageOutput]:
    catalog, labels = ctx.catalog, ctx.labels
    outputs: list[PageOutput] = []
    for facet in FACETS:
        values = catalog.facets.get(facet, {})
        for value, ids in values.items():
            label = labels.facet(facet, value)
            sublinks = None
            if facet == "award" and "/" not in value:
                sublinks = [
                    (
                        labels.award_level(value, v.split("/", 1)[1]),
                        facet_url("award", v),
                        len(vids),
                    )
                    for v, vids in values.items()
                    if v.startswith(value + "/")
                ]
            heading = f"{FACET_TITLES[facet]}: {label}"
            description = _facet_description(ctx, facet, value)
            outputs.extend(
                listing_pages(ctx, facet_url(facet, value), heading, description, ids, sublinks)
            )
        if values:
            outputs.append(render_facet_index(ctx, facet, values))
    outputs.extend(render_tags(ctx))
    outputs.append(render_explore(ctx))
    return outputs


def render_tags(ctx: RenderContext) -> list[PageOutput]:
    """``/label/<tag>/`` (paginated like every listing) for each free tag, and the ``/label/``
    index of every tag with its count, most used first, ``TAG_INDEX_PAGE_SIZE`` a page."""
    tags = ctx.catalog.tags
    outputs: list[PageOutput] = []
    for tag, ids in tags.items():
        outputs.extend(listing_pages(ctx, tag_url(tag), f"Label: {tag}",
                                     "Studi kasus yang diberi label ini oleh kontributornya.", ids))
    ranked = sorted(tags.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for page in paginate(ranked, TAG_INDEX_PAGE_SIZE, f"{TAG_PATH}/"):
        title = page.title("Label")
        outputs.append(
            ctx.page(
                page.url + "index.md",
                "tags.html",
                title,
                "Label bebas yang dipakai studi kasus inovasi pelayanan publik, dengan jumlah "
                "inovasinya.",
                heading=title,
                total=len(ranked),
                tags=page.items,
                **page.nav,
            )
        )
    return outputs


def render_facet_index(
    ctx: RenderContext, facet: str, values: dict[str, tuple[str, ...]]
) -> PageOutput:
    """``/kategori/`` …: every value of one facet with its count (awards: programmes only)."""
    if facet == "award":
        values = {v: ids for v, ids in values.items() if "/" not in v}
    return ctx.page(f"{FACET_PATHS[facet]}/index.md", "facet.html", FACET_TITLES[facet],
                    f"Inovasi pelayanan publik menurut {FACET_TITLES[facet].lower()}.",
                    facet=facet, values=values)


def _facet_description(ctx: RenderContext, facet: str, value: str) -> str:
    tax = ctx.catalog.taxonomies
    if facet == "award":
        program, _, level = value.partition("/")
        term = tax["awards"].get(program)
        if term and level:
            level_term = term.level(level)
            return level_term.description if level_term else ""
        return term.description if term else ""
    vocabulary = FACET_VOCABULARIES.get(facet)
    if not vocabulary:
        return ""
    term = tax[vocabulary].get(int(value) if facet == "sdg" and value.isdigit() else value)
    return term.description if term else ""


def render_explore(ctx: RenderContext) -> PageOutput:
    award_values = ctx.catalog.facets.get("award", {})
    awards = [
        (
            program,
            ids,
            [(v, vids) for v, vids in award_values.items() if v.startswith(program + "/")],
        )
        for program, ids in award_values.items()
        if "/" not in program
    ]
    return ctx.page(
        "jelajahi/index.md",
        "explore.html",
        "Jelajahi",
        "Jelajahi inovasi pelayanan publik menurut kategori, provinsi, tahun, status, penghargaan, "
        "SDG "
        "dan jenis instansi.",
        facets=FACETS,
        awards=awards,
        stale_count=len(ctx.catalog.stale),
        tag_count=len(ctx.catalog.tags),
    )
