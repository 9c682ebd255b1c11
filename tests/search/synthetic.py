"""A synthetic catalogue of N cases built from generated Indonesian word forms.

Harsher than real text for the index size (random acronyms and place names, a large
vocabulary); used by the index and parity tests (``make bench`` has its own corpus, bench/synth.py).
"""

from __future__ import annotations

import random

from tests.conftest import ROOT, TODAY
from tests.search.wordforms import PREFIXES, ROOTS, SUFFIXES

PROVINCES = [
    "aceh",
    "sumatera-utara",
    "jawa-barat",
    "jawa-tengah",
    "jawa-timur",
    "bali",
    "dki-jakarta",
    "banten",
    "sulawesi-selatan",
    "kalimantan-timur",
    "papua",
    "nusa-tenggara-barat",
    "riau",
    "lampung",
]
CATEGORIES = [
    "pengentasan-kemiskinan",
    "pendidikan",
    "kesehatan",
    "ketahanan-pangan",
    "ekonomi-dan-lapangan-kerja",
    "pemberdayaan-masyarakat",
    "pelayanan-responsif-gender",
    "lingkungan-hidup",
    "tata-kelola-pemerintahan",
    "penegakan-hukum",
]
FUNCTION_WORDS = ("dan yang di untuk dengan dari pada dalam ke oleh serta agar bagi warga layanan "
                  "masyarakat").split()
SECTIONS = ["Latar Belakang", "Inovasi", "Hasil dan Dampak", "Pembelajaran", "Cara Mereplikasi"]


def corpus(n: int, seed: int = 1) -> list[tuple[dict, str]]:
    """``n`` (front matter, body) pairs, deterministic for a given seed."""
    rnd = random.Random(seed)
    roots = sorted(set(ROOTS))
    places = [
        "".join(
            rnd.choice("bcdfghjklmnprstw") + rnd.choice("aiueo") for _ in range(rnd.randint(2, 4))
        )
        for _ in range(500)
    ]

    def word() -> str:
        if rnd.random() < 0.5:
            root = roots[min(int(rnd.paretovariate(0.9)) - 1, len(roots) - 1)]
        else:
            root = rnd.choice(roots)
        prefix = rnd.choice(PREFIXES[:12]) if rnd.random() < 0.5 else ""
        suffix = rnd.choice(SUFFIXES[:4]) if rnd.random() < 0.4 else ""
        return prefix + root + suffix

    def sentence(k: int) -> str:
        return " ".join(
            word() if rnd.random() < 0.7 else rnd.choice(FUNCTION_WORDS) for _ in range(k)
        )

    docs = []
    for i in range(n):
        acronym = "".join(rnd.choice("ABCDEFGHIJKLMNOPRSTU") for _ in range(rnd.randint(3, 6)))
        place = places[i % len(places)].capitalize()
        kind = rnd.choice(["pemerintah-kabupaten", "pemerintah-kota"])
        fm: dict = {
            "id": f"kasus-{i:05d}-{acronym.lower()}",
            "title": f"{acronym}: {sentence(rnd.randint(3, 7)).capitalize()}",
            "aliases": [sentence(4).title()] if rnd.random() < 0.5 else [],
            "summary": (sentence(rnd.randint(30, 55)).capitalize() + ".")[:400],
            "agency": {
                "name": f"Pemerintah {'Kabupaten' if kind.endswith('kabupaten') else 'Kota'} "
                        f"{place}",
                "type": kind,
                "province": rnd.choice(PROVINCES),
                "regency": place,
                "unit": "Dinas " + word().capitalize(),
            },
            "category": rnd.choice(CATEGORIES),
            "year": rnd.randint(2005, 2025),
            "status": rnd.choice(["berjalan", "uji-coba", "vakum", "berhenti"]),
            "status_note": "Anggaran berhenti.",
            "last_verified": "2026-01-15",
            "tags": [word() for _ in range(rnd.randint(1, 4))],
            "outcomes": [
                {
                    "indicator": sentence(5),
                    "value": rnd.randint(1, 99),
                    "unit": "persen",
                    "source": 1,
                }
            ],
            "sources": [{"title": "Sumber", "url": f"https://example.org/{i}"}],
            "sdgs": sorted(rnd.sample(range(1, 18), rnd.randint(0, 2))),
        }
        if rnd.random() < 0.3:
            fm["awards"] = [
                {
                    "program": "kipp",
                    "year": fm["year"] + 1,
                    "level": rnd.choice(["top-99", "top-45"]),
                }
            ]
        body = "\n\n".join(f"## {h}\n\n{sentence(rnd.randint(60, 120))}." for h in SECTIONS)
        docs.append((fm, body))
    return docs


def catalog(n: int):
    """A Catalog of ``n`` synthetic cases with the real taxonomies."""
    from generator.model import build_catalog
    from generator.source import SourceDocument
    from generator.taxonomy import load_taxonomies

    taxonomies, _problems = load_taxonomies(ROOT / "content" / "taxonomies")
    documents = [
        SourceDocument(
            file=f"{fm['id']}.md", doc_id=fm["id"], front_matter=fm, body=body, body_line=1
        )
        for fm, body in corpus(n)
    ]
    return build_catalog(documents, taxonomies, TODAY)

