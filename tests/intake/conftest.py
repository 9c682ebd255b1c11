"""Helpers: compose an issue body from the form template the way GitHub renders it, run intake."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.intake.form import NO_RESPONSE, PROPOSAL_FORM, Form, load_form
from tests.conftest import ROOT as REPO
from tests.conftest import TODAY

__all__ = ["REPO", "TODAY", "example_answers", "files_under", "render_body"]

# Dropdown answers for a valid proposal (labels as the site shows them).
CHOICES = {
    "agency_type": "Pemerintah Kabupaten",
    "agency_province": "Jawa Timur",
    "category": "Kesehatan",
    "status": "Berjalan",
    "sdgs": "SDG 3: Kehidupan Sehat dan Sejahtera, SDG 9: Industri, Inovasi dan Infrastruktur",
}


def render_body(form: Form, answers: dict[str, object]) -> str:
    """What GitHub puts in the issue body for a submitted form: for every field in order,
    ``### <label>``, a blank line, the answer (``_No response_`` when empty; checkboxes as
    ``- [X] option`` / ``- [ ] option``), sections separated by a blank line."""
    parts = []
    for f in form.fields:
        value = answers.get(f.id, "")
        if f.type == "checkboxes":
            ticked = (
                set(value)
                if isinstance(value, (list, set, tuple))
                else set(f.options)
                if value is True
                else set()
            )
            text = "\n".join(f"- [{'X' if o in ticked else ' '}] {o}" for o in f.options)
        else:
            text = str(value) if str(value).strip() else NO_RESPONSE
        parts.append(f"### {f.label}\n\n{text}")
    return "\n\n".join(parts)


def example_answers(form: Form) -> dict[str, object]:
    """Every input and textarea filled with its placeholder, dropdowns with CHOICES, boxes
    ticked."""
    answers: dict[str, object] = {}
    for f in form.fields:
        if f.type == "checkboxes":
            answers[f.id] = True
        elif f.type == "dropdown":
            answers[f.id] = CHOICES.get(f.id, "")
        else:
            answers[f.id] = f.placeholder
    answers["status_note"] = ""  # a note is for vakum/berhenti/direncanakan
    return answers


@pytest.fixture(scope="session")
def form() -> Form:
    return load_form(PROPOSAL_FORM)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content" / "taxonomies", folder / "taxonomies")
    (folder / "innovations").mkdir()
    return folder


@pytest.fixture
def run(
    tmp_path: Path,
    content: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    """``run(body, *extra_args) → (exit code, JSON result)`` through the real command line."""
    monkeypatch.setenv("KATALOG_TODAY", TODAY.isoformat())
    counter = iter(range(1_000_000))

    def _run(body: str, *extra: str, content_dir: Path = content) -> tuple[int, dict]:
        body_file = tmp_path / f"body-{next(counter)}.md"
        body_file.write_bytes(body.encode("utf-8"))
        capsys.readouterr()
        code = main(
            [
                "intake",
                "--body-file",
                str(body_file),
                "--content",
                str(content_dir),
                "--format",
                "json",
                *extra,
            ]
        )
        out = capsys.readouterr().out
        return code, json.loads(out) if out.strip() else {}
    return _run


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
