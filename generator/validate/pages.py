"""Prose pages (``content/pages/*.md``) and the builder's ``docs/`` folder.

Pages are contributor-editable like case studies, so they get the same checks: the same
front-matter reader (anchors, tags, duplicate keys, tabs, size, encoding), only the keys a page
uses, and the same body checks (unsafe HTML, event handlers, script URLs, encoded markup).
``docs/`` exists only because MkDocs requires a docs folder: whatever a contributor put there
would be copied or rendered outside every check, so nothing but its placeholder may live there.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.loading import parse_document
from generator.paths import LINK_HINT, LINK_MESSAGE, link_outside
from generator.source import SourceDocument
from generator.validate.body import check_body, check_body_limits
from generator.validate.controls import check_body_text, check_front_matter
from generator.validate.hints import describe_type, key_hint
from generator.values import is_id

# Front-matter keys of a prose page: (what it is, its longest length).
PAGE_KEYS = {"title": ("judul halaman", 200), "description": ("deskripsi untuk mesin pencari", 400)}
# Top-level folders the generator owns (generator/render/pages.py keeps the same list);
# `tentang` (the About page) and `kontribusi` (/kontribusi/) are prose pages with their own
# renderers.
RESERVED = {"inovasi", "kategori", "provinsi", "tahun", "penghargaan", "sdg", "status",
            "jenis-instansi", "jelajahi", "replikasi", "instansi", "data", "schema", "cari",
            "perlu-diperbarui", "assets", "search", "label"}
_FENCE = re.compile(rb"^---[ \t]*\r?$", re.MULTILINE)
# The only file docs/ may hold: git keeps no empty folders.
DOCS_PLACEHOLDERS = {".gitkeep"}


def find_page_files(pages_dir: Path) -> list[Path]:
    if not pages_dir.is_dir():
        return []
    return sorted(
        p for p in pages_dir.iterdir() if p.suffix.lower() == ".md" and not p.name.startswith(".")
    )


def check_pages(content_dir: Path) -> list[Diagnostic]:
    """Every problem of every prose page under ``content_dir/pages``."""
    out: list[Diagnostic] = []
    root = Path(content_dir).resolve()
    if link_outside(Path(content_dir) / "pages", root) is not None:
        return out  # refused as a whole (generator.pipeline reports the folder)
    for path in find_page_files(Path(content_dir) / "pages"):
        out += check_page(path, root)
    return out


def check_page(path: Path, root: Path | None = None) -> list[Diagnostic]:
    """One page; with ``root`` (the resolved content folder) a symbolic link leaving it is refused
    unread."""
    file = str(path)
    name = path.stem
    out: list[Diagnostic] = []
    if root is not None:
        target = link_outside(path, root)
        if target is not None:
            return [
                diagnostic(
                    "symlink-outside", file, 1, "", LINK_MESSAGE.format(target=target), LINK_HINT
                )
            ]
    if path.suffix != ".md" or not is_id(name) or name in RESERVED:
        why = ("dipakai situs untuk halaman lain" if name in RESERVED
               else "bukan huruf kecil, angka dan tanda hubung dengan akhiran `.md`")
        out.append(
            diagnostic(
                "page-name",
                file,
                1,
                "",
                f"Nama berkas halaman `{path.name}` {why}, jadi halaman ini tidak diterbitkan.",
                "Ganti nama berkasnya, mis. `panduan-singkat.md` (menjadi alamat "
                "/panduan-singkat/).",
            )
        )
    try:
        data = path.read_bytes()
    except OSError:
        return out + [
            diagnostic(
                "file-unreadable",
                file,
                1,
                "",
                "Berkas halaman tidak bisa dibaca.",
                "Periksa izin akses berkas, atau hapus tautan simbolik yang putus.",
            )
        ]
    raw = data.removeprefix(b"\xef\xbb\xbf")
    if _FENCE.match(raw):
        doc, problems = parse_document(data, file, name)
        out += problems
        if doc is None:
            return out
        out += _check_keys(doc, {d.path for d in problems if d.path})
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            return out + [
                diagnostic(
                    "not-utf8",
                    file,
                    line,
                    "",
                    f"Berkas bukan UTF-8 (byte tidak sah 0x{raw[exc.start]:02x} di baris {line}).",
                    "Simpan ulang sebagai UTF-8.",
                )
            ]
        doc = SourceDocument(file=file, doc_id=name, front_matter={},
                             body=text.replace("\r\n", "\n").replace("\r", "\n"), body_line=1)
    return (
        out
        + check_body(doc, sections=False)
        + check_front_matter(doc)
        + check_body_text(doc)
        + check_body_limits(doc)
    )


def _check_keys(doc: SourceDocument, reported: set[str]) -> list[Diagnostic]:
    """Only ``title`` and ``description``, each a non-empty text; ``reported`` holds keys the
    reader already explained (an alias read as empty)."""
    out: list[Diagnostic] = []
    for key, value in doc.front_matter.items():
        if str(key) in reported:
            continue
        line = doc.lines.get(str(key), 1)
        if key not in PAGE_KEYS:
            out.append(
                diagnostic(
                    "unknown-key",
                    doc.file,
                    line,
                    str(key),
                    f"Kunci `{key}` tidak dikenal di front matter halaman.",
                    key_hint(str(key), PAGE_KEYS)
                    or "Halaman hanya memakai `title` dan `description`.",
                )
            )
            continue
        what, longest = PAGE_KEYS[key]
        if not isinstance(value, str) or not value.strip():
            out.append(
                diagnostic(
                    "wrong-type",
                    doc.file,
                    line,
                    key,
                    f"`{key}` ({what}) harus teks yang tidak kosong, bukan {describe_type(value)}.",
                    f'Tulis `{key}: "..."` dengan tanda kutip.',
                )
            )
        elif len(value) > longest:
            out.append(
                diagnostic(
                    "too-long",
                    doc.file,
                    line,
                    key,
                    f"`{key}` terlalu panjang ({len(value)} karakter; batasnya {longest}).",
                    "Persingkat teksnya; uraian panjang tempatnya di isi halaman.",
                )
            )
    return out


def check_docs(content_dir: Path) -> list[Diagnostic]:
    """Files in the builder's ``docs/`` folder beside the content folder (the project layout:
    ``mkdocs.yml``, ``content/`` and ``docs/`` side by side)."""
    root = Path(content_dir).resolve().parent
    if not (root / "mkdocs.yml").is_file():
        return []
    return docs_problems(root / docs_dir_name(root / "mkdocs.yml"))


def docs_dir_name(config_file: Path) -> str:
    """``docs_dir`` from mkdocs.yml (read as text: the file may hold tags a safe loader refuses)."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "docs"
    match = re.search(r"^docs_dir:[ \t]*['\"]?([^'\"#\s]+)", text, re.MULTILINE)
    return match.group(1) if match else "docs"


def docs_problems(docs_dir: Path) -> list[Diagnostic]:
    if not docs_dir.is_dir():
        return []
    out: list[Diagnostic] = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        if path.parent == docs_dir and path.name in DOCS_PLACEHOLDERS and not path.is_symlink():
            continue
        out.append(
            diagnostic(
                "docs-file",
                str(path),
                1,
                "",
                f"Berkas `{path.name}` ada di folder `{docs_dir.name}/`, yang tidak boleh berisi "
                "apa pun.",
                "Folder itu hanya ada karena MkDocs memerlukannya; semua halaman dibangkitkan dari "
                "`content/`. Halaman prosa ditulis di `content/pages/<nama>.md`; hapus berkas ini.",
            )
        )
    return out
