"""``python -m generator validate`` and ``new`` as a contributor or CI runs them: formats and exit
codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.validator.conftest import TESTS, make_content

REPO = TESTS.parent


def katalog(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    full_env.update({"KATALOG_TODAY": TODAY.isoformat(), **(env or {})})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=120)


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def test_valid_content_exits_0_with_a_count(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "Tidak ada masalah: 0 kesalahan, 0 peringatan dalam 1 berkas."


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    content = make_content("stale", tmp_path)
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 0
    assert "0 kesalahan, 1 peringatan dalam 1 berkas." in proc.stdout


def test_text_groups_by_file_with_line_path_and_hint(tmp_path: Path) -> None:
    content = make_content("unknown-key-nested", tmp_path)
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].endswith("innovations/kasus.md")
    assert any(line.startswith("  baris 8  agency.provinsi  ") for line in lines)
    assert any(line.startswith("    saran: Maksud Anda `province`?") for line in lines)
    assert lines[-1] == "2 kesalahan, 0 peringatan dalam 1 berkas."


def test_json_format(tmp_path: Path) -> None:
    content = make_content("wrong-type-quoted-year", tmp_path)
    proc = katalog("validate", "--content", str(content), "--format", "json")
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)
    assert rows == [{
        "file": str(content / "innovations" / "kasus.md"),
        "line": 10,
        "path": "year",
        "severity": "error",
        "code": "wrong-type",
        "message": rows[0]["message"],
        "hint": rows[0]["hint"],
    }]
    assert "Hapus tanda kutip" in rows[0]["hint"]


def test_json_format_valid_is_an_empty_list(tmp_path: Path) -> None:
    proc = katalog(
        "validate", "--content", str(make_content("valid-full", tmp_path)), "--format", "json"
    )
    assert proc.returncode == 0 and json.loads(proc.stdout) == []


def test_github_format_and_step_summary(tmp_path: Path) -> None:
    content = make_content("unknown-key-nested", tmp_path)
    summary = tmp_path / "summary.md"
    proc = katalog("validate", "--content", str(content), "--format", "github",
                   env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("::error file=") for line in lines)
    assert ",line=8,title=unknown-key::agency.provinsi: " in lines[1]
    table = summary.read_text(encoding="utf-8")
    assert "| berkas | baris | kunci | jenis | kode | pesan | saran |" in table
    assert table.count("\n| ") == 3  # header + two problems


def test_files_argument_reports_only_those_files_but_knows_the_others(tmp_path: Path) -> None:
    content = make_content("valid-full", tmp_path)
    (content / "innovations" / "rusak.md").write_text("tanpa front matter\n", encoding="utf-8")
    proc = katalog("validate", "--content", str(content), "--format", "json",
                   str(content / "innovations" / "kasus.md"))
    # kasus.md replicates induk.md, which is loaded for the cross-file rule; rusak.md is not
    # reported.
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout) == []
    proc = katalog(
        "validate",
        "--content",
        str(content),
        "--format",
        "json",
        str(content / "innovations" / "rusak.md"),
    )
    assert proc.returncode == 1
    assert [r["code"] for r in json.loads(proc.stdout)] == ["front-matter-missing"]


@pytest.mark.parametrize("args", [
    ("validate", "--content", "/nonexistent/konten"),
    ("validate", "--format", "xml"),
    ("validate", "--content", "{content}", "/nonexistent/berkas.md"),
    ("tidak-ada",),
    (),
])
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    proc = katalog(*(a.format(content=content) for a in args))
    assert proc.returncode == 2
    no_traceback(proc)
    assert proc.stderr.strip()


def test_bad_katalog_today_exits_2(tmp_path: Path) -> None:
    proc = katalog("validate", "--content", str(make_content("valid-minimal", tmp_path)),
                   env={"KATALOG_TODAY": "besok"})
    assert proc.returncode == 2 and "KATALOG_TODAY" in proc.stderr


@pytest.mark.parametrize(
    "case", ["not-utf8", "empty-file", "front-matter-too-large", "yaml-anchor-alias", "yaml-tab"]
)
def test_unreadable_files_are_diagnostics_not_tracebacks(case: str, tmp_path: Path) -> None:
    proc = katalog("validate", "--content", str(make_content(case, tmp_path)), "--format", "json")
    assert proc.returncode == 1
    no_traceback(proc)
    assert json.loads(proc.stdout)


def test_new_writes_a_template_that_only_asks_to_be_filled_in(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    proc = katalog("new", "--content", str(content), "antrean-baru")
    assert proc.returncode == 0, proc.stderr
    written = content / "innovations" / "antrean-baru.md"
    assert written.is_file()
    proc = katalog("validate", "--content", str(content), "--format", "json", str(written))
    assert proc.returncode == 1
    assert {r["code"] for r in json.loads(proc.stdout)} == {"placeholder"}


def test_new_refuses_to_overwrite_and_rejects_bad_ids(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    before = (content / "innovations" / "kasus.md").read_bytes()
    for args in (("kasus",), ("Bukan_Id",), ()):
        proc = katalog("new", "--content", str(content), *args)
        assert proc.returncode == 2, args
        assert proc.stderr.startswith("katalog new: ")
        no_traceback(proc)
    assert (content / "innovations" / "kasus.md").read_bytes() == before


def test_new_to_stdout_writes_nothing(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    proc = katalog("new", "--content", str(content), "--stdout", "contoh-saja")
    assert proc.returncode == 0
    assert proc.stdout.startswith("---\n") and "id: contoh-saja" in proc.stdout
    assert not (content / "innovations" / "contoh-saja.md").exists()


def test_content_folder_without_taxonomies_uses_the_projects_own(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    import shutil

    shutil.rmtree(content / "taxonomies")
    proc = katalog("validate", "--content", str(content), "--format", "json")
    assert proc.returncode == 0, proc.stdout
    # the fallback is a note on stderr: the JSON holds only the (absent) problems of the files
    assert json.loads(proc.stdout) == []
    assert "kosakata diambil dari" in proc.stderr


def test_files_given_twice_or_as_a_folder_are_checked_once(tmp_path: Path) -> None:
    content = make_content("valid-folder-form", tmp_path)
    folder = content / "innovations" / "kasus"
    proc = katalog("validate", "--content", str(content), "--format", "json",
                   str(folder), str(folder / "index.md"), str(folder / "index.md"))
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout) == []
