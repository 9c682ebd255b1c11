"""Rules a schema cannot say: id = file name, dates against today, cross-field references."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.validate.hints import yaml_surprise
from generator.validate.schema import line_of
from generator.values import STALE_AFTER_DAYS, is_id, is_int, is_stale

_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TARGET = re.compile(r"^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$")


def check_rules(doc: SourceDocument, today: date, reported: set[str]) -> list[Diagnostic]:
    """Cross-field rules of one document; ``reported`` holds paths the schema already flagged."""
    fm = doc.front_matter
    file = doc.file
    out: list[Diagnostic] = []

    def add(code: str, path: str, message: str, hint: str = "") -> None:
        out.append(diagnostic(code, file, line_of(doc, path), path, message, hint))

    doc_id = fm.get("id")
    if isinstance(doc_id, str) and doc_id != doc.doc_id and "id" not in reported:
        form = "nama folder" if file.replace("\\", "/").endswith("/index.md") else "nama berkas"
        hint = (f"Ganti `id` menjadi `{doc.doc_id}`, atau ganti {form} menjadi `{doc_id}`."
                if is_id(doc.doc_id) else
                f"Ganti {form} menjadi `{doc_id}` (huruf kecil kebab-case).")
        add("id-mismatch", "id", f"`id` `{doc_id}` tidak sama dengan {form} `{doc.doc_id}`.", hint)

    year = fm.get("year")
    if is_int(year) and year > today.year and "year" not in reported:
        add("year-future", "year", f"`year` {year} lebih besar dari tahun ini ({today.year}).",
            "Tulis tahun inovasi mulai berjalan.")

    def check_date(path: str, value: Any, future_hint: str) -> date | None:
        """A YYYY-MM-DD value that exists in the calendar and is not in the future, or None."""
        if not (isinstance(value, str) and _ISO.match(value)) or path in reported:
            return None
        try:
            when = date.fromisoformat(value)
        except ValueError:
            add("invalid-date", path, f"Tanggal `{value}` tidak ada di kalender.",
                "Periksa bulan (01–12) dan tanggal (sesuai jumlah hari bulan itu).")
            return None
        if when > today:
            add(
                "date-future",
                path,
                f"`{path}` {value} ada di masa depan (hari ini {today.isoformat()}).",
                future_hint,
            )
            return None
        return when

    verified = check_date("last_verified", fm.get("last_verified"),
                          "Tulis tanggal data terakhir benar-benar diperiksa.")
    if verified is not None and is_stale(verified, today):
        add(
            "stale",
            "last_verified",
            f"Data terakhir diperiksa {verified.isoformat()}, lebih dari {STALE_AFTER_DAYS} hari "
            "yang lalu.",
            "Periksa ulang sumbernya dan perbarui `last_verified`.",
        )

    sources = fm.get("sources")
    n_sources = len(sources) if isinstance(sources, list) else 0
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict):
            check_date(f"sources.{i}.accessed", source.get("accessed"),
                       "Tulis tanggal Anda benar-benar membaca sumber ini.")

    contact = fm.get("contact")
    if (isinstance(contact, dict) and "contact" not in reported
            and not any(contact.get(k) for k in ("website", "email", "phone"))):
        add("contact-channel-required", "contact",
            "`contact` belum memuat saluran yang bisa dihubungi.",
            "Tambahkan minimal satu dari `website`, `email` atau `phone` resmi instansi, "
            "seperti diumumkan instansi itu sendiri; atau hapus `contact`.")
    for section in ("outcomes", "awards"):
        items = fm.get(section)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            source = item.get("source")
            path = f"{section}.{i}.source"
            if (isinstance(sources, list) and is_int(source) and source > n_sources >= 1
                    and path not in reported):
                # n_sources >= 1 here: an empty `sources` is the schema's `empty-list`.
                add(
                    "source-index",
                    path,
                    f"`source: {source}` tidak ada: hanya ada {n_sources} sumber.",
                    (f"Pakai nomor 1–{n_sources}" if n_sources > 1 else "Pakai nomor 1")
                    + ", atau tambahkan sumbernya ke `sources`.",
                )
            if section == "awards":
                award_year = item.get("year")
                path = f"awards.{i}.year"
                if is_int(award_year) and award_year > today.year and path not in reported:
                    add(
                        "year-future",
                        path,
                        f"Tahun penghargaan {award_year} lebih besar dari tahun ini "
                        f"({today.year}).",
                        "Tulis tahun penghargaan diterima.",
                    )
                if (
                    is_int(award_year)
                    and is_int(year)
                    and award_year < year
                    and path not in reported
                ):
                    add(
                        "award-before-year",
                        path,
                        f"Tahun penghargaan {award_year} lebih awal dari tahun mulai inovasi "
                        f"({year}).",
                        "Periksa `year` inovasi atau tahun penghargaannya.",
                    )

    sdgs = fm.get("sdgs")
    goals: set[int] = set()
    if isinstance(sdgs, list):
        for i, goal in enumerate(sdgs):
            if not is_int(goal):
                continue
            if goal in goals:
                add(
                    "duplicate-item",
                    f"sdgs.{i}",
                    f"SDG {goal} ditulis lebih dari sekali.",
                    "Hapus yang berulang.",
                )
            goals.add(goal)
    targets = fm.get("sdg_targets")
    if isinstance(targets, list):
        for i, target in enumerate(targets):
            path = f"sdg_targets.{i}"
            if isinstance(target, str) and _TARGET.match(target) and path not in reported:
                goal = int(target.split(".")[0])
                if goal not in goals:
                    add("sdg-target-outside", path,
                        f"Target `{target}` berada di bawah SDG {goal}, yang tidak ada di `sdgs`.",
                        f"Tambahkan `{goal}` ke `sdgs`, atau periksa nomor targetnya.")

    # Values the schema accepted but YAML 1.1 changed behind the contributor's back
    # (e.g. `sinovik: 01234` accepted as the integer 668).
    for path, raw in doc.scalars.items():
        if path in reported:
            continue
        value = _get(fm, path)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        surprise = yaml_surprise(raw, value)
        if surprise:
            add(
                "wrong-type",
                path,
                f"`{path}`: `{raw}` tidak dibaca seperti yang tertulis.",
                surprise,
            )
    return out


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data
