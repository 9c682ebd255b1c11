"""The browser's Indonesian stemmer (stemmer-id.orama.js) must stem exactly like snowballstemmer."""

from __future__ import annotations

import json
import subprocess

from generator.search.analysis import stem, words
from tests.conftest import ROOT
from tests.search.wordforms import generated_forms

STEMMER_JS = ROOT / "generator" / "assets" / "search" / "stemmer-id.orama.js"

NODE_STEM = """
const stem = require(process.argv[1]);
const words = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(words.map(stem)));
"""


def node_stems(forms: list[str]) -> list[str]:
    done = subprocess.run(
        ["node", "-e", NODE_STEM, str(STEMMER_JS)],
        input=json.dumps(forms), capture_output=True, text=True, check=True, timeout=120,
    )
    return json.loads(done.stdout)


def real_text_words() -> set[str]:
    found: set[str] = set()
    for folder in (
        ROOT / "content" / "innovations",
        ROOT / "tests" / "fixtures" / "search" / "content",
    ):
        for path in sorted(folder.rglob("*.md")):
            found.update(words(path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "content" / "taxonomies").glob("*.yml")):
        found.update(words(path.read_text(encoding="utf-8")))
    return found


def test_real_and_generated_word_forms_stem_identically() -> None:
    real = real_text_words()
    forms = sorted(real | set(generated_forms()))
    assert len(real) >= 1000
    assert len(forms) >= 5000
    python = [stem(w) for w in forms]
    browser = node_stems(forms)
    mismatches = [(w, p, b) for w, p, b in zip(forms, python, browser) if p != b]
    assert mismatches == []
    assert len(browser) == len(forms)


def test_edge_cases_stem_identically() -> None:
    # Short words, words without vowels, digits, every prefix/suffix rule branch.
    forms = [
        "",
        "a",
        "di",
        "112",
        "ktp",
        "menyapu",
        "menyanyi",
        "memakai",
        "memukul",
        "pemakai",
        "penyapu",
        "pelajar",
        "belajar",
        "bekerja",
        "berlari",
        "terpercaya",
        "diberikan",
        "kesehatannya",
        "bukumulah",
        "pustakapun",
        "mengatakannya",
        "perpustakaan",
        "pelayanan",
        "kependudukan",
        "sekolah",
        "bersihkan",
        "menikmati",
        "pengelolaan",
        "memperbaiki",
        "ketahui",
        "kerasi",
        "berasi",
        "peserta",
        "pengusahaan",
        "mendengarkan",
        "nyanyian",
    ]
    assert node_stems(forms) == [stem(w) for w in forms]


def test_vendored_stemmer_is_the_pinned_upstream_file() -> None:
    # The vendored file is @orama/stemmers' dist/id.js unchanged but for the export wrapper.
    from generator.search import vendor

    upstream = ROOT / vendor.UPSTREAM
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["devDependencies"][vendor.PACKAGE] == vendor.VERSION
    assert STEMMER_JS == vendor.VENDORED
    assert STEMMER_JS.read_text(encoding="utf-8") == vendor.wrap(
        upstream.read_text(encoding="utf-8")
    )
