"""Render the catalogue into builder-independent outputs (pages and static files).

``render_site(catalog, settings)`` is the one entry point; each page family lives in its own
module. The open-data files (``generator.exports``) are included so a builder only needs this
list.
"""

from __future__ import annotations

from generator import exports
from generator.model import Catalog
from generator.output import Output
from generator.render import (
    agencies,
    browse,
    cases,
    collections,
    data_pages,
    kit,
    pages,
    replication,
)
from generator.render.base import RenderContext, SiteSettings

__all__ = ["render_site", "SiteSettings"]


def render_site(catalog: Catalog, settings: SiteSettings | None = None, *,
                fork: bool = True) -> list[Output]:
    ctx = RenderContext(catalog, settings or SiteSettings(), fork=fork)
    outputs: list[Output] = [pages.render_home(ctx)]
    outputs.extend(pages.render_stale(ctx))
    outputs.extend(pages.render_prose_pages(ctx))
    outputs.extend(cases.render_cases(ctx))
    outputs.extend(cases.render_assets(ctx))
    outputs.extend(browse.render_browse(ctx))
    outputs.extend(replication.render_replication(ctx))
    outputs.extend(agencies.render_agencies(ctx))
    outputs.extend(exports.export_files(catalog, ctx.settings.site_url))
    outputs.extend(data_pages.render_data_pages(ctx))
    outputs.extend(kit.render_kit_files(ctx))
    outputs.extend(collections.render_collections(ctx))
    return outputs
