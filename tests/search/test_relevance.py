"""Relevance on the fixture corpus: what people type finds the case they mean (top 3)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.search.query import search_catalog as search_catalog_function
from generator.search.render import SEARCH_EXAMPLES
from tests.search.conftest import CATALOG_TODAY, ROOT, TODAY


def search_folder(content_dir: Path, query: str, limit: int, today) -> list:
    """What ``katalog search --content DIR`` ranks: the CLI loads the catalogue, then searches."""
    from generator.pipeline import load_catalog

    catalog, _warnings = load_catalog(content_dir, today)
    return search_catalog_function(catalog, query, limit)

TOP3 = [
    # affixes: the stem of "perpustakaan" is "pustaka"
    ("pustaka", "perpustakaan-keliling-kulon-progo"),
    ("perpustakaan", "perpustakaan-keliling-kulon-progo"),
    ("perpus keliling", "perpustakaan-keliling-kulon-progo"),
    # aliases: the expansion of an acronym in the title
    ("Telepon Orang dalam Kedaruratan", "telor-dadar-112-jakarta"),
    ("telor dadar", "telor-dadar-112-jakarta"),
    ("112", "telor-dadar-112-jakarta"),
    ("Unit Pelayanan Terpadu Penanggulangan Kemiskinan", "uptpk-sragen"),
    # acronyms ↔ expansions, from synonyms.yml, any case
    ("KTP", "jemput-bola-perekaman-e-ktp-garut"),
    ("e-KTP", "jemput-bola-perekaman-e-ktp-garut"),
    ("ktp elektronik", "jemput-bola-perekaman-e-ktp-garut"),
    ("UMKM", "inkubator-umkm-bandung"),
    ("MPP", "mal-pelayanan-publik-denpasar"),
    ("adminduk", "adminduk-keliling-sumenep"),
    ("administrasi kependudukan", "adminduk-keliling-sumenep"),
    ("kartu keluarga", "adminduk-keliling-sumenep"),
    ("disdukcapil", "jemput-bola-perekaman-e-ktp-garut"),
    ("stunting", "posyandu-cegah-stunting-sumedang"),
    # spelling variants
    ("antrian", "antrean-daring-puskesmas-kendari"),
    ("antrian puskesmas", "antrean-daring-puskesmas-kendari"),
    # typos
    ("kependudkan", "adminduk-keliling-sumenep"),
    ("perpustkaan", "perpustakaan-keliling-kulon-progo"),
    ("banyuwngi", "smart-kampung-banyuwangi"),
    # agency and region names
    ("Banyuwangi", "smart-kampung-banyuwangi"),
    ("Sragen", "uptpk-sragen"),
    ("kota kendari", "antrean-daring-puskesmas-kendari"),
    ("Jawa Timur sampah", "bank-sampah-induk-surabaya"),
    ("nusa tenggara timur", "sekolah-perempuan-kupang"),
    # multi-word queries where not every word matches, with stop words
    ("inovasi layanan kesehatan untuk ibu hamil", "posyandu-cegah-stunting-sumedang"),
    ("layanan desa digital di banyuwangi", "smart-kampung-banyuwangi"),
    ("bank sampah", "bank-sampah-induk-surabaya"),
    ("warga miskin", "uptpk-sragen"),
    ("perempuan desa musyawarah", "sekolah-perempuan-kupang"),
    # words only in the body text
    ("pasien datang subuh", "antrean-daring-puskesmas-kendari"),
    ("menyeberang laut", "adminduk-keliling-sumenep"),
    # prefix while typing
    ("puskes", "antrean-daring-puskesmas-kendari"),
    ("perpust", "perpustakaan-keliling-kulon-progo"),
    ("banyuw", "smart-kampung-banyuwangi"),
]


@pytest.mark.parametrize(("query", "expected"), TOP3)
def test_expected_case_in_top_3(searcher, query: str, expected: str) -> None:
    hits = [h.id for h in searcher.search(query, 3)]
    assert expected in hits, f"{query!r} → {hits}"


def test_search_catalog_is_the_same_search(search_catalog, searcher) -> None:
    assert search_catalog_function(search_catalog, "antrian puskesmas", 5) == searcher.search(
        "antrian puskesmas", 5
    )


def test_first_hit_for_unambiguous_queries(searcher) -> None:
    for query, expected in [
        ("KTP", "jemput-bola-perekaman-e-ktp-garut"),
        ("Sragen", "uptpk-sragen"),
        ("antrian", "antrean-daring-puskesmas-kendari"),
        ("pustaka", "perpustakaan-keliling-kulon-progo"),
    ]:
        assert searcher.search(query, 1)[0].id == expected


def test_nonsense_and_stop_words_find_nothing(searcher) -> None:
    assert searcher.search("xqzv", 3) == []
    assert searcher.search("dan yang di untuk", 3) == []
    assert searcher.search("", 3) == []


def test_scores_descend_and_are_rounded(searcher) -> None:
    hits = searcher.search("layanan kependudukan", 10)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(round(s, 3) == s for s in scores)


def test_cli_json_output(search_content) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "search",
            "--content",
            str(search_content),
            "--format",
            "json",
            "--limit",
            "3",
            "antrian",
            "puskesmas",
        ],
        capture_output=True,
        text=True,
        env={"KATALOG_TODAY": TODAY.isoformat(), "PATH": ""},
        check=True,
    )
    hits = json.loads(done.stdout)
    assert hits[0]["id"] == "antrean-daring-puskesmas-kendari"
    assert set(hits[0]) == {"id", "title", "score", "approximate", "matched"}
    assert len(hits) <= 3


# On the real catalogue (content/): generic service words must not outrank the topic word, and
# a document name (KTP, kartu keluarga) finds the population-administration cases.
POPULATION_ADMIN = {
    "akuwaras-denpasar", "layonsari-kecapil-buleleng", "kenduren-mas-pasuruan",
    "sipelandukilat-kaltara", "jempol-pelanduk-banjar",
}
REAL_TOP = [
    ("layanan kependudukan", POPULATION_ADMIN),
    ("KTP", POPULATION_ADMIN),
    ("dukcapil", POPULATION_ADMIN),
    ("narapidana anak", {"selfi-palembang"}),
    ("pelayanan publik bencana", {"petabencana-id"}),
]


@pytest.mark.parametrize("query,expected", REAL_TOP)
def test_real_catalogue_first_hit(query: str, expected: set[str]) -> None:
    hits = search_folder(ROOT / "content", query, limit=3, today=CATALOG_TODAY)
    assert hits and hits[0].id in expected, [h.id for h in hits]


def test_content_without_synonyms_file_uses_the_projects(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content" / "innovations", tmp_path / "innovations")
    shutil.copytree(ROOT / "content" / "taxonomies", tmp_path / "taxonomies")
    (tmp_path / "taxonomies" / "synonyms.yml").unlink()
    hits = search_folder(tmp_path, "KTP", limit=3, today=CATALOG_TODAY)
    assert hits and hits[0].id in REAL_TOP[1][1]


@pytest.mark.parametrize("example", SEARCH_EXAMPLES)
def test_the_search_box_examples_find_cases_in_the_real_catalogue(example: str) -> None:
    hits = search_folder(ROOT / "content", example, limit=3, today=CATALOG_TODAY)
    assert hits and not hits[0].approximate, example


# What a district official in Nusa Tenggara Timur types (issue: these found nothing, or
# "Nusa Tenggara Timur" found every case that says "timur"): a place name matches as a place.
def test_a_province_name_matches_as_a_phrase_not_word_by_word() -> None:
    hits = search_folder(ROOT / "content", "Nusa Tenggara Timur", limit=50, today=CATALOG_TODAY)
    assert all(
        "timur" not in h.title.lower() or "nusa tenggara timur" in h.title.lower() for h in hits
    )
    jatim = search_folder(ROOT / "content", "jatim", limit=50, today=CATALOG_TODAY)
    jawa_timur = search_folder(ROOT / "content", "jawa timur", limit=50, today=CATALOG_TODAY)
    assert jatim and {h.id for h in jatim} == {h.id for h in jawa_timur}
    kalimantan = {
        h.id
        for h in search_folder(ROOT / "content", "kalimantan timur", limit=50, today=CATALOG_TODAY)
    }
    assert not kalimantan & {h.id for h in jawa_timur}
