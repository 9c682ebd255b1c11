"""What generator.site imports: the search outputs (see generator.search.render)."""

from generator.search.render import render_search

__all__ = ["render_search"]
