"""Template markers (``GANTI``) left from ``katalog new``: one clear error per field."""

from __future__ import annotations

import re
from typing import Any

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.validate.schema import line_of

MARKER = re.compile(r"\bGANTI\b")


def schema_at(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The subschema that describes ``path`` (following properties and items)."""
    node = schema
    for part in path.split(".") if path else ():
        if part.isdigit() and isinstance(node.get("items"), dict):
            node = node["items"]
        elif isinstance(node.get("properties"), dict) and part in node["properties"]:
            node = node["properties"][part]
        else:
            return {}
    return node


def _walk(value: Any, path: str, found: list[str]) -> None:
    if isinstance(value, str):
        if MARKER.search(value):
            found.append(path)
    elif isinstance(value, dict):
        for key, child in value.items():
            _walk(child, f"{path}.{key}" if path else str(key), found)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _walk(child, f"{path}.{index}" if path else str(index), found)


def check_placeholders(
    doc: SourceDocument, schema: dict[str, Any]
) -> tuple[list[Diagnostic], set[str]]:
    """Errors for every ``GANTI`` left in front matter or body, and the front-matter paths."""
    paths: list[str] = []
    if "GANTI" in repr(doc.front_matter):  # cheap test first; most documents have no marker
        _walk(doc.front_matter, "", paths)
    out: list[Diagnostic] = []
    for path in paths:
        sub = schema_at(schema, path)
        hint = sub.get("description", "")
        enum = sub.get("enum")
        if enum:
            shown = ", ".join(f"`{v}`" for v in enum[:40]) + (", …" if len(enum) > 40 else "")
            hint = f"Pilih salah satu: {shown}."
        out.append(diagnostic("placeholder", doc.file, line_of(doc, path), path,
                              f"`{path}` masih berisi teks templat `GANTI`.", hint))
    for offset, line in enumerate(doc.body.split("\n") if "GANTI" in doc.body else ()):
        if MARKER.search(line):
            out.append(diagnostic("placeholder", doc.file, doc.body_line + offset, "",
                                  "Isi masih berisi teks templat `GANTI`.",
                                  "Ganti dengan uraian Anda, atau hapus paragraf itu."))
    return out, set(paths)
