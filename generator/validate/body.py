"""The Markdown body: unsafe HTML and URLs (errors) and the recommended sections (warnings)."""

from __future__ import annotations

import html
import re

from generator.diagnostics import Diagnostic
from generator.source import SourceDocument
from generator.validate.codes import diagnostic

RECOMMENDED_SECTIONS = ("Latar Belakang", "Inovasi", "Hasil dan Dampak", "Pembelajaran", "Cara Mereplikasi")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_UNSAFE_TAG = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style)\b", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>?")
_EVENT_ATTR = re.compile(r"[\s\"'/]on[a-z]+\s*=", re.IGNORECASE)
_ATTR_URL = re.compile(
    r"\b(?:href|src|action|formaction|xlink:href|data|poster|background|srcset|cite)\s*=\s*"
    r"(\"[^\"]*\"?|'[^']*'?|[^\s>]+)",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"\]\(\s*<?([^)>]*)")
_MD_REF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^<>\s]*)>")
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_HEADING = re.compile(r"^ {0,3}##[ \t]+(.+?)[ \t]*#*[ \t]*$")


def _bad_url(url: str) -> str:
    """The dangerous scheme of a URL after entity decoding and whitespace removal, or ""."""
    cleaned = html.unescape(url.strip("\"'"))
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", cleaned).lower()
    for scheme in _BAD_SCHEMES:
        if cleaned.startswith(scheme):
            return scheme
    return ""


_HEADINGS_ONLY = re.compile(r"^ {0,3}##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def _needs_full_scan(body: str) -> bool:
    """Whether anything unsafe or any code fence could be present (most bodies: no)."""
    if "<" in body or "&" in body or "```" in body or "~~~" in body:
        return True
    lowered = body.lower()
    # Browsers drop tabs and newlines inside a URL scheme, so look for "data:" without them.
    return "script" in lowered or "data:" in lowered.replace("\t", "").replace("\n", "")


def check_body(doc: SourceDocument) -> list[Diagnostic]:
    if not _needs_full_scan(doc.body):
        headings = []
        for match in _HEADINGS_ONLY.finditer(doc.body):
            line = doc.body_line + doc.body.count("\n", 0, match.start())
            headings.append((match.group(1).strip(), line))
        return _check_sections(doc, headings)
    out: list[Diagnostic] = []
    file = doc.file
    fence: str | None = None
    headings: list[tuple[str, int]] = []
    for offset, raw in enumerate(doc.body.split("\n")):
        line_no = doc.body_line + offset
        fence_match = _FENCE.match(raw)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        heading = _HEADING.match(raw)
        if heading:
            headings.append((heading.group(1).strip(), line_no))
        line = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), raw)
        tag = _UNSAFE_TAG.search(line)
        if tag:
            name = tag.group(1).lower()
            out.append(diagnostic("unsafe-html", file, line_no, "", f"Tag HTML `<{name}>` tidak diizinkan di isi.",
                                  "Hapus tag itu; untuk video atau peta, tulis tautan biasa `[judul](https://...)`."))
        for element in _TAG.finditer(line):
            attr = _EVENT_ATTR.search(element.group(0))
            if attr:
                name = attr.group(0).strip(" \t\"'/=").split("=")[0].strip()
                out.append(diagnostic("unsafe-attribute", file, line_no, "",
                                      f"Atribut HTML `{name}=` (penangan kejadian) tidak diizinkan di isi.",
                                      "Hapus atributnya; isi studi kasus tidak boleh menjalankan skrip."))
                break
        urls = [m.group(1) for m in _MD_LINK.finditer(line)]
        urls += [m.group(1) for m in _MD_REF.finditer(line)]
        urls += [m.group(1) for m in _AUTOLINK.finditer(line)]
        urls += [m.group(1) for m in _ATTR_URL.finditer(line)]
        for url in urls:
            scheme = _bad_url(url)
            if scheme:
                out.append(diagnostic("unsafe-url", file, line_no, "",
                                      f"Tautan `{scheme}` tidak diizinkan di isi.",
                                      "Pakai tautan `https://`; gambar disimpan sebagai berkas di folder studi kasus."))
                break
    out.extend(_check_sections(doc, headings))
    return out


def _check_sections(doc: SourceDocument, headings: list[tuple[str, int]]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    found = {text.lower(): line for text, line in headings}
    present = []
    for section in RECOMMENDED_SECTIONS:
        line = found.get(section.lower())
        if line is None:
            out.append(diagnostic("missing-section", doc.file, doc.body_line, "",
                                  f"Bagian `## {section}` tidak ada di isi.",
                                  "Bagian yang dianjurkan, berurutan: "
                                  + ", ".join(f"`## {s}`" for s in RECOMMENDED_SECTIONS) + "."))
        else:
            present.append((line, section))
    order = [section for _, section in sorted(present)]
    expected = [s for s in RECOMMENDED_SECTIONS if s in order]
    if order != expected:
        first_wrong = next(i for i, (a, b) in enumerate(zip(order, expected)) if a != b)
        line = found[order[first_wrong].lower()]
        out.append(diagnostic("section-order", doc.file, line, "",
                              f"Bagian `## {order[first_wrong]}` tidak pada urutan yang dianjurkan.",
                              "Urutan: " + " → ".join(RECOMMENDED_SECTIONS) + "."))
    return out
