"""Headings of rendered page HTML (h2 and h3 with ids): the phone contents list of a case page
(render/cases.py) and a builder's table of contents (generator/mkdocs_adapter/headings.py)."""

from __future__ import annotations

import re

_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def extract_headings(html: str) -> list[tuple[int, str, str]]:
    """(level, id, inner HTML without tags — still escaped text) in document order."""
    return [
        (int(level), anchor, _TAG.sub("", inner).strip())
        for level, anchor, inner in _HEADING.findall(html)
    ]
