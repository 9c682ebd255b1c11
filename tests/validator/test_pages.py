"""content/pages/*.md and docs/ are checked like case studies: file, line, hint; no side door."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.pipeline import load_and_validate
from tests.conftest import ROOT as REPO
from tests.conftest import TODAY
from tests.validator.conftest import make_content

PAGES = {
    "baik.md": '---\ntitle: "Panduan <singkat> & cepat"\ndescription: Cara menulis.\n---\n\n'
    "Teks biasa dengan <b>markup</b> yang tampil sebagai teks.\n",
    "tanpa-front-matter.md": "# Judul\n\nTeks biasa.\n",
    "skrip.md": "---\ntitle: Skrip\n---\n\nBaris satu.\n\n<script>alert(1)</script>\n",
    "tautan.md": '# Tautan\n\n[a](javascript:alert(1))\n\n[b](https://contoh.id/ "&lt;img src=x '
                 'onerror=alert(1)&gt;")\n',
    "kunci.md": "---\ntitle: Kunci\njudull: salah ketik\ndescription: [a, b]\n---\nTeks.\n",
    "jangkar.md": "---\ntitle: &j Jangkar\ndescription: *j\n---\nTeks.\n",
    "jelajahi.md": "# Menimpa halaman situs\n",
    "Huruf Besar.md": "# Nama salah\n",
    "latin.md": b"# Judul\n\ncaf\xe9\n",
    "terbuka.md": "---\ntitle: Tidak ditutup\n\nTeks.\n",
}


def _content(tmp_path: Path) -> Path:
    content = make_content("valid-minimal", tmp_path)
    (content / "pages").mkdir()
    for name, text in PAGES.items():
        target = content / "pages" / name
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return content


def test_pages_are_validated_with_file_line_and_hint(tmp_path: Path) -> None:
    result = load_and_validate(_content(tmp_path), today=TODAY)
    found = sorted((Path(d.file).name, d.line, d.path, d.code) for d in result.diagnostics)
    assert found == [
        ("Huruf Besar.md", 1, "", "page-name"),
        ("jangkar.md", 2, "title", "yaml-anchor"),
        ("jangkar.md", 3, "description", "yaml-alias"),
        ("jelajahi.md", 1, "", "page-name"),
        ("kunci.md", 3, "judull", "unknown-key"),
        ("kunci.md", 4, "description", "wrong-type"),
        ("latin.md", 3, "", "not-utf8"),
        ("skrip.md", 7, "", "unsafe-html"),
        ("tautan.md", 3, "", "unsafe-url"),
        ("tautan.md", 5, "", "encoded-markup"),
        ("terbuka.md", 1, "", "front-matter-unclosed"),
    ]
    assert all(d.hint for d in result.diagnostics), [d for d in result.diagnostics if not d.hint]
    unknown = next(d for d in result.diagnostics if d.code == "unknown-key")
    assert "title" in unknown.hint


def test_a_page_with_errors_stops_the_build(tmp_path: Path) -> None:
    from generator.pipeline import load_catalog

    with pytest.raises(ContentError) as caught:
        load_catalog(_content(tmp_path), TODAY)
    assert any(d.code == "unsafe-html" for d in caught.value.diagnostics)


def _project(tmp_path: Path) -> Path:
    """A checkout-shaped folder: mkdocs.yml, overrides/, content/ and docs/ side by side."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "overrides").symlink_to(REPO / "overrides")
    shutil.copytree(make_content("valid-minimal", tmp_path), root / "content")
    (root / "docs").mkdir()
    (root / "docs" / ".gitkeep").write_bytes(b"")
    return root


def test_docs_may_hold_only_its_placeholder(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert [d.code for d in load_and_validate(root / "content", today=TODAY).diagnostics] == []
    (root / "docs" / "xss.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (root / "docs" / "sub").mkdir()
    (root / "docs" / "sub" / "halaman.md").write_text(
        "<img src=x onerror=alert(1)>", encoding="utf-8"
    )
    found = sorted(
        (Path(d.file).name, d.code)
        for d in load_and_validate(root / "content", today=TODAY).diagnostics
    )
    assert found == [("halaman.md", "docs-file"), ("xss.html", "docs-file")]


def test_build_refuses_files_in_docs_whatever_the_content_folder(tmp_path: Path) -> None:
    """`build --content elsewhere` or plain `mkdocs build` still goes through the plugin."""
    from generator.site import build_site

    root = _project(tmp_path)
    (root / "docs" / "xss.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(root / "content", elsewhere)
    with pytest.raises(ContentError) as caught:
        build_site(elsewhere, root / "site", root / "mkdocs.yml", TODAY)
    assert [d.code for d in caught.value.diagnostics] == ["docs-file"]
    assert not (root / "site").exists()


def test_huge_numeric_references_are_decoded_without_a_traceback() -> None:
    """html.unescape turns `&#` + digits into an int; 5,000 digits (or leading zeros) raised
    ValueError in the body check, the link check and the renderer."""
    from generator.entities import unescape
    from generator.render.markdown import MarkdownRenderer, is_safe_url
    from generator.source import SourceDocument
    from generator.validate.body import check_body

    zeros, nines = "0" * 5000, "9" * 5000
    assert unescape(f"&#{zeros}60;&#x{zeros}3e;&#{nines};&#x{nines};") == "<>\ufffd\ufffd"
    body = (f'[a](&#{zeros}106;avascript:alert(1)) [b](https://contoh.id/ '
            f'"&#{zeros}60;img&#{nines};")\n')
    codes = sorted(
        {d.code for d in check_body(SourceDocument("x.md", "x", {}, body, 1), sections=False)}
    )
    assert codes == ["encoded-markup", "unsafe-url"]
    assert not is_safe_url(f"&#{zeros}106;avascript:alert(1)")
    assert 'href="#"' in MarkdownRenderer().render(body)
