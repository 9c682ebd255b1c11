"""Small value rules shared by every stage, defined once: the kebab-case id, slugs, strict
integers and the staleness threshold.

A leaf module (standard library only), so the loader, the validator, the model, the renderers,
the scaffold and the intake can all use it without depending on each other.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

# Case ids, collection and prose-page names: lower-case kebab-case. The JSON Schema
# (generator/schema/innovation.schema.json) writes the same pattern; a test keeps them equal.
ID_REGEX = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_PATTERN = re.compile(ID_REGEX)
ID_MAX = 80

# A case is stale when ``last_verified`` is more than this many days before the reference date;
# the site and the data dictionary say it as STALE_PERIOD.
STALE_AFTER_DAYS = 365
STALE_PERIOD = "12 bulan"


def is_id(text: str) -> bool:
    return ID_PATTERN.match(text) is not None


def kebab(text: str) -> str:
    """ASCII kebab-case: accents dropped, every other run of non-letters/digits → ``-``
    ("Kota Bandung Barát" → "kota-bandung-barat"); "" when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def is_int(value: Any) -> bool:
    """A YAML integer: ``int`` but not ``bool`` (2019.0, a float, is not a year)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_stale(verified: date, today: date) -> bool:
    return (today - verified).days > STALE_AFTER_DAYS
