"""Render Material's page chrome once per page shape and fill it per page.

Thousands of generated pages (case pages, listings) differ in Material's output only in a
few places: the title, the description, the page URL, the content, the table of contents
and the skip link. For each *shape* (same folder, same hidden sidebars, same OpenGraph
type) Material's ``main.html`` is rendered once with slot tokens in those places; every
page is then the shell joined with its own values, escaped exactly as the templates escape
them (``| e``). A test builds with and without shells and compares every byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


def slot(name: str) -> str:
    return f"KATALOGSLOT{name}X7Q"


_SLOTS = ("title", "description", "url", "content", "toc", "skipblock")
_SPLIT = re.compile("(" + "|".join(re.escape(slot(n)) for n in _SLOTS) + ")")
_SKIP = re.compile(
    r'<a href="[^"]*' + re.escape(slot("skip")) + r'[^"]*" class="md-skip">.*?</a>', re.S
)
_NAMES = {slot(n): n for n in _SLOTS}


@dataclass(frozen=True, slots=True)
class Shell:
    parts: tuple[str, ...]  # literal text and slot tokens, alternating as re.split leaves them
    skip_template: str  # the skip link with slot("skip") where the first heading id goes

    def fill(self, values: dict[str, str]) -> str:
        return "".join(values[_NAMES[p]] if p in _NAMES else p for p in self.parts)


def make_shell(env: Any, context: dict[str, Any], page: Page) -> Shell | None:
    """Render main.html for ``page`` with slot tokens; None if the result is not usable.

    The template sees a stand-in for the page (``SlotPage``), so the page itself is never
    changed. Pages with and without a table of contents are different shapes (the skip link)."""
    has_toc = bool(list(page.toc))
    stand_in = SlotPage(
        page,
        meta={
            **{k: v for k, v in page.meta.items() if k != "template"},
            "title": slot("title"),
            "description": slot("description"),
        },
        title=slot("title"),
        content=slot("content") + "<h1>",  # Material adds its own h1 when content has none
        toc=get_toc(
            [{"level": 2, "id": slot("skip"), "name": "-", "children": []}] if has_toc else []
        ),  # type: ignore[list-item]
        canonical_url=slot("url") if page.canonical_url is not None else None,
        abs_url=slot("url")
        if page.canonical_url is None and page.abs_url is not None
        else page.abs_url,
    )
    html = env.get_template("main.html").render(
        {**context, "page": stand_in, "katalog_shell_render": True}
    )
    match = _SKIP.search(html)
    if has_toc:
        if match is None:
            return None
        html = html[: match.start()] + slot("skipblock") + html[match.end():]
    elif match is not None:
        return None
    html = html.replace(slot("content") + "<h1>", slot("content"))
    if slot("skip") in html or html.count(slot("content")) != 1 or html.count(slot("toc")) != 1:
        return None
    return Shell(tuple(_SPLIT.split(html)), match.group(0) if match else "")


class SlotPage:
    """What the templates see as ``page`` while a shell is rendered: the given values (slot
    tokens) in place of the page's own, every other attribute read from the page."""

    def __init__(self, page: Page, **values: Any) -> None:
        self.__dict__.update(values)
        self.page = page

    def __getattr__(self, name: str) -> Any:  # only called for names not given above
        return getattr(self.page, name)


def _toc_key(items: Any) -> tuple:
    return tuple((i.level, i.id, i.title, _toc_key(i.children)) for i in items)


def page_values(env: Any, context: dict[str, Any], page: Page, shell: Shell,
                toc_cache: dict[tuple, str]) -> dict[str, str]:
    """The slot values of one page, escaped as Material's (overridden) templates escape them.

    The rendered toc depends only on the headings (its links are bare ``#id``), and most
    case pages share the recommended sections, so it is cached by heading structure."""
    toc = list(page.toc)
    url = page.canonical_url if page.canonical_url is not None else page.abs_url
    key = _toc_key(toc)
    if key not in toc_cache:
        toc_cache[key] = env.get_template("katalog-toc.html").render(context)
    return {
        "title": str(escape(page.meta["title"])),
        "description": str(escape(page.meta["description"])),
        "url": str(escape(url or "")),
        "content": page.content or "",
        "toc": toc_cache[key],
        "skipblock": shell.skip_template.replace(slot("skip"), toc[0].id) if toc else "",
    }
