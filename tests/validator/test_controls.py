"""Control characters, noncharacters and bidi overrides: refused in every text value (front
matter, taxonomies, pages, bodies); escaped wherever text is written to a terminal, JSON or XML."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.pipeline import load_and_validate
from generator.report import render_github, render_json, render_text
from generator.textsafety import terminal_safe, xml_safe
from tests.conftest import TODAY
from tests.validator.conftest import make_content
from tests.validator.test_cli import katalog, no_traceback

ERASE = (
    "\\x1b[2K\\r\\x1b[1A\\x1b[2K0 kesalahan, 0 peringatan dalam 1 berkas."  # a YAML escape sequence
)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "path", "shown"),
    [
        ('title: "Judul \\x01"', "title", "U+0001"),
        (f'title: "{ERASE}"', "title", "U+001B"),
        ('title: "Judul \\uFFFE"', "title", "U+FFFE"),
        ('title: "Judul \\uFDD0"', "title", "U+FDD0"),
        ('title: "Judul \\U0001FFFF"', "title", "U+1FFFF"),
        ('title: "Judul \\u202Eabc"', "title", "U+202E"),
        ('title: "Judul \\u2066abc"', "title", "U+2066"),
        ('title: "Judul \\x85"', "title", "U+0085"),
        ('title: "Judul\\nkedua"', "title", "U+000A (baris baru)"),
        ('title: "Judul\\tkedua"', "title", "U+0009 (tab)"),
        (
            'summary: "Ringkasan \\x1b[31m merah dan cukup panjang untuk batas minimal ringkasan"',
            "summary",
            "U+001B",
        ),
    ],
)
def test_invisible_characters_in_front_matter_are_errors(
    tmp_path: Path, line: str, path: str, shown: str
) -> None:
    content = make_content("valid-minimal", tmp_path)
    case = content / "innovations" / "kasus.md"
    key = line.split(":")[0]
    text = case.read_text(encoding="utf-8")
    old = next(row for row in text.split("\n") if row.startswith(f"{key}:"))
    _edit(case, old, line)
    result = load_and_validate(content, today=TODAY)
    found = [d for d in result.diagnostics if d.code == "control-character"]
    assert [(d.path, d.line) for d in found] == [(path, text.split("\n").index(old) + 1)]
    assert shown in found[0].message


def test_newline_and_tab_are_fine_where_a_field_has_several_lines(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    case = content / "innovations" / "kasus.md"
    text = case.read_text(encoding="utf-8")
    old = next(row for row in text.split("\n") if row.startswith("summary:"))
    _edit(case, old, old.replace("summary: ", 'summary: "') + '\\n\\tbaris kedua"')
    assert [
        d
        for d in load_and_validate(content, today=TODAY).diagnostics
        if d.code == "control-character"
    ] == []


def test_keys_bodies_pages_and_taxonomies_are_checked(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    case = content / "innovations" / "kasus.md"
    text = case.read_text(encoding="utf-8")
    case.write_text(text + "\nTeks \u202e terbalik dan \x1b[2K.\n\tTab boleh.\n", encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "panduan.md").write_text(
        '---\ntitle: "Panduan \\x07"\n---\n\nIsi \x0c halaman\n', encoding="utf-8"
    )
    statuses = content / "taxonomies" / "statuses.yml"
    _edit(statuses, "label:", 'label: "Berjalan \\u202e" #')
    result = load_and_validate(content, today=TODAY)
    found = sorted(
        (Path(d.file).name, d.line, d.path)
        for d in result.diagnostics
        if d.code == "control-character"
    )
    body_line = text.count("\n") + 2
    assert found == [("kasus.md", body_line, ""), ("panduan.md", 2, "title"), ("panduan.md", 5, ""),
                     ("statuses.yml", found[-1][1], found[-1][2])]
    assert found[-1][2].endswith("label")


def test_a_crafted_value_cannot_erase_the_error_line(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    case = content / "innovations" / "kasus.md"
    _edit(case, "category: kesehatan", f'category: "{ERASE}"')  # also echoed by unknown-value
    for fmt in ("text", "github", "json"):
        proc = katalog("validate", "--content", str(content), "--format", fmt)
        no_traceback(proc)
        assert proc.returncode == 1
        assert "\x1b" not in proc.stdout and "\r" not in proc.stdout
    text = katalog("validate", "--content", str(content)).stdout
    assert text.splitlines()[-1].startswith(("1 kesalahan", "2 kesalahan"))
    assert "\\x1b[2K" in text  # shown, escaped


def test_reports_escape_whatever_reaches_them() -> None:
    d = Diagnostic(
        "a\x1b.md", 1, "x\u202e", "error", "schema", "pesan\r\x1b[2K\n0 kesalahan", "saran\x9b"
    )
    for out in (render_text([d], 1), render_github([d])):
        assert not any(ch in out for ch in "\x1b\r\u202e\x9b")
    assert render_github([d]).count("\n") == 1
    assert render_text([d], 1).count("\n") == 5
    rows = json.loads(render_json([d]))
    assert rows[0]["message"] == d.message and rows[0]["hint"] == d.hint  # exact data, escaped text
    assert "\u202e" not in render_json([d]) and "\x9b" not in render_json([d])
    assert terminal_safe("Kota Surabaya") == "Kota Surabaya"


def test_feed_and_graph_stay_well_formed_xml_whatever_the_input(tmp_path: Path) -> None:
    from generator.exports import export_feed
    from generator.model import build_catalog
    from generator.render.graph import render_graph_svg
    from tests.site.conftest import FIXTURE

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    _edit(
        content / "innovations" / "layanan-induk.md",
        "title: Layanan Induk Antrean Puskesmas Daring",
        'title: "\\x01\\x1b\\uFFFE\\x0c Layanan Induk Antrean Puskesmas Daring"',
    )
    result = load_and_validate(content, today=TODAY)
    assert any(d.code == "control-character" for d in result.diagnostics)
    catalog = build_catalog(result.documents, result.taxonomies, TODAY)  # as if unchecked
    feed = export_feed(catalog, "https://contoh.id/")
    titles = [e.text for e in ET.fromstring(feed).iter("{http://www.w3.org/2005/Atom}title")]
    assert any(t and t.endswith("Layanan Induk Antrean Puskesmas Daring") for t in titles)
    svg = render_graph_svg(catalog, "", standalone=True)
    ET.fromstring(svg)
    assert xml_safe("a\x00b\ud800") == "a\ufffdb\ufffd"
