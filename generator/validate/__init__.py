"""Validate loaded documents: shapes (JSON Schema), rules, body, and rules across files.

Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

from datetime import date

from generator.diagnostics import Diagnostic, sort_key
from generator.source import SourceDocument
from generator.taxonomy import Taxonomies
from generator.validate.assets import check_assets
from generator.validate.body import check_body, check_body_limits
from generator.validate.controls import check_body_text, check_front_matter
from generator.validate.crossfile import check_cross_file
from generator.validate.placeholders import check_placeholders
from generator.validate.rules import check_rules
from generator.validate.schema import check_schema, compiled_validator, schema_with_vocabularies

__all__ = ["validate_document", "validate_documents", "schema_with_vocabularies"]


def validate_document(doc: SourceDocument, taxonomies: Taxonomies, today: date) -> list[Diagnostic]:
    """Every single-file problem of one document."""
    placeholders, marked = check_placeholders(doc, compiled_validator(taxonomies).schema)
    problems = placeholders + [d for d in check_schema(doc, taxonomies) if d.path not in marked]
    reported = {d.path for d in problems if d.is_error}
    problems += check_rules(doc, today, reported)
    problems += check_body(doc)
    problems += check_assets(doc)
    problems += check_front_matter(doc) + check_body_text(doc) + check_body_limits(doc)
    return problems


def validate_documents(documents: list[SourceDocument], taxonomies: Taxonomies, today: date,
                       only_files: set[str] | None = None) -> list[Diagnostic]:
    """Validate ``documents``; with ``only_files``, report only on those files (all are still
    used for the rules across files)."""
    problems: list[Diagnostic] = []
    for doc in documents:
        if only_files is None or doc.file in only_files:
            problems += validate_document(doc, taxonomies, today)
    cross = check_cross_file(documents)
    if only_files is not None:
        cross = [d for d in cross if d.file in only_files]
    problems += cross
    return sorted(problems, key=sort_key)
