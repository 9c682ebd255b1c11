"""Characters contributor text may not carry, and escaping for the places text is written.

Control characters (C0 and C1, except newline and tab where a field allows several lines),
Unicode noncharacters and the bidirectional override/isolate characters are refused by the
validator (``control-character``); they make XML ill-formed, rewrite a terminal line, or show
text in an order other than the one stored. Whatever reaches a terminal, XML or JSON is
escaped again here, so even unvalidated text cannot do that.
"""

from __future__ import annotations

import re

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


def describe(ch: str) -> str:
    """``U+001B (karakter kontrol)`` and the like, for messages."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        kind = {0x0A: "baris baru", 0x09: "tab", 0x0D: "carriage return"}.get(code, "karakter kontrol")
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
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


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


__all__ = ["BAD_BODY", "BAD_MULTILINE", "BAD_ONE_LINE", "describe", "json_safe", "terminal_safe", "xml_safe"]
