"""HTML character references in contributor text, decoded the way a browser does, safely.

``html.unescape`` turns a numeric reference into an ``int`` first, and Python refuses to
convert more than 4,300 digits: ``&#`` followed by a long run of digits (or of leading zeros)
raised ``ValueError`` in the validator and the renderer. Leading zeros are dropped and any
reference beyond U+10FFFF becomes U+FFFD, as browsers do, before the standard decoder runs.
"""

from __future__ import annotations

import html
import re

_LEADING_ZEROS = re.compile(r"&#([xX]?)0+(?=[0-9a-fA-F])")
# After the zeros are gone: 7+ hex digits or 8+ decimal digits are past U+10FFFF.
_TOO_BIG = re.compile(r"&#(?:[xX][0-9a-fA-F]{7,}|[0-9]{8,});?")


def unescape(text: str) -> str:
    """``html.unescape`` that never raises on huge numeric references."""
    if "&#" in text:
        text = _TOO_BIG.sub("\ufffd", _LEADING_ZEROS.sub(r"&#\1", text))
    return html.unescape(text)
