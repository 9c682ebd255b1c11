"""A page's table of contents in the shape MkDocs' ``get_toc`` takes (Python-Markdown's toc
tokens)."""

from __future__ import annotations

from generator.render.headings import extract_headings


def heading_tree(html: str) -> list[dict]:
    """Nested ``{level, id, name, children}`` dicts (the Python-Markdown toc token shape)."""
    roots: list[dict] = []
    current: dict | None = None
    for level, anchor, name in extract_headings(html):
        token = {"level": level, "id": anchor, "name": name, "children": []}
        if level == 3 and current is not None:
            current["children"].append(token)
        else:
            roots.append(token)
            current = token if level == 2 else current
    return roots
