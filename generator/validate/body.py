"""The Markdown body: unsafe HTML and URLs (errors) and the recommended sections (warnings).

Code (fenced blocks and inline spans) is shown as text by the site, so it is masked out
before the checks; everything else is scanned as one text so a tag spread over several
lines is still seen, and each problem is reported at the line where it occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.codes import diagnostic
from generator.diagnostics import Diagnostic
from generator.entities import unescape
from generator.source import SourceDocument

RECOMMENDED_SECTIONS = (
    "Latar Belakang",
    "Inovasi",
    "Hasil dan Dampak",
    "Pembelajaran",
    "Cara Mereplikasi",
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
# Every pattern here runs over contributor text and must stay linear in its length: no two
# adjacent quantifiers that can match the same characters, and a failed match must not scan
# past the place where the next attempt starts (tests/validator/test_redos.py).
_UNSAFE_TAG = re.compile(r"<\s*(?:/\s*)?(script|iframe|object|embed|style)\b", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>?")
_EVENT_ATTR = re.compile(r"[\s\"'/]on[a-z]+\s*=", re.IGNORECASE)
_ATTR_URL = re.compile(
    r"\b(?:href|src|action|formaction|xlink:href|data|poster|background|srcset|cite|content)\s*=\s*"
    r"(\"[^\"]*\"?|'[^']*'?|[^\s>]+)",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"\]\(\s*(<[^<>\n]*>?|[^)\s]*)")
_MD_REF = re.compile(r"^ {0,3}\[[^\[\]]+\]:\s*<?(\S+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^<>\s]*)>")
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_HEADINGS = re.compile(r"^ {0,3}##[ \t]+(.*)$", re.MULTILINE)
_NEWLINE = re.compile("\n")
# Python-Markdown is quadratic in some constructs (unclosed `[`, `![`, `[a](`, deep nesting):
# 20,000 `[` validate in a fraction of a second but take 40 s to build. These limits keep every
# body renderable in well under a second; `validate` fails a body beyond them, so a pull request
# that would stall the deploy fails its check instead. Real bodies stay far below them.
MAX_BODY_BYTES = 200 * 1024
MAX_BRACKETS = 500  # `[` (links, images, footnotes): each needs one
MAX_QUOTE_DEPTH = 20
MAX_LIST_INDENT = 40  # leading spaces/tabs before a list marker (about 20 levels)
_DEEP_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*){%d}" % (MAX_QUOTE_DEPTH + 1), re.MULTILINE)
_DEEP_LIST = re.compile(
    r"^[ \t]{%d,}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)" % (MAX_LIST_INDENT + 1), re.MULTILINE
)
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def _bad_url(url: str) -> str:
    """The dangerous scheme of a URL after entity decoding and whitespace removal, or ""."""
    cleaned = _URL_NOISE.sub("", unescape(url.strip("\"'<>"))).lower()
    for scheme in _BAD_SCHEMES:
        if cleaned.startswith(scheme):
            return scheme
    return ""


def _needs_full_scan(body: str) -> bool:
    """Whether anything unsafe or any code could be present (most bodies: no)."""
    if "<" in body or "&" in body or "`" in body or "~~~" in body:
        return True
    lowered = body.lower()
    # Browsers drop tabs and newlines inside a URL scheme, so look for "data:" without them.
    return "script" in lowered or "data:" in lowered.replace("\t", "").replace("\n", "")


def _mask_code(body: str) -> str:
    """The body with fenced code blocks and inline code replaced by spaces (newlines kept)."""
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            out.append(" " * len(line))
            continue
        if match:
            fence = match.group(1)
            out.append(" " * len(line))
            continue
        out.append(_mask_inline_code(line) if "`" in line else line)
    return "\n".join(out)


def _mask_inline_code(line: str) -> str:
    """``line`` with inline code spans (a backtick run, text, a run of the same length)
    replaced by spaces; linear: each run is matched with the next run of its length."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    following: dict[int, int] = {}
    closer = [0] * len(runs)  # index of the next run of the same length, or -1
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        closer[i] = following.get(length, -1)
        following[length] = i
    chars = list(line)
    i = 0
    while i < len(runs):
        j = closer[i]
        if j < 0 or runs[j][0] == runs[i][1]:  # no closing run, or an empty span
            i += 1
            continue
        start, end = runs[i][0], runs[j][1]
        chars[start:end] = " " * (end - start)
        i = j + 1
    return "".join(chars)


def _heading_title(raw: str) -> str:
    """The text of an ATX heading: without the closing ``#`` sequence and the spaces around it."""
    return raw.rstrip(" \t").rstrip("#").rstrip(" \t").strip()


class _Lines:
    """Offset in the body → file line."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.first = first_line

    def __call__(self, offset: int) -> int:
        return self.first + bisect_right(self.starts, offset) - 1


# A named character reference without ";" followed by "=" is not decoded inside an attribute
# (HTML's legacy rule), so "?a=1&lt=2" in a URL stays harmless; it is kept out of the check.
_REF_IN_QUERY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*=)")
_MAX_DECODES = 8


def _encoded_brackets(line: str) -> bool:
    """Whether character references on this line spell ``<`` or ``>`` once decoded, in any
    spelling (``&lt;``, ``&#60;``, ``&#x3C;``, ``&LT``, ``&nvlt;``, ``&amp;lt;`` …)."""
    text = _REF_IN_QUERY.sub("\uff06", line)
    before = text.count("<") + text.count(">")
    for _ in range(_MAX_DECODES):
        decoded = unescape(text)
        if decoded == text:
            return decoded.count("<") + decoded.count(">") > before
        text = decoded
    return True  # still decoding after many rounds: nobody writes text like that by accident


def check_body(doc: SourceDocument, sections: bool = True) -> list[Diagnostic]:
    """Every problem of a Markdown body; ``sections=False`` for prose pages, which have no
    recommended sections."""
    body = doc.body
    if not _needs_full_scan(body):
        return _check_sections(doc, body) if sections else []
    text = _mask_code(body)
    line_at = _Lines(text, doc.body_line)
    out: list[Diagnostic] = []
    seen: set[tuple[str, int]] = set()

    def add(code: str, offset: int, message: str, hint: str) -> None:
        line = line_at(offset)
        if (code, line) not in seen:  # one report per kind per line is enough
            seen.add((code, line))
            out.append(diagnostic(code, doc.file, line, "", message, hint))

    for match in _UNSAFE_TAG.finditer(text):
        name = match.group(1).lower()
        add("unsafe-html", match.start(), f"Tag HTML `<{name}>` tidak diizinkan di isi.",
            "Hapus tag itu; untuk video atau peta, tulis tautan biasa `[judul](https://...)`.")
    for element in _TAG.finditer(text):
        tag_text = element.group(0)
        # Look for handlers only outside quoted values (href=".../online=1" is harmless);
        # blanking keeps the offsets.
        attr = _EVENT_ATTR.search(
            _QUOTED.sub(
                lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], tag_text
            )
        )
        if attr:
            name = attr.group(0).strip(" \t\n\"'/=").split("=")[0].strip()
            add("unsafe-attribute", element.start() + attr.start() + 1,
                f"Atribut HTML `{name}=` (penangan kejadian) tidak diizinkan di isi.",
                "Hapus atributnya; isi studi kasus tidak boleh menjalankan skrip.")
        for url in _ATTR_URL.finditer(tag_text):
            scheme = _bad_url(url.group(1))
            if scheme:
                add(
                    "unsafe-url",
                    element.start() + url.start(),
                    f"Tautan `{scheme}` tidak diizinkan di isi.",
                    "Pakai tautan `https://`; gambar disimpan sebagai berkas di folder studi "
                    "kasus.",
                )
    for pattern in (_MD_LINK, _MD_REF, _AUTOLINK):
        for match in pattern.finditer(text):
            scheme = _bad_url(match.group(1))
            if scheme:
                add(
                    "unsafe-url",
                    match.start(1),
                    f"Tautan `{scheme}` tidak diizinkan di isi.",
                    "Pakai tautan `https://`; gambar disimpan sebagai berkas di folder studi "
                    "kasus.",
                )
    if "&" in text:
        offset = 0
        for line in text.split("\n"):
            if "&" in line and _encoded_brackets(line):
                add(
                    "encoded-markup",
                    offset,
                    "Isi memuat tanda `<` atau `>` yang ditulis sebagai entitas HTML (mis. `&lt;`, "
                    "`&#60;`).",
                    "Tulis tanda `<` atau `>` langsung (isi menampilkannya sebagai teks), atau "
                    "hapus; "
                    "entitas seperti itu di judul tautan bisa menjadi markup.",
                )
            offset += len(line) + 1
    return out + (_check_sections(doc, text) if sections else [])


def check_body_limits(doc: SourceDocument) -> list[Diagnostic]:
    """Bodies the Markdown renderer would take too long on (see MAX_BODY_BYTES and below)."""
    body = doc.body
    size = len(body.encode("utf-8")) if len(body) * 4 > MAX_BODY_BYTES else len(body)
    if size > MAX_BODY_BYTES:
        return [
            diagnostic(
                "body-too-large",
                doc.file,
                doc.body_line,
                "",
                f"Isi terlalu besar ({size // 1024} KiB; batasnya {MAX_BODY_BYTES // 1024} KiB).",
                "Ringkas isinya; dokumen panjang ditautkan sebagai sumber, bukan disalin.",
            )
        ]
    out = []
    brackets = body.count("[")
    if brackets > MAX_BRACKETS:
        offset = -1
        for _ in range(MAX_BRACKETS + 1):
            offset = body.index("[", offset + 1)
        out.append(
            diagnostic(
                "body-too-complex",
                doc.file,
                doc.body_line + body.count("\n", 0, offset),
                "",
                f"Isi memuat {brackets} tanda `[` (batasnya {MAX_BRACKETS}).",
                "Setiap tautan memakai satu `[`; kurangi tanda `[` yang tidak dipakai untuk "
                "tautan.",
            )
        )
    for pattern, what, limit in ((_DEEP_QUOTE, "kutipan `>` bersarang", MAX_QUOTE_DEPTH),
                                 (_DEEP_LIST, "daftar bersarang (indentasi)", MAX_LIST_INDENT)):
        likely = (body.count(">") > MAX_QUOTE_DEPTH if pattern is _DEEP_QUOTE
                  else "\t" in body or " " * (MAX_LIST_INDENT + 1) in body)  # cheap tests first
        match = pattern.search(body) if likely else None
        if match:
            out.append(
                diagnostic(
                    "body-too-complex",
                    doc.file,
                    doc.body_line + body.count("\n", 0, match.start()),
                    "",
                    f"Isi memuat {what} terlalu dalam (batasnya {limit}).",
                    "Ratakan struktur: kutipan dan daftar cukup beberapa tingkat.",
                )
            )
    return out


def _check_sections(doc: SourceDocument, text: str) -> list[Diagnostic]:
    headings = []
    line_at: _Lines | None = None
    for match in _HEADINGS.finditer(text):
        line_at = line_at or _Lines(text, doc.body_line)
        headings.append((_heading_title(match.group(1)), line_at(match.start())))
    out: list[Diagnostic] = []
    found: dict[str, int] = {}
    for title, line in headings:
        found.setdefault(title.lower(), line)
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
        out.append(
            diagnostic(
                "section-order",
                doc.file,
                line,
                "",
                f"Bagian `## {order[first_wrong]}` tidak pada urutan yang dianjurkan.",
                "Urutan: " + " → ".join(RECOMMENDED_SECTIONS) + ".",
            )
        )
    return out
