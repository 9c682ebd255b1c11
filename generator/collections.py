"""Collections for facilitators: ``content/collections/<id>.yml``.

A collection is an ordered set of case studies with a note on why each is there::

    title: Layanan adminduk yang dekat dengan warga
    description: Untuk lokakarya inovasi layanan kependudukan.
    audience: Bagian Organisasi kabupaten/kota      # optional
    event: Lokakarya JIPP 2026                       # optional
    date: 2026-12-01                                 # optional, YYYY-MM-DD
    items:
      - id: sipelandukilat-kaltara
        note: Layanan adminduk di wilayah perbatasan.

Each file is read with the project's YAML reader (lines for every key, no anchors or
duplicate keys) and checked here; every problem is a ``Diagnostic`` with file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.loading import link_diagnostic
from generator.paths import link_outside
from generator.validate.hints import did_you_mean, key_hint
from generator.values import is_id
from generator.yaml_reader import parse_yaml

FOLDER = "collections"
KEYS = ("title", "description", "audience", "event", "date", "items")
REQUIRED = ("title", "description", "items")
ITEM_KEYS = ("id", "note")
MAX_TEXT = 2000


@dataclass(frozen=True, slots=True)
class CollectionItem:
    id: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Collection:
    id: str
    title: str
    description: str
    items: tuple[CollectionItem, ...]
    audience: str = ""
    event: str = ""
    date: str = ""  # YYYY-MM-DD or ""
    source_path: str = ""  # collections/<id>.yml, relative to the content folder


def find_collection_files(content_dir: Path) -> tuple[list[Path], list[Path]]:
    """(``*.yml`` files, other files) in ``content/collections/``, sorted."""
    folder = Path(content_dir) / FOLDER
    if not folder.is_dir():
        return [], []
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return [p for p in files if p.suffix == ".yml"], [p for p in files if p.suffix != ".yml"]


def load_collections(
    content_dir: Path, case_ids: set[str], former_ids: dict[str, str] | None = None
) -> tuple[list[Collection], list[Diagnostic]]:
    """Every collection in the content folder and every problem found in them."""
    former_ids = former_ids or {}
    found, others = find_collection_files(content_dir)
    problems: list[Diagnostic] = []
    for path in others:
        problems.append(
            diagnostic(
                "collection-file-ignored",
                str(path),
                1,
                "",
                "Berkas ini tidak dibaca sebagai koleksi.",
                "Koleksi ditulis sebagai `collections/<id>.yml` (huruf kecil `.yml`).",
            )
        )
    collections = []
    for path in found:
        collection, file_problems = read_collection(path, Path(content_dir), case_ids, former_ids)
        problems.extend(file_problems)
        if collection is not None:
            collections.append(collection)
    return collections, problems


def read_collection(path: Path, content_dir: Path, case_ids: set[str],
                    former_ids: dict[str, str]) -> tuple[Collection | None, list[Diagnostic]]:
    file = str(path)
    target = link_outside(path, Path(content_dir).resolve(), through=Path(content_dir))
    if target is not None:  # a symbolic link out of the content folder is refused unread
        return None, [link_diagnostic(path, target)]
    try:
        raw = path.read_bytes()
    except OSError:
        return None, [
            diagnostic(
                "file-unreadable",
                file,
                0,
                "",
                "Berkas koleksi tidak bisa dibuka.",
                "Periksa izin aksesnya.",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            diagnostic(
                "not-utf8",
                file,
                line,
                "",
                "Berkas koleksi tidak disimpan sebagai UTF-8.",
                "Simpan ulang sebagai UTF-8 (di editor: Save with Encoding → UTF-8).",
            )
        ]
    if not text.strip():
        return None, [diagnostic("empty-file", file, 1, "", "Berkas koleksi kosong.",
                                 "Isi minimal `title`, `description` dan `items`.")]
    if "\t" in "".join(line[: len(line) - len(line.lstrip())] for line in text.split("\n")):
        line = next(
            n
            for n, ln in enumerate(text.split("\n"), 1)
            if "\t" in ln[: len(ln) - len(ln.lstrip())]
        )
        return None, [diagnostic("yaml-tab", file, line, "", "Indentasi memakai tab.",
                                 "Ganti tab dengan spasi (dua spasi per tingkat).")]
    parsed = parse_yaml(text)
    out = [
        diagnostic(code, file, line, p, message, hint)
        for code, line, p, message, hint in parsed.problems
    ]
    if not parsed.ok or out:
        return None, out
    checker = _Checker(file, parsed.lines)
    collection = checker.check(
        path.stem,
        parsed.value,
        case_ids,
        former_ids,
        path.relative_to(content_dir).as_posix() if path.is_relative_to(content_dir) else path.name,
    )
    return collection, checker.out


class _Checker:
    def __init__(self, file: str, lines: dict[str, int]) -> None:
        self.file = file
        self.lines = lines
        self.out: list[Diagnostic] = []

    def line(self, path: str) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition(".")[0]
        return self.lines.get("", 1) or 1

    def add(self, code: str, path: str, message: str, hint: str = "") -> None:
        self.out.append(diagnostic(code, self.file, self.line(path), path, message, hint))

    def text(self, data: dict, key: str, prefix: str = "") -> str:
        path = prefix + key
        value = data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add("wrong-type", path, f"`{path}` harus teks, bukan {type(value).__name__}.",
                     "Tulis teksnya dalam tanda kutip bila perlu.")
            return ""
        if not value.strip():
            self.add("too-short", path, f"`{path}` kosong.", "Isi teksnya atau hapus kuncinya.")
        elif len(value) > MAX_TEXT:
            self.add(
                "too-long", path, f"`{path}` lebih dari {MAX_TEXT} karakter.", "Ringkas teksnya."
            )
        return value.strip()

    def check(self, stem: str, data: Any, case_ids: set[str], former_ids: dict[str, str],
              rel_path: str) -> Collection | None:
        if not is_id(stem):
            self.add("invalid-format", "", f"Nama berkas `{stem}.yml` bukan id kebab-case.",
                     "Pakai huruf kecil, angka dan tanda hubung, mis. `adminduk-dekat-warga.yml`.")
        if not isinstance(data, dict):
            self.add("collection-shape", "", "Koleksi harus berupa pasangan `kunci: nilai`.",
                     "Mulai dengan `title:`, `description:` dan `items:`.")
            return None
        for key in data:
            if key not in KEYS:
                self.add("unknown-key", str(key), f"Kunci `{key}` tidak dikenal di koleksi.",
                         key_hint(str(key), KEYS) or f"Kunci yang dikenal: {', '.join(KEYS)}.")
        for key in REQUIRED:
            if key not in data:
                self.out.append(
                    diagnostic(
                        "missing-key",
                        self.file,
                        1,
                        key,
                        f"Kunci wajib `{key}` tidak ada.",
                        "Koleksi butuh `title`, `description` dan `items`.",
                    )
                )
        title = self.text(data, "title")
        description = self.text(data, "description")
        audience = self.text(data, "audience")
        event = self.text(data, "event")
        when = data.get("date")
        if when is not None:
            when = self._date(when)
        items = self._items(data.get("items"), "items" in data, case_ids, former_ids)
        if self.out:
            return None
        return Collection(
            id=stem,
            title=title,
            description=description,
            items=items,
            audience=audience,
            event=event,
            date=when or "",
            source_path=rel_path,
        )

    def _date(self, value: Any) -> str:
        text = str(value)
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.add("invalid-format", "date", f"`date` harus tanggal YYYY-MM-DD, bukan `{text}`.",
                     "Contoh: `date: 2026-12-01`.")
            return ""
        try:
            date.fromisoformat(text)
        except ValueError:
            self.add(
                "invalid-date",
                "date",
                f"Tanggal `{text}` tidak ada di kalender.",
                "Periksa bulan dan harinya.",
            )
            return ""
        return text

    def _items(self, value: Any, present: bool, case_ids: set[str],
               former_ids: dict[str, str]) -> tuple[CollectionItem, ...]:
        if not present:
            return ()
        if value is None or value == []:
            self.add(
                "collection-empty",
                "items",
                "Koleksi tidak berisi studi kasus.",
                "Tambahkan minimal satu butir: `- id: <id-studi-kasus>` dengan `note:` alasannya.",
            )
            return ()
        if not isinstance(value, list):
            self.add("wrong-type", "items", "`items` harus daftar.",
                     "Tulis setiap studi kasus sebagai butir `- id: <id>` di bawah `items:`.")
            return ()
        items: list[CollectionItem] = []
        seen: dict[str, int] = {}
        for n, item in enumerate(value):
            path = f"items.{n}"
            if isinstance(item, str):
                self.add("wrong-type", path, f"Butir `{path}` ditulis sebagai teks `{item}`.",
                         f"Tulis sebagai pemetaan: `- id: {item}` (lalu `note:` bila perlu).")
                continue
            if not isinstance(item, dict):
                self.add("wrong-type", path, f"Butir `{path}` harus pemetaan `id`/`note`.",
                         "Contoh: `- id: san-piisan-semarang`.")
                continue
            for key in item:
                if key not in ITEM_KEYS:
                    self.add(
                        "unknown-key",
                        f"{path}.{key}",
                        f"Kunci `{key}` tidak dikenal di butir koleksi.",
                        key_hint(str(key), ITEM_KEYS)
                        or "Butir koleksi hanya punya `id` dan `note`.",
                    )
            case_id = item.get("id")
            if case_id is None:
                self.add("missing-key", path, f"Butir `{path}` tidak punya `id`.",
                         "Tulis id studi kasus, mis. `- id: san-piisan-semarang`.")
                continue
            if not isinstance(case_id, str):
                self.add(
                    "wrong-type", f"{path}.id", f"`{path}.id` harus teks.", "Tulis id studi kasus."
                )
                continue
            note = self.text(item, "note", f"{path}.")
            if case_id not in case_ids:
                if case_id in former_ids:
                    hint = f"Studi kasus ini sudah berganti id: pakai `{former_ids[case_id]}`."
                else:
                    hint = (
                        did_you_mean(case_id, sorted(case_ids))
                        or "Lihat id di `content/innovations/<id>.md`."
                    )
                self.add(
                    "collection-unknown-id",
                    f"{path}.id",
                    f"Tidak ada studi kasus dengan id `{case_id}`.",
                    hint,
                )
                continue
            if case_id in seen:
                self.add(
                    "collection-duplicate-id",
                    f"{path}.id",
                    f"Studi kasus `{case_id}` sudah ada di butir `items.{seen[case_id]}`.",
                    "Setiap studi kasus cukup sekali dalam satu koleksi; gabungkan catatannya.",
                )
                continue
            seen[case_id] = n
            items.append(CollectionItem(case_id, note))
        return tuple(items)
