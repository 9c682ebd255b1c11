"""Characters contributor text may not carry, and escaping for the places text is written.

Control characters (C0 and C1, except newline and tab where a field allows several lines),
Unicode noncharacters and the bidirectional override/isolate characters are refused by the
validator (``control-character``); they make XML ill-formed, rewrite a terminal line, or show
text in an order other than the one stored. Whatever reaches a terminal, XML or JSON is
escaped again here, so even unvalidated text cannot do that.
"""

from __future__ import annotations

import re
from typing import Any

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Zero-width characters make two names that look the same different strings; refused in front
# matter and vocabularies (not in Markdown bodies, where joiners have legitimate uses).
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
# Not allowed in a Markdown body.
BAD_BODY = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}{_BIDI}]")
# Not allowed in a front-matter field that may span lines (summaries, descriptions).
BAD_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}{_BIDI}{_ZERO_WIDTH}]")
# Not allowed in a one-line field (titles, names, ids): the above plus newline and tab.
BAD_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_NONCHARACTERS}{_BIDI}{_ZERO_WIDTH}]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TERMINAL = re.compile(f"[\x00-\x1f\x7f-\x9f{_NONCHARACTERS}{_BIDI}\u2028\u2029]")
_JSON_EXTRA = re.compile(f"[\x7f-\x9f{_NONCHARACTERS}{_BIDI}\u2028\u2029]")


# The validator's `control-character` check (generator/validate/controls.py) and the taxonomy
# reader share what follows.
# Fields (by their last key) whose text may span several lines: newline and tab allowed there.
MULTILINE_FIELDS = frozenset(
    {
        "summary",
        "summary_en",
        "status_note",
        "description",
        "address",
        "note",
        "requirements",
        "legal_basis",
        "cost",
    }
)
CONTROL_HINT = (
    "Hapus karakter itu (sering terbawa saat menyalin dari PDF, pengolah kata atau terminal); "
    'bila ditulis sebagai escape YAML seperti `"\\x1b"`, hapus escape-nya.'
)


def text_problems(
    data: Any, multiline: frozenset[str] = MULTILINE_FIELDS
) -> list[tuple[str, str, bool]]:
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


def control_message(path: str, ch: str, is_key: bool) -> str:
    where = f"Kunci `{path}`" if is_key else f"`{path}`"
    if ch in "\n\t":
        return f"{where} harus satu baris, tetapi memuat {describe(ch)}."
    return f"{where} memuat karakter tak terlihat yang tidak diizinkan: {describe(ch)}."


def describe(ch: str) -> str:
    """``U+001B (karakter kontrol)`` and the like, for messages."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        kind = {0x0A: "baris baru", 0x09: "tab", 0x0D: "carriage return"}.get(
            code, "karakter kontrol"
        )
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = "pengatur arah teks (bidi)"
    elif 0x200B <= code <= 0x200D or code in (0x2060, 0xFEFF):
        kind = "karakter lebar-nol (zero-width)"
    else:
        kind = "bukan karakter Unicode (noncharacter)"
    return f"U+{code:04X} ({kind})"


def terminal_safe(text: str, keep: str = "") -> str:
    """``text`` with every control, bidi and noncharacter shown as an escape (``\\x1b``,
    ``\\u202e``): printed, it cannot move the cursor, erase a line or reorder text. Characters
    in ``keep`` (e.g. newlines a later step encodes itself) stay as they are."""
    if text.isprintable():  # fast path: most messages
        return text
    if keep:
        return _TERMINAL.sub(lambda m: m.group(0) if m.group(0) in keep else _escape(m), text)
    return _TERMINAL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return (
        f"\\x{code:02x}"
        if code <= 0xFF
        else f"\\u{code:04x}"
        if code <= 0xFFFF
        else f"\\U{code:08x}"
    )


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``, which escapes C0 already) with
    C1 controls, bidi and noncharacters escaped as ``\\uXXXX`` too; the data are unchanged."""
    return _JSON_EXTRA.sub(lambda m: "".join(f"\\u{u:04x}" for u in _utf16(m.group(0))), text)


def _utf16(ch: str) -> list[int]:
    data = ch.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (replaced by U+FFFD), so a feed or
    an SVG stays well-formed whatever the input; escape it for markup afterwards."""
    return _XML_INVALID.sub("\ufffd", text)


__all__ = [
    "BAD_BODY",
    "BAD_MULTILINE",
    "BAD_ONE_LINE",
    "describe",
    "json_safe",
    "terminal_safe",
    "xml_safe",
]
