"""search.js (run by node with the vendored lunr.min.js) ranks exactly like the Python side.

Same index files, same query plan, same lunr scoring: the ranked refs must be identical and
the scores equal to floating-point noise, for the fixture corpus and a synthetic one.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from generator.search.query import searcher_for
from generator.search.render import index_files
from tests.conftest import ROOT
from tests.search.synthetic import catalog as synthetic_catalog
from tests.search.test_relevance import TOP3

ASSETS = ROOT / "generator" / "assets" / "search"

NODE_RUN = r"""
const [assets, dir] = process.argv.slice(1);
const fs = require("fs");
const lunr = require(assets + "/lunr.min.js");
const stem = require(assets + "/stemmer-id.orama.js");
const core = require(assets + "/search.js");
const read = (name) => JSON.parse(fs.readFileSync(dir + "/" + name, "utf8"));
const head = read("index-0.json");
lunr.Pipeline.registerFunction((t) => t.update((s) => stem(s)), head.pipeline);
const engine = new core.Engine(lunr, head, stem);
for (let n = 1; n < head.parts; n++) engine.addPart(read("index-" + n + ".json").part);
engine.setVocabulary(read("vocab.json").words);
const docs = read("docs.json");
const province = (ref) => {  // the case's province label, from its card chunk
  const n = Math.floor(ref / docs.cardChunk);
  const p = read("cards-" + n + ".json").provinces[ref - n * docs.cardChunk];
  return p >= 0 ? docs.provinceLabels[p] : "";
};
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const out = queries.map((q) => ({ plan: engine.plan(q, false),
  results: engine.search(q).slice(0, 10),
  details: engine.matches(q).slice(0, 10).map((m) => [m.ref, m.approximate, m.fields]),
  matched: engine.matches(q).slice(0, 10).map((m) => core.matchedIn(engine, province(m.ref), m)),
  suggest: engine.suggest(q) }));
process.stdout.write(JSON.stringify(out));
"""


def run_node(catalog, queries: list[str], tmp: Path) -> list[dict]:
    for path, data in index_files(catalog).items():
        target = tmp / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        ["node", "-e", NODE_RUN, str(ASSETS), str(tmp / "search")],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def python_side(searcher, query: str) -> tuple[list[dict], list[tuple[int, float]]]:
    results = searcher.run(searcher.plan(query))
    if not results:
        results = searcher.run(searcher.plan(query, fuzzy_all=True))
    return [c.to_json() for c in searcher.plan(query)], results[:10]


def assert_same(searcher, queries: list[str], node: list[dict]) -> None:
    for query, js in zip(queries, node):
        plan, results = python_side(searcher, query)
        assert js["plan"] == plan, query
        assert [r[0] for r in js["results"]] == [r for r, _ in results], query
        for (_, js_score), (_, py_score) in zip(js["results"], results):
            assert js_score == pytest.approx(py_score, rel=1e-9, abs=1e-9), query
        # Why each result matched (approximate or not, the fields and terms), and the no-result
        # offers.
        details = [[m.ref, m.approximate, {f: sorted(t) for f, t in m.fields.items()}]
                   for m in searcher.matches(query)[:10]]
        assert js["details"] == details, query
        for js_detail, detail in zip(js["details"], details):  # fields in index order on both sides
            assert list(js_detail[2]) == list(detail[2]), query
        assert js["matched"] == [
            list(searcher.matched_in(m)) for m in searcher.matches(query)[:10]
        ], query
        offer = searcher.suggest(query)
        assert js["suggest"] == {
            "didYouMean": list(offer.did_you_mean),
            "categories": [[c, label, n, list(refs)] for c, label, n, refs in offer.categories],
        }, query


def test_fixture_queries_rank_the_same(search_catalog, searcher, tmp_path: Path) -> None:
    queries = [q for q, _ in TOP3] + [
        "",
        "dan",
        "xqzv",
        "KTP KK akta",
        "Sumedang posyandu",
        "stunting",
        "gizi buruk",
        "sampha",
        "bencna alam",
        "Nusa Tenggara Timur",
        "APBD",
    ]
    assert_same(searcher, queries, run_node(search_catalog, queries, tmp_path))


def test_synthetic_corpus_queries_rank_the_same(tmp_path: Path) -> None:
    catalog = synthetic_catalog(300)
    searcher = searcher_for(catalog)
    rnd = random.Random(4)
    vocabulary = list(searcher.packed.vocabulary)
    queries = []
    for _ in range(150):
        picked = rnd.sample(vocabulary, rnd.randint(1, 3))
        kind = rnd.random()
        if kind < 0.3:  # being typed
            picked[-1] = picked[-1][: max(3, len(picked[-1]) - 3)]
        elif kind < 0.5:  # one typo
            w = picked[0]
            i = rnd.randrange(len(w))
            picked[0] = w[:i] + rnd.choice("aeiknrst") + w[i + 1:]
        queries.append(" ".join(picked))
    assert_same(searcher, queries, run_node(catalog, queries, tmp_path))
