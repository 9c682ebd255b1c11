"""Search outputs of the site: the packed index files, display and facet data, the browser
scripts and the finder page ``/cari/``.

Files under ``search/`` are fetched by ``assets/search/search.js`` only once someone uses a
search field: ``index-0.json`` (terms, analysis data, primary part), ``docs.json`` (years and
label tables) and the ``cards-N.json`` chunks that hold the results on screen for the first
query, then ``index-1.json`` and ``index-2.json`` (the other parts); ``facets.json`` on the
finder page; ``vocab.json`` only when a query has a word the index does not know (typo
fallback, "mungkin maksud Anda").
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.labels import FACET_TITLES, Labels
from generator.model import FACETS, Catalog
from generator.output import Output, PageOutput, StaticOutput, facet_url
from generator.render.base import RenderContext
from generator.search import query as plan
from generator.search.analysis import MIN_TERM_LENGTH, STEMMER_NAME, STOP_WORDS
from generator.search.index import (
    FORMAT_VERSION,
    SCORE_SCALE,
    PackedIndex,
    build_packed_index,
    catalog_analyzer,
)

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "search"
ASSET_FILES = ("search.js", "stemmer-id.orama.js", "lunr.min.js", "search.css")

# Facet → URL parameter of the finder page (the year facet is a range: tahun_dari, tahun_sampai).
FACET_PARAMS = {
    "category": "kategori",
    "province": "provinsi",
    "status": "status",
    "award": "penghargaan",
    "sdg": "sdg",
    "agency_type": "jenis",
}
YEAR_PARAMS = ("tahun_dari", "tahun_sampai")
# Cases per cards-N.json (title, agency, province, status, summary of each): a header panel
# shows 8 results and the finder 50, so a first query fetches a few small files instead of
# every card; 25 keeps each near 2 KB gzipped.
CARD_CHUNK = 25
# The finder box's examples; a test checks that each finds a case in the real catalogue.
SEARCH_EXAMPLES = ("sampah", "KTP", "nelayan")
# The readiness facet (the model's one definition, ``Innovation.ready_to_replicate``): one
# value, "ya"; its browse page is the ready list under /replikasi/.
READY_FACET = {"name": "ready", "param": "siap", "title": "Siap ditiru", "value": "ya",
               "label": "Siap ditiru", "url": "replikasi/siap-direplikasi/"}


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def index_files(catalog: Catalog) -> dict[str, object]:
    """The JSON documents under ``search/`` (path → data)."""
    analyzer = catalog_analyzer(catalog)
    packed: PackedIndex = build_packed_index(catalog, analyzer)
    head = {
        "format": FORMAT_VERSION,
        "pipeline": STEMMER_NAME,
        "terms": list(packed.terms),
        "stopWords": sorted(STOP_WORDS),
        "weakStems": sorted(plan.WEAK_STEMS),
        "minTermLength": MIN_TERM_LENGTH,
        "synonyms": analyzer.to_json(),
        "phraseKeys": sorted(analyzer.phrase_keys),
        "plan": {
            "exact": plan.BOOST_EXACT,
            "weak": plan.BOOST_WEAK,
            "prefix": plan.BOOST_PREFIX,
            "synonym": plan.BOOST_SYNONYM,
            "fuzzy": plan.BOOST_FUZZY,
            "correction": plan.BOOST_CORRECTION,
            "minPrefix": plan.MIN_PREFIX_LENGTH,
            "minFuzzy": plan.MIN_FUZZY_LENGTH,
            "longWord": plan.LONG_WORD,
            "maxCompletions": plan.MAX_COMPLETIONS,
            "minSplit": plan.MIN_SPLIT,
            "maxSuggestions": plan.MAX_SUGGESTIONS,
            "scale": SCORE_SCALE,
        },
        "related": [
            list(r[:3]) + [list(r[3]), list(r[4])]
            for r in plan.related_categories(catalog, analyzer)
        ],
        "parts": len(packed.parts),
        "part": packed.parts[0],
    }
    files: dict[str, object] = {"search/index-0.json": head}
    for n, part in enumerate(packed.parts[1:], start=1):
        files[f"search/index-{n}.json"] = {"part": part}
    innovations = catalog.innovations
    tax = catalog.taxonomies
    provinces = sorted({i.agency.province for i in innovations if i.agency.province})
    statuses = sorted({i.status for i in innovations})
    # What every query needs for every case (the year filter and the default order), and the
    # label tables; what a result card shows comes in chunks (cards-N.json) fetched only for
    # the results on screen, so a first query stays small whatever the catalogue's size.
    files["search/docs.json"] = {
        "count": len(innovations),
        "years": [i.year for i in innovations],
        "provinceLabels": [tax["provinces"].label_of(p) for p in provinces],
        "statusIds": statuses,
        "statusLabels": [tax["statuses"].label_of(x) for x in statuses],
        "cardChunk": CARD_CHUNK,
    }
    for start in range(0, len(innovations), CARD_CHUNK):
        chunk = innovations[start:start + CARD_CHUNK]
        files[f"search/cards-{start // CARD_CHUNK}.json"] = {
            "ids": [i.id for i in chunk],
            "titles": [i.title for i in chunk],
            "agencies": [i.agency.name for i in chunk],
            "provinces": [
                provinces.index(i.agency.province) if i.agency.province else -1 for i in chunk
            ],
            "statuses": [statuses.index(i.status) for i in chunk],
            "summaries": [i.summary for i in chunk],
        }
    files["search/facets.json"] = {"facets": facet_data(catalog)}
    files["search/vocab.json"] = {"words": list(packed.vocabulary)}
    return files


def _finder_facets(catalog: Catalog) -> list[tuple[str, dict[str, tuple[str, ...]]]]:
    """The facets the finder filters on, with their values (the year is a range, not a list)."""
    return [(facet, catalog.facets.get(facet, {})) for facet in FACETS if facet != "year"]


def facet_data(catalog: Catalog) -> list[dict[str, object]]:
    """Per facet: its values with labels and, per document, the numbers of its values."""
    labels = Labels(catalog)
    out = []
    for facet, by_value in _finder_facets(catalog):
        values = list(by_value)
        number = {v: n for n, v in enumerate(values)}
        out.append({
            "name": facet,
            "param": FACET_PARAMS[facet],
            "title": FACET_TITLES[facet],
            "values": [[v, labels.facet(facet, v)] for v in values],
            "docs": [[number[v] for v in i.facet_values()[facet]] for i in catalog.innovations],
        })
    out.append({
        "name": READY_FACET["name"],
        "param": READY_FACET["param"],
        "title": READY_FACET["title"],
        "values": [[READY_FACET["value"], READY_FACET["label"]]],
        "docs": [[0] if i.ready_to_replicate else [] for i in catalog.innovations],
    })
    return out


def render_finder(catalog: Catalog) -> PageOutput:
    """``/cari/``: the form, server-rendered facet lists (browse links without JavaScript)."""
    ctx = RenderContext(catalog)
    labels = ctx.labels
    facets = []
    for facet, by_value in _finder_facets(catalog):
        values = [(value, labels.facet(facet, value), len(ids), facet_url(facet, value))
                  for value, ids in by_value.items()]
        facets.append((facet, FACET_PARAMS[facet], FACET_TITLES[facet], values))
    ready = sum(1 for i in catalog.innovations if i.ready_to_replicate)
    facets.insert(0, (READY_FACET["name"], READY_FACET["param"], READY_FACET["title"],
                      [(READY_FACET["value"], READY_FACET["label"], ready, READY_FACET["url"])]))
    years = sorted({i.year for i in catalog.innovations})
    return ctx.page(
        "cari/index.md",
        "search/cari.html",
        "Cari inovasi",
        "Cari studi kasus inovasi pelayanan publik dengan kata kunci, lalu saring menurut "
        "kategori, "
        "provinsi, tahun, status, penghargaan, SDG, jenis instansi, dan kesiapan untuk ditiru.",
        facets=facets,
        years=years,
        year_params=YEAR_PARAMS,
        total=len(catalog.innovations),
        examples=", ".join(SEARCH_EXAMPLES),
    )


def render_search(catalog: Catalog) -> list[Output]:
    """Every search output of the site: index files, scripts and styles, the finder page."""
    outputs: list[Output] = [
        StaticOutput(path, _json(data)) for path, data in index_files(catalog).items()
    ]
    for name in ASSET_FILES:
        outputs.append(StaticOutput(f"assets/search/{name}", (ASSETS / name).read_bytes()))
    outputs.append(render_finder(catalog))
    return outputs
