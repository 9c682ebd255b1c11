"""Query the catalogue's search index exactly as the site's search does.

A query is analysed like indexed text, then turned into lunr clauses (OR semantics):
each word's stem (boost 10) and, from 3 letters, the stem as a prefix (boost 2, for typing);
a weak word (``WEAK_WORDS``: "layanan", "publik" … that nearly every case uses) only its stem,
boost 2; each synonym/acronym key the query contains (boost 6 per word of the variant found). A
word whose stem is neither a term nor the start of one is treated as a typo (numbers never are):
lunr's edit-distance match on the stem (boost 1; 1 edit, 2 from 8 letters of the stem)
plus the closest indexed words within 1 edit (2 from 8 letters), any two indexed words it is
written together from ("lakupandai": "laku", "pandai") and up to 20 indexed words
that start with it (a word still being typed), each analysed (boost 3). If
nothing matches at all, the typo step runs for every word. The packed index has several parts;
their scores add up.

Coordination (as in Lucene's classic ``coord``): each clause records which query words it
stands for (a synonym key: the words of the variant found; a weak word: none). A case's summed
score is multiplied by the share of those words it matches, so a case that matches "ppdb" and
"zonasi" outranks one that only has "online" in a short title. Every matching case stays in the
results (OR semantics); it only moves down. ``generator/assets/search/search.js`` implements
the same plan and scoring.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lunr.index import Index
from lunr.query import Query

from generator.model import Catalog
from generator.search.analysis import MIN_TERM_LENGTH, STOP_WORDS, WEAK_WORDS, Analyzer, stem, words
from generator.search.index import PackedIndex, build_packed_index, catalog_analyzer, load_parts

BOOST_EXACT = 10
BOOST_WEAK = 2  # a weak word's stem (WEAK_WORDS): matched, with no prefix clause
BOOST_PREFIX = 2
BOOST_SYNONYM = 6
BOOST_FUZZY = 1
BOOST_CORRECTION = 3
MIN_PREFIX_LENGTH = 3
MIN_FUZZY_LENGTH = 4
LONG_WORD = 8  # from this length a typo may be 2 edits away
MAX_COMPLETIONS = 20
MIN_SPLIT = 2  # a word written together with another ("lakupandai"): each part at least this long


WEAK_STEMS = frozenset(stem(w) for w in WEAK_WORDS)


# Index field → what "cocok pada" calls it (the place field says "provinsi" when the matched
# words are the province's, "instansi" otherwise).
FIELD_NAMES = {
    "t": "judul",
    "a": "nama lain",
    "g": "instansi atau provinsi",
    "k": "kategori atau label",
    "s": "ringkasan",
    "o": "hasil",
    "b": "isi",
}
MAX_SUGGESTIONS = 3
RELATED_CASES = 3


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    score: float
    approximate: bool = False  # matched only through typo tolerance
    matched: tuple[str, ...] = ()  # where it matched, in words ("judul", "ringkasan", …)


@dataclass(frozen=True, slots=True)
class Match:
    ref: int
    score: float
    approximate: bool
    fields: dict[str, frozenset[str]]  # index field → the index terms matched there


@dataclass(frozen=True, slots=True)
class Suggestions:
    """What to offer when nothing matches: corrected queries and categories the words point to."""

    did_you_mean: tuple[str, ...]
    categories: tuple[
        tuple[str, str, int, tuple[int, ...]], ...
    ]  # (id, label, cases, refs of a few)


@dataclass(frozen=True, slots=True)
class Clause:
    term: str
    boost: int
    prefix: bool = False
    edit_distance: int = 0
    units: tuple[
        int, ...
    ] = ()  # the query words it stands for (positions of their first occurrence)
    approximate: bool = False  # typo tolerance: a fuzzy match or a corrected word

    def to_json(self) -> dict[str, object]:
        return {
            "term": self.term,
            "boost": self.boost,
            "prefix": self.prefix,
            "editDistance": self.edit_distance,
            "units": list(self.units),
            "approximate": self.approximate,
        }

    def covers(self, term: str) -> bool:
        """Could lunr have matched the index term ``term`` through this clause?"""
        if self.edit_distance:
            return transposition_distance(term, self.term) <= self.edit_distance
        return term.startswith(self.term) if self.prefix else term == self.term


class Searcher:
    """The three lunr parts (``index.PARTS``) plus what the query plan needs (terms, vocabulary,
    synonyms)."""

    def __init__(self, packed: PackedIndex, analyzer: Analyzer, titles: tuple[str, ...],
                 related: tuple[tuple[str, str, int, tuple[int, ...], tuple[str, ...]], ...] = (),
                 places: tuple[frozenset[str], ...] = ()) -> None:
        self.packed = packed
        self.analyzer = analyzer
        self.titles = titles
        self.related = related  # (category id, label, cases, a few refs, its terms) per category
        self.places = places  # per ref: the index terms of its province's label
        self.indexes: list[Index] = load_parts(packed)
        self._terms = list(packed.terms)
        self._vocabulary = list(packed.vocabulary)
        self._vocabulary_set = frozenset(packed.vocabulary)
        self._vocabulary_by_length: dict[int, list[str]] = {}
        for word in packed.vocabulary:
            self._vocabulary_by_length.setdefault(len(word), []).append(word)

    def known(self, term: str) -> bool:
        """True if ``term`` is an index term or the beginning of one."""
        i = bisect.bisect_left(self._terms, term)
        return i < len(self._terms) and self._terms[i].startswith(term)

    def corrections(self, word: str, max_distance: int) -> list[str]:
        """Indexed words closest to ``word`` (1..max_distance edits), alphabetical."""
        best, found = max_distance + 1, []
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            for candidate in self._vocabulary_by_length.get(length, ()):
                d = edit_distance(word, candidate, best + 1)
                if d < best:
                    best, found = d, [candidate]
                elif d == best:
                    found.append(candidate)
        return sorted(found) if best <= max_distance else []

    def close_words(self, word: str, max_distance: int) -> list[str]:
        """Indexed words within ``max_distance`` edits (a swap of neighbours is one) that begin
        with the same letter as ``word``: closest first, then alphabetical."""
        found: list[tuple[int, str]] = []
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            for candidate in self._vocabulary_by_length.get(length, ()):
                if candidate[0] == word[0] and candidate != word:
                    d = transposition_distance(word, candidate)
                    if d <= max_distance:
                        found.append((d, candidate))
        return [c for _, c in sorted(found)]

    def splits(self, word: str) -> list[str]:
        """Two indexed words written together ("lakupandai" for "LAKU PANDAI"): [left, right,
        ...]."""
        found: list[str] = []
        for k in range(MIN_SPLIT, len(word) - MIN_SPLIT + 1):
            left, right = word[:k], word[k:]
            if left in self._vocabulary_set and right in self._vocabulary_set:
                found += [left, right]
        return found

    def completions(self, word: str) -> list[str]:
        """Indexed words that start with ``word`` (a word still being typed), alphabetical."""
        i = bisect.bisect_left(self._vocabulary, word)
        found: list[str] = []
        while (
            i < len(self._vocabulary)
            and len(found) < MAX_COMPLETIONS
            and self._vocabulary[i].startswith(word)
        ):
            if self._vocabulary[i] != word:
                found.append(self._vocabulary[i])
            i += 1
        return found

    def is_typo(self, word: str, s: str, fuzzy_all: bool) -> bool:
        """Is ``word`` (stem ``s``) to be read as a possible typo? Never a number, a short word, a
        dictionary word (synonyms, acronyms, places: "akta") or an index term; with
        ``fuzzy_all`` also a word that only begins an index term."""
        if len(word) < MIN_FUZZY_LENGTH or word.isdigit() or s in self.analyzer.dictionary:
            return False
        return not self.known(s) or (fuzzy_all and not self.is_term(s))

    def is_term(self, term: str) -> bool:
        i = bisect.bisect_left(self._terms, term)
        return i < len(self._terms) and self._terms[i] == term

    def plan(self, text: str, fuzzy_all: bool = False) -> list[Clause]:
        """The lunr clauses for a query (see the module docstring)."""
        raw = words(text)
        stems = [stem(w) for w in raw]
        clauses: list[Clause] = []
        seen: set[str] = set()
        unit_of: dict[int, int] = {}  # word position → its unit (first position of its stem)
        first: dict[str, int] = {}
        # A multi-word place name stands for its place key alone (added with the synonyms below).
        in_place = {
            p
            for key, length, start in self.analyzer.synonym_matches(stems)
            if length > 1 and self.analyzer.is_phrase(key)
            for p in range(start, start + length)
        }
        for position, (word, s) in enumerate(zip(raw, stems)):
            if position in in_place:
                unit_of[position] = first.setdefault(s, position)
                continue
            if len(word) < MIN_TERM_LENGTH or word in STOP_WORDS or s in WEAK_STEMS:
                if not (len(word) < MIN_TERM_LENGTH or word in STOP_WORDS) and s not in seen:
                    seen.add(s)
                    clauses.append(Clause(s, BOOST_WEAK))
                continue
            unit_of[position] = first.setdefault(s, position)
            if s in seen:
                continue
            seen.add(s)
            unit = (position,)
            clauses.append(Clause(s, BOOST_EXACT, units=unit))
            if len(s) >= MIN_PREFIX_LENGTH:
                clauses.append(Clause(s, BOOST_PREFIX, prefix=True, units=unit))
            if self.is_typo(word, s, fuzzy_all):
                distance = 2 if len(word) >= LONG_WORD else 1
                if len(s) >= MIN_FUZZY_LENGTH:
                    # lunr's fuzzy match runs on the stem: 2 edits only for a long stem ("ijin",
                    # the stem of "perijinan", within 2 edits is "uji", "isi", "main" …).
                    stem_distance = 2 if len(s) >= LONG_WORD else 1
                    clauses.append(Clause(s, BOOST_FUZZY, edit_distance=stem_distance, units=unit,
                                          approximate=True))
                corrected: list[str] = []
                candidates = self.corrections(word, distance) + self.splits(word)
                if len(word) >= MIN_PREFIX_LENGTH:
                    candidates += self.completions(word)
                for candidate in candidates:
                    for term in self.analyzer.terms(candidate):
                        if term not in corrected and term not in seen:
                            corrected.append(term)
                clauses.extend(
                    Clause(term, BOOST_CORRECTION, units=unit, approximate=True)
                    for term in corrected
                )
        # A multi-word variant ("kartu keluarga") is strong evidence: its key outweighs each word.
        synonym_boost: dict[str, int] = {}
        synonym_units: dict[str, set[int]] = {}
        for key, length, start in self.analyzer.synonym_matches(stems):
            if key not in seen:
                synonym_boost[key] = max(synonym_boost.get(key, 0), BOOST_SYNONYM * length)
                synonym_units.setdefault(key, set()).update(
                    unit_of[p] for p in range(start, start + length) if p in unit_of)
        clauses.extend(Clause(key, boost, units=tuple(sorted(synonym_units[key])))
                       for key, boost in synonym_boost.items())
        return clauses

    def run(self, clauses: list[Clause]) -> list[tuple[int, float]]:
        """(ref number, summed score) of every match, best first (ties: catalogue order)."""
        return [(m.ref, m.score) for m in self.run_detailed(clauses)]

    def run_detailed(self, clauses: list[Clause]) -> list[Match]:
        """Every match, best first (ties: catalogue order), with where it matched and whether only
        typo tolerance found it."""
        if not clauses:
            return []
        scores: dict[int, float] = {}
        covered: dict[int, set[int]] = {}
        fields: dict[int, dict[str, set[str]]] = {}
        exact: set[int] = set()  # refs matched through at least one clause that is not a typo's
        counted = {u for c in clauses for u in c.units}
        with_units = [c for c in clauses if c.units]
        units_of_term: dict[str, set[int]] = {}
        exact_terms: dict[str, bool] = {}
        for index in self.indexes:
            query = index.create_query()
            for c in clauses:
                query.clause(
                    term=c.term,
                    boost=c.boost,
                    use_pipeline=False,
                    wildcard=Query.WILDCARD_TRAILING if c.prefix else Query.WILDCARD_NONE,
                    edit_distance=c.edit_distance,
                )
            for match in index.query(query):
                ref = int(match["ref"])
                scores[ref] = scores.get(ref, 0.0) + match["score"]
                units = covered.setdefault(ref, set())
                where = fields.setdefault(ref, {})
                for term, by_field in match["match_data"].metadata.items():
                    term_units = units_of_term.get(term)
                    if term_units is None:  # once per distinct term and query
                        term_units = units_of_term[term] = {
                            u for c in with_units if c.covers(term) for u in c.units
                        }
                        exact_terms[term] = any(
                            c.covers(term) and not c.approximate for c in clauses
                        )
                    units |= term_units
                    if exact_terms[term]:
                        exact.add(ref)
                    for name in by_field:
                        where.setdefault(name, set()).add(term)
        if counted:
            for ref in scores:
                scores[ref] *= len(covered[ref]) / len(counted)
        ranked = sorted(scores.items(), key=lambda kv: (-round(kv[1], 6), kv[0]))
        return [Match(ref, score, ref not in exact,
                      {f: frozenset(fields[ref][f]) for f in FIELD_NAMES if f in fields[ref]})
                for ref, score in ranked]

    def matches(self, text: str) -> list[Match]:
        """Every match for a query; the typo pass for every word when nothing matched."""
        results = self.run_detailed(self.plan(text))
        if not results:
            results = self.run_detailed(self.plan(text, fuzzy_all=True))
        return results

    def search(self, text: str, limit: int = 10) -> list[Hit]:
        return [
            Hit(
                self.packed.ids[m.ref],
                self.titles[m.ref],
                round(m.score, 3),
                m.approximate,
                self.matched_in(m),
            )
            for m in self.matches(text)[:limit]
        ]

    def matched_in(self, match: Match) -> tuple[str, ...]:
        """Where a match was found, in words; the place field is "provinsi" for the province's
        own terms and "instansi" for the rest (search.js says the same)."""
        out: list[str] = []
        place = self.places[match.ref] if self.places else frozenset()
        for f, terms in match.fields.items():
            if f != "g":
                out.append(FIELD_NAMES[f])
                continue
            if any(t not in place for t in terms):
                out.append("instansi")
            if any(t in place for t in terms):
                out.append("provinsi")
        return tuple(out)

    def suggest(self, text: str) -> Suggestions:
        """For a query that found nothing, or only approximately: for each word that may be a typo
        (see :meth:`is_typo`; never a dictionary word such as "stunting"), the indexed words one
        edit away (two from 8 letters; swapping two neighbours is one edit) that begin with the
        same letter, closest first; and the categories whose label or problem words (``keywords``
        in categories.yml) the query's terms name, with a few of their cases."""
        raw = [w for w in words(text) if len(w) >= MIN_TERM_LENGTH and w not in STOP_WORDS]
        queries: list[str] = []
        for i, word in enumerate(raw):
            if not self.is_typo(word, stem(word), True):
                continue
            for candidate in self.close_words(word, 2 if len(word) >= LONG_WORD else 1)[
                :MAX_SUGGESTIONS
            ]:
                query = " ".join([*raw[:i], candidate, *raw[i + 1:]])
                if query not in queries:
                    queries.append(query)
        terms = set(self.analyzer.terms(text))
        categories = tuple(
            (cid, label, count, refs)
            for cid, label, count, refs, words_ in self.related
            if count and terms & set(words_)
        )
        return Suggestions(tuple(queries[:MAX_SUGGESTIONS]), categories)


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, or ``cap`` once it is certain to be at least ``cap``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        row_min = i
        for j, cb in enumerate(b, start=1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            row_min = min(row_min, value)
        if row_min >= cap:
            return cap
        previous = current
    return min(previous[-1], cap)


def transposition_distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbours is one edit (lunr's fuzzy match counts so)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i]
        for j in range(1, len(b) + 1):
            value = min(
                rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, rows[i - 2][j - 2] + 1)
            row.append(value)
        rows.append(row)
    return rows[-1][-1]


def related_categories(catalog: Catalog, analyzer: Analyzer
                       ) -> tuple[tuple[str, str, int, tuple[int, ...], tuple[str, ...]], ...]:
    """Per category: id, label, number of cases, the refs of its newest few cases, and the index
    terms of its label and problem words (``keywords``), for the no-result suggestions."""
    refs_of: dict[str, list[int]] = {}
    for ref, innovation in enumerate(catalog.innovations):
        refs_of.setdefault(innovation.category, []).append(ref)
    out = []
    for term in catalog.taxonomies["categories"].terms:
        refs = sorted(
            refs_of.get(str(term.id), []), key=lambda r: (-catalog.innovations[r].year, r)
        )
        names = analyzer.terms("\n".join([term.label, *term.keywords]))
        out.append((str(term.id), term.label, len(refs), tuple(refs[:RELATED_CASES]),
                    tuple(sorted(set(names)))))
    return tuple(out)


def searcher_for(catalog: Catalog) -> Searcher:
    analyzer = catalog_analyzer(catalog)
    packed = build_packed_index(catalog, analyzer)
    provinces = catalog.taxonomies["provinces"]
    places = tuple(
        frozenset(analyzer.terms(provinces.label_of(i.agency.province)))
        if i.agency.province
        else frozenset()
        for i in catalog.innovations
    )
    return Searcher(packed, analyzer, tuple(i.title for i in catalog.innovations),
                    related_categories(catalog, analyzer), places)


def search_catalog(catalog: Catalog, query: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` cases for ``query``, best first."""
    return searcher_for(catalog).search(query, limit)


def search_with_suggestions(
    catalog: Catalog, query: str, limit: int = 10
) -> tuple[list[Hit], Suggestions]:
    """The best ``limit`` cases for ``query`` and what to offer when nothing matched or only
    approximately (empty otherwise): what ``katalog search`` prints."""
    searcher = searcher_for(catalog)
    hits = searcher.search(query, limit)
    return hits, (
        searcher.suggest(query) if all(h.approximate for h in hits) else Suggestions((), ())
    )
