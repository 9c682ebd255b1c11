"""Headings of rendered page HTML, for a builder's table of contents (h2 and h3 with ids)."""

from __future__ import annotations

import re

_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def extract_headings(html: str) -> list[tuple[int, str, str]]:
    """(level, id, inner HTML without tags — still escaped text) in document order."""
    return [(int(level), anchor, _TAG.sub("", inner).strip()) for level, anchor, inner in _HEADING.findall(html)]


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
