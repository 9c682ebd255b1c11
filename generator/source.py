"""The loaded form of one case-study file, as the validator hands it to the model.

Loading itself (``load_documents``) lives in ``generator.loading``; this module only
declares the shape, so the model, search and render stages do not depend on the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One case study file after parsing.

    ``front_matter`` holds plain data only (str, int, float, bool, None, list, dict);
    dates stay ISO strings. ``lines`` maps dotted key paths (``agency.type``,
    ``outcomes.0.source``, ``""`` for the file) to 1-based line numbers.
    """

    file: str
    doc_id: str
    front_matter: dict[str, Any]
    body: str
    body_line: int
    lines: dict[str, int] = field(default_factory=dict)
    # Path relative to the content folder's parent, for "edit this page" links.
    rel_path: str = ""
    # Raw text of plain scalars that YAML 1.1 typed as non-strings (``no``, ``01234``), by path,
    # so the validator can explain the surprise ("quote it: YAML reads an unquoted no as false").
    scalars: dict[str, str] = field(default_factory=dict)
    # (path, text, is a key) of the strings the reader found not printable: the only ones the
    # invisible-character check needs to look at; None (built by hand) means "look at all".
    unprintable: tuple[tuple[str, str, bool], ...] | None = None
