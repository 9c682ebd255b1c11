"""Build the catalogue's lunr index (lunr.py) and pack it for lunr.js 2.3.9.

Documents are analysed by :mod:`generator.search.analysis` and handed to lunr as term lists,
so lunr's own tokenizer never touches them; the serialized index's pipeline names the
registered ``stemmer-id`` function, which both sides register before loading.

lunr.py builds ONE index over every field (BM25 scores with idf over the whole catalogue). Its
field vectors are then split into three parts by field: the *primary* part (title, aliases,
agency and place) is what the browser fetches for the first query; the others (category,
tags and awards with summary and outcomes; then the body's distinctive terms) follow in the
background. Each part travels in a compact
form — terms numbered alphabetically, vectors delta-encoded, scores rounded to 2 decimals — that
both sides expand into a standard lunr serialized index (the inverted index is the transpose of
the field vectors) and load with ``lunr.Index.load``. Python and the browser query the same
parts and add their scores, so the CLI ranks exactly as the site does.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token import Token

from generator.model import Catalog, Innovation
from generator.search.analysis import (
    MIN_TERM_LENGTH,
    STEMMER_NAME,
    STOP_WORDS,
    Analyzer,
    build_analyzer,
    place_groups,
    stem,
    words,
)

# (field name in the index, boost, what it holds). Short names: they repeat in every posting.
FIELDS: tuple[tuple[str, int, str], ...] = (
    ("t", 10, "title"),
    ("a", 8, "aliases and the English title"),
    ("g", 5, "agency name, unit, regency, province"),
    ("k", 3, "category label, tags, start year, awards (programme, level, year)"),
    ("s", 2, "summary (and its English version)"),
    ("o", 1, "outcome indicators and descriptions"),
    ("b", 1, "body text: its most distinctive terms (all of them in a small catalogue)"),
)
# The first part answers a first query: names and places (what people type most). Category,
# tags and awards travel with the summaries; they repeat across cases and were the largest
# field of the first part (90 of 227 KB gzipped at 5,000 cases).
PARTS: tuple[tuple[str, ...], ...] = (("t", "a", "g"), ("k", "s", "o"), ("b",))
# Body terms kept over the whole catalogue (each case keeps its BODY_BUDGET // n most
# distinctive distinct terms by tf·idf, at least MIN_BODY_TERMS): the full text of a small
# catalogue, 30 terms a case at 5,000 cases, so the third part stays a few hundred KB.
BODY_BUDGET = 150_000
MIN_BODY_TERMS = 30
_URL = re.compile(r"https?://\S+|\]\([^)\]]*\)")  # linear: a failed "](" stops at the next "]"
SCORE_SCALE = 100  # scores travel as integers: round(score * 100)
FORMAT_VERSION = 1


def _stemmer_id(token: Token, i: int, tokens: list[Token]) -> Token:
    return token.update(lambda s, _meta: stem(s))


Pipeline.register_function(_stemmer_id, STEMMER_NAME)


@dataclass(frozen=True, slots=True)
class PackedIndex:
    """What the browser downloads, as plain JSON-able data, plus the refs → ids table."""

    terms: tuple[str, ...]  # alphabetical; a term's number is its position
    parts: tuple[dict[str, object], ...]
    ids: tuple[str, ...]  # ref number → innovation id
    vocabulary: tuple[str, ...]  # indexed words (unstemmed), for the typo fallback


def catalog_analyzer(catalog: Catalog) -> Analyzer:
    """The analyzer for the catalogue's ``taxonomies/synonyms.yml`` and ``acronyms.yml``, with the
    province names (and their ``aliases``) and the catalogue's multi-word regency names as
    place-name phrases.

    A content folder without those files searches with the project's own (the pipeline fills
    them in); an empty ``groups: []`` turns synonyms off.
    """
    tax = catalog.taxonomies
    provinces = ([(str(t.id), t.label, t.aliases) for t in tax["provinces"].terms]
                 if "provinces" in tax else [])
    regencies = [i.agency.regency for i in catalog.innovations if i.agency.regency]
    return build_analyzer(tax.data.get("synonyms"), tax.data.get("acronyms"),
                          place_groups(provinces, regencies))


def field_texts(innovation: Innovation, catalog: Catalog) -> dict[str, str]:
    """The text of each index field for one case."""
    tax = catalog.taxonomies
    agency = innovation.agency
    place = [agency.name, agency.unit, agency.regency]
    if agency.province:
        place.append(tax["provinces"].label_of(agency.province))
    category = tax["categories"].label_of(innovation.category)
    tags = [t.replace("-", " ") for t in innovation.tags]
    outcomes = [o.indicator or o.description for o in innovation.outcomes]
    awards = []
    for award in innovation.awards:
        program = tax["awards"].get(award.program)
        level = program.level(award.level) if program else None
        awards.append(" ".join(x for x in (program.label if program else award.program,
                                           level.label if level else award.level,
                                           str(award.year), award.category_original) if x))
    return {
        "t": innovation.title,
        "a": "\n".join([*innovation.aliases, innovation.title_en]),
        "g": "\n".join(p for p in place if p),
        "k": "\n".join([category, *tags, str(innovation.year), *awards]),
        "s": "\n".join([innovation.summary, innovation.summary_en]),
        "o": "\n".join(o for o in outcomes if o),
    }


def analyse_catalog(
    catalog: Catalog, analyzer: Analyzer
) -> tuple[list[dict[str, list[str]]], tuple[str, ...]]:
    """Per case (in catalogue order) the terms of each field, and the sorted indexed words."""
    documents: list[dict[str, list[str]]] = []
    vocabulary: set[str] = set()
    bodies: list[tuple[list[str], list[str]]] = []  # (words, terms) of each body
    for innovation in catalog.innovations:
        doc: dict[str, list[str]] = {}
        for name, text in field_texts(innovation, catalog).items():
            field_words = words(text)
            doc[name] = analyzer.terms_of_words(field_words)
            vocabulary.update(field_words)
        body_words = words(_URL.sub(" ", innovation.body))
        bodies.append((body_words, analyzer.terms_of_words(body_words)))
        documents.append(doc)
    kept_terms = _select_body_terms([terms for _w, terms in bodies])
    for doc, (body_words, terms), keep in zip(documents, bodies, kept_terms):
        doc["b"] = [t for t in terms if t in keep]
        vocabulary.update(w for w in set(body_words) if stem(w) in keep)
    kept = (
        w
        for w in vocabulary
        if len(w) >= MIN_TERM_LENGTH and w not in STOP_WORDS and not w.isdigit()
    )
    return documents, tuple(sorted(kept))


def _select_body_terms(bodies: list[list[str]]) -> list[set[str]]:
    """For each body, its ``max(MIN_BODY_TERMS, BODY_BUDGET // n)`` highest tf·idf terms."""
    n = len(bodies)
    if not n:
        return []
    limit = max(MIN_BODY_TERMS, BODY_BUDGET // n)
    counts = [Counter(terms) for terms in bodies]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {term: math.log(n / count + 1) for term, count in df.items()}
    selected = []
    for c in counts:
        if len(c) <= limit:
            selected.append(set(c))
            continue
        ranked = sorted([(-count * idf[term], term) for term, count in c.items()])
        selected.append({term for _score, term in ranked[:limit]})
    return selected


def build_packed_index(catalog: Catalog, analyzer: Analyzer | None = None, *,
                       with_lunr_builder: bool = False) -> PackedIndex:
    """Index every case (refs are positions in the catalogue's id order) and pack the parts.

    The scores are lunr's BM25 field vectors. By default they are computed by
    :func:`field_vectors`, a direct transcription of lunr.py's ``Builder`` (the builder spends
    most of its time copying token objects and inserting into vectors one element at a time);
    ``with_lunr_builder=True`` runs lunr.py's own ``Builder``, and a test checks both agree.
    """
    analyzer = analyzer or catalog_analyzer(catalog)
    documents, vocabulary = analyse_catalog(catalog, analyzer)
    vectors = lunr_field_vectors(documents) if with_lunr_builder else field_vectors(documents)
    return _pack(vectors, tuple(i.id for i in catalog.innovations), vocabulary)


def field_vectors(documents: list[dict[str, list[str]]], k1: float = 1.2, b: float = 0.75
                  ) -> dict[str, dict[int, dict[str, float]]]:
    """field → ref → term → score, exactly as lunr.py's ``Builder.build`` computes them."""
    names = [name for name, _b, _h in FIELDS]
    boosts = {name: boost for name, boost, _h in FIELDS}
    n_docs = len(documents)
    frequencies: dict[str, list[dict[str, int]]] = {name: [] for name in names}
    postings: dict[str, int] = {}  # term → number of (field, document) pairs holding it
    total_length = dict.fromkeys(names, 0)
    for doc in documents:
        for name in names:
            terms = doc.get(name, [])
            total_length[name] += len(terms)
            tf: dict[str, int] = {}
            for term in terms:
                tf[term] = tf.get(term, 0) + 1
            frequencies[name].append(tf)
            for term in tf:
                postings[term] = postings.get(term, 0) + 1
    idf = {
        term: math.log(1 + abs((n_docs - count + 0.5) / (count + 0.5)))
        for term, count in postings.items()
    }
    result: dict[str, dict[int, dict[str, float]]] = {name: {} for name in names}
    for name in names:
        average = total_length[name] / n_docs if n_docs else 0.0
        boost = boosts[name]
        for ref, tf in enumerate(frequencies[name]):
            if not tf:
                continue
            length = sum(tf.values())
            vector: dict[str, float] = {}
            for term, count in tf.items():
                score = (
                    idf[term] * ((k1 + 1) * count) / (k1 * (1 - b + b * (length / average)) + count)
                )
                score *= boost  # (lunr's document boost is 1)
                vector[term] = round(score, 3)
            result[name][ref] = vector
    return result


def lunr_field_vectors(
    documents: list[dict[str, list[str]]],
) -> dict[str, dict[int, dict[str, float]]]:
    """The same as :func:`field_vectors`, computed by lunr.py's ``Builder`` (slow; reference)."""
    builder = Builder()
    builder.ref("r")
    for name, boost, _help in FIELDS:
        builder.field(name, boost=boost)
    builder.search_pipeline.add(_stemmer_id)
    for n, doc in enumerate(documents):
        builder.add({"r": str(n), **doc})
    index = builder.build()
    terms = {posting["_index"]: term for term, posting in index.inverted_index.items()}
    result: dict[str, dict[int, dict[str, float]]] = {name: {} for name, _b, _h in FIELDS}
    for field_ref, vector in index.field_vectors.items():
        name, _, ref = str(field_ref).partition("/")
        elements = vector.elements
        if elements:
            result[name][int(ref)] = {
                terms[elements[i]]: elements[i + 1] for i in range(0, len(elements), 2)
            }
    return result


def _pack(vectors: dict[str, dict[int, dict[str, float]]], ids: tuple[str, ...],
          vocabulary: tuple[str, ...]) -> PackedIndex:
    terms = tuple(
        sorted({t for by_ref in vectors.values() for vector in by_ref.values() for t in vector})
    )
    number = {term: n for n, term in enumerate(terms)}
    parts = []
    for fields in PARTS:
        packed_fields: dict[str, list[list[int]]] = {}
        for name in fields:
            rows: list[list[int]] = []
            previous_ref = 0
            for ref in sorted(vectors[name]):
                row = [ref - previous_ref]
                previous_term = 0
                for term_number, score in sorted(
                    (number[t], s) for t, s in vectors[name][ref].items()
                ):
                    row += [term_number - previous_term, round(score * SCORE_SCALE)]
                    previous_term = term_number
                rows.append(row)
                previous_ref = ref
            packed_fields[name] = rows
        parts.append({"fields": list(fields), "vectors": packed_fields})
    return PackedIndex(terms, tuple(parts), ids, vocabulary)


def unpack_part(terms: tuple[str, ...] | list[str], part: dict[str, object]) -> dict[str, object]:
    """A packed part → a standard lunr serialized index (what ``lunr.Index.load`` takes).

    ``search.js`` has the same function (``unpackPart``); both must stay in step.
    """
    fields: list[str] = list(part["fields"])  # type: ignore[arg-type]
    vectors: dict[str, list[list[int]]] = part["vectors"]  # type: ignore[assignment]
    field_vectors: list[list[object]] = []
    postings: dict[int, dict[str, dict[str, dict]]] = {}
    for name in fields:
        ref = 0
        for row in vectors[name]:
            ref += row[0]
            term_number = 0
            elements: list[float] = []
            for i in range(1, len(row), 2):
                term_number += row[i]
                elements += [term_number, row[i + 1] / SCORE_SCALE]
                posting = postings.get(term_number)
                if posting is None:
                    posting = postings[term_number] = {f: {} for f in fields}
                posting[name][str(ref)] = {}
            field_vectors.append([f"{name}/{ref}", elements])
    inverted = [
        [terms[n], {"_index": n, **postings[n]}]
        for n in sorted(postings)
    ]
    return {
        "version": __TARGET_JS_VERSION__,
        "fields": fields,
        "fieldVectors": field_vectors,
        "invertedIndex": inverted,
        "pipeline": [STEMMER_NAME],
    }


def load_parts(packed: PackedIndex) -> list[Index]:
    """The lunr.py indexes the CLI queries: the same unpacked parts the browser loads."""
    return [Index.load(unpack_part(packed.terms, part)) for part in packed.parts]
