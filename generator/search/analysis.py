"""Text analysis for search: the same steps for indexed text and for queries, in Python and JS.

Steps: Unicode NFKD, drop combining marks, lowercase, split on anything that is not ``a-z0-9``
(digits stay: "112"), Indonesian Snowball stemming (``snowballstemmer``; the browser runs the
Snowball-generated JavaScript vendored from ``@orama/stemmers``,
``generator/assets/search/stemmer-id.orama.js``), stop words dropped, and for every
synonym/acronym variant found in the stem sequence the group's key is added as one more term.
``generator/assets/search/search.js`` mirrors :func:`words` and :meth:`Analyzer.terms`; a test
runs both over the same text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import snowballstemmer

from generator.errors import ConfigError

# The pipeline function name stored in the serialized index; search.js registers the same name.
STEMMER_NAME = "stemmer-id"

# Function words plus the words nearly every case shares ("inovasi"). Kept small on purpose:
# lunr's idf already discounts common words; this list removes words that only add noise to
# OR queries. The browser receives this exact list inside the index metadata.
STOP_WORDS = frozenset(
    """
    ada adalah agar akan antara atau bagi bahwa bisa cara dalam dan dapat dari dengan di
    hal hingga ini inovasi itu juga ke kami kepada lebih lewat maupun melalui mereka nya oleh
    pada para sebagai secara sejak serta setiap tersebut untuk via yaitu yakni yang
    """.split()
)

# Words almost every case uses to describe itself ("layanan", "pelayanan", "publik",
# "program", "aplikasi", "sistem informasi" of the SI-… acronyms): in a query they still
# match, but weakly, so "layanan kependudukan" ranks by "kependudukan" and "aplikasi jemput
# sampah" by "jemput sampah". Kept as words; the query plan compares their stems. Sent to the
# browser too.
WEAK_WORDS = ("layanan", "pelayanan", "publik", "program", "aplikasi", "sistem", "informasi")

MIN_TERM_LENGTH = 2
_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("indonesian")


def words(text: str) -> list[str]:
    """Normalised words: no diacritics, lowercase, split on non-alphanumerics."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if ch.isascii() or unicodedata.category(ch) != "Mn")
    return _WORD.findall(text.lower())


class _StemCache(dict):
    """word → stem; a dict so that lookups in the hot loops stay in C."""

    def __missing__(self, word: str) -> str:
        value = self[word] = _stemmer.stemWord(word)
        return value


_STEMS = _StemCache()


class _TermCache(dict):
    """word → its index term (the stem), or "" for a stop word or a one-letter word."""

    def __missing__(self, word: str) -> str:
        value = self[word] = "" if len(word) < MIN_TERM_LENGTH or word in STOP_WORDS else _STEMS[word]
        return value


_TERMS = _TermCache()


def stem(word: str) -> str:
    """Snowball Indonesian stem of one normalised word."""
    return _STEMS[word]


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    key: str  # the stem of the group's first entry; added as a term wherever a variant occurs
    variants: tuple[tuple[str, ...], ...]  # stem sequences, first entry included


@dataclass(frozen=True, slots=True)
class Analyzer:
    groups: tuple[SynonymGroup, ...] = ()
    # first stem of a variant → (variant, key), longest variants first
    _starts: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)

    def terms(self, text: str) -> list[str]:
        """Index terms of ``text``: stems of non-stop words, plus synonym keys."""
        return self.terms_of_words(words(text))

    def terms_of_words(self, raw: list[str]) -> list[str]:
        """:meth:`terms` for text already split by :func:`words`."""
        out = [t for t in map(_TERMS.__getitem__, raw) if t]
        stems = list(map(_STEMS.__getitem__, raw))
        if not self._starts.keys().isdisjoint(stems):
            out.extend(self.synonym_keys(stems))
        return out

    def synonym_keys(self, stems: list[str]) -> list[str]:
        """Group keys for every variant occurrence, except a bare occurrence of the key itself."""
        return [key for key, _length, _start in self.synonym_matches(stems)]

    def synonym_matches(self, stems: list[str]) -> list[tuple[str, int, int]]:
        """(key, words in the matched variant, position of its first word) per occurrence;
        longest variant per position."""
        found: list[tuple[str, int, int]] = []
        starts = self._starts
        present = starts.keys() & set(stems)
        if not present:
            return found
        last = len(stems) - 1
        for i in [i for i, first in enumerate(stems) if first in present]:
            seen: set[str] = set()
            for variant, key in starts[stems[i]]:
                if key in seen:
                    continue
                # Cheap test of the second word before comparing the whole slice.
                if len(variant) > 1 and (i == last or stems[i + 1] != variant[1]
                                         or tuple(stems[i:i + len(variant)]) != variant):
                    continue
                seen.add(key)
                if variant != (key,):
                    found.append((key, len(variant), i))
        return found

    def to_json(self) -> list[list[object]]:
        """The variant table as the browser uses it: ``[[first stem, [[variant, key], ...]], ...]``."""
        return [[first, [[list(v), key] for v, key in entries]] for first, entries in self._starts.items()]


def build_analyzer(synonyms_data: object) -> Analyzer:
    """Analyzer from the parsed ``synonyms.yml`` (``{groups: [[key, variant, ...], ...]}``).

    No file (``None``) means no synonyms; a file of the wrong shape raises ConfigError rather
    than being skipped silently.
    """
    groups: list[SynonymGroup] = []
    for number, raw in enumerate(_synonym_groups(synonyms_data), start=1):
        problem = _group_problem(raw)
        if problem:
            raise ConfigError(f"taxonomies/synonyms.yml, grup ke-{number} ({raw!r}): {problem}")
        head = [stem(w) for w in words(str(raw[0]))]
        variants: list[tuple[str, ...]] = []
        for entry in raw:
            seq = tuple(stem(w) for w in words(str(entry)))
            if seq and seq not in variants:
                variants.append(seq)
        groups.append(SynonymGroup(head[0], tuple(variants)))
    starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for group in groups:
        for variant in group.variants:
            starts.setdefault(variant[0], []).append((variant, group.key))
    ordered = {
        k: tuple(sorted(v, key=lambda item: (-len(item[0]), item[1], item[0])))
        for k, v in sorted(starts.items())
    }
    return Analyzer(tuple(groups), ordered)


def _synonym_groups(data: object) -> list[object]:
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise ConfigError("taxonomies/synonyms.yml harus berisi `groups:`, daftar grup sinonim "
                          "(setiap grup: daftar kata, yang pertama satu kata kunci).")
    return data["groups"]


def _group_problem(raw: object) -> str:
    if not isinstance(raw, list) or len(raw) < 2:
        return "setiap grup adalah daftar berisi minimal dua cara menulis."
    if not all(isinstance(entry, str) and words(entry) for entry in raw):
        return "setiap isi grup harus teks berisi huruf atau angka (beri tanda kutip bila perlu)."
    if len(words(raw[0])) != 1:
        return "isi pertama grup adalah kuncinya dan harus satu kata."
    return ""
