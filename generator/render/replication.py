"""The ``/replikasi/`` page: every edge, adoptions elsewhere, ready-to-replicate cases, the graph."""

from __future__ import annotations

from markupsafe import Markup

from generator.output import Output, StaticOutput
from generator.render.base import RenderContext
from generator.render.browse import listing_pages
from generator.render.graph import graph_node_count, render_graph_svg

# Above this many nodes the graph is only offered as a separate SVG file.
INLINE_GRAPH_LIMIT = 300
READY_SHOWN = 20
READY_URL = "replikasi/siap-direplikasi/"


def render_replication(ctx: RenderContext) -> list[Output]:
    catalog = ctx.catalog
    outputs: list[Output] = []
    graph_inline = Markup("")
    if catalog.edges:
        svg = render_graph_svg(catalog, "../", standalone=True)
        outputs.append(StaticOutput("replikasi/graf.svg",
                                    ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n").encode("utf-8")))
        if graph_node_count(catalog) <= INLINE_GRAPH_LIMIT:
            # Built by graph.py with every text and URL escaped.
            graph_inline = Markup(render_graph_svg(catalog, "../"))
    adoptions = [(i, a) for i in catalog.innovations for a in i.adopted_elsewhere]
    ready = sorted(catalog.ready_to_replicate, key=lambda i: (i.title.casefold(), i.id))
    # The full list is a paginated listing; /replikasi/ shows the first few.
    outputs.extend(listing_pages(
        ctx, READY_URL, "Siap direplikasi",
        "Inovasi yang mencantumkan perangkat replikasi (SOP, regulasi, templat) atau prasyarat",
        tuple(i.id for i in ready), sort_recent=False))
    outputs.append(ctx.page(
        "replikasi/index.md", "replication.html", "Replikasi",
        "Peta replikasi inovasi pelayanan publik: siapa meniru siapa, adopsi di luar katalog, "
        "dan inovasi yang siap direplikasi.",
        graph_inline=graph_inline, adoptions=adoptions, ready=ready[:READY_SHOWN],
        ready_total=len(ready), ready_url=READY_URL,
    ))
    return outputs
