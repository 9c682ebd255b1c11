"""The packed index: same scores as lunr.py's Builder, round trip to lunr, deterministic files."""

from __future__ import annotations

import json

from lunr.index import Index

from generator.search.index import (
    FIELDS,
    PARTS,
    build_packed_index,
    catalog_analyzer,
    load_parts,
    unpack_part,
)
from generator.search.render import index_files, render_search
from tests.search.synthetic import catalog as synthetic_catalog


def test_fast_field_vectors_equal_lunr_builder(search_catalog) -> None:
    for catalog in (search_catalog, synthetic_catalog(200)):
        analyzer = catalog_analyzer(catalog)
        assert build_packed_index(catalog, analyzer) == build_packed_index(
            catalog, analyzer, with_lunr_builder=True
        )


def test_parts_split_the_fields_and_load_in_lunr(search_catalog) -> None:
    packed = build_packed_index(search_catalog)
    assert [tuple(p["fields"]) for p in packed.parts] == list(PARTS)
    assert sorted(f for part in PARTS for f in part) == sorted(name for name, _b, _h in FIELDS)
    assert list(packed.terms) == sorted(packed.terms)
    for part in packed.parts:
        serialized = unpack_part(packed.terms, part)
        assert serialized["pipeline"] == ["stemmer-id"]
        assert serialized["version"] == "2.3.9"
        terms = [t for t, _p in serialized["invertedIndex"]]
        assert terms == sorted(terms)
        index = Index.load(json.loads(json.dumps(serialized)))
        assert index.fields == part["fields"]
    assert len(load_parts(packed)) == len(PARTS)


def test_refs_are_catalogue_positions(search_catalog) -> None:
    packed = build_packed_index(search_catalog)
    assert packed.ids == tuple(i.id for i in search_catalog.innovations)


def test_search_outputs_are_deterministic(search_catalog) -> None:
    first = [(getattr(o, "path", None) or o.src_uri, getattr(o, "content", None) or o.html)
             for o in render_search(search_catalog)]
    second = [(getattr(o, "path", None) or o.src_uri, getattr(o, "content", None) or o.html)
              for o in render_search(search_catalog)]
    assert first == second
    paths = [p for p, _ in first]
    for expected in (
        "search/index-0.json",
        "search/index-1.json",
        "search/index-2.json",
        "search/docs.json",
        "search/facets.json",
        "search/vocab.json",
        "assets/search/search.js",
        "assets/search/lunr.min.js",
        "assets/search/stemmer-id.orama.js",
        "assets/search/search.css",
        "cari/index.md",
    ):
        assert expected in paths


def test_docs_and_facets_follow_ref_order(search_catalog) -> None:
    files = index_files(search_catalog)
    docs = files["search/docs.json"]
    assert docs["count"] == len(search_catalog.innovations)
    assert docs["years"] == [i.year for i in search_catalog.innovations]
    # Cards come in chunks of docs["cardChunk"], in ref order, every case exactly once.
    size = docs["cardChunk"]
    chunks = [files[f"search/cards-{n}.json"] for n in range(-(-docs["count"] // size))]
    assert f"search/cards-{len(chunks)}.json" not in files
    assert [i for c in chunks for i in c["ids"]] == [i.id for i in search_catalog.innovations]
    assert [s for c in chunks for s in c["summaries"]] == [
        i.summary for i in search_catalog.innovations
    ]
    assert all(len(c["ids"]) == len(c["titles"]) == len(c["agencies"]) == len(c["provinces"])
               == len(c["statuses"]) for c in chunks)
    for innovation, status in zip(
        search_catalog.innovations, [s for c in chunks for s in c["statuses"]]
    ):
        assert docs["statusIds"][status] == innovation.status
    facets = {f["name"]: f for f in files["search/facets.json"]["facets"]}
    assert set(facets) == {"category", "province", "status", "award", "sdg", "agency_type", "ready"}
    category = facets["category"]
    values = [v for v, _label in category["values"]]
    for innovation, numbers in zip(search_catalog.innovations, category["docs"]):
        assert [values[n] for n in numbers] == [innovation.category]
    assert facets["province"]["param"] == "provinsi"
    # The readiness facet is the model's one definition, per document.
    ready = facets["ready"]
    assert ready["param"] == "siap" and ready["values"] == [["ya", "Siap ditiru"]]
    assert [bool(d) for d in ready["docs"]] == [
        i.ready_to_replicate for i in search_catalog.innovations
    ]


def test_body_terms_keep_the_full_text_of_a_small_catalogue_and_cap_a_large_one() -> None:
    from generator.search.index import BODY_BUDGET, MIN_BODY_TERMS, _select_body_terms

    small = [["a", "b", "c"], ["c", "d"]]
    assert _select_body_terms(small) == [{"a", "b", "c"}, {"c", "d"}]
    n = BODY_BUDGET // MIN_BODY_TERMS + 1
    common = [f"w{i}" for i in range(MIN_BODY_TERMS * 2)]
    bodies = [common + ["unik"] * 3] + [common] * (n - 1)
    kept = _select_body_terms(bodies)
    assert all(len(k) == MIN_BODY_TERMS for k in kept)
    assert "unik" in kept[0]  # the rare, repeated word ranks first


def test_search_outputs_do_not_depend_on_the_hash_seed() -> None:
    import os
    import subprocess
    import sys

    script = (
        "import hashlib\nfrom tests.search.synthetic import catalog\n"
        "from generator.search.render import render_search\nh = hashlib.sha256()\n"
        "for o in render_search(catalog(120)):\n"
        "    h.update(getattr(o, 'content', None) or o.html.encode())\nprint(h.hexdigest())\n"
    )
    digests = {
        subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True, text=True, check=True, timeout=120).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
