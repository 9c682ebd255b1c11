"""Rendering diagnostics: text, JSON, GitHub workflow commands (escaped) and the step summary."""

from __future__ import annotations

import json
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.report import append_step_summary, render_github, render_json, render_text
from tests.conftest import ROOT, TODAY

TRICKY = Diagnostic(file="content/innovations/a,b:c.md", line=3, path="title", severity="error",
                    code="wrong-type", message="50% salah:\nbaris dua\r", hint="pakai | dan <b>")
WARN = Diagnostic(
    file="content/innovations/z.md",
    line=12,
    path="last_verified",
    severity="warning",
    code="stale",
    message="Lama.",
    hint="",
)


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
    assert (
        render_text([], files_checked=3)
        == "Tidak ada masalah: 0 kesalahan, 0 peringatan dalam 3 berkas.\n"
    )


def test_step_summary_escapes_cells(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("sebelumnya\n", encoding="utf-8")
    append_step_summary(path, [TRICKY, WARN])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("sebelumnya\n")
    rows = [line for line in text.splitlines() if line.startswith("| content/")]
    assert len(rows) == 2
    assert "pakai \\| dan &lt;b&gt;" in rows[0]
    assert "50\\% salah\\:<br>baris dua<br>" in rows[0]
    assert all(
        row.count(" | ") == 6 for row in rows
    )  # seven cells, no cell broken by | or a newline


def _rendered_text(cell: str) -> tuple[str, list[str]]:
    """What a CommonMark renderer shows for one summary cell, and every character that it would
    read as Markdown syntax (an unescaped punctuation character outside our own tags)."""
    import html as html_lib
    import re

    active = []
    shown = []
    for piece in re.split(r"(<code>|</code>|<br>)", cell):
        if piece in ("<code>", "</code>", "<br>"):
            continue
        i = 0
        while i < len(piece):
            ch = piece[i]
            if (
                ch == "\\"
                and i + 1 < len(piece)
                and not piece[i + 1].isalnum()
                and piece[i + 1].isascii()
            ):
                shown.append(piece[i + 1])
                i += 2
                continue
            if ch == "&":
                entity = re.match(r"&(amp|lt|gt);", piece[i:])
                assert entity, piece[i:]
                shown.append(html_lib.unescape(entity.group(0)))
                i += len(entity.group(0))
                continue
            if ch in "`*_[]()!<>&|~:@$#+-{}\\=^%":
                active.append(ch)
            shown.append(ch)
            i += 1
    return "".join(shown), active


def test_step_summary_backticks_cannot_end_a_code_span(tmp_path: Path) -> None:
    """A backtick in a contributor's key, value or file name once closed the message's code span,
    and the rest rendered as Markdown: links, images (tracking pixels), HTML."""
    value = "a`![x](https://contoh.id/p.png) [klik](https://contoh.id/) <img src=x> **b** `c"
    hostile = Diagnostic(
        file="content/innovations/`[f](https://contoh.id/)`.md",
        line=2,
        path=f"tags.0`{value}",
        severity="error",
        code="invalid-format",
        message=f"Nilai `{value}` tidak sah.",
        hint="Tulis `[a](b)` atau ``x``.",
    )
    path = tmp_path / "summary.md"
    append_step_summary(path, [hostile])
    row = next(
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("| content/")
    )
    cells = row.removeprefix("| ").removesuffix(" |").replace("\\|", "\x00").split(" | ")
    assert len(cells) == 7
    for cell, original in zip(cells, (hostile.file, 2, hostile.path, "kesalahan", hostile.code,
                                      hostile.message, hostile.hint)):
        shown, active = _rendered_text(cell.replace("\x00", "\\|"))
        assert active == [], (cell, active)  # nothing left for Markdown to interpret
        assert shown == str(original).replace("`", "").replace("\x00", "|") or "`" in shown
    assert "<code>" in cells[5]  # the message's own code spans stay code


def test_step_summary_survives_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.validator.conftest import make_content

    content = make_content("valid-minimal", tmp_path)
    bad = os.fsdecode(b"k\xffx.md")
    (content / "innovations" / "kasus.md").rename(content / "innovations" / bad)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "KATALOG_TODAY": TODAY.isoformat(), "GITHUB_STEP_SUMMARY": str(summary)}
    proc = subprocess.run([sys.executable, "-m", "generator", "validate", "--content", str(content),
                           "--format", "github"], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1  # the id does not match the odd file name
    table = summary.read_text(encoding="utf-8")
    assert "k\\\\xffx.md" in table  # the byte shown as \xff, not a crash
