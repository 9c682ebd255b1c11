"""Synthetic corpus of N cases from generated Indonesian word forms (search tests and measurements)."""
import random
import sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[2]
from tests.search.wordforms import ROOTS, PREFIXES, SUFFIXES

PROVS = ["aceh","sumatera-utara","jawa-barat","jawa-tengah","jawa-timur","bali","dki-jakarta","banten","sulawesi-selatan","kalimantan-timur","papua","nusa-tenggara-barat","riau","lampung"]
CATS = ["pengentasan-kemiskinan","pendidikan","kesehatan","ketahanan-pangan","ekonomi-dan-lapangan-kerja","pemberdayaan-masyarakat","pelayanan-responsif-gender","lingkungan-hidup","tata-kelola-pemerintahan","penegakan-hukum"]
FUNC = "dan yang di untuk dengan dari pada dalam ke oleh serta agar bagi warga layanan masyarakat".split()

def corpus(n, seed=1):
    rnd = random.Random(seed)
    roots = sorted(set(ROOTS))
    places = ["".join(rnd.choice("bcdfghjklmnprstw") + rnd.choice("aiueo") for _ in range(rnd.randint(2, 4))) for _ in range(500)]
    def word():
        r = roots[min(int(rnd.paretovariate(0.9)) - 1, len(roots) - 1)] if rnd.random() < 0.5 else rnd.choice(roots)
        p = rnd.choice(PREFIXES[:12]) if rnd.random() < 0.5 else ""
        s = rnd.choice(SUFFIXES[:4]) if rnd.random() < 0.4 else ""
        return p + r + s
    def sentence(k):
        return " ".join(word() if rnd.random() < 0.7 else rnd.choice(FUNC) for _ in range(k))
    docs = []
    for i in range(n):
        acr = "".join(rnd.choice("ABCDEFGHIJKLMNOPRSTU") for _ in range(rnd.randint(3, 6)))
        place = places[i % len(places)].capitalize()
        typ = rnd.choice(["pemerintah-kabupaten", "pemerintah-kota"])
        fm = {
            "id": f"kasus-{i:05d}-{acr.lower()}",
            "title": f"{acr}: {sentence(rnd.randint(3, 7)).capitalize()}",
            "aliases": [sentence(4).title()] if rnd.random() < 0.5 else [],
            "summary": (sentence(rnd.randint(30, 55)).capitalize() + ".")[:400],
            "agency": {"name": f"Pemerintah {'Kabupaten' if typ.endswith('kabupaten') else 'Kota'} {place}", "type": typ,
                       "province": rnd.choice(PROVS), "regency": place, "unit": "Dinas " + word().capitalize()},
            "category": rnd.choice(CATS), "year": rnd.randint(2005, 2025), "status": rnd.choice(["berjalan", "uji-coba", "vakum", "berhenti"]),
            "status_note": "Anggaran berhenti.", "last_verified": "2026-01-15",
            "tags": [word() for _ in range(rnd.randint(1, 4))],
            "outcomes": [{"indicator": sentence(5), "value": rnd.randint(1, 99), "unit": "persen", "source": 1}],
            "sources": [{"title": "Sumber", "url": "https://example.org/" + str(i)}],
            "sdgs": sorted(rnd.sample(range(1, 18), rnd.randint(0, 2))),
        }
        if rnd.random() < 0.3:
            fm["awards"] = [{"program": "kipp", "year": fm["year"] + 1, "level": rnd.choice(["top-99", "top-45"])}]
        body = "\n\n".join(f"## {h}\n\n{sentence(rnd.randint(60, 120))}." for h in ["Latar Belakang", "Inovasi", "Hasil dan Dampak", "Pembelajaran", "Cara Mereplikasi"])
        docs.append((fm, body))
    return docs

def catalog(n):
    from datetime import date
    from generator.source import SourceDocument
    from generator.model import build_catalog
    from generator.taxonomy import load_taxonomies
    tax, _ = load_taxonomies(ROOT / "content" / "taxonomies")
    docs = [SourceDocument(file=f"{fm['id']}.md", doc_id=fm["id"], front_matter=fm, body=b, body_line=1) for fm, b in corpus(n)]
    return build_catalog(docs, tax, date(2026, 11, 23))

def write(n, out):
    import yaml
    out = Path(out); (out / "innovations").mkdir(parents=True, exist_ok=True)
    import shutil; shutil.copytree(ROOT / "content" / "taxonomies", out / "taxonomies", dirs_exist_ok=True)
    for fm, body in corpus(n):
        (out / "innovations" / f"{fm['id']}.md").write_text("---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n")

if __name__ == "__main__":
    write(int(sys.argv[1]), sys.argv[2])
