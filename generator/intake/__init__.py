"""``katalog intake``: a GitHub issue-form body → a validated ``innovations/<id>.md``.

The form template maps ``### Label`` sections back to fields (one source of truth); answers
become plain data written with a YAML emitter; the result is validated in memory with the
project's validator before anything touches the disk. Problems name the form field's label,
never the YAML key, because the contributor only ever saw the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.errors import ConfigError
from generator.intake.case import (
    BODY_SECTIONS,
    build_draft,
    known_field,
    ordered,
    render_case,
    slugify,
)
from generator.intake.form import PROPOSAL_FORM, Form, load_form
from generator.intake.issue_body import Problem, parse_issue_body
from generator.loading import load_documents, parse_document
from generator.pipeline import load_content_taxonomies
from generator.validate import validate_documents


@dataclass(frozen=True, slots=True)
class FieldDiagnostic:
    field: str  # the form field's id ("" for the form as a whole)
    label: str  # the label the contributor saw
    line: int  # line inside the answer (list fields), 0 when not applicable
    severity: str
    code: str
    message: str
    hint: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "field": self.field,
            "label": self.label,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass(slots=True)
class IntakeResult:
    id: str | None = None
    path: Path | None = None
    diagnostics: list[FieldDiagnostic] = field(default_factory=list)
    written: bool = False

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "path": self.path.as_posix() if self.path and self.written else None,
                "diagnostics": [d.to_json() for d in self.diagnostics]}


def _from_problem(form: Form, p: Problem) -> FieldDiagnostic:
    return FieldDiagnostic(
        p.field,
        form.label(p.field) if p.field else "",
        p.line,
        p.severity,
        p.code,
        p.message,
        p.hint,
    )


def field_of(path: str) -> tuple[str, int | None]:
    """The form field (and list item) behind a validator key path."""
    parts = path.split(".")
    head = parts[0]
    item = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    if head == "id":
        return "title", None
    if head in ("agency", "contact") and len(parts) > 1:
        return f"{head}_{parts[1]}", None
    if head == "agency":
        return "agency_name", None
    if head == "contact":
        return "contact_website", None
    if head == "replication" and len(parts) > 1:
        if parts[1] == "replicates":
            return "replication_replicates", int(parts[2]) if len(parts) > 2 and parts[
                2
            ].isdigit() else None
        return f"replication_{parts[1]}", None
    return head, item


_KEY_IN_TEXT = re.compile(r"`([a-z_]+(?:\.[a-z0-9_]+)*)(?:\[\])?(?:\.[a-z_]+)?(?:: ([^`]*))?`")


def _humanise(text: str, form: Form) -> str:
    """Backticked key paths in a validator message become the form's labels."""
    def swap(match: re.Match[str]) -> str:
        field_id, _ = field_of(match.group(1).replace("[]", ""))
        found = form.get(field_id)
        if match.group(2) is not None:  # `key: example` → the example alone
            return f"`{match.group(2)}`" if found else match.group(0)
        return f"«{found.label}»" if found else match.group(0)
    return _KEY_IN_TEXT.sub(swap, text)


# Validator hints about YAML syntax make no sense to someone who filled in a form.
_YAML_HINT_CODES = {"wrong-type", "yaml-syntax", "unknown-key", "placeholder"}
# Hints that speak of the file's keys, said again in terms of the form.
_FORM_HINTS = {
    "province-required": "Pilih provinsi instansi di kolom «Provinsi».",
    "contact-channel-required": "Isi minimal satu dari «Kontak: situs web», «Kontak: surel» atau "
                                "«Kontak: telepon», "
    "atau kosongkan semua kolom kontak.",
    "replicates-unknown": "Bila inovasi induknya belum ada di katalog, tulis barisnya sebagai "
    "`nama inovasi | instansi | hubungan`.",
    "source-index": "Nomor sumber menunjuk urutan baris di kolom «Sumber», mulai 1.",
}
_SOURCE_REF = re.compile(r"`source: (\d+)`")


def _from_validator(form: Form, d: Diagnostic, item_lines: dict[str, list[int]],
                    ranges: dict[str, tuple[int, int]], longest: str = "") -> FieldDiagnostic:
    if d.path:
        field_id, item = field_of(d.path)
    elif d.code == "front-matter-too-large":
        field_id, item = longest, None
    else:
        field_id, item = (
            next((fid for fid, (lo, hi) in ranges.items() if lo <= d.line <= hi), ""),
            None,
        )
    if not form.get(field_id):
        field_id = ""
    line = 0
    if item is not None and item < len(item_lines.get(field_id, [])):
        line = item_lines[field_id][item]
    hint = _FORM_HINTS.get(d.code) or (
        "" if d.code in _YAML_HINT_CODES else _humanise(d.hint, form)
    )
    message = _humanise(_SOURCE_REF.sub(r"Nomor sumber \1", d.message), form)
    return FieldDiagnostic(
        field_id, form.label(field_id) if field_id else "", line, d.severity, d.code, message, hint
    )


def _existing(innovations: Path, case_id: str) -> Path | None:
    for candidate in (
        innovations / f"{case_id}.md",
        innovations / case_id / "index.md",
        innovations / case_id,
    ):
        if candidate.exists():
            return candidate
    return None


def run_intake(body: str, content_dir: Path, today: date, form_path: Path | None = None,
               write: bool = True) -> IntakeResult:
    """Parse, build, validate and (when valid and ``write``) write the case study.

    Raises ConfigError for a missing content folder or an unusable form template.
    """
    form = load_form(form_path or PROPOSAL_FORM)
    unknown = [f.id for f in form.fields if f.type != "checkboxes" and not known_field(f.id)]
    if unknown:
        raise ConfigError(
            f"templat `{form.path}` memuat kolom yang tidak dikenal intake: {', '.join(unknown)}"
        )
    content_dir = Path(content_dir)
    taxonomies, tax_problems, _notes = load_content_taxonomies(content_dir)
    if any(d.is_error for d in tax_problems):
        raise ConfigError(
            f"kosakata di `{content_dir / 'taxonomies'}` tidak sah; jalankan `katalog validate`."
        )
    result = IntakeResult()
    answers = parse_issue_body(body, form)
    draft = build_draft(form, answers, taxonomies)
    problems = answers.problems + draft.problems
    title = draft.data.get("title")
    case_id = slugify(title) if isinstance(title, str) else ""
    if isinstance(title, str) and not case_id:
        problems.append(Problem("title", f"Dari «{title}» tidak bisa dibentuk alamat halaman.",
                                "Nama inovasi butuh huruf a–z atau angka."))
    innovations = content_dir / "innovations"
    if case_id:
        result.id = case_id
        result.path = innovations / f"{case_id}.md"
        taken = _existing(innovations, case_id)
        if taken is not None:
            problems.append(
                Problem(
                    "title",
                    f"Studi kasus dengan alamat `{case_id}` sudah ada ({taken.as_posix()}); berkas "
                    "itu tidak diubah.",
                    "Bila inovasinya sama, pakai formulir Laporkan pembaruan. Bila berbeda, "
                    "bedakan Nama inovasi, "
                    "mis. dengan nama daerahnya.",
                )
            )
    result.diagnostics = [_from_problem(form, p) for p in problems]
    if problems or not case_id:
        return result

    data = ordered({"id": case_id, **draft.data})
    try:
        text, ranges = render_case(data, draft.sections)
    except ValueError:  # not expected: forbidden characters are refused above
        result.diagnostics.append(
            FieldDiagnostic(
                "",
                "",
                0,
                "error",
                "intake",
                "Isian tidak bisa ditulis sebagai YAML yang dibaca kembali sama persis.",
            )
        )
        return result
    target = innovations / f"{case_id}.md"
    file = str(target)
    context, _, _ = load_documents(content_dir, None) if innovations.is_dir() else ([], [], 0)
    doc, load_problems = parse_document(
        text.encode("utf-8"), file, case_id, f"{content_dir.name}/innovations/{case_id}.md"
    )
    found = list(load_problems)
    if doc is not None:
        found += validate_documents([*context, doc], taxonomies, today, only_files={file})
    # The front matter's size limit is the longest answer's fault.
    longest = max((f.id for f in form.fields if not f.id.startswith("body_")),
                  key=lambda fid: len(answers.text.get(fid, "")), default="")
    result.diagnostics += [
        _from_validator(form, d, draft.item_lines, ranges, longest) for d in found
    ]
    if any(d.is_error for d in found) or doc is None or not write:
        return result
    innovations.mkdir(parents=True, exist_ok=True)
    if target.resolve().parent != innovations.resolve():
        raise ConfigError(f"`{target}` berada di luar `{innovations}`.")
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        result.diagnostics.append(
            FieldDiagnostic(
                "title",
                form.label("title"),
                0,
                "error",
                "intake",
                f"Studi kasus dengan alamat `{case_id}` sudah ada; berkas itu tidak diubah.",
            )
        )
        return result
    result.written = True
    return result


def render_text(diagnostics: list[FieldDiagnostic], written_path: str | None) -> str:
    """The report for people: each problem under the label of its form field."""
    lines = []
    for d in diagnostics:
        where = f"Kolom «{d.label}»" if d.label else "Formulir"
        if d.line:
            where += f", baris {d.line}"
        lines.append(f"{where}: {'galat' if d.is_error else 'peringatan'}: {d.message}")
        if d.hint:
            lines.append(f"  Saran: {d.hint}")
    lines.append(
        f"Berkas baru: {written_path}" if written_path else "Tidak ada berkas yang ditulis."
    )
    return "\n".join(lines) + "\n"


__all__ = ["BODY_SECTIONS", "FieldDiagnostic", "IntakeResult", "render_text", "run_intake"]
