"""The catalogue model: frozen values built once from validated documents.

Everything that spans pages — reverse replication edges, counts per facet, agency records,
staleness — is computed here, so renderers, search and exports only read.
``build_catalog`` assumes its input passed validation; it does not re-check rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from generator.source import SourceDocument
from generator.taxonomy import Taxonomies
from generator.validate.assets import published_assets

STALE_AFTER_DAYS = 365

# Facet names are stable identifiers shared by the site URLs, the exports and the search UI.
FACETS = ("category", "province", "year", "status", "award", "sdg", "agency_type")


@dataclass(frozen=True, slots=True)
class Source:
    number: int  # 1-based, as cited by outcomes and awards
    title: str
    url: str
    publisher: str = ""
    date: str = ""


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

    @property
    def ready_to_replicate(self) -> bool:
        return bool(self.kit or self.requirements)

    def facet_values(self) -> dict[str, tuple[str, ...]]:
        """Every facet value of this case, as strings (the URL/filter form)."""
        return {
            "category": (self.category,),
            "province": (self.agency.province,) if self.agency.province else (),
            "year": (str(self.year),),
            "status": (self.status,),
            "award": tuple(sorted({a.facet_value for a in self.awards} | {a.program for a in self.awards})),
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
class Catalog:
    innovations: tuple[Innovation, ...]
    taxonomies: Taxonomies
    today: date
    agencies: tuple[Agency, ...] = ()
    edges: tuple[Edge, ...] = ()
    # facet name → value → ids of innovations, sorted; values sorted for stable output
    facets: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    by_id: dict[str, Innovation] = field(default_factory=dict)
    agency_by_slug: dict[str, Agency] = field(default_factory=dict)
    collections: tuple[Any, ...] = ()  # generator.collections.Collection, sorted by id

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
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "instansi"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


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
        stale=(today - verified).days > STALE_AFTER_DAYS,
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
        kit=tuple(KitItem(_text(k.get("title")), _text(k.get("url"))) for k in replication.get("kit") or ()),
        sources=tuple(
            Source(
                number=n,
                title=_text(s.get("title")),
                url=_text(s.get("url")),
                publisher=_text(s.get("publisher")),
                date=_text(s.get("date")),
            )
            for n, s in enumerate(fm.get("sources") or (), start=1)
        ),
        crosswalk=tuple(sorted((str(k), _text(v)) for k, v in (fm.get("crosswalk") or {}).items())),
        lang=_text(fm.get("lang") or "id"),
        title_en=_text(fm.get("title_en")),
        summary_en=_text(fm.get("summary_en")),
        former_ids=tuple(_text(f) for f in fm.get("former_ids") or ()),
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
        (_innovation(d, today, slugs[str((d.front_matter.get("agency") or {}).get("name", ""))]) for d in documents),
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

    innovations = tuple(_with_reverse(i, tuple(reverse.get(i.id, ()))) for i in drafts)
    by_id = {i.id: i for i in innovations}

    facets: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in FACETS}
    for innovation in innovations:
        for name, values in innovation.facet_values().items():
            for value in values:
                facets[name][value].append(innovation.id)
    frozen_facets = {
        name: {value: tuple(ids_) for value, ids_ in sorted(values.items(), key=lambda kv: _facet_sort(name, kv[0]))}
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
        agency_by_slug={a.slug: a for a in agencies},
    )


def _with_reverse(innovation: Innovation, replicated_by: tuple[Edge, ...]) -> Innovation:
    if not replicated_by:
        return innovation
    return replace(innovation, replicated_by=replicated_by)


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
