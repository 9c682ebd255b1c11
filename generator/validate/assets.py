"""Files beside ``innovations/<id>/index.md``: images and kit documents published with the case.

Only raster images (PNG, JPEG, GIF, WebP) and PDF are published, each checked by its first
bytes (a page renamed ``foto.png`` is not an image) and by size. SVG is refused: it can carry
script. Symbolic links are refused (they could point anywhere on the build machine), and so are
folders and anything else; every refusal is a diagnostic with the file and a hint.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.source import SourceDocument

KIB = 1024
MIB = 1024 * KIB
# extension → (what it is, largest size in bytes, accepted leading bytes)
ASSET_TYPES: dict[str, tuple[str, int, tuple[bytes, ...]]] = {
    ".png": ("gambar PNG", 2 * MIB, (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("gambar JPEG", 2 * MIB, (b"\xff\xd8\xff",)),
    ".jpeg": ("gambar JPEG", 2 * MIB, (b"\xff\xd8\xff",)),
    ".gif": ("gambar GIF", 2 * MIB, (b"GIF87a", b"GIF89a")),
    ".webp": ("gambar WebP", 2 * MIB, (b"RIFF",)),  # and "WEBP" at offset 8, checked below
    ".pdf": ("dokumen PDF", 10 * MIB, (b"%PDF-",)),
}
MAX_CASE_ASSETS_BYTES = 20 * MIB  # everything beside one index.md
_NAME = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")
_ALLOWED = ", ".join(sorted({ext.lstrip(".") for ext in ASSET_TYPES}))


def is_folder_form(doc_file: str) -> bool:
    return doc_file.replace("\\", "/").endswith("/index.md")


def asset_files(folder: Path) -> list[Path]:
    """Every entry beside ``index.md`` that is published or refused (hidden files are ignored)."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.name != "index.md" and not p.name.startswith(".")]


def check_assets(doc: SourceDocument) -> list[Diagnostic]:
    """Problems of the files beside one folder-form case study."""
    if not is_folder_form(doc.file):
        return []
    out: list[Diagnostic] = []
    total = 0

    def add(code: str, path: Path, message: str, hint: str) -> None:
        out.append(diagnostic(code, str(path), 1, "", message, hint))

    for path in asset_files(Path(doc.file).parent):
        name = path.name
        ext = path.suffix.lower()
        if path.is_symlink():
            add(
                "asset-link",
                path,
                f"`{name}` adalah tautan simbolik; berkas studi kasus harus berkas biasa.",
                "Salin berkas aslinya ke folder ini sebagai ganti tautan.",
            )
            continue
        if path.is_dir():
            add(
                "asset-type",
                path,
                f"Folder `{name}` di dalam folder studi kasus tidak diterbitkan.",
                f"Letakkan gambar dan dokumen langsung di samping `index.md` ({_ALLOWED}).",
            )
            continue
        if ext == ".svg":
            add("asset-type", path, f"Gambar SVG `{name}` tidak diizinkan: SVG dapat memuat skrip.",
                "Simpan ulang sebagai PNG (grafik, diagram) atau JPEG (foto).")
            continue
        if ext not in ASSET_TYPES or path.suffix != ext:
            why = ("ekstensinya harus huruf kecil" if ext in ASSET_TYPES
                   else "hanya berkas isi studi kasus (`index.md`) yang dibaca" if ext == ".md"
                   else "jenis berkas ini tidak diterbitkan")
            add(
                "asset-type",
                path,
                f"Berkas `{name}` tidak diizinkan di folder studi kasus ({why}).",
                f"Yang diterbitkan: gambar atau dokumen dengan ekstensi {_ALLOWED} (huruf kecil).",
            )
            continue
        if not _NAME.match(path.stem):
            add(
                "asset-name",
                path,
                f"Nama berkas `{name}` memuat huruf besar, spasi atau tanda baca.",
                "Pakai huruf kecil, angka dan tanda hubung, mis. `alur-layanan.png`; "
                "tautan di isi ditulis dengan nama yang sama.",
            )
            continue
        kind, limit, magics = ASSET_TYPES[ext]
        try:
            size = path.stat().st_size
            with path.open("rb") as handle:
                head = handle.read(16)
        except OSError:
            add("asset-type", path, f"Berkas `{name}` tidak bisa dibaca.", "Periksa izin aksesnya.")
            continue
        total += size
        if size > limit:
            add(
                "asset-too-large",
                path,
                f"{kind.capitalize()} `{name}` berukuran {size / MIB:.1f} MiB; batasnya "
                f"{limit // MIB} MiB.",
                "Kecilkan gambar (mis. lebar 1600 piksel, JPEG kualitas 80) atau kompres PDF-nya.",
            )
            continue
        if not head.startswith(magics) or (ext == ".webp" and head[8:12] != b"WEBP"):
            add(
                "asset-content",
                path,
                f"Isi berkas `{name}` bukan {kind} seperti kata ekstensinya.",
                "Simpan ulang berkasnya dalam format itu, atau beri ekstensi yang sesuai isinya.",
            )
    if total > MAX_CASE_ASSETS_BYTES:
        add(
            "asset-too-large",
            Path(doc.file).parent,
            f"Berkas di folder ini berjumlah {total / MIB:.1f} MiB; batasnya "
            f"{MAX_CASE_ASSETS_BYTES // MIB} MiB "
            "per studi kasus.",
            "Kecilkan gambar, atau tautkan dokumen besar dari situs instansinya.",
        )
    return out


def published_assets(doc_file: str) -> tuple[tuple[str, str], ...]:
    """(name, path) of every file published beside a valid folder-form case (the build runs
    only after validation found no error, so everything beside ``index.md`` is allowed)."""
    if not is_folder_form(doc_file):
        return ()
    return tuple((p.name, str(p)) for p in asset_files(Path(doc_file).parent)
                 if p.suffix in ASSET_TYPES and p.is_file() and not p.is_symlink())
