"""Shapes: the JSON Schema with vocabularies injected, and its errors turned into diagnostics.

``generator/schema/innovation.schema.json`` is the single source of truth for shapes. It
names vocabularies with ``x-vocabulary`` (and award levels with ``x-vocabulary-levels``);
``schema_with_vocabularies`` fills in the ``enum``s from ``content/taxonomies/``.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.validators import extend

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.taxonomy import Taxonomies
from generator.validate.fastcheck import Check, Unsupported, compile_check
from generator.validate.hints import TYPE_NAMES, describe_type, did_you_mean, key_hint, type_hint
from generator.values import is_int, kebab

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "innovation.schema.json"


@lru_cache(maxsize=1)
def load_static_schema() -> dict[str, Any]:
    """The schema file as written, without vocabularies."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def schema_with_vocabularies(taxonomies: Taxonomies) -> dict[str, Any]:
    """The published schema: the static file plus ``enum``s from the taxonomies."""
    schema = copy.deepcopy(load_static_schema())
    _inject(schema, taxonomies)
    return schema


def _inject(node: Any, taxonomies: Taxonomies) -> None:
    if isinstance(node, list):
        for item in node:
            _inject(item, taxonomies)
        return
    if not isinstance(node, dict):
        return
    vocab = node.get("x-vocabulary")
    if isinstance(vocab, str) and vocab in taxonomies:
        node["enum"] = list(taxonomies[vocab].ids())
    levels = node.get("x-vocabulary-levels")
    if isinstance(levels, str) and levels in taxonomies:
        rules = []
        for term in taxonomies[levels].terms:
            if term.levels:
                rules.append({
                    "if": {"required": ["program"], "properties": {"program": {"const": term.id}}},
                    "then": {"properties": {"level": {"enum": [lv.id for lv in term.levels]}}},
                })
        if rules:
            node["allOf"] = node.get("allOf", []) + rules
    for value in node.values():
        _inject(value, taxonomies)


def _is_strict_int(checker: Any, instance: Any) -> bool:
    return is_int(instance)


_StrictValidator = extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_strict_int),
)

_CACHE: dict[int, tuple[Taxonomies, Any, Check | None]] = {}


def _compiled(taxonomies: Taxonomies) -> tuple[Taxonomies, Any, Check | None]:
    cached = _CACHE.get(id(taxonomies))
    if cached is not None and cached[0] is taxonomies:
        return cached
    schema = schema_with_vocabularies(taxonomies)
    try:
        fast: Check | None = compile_check(schema)
    except Unsupported:
        fast = None
    entry = (taxonomies, _StrictValidator(schema), fast)
    _CACHE.clear()
    _CACHE[id(taxonomies)] = entry
    return entry


def compiled_validator(taxonomies: Taxonomies) -> Any:
    """A jsonschema validator for this taxonomy set, built once per Taxonomies object."""
    return _compiled(taxonomies)[1]


# --- translating errors ---------------------------------------------------------------------


def dotted(parts: Any) -> str:
    return ".".join(str(p) for p in parts)


def line_of(doc: SourceDocument, path: str) -> int:
    """Line of ``path``, or of its nearest ancestor that has one."""
    while True:
        line = doc.lines.get(path)
        if line is not None:
            return line
        if not path:
            return 1
        path = path.rpartition(".")[0]


def _join(parent: str, key: object) -> str:
    return f"{parent}.{key}" if parent else str(key)


def _shown(path: str) -> str:
    return f"`{path}`" if path else "front matter"


_PATTERN_MESSAGES = {
    "id": (
        "`id` harus kebab-case: huruf kecil a–z, angka, dan tanda hubung di antaranya.",
        "Contoh: `antrean-puskesmas-online`; tanpa spasi, garis bawah atau huruf besar.",
    ),
    "last_verified": (
        "`last_verified` harus tanggal berformat YYYY-MM-DD.",
        "Contoh: `last_verified: 2024-03-05` (bulan dan tanggal dua digit).",
    ),
    "url": (
        "URL harus diawali `http://` atau `https://` dan tanpa spasi.",
        "Salin alamat lengkap dari bilah alamat peramban, mis. `https://contoh.go.id/berita`.",
    ),
    "tags": (
        "Label harus kebab-case: huruf kecil, angka, dan tanda hubung.",
        "Contoh: `layanan-digital`.",
    ),
    "sdg_targets": (
        'Target SDG harus berbentuk `tujuan.target`, mis. `"4.6"` atau `"16.b"`.',
        "Beri tanda kutip agar `4.10` tidak dibaca sebagai bilangan 4.1.",
    ),
    "id_ref": (
        "Id studi kasus harus kebab-case.",
        "Salin `id` dari front matter studi kasus yang dimaksud.",
    ),
    "former_ids": (
        "Id lama harus kebab-case, seperti `id`.",
        "Salin `id` lama persis seperti dulu tertulis, mis. `antrean-puskesmas-online`.",
    ),
    "accessed": (
        "Tanggal akses harus berformat YYYY-MM-DD.",
        "Contoh: `accessed: 2026-03-05`, hari Anda membaca sumbernya.",
    ),
    "website": (
        "Situs web harus diawali `http://` atau `https://` dan tanpa spasi.",
        "Salin alamat dari bilah alamat peramban, mis. `https://disdukcapil.denpasarkota.go.id`.",
    ),
    "email": (
        "Alamat surel tidak sah.",
        "Tulis satu alamat resmi instansi, mis. `dukcapil@denpasarkota.go.id`, tanpa spasi atau "
        "`mailto:`.",
    ),
    "phone": (
        "Nomor telepon tidak berformat Indonesia.",
        "Tulis satu nomor resmi: `+62 361 223344`, `(0361) 223344`, `0812-3456-7890`, atau nomor "
        "layanan pendek seperti `112`; hanya angka, spasi dan tanda hubung.",
    ),
}


_RANGE_HINTS = {
    "source": "Nomor sumber dimulai dari 1: `source: 1` menunjuk butir pertama `sources`.",
    "year": "Tulis tahun empat digit, mis. `year: 2019`.",
    "evidence_level": ("Tingkat bukti 1 sampai 5 (lihat `content/taxonomies/evidence_levels.yml`); "
                       "laporan instansi sendiri biasanya tingkat 1 atau 2."),
    "sdgs": "Nomor tujuan SDG 1 sampai 17, mis. `- 4` untuk Pendidikan Berkualitas.",
}


def _required_code(parent: str, key: str, relative_schema_path: Any) -> tuple[str, str, str]:
    """Code, message and hint for a missing key."""
    parts = parent.split(".")
    conditional = "then" in relative_schema_path or "else" in relative_schema_path
    if parent == "agency" and key == "province" and conditional:
        return ("province-required",
                "`agency.province` wajib untuk instansi pemerintah daerah dan BUMD.",
                "Tambahkan `province:` di bawah `agency:` dengan id provinsi, mis. `jawa-timur`.")
    if not parent and key == "status_note" and conditional:
        return (
            "status-note-required",
            "`status_note` wajib bila status `vakum`, `berhenti` atau `direncanakan`.",
            "Tulis mengapa inovasi berhenti atau vakum (pelajaran bagi yang ingin mereplikasi), "
            "atau apa yang direncanakan dan siapa yang menyatakannya.",
        )
    if parts[0] == "outcomes" and len(parts) == 2 and conditional:
        if key == "source":
            return ("outcome-source-required",
                    "Hasil berupa angka wajib menyebut `source`.",
                    "Tambahkan `source: N` dengan N nomor urut sumber di `sources` (mulai 1).")
        return ("outcome-shape",
                f"Hasil berupa angka butuh `{key}`.",
                "Hasil angka butuh `indicator`, `value`, `unit` dan `source`; "
                "hasil kualitatif cukup `description`.")
    if parts[0] == "replication" and conditional:
        return (
            "replicates-shape",
            f"`{_join(parent, key)}` wajib bila `id` tidak diisi.",
            "Tulis `id` studi kasus di katalog, atau `name` dan `agency` untuk inovasi di luar "
            "katalog.",
        )
    where = f"di dalam `{parent}`" if parent else "di front matter"
    return ("missing-key", f"Kunci wajib `{key}` tidak ada {where}.",
            f"Tambahkan `{key}:`; contoh lengkap ada di CONTRIBUTING.md (Referensi front matter) "
            "atau di studi kasus lain di `content/innovations/`.")


def _pattern_message(path: str, value: object) -> tuple[str, str]:
    last = path.rpartition(".")[2]
    parts = path.split(".")
    if last.isdigit() and len(parts) >= 2:
        last = parts[-2]
    if path.startswith("replication.replicates") and last == "id":
        return _PATTERN_MESSAGES["id_ref"]
    if last in ("tags", "id") and isinstance(value, str):
        slug = kebab(value)
        if slug:
            return _PATTERN_MESSAGES[last][
                0
            ], f"Tulis `{slug}`: huruf kecil, spasi dan tanda lain diganti `-`."
    if last == "sdg_targets" and isinstance(value, str) and "." not in value:
        return (_PATTERN_MESSAGES["sdg_targets"][0],
                f"Tulis tujuan dan targetnya, dipisah titik, mis. `\"{value.strip() or 4}.1\"`; "
                "nomor tujuan saja cukup ditulis di `sdgs`.")
    return _PATTERN_MESSAGES.get(last, (f"Format `{path}` tidak sesuai.", ""))


def _vocab_labels(schema: dict[str, Any], taxonomies: Taxonomies) -> dict[str, Any]:
    vocab = schema.get("x-vocabulary")
    if not isinstance(vocab, str) or vocab not in taxonomies:
        return {}
    labels: dict[str, Any] = {}
    for term in taxonomies[vocab].terms:
        for text in (term.label, term.label_en):
            if text:
                labels[text.strip().lower()] = term.id
    return labels


def _schema_path(path: str) -> str:
    return ".".join("N" if part.isdigit() else part for part in path.split(".")) if path else ""


@lru_cache(maxsize=1)
def _key_homes() -> dict[str, list[str]]:
    """Key name → the object paths (``""``, ``agency``, ``sources.N``) where it is allowed."""
    homes: dict[str, list[str]] = {}

    def walk(node: Any, path: str) -> None:
        if not isinstance(node, dict):
            return
        for key, child in node.get("properties", {}).items():
            homes.setdefault(key, []).append(path)
            walk(child, f"{path}.{key}" if path else key)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}.N")

    walk(load_static_schema(), "")
    return homes


def translate(
    error: ValidationError, doc: SourceDocument, taxonomies: Taxonomies
) -> list[Diagnostic]:
    """One jsonschema error → diagnostics with the line of the offending key."""
    file = doc.file
    path = dotted(error.absolute_path)
    kind = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    parts = path.split(".")
    item = len(parts) > 1 and parts[-1].isdigit()
    key = (parts[-2] if item else parts[-1]) or "front matter"

    if kind == "required" and isinstance(value, dict):
        out = []
        for missing in error.validator_value:
            if missing in value:
                continue
            code, message, hint = _required_code(path, missing, list(error.relative_schema_path))
            line = line_of(doc, path) if path else 1
            out.append(diagnostic(code, file, line, _join(path, missing), message, hint))
        return out
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        out = []
        for extra in value:
            if extra in allowed:
                continue
            child = _join(path, extra)
            where = f"di dalam `{path}`" if path else "di front matter"
            hint = key_hint(str(extra), allowed)
            if not hint.startswith("Maksud"):
                homes = [h for h in _key_homes().get(str(extra), []) if h != _schema_path(path)]
                if homes:
                    shown = "tingkat atas" if homes[0] == "" else f"di dalam `{homes[0]}`"
                    hint = (f"`{extra}` adalah kunci {shown}, bukan di sini; periksa indentasinya "
                            "(anak sebuah kunci diberi dua spasi lebih banyak).")
            out.append(diagnostic("unknown-key", file, line_of(doc, child), child,
                                  f"Kunci `{extra}` tidak dikenal {where}.", hint))
        return out

    line = line_of(doc, path)
    if kind == "type":
        expected = (
            error.validator_value
            if isinstance(error.validator_value, list)
            else [error.validator_value]
        )
        names = " atau ".join(TYPE_NAMES.get(t, t) for t in expected)
        if value is None:
            message = f"{_shown(path)} kosong; harus {names}."
        else:
            message = f"{_shown(path)} harus {names}, bukan {describe_type(value)}."
        return [diagnostic("wrong-type", file, line, path, message,
                           type_hint(expected, value, doc.scalars.get(path), key, item=item))]
    if kind == "minLength":
        limit = error.validator_value
        if limit <= 1:
            return [diagnostic("too-short", file, line, path, f"{_shown(path)} tidak boleh kosong.",
                               "Isi teksnya atau hapus kuncinya bila tidak wajib.")]
        return [
            diagnostic(
                "too-short",
                file,
                line,
                path,
                f"{_shown(path)} terlalu pendek: {len(value)} karakter, minimal {limit}.",
                "Tulis lebih lengkap.",
            )
        ]
    if kind == "maxLength":
        return [
            diagnostic(
                "too-long",
                file,
                line,
                path,
                f"{_shown(path)} terlalu panjang: {len(value)} karakter, maksimal "
                f"{error.validator_value}.",
                "Persingkat; uraian panjang tempatnya di isi Markdown.",
            )
        ]
    if kind == "minItems":
        return [diagnostic("empty-list", file, line, path, f"{_shown(path)} tidak boleh kosong.",
                           "Tambahkan minimal satu butir yang diawali `- `.")]
    if kind == "pattern":
        message, hint = _pattern_message(path, value)
        return [
            diagnostic("invalid-format", file, line, path, f"{message} Tertulis: `{value}`.", hint)
        ]
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        shown_allowed = ", ".join(f"`{a}`" for a in allowed[:12]) + (
            ", …" if len(allowed) > 12 else ""
        )
        hint = did_you_mean(value, allowed, _vocab_labels(schema, taxonomies))
        vocab = schema.get("x-vocabulary")
        source = f" (kosakata `{vocab}`)" if isinstance(vocab, str) else ""
        if not hint:
            hint = f"Nilai yang boleh{source}: {shown_allowed}."
        return [diagnostic("unknown-value", file, line, path,
                           f"Nilai `{value}` tidak dikenal untuk {_shown(path)}{source}.", hint)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            rule = f"antara {low} dan {high}"
        elif low is not None:
            rule = f"minimal {low}"
        else:
            rule = f"maksimal {high}"
        hint = _RANGE_HINTS.get(key, "")
        if key == "year" and isinstance(value, int) and value >= 1000:
            hint = "Periksa kembali tahun mulai inovasinya."
        return [
            diagnostic(
                "out-of-range",
                file,
                line,
                path,
                f"{_shown(path)} harus {rule}, bukan {value}.",
                hint,
            )
        ]
    if kind == "uniqueItems":
        return []  # reported with the line of the repeated item by the rules module
    return [
        diagnostic(
            "schema", file, line, path, f"{_shown(path)} tidak sesuai skema: {error.message}", ""
        )
    ]


def check_schema(doc: SourceDocument, taxonomies: Taxonomies) -> list[Diagnostic]:
    """All schema problems of one document, at most one per path (the first is the clearest)."""
    _, validator, fast = _compiled(taxonomies)
    if fast is not None and fast(doc.front_matter):
        return []  # the common case; jsonschema only runs to explain an invalid document
    out: list[Diagnostic] = []
    seen: set[tuple[str, str]] = set()
    for error in validator.iter_errors(doc.front_matter):
        for diag in translate(error, doc, taxonomies):
            group = "key" if diag.code == "unknown-key" else "value"
            if (diag.path, group) in seen:
                continue
            seen.add((diag.path, group))
            out.append(diag)
    return out
