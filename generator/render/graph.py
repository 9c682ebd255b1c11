"""The replication graph as SVG, laid out at build time (layered, no third-party script).

The graph's connected components (an innovation, its replicas and theirs) are a fact about the
catalogue, found once by the model (``Catalog.graph``).
A drawing holds at most ``limit`` nodes: the largest components first, so at 10,000 cases
the page stays small; ``GraphView`` says how much is shown. Each component is laid out on
its own — layer = length of the longest chain of parents above a node; within a layer nodes
are ordered by the mean position of their parents (one barycentre pass), then by label —
and components are packed left to right into shelves at most ``SHELF_COLUMNS`` boxes wide,
so the drawing stays narrow enough to read. Deterministic; text is escaped with markupsafe.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup
from markupsafe import escape as _escape

from generator.model import Catalog, graph_reach
from generator.textsafety import xml_safe


def escape(text: str) -> Markup:
    """Escaped for SVG (XML): markup escaped, characters XML cannot carry replaced."""
    return _escape(xml_safe(str(text)))


NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 200, 62, 24, 50, 16
MAX_LINES = 3
SHELF_COLUMNS = 5
# Three lines of this many characters fit in a box at font-size 13.
LINE_CHARS = 26


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # case id, or "ext:<name>|<agency>" for a parent outside the catalogue
    label: str
    href: str  # site-relative URL or ""
    title: str  # full text for the tooltip


@dataclass(frozen=True)
class GraphView:
    """What a drawing shows of the whole graph (``Catalog.graph``)."""

    nodes: dict[str, Node]
    edges: list[tuple[str, str, str]]  # (parent, child, relation), only between shown nodes
    components: list[tuple[str, ...]]  # shown components, largest first, keys sorted
    total_nodes: int
    total_components: int

    @property
    def complete(self) -> bool:
        return len(self.nodes) == self.total_nodes

    @cached_property
    def layout(self) -> tuple[dict[str, tuple[int, int]], int, int]:
        """Pixel position of each box, width and height: computed once for the size and the
        drawing."""
        return _layout(self)


def graph_view(catalog: Catalog, limit: int | None = None) -> GraphView:
    """The graph, or its largest components holding at most ``limit`` nodes together."""
    return graph_views(catalog, (limit,))[0]


def graph_views(catalog: Catalog, limits: tuple[int | None, ...]) -> tuple[GraphView, ...]:
    """One ``graph_view`` per limit, from the components the model found once."""
    return tuple(_bounded(catalog, limit) for limit in limits)


def _bounded(catalog: Catalog, limit: int | None) -> GraphView:
    graph = catalog.graph
    components = graph.components
    shown: list[tuple[str, ...]] = []
    if limit is None:
        shown = list(components)
    else:
        room = limit
        for comp in components:
            if len(comp) <= room:
                shown.append(comp)
                room -= len(comp)
            elif not shown:
                # One component larger than the bound: draw the part nearest its best-connected
                # node.
                hub = min(comp, key=lambda k: (-len(graph.neighbours[k]), k))
                shown.append(tuple(sorted(graph_reach(hub, graph.neighbours, set(), limit))))
                break
            if room == 0:
                break
    kept = {k for comp in shown for k in comp}
    return GraphView(
        nodes={k: _node(catalog, k) for k in sorted(kept)},
        edges=[e for e in graph.edges if e[0] in kept and e[1] in kept],
        components=shown, total_nodes=graph.node_count, total_components=len(components),
    )


def _layout_component(members: tuple[str, ...], nodes: dict[str, Node],
                      edges: list[tuple[str, str, str]]) -> dict[str, tuple[int, int]]:
    """(column, row) of each node inside one component."""
    member_set = set(members)
    parents: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for p, c, _ in edges:
        if p in member_set:
            parents[c].append(p)
            children[p].append(c)
    layer = _layers(members, parents, children)
    rows: dict[int, list[str]] = defaultdict(list)
    for key in sorted(members, key=lambda k: (nodes[k].label.casefold(), k)):
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
    return position


def _layout(view: GraphView) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Pixel position of each box; components packed into shelves. Returns (positions, w, h)."""
    placed: dict[str, tuple[int, int]] = {}
    shelf_x = shelf_y = shelf_h = width = 0
    for comp in view.components:
        local = _layout_component(comp, view.nodes, view.edges)
        cols = max(x for x, _ in local.values()) + 1
        rows = max(y for _, y in local.values()) + 1
        if shelf_x and shelf_x + cols > SHELF_COLUMNS:
            shelf_y += shelf_h + 1
            shelf_x = shelf_h = 0
        for key, (x, y) in local.items():
            placed[key] = (shelf_x + x, shelf_y + y)
        shelf_x += cols
        shelf_h = max(shelf_h, rows)
        width = max(width, shelf_x)
    height = shelf_y + shelf_h
    pixels = {
        k: (PAD + x * (NODE_W + GAP_X), PAD + y * (NODE_H + GAP_Y)) for k, (x, y) in placed.items()
    }
    return (pixels, PAD * 2 + width * NODE_W + max(width - 1, 0) * GAP_X,
            PAD * 2 + height * NODE_H + max(height - 1, 0) * GAP_Y)


def _layers(
    keys: tuple[str, ...], parents: dict[str, list[str]], children: dict[str, list[str]]
) -> dict[str, int]:
    """Longest-path layering in topological order (Kahn); nodes on a cycle, which the
    validator should have rejected, stay in layer 0 instead of looping."""
    key_set = set(keys)
    waiting = {k: len(set(parents.get(k, ()))) for k in keys}
    layer = dict.fromkeys(keys, 0)
    ready = [k for k in sorted(keys) if waiting[k] == 0]
    while ready:
        key = ready.pop()
        for child in sorted(set(children.get(key, ()))):
            if child not in key_set:
                continue
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
    return Node(
        key, innovation.title, f"inovasi/{key}/", f"{innovation.title} — {innovation.agency.name}"
    )


def _lines(text: str) -> list[str]:
    """The label on at most ``MAX_LINES`` lines of ``LINE_CHARS``, cut at words, ``…`` when cut."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= LINE_CHARS:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == MAX_LINES:
            break
    else:
        if current:
            lines.append(current)
        return [_cut(line) for line in lines] or [""]
    last = lines[MAX_LINES - 1] if len(lines) >= MAX_LINES else lines[-1]
    lines = lines[:MAX_LINES]
    lines[-1] = _cut(last, ellipsis=True)
    return lines


def _cut(line: str, ellipsis: bool = False) -> str:
    if len(line) > LINE_CHARS:
        return line[: LINE_CHARS - 1].rstrip() + "…"
    if ellipsis:
        return (line if len(line) < LINE_CHARS else line[: LINE_CHARS - 1].rstrip()) + "…"
    return line


def render_graph_svg(catalog: Catalog, link_prefix: str, standalone: bool = False,
                     view: GraphView | None = None) -> str:
    """SVG markup of ``view`` (default: the whole graph); ``link_prefix`` turns site-relative
    URLs into links from where it is shown."""
    view = view or graph_view(catalog)
    if not view.nodes:
        return ""
    box, width, height = view.layout

    out = []
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out.append(f'<svg{ns} class="katalog-graph" viewBox="0 0 {width} {height}" width="{width}" '
               f'height="{height}" role="group" aria-labelledby="graf-judul">')
    out.append(
        '<title id="graf-judul">Graf replikasi: panah dari inovasi asal ke replikasinya</title>'
    )
    # Shared looks go in one style sheet (scoped to the graph) so each box stays short.
    out.append(
        "<style>.katalog-graph .r{fill:#e8eaf6;stroke:#3949ab}.katalog-graph .x{fill:#f5f5f5;"
        "stroke:#757575}.katalog-graph text{font-size:13px;fill:#1a1a1a;text-anchor:middle}"
        ".katalog-graph path.e{fill:none;stroke:#555;stroke-width:1.5px}"
        ".katalog-graph .adaptasi{stroke-dasharray:6 3}.katalog-graph "
        ".terinspirasi{stroke-dasharray:2 3}"
        "</style>"
    )
    out.append(
        '<defs><marker id="panah" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" '
        'fill="#555"/></marker></defs>'
    )
    for parent, child, relation in sorted(view.edges):
        px, py = box[parent]
        cx, cy = box[child]
        x1, y1 = px + NODE_W // 2, py + NODE_H
        x2, y2 = cx + NODE_W // 2, cy
        mid = (y1 + y2) // 2
        kind = f" {relation}" if relation in ("adaptasi", "terinspirasi") else ""
        out.append(f'<path class="e{kind}" d="M{x1} {y1}C{x1} {mid} {x2} {mid} {x2} {y2}" '
                   f'marker-end="url(#panah)"/>')
    for key, node in view.nodes.items():
        x, y = box[key]
        lines = _lines(node.label)
        top = y + NODE_H // 2 + 5 - 8 * (len(lines) - 1)
        text = "".join(f'<tspan x="{x + NODE_W // 2}" y="{top + 16 * n}">{escape(line)}</tspan>'
                       for n, line in enumerate(lines))
        shape = (f'<rect class="{"r" if node.href else "x"}" x="{x}" y="{y}" width="{NODE_W}" '
                 f'height="{NODE_H}" rx="6"/><text>{text}</text>')
        tooltip = f"<title>{escape(node.title)}</title>"
        if node.href:
            out.append(f'<a href="{escape(link_prefix + node.href)}">{tooltip}{shape}</a>')
        else:
            out.append(f"<g>{tooltip}{shape}</g>")
    out.append("</svg>")
    return "\n".join(out)


def graph_size(view: GraphView) -> tuple[int, int]:
    """Width and height in pixels of the drawing of ``view``."""
    if not view.nodes:
        return 0, 0
    _, width, height = view.layout
    return width, height
