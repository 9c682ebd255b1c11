"""The replication graph as SVG, laid out at build time (layered, no third-party script).

Layers: a node's layer is the length of the longest chain of parents above it. Within a
layer nodes are ordered by the mean position of their parents (one barycentre pass), then
by label, so the drawing is deterministic. Text is escaped with markupsafe.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import escape

from generator.model import Catalog

NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 180, 40, 24, 70, 16
MAX_LABEL = 24


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # case id, or "ext:<name>|<agency>" for a parent outside the catalogue
    label: str
    href: str  # site-relative URL or ""
    title: str  # full text for the tooltip


def _layout(catalog: Catalog) -> tuple[dict[str, Node], list[tuple[str, str, str]], dict[str, tuple[int, int]]]:
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str, str]] = []
    for e in catalog.edges:
        if e.parent_id and e.parent_id in catalog.by_id:
            parent = e.parent_id
        else:
            parent = f"ext:{e.parent_id or e.parent_name}|{e.parent_agency}"
        for key in (parent, e.child_id):
            if key not in nodes:
                nodes[key] = _node(catalog, key)
        edges.append((parent, e.child_id, e.relation))

    parents: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for p, c, _ in edges:
        parents[c].append(p)
        children[p].append(c)
    layer = _layers(sorted(nodes), parents, children)
    rows: dict[int, list[str]] = defaultdict(list)
    for key in sorted(nodes, key=lambda k: (nodes[k].label.casefold(), k)):
        rows[layer[key]].append(key)
    position: dict[str, tuple[int, int]] = {}
    for level in sorted(rows):
        row = rows[level]
        if level:
            def centre(key: str) -> float:
                xs = [position[p][0] for p in parents.get(key, ()) if p in position]
                return sum(xs) / len(xs) if xs else float("inf")
            row.sort(key=lambda k: (centre(k), nodes[k].label.casefold(), k))
        for x, key in enumerate(row):
            position[key] = (x, level)
    return nodes, edges, position


def _layers(keys: list[str], parents: dict[str, list[str]], children: dict[str, list[str]]) -> dict[str, int]:
    """Longest-path layering in topological order (Kahn); nodes on a cycle, which the
    validator should have rejected, stay in layer 0 instead of looping."""
    waiting = {k: len(set(parents.get(k, ()))) for k in keys}
    layer = dict.fromkeys(keys, 0)
    ready = [k for k in keys if waiting[k] == 0]
    while ready:
        key = ready.pop()
        for child in sorted(set(children.get(key, ()))):
            layer[child] = max(layer[child], layer[key] + 1)
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    return layer


def _node(catalog: Catalog, key: str) -> Node:
    if key.startswith("ext:"):
        name, _, agency = key[4:].partition("|")
        title = f"{name} ({agency})" if agency else name
        return Node(key, name, "", title + " — di luar katalog")
    innovation = catalog.by_id[key]
    return Node(key, innovation.title, f"inovasi/{key}/", f"{innovation.title} — {innovation.agency.name}")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def render_graph_svg(catalog: Catalog, link_prefix: str, standalone: bool = False) -> str:
    """SVG markup; ``link_prefix`` turns site-relative URLs into links from where it is shown."""
    nodes, edges, position = _layout(catalog)
    if not nodes:
        return ""
    cols = max(x for x, _ in position.values()) + 1
    rows = max(y for _, y in position.values()) + 1
    width = PAD * 2 + cols * NODE_W + (cols - 1) * GAP_X
    height = PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y

    def box(key: str) -> tuple[int, int]:
        x, y = position[key]
        return PAD + x * (NODE_W + GAP_X), PAD + y * (NODE_H + GAP_Y)

    out = []
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out.append(f'<svg{ns} class="katalog-graph" viewBox="0 0 {width} {height}" width="{width}" '
               f'height="{height}" role="group" aria-labelledby="graf-judul">')
    out.append('<title id="graf-judul">Graf replikasi: panah dari inovasi asal ke replikasinya</title>')
    out.append('<defs><marker id="panah" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
               'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>')
    for parent, child, relation in sorted(edges):
        px, py = box(parent)
        cx, cy = box(child)
        x1, y1 = px + NODE_W // 2, py + NODE_H
        x2, y2 = cx + NODE_W // 2, cy
        mid = (y1 + y2) // 2
        dash = {"adaptasi": ' stroke-dasharray="6 3"', "terinspirasi": ' stroke-dasharray="2 3"'}.get(relation, "")
        out.append(f'<path d="M{x1} {y1}C{x1} {mid} {x2} {mid} {x2} {y2}" fill="none" stroke="#555" '
                   f'stroke-width="1.5"{dash} marker-end="url(#panah)"><title>{escape(relation)}</title></path>')
    for key in sorted(nodes):
        node = nodes[key]
        x, y = box(key)
        fill, stroke = ("#e8eaf6", "#3949ab") if node.href else ("#f5f5f5", "#757575")
        shape = (f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="{fill}" '
                 f'stroke="{stroke}"/><text x="{x + NODE_W // 2}" y="{y + NODE_H // 2 + 5}" '
                 f'text-anchor="middle" font-size="13" fill="#1a1a1a">{escape(_short(node.label))}</text>')
        tooltip = f"<title>{escape(node.title)}</title>"
        if node.href:
            out.append(f'<a href="{escape(link_prefix + node.href)}">{tooltip}{shape}</a>')
        else:
            out.append(f"<g>{tooltip}{shape}</g>")
    out.append("</svg>")
    return "\n".join(out)


def graph_node_count(catalog: Catalog) -> int:
    keys = set()
    for e in catalog.edges:
        keys.add(e.child_id)
        keys.add(e.parent_id if e.parent_id in catalog.by_id else f"ext:{e.parent_id or e.parent_name}|{e.parent_agency}")
    return len(keys)
