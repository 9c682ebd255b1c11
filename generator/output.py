"""What the render stages produce: builder-independent pages and static files.

A ``PageOutput`` is a themed page: the builder adapter (MkDocs today) wraps ``html`` in the
site theme. A ``StaticOutput`` is copied to the site as it is (JSON, CSV, SVG, JS, XML).
Paths are site-relative POSIX paths; a page at ``inovasi/x/index.md`` is served at
``/inovasi/x/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def page_url(src_uri: str) -> str:
    """``inovasi/x/index.md`` → ``inovasi/x/`` (site-relative, no leading slash)."""
    uri = src_uri.removesuffix("index.md").removesuffix(".md")
    return uri if uri.endswith("/") or not uri else uri + "/"


@dataclass(frozen=True, slots=True)
class PageOutput:
    src_uri: str  # "inovasi/<id>/index.md"
    title: str  # plain text, NOT escaped: whoever writes it into HTML escapes it
    description: str  # plain text for <meta name=description> and OpenGraph
    html: str  # page content, already safe HTML (rendered by an autoescaping environment)
    hide: tuple[str, ...] = ("navigation",)  # Material front-matter "hide" values
    meta: dict[str, str] = field(default_factory=dict)  # extra OpenGraph values (og:type …)

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


@dataclass(frozen=True, slots=True)
class StaticOutput:
    path: str  # "data/innovations.json"
    content: bytes


Output = PageOutput | StaticOutput


# Where each page family lives. URL prefix of each facet's browse pages; the facet names come
# from generator.model.FACETS.
FACET_PATHS = {
    "category": "kategori",
    "province": "provinsi",
    "year": "tahun",
    "status": "status",
    "award": "penghargaan",
    "sdg": "sdg",
    "agency_type": "jenis-instansi",
}
# Browse pages of free tags: /label/ and /label/<tag>/.
TAG_PATH = "label"


def facet_url(facet: str, value: str) -> str:
    return f"{FACET_PATHS[facet]}/{value}/"


def tag_url(tag: str) -> str:
    return f"{TAG_PATH}/{tag}/"


def case_url(innovation_id: str) -> str:
    return f"inovasi/{innovation_id}/"


def agency_url(slug: str) -> str:
    return f"instansi/{slug}/"
