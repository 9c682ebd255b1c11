"""What the site and the open data call things: facet titles, vocabulary labels, and the one
wording of readiness and verification (shared by the pages, the search page and the exports)."""

from __future__ import annotations

from generator.model import Catalog
from generator.values import STALE_PERIOD

FACET_TITLES = {
    "category": "Kategori",
    "province": "Provinsi",
    "year": "Tahun mulai",
    "status": "Status",
    "award": "Penghargaan",
    "sdg": "Tujuan Pembangunan Berkelanjutan (SDG)",
    "agency_type": "Jenis instansi",
}
FACET_VOCABULARIES = {
    "category": "categories",
    "province": "provinces",
    "status": "statuses",
    "sdg": "sdgs",
    "agency_type": "agency_types",
}


# The one wording of the model's readiness definition (generator.model.Readiness), for every
# page and the data dictionary.
READY_DEFINITION = ("masih berjalan (status berjalan atau uji coba), diperiksa dalam "
                    f"{STALE_PERIOD} terakhir, mencantumkan kontak resmi, dan punya dokumen "
                    "perangkat replikasi atau prasyarat")
# What ``last_verified`` means, beside the date wherever it is shown.
VERIFIED_MEANING = "tanggal seseorang mencocokkan status, kontak dan angka dengan sumbernya"


class Labels:
    """Vocabulary lookups as dictionaries (built once)."""

    def __init__(self, catalog: Catalog) -> None:
        tax = catalog.taxonomies
        self._maps: dict[str, dict[str, str]] = {}
        self._descriptions: dict[str, dict[str, str]] = {}
        for name in tax.vocabularies:
            self._maps[name] = {str(t.id): t.label for t in tax[name].terms}
            self._descriptions[name] = {str(t.id): t.description for t in tax[name].terms}
        self.award_levels: dict[str, dict[str, str]] = {
            str(t.id): {str(lv.id): lv.label for lv in t.levels} for t in tax["awards"].terms
        }

    def of(self, vocabulary: str, term_id: object) -> str:
        key = str(term_id)
        return self._maps.get(vocabulary, {}).get(key, key)

    def description(self, vocabulary: str, term_id: object) -> str:
        return self._descriptions.get(vocabulary, {}).get(str(term_id), "")

    def facet(self, facet: str, value: str) -> str:
        if facet == "year":
            return value
        if facet == "award":
            program, _, level = value.partition("/")
            label = self.of("awards", program)
            return f"{label} — {self.award_level(program, level)}" if level else label
        if facet == "sdg":
            return f"SDG {value}: {self.of('sdgs', value)}"
        return self.of(FACET_VOCABULARIES[facet], value)

    def award_level(self, program: str, level: str) -> str:
        return self.award_levels.get(program, {}).get(level, level)
