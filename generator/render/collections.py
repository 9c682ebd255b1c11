"""Collection pages: ``/koleksi/`` (all collections), ``/koleksi/<id>/`` (the cases as cards,
each with its note) and ``/koleksi/<id>/cetak/`` (a printable handout: a cover page listing
the cases, then every case on its own page with its address, QR code and verification date)."""

from __future__ import annotations

from generator.collections import Collection
from generator.output import PageOutput
from generator.render.base import RenderContext, case_url
from generator.render.kit import CaseKit, canonical, case_kit, with_permalinks

INDEX = "koleksi/"


def collection_url(collection_id: str) -> str:
    return f"{INDEX}{collection_id}/"


def handout_url(collection_id: str) -> str:
    return f"{INDEX}{collection_id}/cetak/"


def _entries(ctx: RenderContext, collection: Collection) -> list[tuple]:
    return [
        (ctx.catalog.get(item.id), item.note)
        for item in collection.items
        if ctx.catalog.get(item.id)
    ]


def render_collections(ctx: RenderContext) -> list[PageOutput]:
    collections = ctx.catalog.collections
    pages = [
        ctx.page(
            INDEX + "index.md",
            "collections.html",
            "Koleksi",
            "Kumpulan studi kasus pilihan untuk lokakarya, pelatihan, dan berbagi pengetahuan.",
            collections=collections,
            collection_url=collection_url,
        )
    ]
    for collection in collections:
        entries = _entries(ctx, collection)
        url = collection_url(collection.id)
        share = CaseKit(url=canonical(ctx, url), path=url, qr="", json_ld="")
        page = ctx.page(
            url + "index.md",
            "collection.html",
            collection.title,
            collection.description,
            collection=collection,
            entries=entries,
            handout_href=handout_url(collection.id),
            kit=share,
        )
        pages.append(_with_anchors(page))
        kits = {i.id: case_kit(ctx, i) for i, _ in entries}
        pages.append(
            ctx.page(
                handout_url(collection.id) + "index.md",
                "handout.html",
                f"{collection.title} (versi cetak)",
                collection.description,
                hide=("navigation", "toc"),
                collection=collection,
                entries=entries,
                kits=kits,
                collection_href=url,
                kit=share,
            )
        )
    return pages


def _with_anchors(page: PageOutput) -> PageOutput:
    from dataclasses import replace

    return replace(page, html=with_permalinks(page.html))


__all__ = ["render_collections", "collection_url", "handout_url", "case_url"]
