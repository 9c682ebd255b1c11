"""Load case-study files into SourceDocuments: find files, decode, split front matter, map lines.

The YAML itself is read by ``generator.yaml_reader``; this module handles everything around
it (encoding, BOM, CRLF, the ``---`` fences, size, tabs and invisible characters) and turns
every problem into a Diagnostic.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path
from typing import Any

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.paths import LINK_HINT, LINK_MESSAGE, link_outside
from generator.source import SourceDocument
from generator.yaml_reader import ParsedYaml, parse_yaml

__all__ = [
    "MAX_FRONT_MATTER_BYTES",
    "ParsedYaml",
    "find_ignored_files",
    "find_innovation_files",
    "find_page_files",
    "load_document",
    "load_documents",
    "load_pages",
    "parse_document",
    "parse_yaml",
]

MAX_FRONT_MATTER_BYTES = 64 * 1024
_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_NEAR_FENCE = re.compile(r"^\s*(-{2,}|—|–)\s*$|^\s+---\s*$|^-{4,}")


def _doc_id(path: Path) -> str:
    return path.parent.name if path.name == "index.md" else path.stem


def find_innovation_files(innovations_dir: Path) -> list[Path]:
    """``<id>.md`` and ``<id>/index.md`` under ``innovations/``, sorted."""
    if not innovations_dir.is_dir():
        return []
    # A broken symbolic link is kept so that loading reports it (file-unreadable).
    found = [p for p in innovations_dir.glob("*.md") if p.is_file() or p.is_symlink()]
    found += [p for p in innovations_dir.glob("*/index.md") if p.is_file() or p.is_symlink()]
    return sorted(found)


_INVISIBLE = ("\x85", "\u2028", "\u2029", "\u00a0")
_NBSP_SYNTAX = re.compile(r"^[ \u00a0]*\u00a0|^[ ]*(- )?[^\s:#'\"][^:#]*:\u00a0")


def _report_invisible(front_lines: list[str], add: Any) -> str:
    """Report invisible characters that change how YAML reads a line; return the text with
    them replaced by spaces so the rest of the file can still be checked."""
    cleaned = []
    for i, line in enumerate(front_lines):
        line_no = i + 2
        for ch in ("\x85", "\u2028", "\u2029"):
            if ch in line:
                add(
                    "yaml-syntax",
                    line_no,
                    "",
                    f"Baris ini memuat pemisah baris tak terlihat (U+{ord(ch):04X}), "
                    "yang dibaca YAML sebagai baris baru.",
                    "Hapus karakter itu (sering terbawa saat menyalin dari PDF atau pengolah "
                    "kata).",
                )
                line = line.replace(ch, " ")
        if "\u00a0" in line and _NBSP_SYNTAX.match(line):
            add(
                "yaml-syntax",
                line_no,
                "",
                "Baris ini memakai spasi tak terputus (U+00A0) sebagai indentasi "
                "atau setelah titik dua; YAML tidak menganggapnya spasi.",
                "Hapus spasi itu dan ketik ulang dengan spasi biasa.",
            )
            head = _NBSP_SYNTAX.match(line).end()
            line = line[:head].replace("\u00a0", " ") + line[head:]
        cleaned.append(line)
    return "\n".join(cleaned)


_DASH_NO_SPACE = re.compile(r"^\s*-[^\s\-]")
_TEXT_AFTER_QUOTE = re.compile(
    r"""^\s*(- )?[A-Za-z_][A-Za-z0-9_]*:\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*[^\s#]"""
)
_COLON_NO_SPACE = re.compile(r"^\s*(- )?[A-Za-z_][A-Za-z0-9_]*:[^\s/]")


def _refine_syntax(
    line: int, message: str, hint: str, front_lines: list[str]
) -> tuple[int, str, str]:
    """Point a YAML syntax error at the usual culprit when it is the reported line or the one
    before it: a list dash or a key colon without the space after it."""
    for candidate in (line, line - 1):
        index = candidate - 2  # front matter text starts on file line 2
        if not 0 <= index < len(front_lines):
            continue
        text = front_lines[index]
        if _DASH_NO_SPACE.match(text):
            return (
                candidate,
                "Butir daftar butuh spasi setelah tanda `-`.",
                "Tulis `- title: ...`, bukan `-title: ...`.",
            )
        if _TEXT_AFTER_QUOTE.match(text):
            return (
                candidate,
                "Ada teks setelah tanda kutip penutup.",
                'Letakkan seluruh teks di dalam tanda kutip, mis. `title: "Judul tambahan"`; '
                "tanda kutip di dalam teks ditulis `\\\"` (kutip ganda) atau `''` (kutip tunggal).",
            )
        if _COLON_NO_SPACE.match(text):
            key = text.strip().removeprefix("- ").split(":", 1)[0]
            return (candidate, f"Kunci `{key}` butuh spasi setelah titik dua.",
                    f"Tulis `{key}: nilai`, bukan `{key}:nilai`.")
    # A Markdown heading above the error (YAML reads it as a comment) means the body began
    # inside the front matter: the closing `---` is missing and a later `---` closed it.
    heading = next(
        (i for i, text in enumerate(front_lines[: max(line - 1, 0)]) if _HEADING.match(text)), None
    )
    if heading is not None:
        return (
            line,
            message,
            f"Baris {heading + 2} (`{front_lines[heading].strip()}`) adalah judul bagian isi: "
            "baris `---` penutup front matter tampaknya hilang. Tambahkan `---` sebelum baris itu.",
        )
    return line, message, hint


_HEADING = re.compile(r"^#{2,6}\s+\S")


_STRAY_SUFFIXES = {".markdown", ".mdown", ".mkd", ".txt", ".yml", ".yaml"}


def find_ignored_files(innovations_dir: Path) -> list[Path]:
    """Files that look like case studies but are not read (wrong extension, no index.md)."""
    if not innovations_dir.is_dir():
        return []
    stray: list[Path] = []
    for entry in sorted(innovations_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file() and (entry.suffix.lower() in _STRAY_SUFFIXES
                                or (entry.suffix.lower() == ".md" and entry.suffix != ".md")):
            stray.append(entry)
        elif entry.is_dir() and not (entry / "index.md").is_file():
            stray.extend(
                p for p in sorted(entry.iterdir()) if p.suffix.lower() in {".md", ".markdown"}
            )
    return stray


def parse_document(
    data: bytes, file: str, doc_id: str, rel_path: str = "", *, front_matter_required: bool = True
) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Split and parse one file's bytes. Returns no document when it cannot be read at all.

    A prose page (``front_matter_required=False``) may be plain Markdown without front matter.
    """
    problems: list[Diagnostic] = []

    def add(code: str, line: int, path: str, message: str, hint: str = "") -> None:
        problems.append(diagnostic(code, file, line, path, message, hint))

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            line, message = (
                1,
                'Berkas tersimpan sebagai UTF-16 ("Unicode" di Notepad), bukan UTF-8.',
            )
        else:
            line = data[: exc.start].count(b"\n") + 1
            message = (
                f"Berkas bukan UTF-8 (byte tidak sah 0x{data[exc.start]:02x} di baris {line})."
            )
        add("not-utf8", line, "", message,
            "Simpan ulang sebagai UTF-8: di Notepad pilih File → Save As… → Encoding: UTF-8; "
            "di VS Code klik pengodean di bilah status → Save with Encoding → UTF-8.")
        return None, problems
    if not front_matter_required and not _FENCE.match(text.split("\n", 1)[0].rstrip("\r")):
        body = text.replace("\r\n", "\n").replace("\r", "\n")
        return SourceDocument(file=file, doc_id=doc_id, front_matter={}, body=body, body_line=1,
                              lines={"": 1}, rel_path=rel_path, unprintable=()), problems
    if not text.strip():
        add(
            "empty-file",
            1,
            "",
            "Berkas kosong.",
            "Salin studi kasus yang sudah ada di `content/innovations/` atau contoh di "
            "CONTRIBUTING.md, "
            "lalu ganti isinya; front matter diawali dan ditutup baris `---`.",
        )
        return None, problems
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        hint = ("Baris pertama harus `---`, lalu kunci-kunci seperti `id:` dan `title:`, lalu "
                "`---` lagi.")
        first = next((i for i, line in enumerate(lines[:20]) if _FENCE.match(line)), None)
        if first is not None and not "".join(lines[:first]).strip():
            hint = (f"Hapus baris kosong di atas `---` (baris {first + 1}); `---` harus berada di "
                    "baris pertama.")
        add("front-matter-missing", 1, "", "Berkas tidak diawali front matter YAML.", hint)
        return None, problems
    close = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if close is None:
        hint = "Tambahkan baris `---` setelah kunci terakhir, sebelum teks isi."
        near = next((i for i in range(1, len(lines)) if _NEAR_FENCE.match(lines[i])), None)
        if near is not None:
            hint = (f"Baris {near + 1} (`{lines[near].strip()}`) hampir benar: penutup harus tepat "
                    "`---`.")
        add(
            "front-matter-unclosed",
            1,
            "",
            "Front matter dibuka dengan `---` tetapi tidak pernah ditutup.",
            hint,
        )
        return None, problems
    front = "\n".join(lines[1:close])
    size = len(front.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        add("front-matter-too-large", 1, "",
            f"Front matter terlalu besar ({size // 1024} KiB; batasnya 64 KiB).",
            "Pindahkan teks panjang ke isi Markdown di bawah `---` penutup.")
        return None, problems
    tab_lines = [
        i + 2
        for i, line in enumerate(lines[1:close])
        if line[: len(line) - len(line.lstrip(" \t"))].count("\t")
    ]
    for line_no in tab_lines:
        add("yaml-tab", line_no, "", "Indentasi memakai karakter tab.",
            "YAML hanya menerima spasi untuk indentasi; ganti tab dengan spasi.")
    if any(ch in front for ch in _INVISIBLE):
        front = _report_invisible(lines[1:close], add)
    parsed = parse_yaml(front, line_offset=2)
    for code, line, path, message, hint in parsed.problems:
        if code == "yaml-syntax" and tab_lines:
            continue  # the tab is the cause; one clear message is enough
        if code == "yaml-syntax" and not parsed.ok:
            line, message, hint = _refine_syntax(line, message, hint, front.split("\n"))
        add(code, line, path, message, hint)
    if not parsed.ok:
        return None, problems
    value = parsed.value
    if not isinstance(value, dict):
        kind = (
            "kosong" if value is None else ("daftar" if isinstance(value, list) else "satu nilai")
        )
        add(
            "front-matter-not-mapping",
            1,
            "",
            f"Front matter harus berupa pasangan `kunci: nilai`, bukan {kind}.",
            "Contoh: `id: antrean-online`, lalu `title: ...` di baris berikutnya.",
        )
        return None, problems
    parsed.lines[""] = 1
    body = "\n".join(lines[close + 1:])
    doc = SourceDocument(
        file=file,
        doc_id=doc_id,
        front_matter=value,
        body=body,
        body_line=close + 2,
        lines=parsed.lines,
        rel_path=rel_path,
        scalars=parsed.scalars,
        unprintable=tuple(parsed.unprintable),
    )
    return doc, problems


_OS_REASONS = {errno.ENOENT: "berkas tidak ada (atau tautan simbolik yang putus)",
               errno.EACCES: "izin akses ditolak", errno.EISDIR: "ini folder, bukan berkas"}


def link_diagnostic(path: Path, target: str) -> Diagnostic:
    return diagnostic(
        "symlink-outside", str(path), 1, "", LINK_MESSAGE.format(target=target), LINK_HINT
    )


def load_document(path: Path, rel_path: str = "", *, front_matter_required: bool = True,
                  root: Path | None = None, through: Path | None = None,
                  parents: int | None = None) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Read and parse one file. With ``root`` (the resolved content folder), a symbolic link
    leaving it (the file, or a folder below ``through``) is refused unread."""
    file = str(path)
    if root is not None:
        target = link_outside(path, root, through=through, parents=parents)
        if target is not None:
            return None, [link_diagnostic(path, target)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = _OS_REASONS.get(exc.errno, f"kesalahan sistem berkas {exc.errno}")
        return None, [
            diagnostic("file-unreadable", file, 1, "", f"Berkas tidak bisa dibaca: {reason}.", "")
        ]
    return parse_document(
        data, file, _doc_id(path), rel_path, front_matter_required=front_matter_required
    )


def find_page_files(pages_dir: Path) -> list[Path]:
    """``pages/*.md``, sorted (a broken link is kept so that loading reports it)."""
    if not pages_dir.is_dir():
        return []
    return sorted(p for p in pages_dir.glob("*.md") if p.is_file() or p.is_symlink())


def load_pages(content_dir: Path) -> tuple[list[SourceDocument], list[Diagnostic]]:
    """The prose pages of ``content/pages/`` through the same reader as case studies: front
    matter optional, but when present it is read safely and its problems are diagnostics."""
    documents: list[SourceDocument] = []
    problems: list[Diagnostic] = []
    root = content_dir.resolve()
    if link_outside(content_dir / "pages", root) is not None:
        return documents, problems  # refused as a whole (the pipeline reports the folder)
    for path in find_page_files(content_dir / "pages"):
        doc, doc_problems = load_document(
            path,
            _rel_path(path, content_dir, root),
            front_matter_required=False,
            root=root,
            through=content_dir,
        )
        problems.extend(doc_problems)
        if doc is not None:
            documents.append(doc)
    return documents, problems


def _rel_path(path: Path, content_dir: Path, resolved_root: Path) -> str:
    try:
        inner = path.relative_to(content_dir)  # the usual case, no file-system calls
    except ValueError:
        try:
            inner = path.resolve().relative_to(resolved_root)
        except (ValueError, OSError):
            return path.as_posix()
    return f"{resolved_root.name}/{inner.as_posix()}"


def load_documents(
    content_dir: Path, files: list[Path] | None = None
) -> tuple[list[SourceDocument], list[Diagnostic], int]:
    """Load every case study (or only ``files``) under ``content_dir``.

    Returns (documents, diagnostics, files_checked).
    """
    root = content_dir.resolve()
    folder = content_dir / "innovations"
    if files is None and link_outside(folder, root) is not None:
        return [], [], 0  # refused as a whole (the pipeline reports the folder)
    paths = list(files) if files is not None else find_innovation_files(folder)
    # Found under innovations/ (already checked as a whole): only the file and a case folder can
    # be links; a file named on the command line is checked up to the content folder.
    def parents(path: Path) -> int | None:
        return None if files is not None else (1 if path.name == "index.md" else 0)
    documents: list[SourceDocument] = []
    problems: list[Diagnostic] = []
    for path in paths:
        doc, doc_problems = load_document(
            path,
            _rel_path(path, content_dir, root),
            root=root,
            through=content_dir,
            parents=parents(path),
        )
        problems.extend(doc_problems)
        if doc is not None:
            documents.append(doc)
    return documents, problems, len(paths)
