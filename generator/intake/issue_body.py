"""Read the body GitHub renders from an issue form: ``### Label`` sections in form order, an
empty answer as ``_No response_``, checkboxes as ``- [X] option``.

The body is text its author can edit freely, so the reader assumes nothing beyond that shape:
a section is a line ``### <label of a field of this form>`` (case and spacing aside); any
other line, ``### Subjudul`` included, belongs to the answer above it. A label that appears
twice is refused (an answer may not contain another field's heading), and a heading that
looks like a renamed label is reported with the label it probably was.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.intake.form import NO_RESPONSE, Field, Form, normalise_label

_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_CHECKBOX = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.*?)[ \t]*$")


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem with one form field (``field`` is its id; ``line`` counts inside its answer)."""

    field: str
    message: str
    hint: str = ""
    line: int = 0
    severity: str = "error"
    code: str = "intake"


@dataclass(slots=True)
class Answers:
    text: dict[str, str] = field(default_factory=dict)
    checked: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def normalise_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_issue_body(body: str, form: Form) -> Answers:
    answers = Answers()
    fields = [f for f in form.fields]
    by_label = {normalise_label(f.label): f for f in fields}
    lines = normalise_newlines(body).split("\n")
    sections: list[tuple[Field, int]] = []
    unknown_headings: list[str] = []
    for i, line in enumerate(lines):
        match = _HEADING.match(line)
        if not match:
            continue
        found = by_label.get(normalise_label(match.group(1)))
        if found is not None:
            sections.append((found, i))
        else:
            unknown_headings.append(match.group(1))
    seen: dict[str, int] = {}
    for n, (f, start) in enumerate(sections):
        end = sections[n + 1][1] if n + 1 < len(sections) else len(lines)
        seen[f.id] = seen.get(f.id, 0) + 1
        if seen[f.id] > 1:
            if seen[f.id] == 2:
                answers.problems.append(
                    Problem(
                        f.id,
                        f"Bagian «{f.label}» muncul lebih dari sekali di isi issue.",
                        "Setiap kolom hanya boleh sekali. Bila jawaban Anda memuat baris `### "
                        f"{f.label}`, "
                        "ubah atau hapus baris itu.",
                    )
                )
            continue
        answer = "\n".join(lines[start + 1:end]).strip("\n")
        if answer.strip() == NO_RESPONSE:
            answer = ""
        if f.type == "checkboxes":
            answers.checked[f.id] = {
                normalise_label(m.group(2)) for m in map(_CHECKBOX.match, answer.split("\n"))
                if m and m.group(1) in "xX"}
        answers.text[f.id] = _trim(answer, keep_indent=f.type == "textarea")
    missing = [f for f in fields if f.id not in seen]
    for f in missing:
        guess = difflib.get_close_matches(
            normalise_label(f.label),
            [normalise_label(h) for h in unknown_headings],
            n=1,
            cutoff=0.75,
        )
        if guess:
            shown = next(h for h in unknown_headings if normalise_label(h) == guess[0])
            answers.problems.append(
                Problem(
                    f.id,
                    f"Judul bagian «{shown}» bukan kolom formulir ini; mungkin maksudnya "
                    f"«{f.label}».",
                    f"Kembalikan judul bagiannya menjadi `### {f.label}` persis seperti di "
                    "formulir.",
                )
            )
        elif f.required:
            answers.problems.append(
                Problem(
                    f.id,
                    f"Kolom wajib «{f.label}» tidak ada di isi issue.",
                    f"Sunting issue dan tambahkan bagian `### {f.label}` berisi jawabannya, atau "
                    "buat issue baru "
                    "dari formulir.",
                )
            )
    return answers


def _trim(answer: str, keep_indent: bool) -> str:
    """Answers keep their inner text exactly. Around it, blank lines and trailing white space go;
    a textarea keeps the indentation of its first line (an indented code block stays one)."""
    if not keep_indent:
        return answer.strip()
    lines = answer.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines).rstrip()
