"""Contributor Markdown → safe HTML: raw HTML is shown as text, links only http(s)/relative."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

from generator.entities import unescape

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}
_URL_ATTRS = ("href", "src")
# Every id a contributor's heading gets starts with this; the page templates never use it, so
# a heading such as "## Sumber 1" cannot take the id a citation link [1] jumps to (sumber-1).
HEADING_ID_PREFIX = "isi-"


def heading_id(value: str, separator: str) -> str:
    """The toc extension's slug of a contributor heading, in the contributor namespace."""
    return HEADING_ID_PREFIX + slugify(value, separator)


def is_safe_url(url: str) -> bool:
    """http(s), mailto and relative URLs pass; javascript:, data:, vbscript: … do not."""
    # Python-Markdown keeps character references in attributes as written, and browsers decode
    # them ("&#106;avascript:") and ignore control characters and whitespace in a scheme.
    compact = "".join(ch for ch in unescape(url) if ch > " ").lower()
    match = _SCHEME.match(compact)
    return match is None or match.group(1) in _SAFE_SCHEMES


# What a valid URL may hold as it is (WHATWG URL standard, "URL code points"): ASCII letters and
# digits, these marks, and non-ASCII other than controls, surrogates and noncharacters; "%" only
# as the start of a %XX escape. "#" may appear once, "[" and "]" only in the host ("[::1]").
_URL_TOKEN = re.compile(
    r"(?P<keep>[A-Za-z0-9!$&'()*+,\-./:;=?@_~]+|%[0-9A-Fa-f]{2}"
    r"|[\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]+)|.",
    re.S,
)
_AUTHORITY = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]*")


def safe_href(url: str) -> str:
    """A front-matter URL for an ``href``: ``#`` if unsafe, else with every character a URL may
    not hold (space, ``"``, ``<``, ``>``, ``{``, a second ``#`` …) percent-encoded as UTF-8.

    Browsers encode most of these themselves when they follow the link; written encoded, the
    attribute is also valid HTML. The result still needs HTML escaping (``&``).
    """
    if not is_safe_url(url):
        return "#"
    host = _AUTHORITY.match(url)
    host_end = host.end() if host else 0
    out: list[str] = []
    fragment = False
    for match in _URL_TOKEN.finditer(url):
        text = match.group()
        if match.group("keep") is not None or (text in "[]" and match.start() < host_end):
            out.append(text)
        elif text == "#" and not fragment:
            fragment = True
            out.append(text)
        else:
            out.append("".join(f"%{b:02X}" for b in text.encode("utf-8", "surrogatepass")))
    return "".join(out)


def plain_title(text: str) -> str:
    """Text for a ``title`` attribute that no tooltip can read as markup, however it was spelled.

    Character references are decoded until nothing changes (``&lt;``, ``&#60;``, ``&#x3c;``,
    ``&LT``, ``&amp;lt;`` …), then ``<`` and ``>`` are removed. A theme that writes a title into
    ``innerHTML`` (Material's ``content.tooltips``) then gets plain text; a browser's own tooltip
    shows the same text. The result is meant for an escaping serializer or template.
    """
    for _ in range(_MAX_DECODES):
        decoded = unescape(text)
        if decoded == text:
            break
        text = decoded
    else:  # still decoding after many rounds: keep no character that could start a reference
        text = text.replace("&", "")
    return text.replace("<", "").replace(">", "")


_MAX_DECODES = 8


class _LinkGuard(Treeprocessor):
    """Drop unsafe URLs and every attribute that is not plainly needed; titles become plain text."""

    allowed = {"href", "src", "alt", "title", "id", "align"}

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for name in list(el.attrib):
                if name not in self.allowed:
                    del el.attrib[name]
                elif name in _URL_ATTRS and not is_safe_url(el.attrib[name]):
                    el.attrib[name] = "#"
                elif name == "title":
                    # Python-Markdown's serializer keeps anything that looks like a character
                    # reference as written, so "&" is written as "&amp;" here (shown as "&").
                    title = plain_title(el.attrib[name]).replace("&", "&amp;")
                    if title.strip():
                        el.attrib[name] = title
                    else:
                        del el.attrib[name]
            if el.tag == "a" and el.get("href", "").lower().startswith(("http://", "https://")):
                el.set("rel", "nofollow noopener")


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (markdown API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkGuard(md), "katalog_link_guard", -10)  # after unescape


class MarkdownRenderer:
    """One reusable Markdown instance (reset between documents: far cheaper than a new one)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=[_SafeExtension(), "tables", "sane_lists", "toc"],
            extension_configs={
                "toc": {"permalink": False, "toc_depth": "2-3", "slugify": heading_id}
            },
            output_format="html",
        )

    def render(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(text)
