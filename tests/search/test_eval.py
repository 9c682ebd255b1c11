"""Independent evaluation: 50 queries as agency staff type them, on a separate fictional corpus.

The corpus (tests/fixtures/search/eval/content, see its README) and these queries were written
together, before looking at any result, and the queries are not edited to make them pass: they
measure the search, they are not tuned to it. The goal from issue 4 is the expected case in the
top 3 for at least 47 of 50 queries, through the same entry point the maintainer uses
(``search_with_suggestions``, i.e. ``python -m generator search --limit 3``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.search.query import searcher_for
from tests.search.conftest import CATALOG_TODAY, FIXTURE, ROOT, TODAY
from tests.search.test_js_parity import assert_same, run_node

EVAL = ROOT / "tests" / "fixtures" / "search" / "eval" / "content"
EVAL2 = ROOT / "tests" / "fixtures" / "search" / "eval2"


def corpus(dest: Path, *innovation_dirs: Path) -> Path:
    """A content folder with the project's current taxonomies (so the evaluation always
    measures today's synonyms.yml) and the case files of ``innovation_dirs``."""
    content = dest / "content"
    shutil.copytree(ROOT / "content" / "taxonomies", content / "taxonomies")
    for folder in innovation_dirs:
        shutil.copytree(folder, content / "innovations", dirs_exist_ok=True)
    return content

QUERIES: list[tuple[str, str]] = [
    # acronym names, as written on banners
    ("si cantik", "si-cantik-pekanbaru"),
    ("gertak stunting", "gertak-stunting-lombok-timur"),
    ("laku pandai", "laku-pandai-banyumas"),
    ("sapa lansia", "sapa-lansia-semarang"),
    ("si bening", "si-bening-sleman"),
    ("sidoel", "sidoel-makassar"),
    ("toss klungkung", "toss-klungkung"),
    ("gaspol sampah", "gaspol-samarinda"),
    ("sibepas", "sibepas-ponorogo"),
    ("paten kecamatan", "paten-bireuen"),
    # descriptive queries with filler words
    ("izin usaha online pekanbaru", "si-cantik-pekanbaru"),
    ("perijinan online", "si-cantik-pekanbaru"),
    ("cegah stunting lombok", "gertak-stunting-lombok-timur"),
    ("tengkes balita", "gertak-stunting-lombok-timur"),
    ("pemasaran online umkm", "laku-pandai-banyumas"),
    ("pendampingan lanjut usia terlantar", "sapa-lansia-semarang"),
    ("inovasi dinas sosial semarang", "sapa-lansia-semarang"),
    ("sungai bersih sleman", "si-bening-sleman"),
    ("layanan adminduk di desa", "pak-kades-jember"),
    ("urus kk lewat whatsapp", "sidoel-makassar"),
    ("akte kelahiran bayi baru lahir", "baba-gowa"),
    ("akta lahir di rumah sakit", "baba-gowa"),
    ("perekaman e ktp pelajar", "kelik-tuban"),
    ("ktp el pemula sekolah", "kelik-tuban"),
    ("kartu identitas anak pontianak", "kampung-kia-pontianak"),
    ("program kampung kia", "kampung-kia-pontianak"),
    ("antrian online rsud", "e-antre-rsud-sidoarjo"),
    ("antrean poli rumah sakit sidoarjo", "e-antre-rsud-sidoarjo"),
    ("daftar puskesmas lewat wa", "pendawa-cirebon"),
    ("ibu hamil risiko tinggi", "sayang-ibu-brebes"),
    ("menurunkan kematian ibu melahirkan", "sayang-ibu-brebes"),
    ("dinas kesehatan brebes", "sayang-ibu-brebes"),
    ("kunjungan rumah pasien stroke", "teman-sehat-balikpapan"),
    ("ambulance desa gratis", "ambu-desa-pidie"),
    ("odgj dipasung", "sibepas-ponorogo"),
    ("bebas pasung ponorgo", "sibepas-ponorogo"),
    ("olah sampah setempat", "toss-klungkung"),
    ("bank sampah masjid", "sedekah-sampah-bantul"),
    ("aplikasi jemput sampah samarinda", "gaspol-samarinda"),
    ("magot sampah organik", "maggot-tangerang"),
    ("anak putus sekolah", "gkb-pemalang"),
    ("ppdb online zonasi", "sipintar-padang"),
    ("guru pedalaman papua", "guru-pena-asmat"),
    ("peringatan dini banjir", "sibas-kabupaten-bandung"),
    ("cara cek penerima bansos", "cek-bansos-bojonegoro"),
    ("besuk online lapas", "besuk-online-lapas"),
    ("video call narapidana", "besuk-online-lapas"),
    ("pupuk subsidi petani", "si-mantap-kementan"),
    ("kekerasan perempuan dan anak kupang", "sigap-kupang"),
    ("bayar pbb pakai qris", "e-pbb-medan"),
]


@pytest.fixture(scope="module")
def eval_catalog(tmp_path_factory: pytest.TempPathFactory):
    from generator.pipeline import load_catalog

    catalog, _warnings = load_catalog(
        corpus(tmp_path_factory.mktemp("eval"), EVAL / "innovations"), TODAY
    )
    return catalog


@pytest.fixture(scope="module")
def eval_searcher(eval_catalog):
    return searcher_for(eval_catalog)


def top3_misses(searcher) -> list[str]:
    misses = []
    for query, expected in QUERIES:
        top = [hit.id for hit in searcher.search(query, limit=3)]
        if expected not in top:
            misses.append(f"{query!r}: expected {expected}, got {top}")
    return misses


def test_eval_queries_are_fifty_and_expect_real_cases() -> None:
    ids = {p.stem for p in (EVAL / "innovations").glob("*.md")}
    assert len(QUERIES) == 50
    assert {expected for _q, expected in QUERIES} <= ids


def test_eval_top3_hit_rate(eval_searcher) -> None:
    misses = top3_misses(eval_searcher)
    hits = len(QUERIES) - len(misses)
    print(f"\neval top-3 hit rate: {hits}/{len(QUERIES)}")
    for miss in misses:
        print("  miss", miss)
    assert hits >= 47, "\n".join(misses)


def test_eval_top3_hit_rate_with_the_relevance_fixtures_as_competitors(tmp_path: Path) -> None:
    """Harder: the 12 relevance fixture cases (another author; e-KTP, adminduk, puskesmas
    queue, waste bank, stunting) join the corpus as near-competitors."""
    from generator.pipeline import load_catalog

    catalog, _warnings = load_catalog(
        corpus(tmp_path, EVAL / "innovations", FIXTURE / "innovations"), TODAY
    )
    misses = top3_misses(searcher_for(catalog))
    print(f"\neval + fixtures top-3 hit rate: {len(QUERIES) - len(misses)}/{len(QUERIES)}")
    assert len(QUERIES) - len(misses) >= 47, "\n".join(misses)


def test_eval_queries_rank_the_same_in_the_browser(
    eval_catalog, eval_searcher, tmp_path: Path
) -> None:
    queries = [q for q, _expected in QUERIES] + [
        "lakupandai",
        "pakkades",
        "dinkes brebes",
        "sulsel",
        "perijinan",
    ]
    assert_same(eval_searcher, queries, run_node(eval_catalog, queries, tmp_path))


def test_words_that_match_nothing_do_not_hide_a_case(eval_searcher) -> None:
    """OR semantics: extra words absent from the corpus still leave the case on top."""
    for query, expected in [
        ("bebas pasung tetangga kecamatan sebelah", "sibepas-ponorogo"),
        ("lumbung pangan kemarau xyzabc", "lumpang-sumba-timur"),
        ("besuk online keluarga jauh di pulau lain", "besuk-online-lapas"),
    ]:
        assert eval_searcher.search(query, limit=1)[0].id == expected, query


def test_weak_words_do_not_dominate(eval_searcher) -> None:
    """"layanan", "pelayanan", "publik", "program", "aplikasi" around a topic word: the topic
    decides."""
    for query, expected in [
        ("layanan pelayanan publik program stunting", "gertak-stunting-lombok-timur"),
        ("aplikasi layanan pasung", "sibepas-ponorogo"),
        ("program pelayanan publik zonasi", "sipintar-padang"),
    ]:
        assert eval_searcher.search(query, limit=1)[0].id == expected, query
    # Weak words alone still find something (they match, weakly).
    assert eval_searcher.search("layanan publik", limit=3)


def test_cases_matching_more_query_words_rank_first(eval_searcher) -> None:
    """Coordination: "ppdb" and "zonasi" in the summary beat "online" alone in a short title."""
    assert eval_searcher.search("ppdb online zonasi", limit=1)[0].id == "sipintar-padang"
    assert (
        eval_searcher.search("kunjungan rumah pasien stroke", limit=1)[0].id
        == "teman-sehat-balikpapan"
    )


def test_agency_abbreviations_find_the_agencys_cases(eval_searcher) -> None:
    """Staff write agencies as they say them; case files spell them out (synonyms.yml).
    Added after the evaluation (not part of the 50): these returned nothing before."""
    for query, expected in [
        ("dinsos", "sapa-lansia-semarang"),
        ("dinkes brebes", "sayang-ibu-brebes"),
        ("kemenkumham", "besuk-online-lapas"),
        ("bapenda medan", "e-pbb-medan"),
        ("dp3a", "sigap-kupang"),
        ("disdik padang", "sipintar-padang"),
    ]:
        assert expected in [h.id for h in eval_searcher.search(query, limit=3)], query


def test_a_prison_synonym_does_not_pull_in_food_security(eval_searcher) -> None:
    """"tahanan" stems to "tahan", as "ketahanan" (pangan) does: it is not a prison variant."""
    assert [h.id for h in eval_searcher.search("lapas", limit=3)] == ["besuk-online-lapas"]


def test_an_acronym_name_written_together_finds_the_case(eval_searcher) -> None:
    """"LAKU PANDAI" typed "lakupandai": two indexed words written together (typo fallback).
    Added after the evaluation (not part of the 50): these returned nothing before."""
    for query, expected in [
        ("lakupandai", "laku-pandai-banyumas"),
        ("pakkades", "pak-kades-jember"),
        ("temansehat", "teman-sehat-balikpapan"),
    ]:
        assert eval_searcher.search(query, limit=1)[0].id == expected, query


EVAL2_QUERIES = json.loads((EVAL2 / "queries.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def eval2_searcher(tmp_path_factory: pytest.TempPathFactory):
    """The second blind evaluation (tests/fixtures/search/eval2/README.md): its fictional
    cases with the real catalogue's cases as competitors."""
    from generator.pipeline import load_catalog

    content = corpus(
        tmp_path_factory.mktemp("eval2"), EVAL2 / "innovations", ROOT / "content" / "innovations"
    )
    catalog, _warnings = load_catalog(content, CATALOG_TODAY)
    return searcher_for(catalog)


def test_eval2_queries_are_fifty_and_expect_cases_in_the_corpus() -> None:
    ids = {p.stem for p in (EVAL2 / "innovations").glob("*.md")}
    ids |= {p.stem for p in (ROOT / "content" / "innovations").glob("*.md")}
    assert len(EVAL2_QUERIES) == 50
    assert {q["expected"] for q in EVAL2_QUERIES} <= ids


def test_eval2_top3_hit_rate(eval2_searcher) -> None:
    misses = []
    for q in EVAL2_QUERIES:
        top = [hit.id for hit in eval2_searcher.search(q["query"], limit=3)]
        if q["expected"] not in top:
            misses.append(f"{q['query']!r} ({q['kind']}): expected {q['expected']}, got {top}")
    print(f"\neval2 top-3 hit rate: {len(EVAL2_QUERIES) - len(misses)}/{len(EVAL2_QUERIES)}")
    assert len(EVAL2_QUERIES) - len(misses) >= 47, "\n".join(misses)


def test_abbreviations_added_after_the_second_evaluation(eval2_searcher) -> None:
    """Single abbreviations whose cases only spell out the full form (synonyms.yml).
    Probed after the measurement (not part of the 50): these found nothing or the wrong case."""
    for query, expected in [
        ("ppdb", "sipandai-bengkulu"),
        ("pmt balita", "piring-kasih-majene"),
        ("tb rumah ke rumah", "ketuk-pintu-makassar"),
        ("bpn sertifikat", "sertipikat-diantar-boyolali"),
        ("sertifikat", "sertipikat-diantar-boyolali"),
        ("imb", "pbg-kilat-batam"),
        ("website desa", "desa-terang-bantaeng"),
        ("pusling", "kapal-sehat-kepulauan-aru"),
    ]:
        assert eval2_searcher.search(query, limit=1)[0].id == expected, query
