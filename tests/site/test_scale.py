"""At a synthetic 2,500 cases no page grows without bound, and paginated lists stay complete:
every agency and every replication edge is reachable from the first page through the pager."""

from __future__ import annotations

import re
from collections import deque
from datetime import date

import pytest

from generator.output import PageOutput, StaticOutput
from generator.render.agencies import AGENCY_PAGE_SIZE
from generator.render.base import relative
from generator.render.replication import EDGE_PAGE_SIZE, GRAPH_LIMIT

SYNTH_TODAY = date(2027, 1, 1)  # bench.synth dates reach late 2026

N = 2500
PAGE_BOUND = 150_000  # bytes of page content before the theme wraps it; the same at any N
HREF = re.compile(r'href="([^"#]*)"')


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from bench.synth import write_corpus
    from generator.pipeline import load_catalog
    from generator.site import collect_outputs, settings_from

    content = tmp_path_factory.mktemp("synth") / "content"
    write_corpus(content, N)
    catalog, _ = load_catalog(content, SYNTH_TODAY)
    outputs = collect_outputs(catalog, settings_from(repo_url="https://github.com/contoh/katalog"))
    pages = {o.url: o for o in outputs if isinstance(o, PageOutput)}
    files = {o.path: o for o in outputs if isinstance(o, StaticOutput)}
    return catalog, pages, files


def _resolve(here: str, href: str) -> str:
    """A relative link on page ``here`` (``a/b/``) as a site-relative URL."""
    parts = [p for p in here.split("/") if p]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts) + ("/" if href.endswith("/") or not href else "")


def _crawl(pages: dict[str, PageOutput], start: str, prefix: str) -> set[str]:
    """Pages under ``prefix`` reachable from ``start`` by following links."""
    seen, queue = {start}, deque([start])
    while queue:
        here = queue.popleft()
        for href in HREF.findall(pages[here].html):
            target = _resolve(here, href)
            if target.startswith(prefix) and target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_every_page_stays_under_the_bound(big):
    _, pages, files = big
    assert len([u for u in pages if u.startswith("inovasi/")]) == N
    sizes = {url: len(p.html.encode("utf-8")) for url, p in pages.items()}
    too_big = {u: s for u, s in sizes.items() if s > PAGE_BOUND}
    assert not too_big
    assert len(files["replikasi/graf.svg"].content) < 400_000


def test_agency_index_is_paginated_and_complete(big):
    catalog, pages, _ = big
    index = sorted(u for u in pages if u == "instansi/" or u.startswith("instansi/halaman/"))
    assert len(catalog.agencies) > AGENCY_PAGE_SIZE  # the corpus is large enough to paginate
    assert len(index) == -(-len(catalog.agencies) // AGENCY_PAGE_SIZE)
    assert "instansi/halaman/2/" in index
    reached = _crawl(pages, "instansi/", "instansi/halaman/") | {"instansi/"}
    assert reached >= set(index)
    linked = set()
    for url in index:
        linked.update(_resolve(url, h) for h in HREF.findall(pages[url].html))
    assert {f"instansi/{a.slug}/" for a in catalog.agencies} <= linked
    assert "Halaman 2" in pages["instansi/"].html  # the guide to every page


def test_replication_edges_are_paginated_and_complete(big):
    catalog, pages, _ = big
    assert len(catalog.edges) > EDGE_PAGE_SIZE
    edge_pages = sorted(u for u in pages if u == "replikasi/" or u.startswith("replikasi/halaman/"))
    assert len(edge_pages) == -(-len(catalog.edges) // EDGE_PAGE_SIZE)
    assert _crawl(pages, "replikasi/", "replikasi/halaman/") | {"replikasi/"} >= set(edge_pages)
    rows = 0
    children = set()
    for url in edge_pages:
        html = pages[url].html
        table = html[html.index('id="hubungan"'):]
        table = table[:table.index("</table>")]
        rows += table.count("<tr>") - 1  # minus the header row
        children.update(_resolve(url, h) for h in HREF.findall(table) if "inovasi/" in h)
    assert rows == len(catalog.edges)
    assert {f"inovasi/{e.child_id}/" for e in catalog.edges} <= children


def test_replication_graph_is_bounded_and_says_so(big):
    _, pages, _ = big
    html = pages["replikasi/"].html
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 0 < svg.count("<rect") <= GRAPH_LIMIT
    assert "kelompok replikasi terbesar" in html
    assert relative("replikasi/", "replikasi/halaman/2/") in html  # the pager to the full list


def test_pager_shows_a_bounded_window(big):
    _, pages, _ = big
    listing = "jenis-instansi/pemerintah-kabupaten/"
    count = len([u for u in pages if u.startswith(listing + "halaman/")]) + 1
    assert count >= 10
    middle = pages[f"{listing}halaman/{count // 2}/"].html
    nav = middle[middle.index('class="katalog-pager"'):]
    nav = nav[:nav.index("</nav>")]
    numbers = re.findall(r">(\d+)</(?:a|span)>", nav)
    assert len(numbers) == 7  # first, last, and two either side of the current page
    assert numbers[0] == "1" and numbers[-1] == str(count)
    assert nav.count("katalog-pager__gap") == 2
    assert f'<span aria-current="page">{count // 2}</span>' in nav


def test_agency_profile_paginates_its_innovations(big, monkeypatch):
    from generator.render import agencies
    from generator.render.base import RenderContext

    catalog, _, _ = big
    agency = max(catalog.agencies, key=lambda a: (len(a.innovation_ids), a.slug))
    monkeypatch.setattr(agencies, "AGENCY_ITEMS", 5)
    monkeypatch.setattr(agencies, "AGENCY_EDGES", 1)
    outputs = {o.url: o for o in agencies.render_agency(RenderContext(catalog), agency)}
    base = f"instansi/{agency.slug}/"
    assert len(outputs) == -(-len(agency.innovation_ids) // 5) >= 2
    assert _crawl(outputs, base, base) == set(outputs)
    linked = set()
    for url, page in outputs.items():
        linked.update(_resolve(url, h) for h in HREF.findall(page.html))
    assert {f"inovasi/{i}/" for i in agency.innovation_ids} <= linked
    first = outputs[base].html
    assert first.count('class="katalog-strip__year') >= 1  # the year strip stays on the profile
    busiest = max(catalog.agencies, key=lambda a: (len(a.replications_given), a.slug))
    assert len(busiest.replications_given) > 1
    profile = agencies.render_agency(RenderContext(catalog), busiest)[0].html
    assert f"1 pertama dari {len(busiest.replications_given)}" in profile


def test_often_replicated_case_links_to_its_replicas(big, monkeypatch):
    from generator.render import cases
    from generator.render.base import RenderContext

    catalog, pages, _ = big
    case = max(catalog.innovations, key=lambda i: (len(i.replicated_by), i.id))
    assert len(case.replicated_by) >= 2
    monkeypatch.setattr(cases, "REPLICAS_SHOWN", 1)
    here = f"inovasi/{case.id}/"
    html = cases.render_case(RenderContext(catalog), case).html
    assert f"1 dari {len(case.replicated_by)} replikasi" in html
    href = re.search(r'href="([^"]*replikasi/[^"]*)#hubungan"', html).group(1)
    target = pages[_resolve(here, href)].html
    assert f"inovasi/{case.replicated_by[0].child_id}/" in target
