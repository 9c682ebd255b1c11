"""Rendering diagnostics: text, JSON, GitHub workflow commands (escaped) and the step summary."""

from __future__ import annotations

import json
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.report import append_step_summary, render_github, render_json, render_text

TRICKY = Diagnostic(file="content/innovations/a,b:c.md", line=3, path="title", severity="error",
                    code="wrong-type", message="50% salah:\nbaris dua\r", hint="pakai | dan <b>")
WARN = Diagnostic(file="content/innovations/z.md", line=12, path="last_verified", severity="warning",
                  code="stale", message="Lama.", hint="")


def test_github_escapes_data_and_properties() -> None:
    out = render_github([TRICKY])
    assert out == ("::error file=content/innovations/a%2Cb%3Ac.md,line=3,title=wrong-type::"
                   "title: 50%25 salah:%0Abaris dua%0D%0ASaran: pakai | dan <b>\n")


def test_github_warning_and_one_line_per_problem() -> None:
    lines = render_github([WARN, TRICKY]).splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("::warning file=content/innovations/z.md,line=12,title=stale::")


def test_json_is_a_list_of_the_contract_fields() -> None:
    rows = json.loads(render_json([WARN, TRICKY]))
    assert [r["file"] for r in rows] == [TRICKY.file, WARN.file]  # sorted by file, line
    assert set(rows[0]) == {"file", "line", "path", "severity", "code", "message", "hint"}


def test_text_counts_and_groups() -> None:
    out = render_text([WARN, TRICKY], files_checked=16)
    assert out.splitlines()[0] == TRICKY.file
    assert "  baris 12  last_verified  peringatan [stale]: Lama." in out
    assert out.rstrip().endswith("1 kesalahan, 1 peringatan dalam 16 berkas.")
    assert render_text([], files_checked=3) == "Tidak ada masalah: 0 kesalahan, 0 peringatan dalam 3 berkas.\n"


def test_step_summary_escapes_cells(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("sebelumnya\n", encoding="utf-8")
    append_step_summary(path, [TRICKY, WARN])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("sebelumnya\n")
    rows = [line for line in text.splitlines() if line.startswith("| content/")]
    assert len(rows) == 2
    assert "pakai \\| dan &lt;b&gt;" in rows[0]
    assert "50% salah:<br>baris dua<br>" in rows[0]
    assert all(row.count(" | ") == 6 for row in rows)  # seven cells, no cell broken by | or a newline
