"""Invisible characters in text values and bodies: control characters, noncharacters and
bidi overrides are errors (``control-character``); see ``generator.textsafety``."""

from __future__ import annotations

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.textsafety import (
    BAD_BODY,
    CONTROL_HINT,
    candidate_problems,
    control_message,
    describe,
    text_problems,
)

_ASCII_FINE = bytes(range(0x20, 0x7F)) + b"\n\t"


def check_front_matter(doc: SourceDocument) -> list[Diagnostic]:
    out = []
    found = (text_problems(doc.front_matter) if doc.unprintable is None
             else candidate_problems(doc.unprintable) if doc.unprintable else [])
    for path, ch, is_key in found:
        line = doc.lines.get(path) or doc.lines.get(path.rpartition(".")[0]) or 1
        hint = "Tulis dalam satu baris (tanpa `|`)." if ch in "\n\t" else CONTROL_HINT
        out.append(
            diagnostic(
                "control-character", doc.file, line, path, control_message(path, ch, is_key), hint
            )
        )
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
    return [
        diagnostic(
            "control-character",
            doc.file,
            line,
            "",
            "Isi memuat karakter tak terlihat yang tidak diizinkan: "
            f"{describe(match.group(0))}{more}.",
            CONTROL_HINT,
        )
    ]
