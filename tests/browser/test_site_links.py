"""Every internal link and asset reference in the built real site points at a file that exists.

No browser needed: the HTML files are parsed and each relative ``href``/``src`` is resolved
against the page's own URL, as a browser would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from tests.conftest import ROOT as REPO

SKIP_SCHEMES = ("http", "https", "mailto", "tel", "data", "javascript")


def _base_path() -> str:
    """The path part of ``site_url`` (404.html must use root-absolute links under it)."""
    m = re.search(
        r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE
    )
    return urlsplit(m.group(1)).path if m else "/"


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) and not (tag == "link" and a.get("rel") in ("canonical",)):
                self.refs.append(a[name])


def _target(root, page_url: str, ref: str, base: str):
    absolute = urljoin("http://site" + base + page_url, ref)
    parts = urlsplit(absolute)
    if parts.scheme != "http" or parts.netloc != "site":
        return None, ""
    if "//" in parts.path or not parts.path.startswith(base):
        return root / "\0unresolvable", ""
    path = PurePosixPath(unquote(parts.path[len(base):]))
    candidate = root / path
    if parts.path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate, parts.fragment


def test_internal_links_resolve(real_site):
    root = real_site.root
    base = _base_path()
    broken: list[str] = []
    anchors: dict = {}
    pages = sorted(root.rglob("*.html"))
    assert len(pages) > 20
    parsed = {}
    for html in pages:
        p = _Refs()
        p.feed(html.read_text(encoding="utf-8"))
        parsed[html] = p
        anchors[html] = p.ids
    for html, p in parsed.items():
        rel = html.relative_to(root).as_posix()
        page_url = rel.removesuffix("index.html")
        for ref in p.refs:
            if urlsplit(ref).scheme in SKIP_SCHEMES or ref.startswith("//"):
                continue
            target, fragment = _target(root, page_url, ref, base)
            if target is None:
                continue
            if not target.is_file():
                broken.append(f"{rel}: {ref}")
            elif fragment and target in anchors and fragment not in anchors[target]:
                broken.append(f"{rel}: {ref} (no #{fragment})")
    assert broken == [], f"{len(broken)} broken links, e.g. {broken[:15]}"
