"""Problems are data: every stage returns Diagnostics, only the CLI/adapter decides to fail."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file.

    ``line`` is 1-based (0 only when no line can be named, e.g. a missing file);
    ``path`` is the dotted key path (``agency.type``, ``outcomes.0.source``) or ``""``
    for the whole file; ``message`` and ``hint`` are Bahasa Indonesia for contributors.
    """

    file: str
    line: int
    path: str
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.file, d.line, d.path, d.code)


def has_errors(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> bool:
    return any(d.is_error for d in diagnostics)
