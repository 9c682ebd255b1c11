"""The catalogue model: frozen values built once from validated documents.

Everything that spans pages — reverse replication edges, counts per facet, agency records,
staleness — is computed here, so renderers, search and exports only read.
``build_catalog`` assumes its input passed validation; it does not re-check rules.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from generator.source import SourceDocument
from generator.taxonomy import Taxonomies
from generator.validate.assets import published_assets
from generator.values import is_int, is_stale, kebab

# Statuses under which a case can still be visited and copied (see ``Readiness``).
RUNNING_STATUSES = ("berjalan", "uji-coba")
# "Inovasi serupa": at most this many per case, computed once in ``build_catalog``.
RELATED_LIMIT = 5
# Members of one shared key (tag, category, SDG) a case looks at on either side of itself:
# a category shared by thousands of cases costs each case 2 × this, never the whole list.
RELATED_WINDOW = 20
# Weight of each kind of shared key: a tag or an SDG target says "the same problem" more
# precisely than a category, and an SDG goal least.
RELATED_WEIGHTS = {"tag": 3, "target": 2, "category": 2, "sdg": 1}

# Facet names are stable identifiers shared by the site URLs, the exports and the search UI.
FACETS = ("category", "province", "year", "status", "award", "sdg", "agency_type")


@dataclass(frozen=True, slots=True)
class Source:
    number: int  # 1-based, as cited by outcomes and awards
    title: str
    url: str
    publisher: str = ""
    date: str = ""
    accessed: str = ""  # ISO date the contributor read it


@dataclass(frozen=True, slots=True)
class Contact:
    """The agency's institutional channels, as it publishes them (all optional strings)."""

    unit: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.website or self.email or self.phone)

    @property
    def tel(self) -> str:
        """The phone number for a ``tel:`` link: digits only, with ``+62`` for a local ``0…``
        number (short service numbers such as 112 stay as they are)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if self.phone.strip().startswith("+"):
            return "+" + digits
        if digits.startswith("0"):
            return "+62" + digits[1:]
        return digits


@dataclass(frozen=True, slots=True)
class Readiness:
    """What a replicating agency needs to know at a glance, and the one definition of
    *ready to replicate*: still running (status ``berjalan`` or ``uji-coba``), verified within
    the last 12 months of the reference date, a contact, and a kit document or requirements.
    Cost, legal basis and evidence are shown beside it but do not decide it."""

    running: bool
    verified_recently: bool
    contact: bool
    kit: bool
    requirements: bool
    cost: bool
    legal_basis: bool
    best_evidence: int | None

    @property
    def ready(self) -> bool:
        return (
            self.running
            and self.verified_recently
            and self.contact
            and (self.kit or self.requirements)
        )

    @property
    def missing(self) -> tuple[str, ...]:
        """The conditions of readiness this case fails, as stable codes (renderers word them):
        ``running``, ``verified``, ``contact``, ``kit_or_requirements``."""
        out = []
        if not self.running:
            out.append("running")
        if not self.verified_recently:
            out.append("verified")
        if not self.contact:
            out.append("contact")
        if not (self.kit or self.requirements):
            out.append("kit_or_requirements")
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Numeric (``indicator``/``value``/``unit``) or qualitative (``description``)."""

    indicator: str = ""
    baseline: float | int | str | None = None
    value: float | int | str | None = None
    unit: str = ""
    period: str = ""
    evidence_level: int | None = None
    source: int | None = None
    description: str = ""

    @property
    def is_numeric(self) -> bool:
        return not self.description


@dataclass(frozen=True, slots=True)
class Award:
    program: str
    year: int
    level: str
    category_original: str = ""
    source: int | None = None

    @property
    def facet_value(self) -> str:
        return f"{self.program}/{self.level}"


@dataclass(frozen=True, slots=True)
class Edge:
    """A replication edge parent → replica.

    ``parent_id`` is set when the parent is a case in the catalogue; otherwise
    ``parent_name``/``parent_agency`` describe it.
    """

    child_id: str
    relation: str
    parent_id: str = ""
    parent_name: str = ""
    parent_agency: str = ""


@dataclass(frozen=True, slots=True)
class Adoption:
    name: str
    agency: str
    relation: str
    country: str = ""
    year: int | None = None


@dataclass(frozen=True, slots=True)
class KitItem:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class AgencyRef:
    name: str
    slug: str
    type: str
    province: str = ""
    regency: str = ""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Innovation:
    id: str
    title: str
    summary: str
    agency: AgencyRef
    category: str
    year: int
    status: str
    last_verified: date
    stale: bool
    body: str
    source_path: str = ""
    status_note: str = ""
    aliases: tuple[str, ...] = ()
    awards: tuple[Award, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    sdgs: tuple[int, ...] = ()
    sdg_targets: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    replicates: tuple[Edge, ...] = ()
    replicated_by: tuple[Edge, ...] = ()  # computed from other cases' ``replicates``
    adopted_elsewhere: tuple[Adoption, ...] = ()
    requirements: str = ""
    legal_basis: str = ""
    cost: str = ""
    kit: tuple[KitItem, ...] = ()
    sources: tuple[Source, ...] = ()
    crosswalk: tuple[tuple[str, str], ...] = ()
    lang: str = "id"
    title_en: str = ""
    summary_en: str = ""
    # Files published beside a folder-form case (images, kit PDFs): (name, path on disk).
    assets: tuple[tuple[str, str], ...] = ()
    former_ids: tuple[str, ...] = ()  # earlier ids whose addresses redirect here
    contact: Contact = Contact()
    related: tuple[str, ...] = ()  # ids of up to RELATED_LIMIT similar cases, computed

    @property
    def readiness(self) -> Readiness:
        return Readiness(
            running=self.status in RUNNING_STATUSES,
            # ``stale``: verified more than STALE_AFTER_DAYS (generator.values) before the
            # reference date.
            verified_recently=not self.stale,
            contact=bool(self.contact),
            kit=bool(self.kit),
            requirements=bool(self.requirements.strip()),
            cost=bool(self.cost.strip()),
            legal_basis=bool(self.legal_basis.strip()),
            best_evidence=max(
                (o.evidence_level for o in self.outcomes if o.evidence_level), default=None
            ),
        )

    @property
    def ready_to_replicate(self) -> bool:
        """The catalogue's one definition of ready to replicate (see ``Readiness``)."""
        return self.readiness.ready

    def facet_values(self) -> dict[str, tuple[str, ...]]:
        """Every facet value of this case, as strings (the URL/filter form)."""
        return {
            "category": (self.category,),
            "province": (self.agency.province,) if self.agency.province else (),
            "year": (str(self.year),),
            "status": (self.status,),
            "award": tuple(
                sorted({a.facet_value for a in self.awards} | {a.program for a in self.awards})
            ),
            "sdg": tuple(str(s) for s in self.sdgs),
            "agency_type": (self.agency.type,),
        }


@dataclass(frozen=True, slots=True)
class Agency:
    slug: str
    name: str
    type: str
    province: str
    innovation_ids: tuple[str, ...]
    years: tuple[int, ...]  # distinct years with at least one innovation, ascending
    replications_given: tuple[Edge, ...] = ()  # its cases replicated by others
    replications_received: tuple[Edge, ...] = ()  # its cases that replicate others

    def year_strip(self, until: int) -> list[tuple[int, bool]]:
        """Each year from the first innovation to ``until``: (year, had an innovation)."""
        if not self.years:
            return []
        have = set(self.years)
        return [(y, y in have) for y in range(self.years[0], max(until, self.years[-1]) + 1)]


@dataclass(frozen=True, slots=True)
class ReplicationGraph:
    """The replication edges as an undirected-for-grouping graph, computed once: a node per case
    and per parent outside the catalogue (``ext:<id or name>|<agency>``)."""

    # (parent key, child id, relation), in the order of Catalog.edges
    edges: tuple[tuple[str, str, str], ...] = ()
    # node → the nodes it shares an edge with
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    # Connected components (a case, its replicas and theirs), largest first; members sorted.
    components: tuple[tuple[str, ...], ...] = ()

    @property
    def node_count(self) -> int:
        return len(self.neighbours)


def graph_reach(start: str, neighbours: dict[str, frozenset[str]], seen: set[str],
                limit: int | None = None) -> list[str]:
    """Nodes reachable from ``start`` in breadth-first order (at most ``limit``); marks ``seen``."""
    seen.add(start)
    queue, found = deque([start]), []
    while queue and (limit is None or len(found) < limit):
        key = queue.popleft()
        found.append(key)
        for other in sorted(neighbours[key]):
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return found


def replication_graph(edges: tuple[Edge, ...], case_ids: set[str]) -> ReplicationGraph:
    keyed = []
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        parent = e.parent_id if e.parent_id and e.parent_id in case_ids else \
            f"ext:{e.parent_id or e.parent_name}|{e.parent_agency}"
        keyed.append((parent, e.child_id, e.relation))
        neighbours[parent].add(e.child_id)
        neighbours[e.child_id].add(parent)
    frozen = {key: frozenset(others) for key, others in neighbours.items()}
    components: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for start in sorted(frozen):
        if start not in seen:
            components.append(tuple(sorted(graph_reach(start, frozen, seen))))
    components.sort(key=lambda c: (-len(c), c[0]))
    return ReplicationGraph(tuple(keyed), frozen, tuple(components))


@dataclass(frozen=True, slots=True)
class Catalog:
    innovations: tuple[Innovation, ...]
    taxonomies: Taxonomies
    today: date
    agencies: tuple[Agency, ...] = ()
    edges: tuple[Edge, ...] = ()
    # facet name → value → ids of innovations, sorted; values sorted for stable output
    facets: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    by_id: dict[str, Innovation] = field(default_factory=dict)
    collections: tuple[Any, ...] = ()  # generator.collections.Collection, sorted by id
    # tag → ids of its cases (sorted); tags sorted
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    graph: ReplicationGraph = field(default_factory=ReplicationGraph)

    def get(self, innovation_id: str) -> Innovation | None:
        return self.by_id.get(innovation_id)

    @property
    def stale(self) -> tuple[Innovation, ...]:
        return tuple(i for i in self.innovations if i.stale)

    @property
    def ready_to_replicate(self) -> tuple[Innovation, ...]:
        return tuple(i for i in self.innovations if i.ready_to_replicate)


def slugify(text: str) -> str:
    """ASCII kebab-case slug: "Pemerintah Kota Surabaya" → "pemerintah-kota-surabaya"."""
    return kebab(text) or "instansi"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _int_or_none(value: Any) -> int | None:
    return value if is_int(value) else None


def _innovation(doc: SourceDocument, today: date, agency_slug: str) -> Innovation:
    fm = doc.front_matter
    agency = fm.get("agency") or {}
    replication = fm.get("replication") or {}
    verified = date.fromisoformat(str(fm["last_verified"]))
    replicates = []
    for item in replication.get("replicates") or ():
        replicates.append(
            Edge(
                child_id=fm["id"],
                relation=_text(item.get("relation")),
                parent_id=_text(item.get("id")),
                parent_name=_text(item.get("name")),
                parent_agency=_text(item.get("agency")),
            )
        )
    return Innovation(
        id=fm["id"],
        title=_text(fm["title"]),
        summary=_text(fm["summary"]),
        agency=AgencyRef(
            name=_text(agency.get("name")),
            slug=agency_slug,
            type=_text(agency.get("type")),
            province=_text(agency.get("province")),
            regency=_text(agency.get("regency")),
            unit=_text(agency.get("unit")),
        ),
        category=_text(fm["category"]),
        year=int(fm["year"]),
        status=_text(fm["status"]),
        status_note=_text(fm.get("status_note")),
        last_verified=verified,
        stale=is_stale(verified, today),
        body=doc.body,
        source_path=doc.rel_path,
        assets=published_assets(doc.file),
        aliases=tuple(_text(a) for a in fm.get("aliases") or ()),
        awards=tuple(
            Award(
                program=_text(a.get("program")),
                year=int(a.get("year")),
                level=_text(a.get("level")),
                category_original=_text(a.get("category_original")),
                source=_int_or_none(a.get("source")),
            )
            for a in fm.get("awards") or ()
        ),
        outcomes=tuple(
            Outcome(
                indicator=_text(o.get("indicator")),
                baseline=o.get("baseline"),
                value=o.get("value"),
                unit=_text(o.get("unit")),
                period=_text(o.get("period")),
                evidence_level=_int_or_none(o.get("evidence_level")),
                source=_int_or_none(o.get("source")),
                description=_text(o.get("description")),
            )
            for o in fm.get("outcomes") or ()
        ),
        sdgs=tuple(int(s) for s in fm.get("sdgs") or ()),
        sdg_targets=tuple(_text(t) for t in fm.get("sdg_targets") or ()),
        tags=tuple(_text(t) for t in fm.get("tags") or ()),
        replicates=tuple(replicates),
        adopted_elsewhere=tuple(
            Adoption(
                name=_text(a.get("name")),
                agency=_text(a.get("agency")),
                relation=_text(a.get("relation")),
                country=_text(a.get("country")),
                year=_int_or_none(a.get("year")),
            )
            for a in replication.get("adopted_elsewhere") or ()
        ),
        requirements=_text(replication.get("requirements")),
        legal_basis=_text(replication.get("legal_basis")),
        cost=_text(replication.get("cost")),
        kit=tuple(
            KitItem(_text(k.get("title")), _text(k.get("url")))
            for k in replication.get("kit") or ()
        ),
        sources=tuple(
            Source(
                number=n,
                title=_text(s.get("title")),
                url=_text(s.get("url")),
                publisher=_text(s.get("publisher")),
                date=_text(s.get("date")),
                accessed=_text(s.get("accessed")),
            )
            for n, s in enumerate(fm.get("sources") or (), start=1)
        ),
        crosswalk=tuple(sorted((str(k), _text(v)) for k, v in (fm.get("crosswalk") or {}).items())),
        lang=_text(fm.get("lang") or "id"),
        title_en=_text(fm.get("title_en")),
        summary_en=_text(fm.get("summary_en")),
        contact=_contact(fm.get("contact")),
        former_ids=tuple(_text(f) for f in fm.get("former_ids") or ()),
    )


def _contact(value: Any) -> Contact:
    if not isinstance(value, dict):
        return Contact()
    return Contact(
        **{name: _text(value.get(name)).strip() for name in (f.name for f in fields(Contact))}
    )


def _agency_slugs(documents: list[SourceDocument]) -> dict[str, str]:
    """Agency name → unique slug; two names that slugify alike get numbered suffixes."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    names = sorted({str((d.front_matter.get("agency") or {}).get("name", "")) for d in documents})
    for name in names:
        base = slugify(name)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        slugs[name] = slug
    return slugs


def build_catalog(documents: list[SourceDocument], taxonomies: Taxonomies, today: date) -> Catalog:
    """Build the whole model from validated documents (sorted by id for stable output)."""
    slugs = _agency_slugs(documents)
    drafts = sorted(
        (
            _innovation(d, today, slugs[str((d.front_matter.get("agency") or {}).get("name", ""))])
            for d in documents
        ),
        key=lambda i: i.id,
    )
    ids = {i.id for i in drafts}

    edges = tuple(sorted(
        (e for i in drafts for e in i.replicates),
        key=lambda e: (e.parent_id or e.parent_name, e.child_id),
    ))
    reverse: dict[str, list[Edge]] = defaultdict(list)
    for edge in edges:
        if edge.parent_id in ids:
            reverse[edge.parent_id].append(edge)

    related = related_cases(drafts)
    innovations = tuple(
        _with_computed(i, tuple(reverse.get(i.id, ())), related[n]) for n, i in enumerate(drafts)
    )
    by_id = {i.id: i for i in innovations}
    tags: dict[str, list[str]] = defaultdict(list)
    for innovation in innovations:
        for tag in dict.fromkeys(innovation.tags):
            tags[tag].append(innovation.id)

    facets: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in FACETS}
    for innovation in innovations:
        for name, values in innovation.facet_values().items():
            for value in values:
                facets[name][value].append(innovation.id)
    frozen_facets = {
        name: {
            value: tuple(ids_)
            for value, ids_ in sorted(values.items(), key=lambda kv: _facet_sort(name, kv[0]))
        }
        for name, values in facets.items()
    }

    agencies = _agencies(innovations, edges, by_id)
    return Catalog(
        innovations=innovations,
        taxonomies=taxonomies,
        today=today,
        agencies=agencies,
        edges=edges,
        facets=frozen_facets,
        by_id=by_id,
        tags={tag: tuple(ids_) for tag, ids_ in sorted(tags.items())},
        graph=replication_graph(edges, ids),
    )


def _with_computed(
    innovation: Innovation, replicated_by: tuple[Edge, ...], related: tuple[str, ...]
) -> Innovation:
    if not replicated_by and not related:
        return innovation
    return replace(innovation, replicated_by=replicated_by, related=related)


def _related_keys(innovation: Innovation) -> dict[tuple[str, str], int]:
    """The keys two similar cases share, with their weights."""
    keys = {("category", innovation.category): RELATED_WEIGHTS["category"]}
    keys.update({("tag", t): RELATED_WEIGHTS["tag"] for t in innovation.tags})
    keys.update({("target", t): RELATED_WEIGHTS["target"] for t in innovation.sdg_targets})
    keys.update({("sdg", str(g)): RELATED_WEIGHTS["sdg"] for g in innovation.sdgs})
    return keys


def related_cases(innovations: list[Innovation] | tuple[Innovation, ...]) -> list[tuple[str, ...]]:
    """For each case (same order), up to ``RELATED_LIMIT`` ids of similar cases: the same tags,
    SDG targets, category or SDGs, weighted by ``RELATED_WEIGHTS``; ties go to the same
    province, then the nearest start year, then the id.

    Work is bounded per case, never a scan of the whole catalogue: each key's members are kept
    in catalogue order, and a case adds the key's weight to the ``RELATED_WINDOW`` members on
    either side of itself (wrapping around), so a key shared by thousands of cases costs
    ``2 × RELATED_WINDOW`` steps; a small key is read whole, so a rare shared tag is always
    found. A member inside several of a case's windows collects several weights."""
    keys = [_related_keys(i) for i in innovations]
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    position: list[list[tuple[list[int], int, int]]] = []  # per case: (members, own place, weight)
    for n, own in enumerate(keys):
        mine = []
        for key, weight in own.items():
            group = members[key]
            mine.append((group, len(group), weight))
            group.append(n)
        position.append(mine)

    window = RELATED_WINDOW
    out: list[tuple[str, ...]] = []
    for n, mine in enumerate(position):
        scores: Counter[int] = Counter()
        for group, at, weight in mine:
            size = len(group)
            if size <= 2 * window + 1:
                near = group
            elif at < window:
                near = group[:at + window + 1] + group[at - window:]
            elif at + window >= size:
                near = group[at - window:] + group[:at + window + 1 - size]
            else:
                near = group[at - window:at + window + 1]
            for _ in range(weight):  # Counter.update counts in C; a weight is a small integer
                scores.update(near)
        scores.pop(n, None)
        if not scores:
            out.append(())
            continue
        # Only candidates that can still make the list get the full tie-break key.
        cutoff = heapq.nlargest(RELATED_LIMIT, scores.values())[-1]
        me = innovations[n]
        province, year = me.agency.province, me.year

        # rank reads this iteration's scores, province and year: nsmallest calls it right here
        # (the B023 warnings below are about closures called later, which this one is not).
        def rank(m: int) -> tuple[int, bool, int, str]:
            other = innovations[m]
            return (-scores[m], not province or other.agency.province != province,  # noqa: B023
                    abs(other.year - year), other.id)  # noqa: B023

        best = heapq.nsmallest(
            RELATED_LIMIT, (m for m, score in scores.items() if score >= cutoff), key=rank
        )
        out.append(tuple(innovations[m].id for m in best))
    return out


def _facet_sort(name: str, value: str) -> tuple[int, str]:
    if name in ("year", "sdg") and value.isdigit():
        return (int(value), "")
    return (0, value)


def _agencies(innovations: tuple[Innovation, ...], edges: tuple[Edge, ...],
              by_id: dict[str, Innovation]) -> tuple[Agency, ...]:
    grouped: dict[str, list[Innovation]] = defaultdict(list)
    for innovation in innovations:
        grouped[innovation.agency.slug].append(innovation)
    given: dict[str, list[Edge]] = defaultdict(list)
    received: dict[str, list[Edge]] = defaultdict(list)
    for edge in edges:
        if edge.parent_id in by_id:
            given[by_id[edge.parent_id].agency.slug].append(edge)
        received[by_id[edge.child_id].agency.slug].append(edge)
    agencies = []
    for slug, members in sorted(grouped.items()):
        member_ids = {m.id for m in members}
        first = members[0].agency
        agencies.append(
            Agency(
                slug=slug,
                name=first.name,
                type=first.type,
                province=next((m.agency.province for m in members if m.agency.province), ""),
                innovation_ids=tuple(sorted(member_ids, key=lambda i: (by_id[i].year, i))),
                years=tuple(sorted({m.year for m in members})),
                replications_given=tuple(given.get(slug, ())),
                replications_received=tuple(received.get(slug, ())),
            )
        )
    return tuple(agencies)
