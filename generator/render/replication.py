"""The ``/replikasi/`` pages: every edge (paginated), adoptions elsewhere, ready-to-replicate
cases, and the graph — bounded, so no page grows with the catalogue.

``/replikasi/`` holds the graph (its largest connected components up to ``GRAPH_LIMIT`` nodes)
and the first page of edges; ``/replikasi/halaman/N/`` the other edge pages;
``/replikasi/adopsi/`` (paginated) the adoptions outside the catalogue beyond the first few.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.output import Output, StaticOutput
from generator.render.base import READY_DEFINITION, RenderContext, paged_url, paginate
from generator.render.browse import listing_pages
from generator.render.graph import graph_size, graph_views, render_graph_svg

# Nodes drawn on /replikasi/ and in replikasi/graf.svg (largest components first).
GRAPH_LIMIT = 150
FILE_GRAPH_LIMIT = 600
EDGE_PAGE_SIZE = 100
# A drawing taller than this (px) gets a frame of bounded height that scrolls on its own.
TALL_GRAPH = 1200
ADOPTION_PAGE_SIZE = 100
ADOPTIONS_SHOWN = 20
READY_SHOWN = 20
READY_URL = "replikasi/siap-direplikasi/"
ADOPTIONS_URL = "replikasi/adopsi/"


def edge_href(n: int) -> str:
    return paged_url("replikasi/", n)


def adoption_href(n: int) -> str:
    return paged_url(ADOPTIONS_URL, n)


def render_replication(ctx: RenderContext) -> list[Output]:
    catalog = ctx.catalog
    outputs: list[Output] = []
    graph_inline = Markup("")
    view, file_view = graph_views(catalog, (GRAPH_LIMIT, FILE_GRAPH_LIMIT))
    if catalog.edges:
        svg = render_graph_svg(catalog, "../", standalone=True, view=file_view)
        outputs.append(
            StaticOutput(
                "replikasi/graf.svg",
                ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n").encode("utf-8"),
            )
        )
        # Built by graph.py with every text and URL escaped.
        graph_inline = Markup(render_graph_svg(catalog, "../", view=view))
    adoptions = [(i, a) for i in catalog.innovations for a in i.adopted_elsewhere]
    ready = sorted(catalog.ready_to_replicate, key=lambda i: (i.title.casefold(), i.id))
    # The full list is a paginated listing; /replikasi/ shows the first few.
    outputs.extend(listing_pages(
        ctx, READY_URL, "Siap direplikasi",
        f"Inovasi yang siap ditiru: {READY_DEFINITION}",
        tuple(i.id for i in ready), sort_recent=False))

    edges = catalog.edges
    first, *more_edges = paginate(edges, EDGE_PAGE_SIZE, edge_href)
    graph = {
        "shown_nodes": len(view.nodes), "total_nodes": view.total_nodes,
        "shown_components": len(view.components), "total_components": view.total_components,
        "complete": view.complete, "tall": graph_size(view)[1] > TALL_GRAPH,
        "file_nodes": len(file_view.nodes), "file_complete": file_view.complete,
    }
    outputs.append(
        ctx.page(
            "replikasi/index.md",
            "replication.html",
            "Replikasi",
            "Peta replikasi inovasi pelayanan publik: siapa meniru siapa, adopsi di luar katalog, "
            "dan inovasi yang siap direplikasi.",
            graph_inline=graph_inline,
            graph=graph,
            edges=first.items,
            edge_total=len(edges),
            **first.nav,
            adoptions=adoptions[:ADOPTIONS_SHOWN],
            adoption_total=len(adoptions),
            adoptions_url=ADOPTIONS_URL,
            ready=ready[:READY_SHOWN],
            ready_total=len(ready),
            ready_url=READY_URL,
        )
    )
    for page in more_edges:
        outputs.append(ctx.page(
            page.url + "index.md", "replication_edges.html", page.title("Hubungan replikasi"),
            "Semua hubungan replikasi antarinovasi pelayanan publik dalam katalog.",
            edges=page.items, edge_total=len(edges), **page.nav,
        ))
    if len(adoptions) > ADOPTIONS_SHOWN:
        for page in paginate(adoptions, ADOPTION_PAGE_SIZE, adoption_href):
            outputs.append(
                ctx.page(
                    page.url + "index.md",
                    "replication_adoptions.html",
                    page.title("Diadopsi di luar katalog"),
                    "Inovasi pelayanan publik yang diadopsi oleh instansi di luar katalog.",
                    adoptions=page.items,
                    adoption_total=len(adoptions),
                    **page.nav,
                )
            )
    return outputs
