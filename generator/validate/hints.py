"""Hints for contributors: did-you-mean suggestions and explanations of YAML 1.1 surprises."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from generator.values import kebab

# Indonesian (and common English) key names people type instead of the contract's keys.
KEY_SYNONYMS = {
    "judul": "title", "nama": "name", "ringkasan": "summary", "instansi": "agency",
    "lembaga": "agency", "jenis": "type", "tipe": "type", "provinsi": "province",
    "kabupaten": "regency", "kota": "regency", "kategori": "category", "tahun": "year",
    "keterangan_status": "status_note", "catatan_status": "status_note",
    "terakhir_diperiksa": "last_verified", "penghargaan": "awards", "tingkat": "level",
    "hasil": "outcomes", "indikator": "indicator", "nilai": "value", "satuan": "unit",
    "periode": "period", "sumber": "sources", "tautan": "url", "link": "url",
    "penerbit": "publisher", "tanggal": "date", "replikasi": "replication", "label": "tags",
    "bahasa": "lang", "alias": "aliases", "sdg": "sdgs", "tujuan": "sdgs", "uraian": "description",
    "deskripsi": "description", "biaya": "cost", "dasar_hukum": "legal_basis",
    "persyaratan": "requirements", "prasyarat": "requirements", "hubungan": "relation",
    "negara": "country", "date_verified": "last_verified", "verified": "last_verified",
    "source_url": "url", "href": "url", "evidence": "evidence_level", "start_year": "year",
}

_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")


def did_you_mean(
    value: object, choices: Iterable[Any], labels: dict[str, Any] | None = None
) -> str:
    """``Maksud Anda `x`?`` for the closest choice, or a label match, or ""."""
    options = [str(c) for c in choices]
    text = str(value)
    if labels:
        match = labels.get(text.strip().lower())
        if match is not None:
            return f"Maksud Anda `{match}`? Tulis id-nya, bukan labelnya."
    lowered = text.strip().lower()
    for option in options:
        if option.lower() == lowered and option != text:
            return f"Maksud Anda `{option}`? Id ditulis dengan huruf kecil."
    slug = kebab(lowered)
    if slug in options and slug != text:
        return f"Maksud Anda `{slug}`?"
    close = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
    if close:
        return f"Maksud Anda `{close[0]}`?"
    return ""


def key_hint(key: str, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    synonym = KEY_SYNONYMS.get(key.strip().lower())
    if synonym in allowed:
        return f"Maksud Anda `{synonym}`? Nama kunci ditulis dalam bahasa Inggris."
    exact = next((k for k in allowed if k.lower() == key.strip().lower()), None)
    if exact is not None:
        return f"Maksud Anda `{exact}`? Nama kunci ditulis dengan huruf kecil."
    hint = did_you_mean(key, allowed)
    if hint:
        return hint
    return "Kunci yang boleh di sini: " + ", ".join(f"`{k}`" for k in allowed) + "."


def yaml_surprise(raw: str, value: Any) -> str:
    """Explain how YAML 1.1 read a plain scalar, or "" when nothing surprising happened."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return f'Beri tanda kutip: YAML membaca `{raw}` tanpa kutip sebagai {word}, mis. `"{raw}"`.'
    if isinstance(value, int) and _OCTAL.match(raw):
        return f"`{raw}` dibaca YAML sebagai bilangan oktal {value}; beri tanda kutip: `\"{raw}\"`."
    if isinstance(value, (int, float)) and _SEXAGESIMAL.match(raw):
        return (
            f'`{raw}` dibaca YAML sebagai bilangan basis 60 ({value}); beri tanda kutip: `"{raw}"`.'
        )
    return ""


def describe_type(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "nilai benar/salah (true/false)"
    if isinstance(value, int):
        return "bilangan bulat"
    if isinstance(value, float):
        return "bilangan desimal"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan (kunci: nilai)"
    return type(value).__name__


# Example values for integer keys, so a hint never suggests a year where a source number belongs.
_INT_EXAMPLES = {"year": 2019, "source": 1, "evidence_level": 2, "sdgs": 4}
_PLAIN_FLOW_ITEM = re.compile(r"^[\w][\w .\-/]*$")


def _quoted(text: str) -> str:
    return '"' + text + '"'


def _flow_item(text: str) -> str:
    """``text`` as an item of a YAML ``[a, b]`` list, quoted only when it has to be."""
    return (
        text
        if _PLAIN_FLOW_ITEM.match(text)
        else _quoted(text.replace("\\", "\\\\").replace('"', '\\"'))
    )


TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "bilangan",
    "array": "daftar (butir diawali `- `)",
    "object": "pemetaan (`kunci: nilai`)",
    "boolean": "true/false",
}


def type_hint(
    expected: list[str], value: Any, raw: str | None, key: str, *, item: bool = False
) -> str:
    """A hint for a type mismatch, using the raw YAML text when there is one.

    ``key`` names the field; with ``item`` the value is an item of the list ``key``, so
    examples are written as ``- value`` rather than ``key: value``.
    """

    def put(text: object) -> str:
        return f"- {text}" if item else f"{key}: {text}"

    example = _INT_EXAMPLES.get(key, 1)
    if raw is not None:
        surprise = yaml_surprise(raw, value)
        if surprise and "string" in expected:
            return surprise
    if value is None and raw is not None and raw.startswith("#"):
        return (f"`#` memulai komentar di YAML, jadi nilainya dibaca kosong; beri tanda kutip: "
                f"`{put(_quoted(raw))}`.")
    if value is None:
        return f"Isi nilai `{key}` atau hapus kuncinya bila tidak wajib."
    if "string" in expected and isinstance(value, float) and raw is not None and str(value) != raw:
        return f"YAML membaca `{raw}` sebagai bilangan {value}; beri tanda kutip: `\"{raw}\"`."
    if "string" in expected and isinstance(value, (int, float, bool)):
        shown = raw if raw is not None else str(value)
        return f"Beri tanda kutip agar dibaca sebagai teks: `\"{shown}\"`."
    if ("integer" in expected or "number" in expected) and isinstance(value, bool):
        return (
            f"YAML membaca `{raw if raw is not None else value}` tanpa kutip sebagai nilai "
            "benar/salah; "
            f"tulis angkanya, mis. `{put(example)}`."
        )
    if ("integer" in expected or "number" in expected) and isinstance(value, str):
        stripped = value.strip()
        if re.fullmatch(r"[-+]?[0-9]+", stripped):
            return f"Hapus tanda kutip: tulis `{put(stripped)}`, bukan `{put(_quoted(stripped))}`."
        bracketed = re.fullmatch(r"\[\s*([0-9]+)\s*\]", stripped)
        if bracketed:
            return ("Tulis nomornya saja, tanpa kurung siku dan tanda kutip: "
                    f"`{put(bracketed.group(1))}`.")
        if "number" in expected and re.fullmatch(r"[-+]?[0-9.]+[eE][-+]?[0-9]+", stripped):
            return ("YAML 1.1 membaca notasi `e` tanpa titik dan tanda sebagai teks; tulis "
                    "angkanya utuh, mis. `2500`.")
        if key == "year" or "number" not in expected:
            return (f"Tulis bilangan bulat saja, tanpa tanda kutip atau teks lain, "
                    f"mis. `{put(example)}`.")
        if "number" in expected and re.fullmatch(r"[-+]?[0-9]+\.[0-9]+", stripped):
            return f"Hapus tanda kutip: tulis `{put(stripped)}`."
        if "number" in expected and re.fullmatch(r"[-+]?[0-9]+,[0-9]+", stripped):
            return ("Pakai titik sebagai pemisah desimal tanpa tanda kutip: "
                    f"`{put(stripped.replace(',', '.'))}`.")
        return "Tulis angkanya saja, tanpa satuan atau tanda kutip; satuan ditulis di `unit`."
    if "integer" in expected and isinstance(value, float):
        return "Tulis bilangan bulat tanpa desimal."
    if "object" in expected and isinstance(value, list):
        return ("Di sini diharapkan pemetaan `kunci: nilai`, bukan daftar: hapus tanda `-` dan "
                "periksa indentasi.")
    if "array" in expected and isinstance(value, dict):
        return ("Di sini diharapkan daftar: awali setiap butir dengan `- ` (lihat contoh di "
                "CONTRIBUTING.md).")
    if "array" in expected and isinstance(value, (str, int, float)):
        items = [part.strip() for part in str(value).split(",") if part.strip()] or [str(value)]
        shown = ", ".join(_flow_item(item) for item in items)
        return (f"Tulis sebagai daftar, mis. `{key}: [{shown}]`, atau setiap butir di baris "
                "tersendiri diawali `- `.")
    if "string" in expected and isinstance(value, list):
        return "Tulis satu nilai saja, bukan daftar (tanpa `[ ]` atau `- `)."
    if "string" in expected and isinstance(value, dict):
        return "Tulis satu nilai teks; bila teksnya memuat `: `, beri tanda kutip."
    if "object" in expected and isinstance(value, str):
        return ("Di sini diharapkan pemetaan: tulis kunci-kunci anaknya di baris berikutnya dengan "
                "indentasi dua spasi.")
    return ""
