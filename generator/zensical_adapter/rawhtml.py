"""Python-Markdown extension for the Zensical build: a generated page's HTML passes through.

Zensical renders every page through Python-Markdown with the configured extensions; it has
no plugin hook to hand it finished HTML. A page written by the Zensical adapter is a front
matter block followed by ``MARKER`` on its own line and the page's HTML. For such a page
this extension stores the HTML before any Markdown processing and returns it unchanged as
the whole result: no emphasis, entity, code span, link or heading rewriting can touch it.
The table of contents (h2/h3 with ids) is read from the HTML itself, as the MkDocs adapter
does. A page without the marker is rendered as ordinary Markdown.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

MARKER = "<!-- katalog:html-siap -->"

_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(page_html: str) -> list[dict]:
    """Python-Markdown's ``toc_tokens`` shape for the h2/h3 headings of ``page_html``.

    ``name`` is plain text (Zensical escapes it where it prints it as text); ``html`` is the
    heading's inner HTML without tags, still escaped, as Python-Markdown would give it."""
    roots: list[dict] = []
    current: dict | None = None
    for level, anchor, inner in _HEADING.findall(page_html):
        text = _TAG.sub("", inner).strip()
        token = {"level": int(level), "id": html.unescape(anchor), "name": html.unescape(text),
                 "html": text, "data-toc-label": "", "children": []}
        if level == "3" and current is not None:
            current["children"].append(token)
        else:
            roots.append(token)
            current = token if level == "2" else current
    return roots


class _Take(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        first = next((n for n, line in enumerate(lines) if line.strip()), None)
        if first is not None and lines[first].strip() == MARKER:
            self.md.katalog_html = "\n".join(lines[first + 1:])  # type: ignore[attr-defined]
            return []
        self.md.katalog_html = None  # type: ignore[attr-defined]
        return lines


class _Give(Postprocessor):
    def run(self, text: str) -> str:
        page_html = getattr(self.md, "katalog_html", None)
        if page_html is None:
            return text
        self.md.toc_tokens = toc_tokens(page_html)  # type: ignore[attr-defined]
        return page_html


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before every other preprocessor (normalize_whitespace is 30, html_block 20); after
        # every other postprocessor (raw_html is 30, amp_substitute 20, unescape 10).
        md.preprocessors.register(_Take(md), "katalog_html_take", 1000)
        md.postprocessors.register(_Give(md), "katalog_html_give", -1000)


def makeExtension(**kwargs: object) -> RawHtmlExtension:  # noqa: N802 (Python-Markdown's name)
    return RawHtmlExtension(**kwargs)
