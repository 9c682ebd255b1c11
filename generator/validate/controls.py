"""Invisible characters in text values and bodies: control characters, noncharacters and
bidi overrides are errors (``control-character``); see ``generator.textsafety``."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.textsafety import BAD_BODY, BAD_MULTILINE, BAD_ONE_LINE, describe
from generator.codes import diagnostic

# Fields (by their last key) whose text may span several lines: newline and tab allowed there.
MULTILINE_FIELDS = frozenset({"summary", "summary_en", "status_note", "description", "address", "note",
                              "requirements", "legal_basis", "cost"})
_ASCII_FINE = bytes(range(0x20, 0x7F)) + b"\n\t"
HINT = ("Hapus karakter itu (sering terbawa saat menyalin dari PDF, pengolah kata atau terminal); "
         "bila ditulis sebagai escape YAML seperti `\"\\x1b\"`, hapus escape-nya.")


def text_problems(data: Any, multiline: frozenset[str] = MULTILINE_FIELDS) -> list[tuple[str, str, bool]]:
    """(key path, offending character, is a key) for every text value or key of ``data`` that
    carries a character it may not; one per path."""
    found: list[tuple[str, str, bool]] = []

    def walk(value: Any, path: str, last: str) -> None:
        if isinstance(value, str):
            match = (BAD_MULTILINE if last in multiline else BAD_ONE_LINE).search(value)
            if match:
                found.append((path, match.group(0), False))
        elif isinstance(value, dict):
            prefix = f"{path}." if path else ""
            for key, child in value.items():
                if isinstance(key, str):
                    match = BAD_ONE_LINE.search(key)
                    if match:
                        found.append((f"{prefix}{key}", match.group(0), True))
                        continue
                walk(child, f"{prefix}{key}", str(key))
        elif isinstance(value, list):
            prefix = f"{path}." if path else ""
            for index, child in enumerate(value):
                walk(child, f"{prefix}{index}", last)

    walk(data, "", "")
    return found


def _last_key(path: str) -> str:
    return next((part for part in reversed(path.split(".")) if not part.isdigit()), "")


def candidate_problems(candidates: list[tuple[str, str, bool]] | tuple[tuple[str, str, bool], ...],
                       multiline: frozenset[str] = MULTILINE_FIELDS) -> list[tuple[str, str, bool]]:
    """:func:`text_problems` over the strings the YAML reader already found not printable."""
    found = []
    for path, text, is_key in candidates:
        pattern = BAD_ONE_LINE if is_key or _last_key(path) not in multiline else BAD_MULTILINE
        match = pattern.search(text)
        if match:
            found.append((path, match.group(0), is_key))
    return found


def message(path: str, ch: str, is_key: bool) -> str:
    where = f"Kunci `{path}`" if is_key else f"`{path}`"
    if ch in "\n\t":
        return f"{where} harus satu baris, tetapi memuat {describe(ch)}."
    return f"{where} memuat karakter tak terlihat yang tidak diizinkan: {describe(ch)}."


def check_front_matter(doc: SourceDocument) -> list[Diagnostic]:
    out = []
    found = (text_problems(doc.front_matter) if doc.unprintable is None
             else candidate_problems(doc.unprintable) if doc.unprintable else [])
    for path, ch, is_key in found:
        line = doc.lines.get(path) or doc.lines.get(path.rpartition(".")[0]) or 1
        hint = "Tulis dalam satu baris (tanpa `|`)." if ch in "\n\t" else HINT
        out.append(diagnostic("control-character", doc.file, line, path, message(path, ch, is_key), hint))
    return out


def check_body_text(doc: SourceDocument) -> list[Diagnostic]:
    """The Markdown body: newline and tab allowed, the rest refused (first occurrence reported)."""
    body = doc.body
    if body.isascii():  # fast path: only C0 controls and DEL can be wrong, checked on bytes
        if not body.encode("ascii").translate(None, _ASCII_FINE):
            return []
    elif body.replace("\n", "").replace("\t", "").isprintable():
        return []
    match = BAD_BODY.search(body)
    if not match:
        return []
    count = len(BAD_BODY.findall(doc.body))
    more = f" (dan {count - 1} lainnya)" if count > 1 else ""
    line = doc.body_line + doc.body.count("\n", 0, match.start())
    return [diagnostic("control-character", doc.file, line, "",
                       f"Isi memuat karakter tak terlihat yang tidak diizinkan: {describe(match.group(0))}{more}.",
                       HINT)]
