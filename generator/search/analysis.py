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
        value = self[word] = (
            "" if len(word) < MIN_TERM_LENGTH or word in STOP_WORDS else _STEMS[word]
        )
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
    # keys of place-name groups ("nusa tenggara timur", "ntt"): in a query, a multi-word place
    # name stands for its key alone, so "Nusa Tenggara Timur" does not match every "timur"
    phrase_keys: frozenset[str] = frozenset()
    # stems of every word in a group: a dictionary word ("akta") is never taken for a typo
    dictionary: frozenset[str] = frozenset()

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

    def is_phrase(self, key: str) -> bool:
        return key in self.phrase_keys

    def to_json(self) -> list[list[object]]:
        """The variant table as the browser uses it: ``[[first stem, [[variant, key], ...]],
        ...]``."""
        return [
            [first, [[list(v), key] for v, key in entries]]
            for first, entries in self._starts.items()
        ]


def build_analyzer(synonyms_data: object, acronyms_data: object = None,
                   places: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Analyzer:
    """Analyzer from the parsed ``synonyms.yml`` (``{groups: [[key, variant, ...], ...]}``), the
    parsed ``acronyms.yml`` (``{acronyms: {APBD: expansion or [expansions]}}``) and place-name
    groups (``(key, names)``, see :func:`place_groups`).

    No file (``None``) means no synonyms or acronyms; a file of the wrong shape raises
    ConfigError rather than being skipped silently.
    """
    raw_groups: list[list[str]] = []
    for number, raw in enumerate(_synonym_groups(synonyms_data), start=1):
        problem = _group_problem(raw)
        if problem:
            raise ConfigError(f"taxonomies/synonyms.yml, grup ke-{number} ({raw!r}): {problem}")
        raw_groups.append([str(entry) for entry in raw])
    raw_groups += acronym_groups(acronyms_data)
    groups = [_group(raw) for raw in raw_groups]
    phrase_keys = set()
    for key, names in places:
        group = _group([key, *names])
        if any(len(v) > 1 for v in group.variants):
            groups.append(group)
            phrase_keys.add(group.key)
    starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for group in groups:
        for variant in group.variants:
            if (variant, group.key) not in starts.get(variant[0], ()):
                starts.setdefault(variant[0], []).append((variant, group.key))
    ordered = {
        k: tuple(sorted(v, key=lambda item: (-len(item[0]), item[1], item[0])))
        for k, v in sorted(starts.items())
    }
    dictionary = frozenset(s for group in groups for variant in group.variants for s in variant)
    return Analyzer(tuple(groups), ordered, frozenset(phrase_keys), dictionary)


def _group(raw: list[str]) -> SynonymGroup:
    head = [stem(w) for w in words(raw[0])]
    variants: list[tuple[str, ...]] = []
    for entry in raw:
        seq = tuple(stem(w) for w in words(entry))
        if seq and seq not in variants:
            variants.append(seq)
    return SynonymGroup(head[0], tuple(variants))


def acronym_groups(data: object) -> list[list[str]]:
    """``acronyms.yml`` as synonym groups: ``[acronym, expansion, ...]`` each."""
    if data is None:
        return []
    entries = data.get("acronyms") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise ConfigError(
            "taxonomies/acronyms.yml harus berisi `acronyms:`, pemetaan akronim → kepanjangan "
            "(satu teks atau daftar teks), mis. `APBD: Anggaran Pendapatan dan Belanja Daerah`."
        )
    groups: list[list[str]] = []
    for acronym, expansion in entries.items():
        expansions = expansion if isinstance(expansion, list) else [expansion]
        if (not isinstance(acronym, str) or len(words(acronym)) != 1
                or not expansions or not all(isinstance(e, str) and words(e) for e in expansions)):
            raise ConfigError(f"taxonomies/acronyms.yml, `{acronym}`: akronim harus satu kata dan "
                              "kepanjangannya teks (atau daftar teks) berisi huruf atau angka.")
        groups.append([acronym, *expansions])
    return groups


# Words a regency's name starts with that are not part of the place's own name.
_REGENCY_PREFIXES = ("kabupaten", "kab", "kota", "kotamadya", "kotamadia")


def place_groups(provinces: list[tuple[str, str, tuple[str, ...]]],
                 regencies: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Place-name groups: per province ``(id, label, aliases)`` its label, "Provinsi <label>" and
    aliases (NTT, Jatim …), keyed by its first alias or its id written as one word; per
    multi-word regency name ("Kabupaten Sumba Barat Daya") the name without "Kabupaten"/"Kota".
    """
    found: dict[str, tuple[str, ...]] = {}
    for province_id, label, aliases in provinces:
        key = aliases[0] if aliases else province_id.replace("-", "")
        found[key] = (label, f"provinsi {label}", *aliases)
    for name in sorted(set(regencies)):
        parts = words(name)
        while parts and parts[0] in _REGENCY_PREFIXES:
            parts = parts[1:]
        if len(parts) > 1:
            found.setdefault("".join(parts), (" ".join(parts),))
    return tuple(sorted(found.items()))


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
