"""Rules across files: unique ids, replication references, likely duplicates."""

from __future__ import annotations

import difflib
from collections import defaultdict

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.validate.hints import did_you_mean
from generator.validate.schema import line_of

DUPLICATE_TITLE_RATIO = 0.9


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def check_cross_file(documents: list[SourceDocument]) -> list[Diagnostic]:
    """Problems that need every document at once."""
    out: list[Diagnostic] = []
    by_id: dict[str, list[SourceDocument]] = defaultdict(list)
    for doc in documents:
        doc_id = doc.front_matter.get("id")
        if isinstance(doc_id, str):
            by_id[doc_id].append(doc)
    for doc_id, docs in sorted(by_id.items()):
        if len(docs) < 2:
            continue
        for doc in docs:
            others = ", ".join(f"`{o.file}`" for o in docs if o is not doc)
            out.append(
                diagnostic(
                    "duplicate-id",
                    doc.file,
                    line_of(doc, "id"),
                    "id",
                    f"`id` `{doc_id}` juga dipakai oleh {others}.",
                    "Setiap studi kasus butuh id yang unik; ganti salah satunya (beserta nama "
                    "berkasnya).",
                )
            )

    known = sorted(by_id)
    for doc in documents:
        replication = doc.front_matter.get("replication")
        items = replication.get("replicates") if isinstance(replication, dict) else None
        if not isinstance(items, list):
            continue
        own = doc.front_matter.get("id")
        first_at: dict[tuple, int] = {}  # parent → index of its first listing
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            parent = _parent_key(item)
            if parent is not None:
                if parent in first_at:
                    kind, where = (
                        ("id", "id") if parent[0] == "id" else ("name", "nama dan instansi")
                    )
                    path = f"replication.replicates.{i}.{kind}"
                    first = first_at[parent]
                    out.append(
                        diagnostic(
                            "replicates-duplicate",
                            doc.file,
                            line_of(doc, path),
                            path,
                            f"Induk yang sama ({where}) sudah ditulis di butir ke-{first + 1} "
                            f"(baris {line_of(doc, f'replication.replicates.{first}')}).",
                            "Satu induk cukup ditulis sekali; hapus butir yang berulang. Bila "
                            "hubungannya "
                            "berbeda, pilih satu `relation` yang paling tepat.",
                        )
                    )
                    continue
                first_at[parent] = i
            if not isinstance(item.get("id"), str):
                continue
            target = item["id"]
            path = f"replication.replicates.{i}.id"
            if target == own:
                out.append(diagnostic("replicates-self", doc.file, line_of(doc, path), path,
                                      "Studi kasus tidak bisa mereplikasi dirinya sendiri.",
                                      "Tulis id studi kasus induknya."))
            elif target not in by_id:
                hint = did_you_mean(target, known) or (
                    "Bila induknya belum ada di katalog, tulis `name` dan `agency` sebagai ganti "
                    "`id`."
                )
                out.append(diagnostic("replicates-unknown", doc.file, line_of(doc, path), path,
                                      f"Studi kasus `{target}` tidak ada di katalog.", hint))

    out.extend(_former_id_conflicts(documents, by_id))
    out.extend(_agency_name_variants(documents))

    by_agency: dict[str, list[SourceDocument]] = defaultdict(list)
    for doc in documents:
        agency = doc.front_matter.get("agency")
        title = doc.front_matter.get("title")
        if (
            isinstance(agency, dict)
            and isinstance(agency.get("name"), str)
            and isinstance(title, str)
        ):
            by_agency[_norm(agency["name"])].append(doc)
    for docs in by_agency.values():
        if len(docs) < 2:
            continue
        titles = [_norm(d.front_matter["title"]) for d in docs]
        flagged: dict[int, int] = {}  # index → index of the first near-duplicate found
        for i in range(len(docs)):
            matcher = difflib.SequenceMatcher(None, "", titles[i])  # seq2 is cached: set once
            for j in range(i + 1, len(docs)):
                if docs[i].front_matter.get("id") == docs[j].front_matter.get("id"):
                    continue  # the same id is already an error (duplicate-id)
                if titles[i] == titles[j]:
                    flagged.setdefault(i, j)
                    flagged.setdefault(j, i)
                    continue
                matcher.set_seq1(titles[j])
                if (matcher.real_quick_ratio() >= DUPLICATE_TITLE_RATIO
                        and matcher.quick_ratio() >= DUPLICATE_TITLE_RATIO
                        and matcher.ratio() >= DUPLICATE_TITLE_RATIO):
                    flagged.setdefault(i, j)
                    flagged.setdefault(j, i)
        for i, j in sorted(flagged.items()):
            doc, other = docs[i], docs[j]
            out.append(
                diagnostic(
                    "likely-duplicate",
                    doc.file,
                    line_of(doc, "title"),
                    "title",
                    f"Mungkin duplikat dari `{other.file}`: instansi sama dan judul hampir sama.",
                    "Bila memang inovasi yang sama, gabungkan; bila berbeda, bedakan judulnya.",
                )
            )
    return out


def _parent_key(item: dict) -> tuple | None:
    """Who a ``replicates`` item names: its catalogue id, or its (name, agency) compared
    without case, spacing and punctuation differences; None when it names nobody usable."""
    if isinstance(item.get("id"), str):
        return ("id", item["id"])
    name, agency = item.get("name"), item.get("agency")
    if isinstance(name, str) and isinstance(agency, str) and name.strip() and agency.strip():
        return ("name", _loose(name), _loose(agency))
    return None


def _loose(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def _agency_key(name: str) -> str:
    """An agency name without case, spacing or punctuation: names equal here look alike."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _agency_name_variants(documents: list[SourceDocument]) -> list[Diagnostic]:
    """Agency names that differ only in case, spacing or punctuation: probably one agency that
    would get two pages. Each spelling other than the most used one is a warning."""
    spellings: dict[str, dict[str, list[SourceDocument]]] = defaultdict(lambda: defaultdict(list))
    for doc in documents:
        agency = doc.front_matter.get("agency")
        name = agency.get("name") if isinstance(agency, dict) else None
        if isinstance(name, str) and name.strip():
            spellings[_agency_key(name)][name].append(doc)
    out: list[Diagnostic] = []
    for variants in spellings.values():
        if len(variants) < 2:
            continue
        usual = min(variants, key=lambda n: (-len(variants[n]), n))
        example = variants[usual][0].file
        for name, docs in sorted(variants.items()):
            if name == usual:
                continue
            for doc in docs:
                out.append(
                    diagnostic(
                        "agency-name-variant",
                        doc.file,
                        line_of(doc, "agency.name"),
                        "agency.name",
                        f"Nama instansi `{name}` hanya beda huruf besar/kecil, spasi atau tanda "
                        "baca dengan "
                        f"`{usual}` ({len(variants[usual])} studi kasus, mis. `{example}`).",
                        f"Bila instansinya sama, tulis persis `{usual}` agar tergabung di satu "
                        "halaman instansi.",
                    )
                )
    return out


def _former_id_conflicts(documents: list[SourceDocument],
                         by_id: dict[str, list[SourceDocument]]) -> list[Diagnostic]:
    """A former id must keep answering for one case only: never a current id, never claimed
    twice."""
    out: list[Diagnostic] = []
    claimed: dict[str, SourceDocument] = {}
    for doc in documents:
        former = doc.front_matter.get("former_ids")
        if not isinstance(former, list):
            continue
        own = doc.front_matter.get("id")
        for i, old in enumerate(former):
            if not isinstance(old, str):
                continue
            path = f"former_ids.{i}"
            if old == own:
                message, hint = (f"Id lama `{old}` sama dengan `id` studi kasus ini.",
                                 "Hapus butir ini: id yang sedang dipakai tidak perlu dialihkan.")
            elif old in by_id:
                message, hint = (
                    f"Id lama `{old}` adalah id studi kasus lain (`{by_id[old][0].file}`).",
                    "Alamat itu milik studi kasus lain; hapus butir ini atau periksa ejaannya.",
                )
            elif old in claimed and claimed[old] is not doc:
                message, hint = (
                    f"Id lama `{old}` juga ditulis di `{claimed[old].file}`.",
                    "Satu alamat lama hanya bisa dialihkan ke satu studi kasus; hapus salah "
                    "satunya.",
                )
            else:
                claimed[old] = doc
                continue
            out.append(
                diagnostic("former-id-conflict", doc.file, line_of(doc, path), path, message, hint)
            )
    return out
