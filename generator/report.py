"""Diagnostics for people and machines: text (Indonesian), JSON, GitHub annotations, step
summary."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

from generator.diagnostics import Diagnostic, sort_key
from generator.textsafety import json_safe, terminal_safe


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=sort_key)


def render_text(diagnostics: list[Diagnostic], files_checked: int) -> str:
    """Grouped by file; ends with the count line. Every piece of text is escaped for a terminal
    (``terminal_safe``): a crafted value cannot erase a line or fake the count line."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in _sorted(diagnostics):
        by_file[d.file].append(d)
    lines: list[str] = []
    for file in sorted(by_file):
        lines.append(terminal_safe(file))
        for d in by_file[file]:
            kind = "kesalahan" if d.is_error else "peringatan"
            where = f"baris {d.line}" if d.line else "berkas"
            path = terminal_safe(d.path) or "-"
            lines.append(f"  {where}  {path}  {kind} [{d.code}]: {terminal_safe(d.message)}")
            if d.hint:
                lines.append(f"    saran: {terminal_safe(d.hint)}")
        lines.append("")
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    count = f"{errors} kesalahan, {warnings} peringatan dalam {files_checked} berkas."
    lines.append(f"Tidak ada masalah: {count}" if not diagnostics else count)
    return "\n".join(lines) + "\n"


def render_json(diagnostics: list[Diagnostic]) -> str:
    """A JSON list of {file, line, path, severity, code, message, hint}."""
    rows = [d.to_json() for d in _sorted(diagnostics)]
    return json_safe(json.dumps(rows, ensure_ascii=False, indent=2))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LINE_BREAKS = "\r\n"


def render_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands, one per problem."""
    out = []
    for d in _sorted(diagnostics):
        props = [f"file={_escape_property(terminal_safe(d.file, _LINE_BREAKS))}"]
        if d.line:
            props.append(f"line={d.line}")
        props.append(f"title={_escape_property(d.code)}")
        message = terminal_safe(d.message, _LINE_BREAKS)  # line breaks become %0A/%0D below
        text = message if not d.path else f"{terminal_safe(d.path, _LINE_BREAKS)}: {message}"
        if d.hint:
            text += f"\nSaran: {terminal_safe(d.hint, _LINE_BREAKS)}"
        out.append(f"::{d.severity} {','.join(props)}::{_escape_data(text)}\n")
    return "".join(out)


# ASCII punctuation that GitHub's Markdown can read as syntax (links, images, emphasis, code,
# math, mentions, emoji, autolinks, table cells): a backslash before one makes it literal, and
# `\|` is the pipe inside a table cell. `&`, `<` and `>` become entities instead; `/ . , ; ' " ?`
# are left as they are so paths stay readable.
_MD_PUNCTUATION = re.compile(r"([!#$%()*+\-:=@\[\\\]^_`{|}~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _plain(value: object) -> str:
    """``value`` as printable Unicode text: a file name that is not UTF-8 (surrogate escapes
    from the file system) shows its bytes as ``\\xff``, a control character as ``\\x1b``."""
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _literal(text: str) -> str:
    """Markdown that renders exactly ``text``: nothing in it can open a link, image, emphasis,
    code span, HTML tag or table cell."""
    return html.escape(_MD_PUNCTUATION.sub(r"\\\1", text), quote=False)


def _cell(value: object) -> str:
    """One table cell. The messages write names and values between backticks; those become
    ``<code>`` elements around escaped text, so a backtick inside a contributor's key, value or
    file name cannot end the span early and let the rest render as Markdown (a link, an image).
    An unpaired backtick stays a literal backtick."""
    text = _plain(value).replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("`")
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(_literal(part))
        elif i < len(parts) - 1:
            out.append(f"<code>{_literal(part)}</code>")
        else:  # the last backtick has no partner
            out.append("\\`" + _literal(part))
    return "".join(out).replace("\n", "<br>")


def append_step_summary(path: Path, diagnostics: list[Diagnostic]) -> None:
    """Append a Markdown table of every problem (GitHub shows only 10 annotations per step)."""
    errors = sum(1 for d in diagnostics if d.is_error)
    lines = ["## Hasil validasi katalog", ""]
    if not diagnostics:
        lines.append("Tidak ada masalah.")
    else:
        lines.append(f"{errors} kesalahan, {len(diagnostics) - errors} peringatan.")
        lines.append("")
        lines.append("| berkas | baris | kunci | jenis | kode | pesan | saran |")
        lines.append("|---|---|---|---|---|---|---|")
        for d in _sorted(diagnostics):
            kind = "kesalahan" if d.is_error else "peringatan"
            lines.append(
                "| "
                + " | ".join(
                    _cell(x) for x in (d.file, d.line, d.path, kind, d.code, d.message, d.hint)
                )
                + " |"
            )
    with Path(path).open("a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write("\n".join(lines) + "\n\n")
