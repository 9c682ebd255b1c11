"""Exceptions that cross the library boundary; the CLI and the adapter turn them into text."""

from __future__ import annotations

from generator.diagnostics import Diagnostic


class ConfigError(Exception):
    """A usage or configuration problem (exit code 2): the message is for people, in Indonesian."""


class ContentError(Exception):
    """The content has errors; carries every diagnostic (errors and warnings)."""

    def __init__(self, diagnostics: list[Diagnostic], files_checked: int = 0) -> None:
        self.diagnostics = diagnostics
        self.files_checked = files_checked
        errors = sum(1 for d in diagnostics if d.is_error)
        super().__init__(f"{errors} kesalahan pada konten")
