"""Text analysis: normalisation, stop words, stemming, synonyms; the same in Python and JS."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from generator.search.analysis import (
    STOP_WORDS,
    acronym_groups,
    build_analyzer,
    place_groups,
    stem,
    words,
)
from generator.search.index import catalog_analyzer
from generator.search.render import index_files
from tests.conftest import ROOT

ASSETS = ROOT / "generator" / "assets" / "search"
SYNONYMS = yaml.safe_load(
    (ROOT / "content" / "taxonomies" / "synonyms.yml").read_text(encoding="utf-8")
)


def test_words_strip_diacritics_keep_digits_and_split_on_punctuation() -> None:
    assert words("Café Naïve—e-KTP/112, Dinas   Kependudukan!") == [
        "cafe",
        "naive",
        "e",
        "ktp",
        "112",
        "dinas",
        "kependudukan",
    ]
    assert words("") == []
    assert words("ÀNTRÉAN") == ["antrean"]


def test_stemming_removes_indonesian_affixes() -> None:
    assert stem("perpustakaan") == stem("pustaka") == "pustaka"
    assert stem("pelayanan") == stem("layanan")
    assert stem("112") == "112"


def test_stop_words_are_dropped_but_synonym_phrases_still_match() -> None:
    analyzer = build_analyzer(SYNONYMS)
    assert analyzer.terms("inovasi untuk dan di") == []
    # "kependudukan dan pencatatan sipil" contains the stop word "dan" and still maps to dukcapil.
    assert stem("dukcapil") in analyzer.terms("Dinas Kependudukan dan Pencatatan Sipil")


def test_synonym_keys_are_added_for_variants_not_for_the_key_itself() -> None:
    analyzer = build_analyzer(
        {"groups": [["ktp", "kartu tanda penduduk", "e-ktp"], ["antrean", "antrian"]]}
    )
    assert analyzer.terms("KTP") == ["ktp"]
    assert analyzer.terms("kartu tanda penduduk") == ["kartu", "tanda", stem("penduduk"), "ktp"]
    assert analyzer.terms("nomor antrian") == ["nomor", stem("antrian"), stem("antrean")]
    assert analyzer.terms("antriannya") == [
        stem("antriannya"),
        stem("antrean"),
    ]  # affixed forms follow


def test_synonyms_file_is_well_formed() -> None:
    groups = SYNONYMS["groups"]
    assert len(groups) >= 40
    keys = set()
    for group in groups:
        assert isinstance(group, list) and len(group) >= 2, group
        assert len(words(group[0])) == 1, (
            f"the first entry is the key and must be one word: {group}"
        )
        assert group[0] not in STOP_WORDS
        keys.add(stem(words(group[0])[0]))
    assert len(keys) == len(groups), "two groups share a key"
    for must in ("ktp", "kk", "umkm", "puskesmas", "posyandu", "dukcapil", "antrean"):
        assert any(must in [w for entry in g for w in words(entry)] for g in groups), must


def test_acronyms_file_holds_the_government_acronyms() -> None:
    data = yaml.safe_load(
        (ROOT / "content" / "taxonomies" / "acronyms.yml").read_text(encoding="utf-8")
    )
    groups = acronym_groups(data)
    acronyms = {words(g[0])[0] for g in groups}
    for must in (
        "apbd",
        "apbdes",
        "pad",
        "karhutla",
        "mpp",
        "ptsp",
        "oss",
        "pbg",
        "imb",
        "pbb",
        "bphtb",
        "jkn",
        "pkh",
        "bumdes",
        "tps3r",
        "pdam",
        "damkar",
        "adminduk",
    ):
        assert any(must in [w for entry in g for w in words(entry)] for g in groups), must
    assert len(acronyms) == len(groups)
    # Both ways: the acronym finds the expansion's key and the expansion finds the acronym's.
    analyzer = build_analyzer(None, data)
    assert "apbd" in analyzer.terms("Anggaran Pendapatan dan Belanja Daerah 2024")
    assert "karhutla" in analyzer.terms("pencegahan kebakaran hutan dan lahan")
    assert analyzer.terms("karhutla") == ["karhutla"]


def test_province_names_are_phrases_with_their_abbreviations() -> None:
    groups = place_groups([("nusa-tenggara-timur", "Nusa Tenggara Timur", ("NTT",)),
                           ("jawa-timur", "Jawa Timur", ("Jatim",)), ("bali", "Bali", ())],
                          ["Kabupaten Sumba Barat Daya", "Kota Kupang"])
    analyzer = build_analyzer(None, None, groups)
    assert analyzer.phrase_keys == {"ntt", "jatim", "bali", "sumbabaratdaya"}
    assert "ntt" in analyzer.terms("Dinas Kesehatan Provinsi Nusa Tenggara Timur")
    assert "sumbabaratdaya" in analyzer.terms("Kabupaten Sumba Barat Daya")
    assert "ntt" not in analyzer.terms("Kalimantan Timur")
    assert {"ntt", "nusa", "tenggara"} <= analyzer.dictionary


NODE_TERMS = """
const [assets, head] = process.argv.slice(1);
const stem = require(assets + "/stemmer-id.orama.js");
const core = require(assets + "/search.js");
const analyzer = new core.Analyzer(JSON.parse(require("fs").readFileSync(head, "utf8")), stem);
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map((t) => [core.words(t), analyzer.terms(t)])));
"""


def test_browser_analysis_matches_python(search_catalog, tmp_path: Path) -> None:
    head = tmp_path / "index-0.json"
    head.write_text(
        json.dumps(index_files(search_catalog)["search/index-0.json"]), encoding="utf-8"
    )
    texts = [i.title + "\n" + i.summary + "\n" + i.body for i in search_catalog.innovations]
    texts += [
        "Café naïve Ŝoŝ ﬁle Ⅻ ½ İstanbul ǅ",
        "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)",
        "e-KTP, KK, akta; UMKM & OPD — APBD 2024",
        "antrian/antrean puskesmas-posyandu",
        "Provinsi Nusa Tenggara Timur (NTT), Jatim, DI Yogyakarta",
        "karhutla TPS3R",
        "",
    ]
    done = subprocess.run(
        ["node", "-e", NODE_TERMS, str(ASSETS), str(head)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    analyzer = catalog_analyzer(search_catalog)
    assert json.loads(done.stdout) == [[words(t), analyzer.terms(t)] for t in texts]


def test_a_malformed_synonyms_file_is_an_error_not_ignored() -> None:
    import pytest

    from generator.errors import ConfigError

    assert build_analyzer(None).groups == ()
    for bad in ({"group": []}, ["ktp"], {"groups": [["ktp"]]}, {"groups": [["kartu tanda", "ktp"]]},
                {"groups": [["ktp", None]]}, {"groups": [["ktp", "---"]]}, {"groups": "ktp"}):
        with pytest.raises(ConfigError):
            build_analyzer(bad)
